qzreport rules -f json | head -18
