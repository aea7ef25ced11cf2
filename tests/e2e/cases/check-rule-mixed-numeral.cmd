qzreport check -f gcc tests/fixtures/check/mixed-numeral.txt
