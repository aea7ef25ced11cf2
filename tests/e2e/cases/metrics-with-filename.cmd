# -H, --with-filename: the file name column for one file too; --no-filename: none for several
qzreport metrics -H data/quzhou-2023.txt | head -2
qzreport metrics --with-filename tests/fixtures/qualifiers.txt - < data/quzhou-2023.txt | cut -f1-3 | sed -n '1p;$p'
qzreport metrics --no-filename data/quzhou-2023.txt tests/fixtures/fullwidth.txt | cut -f1-2 | sed -n '1p;15p'
qzreport metrics -H -f json tests/fixtures/fullwidth.txt | cut -d, -f1
qzreport metrics -H --no-filename data/quzhou-2023.txt
