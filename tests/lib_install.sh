#!/bin/sh
# lib_install.sh ROOT LIBDIR INCLUDEDIR PKGCONFIGDIR VERSION BINARY — the library as `make install
# DESTDIR=ROOT` left it (the Makefile's install-check runs this between install and uninstall),
# used the way README.md, "Library", says:
#
# - LIBDIR holds libqzreport.so.VERSION (mode 755, its soname libqzreport.so.MAJOR), the links
#   libqzreport.so.MAJOR and libqzreport.so to it, and libqzreport.a (644); INCLUDEDIR holds
#   include/qzreport.h (644); PKGCONFIGDIR holds qzreport.pc (644);
# - pkg-config finds qzreport in the tree (PKG_CONFIG_PATH into it, PKG_CONFIG_SYSROOT_DIR=ROOT
#   so that its paths are ROOT's), with VERSION, and its --static libraries, which do not
#   name the libraries opened with dlopen (libxml2, libxlsxwriter, OpenCC), nor does
#   libqzreport.so need them;
# - the README's example program (between the markers "<!-- example: report.c -->" and
#   "<!-- end of report.c -->") built by the README's own commands (between "<!-- build:
#   report.c -->" and "<!-- end of build -->", with cc standing for $CC $SAN and warnings as
#   errors): linked against the installed libqzreport.so, it loads that one (ldd) and prints,
#   on data/quzhou-2023.txt, the README's output (between "<!-- output of report.c -->" and
#   "<!-- end of output -->"), which is the line `qzreport metrics` prints for that key;
#   linked statically, it needs no libqzreport.so and prints the same;
# - a program built against the installed header and library gets qz_version() = QZ_VERSION =
#   VERSION.
#
# CC and SAN (the sanitizers the library was built with) come from the environment. Exit code 0
# when all holds, 1 otherwise, 2 on a usage error.
set -u
if [ $# != 6 ]; then
    echo "usage: sh tests/lib_install.sh ROOT LIBDIR INCLUDEDIR PKGCONFIGDIR VERSION BINARY" >&2
    exit 2
fi
root=$1
libdir=$2
includedir=$3
pcdir=$4
version=$5
bin=$6
case $bin in */*) ;; *) bin="./$bin" ;; esac
major=${version%%.*}
lib=$root$libdir
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

failed=0
fail() {
    echo "FAIL library install: $*"
    failed=1
}

# ---- the files ----

mode() {
    stat -c %a "$1" 2>/dev/null
}
[ -f "$lib/libqzreport.so.$version" ] && [ ! -L "$lib/libqzreport.so.$version" ] &&
    [ "$(mode "$lib/libqzreport.so.$version")" = 755 ] ||
    fail "no $libdir/libqzreport.so.$version, mode 755"
[ "$(readlink "$lib/libqzreport.so.$major")" = "libqzreport.so.$version" ] ||
    fail "$libdir/libqzreport.so.$major is not a link to libqzreport.so.$version"
[ "$(readlink "$lib/libqzreport.so")" = "libqzreport.so.$major" ] ||
    fail "$libdir/libqzreport.so is not a link to libqzreport.so.$major"
soname=$(objdump -p "$lib/libqzreport.so.$version" 2>/dev/null | awk '$1 == "SONAME" { print $2 }')
[ "$soname" = "libqzreport.so.$major" ] ||
    fail "the installed library's soname is '$soname', not libqzreport.so.$major"
[ "$(mode "$lib/libqzreport.a")" = 644 ] || fail "no $libdir/libqzreport.a, mode 644"
[ "$(mode "$root$includedir/qzreport.h")" = 644 ] &&
    cmp -s include/qzreport.h "$root$includedir/qzreport.h" ||
    fail "$includedir/qzreport.h is not include/qzreport.h, mode 644"
[ "$(mode "$root$pcdir/qzreport.pc")" = 644 ] || fail "no $pcdir/qzreport.pc, mode 644"

# ---- pkg-config, in the tree ----

PKG_CONFIG_PATH=$root$pcdir
PKG_CONFIG_SYSROOT_DIR=$root
# keep -I and -L even where INCLUDEDIR or LIBDIR is a system folder (PREFIX=/usr): in the tree
# they are not
PKG_CONFIG_ALLOW_SYSTEM_CFLAGS=1
PKG_CONFIG_ALLOW_SYSTEM_LIBS=1
export PKG_CONFIG_PATH PKG_CONFIG_SYSROOT_DIR PKG_CONFIG_ALLOW_SYSTEM_CFLAGS \
    PKG_CONFIG_ALLOW_SYSTEM_LIBS
got=$(pkg-config --modversion qzreport 2>&1)
[ "$got" = "$version" ] || fail "pkg-config --modversion qzreport: '$got', not $version"
cflags=$(pkg-config --cflags qzreport)
libs=$(pkg-config --libs qzreport)
static=$(pkg-config --static --libs qzreport)
case " $cflags " in *" -I$root$includedir "*) ;; *) fail "pkg-config --cflags: $cflags" ;; esac
case " $libs " in *" -L$lib -lqzreport "*) ;; *) fail "pkg-config --libs: $libs" ;; esac
for l in -lqzreport -lcmark -lpcre2-8 -lyaml -ljansson -lcsv -ldl -pthread; do
    case " $static " in *" $l "*) ;; *) fail "pkg-config --static --libs has no $l: $static" ;; esac
done
# libxml2, libxlsxwriter and OpenCC are opened with dlopen when first needed: no link dependency
# of the library, static or shared
for l in -lxml2 -lxlsxwriter -lopencc; do
    case " $static " in *" $l "*) fail "pkg-config --static --libs has $l: $static" ;; esac
done
if readelf -d "$lib/libqzreport.so.$version" | grep -E 'NEEDED.*(libxml2|libxlsxwriter|libopencc)'; then
    fail "libqzreport.so.$version needs libxml2, libxlsxwriter or libopencc"
fi

# ---- the README's example ----

# The lines of README.md between two marker lines, without the code fences.
between() {
    awk -v from="$1" -v to="$2" '
        $0 == to { on = 0 }
        on && !/^```/ { print }
        $0 == from { on = 1 }' README.md
}
between '<!-- example: report.c -->' '<!-- end of report.c -->' >"$tmp/report.c"
between '<!-- build: report.c -->' '<!-- end of build -->' >"$tmp/build.sh"
between '<!-- output of report.c -->' '<!-- end of output -->' >"$tmp/want"
[ -s "$tmp/report.c" ] && [ -s "$tmp/build.sh" ] && [ -s "$tmp/want" ] ||
    fail "README.md has no example, build commands or output between their markers"
data=$PWD/data/quzhou-2023.txt
"$bin" metrics "$data" | grep "^meetings.standing_committee	" >"$tmp/metrics"
cmp -s "$tmp/want" "$tmp/metrics" ||
    fail "README.md's output of report.c is not the line of qzreport metrics: $(cat "$tmp/metrics")"

# The README's commands, each cc the compiler the library was built with, its sanitizers (an
# instrumented library needs their runtime in the program) and warnings as errors.
(
    cd "$tmp" || exit 1
    cc() {
        # shellcheck disable=SC2086 # SAN is a list of flags
        command ${CC:-cc} ${SAN:-} -std=c11 -Wall -Wextra -Wpedantic -Werror "$@"
    }
    set -e
    . ./build.sh
) >"$tmp/build.log" 2>&1 || { cat "$tmp/build.log"; fail "the README's build commands failed"; }
# the first command makes report (shared), the second report-static
if [ -x "$tmp/report" ]; then
    LD_LIBRARY_PATH=$lib ldd "$tmp/report" >"$tmp/ldd" 2>&1
    grep -q "libqzreport.so.$major => $lib/libqzreport.so.$major " "$tmp/ldd" ||
        fail "report does not load the installed libqzreport.so.$major: $(grep qzreport "$tmp/ldd")"
    LD_LIBRARY_PATH=$lib "$tmp/report" "$data" >"$tmp/out" 2>&1
    cmp -s "$tmp/want" "$tmp/out" || fail "report (shared) printed: $(cat "$tmp/out")"
else
    fail "the README's build commands made no report"
fi
if [ -x "$tmp/report-static" ]; then
    if readelf -d "$tmp/report-static" | grep -q 'NEEDED.*libqzreport'; then
        fail "report-static needs libqzreport.so"
    fi
    "$tmp/report-static" "$data" >"$tmp/out-static" 2>&1
    cmp -s "$tmp/want" "$tmp/out-static" || fail "report-static printed: $(cat "$tmp/out-static")"
else
    fail "the README's build commands made no report-static"
fi

# ---- the version, of the installed header and library ----

cat >"$tmp/version.c" <<'EOF'
#include <stdio.h>
#include <string.h>

#include <qzreport.h>

int main(void)
{
    char numbers[64];
    snprintf(numbers, sizeof numbers, "%d.%d.%d", QZ_VERSION_MAJOR, QZ_VERSION_MINOR,
             QZ_VERSION_PATCH);
    printf("%s %s %s\n", qz_version(), QZ_VERSION, numbers);
    return 0;
}
EOF
# shellcheck disable=SC2086
if ${CC:-cc} ${SAN:-} -std=c11 -Wall -Werror -o "$tmp/version" "$tmp/version.c" $cflags $libs \
    2>"$tmp/version.log"; then
    got=$(LD_LIBRARY_PATH=$lib "$tmp/version")
    [ "$got" = "$version $version $version" ] ||
        fail "qz_version(), QZ_VERSION, QZ_VERSION_MAJOR.MINOR.PATCH: $got, not $version"
else
    cat "$tmp/version.log"
    fail "a program cannot be built against the installed library"
fi

if [ $failed = 0 ]; then
    echo "lib: libqzreport.so.$version, libqzreport.a, qzreport.h and qzreport.pc installed;" \
        "the README's example built (shared and static) and run"
fi
exit $failed
