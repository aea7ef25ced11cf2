# diff(1) is run without a shell: a file name with quotes, spaces and $ is one argument, whole
f="$TMP/it's a \"report\" \$HOME; \`x\`.txt"; cp tests/fixtures/check/quote-form.txt "$f" && cd "$TMP"
qzreport fix --diff "${f##*/}" > d.patch; echo "diff: $?"
head -2 d.patch
patch -s "${f##*/}" < d.patch && qzreport fix --check "${f##*/}"; echo "check after patch: $?"
