# under GitHub Actions (GITHUB_STEP_SUMMARY names a file), check -f github also appends a
# Markdown summary of the run: the totals, the findings per rule, the first 10 findings, the
# files that could not be read. The annotations and the exit code are the same with it or not.
set -- data/quzhou-2023.txt tests/fixtures/check/dash-form.txt tests/fixtures/none.txt
qzreport check -f github "$@" > "$TMP/plain" 2> /dev/null
echo "# the step's own summary" > "$TMP/sum.md"
GITHUB_STEP_SUMMARY=$TMP/sum.md qzreport check -f github "$@" > "$TMP/ann"; echo "rc=$?"
cmp "$TMP/plain" "$TMP/ann" && echo "annotations: the same"
cat "$TMP/sum.md"
echo "----"
rm "$TMP/sum.md"
GITHUB_STEP_SUMMARY=$TMP/sum.md qzreport check -f github --lang en tests/fixtures/check/dash-form.txt > /dev/null; echo "rc=$?"
GITHUB_STEP_SUMMARY=$TMP/sum.md qzreport check -f github --lang en tests/fixtures/check/clean.txt > /dev/null; echo "rc=$?"
cat "$TMP/sum.md"
echo "----"
# another format writes no summary; a summary that cannot be written is a warning, the exit
# code is the run's
GITHUB_STEP_SUMMARY=$TMP/gcc.md qzreport check -f gcc tests/fixtures/check/dash-form.txt > /dev/null; echo "rc=$? $(ls "$TMP" | grep -c gcc.md)"
GITHUB_STEP_SUMMARY=$TMP/no/such/folder/sum.md qzreport check -f github tests/fixtures/check/dash-form.txt 2>&1 > /dev/null | sed "s|$TMP|TMP|"; echo "rc=$?"
GITHUB_STEP_SUMMARY=/dev/full qzreport check -f github tests/fixtures/check/dash-form.txt > /dev/null; echo "rc=$?"
GITHUB_STEP_SUMMARY= qzreport check -f github tests/fixtures/check/dash-form.txt > /dev/null; echo "rc=$?"
