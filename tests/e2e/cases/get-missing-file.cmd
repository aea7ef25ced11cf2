qzreport get laws.enacted tests/fixtures/nope.txt
