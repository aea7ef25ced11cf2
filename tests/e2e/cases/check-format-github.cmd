qzreport check -f github tests/fixtures/check/halfwidth-punct.txt tests/fixtures/check/dash-form.txt
