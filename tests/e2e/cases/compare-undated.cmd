# neither report says its year: the first given is taken as the older, and the headings say so
qzreport compare tests/fixtures/compare/fengchuan-undated-a.txt tests/fixtures/compare/fengchuan-undated-b.txt | head -12
qzreport compare -f json tests/fixtures/compare/fengchuan-undated-b.txt tests/fixtures/compare/fengchuan-undated-a.txt | cut -c1-200
