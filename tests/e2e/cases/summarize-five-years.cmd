qzreport summarize tests/fixtures/five-years.txt
