LANG=zh_CN.UTF-8 qzreport sumarize data/quzhou-2023.txt; LANG=zh_CN.UTF-8 qzreport get laws.enactd data/quzhou-2023.txt; LANG=zh_CN.UTF-8 qzreport metrics -f jsn data/quzhou-2023.txt
