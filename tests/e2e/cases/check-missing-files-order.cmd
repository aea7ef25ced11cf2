# files are rendered in path order, the ones that cannot be read reported in argument order
qzreport check -f gcc tests/fixtures/zz-none.txt tests/fixtures/check/dash-form.txt tests/fixtures/binary.bin tests/fixtures/aa-none.txt tests/fixtures/check/date-format.txt; echo "rc=$?"
