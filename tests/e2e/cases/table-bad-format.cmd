qzreport table -f ods data/quzhou-2023.txt
