# 60,000 figures in one sentence (no full stop): what a whole sentence decides (制定N件 beside
# 修改M件 is laws.new) must cost linear time, not a scan of the sentence per figure.
awk 'BEGIN { printf "修改法规3件"; for (i = 0; i < 60000; i++) printf "，制定法规%d件", i % 97 + 1; print "。" }' > "$TMP/s.txt"; qzreport metrics "$TMP/s.txt" | cut -f1-3; qzreport metrics --all "$TMP/s.txt" | cut -f1 | sort | uniq -c
# past 65,536 figures a sentence is settled in pieces (memory holds one piece, not the line):
# the figures of the second piece no longer see the 修改 of the first
awk 'BEGIN { printf "修改法规3件"; for (i = 0; i < 70000; i++) printf "，制定法规%d件", i % 97 + 1; print "。" }' > "$TMP/l.txt"; qzreport metrics --all "$TMP/l.txt" | cut -f1 | sort | uniq -c
