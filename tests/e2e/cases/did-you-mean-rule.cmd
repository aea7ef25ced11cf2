qzreport check --rule halfwidth-punc=off data/quzhou-2023.txt
