qzreport keys -f tsv
