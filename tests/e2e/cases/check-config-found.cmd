qzreport check -f gcc tests/fixtures/check/config/report.txt; echo "rc=$?"
