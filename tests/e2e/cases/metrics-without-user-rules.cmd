qzreport metrics tests/fixtures/government-report.txt
