qzreport fix --help
