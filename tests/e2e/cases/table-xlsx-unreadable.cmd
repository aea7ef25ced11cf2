# a report that cannot be read: named on stderr, a row with its error, the other rows
# written, exit code 2, as for CSV
check=$(pwd)/tests/e2e/table_check.py
qzreport table -f xlsx -o "$TMP/t.xlsx" tests/fixtures/bad-byte-line3.txt data/quzhou-2023.txt; echo "exit $?"; python3 "$check" xlsx "$TMP/t.xlsx" file error meetings.standing_committee
