qzreport check -f gcc tests/fixtures/check/unbalanced-pair.txt
