# a run of 300 full-width Ａ is fixed to 300 A: no fixed buffer may cut a fix (it once gave 255)
f="$TMP/a.txt"; printf '各位代表：\n一、过去一年的主要工作\n编号' > "$f"
i=0; while [ $i -lt 300 ]; do printf 'Ａ' >> "$f"; i=$((i + 1)); done; printf '。\n' >> "$f"
qzreport fix "$f" | tail -1 | tr -cd A | wc -c
qzreport fix "$f" | tail -1 | tr -d A
qzreport check -f json "$f" | grep -o '"message":"[^"]*"' | grep -o 'Ａ' | wc -l
