echo old > "$TMP/m.tsv"; qzreport metrics -o "$TMP/m.tsv" data/quzhou-2023.txt tests/fixtures/nope.txt; echo "rc=$?"; cat "$TMP/m.tsv"; ls -A "$TMP"
