qzreport metrics --rules tests/fixtures data/quzhou-2023.txt
