# check exits 0 on the clean issue-8 fixtures: a traditional-script report, Chinese-numeral
# part years, 办结率 beside a resolved rate, a rate over the base it names (占建议总数的)
qzreport check tests/fixtures/metrics/traditional-script.txt tests/fixtures/metrics/chinese-year-parts.txt tests/fixtures/metrics/closed-rate.txt tests/fixtures/metrics/verb-over-list.txt tests/fixtures/metrics/separate-counts.txt tests/fixtures/metrics/number-before-noun.txt
