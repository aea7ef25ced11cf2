qzreport summarize -o "$TMP/no/such/dir/out.yaml" data/quzhou-2023.txt 2>&1 | sed "s#$TMP#TMP#"
