#!/bin/sh
# run.sh BINARY — end-to-end tests: every tests/e2e/cases/NAME.cmd is a shell snippet run from
# the repository's top folder, with `qzreport` on PATH meaning BINARY and $TMP a fresh folder.
# Its standard output must equal NAME.out, its standard error NAME.err (empty when there is no
# such file) and its exit code the number in NAME.rc (0 when there is no such file). A bug
# found becomes a new case: three small files, no code.
#
# Update mode: QZ_UPDATE=1 sh tests/e2e/run.sh ./qzreport rewrites every expected file from
# what the binary does now; review the diff before committing it.
#
# Messages are English whatever the locale of the one who runs the tests: LANG, LANGUAGE and
# every LC_ variable are unset, so a case runs in the C locale unless it names one itself
# (`LANG=zh_CN.UTF-8 qzreport --help`). The catalog is the build's: QZREPORT_LOCALEDIR as given
# (make e2e gives its build folder's), else build/locale.
set -u
bin=$1
case $bin in /*) ;; *) bin="$(pwd)/$bin" ;; esac
for v in $(env | sed -n 's/^\(LC_[A-Za-z_]*\)=.*/\1/p'); do
    unset "$v"
done
unset LANG LANGUAGE
QZREPORT_LOCALEDIR=${QZREPORT_LOCALEDIR:-$(pwd)/build/locale}
export QZREPORT_LOCALEDIR
bindir=$(mktemp -d)
ln -s "$bin" "$bindir/qzreport"
got=$(mktemp -d) # what a case printed: kept out of $TMP, which cases may list
trap 'rm -rf "$bindir" "$got"' EXIT INT TERM

passed=0
failed=0
for cmd in tests/e2e/cases/*.cmd; do
    name=${cmd%.cmd}
    TMP=$(mktemp -d)
    export TMP
    PATH="$bindir:$PATH" sh -c "$(cat "$cmd")" >"$got/out" 2>"$got/err" </dev/null
    rc=$?
    want_rc=0
    [ -f "$name.rc" ] && want_rc=$(cat "$name.rc")
    if [ "${QZ_UPDATE:-}" = 1 ]; then
        cp "$got/out" "$name.out"
        if [ -s "$got/err" ]; then cp "$got/err" "$name.err"; else rm -f "$name.err"; fi
        if [ "$rc" != 0 ]; then echo "$rc" >"$name.rc"; else rm -f "$name.rc"; fi
        want_rc=$rc
    fi
    ok=1
    if [ "$rc" != "$want_rc" ]; then
        echo "FAIL $name: exit code $rc, expected $want_rc"
        ok=0
    fi
    if ! cmp -s "$got/out" "$name.out" 2>/dev/null; then
        echo "FAIL $name: standard output differs:"
        diff -u "$name.out" "$got/out" | head -40
        ok=0
    fi
    if [ -f "$name.err" ]; then
        if ! cmp -s "$got/err" "$name.err"; then
            echo "FAIL $name: standard error differs:"
            diff -u "$name.err" "$got/err" | head -20
            ok=0
        fi
    elif [ -s "$got/err" ]; then
        echo "FAIL $name: unexpected standard error:"
        head -20 "$got/err"
        ok=0
    fi
    rm -rf "$TMP"
    if [ $ok = 1 ]; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
done
echo "e2e: $passed passed, $failed failed"
[ $failed = 0 ]
