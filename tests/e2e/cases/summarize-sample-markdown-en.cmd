qzreport summarize -f markdown --lang en data/quzhou-2023.txt
