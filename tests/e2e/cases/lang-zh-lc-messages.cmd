LC_MESSAGES=zh_CN.UTF-8 qzreport get
