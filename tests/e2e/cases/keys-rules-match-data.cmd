# `keys` lists every metric of data/rules.yaml and `rules` every check of data/check.yaml, in
# their order, read from the data files themselves: a key or rule missing from the output (or
# one the data does not have) fails this case
sed -n '/^metrics:/,/^rates:/s/^  - key: *//p' data/rules.yaml > "$TMP/want"
qzreport keys -f tsv | tail -n +2 | cut -f1 > "$TMP/got"
diff "$TMP/want" "$TMP/got" && echo "keys: $(wc -l < "$TMP/got"), as in data/rules.yaml"
sed -n '/^checks:/,/^sums:/s/^  - id: *//p' data/check.yaml > "$TMP/want"
qzreport rules -f tsv | tail -n +2 | cut -f1 > "$TMP/got"
diff "$TMP/want" "$TMP/got" && echo "rules: $(wc -l < "$TMP/got"), as in data/check.yaml"
sed -n "/^checks:/,/^sums:/s/^    title: {zh: '\([^']*\)', en: '\([^']*\)'}/\1	\2/p" data/check.yaml > "$TMP/want"
qzreport rules -f tsv | tail -n +2 | cut -f5,6 > "$TMP/got"
diff "$TMP/want" "$TMP/got" && echo "rule titles: $(wc -l < "$TMP/got"), as in data/check.yaml"
