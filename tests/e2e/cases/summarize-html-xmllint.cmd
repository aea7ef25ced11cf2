# Every HTML page passes `xmllint --html --noout` without a word: the goldens, and the pages
# of every report fixture that can be read (GB18030, traditional, empty, no headings included)
# in both languages, and of a report whose heading holds markup and control characters (made
# here: the markup comes out escaped, the controls as U+FFFD).
n=0
for f in tests/e2e/cases/summarize-sample-html.out tests/e2e/cases/summarize-sample-html-en.out; do
    xmllint --html --noout "$f" 2>&1; n=$((n + 1))
done
printf '过去一年的主要工作\n一、<script>alert(1)</script> & “引号” \001\014标题\n召开会议10次。\n' > "$TMP/markup.txt"
for f in tests/fixtures/*.txt tests/fixtures/metrics/*.txt "$TMP/markup.txt"; do
    for lang in zh en; do
        qzreport summarize -f html --lang $lang "$f" > "$TMP/page.html" 2>/dev/null || continue
        xmllint --html --noout "$TMP/page.html" 2>&1 | sed "s|^|$f $lang: |"
        n=$((n + 1))
    done
done
grep -c '&lt;script&gt;alert(1)&lt;/script&gt; &amp; “引号” ��标题' "$TMP/page.html"
echo "$n pages"
