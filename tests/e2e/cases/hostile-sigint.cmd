# SIGINT while `metrics -o` waits for its second input: the temporary file goes, FILE stays.
mkfifo "$TMP/in"; echo old > "$TMP/out.tsv"
qzreport metrics -o "$TMP/out.tsv" data/quzhou-2023.txt "$TMP/in" & pid=$!
i=0; while [ $i -lt 200 ] && ! ls -A "$TMP" | grep -q '^\.out\.tsv\.'; do sleep 0.05; i=$((i + 1)); done
ls -A "$TMP" | grep -c '^\.out\.tsv\.'
kill -INT $pid; wait $pid; echo "status=$?"
ls -A "$TMP"; cat "$TMP/out.tsv"
