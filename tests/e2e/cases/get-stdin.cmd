qzreport get laws.enacted - < data/quzhou-2023.txt
