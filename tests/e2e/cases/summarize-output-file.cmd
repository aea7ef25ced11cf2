qzreport summarize -o "$TMP/out.yaml" data/quzhou-2023.txt && qzreport summarize data/quzhou-2023.txt | cmp - "$TMP/out.yaml" && ls -A "$TMP"
