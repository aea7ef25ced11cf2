#!/bin/sh
# lib_symbols.sh SHARED_LIBRARY HEADER SONAME — the shared library exports exactly the
# interface of the public header:
#
# - the functions HEADER declares are read by the compiler itself (GCC's -aux-info writes the
#   prototype of every function a translation unit declares, with the file and line it was
#   declared at), so that no declaration, however it is wrapped, is missed;
# - the symbols SHARED_LIBRARY exports are `nm -D --defined-only`'s (functions, data, anything);
# - every exported symbol is a function the header declares (no internal helper such as qz_grow,
#   qz_buf_append or qz_fail leaks), and every function the header declares is exported (none
#   lacks QZ_EXPORT, none is declared and never defined);
# - its soname is SONAME (libqzreport.so.MAJOR, the major number of QZ_VERSION_MAJOR).
#
# CC (default cc) must be GCC or accept -aux-info. Exit code 0 when all holds, 1 otherwise, 2 on
# a usage error.
set -u
if [ $# != 3 ]; then
    echo "usage: sh tests/lib_symbols.sh SHARED_LIBRARY HEADER SONAME" >&2
    exit 2
fi
so=$1
header=$2
soname=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

failed=0
fail() {
    echo "FAIL library symbols: $*"
    failed=1
}

# The header's functions: a translation unit that includes it, its prototypes listed by GCC.
hdir=$(dirname "$header")
hname=$(basename "$header")
printf '#include "%s"\n' "$hname" >"$tmp/h.c"
if ! ${CC:-cc} -std=c11 -I"$hdir" -aux-info "$tmp/h.aux" -fsyntax-only "$tmp/h.c" 2>"$tmp/cc.err"; then
    cat "$tmp/cc.err"
    fail "${CC:-cc} cannot list the functions of $header (-aux-info is GCC's)"
    exit 1
fi
# /* include/qzreport.h:40:NC */ extern void qz_error_format (const qz_error *, char *, size_t);
# (the name is what stands before the first " (": no function of the header returns a pointer
# to a function)
grep "^/\* [^ ]*$hname:[0-9]*:[A-Z]* \*/ " "$tmp/h.aux" |
    sed -e 's/^\/\* [^ ]* \*\/ //' -e 's/ (.*//' -e 's/.*[^a-zA-Z0-9_]//' |
    sort -u >"$tmp/declared"
ndeclared=$(wc -l <"$tmp/declared")
[ "$ndeclared" -gt 0 ] || fail "no function found in $header"

# What the library exports: every defined symbol of its dynamic symbol table.
if ! nm -D --defined-only "$so" >"$tmp/nm" 2>"$tmp/nm.err"; then
    cat "$tmp/nm.err"
    fail "nm -D cannot read $so"
    exit 1
fi
# (__bss_start, _edata and _end are the linker's, defined in every shared object)
awk 'NF >= 3 && $3 != "__bss_start" && $3 != "_edata" && $3 != "_end" { print $3 }' "$tmp/nm" |
    sed 's/@.*//' | sort -u >"$tmp/exported"
nexported=$(wc -l <"$tmp/exported")

leaked=$(comm -13 "$tmp/declared" "$tmp/exported")
missing=$(comm -23 "$tmp/declared" "$tmp/exported")
[ -z "$leaked" ] || fail "exported but not declared in $header:" $leaked
[ -z "$missing" ] || fail "declared in $header but not exported by $so:" $missing
# and every exported symbol is a function (T), not data
notfunc=$(awk 'NF >= 3 && $2 != "T" { print $3 }' "$tmp/nm" | grep -vx '__bss_start\|_edata\|_end')
[ -z "$notfunc" ] || fail "exported symbols that are not functions:" $notfunc

got=$(objdump -p "$so" | awk '$1 == "SONAME" { print $2 }')
[ "$got" = "$soname" ] || fail "$so has soname '$got', not $soname"

if [ $failed = 0 ]; then
    echo "lib: $so exports the $ndeclared functions of $hname and nothing else; soname $soname"
fi
exit $failed
