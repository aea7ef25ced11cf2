# --all: a figure no rule names has the key "quantity" in every format, never null
qzreport metrics --all data/quzhou-2023.txt | awk -F'\t' '$1 == "quantity"' | wc -l
qzreport metrics --all -f json data/quzhou-2023.txt | python3 -c '
import json, sys
keys = [m["key"] for m in json.load(sys.stdin)["metrics"]]
print(keys.count("quantity"), keys.count(None))'
qzreport metrics --all -f yaml data/quzhou-2023.txt | grep -c 'key: quantity,'
qzreport metrics --all -f yaml data/quzhou-2023.txt | grep -c 'key: null' || :
