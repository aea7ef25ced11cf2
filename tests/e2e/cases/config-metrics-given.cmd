# --config FILE: the configuration of another folder, its rules_file relative to it
mkdir "$TMP/office" "$TMP/reports"
cp tests/fixtures/government-report.txt "$TMP/reports/report.txt"
cp tests/fixtures/rules/government.yaml "$TMP/office/government.yaml"
printf 'rules_file: government.yaml\n' >"$TMP/office/qzreport.yaml"
echo "found: $(qzreport metrics "$TMP/reports/report.txt" | grep -c '^economy')"
qzreport metrics --config "$TMP/office/qzreport.yaml" "$TMP/reports/report.txt" | cut -f1-4 | grep '^economy'
qzreport metrics -c "$TMP/office/qzreport.yaml" -f json "$TMP/reports/report.txt" | grep -o '"key": *"economy[^"]*"'
