qzreport check --max-warnings 1 tests/fixtures/check/dash-form.txt > /dev/null; echo "rc=$?"; qzreport check --max-warnings 2 tests/fixtures/check/dash-form.txt > /dev/null; echo "rc=$?"
