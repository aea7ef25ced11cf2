#!/bin/sh
# completion_check.sh BINARY DIR — the completion scripts `make` writes into DIR
# (qzreport.bash, _qzreport, qzreport.fish) by running BINARY:
#
# - each is what `BINARY completion SHELL` prints, and its shell reads it without a syntax error
#   (bash -n, zsh -n, fish -n);
# - each completes the lines of tests/completion/cases.tsv as that file says, in its own shell:
#   bash by calling _qzreport with COMP_WORDS and COMP_CWORD set (complete.bash), zsh in an
#   interactive shell on a pseudo-terminal with compinit and a TAB typed (complete.zsh), fish
#   by `complete -C` (complete.fish);
# - bash completes, for every command of `BINARY --help`, exactly the long options its help
#   prints, and for --format exactly the names its help gives, so that the script cannot drift
#   from the option tables.
#
# bash is always tested; zsh and fish when they are installed (otherwise a note says they were
# skipped). Exit code 0 when everything passes, 1 otherwise, 2 on a usage error.
set -u
if [ $# != 2 ]; then
    echo "usage: sh tests/completion_check.sh BINARY DIR" >&2
    exit 2
fi
top=$(pwd)
bin=$1
dir=$2
case $bin in /*) ;; *) bin="$top/$bin" ;; esac
case $dir in /*) ;; *) dir="$top/$dir" ;; esac
here=$top/tests/completion
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
# English whatever the caller's locale; `qzreport` on PATH is BINARY
for v in $(env | sed -n 's/^\(LC_[A-Za-z_]*\)=.*/\1/p'); do
    unset "$v"
done
unset LANG LANGUAGE
mkdir "$tmp/bin"
ln -s "$bin" "$tmp/bin/qzreport"
PATH="$tmp/bin:$PATH"
export PATH

passed=0
failed=0
fail() {
    echo "FAIL completion: $*"
    failed=$((failed + 1))
}

# The folder the lines are typed in (see cases.tsv).
work=$tmp/work
mkdir -p "$work/reports" "$work/project"
cp data/quzhou-2023.txt "$work/report-2023.txt"
cp tests/fixtures/rules/government.yaml "$work/gov.yaml"
cp tests/fixtures/rules/government.yaml "$work/project/gov.yaml"
echo 'rules_file: gov.yaml' >"$work/project/.qzreport.yaml"
grep -v '^#' "$here/cases.tsv" | cut -f1 >"$tmp/lines"

# compare SHELL COLUMN RESULTS: RESULTS (LINE<TAB>GOT) against column COLUMN of cases.tsv.
compare() {
    awk -F '\t' -v shell="$1" -v col="$2" '
        NR == FNR { if ($0 !~ /^#/) { w = $col; if (w == "=") w = $2; want[$1] = w }; next }
        {
            n++
            if (!($1 in want)) { print "FAIL completion: " shell ": no case \"" $1 "\""; bad++ }
            else if ($2 != want[$1]) {
                print "FAIL completion: " shell ": \"" $1 "\" gave \"" $2 "\", expected \"" want[$1] "\""
                bad++
            }
        }
        END { printf "%d %d\n", n - bad, bad > "/dev/stderr" }
    ' "$here/cases.tsv" "$3" 2>"$tmp/counts"
    if [ "$(wc -l <"$3")" != "$(wc -l <"$tmp/lines")" ]; then
        fail "$1: $(wc -l <"$3") results for $(wc -l <"$tmp/lines") lines"
    fi
    read -r p f <"$tmp/counts"
    passed=$((passed + p))
    failed=$((failed + f))
}

# the script made at build time is the one the binary prints
for s in bash:qzreport.bash zsh:_qzreport fish:qzreport.fish; do
    shell=${s%%:*}
    file=$dir/${s#*:}
    if ! qzreport completion "$shell" >"$tmp/printed" 2>"$tmp/err"; then
        fail "qzreport completion $shell failed: $(cat "$tmp/err")"
    elif ! cmp -s "$tmp/printed" "$file"; then
        fail "$file is not what 'qzreport completion $shell' prints"
    else
        passed=$((passed + 1))
    fi
done

# ---- bash ----
if bash -n "$dir/qzreport.bash" 2>"$tmp/err"; then
    passed=$((passed + 1))
    bash --norc --noprofile "$here/complete.bash" "$dir/qzreport.bash" "$tmp/lines" "$work" \
        >"$tmp/bash.out" 2>"$tmp/err" || fail "bash: complete.bash failed: $(cat "$tmp/err")"
    compare bash 2 "$tmp/bash.out"
else
    fail "bash -n $dir/qzreport.bash: $(cat "$tmp/err")"
fi

# bash against the help: every long option, every --format name
qzreport --help | awk '/^Commands:/ { on = 1; next } on && /^$/ { on = 0 }
                       on && /^  [a-z]/ && $1 != "help" { print $1 }' >"$tmp/commands"
[ "$(wc -l <"$tmp/commands")" -ge 5 ] || fail "found no commands in 'qzreport --help'"
: >"$tmp/help.lines"
: >"$tmp/help.want"
while read -r cmd; do
    qzreport help "$cmd" >"$tmp/cmdhelp"
    # the option lines, a continuation joined to its option: "  -f, --format FORMAT   yaml
    # (default), json, markdown or html"
    awk '/^Options:/ { on = 1; next } on && /^$/ { on = 0 }
         on && /^  +-/ { if (l != "") print l; l = $0; next }
         on && /^ +[^ -]/ { sub(/^ +/, " "); l = l $0 }
         END { if (l != "") print l }' "$tmp/cmdhelp" >"$tmp/opts"
    longs=$(grep -oE -e '--[a-z][a-z-]*' "$tmp/opts" | awk '{ print $1 }' | LC_ALL=C sort -u |
        tr '\n' ' ' | sed 's/ $//')
    shorts=$(grep -oE '^ +-[A-Za-z],' "$tmp/opts" | tr -d ' ,' | LC_ALL=C sort -u | tr '\n' ' ' |
        sed 's/ $//')
    printf 'qzreport %s --\t%s\n' "$cmd" "$longs" >>"$tmp/help.want"
    printf 'qzreport %s --\n' "$cmd" >>"$tmp/help.lines"
    all=$(printf '%s\n' $longs $shorts | LC_ALL=C sort -u | tr '\n' ' ' | sed 's/ $//')
    printf 'qzreport %s -\t%s\n' "$cmd" "$all" >>"$tmp/help.want"
    printf 'qzreport %s -\n' "$cmd" >>"$tmp/help.lines"
    fmt=$(grep -E -e '--format FORMAT' "$tmp/opts" | sed 's/.*FORMAT *//')
    if [ -n "$fmt" ]; then
        names=$(printf '%s\n' "$fmt" | sed 's/([^)]*)//g; s/ or /,/g' | tr ',' '\n' |
            sed 's/^ *//; s/[ .]*$//' | grep -E '^[a-z0-9]+$' | LC_ALL=C sort -u | tr '\n' ' ' |
            sed 's/ $//')
        printf 'qzreport %s --format \t%s\n' "$cmd" "$names" >>"$tmp/help.want"
        printf 'qzreport %s --format \n' "$cmd" >>"$tmp/help.lines"
    fi
done <"$tmp/commands"
bash --norc --noprofile "$here/complete.bash" "$dir/qzreport.bash" "$tmp/help.lines" "$work" \
    >"$tmp/help.out" 2>/dev/null
awk -F '\t' 'NR == FNR { want[$1] = $2; next }
    $2 != want[$1] { print "FAIL completion: bash: \"" $1 "\" gave \"" $2 "\", the help says \"" want[$1] "\"" }
' "$tmp/help.want" "$tmp/help.out" >"$tmp/help.fail"
if [ -s "$tmp/help.fail" ]; then
    cat "$tmp/help.fail"
    failed=$((failed + $(wc -l <"$tmp/help.fail")))
fi
passed=$((passed + $(wc -l <"$tmp/help.lines") - $(wc -l <"$tmp/help.fail")))

skipped=""
# ---- zsh ----
if command -v zsh >/dev/null 2>&1; then
    if zsh -n "$dir/_qzreport" 2>"$tmp/err"; then
        passed=$((passed + 1))
        mkdir "$tmp/fpath"
        cp "$dir/_qzreport" "$tmp/fpath/_qzreport"
        # compinit finds it in $fpath and binds it to qzreport
        if zsh -f -c 'fpath=("$1" $fpath); autoload -Uz compinit; compinit -u -D;
                      [[ $_comps[qzreport] == _qzreport ]]' zsh "$tmp/fpath" 2>"$tmp/err"; then
            passed=$((passed + 1))
        else
            fail "zsh: compinit does not bind _qzreport to qzreport $(cat "$tmp/err")"
        fi
        zsh -f "$here/complete.zsh" "$tmp/fpath" "$tmp/lines" "$work" >"$tmp/zsh.out" \
            2>"$tmp/err" || fail "zsh: complete.zsh failed: $(cat "$tmp/err")"
        compare zsh 3 "$tmp/zsh.out"
    else
        fail "zsh -n $dir/_qzreport: $(cat "$tmp/err")"
    fi
else
    skipped="$skipped zsh"
fi

# ---- fish ----
if command -v fish >/dev/null 2>&1; then
    if fish -n "$dir/qzreport.fish" 2>"$tmp/err"; then
        passed=$((passed + 1))
        fish --no-config "$here/complete.fish" "$dir/qzreport.fish" "$tmp/lines" "$work" \
            >"$tmp/fish.out" 2>"$tmp/err" || fail "fish: complete.fish failed: $(cat "$tmp/err")"
        compare fish 4 "$tmp/fish.out"
    else
        fail "fish -n $dir/qzreport.fish: $(cat "$tmp/err")"
    fi
else
    skipped="$skipped fish"
fi

[ -z "$skipped" ] || echo "completion: skipped (not installed):$skipped"
echo "completion: $passed passed, $failed failed"
[ "$failed" = 0 ]
