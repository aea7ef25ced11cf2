qzreport keys | head -14
