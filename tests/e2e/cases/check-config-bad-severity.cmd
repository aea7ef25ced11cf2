qzreport check --config tests/fixtures/check/badconfig/bad-severity.yaml tests/fixtures/check/clean.txt
