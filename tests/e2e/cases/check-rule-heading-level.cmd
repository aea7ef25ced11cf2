qzreport check -f gcc tests/fixtures/check/heading-level.txt
