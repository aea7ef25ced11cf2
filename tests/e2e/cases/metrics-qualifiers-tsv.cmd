qzreport metrics tests/fixtures/qualifiers.txt
