# no 各位代表： and the subtitle broken in two by copying: its second half lies between two
# header lines, so it is a header line too (never joined to the speaker's line), and the
# speaker is read; the broken body line is still joined
qzreport summarize tests/fixtures/subtitle-broken.txt | sed -n '/^header:/,/^years:/p;/^repairs:/,/^metrics:/p'
