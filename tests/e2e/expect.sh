#!/bin/sh
# expect.sh BINARY — judges metric extraction on the fixtures of tests/fixtures/metrics/: for
# each NAME.txt, `qzreport metrics NAME.txt` must report every `KEY<TAB>VALUE` line of
# NAME.expect with exactly that value, and none of its `!KEY` lines (see the folder's README).
set -u
bin=$1
passed=0
failed=0
got=$(mktemp)
trap 'rm -f "$got"' EXIT INT TERM
for expect in tests/fixtures/metrics/*.expect; do
    txt=${expect%.expect}.txt
    name=$(basename "${expect%.expect}")
    if ! "$bin" metrics "$txt" >"$got"; then
        echo "FAIL $name: qzreport metrics exited non-zero"
        failed=$((failed + 1))
        continue
    fi
    while IFS= read -r line; do
        case $line in
        '' | '#'*) continue ;;
        '!'*)
            key=${line#!}
            value=$(awk -F '\t' -v k="$key" '$1 == k { print $2 }' "$got")
            if [ -n "$value" ]; then
                echo "FAIL $name: $key must be absent, got $value"
                failed=$((failed + 1))
            else
                passed=$((passed + 1))
            fi
            ;;
        *)
            key=$(printf '%s' "$line" | cut -f1)
            want=$(printf '%s' "$line" | cut -f2)
            value=$(awk -F '\t' -v k="$key" '$1 == k { print $2 }' "$got")
            if [ "$value" != "$want" ]; then
                echo "FAIL $name: $key = '${value}', expected $want"
                failed=$((failed + 1))
            else
                passed=$((passed + 1))
            fi
            ;;
        esac
    done <"$expect"
done
echo "metrics fixtures: $passed passed, $failed failed"
[ $failed = 0 ]
