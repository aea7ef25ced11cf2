qzreport check -f text tests/fixtures/parts-chinese-years.txt
