qzreport metrics tests/fixtures/metrics/traditional-script.txt
