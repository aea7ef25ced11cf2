qzreport metrics -f json tests/fixtures/metrics/web-copy.txt
