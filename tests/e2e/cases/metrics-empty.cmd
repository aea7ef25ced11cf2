qzreport metrics tests/fixtures/empty.txt; echo "rc=$?"
