qzreport check -f gcc tests/fixtures/empty.txt; echo "rc=$?"
