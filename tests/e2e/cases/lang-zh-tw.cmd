LANG=zh_TW.UTF-8 qzreport get
