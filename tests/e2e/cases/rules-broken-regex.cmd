qzreport metrics --rules tests/fixtures/rules/broken-regex.yaml data/quzhou-2023.txt
