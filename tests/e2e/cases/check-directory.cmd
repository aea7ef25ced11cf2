# a folder is its *.txt files, recursively, in path order (hidden entries, other files and links
# to folders left out), checked with the files named beside it
mkdir -p "$TMP/reports/2023/sub" "$TMP/reports/.hidden" && cd "$TMP" || exit 9
root=$OLDPWD
cp "$root/tests/fixtures/check/dash-form.txt" reports/2023/b.txt
cp "$root/tests/fixtures/check/date-format.txt" reports/2023/sub/a.txt
cp "$root/tests/fixtures/check/ellipsis-form.txt" reports/a.txt
cp "$root/tests/fixtures/check/ellipsis-form.txt" reports/.hidden/x.txt
cp "$root/tests/fixtures/check/ellipsis-form.txt" reports/notes.md
ln -s .. reports/2023/sub/up
qzreport check -f gcc reports; echo "rc=$?"
qzreport check -f json reports "$root/tests/fixtures/empty.txt" | sed "s|$root/||g" | python3 -c 'import json,sys; print([f["file"] for f in json.load(sys.stdin)["files"]])'
mkdir empty && qzreport check -f json empty; echo "rc=$?"
