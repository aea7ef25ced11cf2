qzreport metrics --all tests/fixtures/no-headings.txt
