# qzreport — build, test and install. README.md explains every target.
#
#   make run        install missing Debian packages, build, summarize the bundled report
#   make check      install missing packages, build with -Werror, run every test
#   make sanitize   the whole test suite built with -fsanitize=address,undefined
#   make tsan       the threads test (one qz_rules, four threads) under ThreadSanitizer
#   make install    PREFIX=/usr/local DESTDIR= (both honoured); make uninstall
#                   (the command in BINDIR, its manual page qzreport(1) in MANDIR/man1,
#                   the message catalogs in LOCALEDIR, the completions of bash, zsh and
#                   fish, the library libqzreport.so and libqzreport.a in LIBDIR,
#                   qzreport.h in INCLUDEDIR, qzreport.pc in PKGCONFIGDIR)
#   make pot        po/qzreport.pot from the sources; make po-update merges it into po/zh_CN.po;
#                   make po-check (part of the tests) says whether both are complete

PREFIX    ?= /usr/local
BINDIR    ?= $(PREFIX)/bin
MANDIR    ?= $(PREFIX)/share/man
LOCALEDIR ?= $(PREFIX)/share/locale
LIBDIR    ?= $(PREFIX)/lib
INCLUDEDIR ?= $(PREFIX)/include
PKGCONFIGDIR ?= $(LIBDIR)/pkgconfig
# Where bash-completion, zsh and fish look for the completion scripts.
BASHCOMPDIR ?= $(PREFIX)/share/bash-completion/completions
ZSHCOMPDIR  ?= $(PREFIX)/share/zsh/vendor-completions
FISHCOMPDIR ?= $(PREFIX)/share/fish/vendor_completions.d
DESTDIR   ?=

# The library's version, read from include/qzreport.h (QZ_VERSION_MAJOR, _MINOR, _PATCH): the
# shared library's real name carries all three, its soname the major number.
qz_version_part = $(shell sed -n 's/^.define QZ_VERSION_$(1) *\([0-9][0-9]*\)$$/\1/p' include/qzreport.h)
VERSION_MAJOR := $(call qz_version_part,MAJOR)
VERSION       := $(VERSION_MAJOR).$(call qz_version_part,MINOR).$(call qz_version_part,PATCH)
SONAME        = libqzreport.so.$(VERSION_MAJOR)
SOREAL        = libqzreport.so.$(VERSION)
ifneq ($(words $(subst ., ,$(VERSION))),3)
$(error include/qzreport.h: no QZ_VERSION_MAJOR, _MINOR and _PATCH numbers (version '$(VERSION)'))
endif

# Build folder and binary: `make sanitize` builds into another folder, so that the two builds
# never mix objects.
B   ?= build
BIN ?= qzreport

PKGS      = libcmark libpcre2-8 yaml-0.1 jansson
# libxml2 (the HTML formats) and libxlsxwriter (the XLSX format) are opened with dlopen when a
# page or a workbook is first written (src/html_page.c and src/table_xlsx.c say why): like
# OpenCC, only their headers at build time, and their sonames.
DLOPEN_PKGS = xlsxwriter libxml-2.0 opencc
TEST_PKGS = cmocka
# OpenCC is opened with dlopen when a traditional text is met (src/view.c says why): only its
# header at build time, and its soname, read from the library that is installed.
# $(call qz_soname,MODULE,LIBRARY): the soname of the LIBRARY.so that is installed, looked for
# in MODULE's libdir, then where the compiler finds it (xlsxwriter.pc's libdir is /usr/lib on
# Debian, where the library is not), empty when neither has it.
qz_soname = $(shell for f in $$(pkg-config --variable=libdir $(1) 2>/dev/null)/$(2).so \
                $$($(CC) -print-file-name=$(2).so 2>/dev/null); do \
                [ -f "$$f" ] && objdump -p "$$f" 2>/dev/null | awk '/SONAME/ { print $$2 }' | grep . && break; \
            done)
OPENCC_SONAME  := $(call qz_soname,opencc,libopencc)
LIBXML2_SONAME := $(call qz_soname,libxml-2.0,libxml2)
XLSXWRITER_SONAME := $(call qz_soname,xlsxwriter,libxlsxwriter)
CFLAGS   ?= -O2 -g
WERROR   ?=
SAN      ?=

QZ_CFLAGS = -std=c11 -Wall -Wextra -Wpedantic $(WERROR) $(SAN) -D_POSIX_C_SOURCE=200809L \
            -Iinclude -Isrc -I$(B) $(shell pkg-config --cflags $(PKGS) $(DLOPEN_PKGS)) \
            $(if $(OPENCC_SONAME),-DQZ_OPENCC_SONAME='"$(OPENCC_SONAME)"') \
            $(if $(LIBXML2_SONAME),-DQZ_LIBXML2_SONAME='"$(LIBXML2_SONAME)"') \
            $(if $(XLSXWRITER_SONAME),-DQZ_XLSXWRITER_SONAME='"$(XLSXWRITER_SONAME)"')
# The library's objects are built once for both the archive and the shared library: position-
# independent, and with every symbol hidden but the functions qzreport.h marks QZ_EXPORT.
LIB_CFLAGS = -fPIC -fvisibility=hidden
# libcsv has no pkg-config file: its header and library are in the system's paths. (qzreport.pc
# lists the same for a static link: PKGS as Requires.private, the others as Libs.private.)
LIBS_PRIVATE = -lcsv -ldl -pthread
QZ_LIBS   = $(shell pkg-config --libs $(PKGS)) $(LIBS_PRIVATE)
# test_html_page reads the pages back with libxml2's parser: the tests link it (the library
# then finds it loaded already).
TEST_LIBS = $(shell pkg-config --libs $(TEST_PKGS) libxml-2.0)

# The data files built into the binary, in the order they are loaded.
DATA = data/outline.yaml data/words.yaml data/rules.yaml data/check.yaml

CLI_SRC  = src/main.c src/cli.c src/language.c src/outfile.c src/batch.c src/dirs.c \
           $(wildcard src/cmd_*.c)
LIB_SRC  = $(filter-out $(CLI_SRC),$(wildcard src/*.c))
LIB_OBJ  = $(LIB_SRC:src/%.c=$(B)/%.o) $(B)/data.o $(B)/rules_image.o
# The objects that hold the built-in rules image and read it; the image's generator is linked
# with the others.
IMAGE_OBJ = $(B)/builtin.o $(B)/rules_image.o
GEN_OBJ  = $(filter-out $(IMAGE_OBJ),$(LIB_OBJ))
CLI_OBJ  = $(CLI_SRC:src/%.c=$(B)/%.o)
UNIT_SRC = $(wildcard tests/unit/test_*.c)
UNIT_BIN = $(UNIT_SRC:tests/unit/%.c=$(B)/tests/%)

# The message catalogs (README.md, "Language"): po/LANG.po compiled into each build folder, where
# the tests find it through QZREPORT_LOCALEDIR; `make install` puts it in LOCALEDIR.
LINGUAS = zh_CN
MO      = $(LINGUAS:%=$(B)/locale/%/LC_MESSAGES/qzreport.mo)
# The sources whose messages po/qzreport.pot holds. The files of POT_LATER have strings that are
# not marked yet: once they are, take them out of this list, then `make po-update`, translate
# the new entries of po/zh_CN.po, and `make po-check`.
POT_LATER =
POT_SRC   = $(filter-out $(POT_LATER),$(sort $(wildcard include/*.h src/*.h src/*.c)))

.PHONY: all lib run check test unit e2e man-check lib-symbols completion-check install-check \
        sanitize tsan fuzz fuzz-run bench deps install uninstall clean pot po-update po-check FORCE

# The completion scripts, printed by the command itself (`qzreport completion SHELL`) from the
# tables that print its --help, in English.
COMPLETIONS = $(B)/completion/qzreport.bash $(B)/completion/_qzreport $(B)/completion/qzreport.fish

all: $(BIN) $(MO) $(B)/qzreport.1 $(COMPLETIONS) lib

# The library (README.md, "Library"): the archive, the shared library with its two links, and
# its pkg-config file.
lib: $(B)/libqzreport.a $(B)/libqzreport.so $(B)/qzreport.pc

# ---- the two commands of README.md ----

run: deps
	@$(MAKE) --no-print-directory all
	./$(BIN) summarize data/quzhou-2023.txt

check: deps
	@$(MAKE) --no-print-directory WERROR=-Werror test

sanitize: deps
	@$(MAKE) --no-print-directory B=build-san BIN=build-san/qzreport WERROR=-Werror \
	    SAN="-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer" test

# The threads test (tests/unit/test_threads.c: one qz_rules, four threads) under
# ThreadSanitizer, the library built into build-tsan/ (TSan does not mix with ASan, hence a
# folder of its own). Any report fails the run: halt_on_error stops at the first, exit code 66.
TSAN_RUN_OPTIONS = halt_on_error=1 second_deadlock_stack=1 exitcode=66
tsan: deps
	@$(MAKE) --no-print-directory B=build-tsan BIN=build-tsan/qzreport WERROR=-Werror \
	    SAN="-fsanitize=thread -fno-omit-frame-pointer" CFLAGS="-O1 -g" \
	    build-tsan/tests/test_threads
	TSAN_OPTIONS="$(TSAN_RUN_OPTIONS)" ./build-tsan/tests/test_threads

deps:
	@sh tools/deps.sh

# The benchmark (figures in bench/README.md): speed targets live there, never in tests.
bench: deps
	@$(MAKE) --no-print-directory all $(B)/bench-stages
	@sh bench/run.sh ./$(BIN)
	@./$(B)/bench-stages data/quzhou-2023.txt 2000

$(B)/bench-stages: bench/stages.c $(B)/libqzreport.a $(B)/flags
	$(CC) $(QZ_CFLAGS) $(CFLAGS) $< $(B)/libqzreport.a $(QZ_LIBS) -o $@

# ---- building ----

# Objects depend on the flags they were built with: changing WERROR or SAN rebuilds them.
$(B)/flags: FORCE
	@mkdir -p $(B)
	@echo '$(CC) $(QZ_CFLAGS) $(CFLAGS) lib: $(LIB_CFLAGS)' | cmp -s - $@ || \
	    echo '$(CC) $(QZ_CFLAGS) $(CFLAGS) lib: $(LIB_CFLAGS)' > $@

# The library's objects (the CLI's are built by the same rules without LIB_CFLAGS).
$(LIB_OBJ): QZ_OBJ_CFLAGS = $(LIB_CFLAGS)

$(B)/%.o: src/%.c $(B)/flags
	@mkdir -p $(@D)
	$(CC) $(QZ_CFLAGS) $(QZ_OBJ_CFLAGS) $(CFLAGS) -MMD -MP -c $< -o $@

$(B)/data.c: $(DATA) tools/embed.sh
	@mkdir -p $(B)
	sh tools/embed.sh $@ $(DATA)

$(B)/data.o: $(B)/data.c $(B)/flags
	$(CC) $(QZ_CFLAGS) $(QZ_OBJ_CFLAGS) $(CFLAGS) -c $< -o $@

# The built-in rules, loaded and compiled at build time (README.md, "Rules"): the generator
# reads data/*.yaml as embedded above, so that a mistake in them fails the build with
# FILE:LINE:COL, and writes the loaded rules with their compiled patterns as one image, which
# qz_rules_new reads. It is built with the same compiler and flags as the library (sanitizers
# included) and rebuilt, with the image, when the data, the generator or the library change.
$(B)/tools/rules_image: tools/rules_image.c $(GEN_OBJ) $(B)/flags
	@mkdir -p $(@D)
	$(CC) $(QZ_CFLAGS) $(CFLAGS) -MMD -MP $< $(GEN_OBJ) $(QZ_LIBS) -o $@

$(B)/rules_image.c: $(B)/tools/rules_image
	$(B)/tools/rules_image $@

$(B)/rules_image.o: $(B)/rules_image.c $(B)/flags
	$(CC) $(QZ_CFLAGS) $(QZ_OBJ_CFLAGS) $(CFLAGS) -c $< -o $@

$(B)/libqzreport.a: $(LIB_OBJ)
	rm -f $@
	ar rcs $@ $^

# The shared library, from the same objects: its real name, then the soname link (what programs
# record and the dynamic loader looks for) and the development link (what -lqzreport finds).
# --no-undefined: every library it needs is named here, so that a program needs only -lqzreport.
$(B)/$(SOREAL): $(LIB_OBJ)
	$(CC) $(SAN) $(CFLAGS) $(LDFLAGS) -shared -Wl,-soname,$(SONAME) -Wl,--no-undefined \
	    $(LIB_OBJ) $(QZ_LIBS) -o $@

$(B)/$(SONAME): $(B)/$(SOREAL)
	ln -sf $(SOREAL) $@

$(B)/libqzreport.so: $(B)/$(SONAME)
	ln -sf $(SONAME) $@

# qzreport.pc for PREFIX, LIBDIR and INCLUDEDIR (in terms of ${prefix} where they are under it):
# a change of those rebuilds it.
$(B)/pcdirs: FORCE
	@mkdir -p $(B)
	@echo '$(PREFIX) $(LIBDIR) $(INCLUDEDIR) $(VERSION)' | cmp -s - $@ || \
	    echo '$(PREFIX) $(LIBDIR) $(INCLUDEDIR) $(VERSION)' > $@

$(B)/qzreport.pc: qzreport.pc.in $(B)/pcdirs
	sed -e 's|@PREFIX@|$(PREFIX)|g' \
	    -e 's|@LIBDIR@|$(patsubst $(PREFIX)/%,$${prefix}/%,$(LIBDIR))|g' \
	    -e 's|@INCLUDEDIR@|$(patsubst $(PREFIX)/%,$${prefix}/%,$(INCLUDEDIR))|g' \
	    -e 's|@VERSION@|$(VERSION)|g' -e 's|@REQUIRES_PRIVATE@|$(PKGS)|g' \
	    -e 's|@LIBS_PRIVATE@|$(LIBS_PRIVATE)|g' $< >$@.tmp
	mv $@.tmp $@

# The command links the archive: it runs from the build folder as it is, needs no libqzreport.so
# where it is installed, and may call the library's internal functions.
$(BIN): $(CLI_OBJ) $(B)/libqzreport.a
	$(CC) $(QZ_CFLAGS) $(CFLAGS) $(LDFLAGS) $(CLI_OBJ) $(B)/libqzreport.a $(QZ_LIBS) -o $@

# Where the installed catalogs are, compiled into the command (language.c): a change of PREFIX or
# LOCALEDIR rebuilds it.
$(B)/localedir: FORCE
	@mkdir -p $(B)
	@echo '$(LOCALEDIR)' | cmp -s - $@ || echo '$(LOCALEDIR)' > $@

$(B)/language.o: src/language.c $(B)/flags $(B)/localedir
	@mkdir -p $(@D)
	$(CC) $(QZ_CFLAGS) $(CFLAGS) -DQZ_LOCALEDIR='"$(LOCALEDIR)"' -MMD -MP -c $< -o $@

# -c checks the translations' formats against the messages' (c-format entries).
$(B)/locale/%/LC_MESSAGES/qzreport.mo: po/%.po
	@mkdir -p $(@D)
	msgfmt -c -o $@ $<

# ---- the messages' catalog (README.md, "Language") ----

pot:
	@sh tools/po.sh pot $(POT_SRC)

po-update:
	@sh tools/po.sh update $(POT_SRC)

po-check:
	@sh tools/po.sh check $(POT_SRC)

# The manual page qzreport(1), rendered from its scdoc source by scdoc (Debian package scdoc).
# It is dated by the last commit of the source (scdoc reads SOURCE_DATE_EPOCH; one set in the
# environment wins), so that every build makes the same bytes; outside git, by the build's day.
MAN_EPOCH = $(or $(SOURCE_DATE_EPOCH),$(shell git log -1 --format=%ct -- doc/qzreport.1.scd 2>/dev/null))

$(B)/qzreport.1: doc/qzreport.1.scd
	@mkdir -p $(@D)
	@command -v scdoc >/dev/null || \
	    { echo "qzreport: scdoc is missing (Debian package scdoc): make deps" >&2; exit 2; }
	$(if $(MAN_EPOCH),SOURCE_DATE_EPOCH=$(MAN_EPOCH)) scdoc <$< >$@.tmp || { rm -f $@.tmp; exit 1; }
	mv $@.tmp $@

$(B)/completion/qzreport.bash $(B)/completion/_qzreport $(B)/completion/qzreport.fish: $(BIN)
	@mkdir -p $(@D)
	env -u LANGUAGE LC_ALL=C ./$(BIN) completion $(patsubst qzreport.%,%,$(subst _qzreport,zsh,$(@F))) >$@.tmp || { rm -f $@.tmp; exit 1; }
	mv $@.tmp $@

# ---- tests ----

$(B)/tests/%: tests/unit/%.c $(B)/libqzreport.a $(B)/flags
	@mkdir -p $(@D)
	$(CC) $(QZ_CFLAGS) $(CFLAGS) -MMD -MP -DQZ_TESTS_DIR='"tests"' $< $(B)/libqzreport.a \
	    $(QZ_LIBS) $(TEST_LIBS) -o $@

test: unit e2e po-check man-check lib-symbols completion-check install-check

unit: $(UNIT_BIN) $(MO)
	@failed=0; for t in $(UNIT_BIN); do \
	     QZREPORT_LOCALEDIR="$(CURDIR)/$(B)/locale" ./$$t || failed=1; \
	 done; \
	 if [ $$failed = 0 ]; then echo "unit: all suites passed"; else echo "unit: FAILED"; exit 1; fi

e2e: $(BIN) $(MO)
	@QZREPORT_LOCALEDIR="$(CURDIR)/$(B)/locale" sh tests/e2e/run.sh ./$(BIN)
	@sh tests/e2e/expect.sh ./$(BIN)

# The manual page against the binary's help: every command, option, format and check rule.
man-check: $(BIN) $(B)/qzreport.1
	@sh tests/man_check.sh ./$(BIN) $(B)/qzreport.1

# The completion scripts: what the binary prints, read by bash (always), zsh and fish (when they
# are installed), completing as tests/completion/cases.tsv says and as the help says.
completion-check: $(BIN) $(COMPLETIONS)
	@sh tests/completion_check.sh ./$(BIN) $(B)/completion

# The shared library exports the functions qzreport.h declares, all of them and nothing else,
# under its soname.
lib-symbols: $(B)/libqzreport.so
	@CC="$(CC)" sh tests/lib_symbols.sh $(B)/$(SOREAL) include/qzreport.h $(SONAME)

# make install into a temporary DESTDIR puts the command and the page where BINDIR and MANDIR
# say, the completions where BASHCOMPDIR, ZSHCOMPDIR and FISHCOMPDIR say, and the library where LIBDIR, INCLUDEDIR and PKGCONFIGDIR say, usable as README.md's
# "Library" says (tests/lib_install.sh builds and runs its example against it); make uninstall
# takes away every file and link it put there.
install-check: $(BIN) $(B)/qzreport.1 lib $(COMPLETIONS)
	@d=$$(mktemp -d) && trap 'rm -rf "$$d" "$$d.log"' EXIT && \
	 $(MAKE) --no-print-directory -s install DESTDIR="$$d" >"$$d.log" 2>&1 || \
	     { cat "$$d.log"; echo "install: FAILED: make install"; exit 1; }; \
	 [ -x "$$d$(BINDIR)/qzreport" ] || { echo "install: FAILED: no $(BINDIR)/qzreport"; exit 1; }; \
	 [ -n "$$(find "$$d$(MANDIR)/man1/qzreport.1" -perm 644 2>/dev/null)" ] && \
	 cmp -s $(B)/qzreport.1 "$$d$(MANDIR)/man1/qzreport.1" || \
	     { echo "install: FAILED: $(MANDIR)/man1/qzreport.1 is not $(B)/qzreport.1, mode 644"; exit 1; }; \
	 CC="$(CC)" SAN="$(SAN)" sh tests/lib_install.sh "$$d" "$(LIBDIR)" "$(INCLUDEDIR)" \
	     "$(PKGCONFIGDIR)" "$(VERSION)" $(BIN) || exit 1; \
	 for c in qzreport.bash:$(BASHCOMPDIR)/qzreport _qzreport:$(ZSHCOMPDIR)/_qzreport \
	          qzreport.fish:$(FISHCOMPDIR)/qzreport.fish; do \
	     [ -n "$$(find "$$d$${c#*:}" -perm 644 2>/dev/null)" ] && \
	     cmp -s $(B)/completion/$${c%%:*} "$$d$${c#*:}" || \
	         { echo "install: FAILED: $${c#*:} is not $(B)/completion/$${c%%:*}, mode 644"; exit 1; }; \
	 done; \
	 $(MAKE) --no-print-directory -s uninstall DESTDIR="$$d" >/dev/null || \
	     { echo "install: FAILED: make uninstall"; exit 1; }; \
	 left=$$(find "$$d" ! -type d | sed "s|^$$d||"); \
	 [ -z "$$left" ] || { echo "install: FAILED: make uninstall left $$left"; exit 1; }; \
	 echo "install: $(BINDIR)/qzreport, $(MANDIR)/man1/qzreport.1, the completions and the library" \
	     "in $(LIBDIR), $(INCLUDEDIR), $(PKGCONFIGDIR) installed and uninstalled"

# ---- fuzzing (tests/fuzz/README.md) ----

FUZZ_TARGETS = load extract check rules cue fix
FUZZ_BIN     = $(FUZZ_TARGETS:%=tests/fuzz/bin/fuzz_%)
FUZZ_SECONDS ?= 600

# libFuzzer needs clang: the library is built into build-fuzz/ with the fuzzer's coverage
# instrumentation and the address and undefined-behaviour sanitizers.
fuzz:
	@sh tools/deps.sh fuzz
	@$(MAKE) --no-print-directory B=build-fuzz CC=clang \
	    SAN="-fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer" $(FUZZ_BIN)

tests/fuzz/bin/fuzz_%: tests/fuzz/fuzz_%.c $(B)/libqzreport.a $(B)/flags
	@mkdir -p $(@D)
	$(CC) $(QZ_CFLAGS) $(CFLAGS) -fsanitize=fuzzer $< $(B)/libqzreport.a $(QZ_LIBS) -o $@

# Runs every target for FUZZ_SECONDS on a copy of its seed corpus (new inputs go to
# build-fuzz/corpus/, crashes to build-fuzz/crashes/).
fuzz-run: fuzz
	@for t in $(FUZZ_TARGETS); do \
	    mkdir -p build-fuzz/corpus/$$t build-fuzz/crashes; \
	    echo "fuzz_$$t: $(FUZZ_SECONDS) s"; \
	    tests/fuzz/bin/fuzz_$$t -max_total_time=$(FUZZ_SECONDS) -max_len=65536 -timeout=10 \
	        -artifact_prefix=build-fuzz/crashes/$$t- build-fuzz/corpus/$$t \
	        tests/fuzz/corpus/$$t 2>&1 | tail -3 || exit 1; \
	done

# ---- installing ----

install: $(BIN) $(MO) $(B)/qzreport.1 $(COMPLETIONS) lib
	install -d $(DESTDIR)$(BINDIR)
	install -m 755 $(BIN) $(DESTDIR)$(BINDIR)/qzreport
	install -d $(DESTDIR)$(MANDIR)/man1
	install -m 644 $(B)/qzreport.1 $(DESTDIR)$(MANDIR)/man1/qzreport.1
	for l in $(LINGUAS); do \
	    install -d $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES && \
	    install -m 644 $(B)/locale/$$l/LC_MESSAGES/qzreport.mo \
	        $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/qzreport.mo || exit 1; \
	done
	install -d $(DESTDIR)$(BASHCOMPDIR) $(DESTDIR)$(ZSHCOMPDIR) $(DESTDIR)$(FISHCOMPDIR)
	install -m 644 $(B)/completion/qzreport.bash $(DESTDIR)$(BASHCOMPDIR)/qzreport
	install -m 644 $(B)/completion/_qzreport $(DESTDIR)$(ZSHCOMPDIR)/_qzreport
	install -m 644 $(B)/completion/qzreport.fish $(DESTDIR)$(FISHCOMPDIR)/qzreport.fish
	install -d $(DESTDIR)$(LIBDIR) $(DESTDIR)$(INCLUDEDIR) $(DESTDIR)$(PKGCONFIGDIR)
	install -m 755 $(B)/$(SOREAL) $(DESTDIR)$(LIBDIR)/$(SOREAL)
	ln -sf $(SOREAL) $(DESTDIR)$(LIBDIR)/$(SONAME)
	ln -sf $(SONAME) $(DESTDIR)$(LIBDIR)/libqzreport.so
	install -m 644 $(B)/libqzreport.a $(DESTDIR)$(LIBDIR)/libqzreport.a
	install -m 644 include/qzreport.h $(DESTDIR)$(INCLUDEDIR)/qzreport.h
	install -m 644 $(B)/qzreport.pc $(DESTDIR)$(PKGCONFIGDIR)/qzreport.pc
	@# the dynamic loader's cache, when installing for real as root
	@if [ -z "$(DESTDIR)" ] && [ "$$(id -u)" = 0 ] && command -v ldconfig >/dev/null; then \
	    echo ldconfig; ldconfig; fi

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/qzreport
	rm -f $(DESTDIR)$(MANDIR)/man1/qzreport.1
	for l in $(LINGUAS); do rm -f $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/qzreport.mo; done
	rm -f $(DESTDIR)$(LIBDIR)/$(SOREAL) $(DESTDIR)$(LIBDIR)/$(SONAME) \
	    $(DESTDIR)$(LIBDIR)/libqzreport.so $(DESTDIR)$(LIBDIR)/libqzreport.a
	rm -f $(DESTDIR)$(INCLUDEDIR)/qzreport.h $(DESTDIR)$(PKGCONFIGDIR)/qzreport.pc
	rm -f $(DESTDIR)$(BASHCOMPDIR)/qzreport $(DESTDIR)$(ZSHCOMPDIR)/_qzreport \
	    $(DESTDIR)$(FISHCOMPDIR)/qzreport.fish

clean:
	rm -rf build build-san build-tsan build-fuzz tests/fuzz/bin qzreport

-include $(wildcard $(B)/*.d $(B)/tests/*.d $(B)/tools/*.d)
