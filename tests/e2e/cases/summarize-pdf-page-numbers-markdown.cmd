qzreport summarize -f markdown tests/fixtures/pdf-page-numbers.txt | sed -n "/^## Repairs/,\$p"
