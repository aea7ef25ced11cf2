# a file that cannot be read shows up in the output too, not only on stderr: JSON lists it among
# the files (in path order) as {"file", "error"}; SARIF as a notification of the invocation,
# which is not successful; GitHub as an annotation on the file. Exit code 2 all the same.
set -- tests/fixtures/check/dash-form.txt tests/fixtures/none.txt tests/fixtures/binary.bin
qzreport check -f json "$@" | python3 -c '
import json, sys
for f in json.load(sys.stdin)["files"]:
    print(f["file"], f.get("error", "%d diagnostics" % len(f.get("diagnostics", []))))'
qzreport check -f json "$@" > /dev/null 2>&1; echo "json rc=$?"
qzreport check -f sarif "$@" 2> /dev/null | python3 -c '
import json, sys
inv = json.load(sys.stdin)["runs"][0]["invocations"]
print("executionSuccessful:", inv[0]["executionSuccessful"])
for n in inv[0]["toolExecutionNotifications"]:
    print(n["level"], n["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], "-", n["message"]["text"])'
qzreport check -f sarif "$@" > /dev/null 2>&1; echo "sarif rc=$?"
qzreport check -f sarif tests/fixtures/check/dash-form.txt | python3 -c '
import json, sys
print(json.load(sys.stdin)["runs"][0]["invocations"])'
qzreport check -f github "$@" 2> /dev/null | grep -v '^::warning'
