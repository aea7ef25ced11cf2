qzreport fix -o "$TMP/out.txt" tests/fixtures/check/repeated-punct.txt && cat "$TMP/out.txt" && ls -A "$TMP"
