qzreport summarize --format pdf data/quzhou-2023.txt
