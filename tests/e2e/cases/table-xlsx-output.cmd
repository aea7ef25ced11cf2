# -o in a folder that does not exist: exit code 2, no file anywhere; -o FILE: a workbook (a zip
# file, "PK"), the temporary file renamed over FILE and nothing else left beside it
top=$(pwd)
cd "$TMP" && qzreport table -f xlsx -o missing/t.xlsx "$top/data/quzhou-2023.txt"; echo "exit $?"; ls -A
qzreport table -f xlsx -o t.xlsx "$top/data/quzhou-2023.txt" && head -c 2 t.xlsx && echo && ls -A
