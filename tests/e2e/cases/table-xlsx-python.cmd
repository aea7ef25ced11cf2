# the XLSX of the same folder, through a pipe, opened with Python's zipfile: three sheets
# (reports, figures, rates), the first row of each its header, frozen; numbers are numeric
# cells (n:), the date and a range (10..20) text (s:)
mkdir -p "$TMP/r/sub" && cp data/quzhou-2023.txt "$TMP/r/a.txt" && cp tests/fixtures/metrics/provincial.txt "$TMP/r/sub/b.txt" && cp tests/fixtures/metrics/county-numerals.txt "$TMP/r/c.txt" && cp tests/fixtures/metrics/heldout4-2024-national.txt "$TMP/r/d.txt" && cp tests/fixtures/metrics/district-rate-mismatch.txt "$TMP/r/sub/e.txt" && cp tests/fixtures/qualifiers.txt "$TMP/r/f.txt"
check=$(pwd)/tests/e2e/table_check.py
cd "$TMP" && qzreport table -f xlsx r | cat > t.xlsx && python3 "$check" xlsx t.xlsx file body year_reviewed date meetings.standing_committee reports.heard audit.rectification_rate proposals.resolved
