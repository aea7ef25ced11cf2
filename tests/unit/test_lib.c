/* test_lib.c — the library's contract as a program sees it through qzreport.h alone (no internal
 * header): its version, the release of the buffers it hands back, and a document's positions,
 * which its private position index serves. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "qzreport.h"

/* QZ_VERSION is built from the three numbers, and qz_version() is the same string. */
static void test_version(void **state)
{
    (void)state;
    char want[64];
    snprintf(want, sizeof want, "%d.%d.%d", QZ_VERSION_MAJOR, QZ_VERSION_MINOR,
             QZ_VERSION_PATCH);
    assert_string_equal(QZ_VERSION, want);
    assert_non_null(qz_version());
    assert_string_equal(qz_version(), want);
}

/* Every buffer the library returns goes back through qz_free; NULL is ignored. */
static void test_qz_free(void **state)
{
    (void)state;
    qz_free(NULL);
    qz_error err = {0};
    char *bytes = NULL;
    size_t len = 0;
    assert_int_equal(qz_file_read("data/quzhou-2023.txt", &bytes, &len, &err), QZ_OK);
    assert_non_null(bytes);
    assert_true(len > 0);
    assert_int_equal(bytes[len], '\0');

    qz_rules *rules = NULL;
    qz_context *ctx = NULL;
    assert_int_equal(qz_rules_new(&rules, &err), QZ_OK);
    assert_int_equal(qz_context_new(&ctx, rules, &err), QZ_OK);
    char *fixed = NULL;
    size_t flen = 0;
    assert_int_equal(qz_fix_bytes("data/quzhou-2023.txt", bytes, len, QZ_ENC_AUTO, ctx, NULL,
                                  &fixed, &flen, &err),
                     QZ_OK);
    assert_non_null(fixed);
    assert_int_equal(fixed[flen], '\0');
    qz_free(fixed);
    qz_free(bytes);
    qz_context_free(ctx);
    qz_rules_free(rules);
}

/* Columns on a long line (where the loader's private index is used) and a short one, against a
 * count of the code points before each offset. */
static void test_positions(void **state)
{
    (void)state;
    static const char unit[] = "衢州a，";
    char text[2 * 300 * (sizeof unit - 1) + 8];
    size_t n = 0;
    memcpy(text + n, "x\n", 2), n += 2;
    for (int i = 0; i < 300; i++)
        memcpy(text + n, unit, sizeof unit - 1), n += sizeof unit - 1;
    text[n++] = '\n';
    qz_doc *doc = NULL;
    qz_error err = {0};
    assert_int_equal(qz_doc_load_bytes(&doc, "long", text, n, QZ_ENC_UTF8, NULL, &err), QZ_OK);
    size_t cp = 0;
    for (size_t off = 2; off < doc->len; off++) {
        unsigned char c = (unsigned char)doc->text[off];
        if ((c & 0xC0) == 0x80)
            continue; /* not the start of a character */
        size_t line, column;
        qz_doc_position(doc, off, &line, &column);
        assert_int_equal(line, 2);
        assert_int_equal(column, cp + 1);
        cp++;
    }
    qz_doc_free(doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_version),
        cmocka_unit_test(test_qz_free),
        cmocka_unit_test(test_positions),
    };
    return cmocka_run_group_tests_name("lib", tests, NULL, NULL);
}
