qzreport check -f gcc tests/fixtures/check/quote-form.txt
