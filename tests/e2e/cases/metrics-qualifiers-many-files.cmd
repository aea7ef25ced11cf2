qzreport metrics --all tests/fixtures/qualifiers.txt data/quzhou-2023.txt | cut -f1-4 | grep -v "	exact$"
