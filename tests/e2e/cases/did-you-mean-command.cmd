qzreport sumarize data/quzhou-2023.txt
