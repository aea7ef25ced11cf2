#!/bin/sh
# bench/gen.sh OUTDIR N — write N variants of the sample report into OUTDIR.
#
# OUTDIR/r0001.txt … rNNNN.txt are copies of data/quzhou-2023.txt (or $QZ_BENCH_SAMPLE) in
# which every run of ASCII digits is replaced by another value of the same number of digits,
# drawn from a generator seeded by the file index: the files are deterministic, all of the
# same size as the sample, and differ in their figures only. Left as they are: the digits
# of the header's date line (a line of digits, '-', ':', '/', '.' and spaces only) and the
# four-digit years before 年, so that every variant still reads as a report of the same
# year. Lines, line ends and all other bytes are unchanged.
#
# Regeneration is skipped when OUTDIR/.stamp says that OUTDIR already holds N files made
# from this very sample by this very script (checksums of both). POSIX sh + awk only.
set -eu

usage() { echo "usage: sh bench/gen.sh OUTDIR N" >&2; exit 2; }
[ $# -eq 2 ] || usage
out=$1 n=$2
case $n in ''|*[!0-9]*) usage ;; esac
[ "$n" -gt 0 ] || usage

here=$(cd "$(dirname "$0")" && pwd)
sample=${QZ_BENCH_SAMPLE:-$here/../data/quzhou-2023.txt}
[ -r "$sample" ] || { echo "gen.sh: cannot read the sample $sample" >&2; exit 2; }

sum_sample=$(cksum < "$sample" | awk '{print $1 "-" $2}')
sum_self=$(cksum < "$here/gen.sh" | awk '{print $1 "-" $2}')
stamp="n=$n sample=$sum_sample gen=$sum_self"

mkdir -p "$out"
if [ -f "$out/.stamp" ] && [ "$(cat "$out/.stamp")" = "$stamp" ]; then
    have=$(find "$out" -maxdepth 1 -name 'r*.txt' -type f | wc -l)
    if [ "$have" -eq "$n" ]; then
        echo "gen.sh: $out already holds $n variants of $(basename "$sample")"
        exit 0
    fi
fi

rm -f "$out/.stamp"
find "$out" -maxdepth 1 -name 'r*.txt' -type f -exec rm -f {} +

# Does the sample end with a newline? ($(…) strips a trailing newline: empty means yes.)
if [ -z "$(tail -c 1 "$sample")" ]; then final_nl=1; else final_nl=0; fi

LC_ALL=C awk -v n="$n" -v out="$out" -v final_nl="$final_nl" '
# The template: lit[0] run[1] lit[1] run[2] … run[R] lit[R]; run[k] is a varied digit run.
BEGIN { R = 0; lit[0] = "" }
{
    line = $0
    if (line ~ /^[0-9 :\/.-]+\r?$/ && line ~ /[0-9]/) {   # the header date: keep
        lit[R] = lit[R] line "\n"; next
    }
    while (match(line, /[0-9]+/)) {
        pre = substr(line, 1, RSTART - 1)
        d = substr(line, RSTART, RLENGTH)
        line = substr(line, RSTART + RLENGTH)
        if (RLENGTH == 4 && substr(line, 1, 3) == "年") {      # a year: keep
            lit[R] = lit[R] pre d; continue
        }
        lit[R] = lit[R] pre
        R++; run[R] = d; lit[R] = ""
    }
    lit[R] = lit[R] line "\n"
}
# Park-Miller minimal standard generator: exact in double arithmetic, so mawk, gawk and
# busybox awk all draw the same numbers.
function rnd() { seed = (seed * 16807) % 2147483647; return seed }
function vary(d,    L, s, i, first) {
    L = length(d)
    do {
        first = substr(d, 1, 1)
        if (first == "0" && L > 1) s = "0"            # keep a leading zero (e.g. 0.05)
        else s = (rnd() % 9) + 1                      # else a non-zero first digit
        for (i = 2; i <= L; i++) s = s (rnd() % 10)
    } while (s == d && L > 0 && !(L == 1 && first == "0") && ++tries < 8)
    tries = 0
    return s
}
END {
    if (!final_nl) sub(/\n$/, "", lit[R])
    w = length(n ""); if (w < 4) w = 4
    fmt = "%s/r%0" w "d.txt"
    for (f = 1; f <= n; f++) {
        seed = (f * 7919 + 104729) % 2147483647
        rnd(); rnd(); rnd()
        s = lit[0]
        for (k = 1; k <= R; k++) s = s vary(run[k]) lit[k]
        file = sprintf(fmt, out, f)
        printf "%s", s > file
        close(file)
    }
    printf "gen.sh: wrote %d variants (%d figures varied in each) into %s\n", n, R, out
}' "$sample"

echo "$stamp" > "$out/.stamp"
