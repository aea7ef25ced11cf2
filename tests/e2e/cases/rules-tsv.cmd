qzreport rules -f tsv
