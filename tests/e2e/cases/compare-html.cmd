# the page: OLD and NEW swapped give the same bytes, xmllint --html is silent, each key both
# years state has its bar chart (an SVG picture whose alt text gives both values)
qzreport compare -f html tests/fixtures/compare/hongjiang-2022.txt tests/fixtures/compare/hongjiang-2023.txt > "$TMP/1.html"; echo "exit $?"
qzreport compare -f html tests/fixtures/compare/hongjiang-2023.txt tests/fixtures/compare/hongjiang-2022.txt > "$TMP/2.html"; echo "exit $?"
cmp "$TMP/1.html" "$TMP/2.html" && echo same
xmllint --html --noout "$TMP/1.html" 2>&1; echo "xmllint $?"
grep -c 'src="data:image/svg+xml' "$TMP/1.html"
grep -o '<img alt="[^"]*"' "$TMP/1.html" | head -3
grep -o '<h[12]>[^<]*' "$TMP/1.html"
