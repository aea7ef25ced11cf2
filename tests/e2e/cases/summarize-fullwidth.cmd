qzreport summarize tests/fixtures/fullwidth.txt
