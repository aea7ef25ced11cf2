qzreport compare --lang fr tests/fixtures/compare/hongjiang-2022.txt tests/fixtures/compare/hongjiang-2023.txt
