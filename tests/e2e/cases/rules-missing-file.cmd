qzreport metrics --rules tests/fixtures/rules/none.yaml data/quzhou-2023.txt
