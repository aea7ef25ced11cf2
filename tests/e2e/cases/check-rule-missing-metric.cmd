qzreport check -f gcc tests/fixtures/check/missing-metric.txt
