qzreport fix tests/fixtures/check/clean.txt | cmp - tests/fixtures/check/clean.txt && echo same
