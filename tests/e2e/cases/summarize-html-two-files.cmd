qzreport summarize -f html data/quzhou-2023.txt tests/fixtures/empty.txt
