cp data/quzhou-2023.txt "$TMP/report.txt"
printf 'require:\n  - laws.enactd\n' >"$TMP/.qzreport.yaml"
cd "$TMP" && qzreport check report.txt 2>err
rc=$?
sed "s|$(pwd -P)/||g" err >&2
exit $rc
