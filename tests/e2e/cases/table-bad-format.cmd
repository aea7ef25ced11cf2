qzreport table -f xlsx data/quzhou-2023.txt
