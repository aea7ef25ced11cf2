qzreport check --config tests/fixtures/check/badconfig/unknown-metric-flow.yaml tests/fixtures/check/clean.txt
