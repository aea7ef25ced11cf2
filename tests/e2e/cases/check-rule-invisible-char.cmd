qzreport check -f gcc tests/fixtures/check/invisible-char.txt
