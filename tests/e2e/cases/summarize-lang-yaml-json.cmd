# YAML and JSON have no labels: their field names are an interface, the same with --lang en
for f in yaml json; do
    qzreport summarize -f $f data/quzhou-2023.txt >"$TMP/zh"
    qzreport summarize -f $f --lang en data/quzhou-2023.txt >"$TMP/en"
    cmp -s "$TMP/zh" "$TMP/en" && echo "$f: same with --lang en"
done
