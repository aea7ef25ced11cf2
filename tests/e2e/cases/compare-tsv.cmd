# two years of one city: exact values and changes; OLD and NEW swapped give the same bytes
qzreport compare -f tsv tests/fixtures/compare/hongjiang-2022.txt tests/fixtures/compare/hongjiang-2023.txt > "$TMP/1"; echo "exit $?"
qzreport compare -f tsv tests/fixtures/compare/hongjiang-2023.txt tests/fixtures/compare/hongjiang-2022.txt > "$TMP/2"; echo "exit $?"
cmp "$TMP/1" "$TMP/2" && cat "$TMP/1"
