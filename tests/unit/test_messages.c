/* test_messages.c — the library's messages and gettext (README.md, "Language"): English in the C
 * locale; in Chinese once the program binds the "qzreport" catalog (QZ_TEXTDOMAIN) and the
 * language of messages is zh_CN, whatever the program's own text domain, since the library looks
 * its messages up with dgettext in its domain. The system's messages (strerror) come in Chinese
 * even when libc has no catalog of its own, from the "qzreport" catalog. The catalog is the
 * build's, in $QZREPORT_LOCALEDIR (make unit sets it); without it the Chinese tests are skipped. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <errno.h>
#include <libintl.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "qzreport.h"

static const char bad_kind[] = "metrics:\n"
                               "  - key: x.y\n"
                               "    kind: persnos\n"
                               "    units: [次]\n"
                               "    phrasings:\n"
                               "      - before: a\n";
static const char bad_key[] = "metrics:\n"
                              "  - key: x.y\n"
                              "    kinds: count\n";

/* The message of adding rules yaml to the built-in ones. */
static void rules_error(const char *yaml, qz_error *err)
{
    qz_rules *rules = NULL;
    assert_int_equal(qz_rules_new(&rules, err), QZ_OK);
    assert_int_equal(qz_rules_add_yaml(rules, "user.yaml", yaml, strlen(yaml), err), QZ_ERR_DATA);
    qz_rules_free(rules);
}

static void missing_file_error(qz_error *err)
{
    char *bytes = NULL;
    size_t len = 0;
    assert_int_equal(qz_file_read("tests/fixtures/no-such-file.txt", &bytes, &len, err), QZ_ERR_IO);
    assert_null(bytes);
}

static void test_english_in_c_locale(void **state)
{
    (void)state;
    setlocale(LC_ALL, "C");
    qz_error err = {0};
    rules_error(bad_kind, &err);
    assert_string_equal(err.message, "kind: 'persnos' is not count, persons or percent");
    rules_error(bad_key, &err);
    assert_string_equal(err.message, "unknown key 'kinds' (key, units, parts, phrasings, "
                        "not_before, not_in_sentence, follows, zh, en, kind); did you mean "
                        "'kind'?");
    missing_file_error(&err);
    assert_string_equal(err.message, "No such file or directory");
}

static void test_chinese_with_the_catalog(void **state)
{
    (void)state;
    const char *dir = getenv("QZREPORT_LOCALEDIR");
    char mo[4096];
    struct stat sb;
    snprintf(mo, sizeof mo, "%s/zh_CN/LC_MESSAGES/qzreport.mo", dir ? dir : "");
    if (!dir || stat(mo, &sb) != 0) {
        fprintf(stderr, "test_messages: no catalog in QZREPORT_LOCALEDIR: skipped\n");
        skip();
    }
    /* what qzreport's main does on a system without a zh_CN locale (language.c) */
    assert_non_null(setlocale(LC_MESSAGES, "C.UTF-8"));
    assert_non_null(setlocale(LC_CTYPE, "C.UTF-8"));
    setenv("LANGUAGE", "zh_CN", 1);
    bindtextdomain(QZ_TEXTDOMAIN, dir);
    textdomain("another-program");      /* the library does not use the program's domain */
    bindtextdomain("libc", "/nonexistent"); /* as where libc-l10n is not installed */
    setlocale(LC_MESSAGES, "C.UTF-8");      /* gettext reads LANGUAGE afresh */
    assert_string_equal(strerror(ENOENT), "No such file or directory"); /* libc: English */

    qz_error err = {0};
    rules_error(bad_kind, &err);
    assert_string_equal(err.path, "user.yaml");
    assert_int_equal(err.line, 2); /* the metric's mapping */
    assert_string_equal(err.message, "kind：“persnos”不是 count、persons 或 percent");
    rules_error(bad_key, &err);
    assert_string_equal(err.message, "未知的键“kinds”（可用的键：key, units, parts, phrasings, "
                        "not_before, not_in_sentence, follows, zh, en, kind）；您是不是要输入"
                        "“kind”？");
    missing_file_error(&err);
    assert_string_equal(err.message, "没有那个文件或目录");

    unsetenv("LANGUAGE");
    setlocale(LC_ALL, "C");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_english_in_c_locale),
        cmocka_unit_test(test_chinese_with_the_catalog),
    };
    return cmocka_run_group_tests_name("messages", tests, NULL, NULL);
}
