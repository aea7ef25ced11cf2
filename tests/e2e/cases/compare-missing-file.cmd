qzreport compare -o "$TMP/out.md" tests/fixtures/compare/hongjiang-2022.txt tests/fixtures/compare/no-such-file.txt; echo "exit $?"; ls "$TMP"
