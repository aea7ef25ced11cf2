qzreport get --qualifier meetings.standing_committee laws.enacted appointments.person_times tests/fixtures/qualifiers.txt | awk -F "\t" "{ print NF \": \" \$0 }"
