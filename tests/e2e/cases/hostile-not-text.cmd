# a PDF, a Word document (.docx, .doc), a zip, an image: named, with what to run instead; exit 2,
# nothing on standard output; likewise UTF-16 without a byte-order mark
cd "$TMP" || exit 9
printf '%%PDF-1.7\n%%\342\343\317\323\n1 0 obj\n' > 2023年报告.pdf
python3 -c '
import zipfile
with zipfile.ZipFile("report.docx", "w") as z:
    z.writestr("[Content_Types].xml", "<Types/>")
    z.writestr("word/document.xml", "<w:document/>")
with zipfile.ZipFile("reports.zip", "w") as z:
    z.writestr("a.txt", "x")
' || exit 9
printf '\320\317\021\340\241\261\032\341\0\0\0\0' > "old report.doc"
printf '\211PNG\r\n\032\n\0\0\0\rIHDR' > scan.png
cp report.docx report.txt
iconv -f UTF-8 -t UTF-16LE "$OLDPWD/data/quzhou-2023.txt" > notepad.txt
for f in 2023年报告.pdf report.docx reports.zip "old report.doc" scan.png report.txt notepad.txt; do
    qzreport summarize "$f" > out; echo "rc=$? stdout=$(wc -c < out)"
done
qzreport check -f gcc - < 2023年报告.pdf; echo "rc=$?"
qzreport metrics --encoding utf-8 report.docx; echo "rc=$?"
