qzreport summarize -f html data/quzhou-2023.txt
