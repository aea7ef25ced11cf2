qzreport summarize -f markdown --lang fr data/quzhou-2023.txt
