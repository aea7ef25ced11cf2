#!/bin/sh
# shellcheck shell=bash disable=SC2016
# bench/run.sh BINARY — the qzreport benchmark (`make bench` runs `sh bench/run.sh ./qzreport`
# from the repository's top folder). See bench/README.md.
#
# Makes the corpus (bench/gen.sh: 1000 variants of data/quzhou-2023.txt in
# build/bench/corpus, kept between runs), then times, on a private copy of BINARY:
#   - metrics -f json over all the files in one process (median of 5 runs, after a warm-up)
#   - metrics -f json on one file, and summarize on one file (median of 200 runs each,
#     process start included: "one report end to end")
#   - summarize over all the files, one process per file (a shell loop)
# and the peak RSS (GNU time's %M) of a 1000-file and of one-file runs, and of metrics --all on
# one 21.6 MB single-line report (build/bench/one-line-21mb.txt, made here), and prints each
# figure against its target. Missed targets are reported, not failures: the exit code is 0
# whenever the measurements ran, 2 when they could not (no binary, the binary fails, …).
#
# Environment: QZ_BENCH_FILES (default 1000), QZ_BENCH_RUNS (runs of the one-file
# measurements, default 200), QZ_BENCH_REPEAT (runs of the all-files metrics, default 5).
# Uses bash for its microsecond clock ($EPOCHREALTIME; `date +%s%N` where that is missing),
# awk for the arithmetic, and /usr/bin/time for memory (n/a without it): nothing else.

# Re-run under bash (an essential package on Debian): its clock needs no fork per reading.
if [ -z "${BASH_VERSION:-}" ]; then
    if command -v bash >/dev/null 2>&1; then exec bash "$0" "$@"; fi
    echo "run.sh: bash is needed" >&2; exit 2
fi
set -u
export LC_ALL=C

die() { echo "run.sh: $*" >&2; exit 2; }
[ $# -eq 1 ] || die "usage: sh bench/run.sh BINARY   (from the repository's top folder)"
bin=$1
[ -x "$bin" ] || die "$bin: no such executable (run make first)"
if [ ! -f data/quzhou-2023.txt ] || [ ! -f bench/gen.sh ]; then die "run me from the repository's top folder"; fi

nfiles=${QZ_BENCH_FILES:-1000}
runs=${QZ_BENCH_RUNS:-200}
repeat=${QZ_BENCH_REPEAT:-5}
corpus=build/bench/corpus

# ---- the clock: NOW in microseconds ----
if [ -n "${EPOCHREALTIME:-}" ]; then
    now() { local t=$EPOCHREALTIME; NOW=$(( 10#${t/./} )); }
    clock='bash $EPOCHREALTIME'
else
    now() { NOW=$(( $(date +%s%N) / 1000 )); }
    clock='date +%s%N (one fork per reading: one-file figures include ~1 ms of it)'
fi

# ---- a private copy of the binary: a rebuild during the run cannot change or break it ----
tmp=$(mktemp -d "${TMPDIR:-/tmp}/qzbench.XXXXXX") || die "cannot make a temporary folder"
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM
cp "$bin" "$tmp/qzreport" || die "cannot copy $bin"
qz=$tmp/qzreport

# ---- the machine ----
cpu=$(grep -m1 -E '^(model name|Model|Hardware)' /proc/cpuinfo 2>/dev/null | sed 's/^[^:]*: *//')
mem=$(awk '/^MemTotal:/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo 2>/dev/null)
rev=
if command -v git >/dev/null 2>&1 && git rev-parse --git-dir >/dev/null 2>&1; then
    rev=$(git rev-parse --short HEAD 2>/dev/null)
    [ -n "$(git status --porcelain --untracked-files=no 2>/dev/null)" ] && rev="$rev (work tree modified)"
fi
echo "qzreport benchmark — $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "machine: $(nproc) cores, ${cpu:-unknown CPU}, ${mem:-? GiB}, $(uname -srm)"
echo "binary:  $bin ($("$qz" --version 2>/dev/null | head -n 1))${rev:+, commit $rev}"
echo "clock:   $clock"

# ---- the corpus ----
sh bench/gen.sh "$corpus" "$nfiles" || die "could not make the corpus"
files=( "$corpus"/r*.txt )
[ ${#files[@]} -eq "$nfiles" ] || die "$corpus holds ${#files[@]} files, not $nfiles"
bytes=$(cat "${files[@]}" | wc -c)
bytes=$(( bytes + 0 ))
one=${files[0]}
awk -v n="$nfiles" -v b="$bytes" 'BEGIN { printf "corpus:  %d files, %d bytes (%.1f MB, %.1f MiB)\n", n, b, b / 1e6, b / 1048576 }'

# ---- sanity: the binary reads the corpus (exit 0, or 1 for findings) ----
"$qz" metrics -f json "${files[@]}" > "$tmp/out" 2> "$tmp/err"; rc=$?
[ $rc -le 1 ] || die "metrics -f json over the corpus exited $rc: $(head -n 3 "$tmp/err")"
lines=$(wc -l < "$tmp/out")
[ "$lines" -eq "$nfiles" ] || die "metrics -f json printed $lines lines for $nfiles files"
"$qz" summarize "$one" > /dev/null 2> "$tmp/err"; rc=$?
[ $rc -le 1 ] || die "summarize $one exited $rc: $(head -n 3 "$tmp/err")"

# median of the numbers on stdin (the mean of the two middle ones for an even count)
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) exit 1; m = int((NR + 1) / 2);
                          if (NR % 2) print v[m]; else print int((v[m] + v[m + 1]) / 2) }'; }
mean() { awk '{ s += $1 } END { if (NR) print int(s / NR) }'; }

# peak RSS in KiB of one run of the command, or n/a
have_time=0
if [ -x /usr/bin/time ] && /usr/bin/time -f %M -o "$tmp/rss" true 2>/dev/null; then have_time=1; fi
peak_rss() {
    if [ $have_time = 0 ]; then echo n/a; return; fi
    /usr/bin/time -f %M -o "$tmp/rss" "$@" > /dev/null 2>&1
    tail -n 1 "$tmp/rss"
}

# ---- the peer: what an analyst would write in Python (../shared/bench/py_peer.py), timed in
# the same loop, run for run, so that the machine's load weighs on both alike ----
peer=${QZ_BENCH_PEER:-../shared/bench/py_peer.py}
have_peer=0
if [ -f "$peer" ] && command -v python3 >/dev/null 2>&1 && python3 -c 'import yaml' 2>/dev/null; then
    have_peer=1
fi

# ---- grep: the floor of any scan of the corpus for figures (bench/grep-patterns.txt, four
# metric patterns: the meetings, the drafts deliberated, the inspections, the inquiries) ----
grep_pat=bench/grep-patterns.txt

# ---- the 10x rules: every built-in metric ten times over under new keys (bench/rules10.py) ----
have_rules10=0
if [ $have_peer = 1 ] && python3 bench/rules10.py "$tmp/rules10.yaml" 2>/dev/null; then
    have_rules10=1
fi

# ---- 1. metrics -f json, all files, one process: default -j, -j 1, the peer, grep, and -j 1
# with the 10x rules, run for run in one loop, so that the machine's load weighs on all alike ----
echo "measuring: metrics -f json over $nfiles files in one process ($repeat runs of each)…" >&2
"$qz" metrics -f json "${files[@]}" > /dev/null 2>&1          # warm-up (page cache)
for k in all j1 peer grep r10; do : > "$tmp/t_$k"; done
timed() {   # timed NAME COMMAND…: one run, its wall time appended to $tmp/t_NAME
    local name=$1; shift
    now; t0=$NOW
    "$@" > /dev/null 2>&1
    now; echo $(( NOW - t0 )) >> "$tmp/t_$name"
}
for (( i = 0; i < repeat; i++ )); do
    timed all "$qz" metrics -f json "${files[@]}"
    timed j1 "$qz" metrics -j 1 -f json "${files[@]}"
    [ $have_peer = 1 ] && timed peer python3 "$peer" --json "${files[@]}"
    timed grep grep -c -E -f "$grep_pat" "${files[@]}"
    [ $have_rules10 = 1 ] && timed r10 "$qz" metrics -j 1 -f json --rules "$tmp/rules10.yaml" "${files[@]}"
done
t_all=$(median < "$tmp/t_all")
t_j1=$(median < "$tmp/t_j1")
t_grep=$(median < "$tmp/t_grep")
t_peer=n/a
[ $have_peer = 1 ] && t_peer=$(median < "$tmp/t_peer")
t_r10=n/a
[ $have_rules10 = 1 ] && t_r10=$(median < "$tmp/t_r10")
jobs_default=$(nproc 2>/dev/null || echo 1)
rss_all=$(peak_rss "$qz" metrics -f json "${files[@]}")
rss_j1=$(peak_rss "$qz" metrics -j 1 -f json "${files[@]}")

# ---- 2. and 3. one file, many runs ----
one_file() {   # one_file OUT COMMAND-ARGS… : $runs runs over the corpus files in turn
    local out="$1" i f; shift
    : > "$out"
    for (( i = 0; i < runs; i++ )); do
        f=${files[i % nfiles]}
        now; t0=$NOW
        "$qz" "$@" "$f" > /dev/null 2>&1
        now; echo $(( NOW - t0 )) >> "$out"
    done
}
echo "measuring: metrics -f json on one file ($runs runs)…" >&2
one_file "$tmp/t_m1" metrics -f json
t_m1=$(median < "$tmp/t_m1"); t_m1_mean=$(mean < "$tmp/t_m1")
rss_m1=$(peak_rss "$qz" metrics -f json "$one")

echo "measuring: summarize on one file ($runs runs)…" >&2
one_file "$tmp/t_s1" summarize
t_s1=$(median < "$tmp/t_s1"); t_s1_mean=$(mean < "$tmp/t_s1")
rss_s1=$(peak_rss "$qz" summarize "$one")

# ---- reference: the cost of starting any process with this clock and loop (the floor) ----
echo "measuring: process start floor (/bin/true, $runs runs)…" >&2
: > "$tmp/t_true"
for (( i = 0; i < runs; i++ )); do now; t0=$NOW; /bin/true; now; echo $(( NOW - t0 )) >> "$tmp/t_true"; done
t_true=$(median < "$tmp/t_true")

# ---- 4. summarize, all files, one process each ----
echo "measuring: summarize over $nfiles files, one process each…" >&2
now; t0=$NOW
for f in "${files[@]}"; do "$qz" summarize "$f" > /dev/null 2>&1; done
now; t_sall=$(( NOW - t0 ))

# ---- 5. one big single-line report: peak memory of metrics --all (issue 9: output streamed) ----
# data/quzhou-2023.txt with its newlines removed, 671 times over: 21.6 MB on one line, 43,615
# quantities. Made under build/bench/ (not in git) and remade when its size is not the expected one.
big=build/bench/one-line-21mb.txt
one_len=$(tr -d '\n' < data/quzhou-2023.txt | wc -c)
big_len=$(( one_len * 671 ))
if [ ! -f "$big" ] || [ "$(wc -c < "$big")" -ne "$big_len" ]; then
    echo "making $big ($big_len bytes)…" >&2
    mkdir -p build/bench
    tr -d '\n' < data/quzhou-2023.txt | awk '{ for (i = 0; i < 671; i++) printf "%s", $0 }' > "$big.tmp" &&
        mv "$big.tmp" "$big" || die "could not make $big"
fi
echo "measuring: metrics --all on a $big_len-byte single line (json, tsv, yaml)…" >&2
rss_big_json=$(peak_rss "$qz" metrics --all -f json "$big")
rss_big_tsv=$(peak_rss "$qz" metrics --all -f tsv "$big")
rss_big_yaml=$(peak_rss "$qz" metrics --all -f yaml "$big")
# and the densest line: 召开会议十次 over and over, 21.6 MB, 1.2 million figures in one
# sentence (what the issue measured at 785 MiB when every quantity was held)
dense=build/bench/dense-21mb.txt
dense_len=21648006
if [ ! -f "$dense" ] || [ "$(wc -c < "$dense")" -ne "$dense_len" ]; then
    awk 'BEGIN { for (i = 0; i < 1202667; i++) printf "%s", "召开会议十次" }' > "$dense.tmp" &&
        mv "$dense.tmp" "$dense" || die "could not make $dense"
fi
echo "measuring: metrics --all -f tsv on $dense (1.2 million figures on one line)…" >&2
rss_dense=$(peak_rss "$qz" metrics --all -f tsv "$dense")

# ---- the table ----
# verdict VALUE OP LIMIT: met / MISSED / n/a
verdict() { awk -v v="$1" -v op="$2" -v l="$3" 'BEGIN { if (v == "n/a") { print "n/a"; exit }
    ok = (op == "le") ? (v + 0 <= l + 0) : (v + 0 >= l + 0); print ok ? "met" : "MISSED" }'; }
sec()  { awk -v u="$1" 'BEGIN { printf "%.3f s", u / 1e6 }'; }
ms()   { awk -v u="$1" 'BEGIN { printf "%.2f ms", u / 1e3 }'; }
mbs()  { awk -v b="$1" -v u="$2" 'BEGIN { printf "%.1f", (u > 0) ? b / u : 0 }'; }  # bytes/µs = MB/s
mib()  { if [ "$1" = n/a ]; then echo n/a; else awk -v k="$1" 'BEGIN { printf "%.1f MiB", k / 1024 }'; fi; }
row()  { printf '| %-58s | %-12s | %-13s | %-7s |\n' "$1" "$2" "$3" "$4"; }

mbs_all=$(mbs "$bytes" "$t_all")
mbs_sall=$(mbs "$bytes" "$t_sall")
per_s=$(( t_sall / nfiles ))
rss_lim=16384   # KiB

echo
echo "results (MB = 10^6 bytes, MiB = 2^20 bytes; times include process start):"
row "figure" "measured" "target" "verdict"
row "----------------------------------------------------------" "------------" "-------------" "-------"
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a == "n/a" || b == "n/a" || b == 0) print "n/a"; else printf "%.2f", a / b }'; }
row "metrics -f json, $nfiles files, -j $jobs_default (default): wall (median of $repeat)" "$(sec "$t_all")" "" ""
row "  throughput" "$mbs_all MB/s" "" ""
row "  peak RSS" "$(mib "$rss_all")" "<= $(( 16 + 2 * (jobs_default - 1) )) MiB" "$(verdict "$rss_all" le $(( rss_lim + 2048 * (jobs_default - 1) )))"
row "metrics -f json, $nfiles files, -j 1: wall (median of $repeat)" "$(sec "$t_j1")" "" ""
row "  throughput" "$(mbs "$bytes" "$t_j1") MB/s" "" ""
row "  peak RSS" "$(mib "$rss_j1")" "<= 16 MiB" "$(verdict "$rss_j1" le $rss_lim)"
if [ $have_peer = 1 ]; then
    row "the peer, py_peer.py --json, same files (median of $repeat)" "$(sec "$t_peer")" "" ""
    r=$(ratio "$t_peer" "$t_all")
    row "  qzreport (default -j) faster than the peer by" "${r}x" ">= 15x" "$(verdict "$r" ge 15)"
    r=$(ratio "$t_peer" "$t_j1")
    row "  qzreport -j 1 faster than the peer by" "${r}x" ">= 8x" "$(verdict "$r" ge 8)"
fi
row "grep -c -E -f bench/grep-patterns.txt, same files (median)" "$(sec "$t_grep")" "" ""
r=$(ratio "$t_j1" "$t_grep")
row "  qzreport -j 1 / grep" "${r}x" "<= 3x" "$(verdict "$r" le 3)"
r=$(ratio "$t_all" "$t_grep")
row "  qzreport (default -j) / grep" "${r}x" "<= 3x" "$(verdict "$r" le 3)"
if [ $have_rules10 = 1 ]; then
    row "metrics -j 1 with the 10x rules (bench/rules10.py), median" "$(sec "$t_r10")" "" ""
    r=$(ratio "$t_r10" "$t_j1")
    row "  10x the rules / the built-in rules" "${r}x" "<= 1.5x" "$(verdict "$r" le 1.5)"
fi
row "metrics -f json, 1 file: wall (median of $runs)" "$(ms "$t_m1")" "<= 1.5 ms" "$(verdict "$t_m1" le 1500)"
row "  mean of the $runs runs" "$(ms "$t_m1_mean")" "" ""
row "  peak RSS" "$(mib "$rss_m1")" "<= 16 MiB" "$(verdict "$rss_m1" le $rss_lim)"
row "summarize, 1 file: wall (median of $runs)" "$(ms "$t_s1")" "<= 1.5 ms" "$(verdict "$t_s1" le 1500)"
row "  mean of the $runs runs" "$(ms "$t_s1_mean")" "" ""
row "  peak RSS" "$(mib "$rss_s1")" "<= 16 MiB" "$(verdict "$rss_s1" le $rss_lim)"
row "summarize, $nfiles files, $nfiles processes: total wall" "$(sec "$t_sall")" "(none)" ""
row "  throughput" "$mbs_sall MB/s" "(none)" ""
row "  per report (mean)" "$(ms "$per_s")" "<= 1.5 ms" "$(verdict "$per_s" le 1500)"
big_mb=$(awk -v b="$big_len" 'BEGIN { printf "%.1f", b / 1e6 }')
row "metrics --all -f json, one $big_mb MB line: peak RSS" "$(mib "$rss_big_json")" "<= 64 MiB" "$(verdict "$rss_big_json" le 65536)"
row "  -f tsv" "$(mib "$rss_big_tsv")" "<= 64 MiB" "$(verdict "$rss_big_tsv" le 65536)"
row "  -f yaml" "$(mib "$rss_big_yaml")" "<= 64 MiB" "$(verdict "$rss_big_yaml" le 65536)"
row "metrics --all -f tsv, 21.6 MB line of 1.2 M figures: peak RSS" "$(mib "$rss_dense")" "<= 64 MiB" "$(verdict "$rss_dense" le 65536)"
row "reference: /bin/true, median of $runs (process start floor)" "$(ms "$t_true")" "" ""
[ $have_time = 1 ] || echo "note: /usr/bin/time (GNU time) is missing: peak RSS not measured (apt-get install time)"
[ $have_peer = 1 ] || echo "note: the peer ($peer, python3 with PyYAML) is missing: it and the 10x rules not measured"
[ $have_peer = 1 ] && echo "peer:     python3 $peer --json $corpus/*.txt > /dev/null"
echo "grep:     grep -c -E -f $grep_pat $corpus/*.txt > /dev/null"
echo "commands: $bin metrics [-j 1] -f json [--rules RULES10] $corpus/*.txt > /dev/null; $bin metrics -f json FILE; $bin summarize FILE"
echo "          /usr/bin/time -f %M $bin metrics --all -f json|tsv|yaml $big > /dev/null"
exit 0
