qzreport fix --diff data/quzhou-2023.txt | head -40
