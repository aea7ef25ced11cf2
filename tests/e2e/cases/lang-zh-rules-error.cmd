LANG=zh_CN.UTF-8 qzreport keys --rules tests/fixtures/rules/bad-kind.yaml
