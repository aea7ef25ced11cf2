for f in tests/fuzz/regressions/check-*.txt; do qzreport fix "$f" > "$TMP/once" && qzreport fix "$TMP/once" | cmp - "$TMP/once" && echo "$f: fix is idempotent"; done
