# a fix that would make a heading or part title stop being one is left out, so that no later
# pass joins it to the line before or after it: 1、，加强监督 stays a heading (repeated-punct would
# make it 1，加强监督), 今后五年的工作建议。。。 stays a part title, 2.... keeps its 2.; check still
# reports what was left, and fixing again changes nothing
printf '各位代表：\n一、过去一年的主要工作\n全年召开会议12次\n１、，加强监督\n审议法规\n今后五年的工作建议。。。\n做好工作\n2....完善制度\n第二段。\n' > "$TMP/h.txt"
qzreport fix "$TMP/h.txt" > "$TMP/f.txt"; cat "$TMP/f.txt"
qzreport check -f gcc - < "$TMP/f.txt" | grep -v -e no-figures -e heading-level
qzreport fix "$TMP/f.txt" | cmp - "$TMP/f.txt" && echo "fixing again changes nothing"
# a line the loader does not take as a heading (a zero-width space before 二、) that becomes one
# once fixed is not joined to the line before it
printf '各位代表：\n一、过去一年的主要工作\n全年召开会议12次\n\342\200\213二、加强监督\n审议法规。\n' | qzreport fix -
