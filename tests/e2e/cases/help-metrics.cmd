qzreport help metrics
