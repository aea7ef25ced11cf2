# -j 1 and -j 4 write the same workbook: every entry of the zip file byte for byte, but for the
# creation time in docProps/core.xml
mkdir -p "$TMP/r/sub" && cp data/quzhou-2023.txt "$TMP/r/a.txt" && cp tests/fixtures/metrics/provincial.txt "$TMP/r/sub/b.txt" && cp tests/fixtures/metrics/county-numerals.txt "$TMP/r/c.txt" && cp tests/fixtures/metrics/heldout4-2024-national.txt "$TMP/r/d.txt" && cp tests/fixtures/metrics/district-rate-mismatch.txt "$TMP/r/sub/e.txt" && cp tests/fixtures/qualifiers.txt "$TMP/r/f.txt"
cd "$TMP" && qzreport table -f xlsx -j 1 -o 1.xlsx r && qzreport table -f xlsx -j 4 -o 4.xlsx r && python3 -c '
import zipfile
a, b = zipfile.ZipFile("1.xlsx"), zipfile.ZipFile("4.xlsx")
names = a.namelist()
print(len(names), "entries, the same names:", names == b.namelist())
print("differ:", [n for n in names if a.read(n) != b.read(n) and n != "docProps/core.xml"])'
