qzreport get meetings.standing_committee laws.enactd data/quzhou-2023.txt
