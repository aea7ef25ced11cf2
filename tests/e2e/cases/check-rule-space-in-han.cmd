qzreport check -f gcc tests/fixtures/check/space-in-han.txt
