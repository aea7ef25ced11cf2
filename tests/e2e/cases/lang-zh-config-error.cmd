LANG=zh_CN.UTF-8 qzreport check --config tests/fixtures/check/badconfig/unknown-key.yaml tests/fixtures/check/clean.txt
