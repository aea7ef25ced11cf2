qzreport metrics -f env data/quzhou-2023.txt tests/fixtures/fullwidth.txt
