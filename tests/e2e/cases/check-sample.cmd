qzreport check -f gcc data/quzhou-2023.txt > "$TMP/o"; echo "rc=$?"; grep -c "\[halfwidth-punct\]" "$TMP/o"; grep -v "\[halfwidth-punct\]" "$TMP/o"
