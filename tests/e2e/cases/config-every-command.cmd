# one configuration for every command: the rules_file of the .qzreport.yaml found from the
# (first) report's folder, or of the current folder for keys and rules
cp tests/fixtures/government-report.txt "$TMP/2023.txt"
cp tests/fixtures/government-report.txt "$TMP/2024.txt"
cp tests/fixtures/rules/government.yaml "$TMP/office.yaml"
printf 'rules_file: office.yaml\n' >"$TMP/.qzreport.yaml"
echo "get: $(qzreport get economy.gdp_growth_target "$TMP/2023.txt")"
echo "summarize: $(qzreport summarize "$TMP/2023.txt" | grep -c 'key: economy')"
echo "table FILE: $(qzreport table -f tsv "$TMP/2023.txt" | head -1 | tr '\t' '\n' | grep -c '^economy')"
echo "table DIR: $(qzreport table -f tsv "$TMP" | head -1 | tr '\t' '\n' | grep -c '^economy')"
echo "compare: $(qzreport compare -f tsv "$TMP/2023.txt" "$TMP/2024.txt" | grep -c '^economy')"
echo "keys: $(cd "$TMP" && qzreport keys -f tsv | grep -c '^economy')"
echo "check: $(qzreport check -f gcc "$TMP/2023.txt" >/dev/null; echo $?)"
