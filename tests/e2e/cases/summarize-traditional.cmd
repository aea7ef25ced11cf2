qzreport summarize tests/fixtures/metrics/traditional-script.txt | head -20
