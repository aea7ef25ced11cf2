qzreport summarize --encoding latin1 data/quzhou-2023.txt
