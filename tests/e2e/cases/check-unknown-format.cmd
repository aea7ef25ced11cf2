qzreport check -f xml data/quzhou-2023.txt
