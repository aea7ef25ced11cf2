qzreport get --help
