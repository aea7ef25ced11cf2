# several reports: one JSON line each, in argument order
qzreport summarize -f json data/quzhou-2023.txt tests/fixtures/empty.txt | cut -c1-80
