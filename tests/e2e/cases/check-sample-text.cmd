qzreport check -f text data/quzhou-2023.txt
