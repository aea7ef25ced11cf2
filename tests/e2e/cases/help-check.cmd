qzreport help check
