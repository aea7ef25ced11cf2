qzreport summarize tests/fixtures/bad-byte-line3.txt
