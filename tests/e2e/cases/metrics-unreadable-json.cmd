# metrics --format json: a report that cannot be read is a line {"file", "error"} in its place
# (and named on stderr; exit code 2); the other formats leave it out
qzreport metrics -f json tests/fixtures/fullwidth.txt tests/fixtures/none.txt tests/fixtures/binary.bin - < data/quzhou-2023.txt | python3 -c '
import json, sys
for line in sys.stdin:
    o = json.loads(line)
    print(o["file"], o.get("error", "%d metrics" % len(o.get("metrics", []))))'
qzreport metrics -f json tests/fixtures/none.txt; echo "rc=$?"
qzreport metrics -f tsv tests/fixtures/none.txt; echo "rc=$?"
