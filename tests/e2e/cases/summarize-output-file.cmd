qzreport summarize -o "$TMP/out.yaml" data/quzhou-2023.txt && cmp "$TMP/out.yaml" tests/e2e/cases/summarize-sample-yaml.out && ls -A "$TMP"
