# a broken configuration stops every command that reads it, as it stops check
cp data/quzhou-2023.txt "$TMP/report.txt"
printf 'rules_file: no-such-file.yaml\n' >"$TMP/.qzreport.yaml"
cd "$TMP" || exit
for c in summarize metrics table; do qzreport $c report.txt >/dev/null 2>>err; echo "$c: $?"; done
qzreport get laws.enacted report.txt 2>>err; echo "get: $?"
sed "s|$(pwd -P)/||g" err >&2
