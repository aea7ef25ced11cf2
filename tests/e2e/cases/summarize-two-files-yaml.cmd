# several reports: one YAML document each, in argument order, each starting with ---
qzreport summarize data/quzhou-2023.txt tests/fixtures/empty.txt | grep -E "^(---|source:|  title:)"
