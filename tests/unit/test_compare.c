/* test_compare.c — two reports compared: the older comes first whatever the order given, each
 * key is matched with its counterpart, keys one year states are kept apart, changes are exact,
 * and a rate's check is carried for each year. The reports are short texts written here. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "qzreport.h"

static qz_rules *rules;
static qz_context *ctx;

/* Two years of one county: meetings go up, inspections down, regulations approved appear
 * only in the later year, investigations only in the earlier, the audit rate is stated both
 * years (consistent the first, not the second) and a count is "30余" in one year. */
static const char older_text[] =
    "山前县人民代表大会常务委员会工作报告\n"
    "各位代表：\n"
    "一、过去一年的主要工作\n"
    "2021年，县人大常委会共召开常委会会议8次，主任会议12次。开展执法检查5次，"
    "组织专题调研30余次。审计查出问题50个，已整改48个，整改率96%。\n"
    "二、2022年主要任务\n"
    "继续依法履职。\n";

static const char newer_text[] =
    "山前县人民代表大会常务委员会工作报告\n"
    "各位代表：\n"
    "一、过去一年的主要工作\n"
    "2022年，县人大常委会举行常委会会议10次，召开主任会议12次。完成执法检查3次。"
    "审计查出问题40个，已整改36个，整改率91%。\n"
    "二、2023年主要任务\n"
    "继续依法履职。\n";

static int setup(void **state)
{
    (void)state;
    qz_error err = {0};
    return qz_rules_new(&rules, &err) || qz_context_new(&ctx, rules, &err) ? -1 : 0;
}

static int teardown(void **state)
{
    (void)state;
    qz_context_free(ctx);
    qz_rules_free(rules);
    return 0;
}

static void load(qz_report *rep, const char *name, const char *text)
{
    qz_error err = {0};
    assert_int_equal(qz_report_load(rep, ctx, name, text, strlen(text), QZ_ENC_UTF8, NULL, &err),
                     QZ_OK);
}

static const qz_compare_row *row(const qz_compare *c, const char *key)
{
    for (size_t i = 0; i < c->nrows; i++)
        if (strcmp(c->rows[i].key, key) == 0)
            return &c->rows[i];
    return NULL;
}

static const char *text(qz_decimal d)
{
    static char buf[48];
    qz_decimal_format(d, buf, sizeof buf);
    return buf;
}

static void check_comparison(const qz_compare *c)
{
    assert_int_equal(c->older_year, 2021);
    assert_int_equal(c->newer_year, 2022);
    assert_string_equal(c->older_path, "old.txt");
    assert_string_equal(c->newer_path, "new.txt");
    assert_true(c->same_body);

    const qz_compare_row *r = row(c, "meetings.standing_committee");
    assert_non_null(r);
    assert_true(r->has_change && !r->approximate && r->has_change_pct);
    assert_string_equal(text(r->change), "2");
    assert_string_equal(text(r->change_pct), "25");

    r = row(c, "meetings.chairpersons"); /* the same both years */
    assert_non_null(r);
    assert_string_equal(text(r->change), "0");
    assert_string_equal(text(r->change_pct), "0");

    r = row(c, "inspections.law_enforcement");
    assert_non_null(r);
    assert_string_equal(text(r->change), "-2");
    assert_string_equal(text(r->change_pct), "-40");

    r = row(c, "research.special"); /* 30余次, the earlier year only */
    assert_non_null(r);
    assert_non_null(r->older);
    assert_null(r->newer);
    assert_int_equal(r->older->qualifier, QZ_QUAL_MORE);
    assert_false(r->has_change);

    r = row(c, "audit.rectification_rate"); /* percents: a change in points, none in % */
    assert_non_null(r);
    assert_true(r->has_change);
    assert_false(r->has_change_pct);
    assert_string_equal(text(r->change), "-5");

    /* keys come in the rules' order */
    for (size_t i = 1; i < c->nrows; i++) {
        size_t a = 0, b = 0;
        for (size_t k = 0; qz_rules_key(rules, k); k++) {
            if (strcmp(qz_rules_key(rules, k), c->rows[i - 1].key) == 0)
                a = k;
            if (strcmp(qz_rules_key(rules, k), c->rows[i].key) == 0)
                b = k;
        }
        assert_true(a < b);
    }

    const qz_compare_rate *rate = NULL;
    for (size_t i = 0; i < c->nrates; i++)
        if (strcmp(c->rates[i].key, "audit.rectification_rate") == 0)
            rate = &c->rates[i];
    assert_non_null(rate);
    assert_non_null(rate->older_rate);
    assert_non_null(rate->newer_rate);
    assert_true(rate->older_rate->consistent);   /* 48/50 = 96% */
    assert_false(rate->newer_rate->consistent);  /* 36/40 = 90%, stated 91% */
}

static void test_compare_either_order(void **state)
{
    (void)state;
    qz_report a, b;
    load(&a, "old.txt", older_text);
    load(&b, "new.txt", newer_text);
    qz_error err = {0};
    qz_compare *c = NULL;
    assert_int_equal(qz_compare_new(&c, rules, &a, "old.txt", &b, "new.txt", &err), QZ_OK);
    assert_false(c->swapped);
    check_comparison(c);
    qz_compare_free(c);
    assert_int_equal(qz_compare_new(&c, rules, &b, "new.txt", &a, "old.txt", &err), QZ_OK);
    assert_true(c->swapped);
    check_comparison(c);
    qz_compare_free(c);
    qz_compare_free(NULL);
    qz_report_clear(&a);
    qz_report_clear(&b);
}

static void test_compare_different_bodies(void **state)
{
    (void)state;
    static const char other[] = "河口市人民代表大会常务委员会工作报告\n各位代表：\n"
                                "一、过去一年的主要工作\n"
                                "2022年，市人大常委会召开常委会会议7次。\n";
    qz_report a, b;
    load(&a, "old.txt", older_text);
    load(&b, "other.txt", other);
    qz_error err = {0};
    qz_compare *c = NULL;
    assert_int_equal(qz_compare_new(&c, rules, &a, "old.txt", &b, "other.txt", &err), QZ_OK);
    assert_false(c->same_body);
    const qz_compare_row *r = row(c, "meetings.standing_committee");
    assert_non_null(r);
    assert_string_equal(text(r->change), "-1");
    qz_compare_free(c);
    qz_report_clear(&a);
    qz_report_clear(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_compare_either_order),
        cmocka_unit_test(test_compare_different_bodies),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
