qzreport fix --rule halfwidth-punct=off tests/fixtures/check/halfwidth-punct.txt | head -2
