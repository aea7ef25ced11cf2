qzreport check -f gcc tests/fixtures/check/heading-punct.txt
