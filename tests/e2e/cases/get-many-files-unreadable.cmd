# a file that cannot be read is named on stderr in its place, the others are printed; exit 2
qzreport get laws.enacted data/quzhou-2023.txt tests/fixtures/none.txt tests/fixtures/fullwidth.txt; echo "rc=$?"
