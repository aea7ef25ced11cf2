qzreport metrics --all data/quzhou-2023.txt
