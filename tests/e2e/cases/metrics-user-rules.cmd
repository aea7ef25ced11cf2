qzreport metrics --rules tests/fixtures/rules/government.yaml tests/fixtures/government-report.txt
