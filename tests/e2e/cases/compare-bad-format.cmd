qzreport compare -f xml tests/fixtures/compare/hongjiang-2022.txt tests/fixtures/compare/hongjiang-2023.txt
