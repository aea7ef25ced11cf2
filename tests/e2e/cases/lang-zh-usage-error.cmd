LANG=zh_CN.UTF-8 qzreport metrics --format xml data/quzhou-2023.txt
