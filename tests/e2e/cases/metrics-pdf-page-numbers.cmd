qzreport metrics tests/fixtures/pdf-page-numbers.txt
