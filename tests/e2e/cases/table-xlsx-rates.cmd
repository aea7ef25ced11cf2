# the third sheet: each stated rate with its counts; e.txt states 92.5% for 52 of 58 (89.655)
mkdir -p "$TMP/r/sub" && cp data/quzhou-2023.txt "$TMP/r/a.txt" && cp tests/fixtures/metrics/provincial.txt "$TMP/r/sub/b.txt" && cp tests/fixtures/metrics/county-numerals.txt "$TMP/r/c.txt" && cp tests/fixtures/metrics/heldout4-2024-national.txt "$TMP/r/d.txt" && cp tests/fixtures/metrics/district-rate-mismatch.txt "$TMP/r/sub/e.txt" && cp tests/fixtures/qualifiers.txt "$TMP/r/f.txt"
check=$(pwd)/tests/e2e/table_check.py
cd "$TMP" && qzreport table -f xlsx -o t.xlsx r && python3 "$check" rates t.xlsx
