qzreport check -f gcc tests/fixtures/check/repeated-punct.txt
