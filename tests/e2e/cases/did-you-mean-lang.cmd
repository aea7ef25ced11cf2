qzreport compare --lang eng data/quzhou-2023.txt data/quzhou-2023.txt
