# `help help`, `help --help` and `help -h` print the general help, exit 0
qzreport --help > "$TMP/general"
for a in help --help -h; do
    qzreport help $a > "$TMP/got"; rc=$?
    cmp "$TMP/got" "$TMP/general" && echo "help $a: the general help, exit $rc"
done
