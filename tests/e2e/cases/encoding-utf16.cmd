# UTF-16 with a byte-order mark (what Windows Notepad saves as "Unicode", LE, and "Unicode big
# endian", BE) is read as any report, named utf-16le or utf-16be; fix writes it back in UTF-16
# with the same mark
iconv -f UTF-8 -t UTF-16LE data/quzhou-2023.txt > "$TMP/body" || exit 9
{ printf '\377\376'; cat "$TMP/body"; } > "$TMP/le.txt"
iconv -f UTF-8 -t UTF-16BE data/quzhou-2023.txt > "$TMP/body" || exit 9
{ printf '\376\377'; cat "$TMP/body"; } > "$TMP/be.txt"
cd "$TMP" || exit 9
root=$OLDPWD
qzreport summarize le.txt | sed -n 1,3p
qzreport summarize -f json be.txt | python3 -c 'import json, sys; print(json.load(sys.stdin)["encoding"])'
qzreport summarize -f markdown le.txt | grep -F 'utf-16le'
qzreport metrics "$root/data/quzhou-2023.txt" > m8
qzreport metrics le.txt | cmp - m8 && qzreport metrics be.txt | cmp - m8 && echo "metrics: the UTF-8 file's"
qzreport get meetings.standing_committee le.txt be.txt
qzreport check -f gcc le.txt | head -2
qzreport fix le.txt > fixed-le; echo "fix rc=$?"
qzreport fix be.txt > fixed-be; echo "fix rc=$?"
od -An -tx1 fixed-le | head -1 | cut -c1-12
od -An -tx1 fixed-be | head -1 | cut -c1-12
qzreport fix "$root/data/quzhou-2023.txt" > fixed-8
iconv -f UTF-16LE -t UTF-8 fixed-le | tail -c +4 | cmp - fixed-8 && echo "fixed LE: the UTF-8 file's fix, in UTF-16LE"
iconv -f UTF-16BE -t UTF-8 fixed-be | tail -c +4 | cmp - fixed-8 && echo "fixed BE: the UTF-8 file's fix, in UTF-16BE"
qzreport check fixed-le > /dev/null; echo "check of the fixed text: rc=$?"
cp le.txt in-place.txt && qzreport fix -i in-place.txt && cmp in-place.txt fixed-le && echo "fix -i: the same bytes"
qzreport fix --diff le.txt | sed -n 1,2p
