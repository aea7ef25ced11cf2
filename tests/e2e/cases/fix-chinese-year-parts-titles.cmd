cp tests/fixtures/parts-chinese-years.txt "$TMP/r.txt" && qzreport fix -i "$TMP/r.txt" && cmp tests/fixtures/parts-chinese-years.txt "$TMP/r.txt" && grep -n "年工作" "$TMP/r.txt"
