qzreport get --qualifier meetings.standing_committee laws.enacted appointments.person_times tests/fixtures/qualifiers.txt
