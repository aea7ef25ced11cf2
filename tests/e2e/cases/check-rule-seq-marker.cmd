qzreport check -f gcc tests/fixtures/check/seq-marker.txt
