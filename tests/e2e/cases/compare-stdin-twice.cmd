qzreport compare - - < tests/fixtures/compare/hongjiang-2022.txt
