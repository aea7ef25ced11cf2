# -i and --check take folders: their *.txt files, recursively, in path order (names starting
# with a dot and other files left out)
d="$TMP/reports"; mkdir -p "$d/2023/b" "$d/2022"
cp tests/fixtures/check/repeated-punct.txt "$d/2023/b/z.txt"; cp tests/fixtures/check/dash-form.txt "$d/2023/a.txt"
cp tests/fixtures/check/clean.txt "$d/2022/clean.txt"; cp tests/fixtures/check/quote-form.txt "$d/2022/notes.md"
cp tests/fixtures/check/quote-form.txt "$d/2022/.hidden.txt"; cp tests/fixtures/check/seq-marker.txt "$d/top.txt"
cd "$TMP"
qzreport fix --check reports; echo "check: $?"
qzreport fix -i reports; echo "in-place: $?"
qzreport fix --check reports; echo "check again: $?"
cmp reports/2022/notes.md "$OLDPWD/tests/fixtures/check/quote-form.txt" && cmp reports/2022/.hidden.txt "$OLDPWD/tests/fixtures/check/quote-form.txt" && echo "others untouched"
qzreport fix reports/top.txt | cmp - reports/top.txt && echo "fixed"
