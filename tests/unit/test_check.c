/* test_check.c — the checker and the fixer on small texts: exact spans, messages and fixes,
 * severities from options, allowed strings, and fixes applied byte for byte. */
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

typedef struct {
    qz_doc *doc;
    qz_outline *o;
    qz_metrics *m;
    qz_check *c;
} checked;

static checked run(const char *text, const qz_check_options *opt)
{
    checked k = {0};
    qz_error err = {0};
    if (qz_doc_load_bytes(&k.doc, "t.txt", text, strlen(text), QZ_ENC_AUTO, ctx, &err) ||
        qz_outline_new(&k.o, k.doc, ctx, &err) || qz_metrics_new(&k.m, k.doc, k.o, ctx, &err) ||
        qz_check_new(&k.c, k.doc, k.o, k.m, ctx, opt, &err))
        fail_msg("%s", err.message);
    return k;
}

static void done(checked *k)
{
    qz_check_free(k->c);
    qz_metrics_free(k->m);
    qz_outline_free(k->o);
    qz_doc_free(k->doc);
}

/* The findings of one rule, as "LINE:COL text→fix" joined by " | ". */
static const char *findings(const checked *k, const char *rule)
{
    static char buf[2048];
    buf[0] = '\0';
    for (size_t i = 0; i < k->c->n; i++) {
        const qz_diag *d = &k->c->items[i];
        if (strcmp(d->rule, rule) != 0)
            continue;
        size_t line, col, used = strlen(buf);
        qz_doc_position(k->doc, d->start, &line, &col);
        snprintf(buf + used, sizeof buf - used, "%s%zu:%zu %.*s→%s", used ? " | " : "", line,
                 col, (int)(d->end - d->start), k->doc->text + d->start, d->fix ? d->fix : "-");
    }
    return buf;
}

static void test_halfwidth_exemptions(void **state)
{
    (void)state;
    checked k = run("会议10次,主任会议12次。时间10:23,地点。\n"
                    "1,234万元。http://a.cn/x?y=1;z=2 见网站。\n"
                    "English, please; fine!\n"
                    "开发区(园区)和(Appendix)。\n",
                    NULL);
    assert_string_equal(findings(&k, "halfwidth-punct"),
                        "1:6 ,→， | 1:22 ,→， | 4:4 (→（ | 4:7 )→） | 4:9 (→（ | 4:18 )→）");
    done(&k);
}

static void test_pairs(void **state)
{
    (void)state;
    checked k = run("学习《宪法和“两个确立”。\n审议《关于《条例》的决定》。\n", NULL);
    assert_string_equal(findings(&k, "unbalanced-pair"), "1:3 《→-");
    assert_string_equal(findings(&k, "nested-pair"), "2:6 《→-");
    done(&k);
}

static void test_forms(void **state)
{
    (void)state;
    checked k = run("任免...等。坚决完成任务！！！！\n２０２３年。1、坚持。第一、要。\n", NULL);
    assert_string_equal(findings(&k, "ellipsis-form"), "1:3 ...→……");
    assert_string_equal(findings(&k, "repeated-punct"), "1:14 ！！！！→！");
    assert_string_equal(findings(&k, "fullwidth-alnum"), "2:1 ２０２３→2023");
    assert_string_equal(findings(&k, "seq-marker"), "2:7 1、→1. | 2:12 第一、→第一，");
    done(&k);
}

static const char *message_of(const checked *k, const char *rule)
{
    for (size_t i = 0; i < k->c->n; i++)
        if (strcmp(k->c->items[i].rule, rule) == 0)
            return k->c->items[i].message;
    return "";
}

static void test_messages_in_two_languages(void **state)
{
    (void)state;
    qz_check_options en = {.lang = QZ_LANG_EN};
    checked k = run("各位代表:\n", NULL);
    assert_string_equal(message_of(&k, "halfwidth-punct"), "中文语境应使用全角冒号“：”");
    assert_string_equal(message_of(&k, "no-figures"), "未找到常委会会议次数等任何工作数据");
    done(&k);
    k = run("各位代表:\n", &en);
    assert_string_equal(message_of(&k, "halfwidth-punct"),
                        "use the full-width colon “：” in Chinese text");
    done(&k);
}

static void test_options(void **state)
{
    (void)state;
    qz_severity_override o[] = {{"halfwidth-punct", QZ_SEV_WARNING}, {"dash-form", QZ_SEV_OFF}};
    const char *allow[] = {"Q&A:问答"};
    const char *require[] = {"meetings.standing_committee", "laws.enacted"};
    qz_check_options opt = {.overrides = o, .noverrides = 2, .allow = allow, .nallow = 1,
                            .require = require, .nrequire = 2};
    checked k = run("过去一年的主要工作\n召开常委会会议10次,民主--法治。举办Q&A:问答会。\n", &opt);
    assert_string_equal(findings(&k, "halfwidth-punct"), "2:11 ,→，");
    assert_int_equal(k.c->items[1].severity, QZ_SEV_WARNING);
    assert_string_equal(findings(&k, "dash-form"), "");
    assert_string_equal(findings(&k, "missing-metric"), "1:1 →-");
    assert_string_equal(k.c->items[0].message, "未找到要求的数据“laws.enacted”");
    assert_int_equal(k.c->errors, 1);
    assert_int_equal(k.c->warnings, 1);
    done(&k);
    qz_severity_override bad[] = {{"no-such-rule", QZ_SEV_OFF}};
    qz_check_options wrong = {.overrides = bad, .noverrides = 1};
    qz_doc *doc;
    qz_outline *ol;
    qz_metrics *m;
    qz_check *c = (qz_check *)1;
    qz_error err = {0};
    assert_int_equal(qz_doc_load_bytes(&doc, "t", "x\n", 2, QZ_ENC_AUTO, ctx, &err), QZ_OK);
    assert_int_equal(qz_outline_new(&ol, doc, ctx, &err), QZ_OK);
    assert_int_equal(qz_metrics_new(&m, doc, ol, ctx, &err), QZ_OK);
    assert_int_equal(qz_check_new(&c, doc, ol, m, ctx, &wrong, &err), QZ_ERR_DATA);
    assert_null(c);
    assert_string_equal(err.message, "unknown rule 'no-such-rule'");
    qz_metrics_free(m);
    qz_outline_free(ol);
    qz_doc_free(doc);
}

static void test_figures(void **state)
{
    (void)state;
    checked k = run("审计发现的96个问题，有98个问题已整改到位，整改率达到97.9%。\n", NULL);
    assert_string_equal(findings(&k, "sum-mismatch"), "1:13 98个→-");
    assert_string_equal(findings(&k, "rate-mismatch"), "1:29 97.9%→-");
    assert_string_equal(message_of(&k, "rate-mismatch"),
                        "audit.rectification_rate：所述97.9%与计数不符（计算值102.083%）");
    assert_string_equal(message_of(&k, "sum-mismatch"),
                        "audit.problems_found的分项之和98超过总数96");
    done(&k);
}

static void test_fix_keeps_untouched_bytes(void **state)
{
    (void)state;
    /* CRLF, a BOM, a broken line with a trailing space: only the faults change */
    const char text[] = "\xEF\xBB\xBF开会,审议草\r\n案。完成任务！！！！\r\n";
    char *out;
    size_t len;
    qz_error err;
    assert_int_equal(qz_fix_bytes("t", text, sizeof text - 1, QZ_ENC_AUTO, ctx, NULL, &out,
                                  &len, &err),
                     QZ_OK);
    const char want[] = "\xEF\xBB\xBF开会，审议草案。完成任务！\r\n";
    assert_int_equal(len, sizeof want - 1);
    assert_memory_equal(out, want, len);
    free(out);
}

static void test_every_rule_has_a_title(void **state)
{
    (void)state;
    size_t n = 0;
    for (const qz_check_rule *r; (r = qz_rules_check_rule(rules, n)); n++) {
        assert_true(strlen(r->id) > 3);
        assert_true(strlen(r->title_zh) > 0 && strlen(r->title_en) > 0);
        assert_ptr_equal(qz_rules_find_check_rule(rules, r->id), r);
    }
    assert_int_equal(n, 24); /* the 21 of the issue and empty-report, no-headings, no-figures */
}

static int setup(void **state)
{
    (void)state;
    qz_error err = {0};
    return qz_rules_new(&rules, &err) == QZ_OK && qz_context_new(&ctx, rules, &err) == QZ_OK
               ? 0
               : -1;
}

static int teardown(void **state)
{
    (void)state;
    qz_context_free(ctx);
    qz_rules_free(rules);
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_halfwidth_exemptions),
        cmocka_unit_test(test_pairs),
        cmocka_unit_test(test_forms),
        cmocka_unit_test(test_messages_in_two_languages),
        cmocka_unit_test(test_options),
        cmocka_unit_test(test_figures),
        cmocka_unit_test(test_fix_keeps_untouched_bytes),
        cmocka_unit_test(test_every_rule_has_a_title),
    };
    return cmocka_run_group_tests_name("check", tests, setup, teardown);
}
