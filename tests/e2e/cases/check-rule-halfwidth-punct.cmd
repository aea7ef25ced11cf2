qzreport check -f gcc tests/fixtures/check/halfwidth-punct.txt
