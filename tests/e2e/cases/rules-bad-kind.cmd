qzreport metrics --rules tests/fixtures/rules/bad-kind.yaml data/quzhou-2023.txt
