qzreport get meetings.standing_committee audit.rectification_rate proposals.resolved data/quzhou-2023.txt
