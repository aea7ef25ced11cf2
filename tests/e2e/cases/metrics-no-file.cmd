qzreport metrics
