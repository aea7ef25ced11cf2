# libxml2 and libxlsxwriter are opened with dlopen when a page or a workbook is first written
# (src/html_page.c, src/table_xlsx.c): when they cannot be loaded (here an empty file of each
# soname, found first through LD_LIBRARY_PATH), a clear message and exit code 2, nothing on
# standard output, no crash; a run that needs neither does not notice. The sonames are
# Debian's (bookworm): libxml2.so.2, libxlsxwriter.so.4.
mkdir "$TMP/lib" && : >"$TMP/lib/libxml2.so.2" && : >"$TMP/lib/libxlsxwriter.so.4"
export LD_LIBRARY_PATH="$TMP/lib"
{
qzreport summarize -f html data/quzhou-2023.txt; echo "summarize exit $?"
qzreport compare -f html tests/fixtures/compare/hongjiang-2022.txt tests/fixtures/compare/hongjiang-2023.txt; echo "compare exit $?"
qzreport table -f xlsx data/quzhou-2023.txt; echo "table exit $?"
qzreport summarize data/quzhou-2023.txt >/dev/null; echo "summarize text exit $?"
} 2>&1 | sed "s|$TMP|TMP|"
