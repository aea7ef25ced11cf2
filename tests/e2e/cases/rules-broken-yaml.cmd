qzreport summarize --rules tests/fixtures/rules/broken-yaml.yaml data/quzhou-2023.txt
