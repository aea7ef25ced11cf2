# JSON and YAML read back to the same list (Python's json and PyYAML when present)
qzreport keys -f json | python3 -c 'import json,sys; d=json.load(sys.stdin); print(len(d), d[1]["key"], d[1]["units"], [k["key"] for k in d if "audit.rectification_rate" in k["rates"]])'
qzreport rules -f json | python3 -c 'import json,sys; d=json.load(sys.stdin); print(len(d), sum(r["fixable"] for r in d), d[0]["id"], d[0]["severity"])'
