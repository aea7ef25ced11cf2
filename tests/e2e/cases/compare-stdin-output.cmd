# OLD from standard input, the result written whole to a file
qzreport compare -f tsv -o "$TMP/c.tsv" - tests/fixtures/compare/hongjiang-2022.txt < tests/fixtures/compare/hongjiang-2023.txt; echo "exit $?"
head -3 "$TMP/c.tsv"
