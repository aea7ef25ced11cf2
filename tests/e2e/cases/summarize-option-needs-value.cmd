qzreport summarize data/quzhou-2023.txt -o
