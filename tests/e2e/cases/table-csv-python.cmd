# the CSV of a folder of six reports read back by Python's csv module: one row per file, each
# with every column, the values those of `table -f tsv` and `metrics` (f.txt has a range)
mkdir -p "$TMP/r/sub" && cp data/quzhou-2023.txt "$TMP/r/a.txt" && cp tests/fixtures/metrics/provincial.txt "$TMP/r/sub/b.txt" && cp tests/fixtures/metrics/county-numerals.txt "$TMP/r/c.txt" && cp tests/fixtures/metrics/heldout4-2024-national.txt "$TMP/r/d.txt" && cp tests/fixtures/metrics/district-rate-mismatch.txt "$TMP/r/sub/e.txt" && cp tests/fixtures/qualifiers.txt "$TMP/r/f.txt"
check=$(pwd)/tests/e2e/table_check.py
cd "$TMP" && qzreport table r > t.csv && python3 "$check" csv t.csv file body year_reviewed date meetings.standing_committee reports.heard audit.rectification_rate proposals.resolved
