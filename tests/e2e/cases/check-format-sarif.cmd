qzreport check -f sarif tests/fixtures/check/ellipsis-form.txt
