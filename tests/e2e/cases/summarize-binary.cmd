qzreport summarize tests/fixtures/binary.bin
