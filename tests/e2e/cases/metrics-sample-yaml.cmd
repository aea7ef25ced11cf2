qzreport metrics -f yaml data/quzhou-2023.txt
