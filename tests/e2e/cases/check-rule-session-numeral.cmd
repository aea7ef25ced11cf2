qzreport check -f gcc tests/fixtures/check/session-numeral.txt
