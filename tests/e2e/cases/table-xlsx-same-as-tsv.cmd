# every cell of the workbook's first sheet is the TSV's field: numbers as numeric cells, the
# rest as text; every row of its second sheet is a keyed line of `metrics --all`, in order
mkdir -p "$TMP/r/sub" && cp data/quzhou-2023.txt "$TMP/r/a.txt" && cp tests/fixtures/metrics/provincial.txt "$TMP/r/sub/b.txt" && cp tests/fixtures/metrics/county-numerals.txt "$TMP/r/c.txt" && cp tests/fixtures/metrics/heldout4-2024-national.txt "$TMP/r/d.txt" && cp tests/fixtures/metrics/district-rate-mismatch.txt "$TMP/r/sub/e.txt" && cp tests/fixtures/qualifiers.txt "$TMP/r/f.txt"
check=$(pwd)/tests/e2e/table_check.py
cd "$TMP" && qzreport table -f xlsx -o t.xlsx r && qzreport table -f tsv r > t.tsv && python3 "$check" same t.xlsx t.tsv && qzreport metrics --all r/a.txt r/c.txt r/d.txt r/f.txt r/sub/b.txt r/sub/e.txt > m.tsv && python3 "$check" same-figures t.xlsx m.tsv
