qzreport --help
