qzreport check -f gcc tests/fixtures/check/clean.txt tests/fixtures/none.txt tests/fixtures/check/dash-form.txt; echo "rc=$?"
