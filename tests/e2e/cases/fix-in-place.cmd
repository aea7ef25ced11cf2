cp tests/fixtures/check/ellipsis-form.txt "$TMP/r.txt" && chmod 640 "$TMP/r.txt" && qzreport fix --in-place "$TMP/r.txt" && cat "$TMP/r.txt" && stat -c %a "$TMP/r.txt" && ls -A "$TMP"
