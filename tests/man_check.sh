#!/bin/sh
# man_check.sh BINARY PAGE — the manual page (doc/qzreport.1.scd, rendered into PAGE by
# scdoc) against what BINARY prints, so that the page cannot drift from the option tables:
#
# - PAGE renders with `man -l` (MANWIDTH=80, in C.UTF-8) without a single groff warning;
# - every command of `qzreport --help` has its subsection under COMMANDS (`## NAME` in the
#   source), and `qzreport --help`'s own long options are in OPTIONS;
# - for each command, its usage line (`Usage: qzreport CMD ...` of `qzreport help CMD`) is in
#   SYNOPSIS and in its subsection; every option its help prints is a tag line of its
#   subsection spelt as the help spells it ("-f, --format FORMAT", "--rules FILE"); every
#   value its --format option names (yaml, json, ...) is a tag line there too;
# - every rule of `qzreport rules -f tsv` is a tag line of CHECK RULES with its default
#   severity and whether fix repairs it: "broken-line (error, fixed)", "nested-pair (warning)".
#
# What the page has and the binary does not (an option another branch is adding) is printed as
# a note, not a failure. Exit code 0 when everything is there, 1 otherwise, 2 on a usage error.
set -u
if [ $# != 2 ]; then
    echo "usage: sh tests/man_check.sh BINARY PAGE" >&2
    exit 2
fi
bin=$1
page=$2
case $bin in */*) ;; *) bin="./$bin" ;; esac
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

failed=0
fail() {
    echo "FAIL man page: $*"
    failed=1
}

# The binary's own words, in English whatever the caller's locale.
qz() {
    env -u LANGUAGE -u LC_MESSAGES -u LANG LC_ALL=C "$bin" "$@" </dev/null
}

# The page as a reader sees it: plain text (no overstrikes, tabs expanded), hyphens ASCII
# (groff may print U+2010 or U+2212 for them).
if ! env -u MAN_KEEP_FORMATTING -u MANROFFOPT -u MANOPT LC_ALL=C.UTF-8 MANWIDTH=80 \
        man --warnings -l "$page" >"$tmp/raw" 2>"$tmp/warnings"; then
    fail "man -l $page failed"
    cat "$tmp/warnings"
    exit 1
fi
if [ -s "$tmp/warnings" ]; then
    fail "man --warnings -l $page is not silent:"
    head -20 "$tmp/warnings"
fi
col -bx <"$tmp/raw" | sed 's/‐/-/g; s/−/-/g' >"$tmp/page"
if [ ! -s "$tmp/page" ]; then
    fail "$page renders empty"
    exit 1
fi

# Lines of a section (a line of its own at column 0: NAME, OPTIONS, CHECK RULES) or of a
# subsection (indented three columns: the commands), trimmed, headings left out.
section() {
    awk -v name="$1" '
        /^[^ ]/ { inside = ($0 == name); next }
        inside { sub(/^[ \t]+/, ""); sub(/[ \t]+$/, ""); print }
    ' "$tmp/page"
}
subsection() {
    awk -v name="$1" '
        /^[^ ]/ || /^   [^ ]/ { inside = ($0 == "   " name); next }
        inside { sub(/^[ \t]+/, ""); sub(/[ \t]+$/, ""); print }
    ' "$tmp/page"
}
# Whether a file holds a line equal to $2.
has_line() {
    grep -qxF -e "$2" "$1"
}

section SYNOPSIS >"$tmp/synopsis"
section OPTIONS >"$tmp/options"
section "CHECK RULES" >"$tmp/rules"

# ---- the commands ----
qz --help >"$tmp/help" || fail "$bin --help failed"
awk '/^Commands:/ { on = 1; next } on && /^$/ { on = 0 } on && /^  [a-z]/ { print $1 }' \
    "$tmp/help" >"$tmp/commands"
if [ "$(wc -l <"$tmp/commands")" -lt 5 ]; then
    fail "found $(wc -l <"$tmp/commands") commands in '$bin --help': is its layout changed?"
    exit 1
fi
# qzreport --help's own options: each a tag line of OPTIONS ("-h, --help", "-V, --version").
for opt in $(sed -n '1,/^$/p' "$tmp/help" | grep -o -e '--[a-z][a-z-]*' | sort -u); do
    grep -qE -e "^(-[A-Za-z], )?$opt\$" "$tmp/options" || fail "OPTIONS has no '$opt'"
done

checked_options=0
checked_formats=0
while read -r cmd; do
    subsection "$cmd" >"$tmp/sub"
    if [ ! -s "$tmp/sub" ]; then
        fail "COMMANDS has no subsection '$cmd' (## $cmd in doc/qzreport.1.scd)"
        continue
    fi
    if [ "$cmd" = help ]; then
        # `qzreport help` takes a command, not options of its own
        has_line "$tmp/sub" "qzreport help [COMMAND]" || fail "help: no 'qzreport help [COMMAND]'"
        has_line "$tmp/synopsis" "qzreport help [COMMAND]" ||
            fail "SYNOPSIS has no 'qzreport help [COMMAND]'"
        continue
    fi
    if ! qz help "$cmd" >"$tmp/cmdhelp" 2>"$tmp/err"; then
        fail "$bin help $cmd failed: $(cat "$tmp/err")"
        continue
    fi
    usage=$(sed -n 's/^Usage: //p' "$tmp/cmdhelp" | head -1)
    if [ -z "$usage" ]; then
        fail "$cmd: no 'Usage:' line in '$bin help $cmd'"
    else
        has_line "$tmp/synopsis" "$usage" || fail "SYNOPSIS has no '$usage'"
        has_line "$tmp/sub" "$usage" || fail "$cmd: its subsection does not start with '$usage'"
    fi
    # The option table: "  -f, --format FORMAT        text" and continuation lines that are
    # indented further; SPEC<TAB>DESCRIPTION, one line per option.
    awk '
        /^Options:/ { on = 1; next }
        on && /^$/ { on = 0 }
        on && /^  +-/ {
            if (spec != "") print spec "\t" desc
            line = $0; sub(/^ +/, "", line)
            i = index(line, "  ")
            if (i == 0) { spec = line; desc = "" }
            else { spec = substr(line, 1, i - 1); desc = substr(line, i); sub(/^ +/, "", desc) }
            next
        }
        on && /^ +[^ -]/ { l = $0; sub(/^ +/, "", l); desc = desc " " l; next }
        END { if (spec != "") print spec "\t" desc }
    ' "$tmp/cmdhelp" >"$tmp/opts"
    if [ ! -s "$tmp/opts" ]; then
        fail "$cmd: no option in '$bin help $cmd'"
        continue
    fi
    while IFS="$(printf '\t')" read -r spec desc; do
        checked_options=$((checked_options + 1))
        has_line "$tmp/sub" "$spec" || fail "$cmd: option '$spec' is not in its subsection"
        case $spec in
        *--format*)
            # "yaml (default), json, markdown or html", "text, gcc ... or sarif (default: ...)"
            printf '%s\n' "$desc" | sed 's/([^)]*)//g; s/ or /,/g' | tr ',' '\n' |
                sed 's/^ *//; s/[ .]*$//' | grep -E '^[a-z0-9]+$' >"$tmp/formats"
            if [ ! -s "$tmp/formats" ]; then
                fail "$cmd: no format names in '$spec  $desc'"
            fi
            while read -r f; do
                checked_formats=$((checked_formats + 1))
                grep -qE -e "^$f(,.*)?\$" "$tmp/sub" || fail "$cmd: format '$f' is not in its subsection"
            done <"$tmp/formats"
            ;;
        esac
    done <"$tmp/opts"
    # Notes: options of the page that the binary does not have (yet).
    grep -E '^(-[A-Za-z], )?--[a-z][a-z-]*( [A-Z][A-Z=]*)?$' "$tmp/sub" | while read -r tag; do
        cut -f1 "$tmp/opts" | grep -qxF -e "$tag" ||
            echo "note: the page gives $cmd '$tag', which $bin does not have"
    done
done <"$tmp/commands"

# ---- the rules of check ----
qz rules -f tsv >"$tmp/rules.tsv" || fail "$bin rules -f tsv failed"
nrules=0
tail -n +2 "$tmp/rules.tsv" | cut -f1-3 >"$tmp/rules.list"
while IFS="$(printf '\t')" read -r id severity fixable; do
    nrules=$((nrules + 1))
    if [ "$fixable" = yes ]; then tag="$id ($severity, fixed)"; else tag="$id ($severity)"; fi
    has_line "$tmp/rules" "$tag" || fail "CHECK RULES has no '$tag'"
done <"$tmp/rules.list"
[ "$nrules" -gt 0 ] || fail "no rule in '$bin rules -f tsv'"

ncommands=$(wc -l <"$tmp/commands")
if [ $failed = 0 ]; then
    echo "man: $ncommands commands, $checked_options options, $checked_formats formats, $nrules check rules: all in $page"
else
    echo "man: FAILED (doc/qzreport.1.scd)"
fi
exit $failed
