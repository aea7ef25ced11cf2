qzreport metrics -f env tests/fixtures/qualifiers.txt
