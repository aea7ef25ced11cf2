# a folder is its *.txt files, recursively, in path order, with a file name column even when it
# holds one file (grep -r's rule); -H and --no-filename say otherwise
mkdir -p "$TMP/reports/b" "$TMP/one" && cd "$TMP" || exit 9
cp "$OLDPWD/data/quzhou-2023.txt" reports/b/quzhou.txt
cp "$OLDPWD/tests/fixtures/fullwidth.txt" reports/a.txt
cp "$OLDPWD/tests/fixtures/fullwidth.txt" one/only.txt
qzreport metrics reports | cut -f1-3 | uniq -w 14
qzreport metrics one | head -1 | cut -f1-3
qzreport metrics --no-filename one | head -1 | cut -f1-3
qzreport metrics -f json reports | cut -d, -f1
qzreport metrics -f env one | head -1
