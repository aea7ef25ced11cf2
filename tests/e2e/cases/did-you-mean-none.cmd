qzreport frobnicate data/quzhou-2023.txt
