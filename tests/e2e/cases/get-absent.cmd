qzreport get meetings.standing_committee inquiries.special laws.enacted data/quzhou-2023.txt
