qzreport check --rule halfwidth-punct=fatal data/quzhou-2023.txt
