qzreport metrics --rules tests/fixtures/rules/bad-apart-key.yaml data/quzhou-2023.txt
