# the YAML summary's fields as one JSON line (checked by hand against the YAML: the same tree)
qzreport summarize -f json data/quzhou-2023.txt
