qzreport metrics -o "$TMP/m.tsv" data/quzhou-2023.txt tests/fixtures/fullwidth.txt && cat "$TMP/m.tsv" | cut -f1,2,3 && ls -A "$TMP"
