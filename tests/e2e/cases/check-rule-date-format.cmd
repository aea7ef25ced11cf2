qzreport check -f gcc tests/fixtures/check/date-format.txt
