qzreport summarize -f html --lang en data/quzhou-2023.txt
