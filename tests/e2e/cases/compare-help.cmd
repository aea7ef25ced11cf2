qzreport compare --help
