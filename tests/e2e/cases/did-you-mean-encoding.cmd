qzreport metrics -e gb1803 data/quzhou-2023.txt
