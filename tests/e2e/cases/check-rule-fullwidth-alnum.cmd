qzreport check -f gcc tests/fixtures/check/fullwidth-alnum.txt
