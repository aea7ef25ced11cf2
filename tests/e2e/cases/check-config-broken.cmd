qzreport check --config tests/fixtures/check/badconfig/broken.yaml tests/fixtures/check/clean.txt
