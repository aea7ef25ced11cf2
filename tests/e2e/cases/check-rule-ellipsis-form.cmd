qzreport check -f gcc tests/fixtures/check/ellipsis-form.txt
