# LeakSanitizer cannot run under ptrace: leaks are checked by every other case of make sanitize
ASAN_OPTIONS=detect_leaks=0 strace -f -e trace=rename -o "$TMP/trace" qzreport summarize -o "$TMP/out.yaml" data/quzhou-2023.txt && grep -c "rename(\".*/\.out\.yaml\.[A-Za-z0-9]*\", \".*/out\.yaml\") = 0" "$TMP/trace"
