qzreport check -f gcc tests/fixtures/check/nested-pair.txt
