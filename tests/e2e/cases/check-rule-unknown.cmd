qzreport check --rule no-such-rule=off data/quzhou-2023.txt
