# --diff: exit code 1 when it prints a diff, 0 when there is nothing to fix (and no output);
# several files give one diff each, in path order
qzreport fix --diff tests/fixtures/check/clean.txt; echo "clean: $?"
qzreport fix --diff tests/fixtures/check/ellipsis-form.txt tests/fixtures/check/clean.txt tests/fixtures/check/dash-form.txt | grep '^[-+][-+]'; qzreport fix --diff tests/fixtures/check/dash-form.txt > /dev/null; echo "faulty: $?"
qzreport fix --diff tests/fixtures/check/clean.txt tests/fixtures/no-such-file.txt; echo "missing: $?"
