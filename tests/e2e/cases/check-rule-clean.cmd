qzreport check -f gcc tests/fixtures/check/clean.txt
