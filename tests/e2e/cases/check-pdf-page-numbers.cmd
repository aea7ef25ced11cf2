qzreport check -f gcc tests/fixtures/pdf-page-numbers.txt
