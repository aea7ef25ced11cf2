# --diff on a GB18030 file is in GB18030, with the file's own line ends (LF, then CRLF): patch(1)
# applies it to the file (by name, and -p1 by its a/ b/ labels), giving what fix prints
command -v patch >/dev/null || { echo "patch(1) is missing (Debian package patch)"; exit 3; }
cp tests/fixtures/quzhou-2023.gb18030.txt "$TMP/r.txt" && cd "$TMP"
qzreport fix --diff r.txt > d.patch; echo "diff: $?"
iconv -f UTF-8 -t UTF-8 d.patch >/dev/null 2>&1 || echo "the diff is not UTF-8"
iconv -f GB18030 -t UTF-8 d.patch | sed -n '1,2p'
qzreport fix r.txt > want.txt && cp r.txt s.txt && patch -s r.txt < d.patch && cmp want.txt r.txt && echo "patch FILE: the fixed text"
mv s.txt r.txt && patch -s -p1 < d.patch && cmp want.txt r.txt && echo "patch -p1: the fixed text"
sed "s/\$/$(printf '\r')/" "$OLDPWD/tests/fixtures/quzhou-2023.gb18030.txt" > c.txt
qzreport fix --diff c.txt > c.patch; echo "diff crlf: $?"
[ "$(grep -ac "^[-+].*$(printf '\r')\$" c.patch)" = "$(grep -ac '^[-+][^-+]' c.patch)" ] && echo "every changed line ends with CRLF: $(grep -ac '^[-+][^-+]' c.patch) lines"
qzreport fix c.txt > cwant.txt && patch -s c.txt < c.patch && cmp cwant.txt c.txt && echo "patch crlf: the fixed text"
qzreport fix --diff c.txt; echo "diff after: $?"
