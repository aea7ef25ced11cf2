qzreport fix data/quzhou-2023.txt > "$TMP/a.txt" && qzreport fix "$TMP/a.txt" | cmp - "$TMP/a.txt" && echo same
