qzreport --version
