qzreport summarize --help
