mkdir "$TMP/out.yaml"; qzreport summarize -o "$TMP/out.yaml" data/quzhou-2023.txt 2>&1 | sed "s#$TMP#TMP#"; ls -A "$TMP"
