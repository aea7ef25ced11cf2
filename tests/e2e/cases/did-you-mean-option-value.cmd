qzreport check --formt=json data/quzhou-2023.txt
