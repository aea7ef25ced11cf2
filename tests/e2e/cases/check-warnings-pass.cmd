qzreport check tests/fixtures/check/dash-form.txt > /dev/null; echo "rc=$?"
