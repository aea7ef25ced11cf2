qzreport check --config tests/fixtures/check/badconfig/unknown-metric.yaml tests/fixtures/check/clean.txt
