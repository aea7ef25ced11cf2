qzreport check --strict tests/fixtures/check/dash-form.txt > /dev/null; echo "rc=$?"
