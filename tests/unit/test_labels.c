/* test_labels.c — the label table (src/labels.c): every label has both languages, they differ,
 * and a format's Chinese and English forms take the same arguments in the same order (a label
 * of the other language's shape would read the wrong argument, or past the last). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "labels.h"

/* The conversions of a printf format, in order, each as its spec without flags or width
 * ("s", ".*s", "zu", "d"); "%%" is none. */
static void conversions(const char *fmt, char *out, size_t size)
{
    size_t n = 0;
    out[0] = '\0';
    for (const char *p = fmt; (p = strchr(p, '%')); ) {
        p++;
        if (*p == '%') {
            p++;
            continue;
        }
        const char *start = p;
        while (*p && !strchr("sdzu", *p))
            p++;
        while (*p && strchr("zu", *p) && p[1] && strchr("zu", p[1]))
            p++;
        size_t k = (size_t)(p - start) + 1;
        n += (size_t)snprintf(out + n, size - n, "%.*s,", (int)k, start);
        assert_true(n < size);
        p++;
    }
}

static void test_table(void **state)
{
    (void)state;
    for (int id = 0; id < QZ_LABEL_COUNT; id++) {
        const char *zh = qz_label((qz_label_id)id, QZ_LANG_ZH);
        const char *en = qz_label((qz_label_id)id, QZ_LANG_EN);
        if (!*zh || !*en)
            fail_msg("label %d lacks a language", id);
        char a[128], b[128];
        conversions(zh, a, sizeof a);
        conversions(en, b, sizeof b);
        if (strcmp(a, b))
            fail_msg("label %d: \"%s\" takes %s, \"%s\" takes %s", id, zh, a, en, b);
        /* a label with words is not the same in both (one of them would not be translated) */
        if (strcmp(zh, en) == 0)
            fail_msg("label %d is \"%s\" in both languages", id, zh);
    }
    assert_string_equal(qz_label(QZ_LABEL_LINES_FMT, QZ_LANG_ZH), "第%zu–%zu行");
    assert_string_equal(qz_label(QZ_LABEL_LINES_FMT, QZ_LANG_EN), "lines %zu–%zu");
    assert_string_equal(qz_label(QZ_LABEL_COUNT, QZ_LANG_EN), "");
}

static void test_helpers(void **state)
{
    (void)state;
    assert_string_equal(qz_label_qualifier(QZ_QUAL_EXACT, QZ_LANG_EN), "");
    assert_string_equal(qz_label_qualifier(QZ_QUAL_MORE, QZ_LANG_EN), "more");
    assert_string_equal(qz_label_qualifier(QZ_QUAL_VAGUE, QZ_LANG_ZH), "概数");
    assert_string_equal(qz_label_unit("pp", QZ_LANG_ZH), "个百分点");
    assert_string_equal(qz_label_unit("件", QZ_LANG_EN), "件");
    qz_rules *rules;
    qz_error err = {0};
    assert_int_equal(qz_rules_new(&rules, &err), QZ_OK);
    assert_string_equal(qz_label_key(rules, "audit.rectification_rate", QZ_LANG_ZH),
                        "审计查出问题整改率");
    assert_string_equal(qz_label_key(rules, "audit.rectification_rate", QZ_LANG_EN),
                        "audit rectification rate");
    assert_null(qz_label_key(rules, "no.such_key", QZ_LANG_EN));
    assert_null(qz_label_key(NULL, "audit.rectification_rate", QZ_LANG_EN));
    qz_rules_free(rules);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_table),
        cmocka_unit_test(test_helpers),
    };
    return cmocka_run_group_tests_name("labels", tests, NULL, NULL);
}
