qzreport help metrix
