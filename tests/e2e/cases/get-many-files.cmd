# several files: FILE<TAB>VALUE lines, the files in the order given, each file's keys in the
# order asked; exit 1 when a key is absent in any file
qzreport get meetings.standing_committee inquiries.special data/quzhou-2023.txt tests/fixtures/qualifiers.txt; echo "rc=$?"
qzreport get -q meetings.standing_committee tests/fixtures/qualifiers.txt - < data/quzhou-2023.txt; echo "rc=$?"
# -H for one file, --no-filename for several
qzreport get -H laws.enacted data/quzhou-2023.txt; echo "rc=$?"
qzreport get --no-filename laws.enacted data/quzhou-2023.txt tests/fixtures/fullwidth.txt; echo "rc=$?"
