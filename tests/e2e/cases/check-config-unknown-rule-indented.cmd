qzreport check --config tests/fixtures/check/badconfig/unknown-rule-indented.yaml tests/fixtures/check/clean.txt
