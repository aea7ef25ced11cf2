qzreport fix tests/fixtures/pdf-page-numbers.txt
