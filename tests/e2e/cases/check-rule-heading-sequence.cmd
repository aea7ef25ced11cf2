qzreport check -f gcc tests/fixtures/check/heading-sequence.txt
