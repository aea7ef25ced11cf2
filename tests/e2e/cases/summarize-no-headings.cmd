qzreport summarize tests/fixtures/no-headings.txt
