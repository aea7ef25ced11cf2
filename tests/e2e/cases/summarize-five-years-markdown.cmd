qzreport summarize -f markdown tests/fixtures/five-years.txt
