# Markdown is the default format, with Chinese labels
qzreport compare tests/fixtures/compare/hongjiang-2022.txt tests/fixtures/compare/hongjiang-2023.txt | head -9
