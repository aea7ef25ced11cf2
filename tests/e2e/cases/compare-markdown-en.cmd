# English labels; the report's own words (units) stay
qzreport compare --lang en tests/fixtures/compare/hongjiang-2022.txt tests/fixtures/compare/hongjiang-2023.txt
