qzreport check -f text --lang en tests/fixtures/check/heading-sequence.txt
