qzreport get --rules tests/fixtures/rules/unknown-key.yaml laws.enacted data/quzhou-2023.txt
