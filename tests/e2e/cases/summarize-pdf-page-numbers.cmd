qzreport summarize tests/fixtures/pdf-page-numbers.txt
