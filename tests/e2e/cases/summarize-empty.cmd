qzreport summarize tests/fixtures/empty.txt
