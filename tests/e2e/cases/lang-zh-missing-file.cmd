LANG=zh_CN.UTF-8 qzreport summarize missing.txt
