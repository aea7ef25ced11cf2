qzreport metrics -f json data/quzhou-2023.txt tests/fixtures/numbered-parts.txt | wc -l
