qzreport metrics -f csv data/quzhou-2023.txt
