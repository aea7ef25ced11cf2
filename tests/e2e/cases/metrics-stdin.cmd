qzreport metrics - < data/quzhou-2023.txt
