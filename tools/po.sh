#!/bin/sh
# po.sh pot|update|check SOURCE... — the message catalog (README.md, "Language"), from the
# sources the Makefile names (POT_SRC):
#   pot     writes po/qzreport.pot with xgettext (left alone when only its date would change)
#   update  pot, then merges it into every po/LANG.po (msgmerge): new messages come in
#           untranslated, changed ones fuzzy, for a translator to settle
#   check   fails unless po/qzreport.pot is what the sources give now and every po/LANG.po
#           translates every one of its messages, none fuzzy, with formats that agree (msgfmt -c)
# So a message marked in the sources without a translation fails `make check`.
set -eu
mode=$1
shift
pot=po/qzreport.pot

# The marks (src/internal.h, src/cli.h): _() and N_(); qz_fail's 6th argument, fail_at's 4th
# (src/schema.h) and qz_usage_error's 2nd are formats these functions translate themselves;
# qz_printf's 1st is a format too. Locations are files only, so that moving a line does not make
# the template out of date; no package version in its header, so that a release does not either
# (po/zh_CN.po's header names the package).
extract() {
    out=$1
    shift
    xgettext --language=C --from-code=UTF-8 --add-comments=TRANSLATORS: --add-location=file \
        --keyword=_ --keyword=N_ \
        --keyword=qz_fail:6 --flag=qz_fail:6:c-format \
        --keyword=fail_at:4 --flag=fail_at:4:c-format \
        --keyword=qz_usage_error:2 --flag=qz_usage_error:2:c-format \
        --keyword=qz_usage_hint:3 --flag=qz_usage_hint:3:c-format \
        --flag=qz_printf:1:c-format \
        -o "$out" "$@"
}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

# Whether $pot is the template the sources give now (then written to $tmp/new.pot), its
# creation date aside.
pot_current() {
    extract "$tmp/new.pot" "$@" || exit 2
    grep -v '^"POT-Creation-Date: ' "$tmp/new.pot" >"$tmp/new.undated"
    [ -f "$pot" ] || return 1
    grep -v '^"POT-Creation-Date: ' "$pot" >"$tmp/old.undated"
    cmp -s "$tmp/old.undated" "$tmp/new.undated"
}

make_pot() {
    if pot_current "$@"; then
        echo "po.sh: $pot is up to date"
    else
        cp "$tmp/new.pot" "$pot"
        echo "po.sh: wrote $pot"
    fi
}

case $mode in
pot)
    make_pot "$@"
    ;;
update)
    make_pot "$@"
    for po in po/*.po; do
        msgmerge --quiet --update --backup=none --add-location=file "$po" "$pot"
        echo "po.sh: merged $pot into $po"
    done
    ;;
check)
    failed=0
    if ! pot_current "$@"; then
        echo "po: FAIL $pot is not what the sources give: make pot po-update, then translate"
        touch "$tmp/old.undated"
        diff -u "$tmp/old.undated" "$tmp/new.undated" | grep '^[-+]msgid' | head -20
        failed=1
    fi
    for po in po/*.po; do
        # every message of the template translated, none fuzzy
        if ! msgcmp "$po" "$pot" 2>"$tmp/msgcmp"; then
            echo "po: FAIL $po does not translate every message of $pot:"
            head -20 "$tmp/msgcmp"
            failed=1
        fi
        # formats that agree with the messages' (-c), and nothing fuzzy or untranslated at all
        if ! msgfmt -c --statistics -o /dev/null "$po" 2>"$tmp/msgfmt" ||
            grep -q 'fuzzy\|untranslated' "$tmp/msgfmt"; then
            echo "po: FAIL $po:"
            head -20 "$tmp/msgfmt"
            failed=1
        fi
        [ $failed = 0 ] && echo "po: $po: $(cat "$tmp/msgfmt")"
    done
    [ $failed = 0 ] && echo "po: $pot up to date with the sources"
    exit $failed
    ;;
*)
    echo "usage: po.sh pot|update|check SOURCE..." >&2
    exit 2
    ;;
esac
