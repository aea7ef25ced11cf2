qzreport metrics tests/fixtures/quzhou-2023.gb18030.txt
