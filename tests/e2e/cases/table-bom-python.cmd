# --bom: the CSV starts with EF BB BF, and Python's csv module (utf-8-sig) still reads the
# header's first cell as "file" and one row per file
mkdir -p "$TMP/r/sub" && cp data/quzhou-2023.txt "$TMP/r/a.txt" && cp tests/fixtures/metrics/provincial.txt "$TMP/r/sub/b.txt" && cp tests/fixtures/metrics/county-numerals.txt "$TMP/r/c.txt" && cp tests/fixtures/metrics/heldout4-2024-national.txt "$TMP/r/d.txt" && cp tests/fixtures/metrics/district-rate-mismatch.txt "$TMP/r/sub/e.txt" && cp tests/fixtures/qualifiers.txt "$TMP/r/f.txt"
check=$(pwd)/tests/e2e/table_check.py
cd "$TMP" && qzreport table --bom r > t.csv && head -c 3 t.csv | od -An -tx1 && python3 "$check" csv t.csv file proposals.resolved
