qzreport help summarize
