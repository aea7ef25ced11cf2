qzreport summarize -f markdown tests/fixtures/pdf-page-numbers.txt | sed -n "/^## 文本修复/,\$p"
