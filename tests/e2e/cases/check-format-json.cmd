qzreport check -f json tests/fixtures/check/dash-form.txt tests/fixtures/check/clean.txt
