for c in summarize metrics check fix; do qzreport $c tests/fixtures/hostile/random.bin > "$TMP/out"; echo "$c rc=$? stdout=$(wc -c < "$TMP/out")"; done
