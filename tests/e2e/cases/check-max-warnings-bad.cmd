qzreport check --max-warnings many tests/fixtures/check/dash-form.txt
