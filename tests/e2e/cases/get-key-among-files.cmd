# an argument among the files that looks like a key: an unknown key (a typo), or a known key
# after a file; a file name that is no key's stays a file
qzreport get laws.enacted data/quzhou-2023.txt meetings.standing_comittee; echo "rc=$?"
qzreport get laws.enacted data/quzhou-2023.txt meetings.standing_committee; echo "rc=$?"
qzreport get laws.enacted data/quzhou-2023.txt report.txt; echo "rc=$?"
