qzreport metrics --rules tests/fixtures/rules/bad-rate-key.yaml data/quzhou-2023.txt
