qzreport table -f tsv data/quzhou-2023.txt tests/fixtures/metrics/provincial.txt
