qzreport summarize tests/fixtures/no-such-file.txt
