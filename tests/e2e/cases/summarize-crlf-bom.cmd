qzreport summarize tests/fixtures/crlf-bom.txt
