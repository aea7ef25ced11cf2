qzreport keys -f json | head -20
