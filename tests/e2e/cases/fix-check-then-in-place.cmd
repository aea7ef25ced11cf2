# --check lists the files fix would change and writes nothing (exit code 1); -i fixes them, and
# leaves a file with nothing to fix as it is (same inode: not rewritten); --check is then quiet
cp tests/fixtures/check/ellipsis-form.txt tests/fixtures/check/quote-form.txt tests/fixtures/check/clean.txt "$TMP/" && cd "$TMP" && cp ellipsis-form.txt e.orig && ino=$(stat -c %i clean.txt)
qzreport fix --check clean.txt quote-form.txt ellipsis-form.txt; echo "check: $?"
cmp e.orig ellipsis-form.txt && echo "nothing written"
qzreport fix -i clean.txt quote-form.txt ellipsis-form.txt; echo "in-place: $?"
[ "$(stat -c %i clean.txt)" = "$ino" ] && echo "clean.txt left alone"
qzreport fix --check clean.txt quote-form.txt ellipsis-form.txt; echo "check again: $?"
head -2 ellipsis-form.txt
qzreport fix --check - < "$OLDPWD/tests/fixtures/check/quote-form.txt"; echo "stdin: $?"
