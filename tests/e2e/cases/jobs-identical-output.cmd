# -j 4 writes byte for byte what -j 1 writes, in argument order, over the bench corpus (1000
# variants of the sample, bench/gen.sh) and over the real layouts of the metric fixtures
# (traditional script, GB18030, tables), with an unreadable file in the middle.
sh bench/gen.sh "$TMP/corpus" 1000 >/dev/null || exit 9
qzreport metrics -j 1 -f json "$TMP"/corpus/*.txt > "$TMP/j1" || exit 9
qzreport metrics -j 4 -f json "$TMP"/corpus/*.txt > "$TMP/j4" || exit 9
cmp "$TMP/j1" "$TMP/j4" && wc -l < "$TMP/j4"
set -- tests/fixtures/metrics/*.txt
qzreport metrics -j 1 --all "$@" "$TMP/none.txt" data/quzhou-2023.txt > "$TMP/a1" 2> "$TMP/e1"
echo "exit $?"
qzreport metrics -j 4 --all "$@" "$TMP/none.txt" data/quzhou-2023.txt > "$TMP/a4" 2> "$TMP/e4"
echo "exit $?"
cmp "$TMP/a1" "$TMP/a4" && cmp "$TMP/e1" "$TMP/e4" && cut -f1 "$TMP/a4" | uniq | wc -l
# check: every format, files rendered in path order whatever finishes first
for f in gcc json sarif text; do
    qzreport check -j 1 -f $f "$@" "$TMP/none.txt" > "$TMP/c1" 2> "$TMP/ce1"; r1=$?
    qzreport check -j 4 -f $f "$@" "$TMP/none.txt" > "$TMP/c4" 2> "$TMP/ce4"; r4=$?
    cmp "$TMP/c1" "$TMP/c4" && cmp "$TMP/ce1" "$TMP/ce4" && echo "check -f $f: same, exit $r1 $r4"
done
# summarize: YAML documents and Markdown outlines in argument order
for f in yaml markdown; do
    qzreport summarize -j 1 -f $f "$@" > "$TMP/s1" 2> "$TMP/se1"; r1=$?
    qzreport summarize -j 4 -f $f "$@" > "$TMP/s4" 2> "$TMP/se4"; r4=$?
    cmp "$TMP/s1" "$TMP/s4" && cmp "$TMP/se1" "$TMP/se4" && echo "summarize -f $f: same, exit $r1 $r4"
done
