# without --check, --in-place or --diff fix takes one FILE; those three go one at a time
qzreport fix tests/fixtures/check/clean.txt tests/fixtures/check/dash-form.txt; echo "$?"
qzreport fix --check --diff tests/fixtures/check/clean.txt; echo "$?"
qzreport fix --check -o "$TMP/x" tests/fixtures/check/clean.txt; echo "$?"
qzreport fix --diff - tests/fixtures/check/clean.txt; echo "$?"
