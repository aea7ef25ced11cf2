qzreport rules data/quzhou-2023.txt
