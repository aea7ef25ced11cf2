echo old > "$TMP/out.yaml"; qzreport summarize -o "$TMP/out.yaml" tests/fixtures/binary.bin; echo "rc=$?"; cat "$TMP/out.yaml"; ls -A "$TMP"
