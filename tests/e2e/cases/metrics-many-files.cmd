qzreport metrics data/quzhou-2023.txt tests/fixtures/fullwidth.txt tests/fixtures/empty.txt
