# a report that cannot be read: a row with its error, named on stderr, the others written, exit 2
qzreport table -f tsv tests/fixtures/bad-byte-line3.txt data/quzhou-2023.txt > "$TMP/o"; echo "exit $?"; cut -f1,7,8 "$TMP/o"
