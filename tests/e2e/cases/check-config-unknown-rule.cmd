qzreport check --config tests/fixtures/check/badconfig/unknown-rule.yaml tests/fixtures/check/clean.txt
