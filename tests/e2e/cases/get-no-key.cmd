qzreport get data/quzhou-2023.txt
