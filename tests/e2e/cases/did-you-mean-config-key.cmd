# an unknown key of .qzreport.yaml names the nearest known one, whichever command reads it
cp data/quzhou-2023.txt "$TMP/report.txt"
printf 'rules:\n  dash-form: off\nrule_file: office.yaml\n' >"$TMP/.qzreport.yaml"
cd "$TMP" && qzreport metrics report.txt 2>err
rc=$?
sed "s|$(pwd -P)/||g" err >&2
exit $rc
