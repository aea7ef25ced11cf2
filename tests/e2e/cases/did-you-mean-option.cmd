qzreport metrics --formt json data/quzhou-2023.txt
