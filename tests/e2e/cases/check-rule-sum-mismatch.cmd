qzreport check -f gcc tests/fixtures/check/sum-mismatch.txt
