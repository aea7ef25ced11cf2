qzreport rules -f yaml | head -8
