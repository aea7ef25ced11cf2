qzreport summarize --colour data/quzhou-2023.txt
