qzreport metrics --format json data/quzhou-2023.txt
