qzreport metrics --all data/quzhou-2023.txt tests/fixtures/fullwidth.txt | head -1
