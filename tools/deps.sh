#!/bin/sh
# deps.sh — makes sure the build's Debian packages are installed (README.md, "The two commands").
# As root with apt-get: installs what is missing (apt-get update, then apt-get install -y).
# Otherwise: prints the exact apt-get line and exits 2, so that `make run` stops with a
# command to copy rather than a compiler error.
# `deps.sh fuzz` also wants clang and its fuzzer runtime (make fuzz).
set -eu
# gettext's msgfmt compiles the Chinese messages (po/zh_CN.po); scdoc renders the manual page.
# man-db (man, with groff and col) renders the page in the tests (tests/man_check.sh); zsh and
# fish load the completion scripts in the tests (tests/completion_check.sh); patch applies the
# diffs of fix --diff in the tests.
# libcmocka-dev, python3 and libxml2-utils are for the tests only: xmllint checks the HTML
# pages; python3 (its standard library: csv, zipfile,
# xml.etree) reads the CSV and XLSX of `qzreport table` back (tests/e2e/table_check.py).
packages="pkg-config libcmark-dev libpcre2-dev libyaml-dev libcmocka-dev libjansson-dev libopencc-dev libcsv-dev libxlsxwriter-dev libxml2-dev gettext scdoc python3 libxml2-utils man-db zsh fish patch"
if [ "${1:-}" = fuzz ]; then
    packages="$packages clang libclang-rt-dev"
fi
modules="libcmark libpcre2-8 yaml-0.1 cmocka jansson opencc xlsxwriter libxml-2.0"

missing=""
if command -v dpkg-query >/dev/null 2>&1; then
    for p in $packages; do
        if ! dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q "install ok installed"; then
            missing="$missing $p"
        fi
    done
elif command -v pkg-config >/dev/null 2>&1 && pkg-config --exists $modules &&
    command -v msgfmt >/dev/null 2>&1 && command -v xgettext >/dev/null 2>&1; then
    exit 0 # not Debian, but pkg-config finds every library and gettext's tools are there
else
    echo "qzreport: cannot find the libraries ($modules) with pkg-config," >&2
    echo "or gettext's msgfmt and xgettext; install them with your system's package manager." >&2
    exit 2
fi

[ -z "$missing" ] && exit 0

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "qzreport: installing$missing" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q
    # shellcheck disable=SC2086 # word splitting is wanted: one argument per package
    apt-get install -y -q $missing
    exit 0
fi
echo "qzreport: these packages are missing:$missing" >&2
echo "install them with:" >&2
echo "  sudo apt-get install -y$missing" >&2
exit 2
