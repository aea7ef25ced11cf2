qzreport check -f gcc --config tests/fixtures/check/config/.qzreport.yaml tests/fixtures/check/missing-metric.txt; echo "rc=$?"
