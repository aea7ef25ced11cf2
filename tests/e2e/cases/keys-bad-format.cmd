qzreport keys -f xml
