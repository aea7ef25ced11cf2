qzreport summarize tests/fixtures/parts-chinese-years.txt
