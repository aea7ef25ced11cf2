qzreport get meetings.standing_comittee data/quzhou-2023.txt
