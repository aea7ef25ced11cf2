# metrics reads the .qzreport.yaml next to the report: its rules_file adds the economy.* keys
cp tests/fixtures/government-report.txt "$TMP/report.txt"
cp tests/fixtures/rules/government.yaml "$TMP/office.yaml"
printf 'rules_file: office.yaml\n' >"$TMP/.qzreport.yaml"
qzreport metrics "$TMP/report.txt" | cut -f1-4 | grep '^economy'
echo "without a configuration: $(qzreport metrics --config /dev/null "$TMP/report.txt" | grep -c '^economy')"
