/* test_extract.c — the extractor: metric keys on the sample and in other phrasings, traps that
 * must not become metrics, linked rates and their consistency, user rules. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glob.h>

#include "qzreport.h"

typedef struct {
    qz_rules *rules;
    qz_context *ctx;
    qz_doc *doc;
    qz_outline *o;
    qz_metrics *m;
} report;

static void open_with(report *r, const char *text, const char *user_rules)
{
    qz_error err = {0};
    *r = (report){0};
    if (qz_rules_new(&r->rules, &err) != QZ_OK)
        fail_msg("rules: %s", err.message);
    if (user_rules && qz_rules_add_yaml(r->rules, "user.yaml", user_rules,
                                        strlen(user_rules), &err) != QZ_OK)
        fail_msg("user rules: %d:%d %s", (int)err.line, (int)err.column, err.message);
    if (qz_context_new(&r->ctx, r->rules, &err) != QZ_OK)
        fail_msg("context: %s", err.message);
    if (qz_doc_load_bytes(&r->doc, "t.txt", text, strlen(text), QZ_ENC_AUTO, r->ctx, &err) ||
        qz_outline_new(&r->o, r->doc, r->ctx, &err) ||
        qz_metrics_new(&r->m, r->doc, r->o, r->ctx, &err))
        fail_msg("%s", err.message);
}

static void open_text(report *r, const char *text)
{
    open_with(r, text, NULL);
}

static void open_file(report *r, const char *path)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    static char buf[1 << 16];
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = '\0';
    open_text(r, buf);
}

static void close_report(report *r)
{
    qz_metrics_free(r->m);
    qz_outline_free(r->o);
    qz_doc_free(r->doc);
    qz_context_free(r->ctx);
    qz_rules_free(r->rules);
}

/* The value of key's first mention as text, or "absent". */
static const char *value(const report *r, const char *key)
{
    static char buf[64];
    const qz_quantity *q = qz_metrics_get(r->m, key);
    if (!q)
        return "absent";
    qz_quantity_value(q, buf, sizeof buf);
    return buf;
}

static size_t line_of(const report *r, const char *key)
{
    const qz_quantity *q = qz_metrics_get(r->m, key);
    assert_non_null(q);
    return qz_doc_line(r->doc, q->start);
}

static const char *const sample_keys[][3] = {
    {"meetings.standing_committee", "10", "6"},
    {"meetings.chairpersons", "12", "6"},
    {"laws.enacted", "3", "6"},
    {"laws.new", "3", "6"}, /* 制定…3部 with no amended count beside it: both */
    {"laws.reviewed_normative_documents", "32", "6"},
    {"reports.heard", "26", "6"},
    {"inspections.law_enforcement", "7", "6"},
    {"decisions.resolutions", "11", "6"},
    {"appointments.person_times", "99", "6"},
    {"audit.problems_found", "96", "15"},
    {"audit.problems_rectified", "93", "15"},
    {"audit.rectification_rate", "96.9", "15"},
    {"proposals.total", "318", "32"},
    {"proposals.resolved", "292", "32"},
    {"proposals.resolved_rate", "91.8", "32"},
    {"proposals.in_progress", "25", "32"},
    {"proposals.in_progress_rate", "7.9", "32"},
};

/* 制定N件 alone is laws.enacted and laws.new; beside 修改M件 it is laws.new only (never a sum);
 * an 通过 total is laws.enacted whatever stands beside it. */
static void test_laws_counted_as_stated(void **state)
{
    (void)state;
    report r;
    open_text(&r, "一年来，制定地方性法规5件。\n");
    assert_string_equal(value(&r, "laws.enacted"), "5");
    assert_string_equal(value(&r, "laws.new"), "5");
    close_report(&r);
    open_text(&r, "一年来，制定地方性法规5件，修改法规3件，废止法规1件。\n");
    assert_string_equal(value(&r, "laws.enacted"), "absent");
    assert_string_equal(value(&r, "laws.new"), "5");
    assert_string_equal(value(&r, "laws.amended"), "3");
    assert_string_equal(value(&r, "laws.repealed"), "1");
    close_report(&r);
    open_text(&r, "审议通过地方性法规12件，其中新制定4件、修改8件。\n");
    assert_string_equal(value(&r, "laws.enacted"), "12");
    assert_string_equal(value(&r, "laws.new"), "4");
    assert_string_equal(value(&r, "laws.amended"), "8");
    close_report(&r);
}

/* Figures of other bodies in the same sentence are not the deputies': the CPPCC's before a
 * semicolon, the deputies' after it. 办结率 is never the resolved rate. */
static void test_other_bodies(void **state)
{
    (void)state;
    report r;
    open_text(&r, "市政协委员提交提案512件，已办结509件，办结率99.4%；代表提出建议286件，已办结286件，"
                  "办结率100%，所提问题得到解决和基本解决的180件，占62.9%。\n");
    assert_string_equal(value(&r, "proposals.suggestions"), "286");
    assert_string_equal(value(&r, "proposals.closed"), "286");
    assert_string_equal(value(&r, "proposals.closed_rate"), "100");
    assert_string_equal(value(&r, "proposals.resolved_rate"), "62.9");
    assert_int_equal(r.m->nrates, 2);
    for (size_t i = 0; i < r.m->nrates; i++) {
        assert_string_equal(r.m->rates[i].denominator_key, "proposals.suggestions");
        assert_true(r.m->rates[i].consistent);
    }
    close_report(&r);
}

static void test_sample_figures(void **state)
{
    (void)state;
    report r;
    open_file(&r, "data/quzhou-2023.txt");
    size_t n = sizeof sample_keys / sizeof sample_keys[0];
    for (size_t i = 0; i < n; i++) {
        assert_string_equal(value(&r, sample_keys[i][0]), sample_keys[i][1]);
        assert_int_equal(line_of(&r, sample_keys[i][0]), strtoul(sample_keys[i][2], NULL, 10));
    }
    size_t firsts = 0;
    for (size_t i = 0; i < r.m->n; i++)
        firsts += r.m->items[i].first;
    assert_int_equal(firsts, n);
    /* 制定出台3部地方性法规 (line 19) is a later mention of laws.enacted, not a new one */
    bool later = false;
    for (size_t i = 0; i < r.m->n; i++)
        if (r.m->items[i].key && !r.m->items[i].first &&
            strcmp(r.m->items[i].key, "laws.enacted") == 0 &&
            qz_doc_line(r.doc, r.m->items[i].start) == 19)
            later = true;
    assert_true(later);
    const qz_quantity *q = qz_metrics_get(r.m, "appointments.person_times");
    assert_string_equal(q->unit, "人次");
    assert_int_equal(q->where, QZ_WHERE_REVIEW);
    q = qz_metrics_get(r.m, "audit.rectification_rate");
    assert_int_equal(q->kind, QZ_NUM_PERCENT);
    assert_int_equal(r.o->sections[qz_outline_top_section(r.o, q->section)].number, 2);
    char quote[128];
    snprintf(quote, sizeof quote, "%.*s", (int)q->quote.len, r.doc->text + q->quote.start);
    assert_string_equal(quote, "整改率达到96.9%");
    close_report(&r);
}

static void test_sample_rates(void **state)
{
    (void)state;
    report r;
    open_file(&r, "data/quzhou-2023.txt");
    assert_int_equal(r.m->nrates, 3);
    char buf[32];
    const qz_rate *a = &r.m->rates[0];
    assert_string_equal(a->key, "audit.rectification_rate");
    qz_decimal_format(a->computed, buf, sizeof buf);
    assert_string_equal(buf, "96.875");
    assert_true(a->consistent);
    assert_string_equal(r.m->items[a->numerator].key, "audit.problems_rectified");
    assert_string_equal(r.m->items[a->denominator].key, "audit.problems_found");
    const qz_rate *p = &r.m->rates[1];
    assert_string_equal(p->key, "proposals.resolved_rate");
    qz_decimal_format(p->computed, buf, sizeof buf);
    assert_string_equal(buf, "91.824");
    assert_true(p->consistent);
    assert_string_equal(p->denominator_key, "proposals.total");
    const qz_rate *g = &r.m->rates[2];
    assert_string_equal(g->key, "proposals.in_progress_rate");
    qz_decimal_format(g->computed, buf, sizeof buf);
    assert_string_equal(buf, "7.862");
    assert_true(g->consistent);
    close_report(&r);
}

static bool audit_rate_consistent(const char *stated)
{
    char text[256];
    snprintf(text, sizeof text, "审计发现的96个问题，有93个问题已整改到位，整改率达到%s。\n",
             stated);
    report r;
    open_text(&r, text);
    assert_int_equal(r.m->nrates, 1);
    bool ok = r.m->rates[0].consistent;
    close_report(&r);
    return ok;
}

static void test_rate_consistency(void **state)
{
    (void)state;
    assert_true(audit_rate_consistent("96.9%"));   /* 96.875 rounded */
    assert_false(audit_rate_consistent("96.8%"));  /* 96.875 cut, not rounded */
    assert_true(audit_rate_consistent("96.88%"));
    assert_true(audit_rate_consistent("97%"));
    assert_false(audit_rate_consistent("97.9%"));
    assert_false(audit_rate_consistent("96.7%"));
    assert_false(audit_rate_consistent("96%"));
    assert_true(audit_rate_consistent("96.875%"));
}

static void test_rate_not_linked_when_vague(void **state)
{
    (void)state;
    report r;
    open_text(&r, "审计发现的96个问题，有90多个问题已整改到位，整改率达到96.9%。\n");
    assert_string_equal(value(&r, "audit.problems_rectified"), "90");
    assert_int_equal(r.m->nrates, 0);
    close_report(&r);
}

static void test_other_phrasings(void **state)
{
    (void)state;
    report r;
    open_text(&r, "一年来，举行8次常委会会议，召开主任会议 20 次，审议法规草案26件，通过21件，"
                  "批准设区的市法规45件，审查报备的规范性文件38件，听取审议15项专项工作报告，"
                  "开展4项执法检查，开展4次专题询问，作出6项决议决定，任免国家机关工作人员64人(次)。\n");
    assert_string_equal(value(&r, "meetings.standing_committee"), "8");
    assert_string_equal(value(&r, "meetings.chairpersons"), "20");
    assert_string_equal(value(&r, "laws.deliberated"), "26");
    assert_string_equal(value(&r, "laws.enacted"), "21");
    assert_string_equal(value(&r, "laws.approved_lower_level"), "45");
    assert_string_equal(value(&r, "laws.reviewed_normative_documents"), "38");
    assert_string_equal(value(&r, "reports.heard"), "15");
    assert_string_equal(value(&r, "inspections.law_enforcement"), "4");
    assert_string_equal(value(&r, "inquiries.special"), "4");
    assert_string_equal(value(&r, "decisions.resolutions"), "6");
    assert_string_equal(value(&r, "appointments.person_times"), "64");
    assert_string_equal(qz_metrics_get(r.m, "appointments.person_times")->unit, "人次");
    close_report(&r);

    open_text(&r, "常委会共召开会议十二次，作出重大事项决议决定12项，代表提出议案12件、建议456件，"
                  "得到解决和基本解决的420件，占92.1%，满意率98.5%。\n");
    assert_string_equal(value(&r, "meetings.standing_committee"), "12");
    assert_string_equal(value(&r, "decisions.resolutions"), "12");
    assert_string_equal(value(&r, "proposals.motions"), "12");
    assert_string_equal(value(&r, "proposals.suggestions"), "456");
    assert_string_equal(value(&r, "proposals.resolved"), "420");
    assert_string_equal(value(&r, "proposals.resolved_rate"), "92.1");
    assert_string_equal(value(&r, "proposals.satisfaction_rate"), "98.5");
    close_report(&r);
}

static void test_traps(void **state)
{
    (void)state;
    report r;
    open_text(&r, "开展视察、调研和执法检查8次，党组理论学习中心组学习12次，开展专题学习研讨11次，"
                  "连续10年听取审议专项工作，庆祝成立65周年，为群众解决实际问题40个，"
                  "浏览次数：1837。\n");
    for (size_t i = 0; i < r.m->n; i++)
        assert_null(r.m->items[i].key);
    assert_true(r.m->n >= 5); /* they are still quantities, for `metrics --all` */
    close_report(&r);
    /* 通过21件 names laws.enacted only right after a draft count in the same sentence */
    open_text(&r, "审议法规草案26件。通过21件。\n");
    assert_string_equal(value(&r, "laws.deliberated"), "26");
    assert_string_equal(value(&r, "laws.enacted"), "absent");
    close_report(&r);
}

static void test_plan_part_is_not_counted(void **state)
{
    (void)state;
    report r;
    open_text(&r, "各位代表：\n过去一年的主要工作\n一、立法\n加强立法。召开常委会会议6次。\n"
                  "2024年主要任务\n一、监督\n加强监督。召开常委会会议7次，预安排审议法规案15件。\n");
    assert_string_equal(value(&r, "meetings.standing_committee"), "6");
    assert_string_equal(value(&r, "laws.deliberated"), "absent");
    const qz_quantity *last = &r.m->items[r.m->n - 1];
    assert_int_equal(last->where, QZ_WHERE_PLAN);
    assert_null(last->key);
    close_report(&r);
    /* the year's figures before any part title are in the preamble, and count */
    open_text(&r, "一年来，召开常委会会议9次。\n");
    assert_string_equal(value(&r, "meetings.standing_committee"), "9");
    assert_int_equal(r.m->items[0].where, QZ_WHERE_PREAMBLE);
    close_report(&r);
}

static void test_values(void **state)
{
    (void)state;
    report r;
    open_text(&r, "增速下降0.3个百分点，开展调研3至5次，培训十几个班次，近三成。\n");
    char buf[64];
    assert_int_equal(r.m->n, 4);
    qz_quantity_value(&r.m->items[0], buf, sizeof buf);
    assert_string_equal(buf, "-0.3");
    assert_string_equal(r.m->items[0].unit, "pp");
    qz_quantity_value(&r.m->items[1], buf, sizeof buf);
    assert_string_equal(buf, "3..5");
    assert_int_equal(r.m->items[1].qualifier, QZ_QUAL_RANGE);
    qz_quantity_value(&r.m->items[2], buf, sizeof buf);
    assert_string_equal(buf, "10..20");
    assert_int_equal(r.m->items[2].qualifier, QZ_QUAL_VAGUE);
    qz_quantity_value(&r.m->items[3], buf, sizeof buf);
    assert_string_equal(buf, "30");
    assert_string_equal(r.m->items[3].unit, "%");
    assert_int_equal(r.m->items[3].qualifier, QZ_QUAL_NEAR);
    assert_string_equal(qz_qualifier_name(QZ_QUAL_NEAR), "near");
    close_report(&r);
}

static void test_user_rules(void **state)
{
    (void)state;
    /* a government work report's growth target: a new key, counted in the plan part only */
    const char *rules = "metrics:\n"
                        "  - key: economy.gdp_growth_target\n"
                        "    units: ['%']\n"
                        "    parts: [plan]\n"
                        "    phrasings:\n"
                        "      - before: '地区生产总值增长'\n"
                        "units:\n"
                        "  - 亿元\n";
    report r;
    open_with(&r, "各位代表：\n过去一年的主要工作\n地区生产总值增长5.2%。\n2024年主要任务\n"
                  "主要预期目标是：地区生产总值增长5%左右。\n",
              rules);
    const qz_quantity *q = qz_metrics_get(r.m, "economy.gdp_growth_target");
    assert_non_null(q);
    assert_string_equal(value(&r, "economy.gdp_growth_target"), "5");
    assert_int_equal(q->qualifier, QZ_QUAL_ABOUT);
    assert_int_equal(q->where, QZ_WHERE_PLAN);
    assert_true(qz_rules_has_key(r.rules, "economy.gdp_growth_target"));
    close_report(&r);

    /* a metric with an existing key replaces the built-in one */
    const char *override = "metrics:\n"
                           "  - key: meetings.standing_committee\n"
                           "    units: [次]\n"
                           "    phrasings:\n"
                           "      - before: '开会'\n";
    open_with(&r, "召开常委会会议10次，开会11次。\n", override);
    assert_string_equal(value(&r, "meetings.standing_committee"), "11");
    close_report(&r);
}

static void expect_rules_error(const char *yaml, size_t line, size_t col, const char *message)
{
    qz_rules *r = NULL;
    qz_error err = {0};
    assert_int_equal(qz_rules_new(&r, &err), QZ_OK);
    assert_int_equal(qz_rules_add_yaml(r, "bad.yaml", yaml, strlen(yaml), &err), QZ_ERR_DATA);
    assert_int_equal(err.line, line);
    assert_int_equal(err.column, col);
    assert_string_equal(err.message, message);
    qz_rules_free(r);
}

static void test_broken_metric_rules(void **state)
{
    (void)state;
    expect_rules_error("metrics:\n  - key: a.b\n    phrasings:\n      - before: 'x'\n", 2, 5,
                       "a metric needs key, units and phrasings");
    expect_rules_error("metrics:\n  - key: a.b\n    units: [次]\n    parts: [future]\n"
                       "    phrasings:\n      - before: 'x'\n",
                       4, 13, "unknown part (preamble, review, plan, body, closing)");
    expect_rules_error("metrics:\n  - key: a.b\n    units: [次]\n    phrasings:\n"
                       "      - before: '召开(会议'\n",
                       5, 17, "bad pattern: missing closing parenthesis (at character 5)");
    expect_rules_error("metrics:\n  - key: a.b\n    units: [次]\n    phrasings:\n"
                       "      - {}\n",
                       5, 9, "a phrasing needs before or after");
    expect_rules_error("rates:\n  - key: a.b\n    numerator: c\n", 2, 5,
                       "a rate needs key, numerator, denominator");
    expect_rules_error("units:\n  - {pattern: '个'}\n", 2, 5, "a unit needs both pattern and unit");
}

/* ---- streamed: the same quantities, one sentence at a time ---- */

typedef struct {
    qz_quantity *items;
    size_t n, cap;
    size_t stop_after; /* 0: never stop */
} collected;

static qz_status collect(void *arg, const qz_quantity *q, qz_error *err)
{
    collected *c = arg;
    if (c->stop_after && c->n == c->stop_after)
        return (*err = (qz_error){.status = QZ_ERR_IO, .message = "stopped"}).status;
    if (c->n == c->cap) {
        c->cap = c->cap ? 2 * c->cap : 64;
        c->items = realloc(c->items, c->cap * sizeof *c->items);
        assert_non_null(c->items);
    }
    c->items[c->n++] = *q;
    return QZ_OK;
}

static void assert_same_quantity(const char *path, size_t i, const qz_quantity *a,
                                 const qz_quantity *b)
{
    if (a->key != b->key || qz_decimal_cmp(a->lo, b->lo) != 0 ||
        qz_decimal_cmp(a->hi, b->hi) != 0 || a->qualifier != b->qualifier ||
        a->start != b->start || a->end != b->end || a->quote.start != b->quote.start ||
        a->quote.len != b->quote.len || a->first != b->first || a->where != b->where ||
        a->section != b->section || strcmp(a->unit, b->unit) != 0)
        fail_msg("%s: quantity %zu differs when streamed (%s at %zu)", path, i,
                 a->key ? a->key : "quantity", a->start);
}

/* qz_metrics_stream hands over exactly the quantities qz_metrics_new keeps, in order, and
 * links the same rates among the first mentions it keeps; a sink's error stops the scan. */
static void test_streamed_is_the_same(void **state)
{
    (void)state;
    glob_t g;
    assert_int_equal(glob("tests/fixtures/metrics/*.txt", 0, NULL, &g), 0);
    assert_true(g.gl_pathc > 10);
    report r;
    for (size_t f = 0; f <= g.gl_pathc; f++) {
        const char *path = f < g.gl_pathc ? g.gl_pathv[f] : "data/quzhou-2023.txt";
        open_file(&r, path);
        qz_error err = {0};
        collected c = {0};
        qz_metrics *firsts = NULL;
        assert_int_equal(qz_metrics_stream(&firsts, r.doc, r.o, r.ctx, collect, &c, &err), QZ_OK);
        assert_int_equal(c.n, r.m->n);
        size_t nfirst = 0;
        for (size_t i = 0; i < c.n; i++) {
            assert_same_quantity(path, i, &c.items[i], &r.m->items[i]);
            if (r.m->items[i].first)
                assert_same_quantity(path, i, &firsts->items[nfirst++], &r.m->items[i]);
        }
        assert_int_equal(firsts->n, nfirst);
        assert_int_equal(firsts->nrates, r.m->nrates);
        for (size_t i = 0; i < r.m->nrates; i++) {
            const qz_rate *a = &firsts->rates[i], *b = &r.m->rates[i];
            assert_string_equal(a->key, b->key);
            assert_string_equal(a->denominator_key, b->denominator_key);
            assert_int_equal(qz_decimal_cmp(a->computed, b->computed), 0);
            assert_int_equal(a->consistent, b->consistent);
            assert_int_equal(firsts->items[a->stated].start, r.m->items[b->stated].start);
            assert_int_equal(firsts->items[a->numerator].start, r.m->items[b->numerator].start);
            assert_int_equal(firsts->items[a->denominator].start,
                             r.m->items[b->denominator].start);
        }
        qz_metrics_free(firsts);
        if (f == g.gl_pathc && c.n > 3) { /* a sink's error is the scan's */
            collected stop = {.stop_after = 3};
            qz_metrics *none = (qz_metrics *)1;
            assert_int_equal(qz_metrics_stream(&none, r.doc, r.o, r.ctx, collect, &stop, &err),
                             QZ_ERR_IO);
            assert_null(none);
            assert_string_equal(err.message, "stopped");
            free(stop.items);
        }
        free(c.items);
        close_report(&r);
    }
    globfree(&g);
}

/* A context made before rules were added must not run another pattern's JIT copy: the
 * patterns are numbered again when rules are added (review of issue 9). */
static void test_context_older_than_rules(void **state)
{
    (void)state;
    report r;
    open_file(&r, "data/quzhou-2023.txt");
    size_t before = r.m->n;
    qz_metrics_free(r.m);
    qz_error err = {0};
    for (int i = 0; i < 3; i++) { /* warm the context: its patterns JIT-compiled */
        qz_metrics *m;
        assert_int_equal(qz_metrics_new(&m, r.doc, r.o, r.ctx, &err), QZ_OK);
        qz_metrics_free(m);
    }
    const char *yaml = "headings:\n  - level: 1\n    pattern: '^第(?<num>[一二三四五六七八九十]+)章'\n";
    assert_int_equal(qz_rules_add_yaml(r.rules, "more.yaml", yaml, strlen(yaml), &err), QZ_OK);
    assert_int_equal(qz_metrics_new(&r.m, r.doc, r.o, r.ctx, &err), QZ_OK);
    assert_int_equal(r.m->n, before);
    assert_string_equal(qz_metrics_get(r.m, "meetings.standing_committee")->unit, "次");
    close_report(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_laws_counted_as_stated),
        cmocka_unit_test(test_other_bodies),
        cmocka_unit_test(test_sample_figures),
        cmocka_unit_test(test_sample_rates),
        cmocka_unit_test(test_rate_consistency),
        cmocka_unit_test(test_rate_not_linked_when_vague),
        cmocka_unit_test(test_other_phrasings),
        cmocka_unit_test(test_traps),
        cmocka_unit_test(test_plan_part_is_not_counted),
        cmocka_unit_test(test_values),
        cmocka_unit_test(test_user_rules),
        cmocka_unit_test(test_broken_metric_rules),
        cmocka_unit_test(test_streamed_is_the_same),
        cmocka_unit_test(test_context_older_than_rules),
    };
    return cmocka_run_group_tests_name("extract", tests, NULL, NULL);
}
