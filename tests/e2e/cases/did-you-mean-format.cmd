qzreport summarize -f markdwn data/quzhou-2023.txt
