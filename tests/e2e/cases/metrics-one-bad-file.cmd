qzreport metrics tests/fixtures/numbered-parts.txt tests/fixtures/binary.bin tests/fixtures/fullwidth.txt
