# 办结率 and 办复率 are never the resolved rate: no rate-mismatch against the resolved count
printf "%s\n" "市八届人大一次会议318件代表议案建议中，所提问题得到解决和基本解决的292件，占91.8%。代表建议办结率100%，办复率100%。" | qzreport metrics -
