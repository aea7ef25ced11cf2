qzreport get meetings.standing_committee appointments.person_times audit.rectification_rate tests/fixtures/metrics/city-fullwidth-spaces.txt
