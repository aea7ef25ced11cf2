qzreport metrics -f yaml tests/fixtures/numbered-parts.txt tests/fixtures/fullwidth.txt
