# English labels on the page, lang="en"; xmllint is silent on it, and on a page of two bodies
qzreport compare -f html --lang en tests/fixtures/compare/hongjiang-2022.txt tests/fixtures/compare/hongjiang-2023.txt > "$TMP/1.html"
xmllint --html --noout "$TMP/1.html" 2>&1; echo "xmllint $?"
grep -o '<html lang="[^"]*"' "$TMP/1.html"
grep -o '<h[12]>[^<]*' "$TMP/1.html"
qzreport compare -f html tests/fixtures/compare/qinglan-county-2023.txt tests/fixtures/compare/hongjiang-2022.txt 2>/dev/null > "$TMP/2.html"
xmllint --html --noout "$TMP/2.html" 2>&1; echo "xmllint $?"
grep -o '<p>注意[^<]*' "$TMP/2.html"
