qzreport summarize --encoding gb18030 tests/fixtures/quzhou-2023.gb18030.txt | head -2
