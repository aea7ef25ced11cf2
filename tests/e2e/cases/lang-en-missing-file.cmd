LANG=en_US.UTF-8 qzreport summarize missing.txt
