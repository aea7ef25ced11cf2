qzreport check --config tests/fixtures data/quzhou-2023.txt
