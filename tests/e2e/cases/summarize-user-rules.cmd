qzreport summarize --rules tests/fixtures/rules/government.yaml tests/fixtures/government-report.txt | grep -E "kind|title|key"
