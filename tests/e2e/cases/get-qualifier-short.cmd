qzreport get -q inquiries.special reports.heard meetings.chairpersons inspections.law_enforcement tests/fixtures/qualifiers.txt
