qzreport check -f gcc tests/fixtures/check/dash-form.txt
