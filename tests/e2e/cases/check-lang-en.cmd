qzreport check --lang en -f gcc tests/fixtures/check/halfwidth-punct.txt
