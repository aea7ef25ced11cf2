# reports of different bodies: a warning on stderr, compared all the same (exit 0)
qzreport compare -f tsv tests/fixtures/compare/qinglan-county-2023.txt tests/fixtures/compare/hongjiang-2023.txt | head -4
