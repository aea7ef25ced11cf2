qzreport summarize tests/fixtures/numbered-parts.txt
