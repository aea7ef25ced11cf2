qzreport completion bsh
