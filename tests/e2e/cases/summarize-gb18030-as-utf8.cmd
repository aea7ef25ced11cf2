qzreport summarize --encoding utf-8 tests/fixtures/quzhou-2023.gb18030.txt
