qzreport check -f json -o "$TMP/c.json" tests/fixtures/check/dash-form.txt tests/fixtures/none.txt tests/fixtures/check/clean.txt; echo "rc=$?"; cat "$TMP/c.json"; ls -A "$TMP"
