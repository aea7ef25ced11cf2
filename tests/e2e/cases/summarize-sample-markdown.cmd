qzreport summarize --format markdown data/quzhou-2023.txt
