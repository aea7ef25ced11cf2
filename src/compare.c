/* compare.c — two reports of one body compared key by key (`qzreport compare`): which one is
 * older, each key's value in both years with the change, and each rate's consistency in both
 * years. It only reads the two reports' metrics; the renderers (compare_*.c) lay it out.
 * Ownership: the comparison owns its arrays; quantities, rates and keys are borrowed from the
 * reports and the rules, which must outlive it. */
#include <stdlib.h>
#include <string.h>

#include "rules.h"

static bool span_equal(const qz_doc *a, qz_span sa, const qz_doc *b, qz_span sb)
{
    return sa.len == sb.len && memcmp(a->text + sa.start, b->text + sb.start, sa.len) == 0;
}

/* Whether two reports are of one body, as far as they say: 泓江市人大常委会 in a speaker's
 * title and 泓江市人民代表大会常务委员会 in a title are the same body, so the regions (and
 * levels) are compared when both are known, and the bodies as written only otherwise. */
static bool same_body(const qz_report *a, const qz_report *b)
{
    const qz_header *x = &a->outline->header, *y = &b->outline->header;
    if (x->region.len && y->region.len)
        return span_equal(a->doc, x->region, b->doc, y->region) &&
               (!x->level || !y->level || strcmp(x->level, y->level) == 0);
    if (x->body.len && y->body.len)
        return span_equal(a->doc, x->body, b->doc, y->body);
    return true;
}

/* <0 when a is older than b, >0 when newer, 0 when nothing tells them apart. */
static int age_order(const qz_outline *a, const qz_outline *b)
{
    if (a->year_reviewed && b->year_reviewed && a->year_reviewed != b->year_reviewed)
        return a->year_reviewed - b->year_reviewed;
    const qz_header *x = &a->header, *y = &b->header;
    if (!x->year || !y->year)
        return 0;
    if (x->year != y->year)
        return x->year - y->year;
    return x->month != y->month ? x->month - y->month : x->day - y->day;
}

static bool single_value(const qz_quantity *q)
{
    return q->qualifier != QZ_QUAL_RANGE && q->qualifier != QZ_QUAL_VAGUE;
}

/* The change from older to newer, when the two can be subtracted: single values of one kind
 * (a count and a percent of the same key are not the same figure). */
static void row_change(qz_compare_row *r)
{
    const qz_quantity *a = r->older, *b = r->newer;
    if (!a || !b || !single_value(a) || !single_value(b) || a->kind != b->kind)
        return;
    if (!qz_decimal_sub(b->lo, a->lo, &r->change))
        return;
    r->has_change = true;
    r->approximate = a->qualifier != QZ_QUAL_EXACT || b->qualifier != QZ_QUAL_EXACT;
    /* a percent's change is already in points: a change of its own in % would say little */
    if (a->kind == QZ_NUM_PLAIN)
        r->has_change_pct = qz_decimal_percent(r->change, a->lo, &r->change_pct);
}

static const qz_rate *find_rate(const qz_metrics *m, const char *key)
{
    for (size_t i = 0; i < m->nrates; i++)
        if (strcmp(m->rates[i].key, key) == 0)
            return &m->rates[i];
    return NULL;
}

qz_status qz_compare_new(qz_compare **out, const qz_rules *rules, const qz_report *a,
                         const char *a_path, const qz_report *b, const char *b_path,
                         qz_error *err)
{
    *out = NULL;
    qz_compare *c = calloc(1, sizeof *c);
    if (!c)
        return qz_fail(err, QZ_ERR_NOMEM, NULL, 0, 0, "out of memory");
    c->swapped = age_order(a->outline, b->outline) > 0;
    c->older = c->swapped ? b : a;
    c->newer = c->swapped ? a : b;
    c->older_path = c->swapped ? b_path : a_path;
    c->newer_path = c->swapped ? a_path : b_path;
    c->older_year = c->older->outline->year_reviewed;
    c->newer_year = c->newer->outline->year_reviewed;
    c->same_body = same_body(c->older, c->newer);

    const qz_metrics *mo = c->older->metrics, *mn = c->newer->metrics;
    c->rows = calloc(rules->nmetrics ? rules->nmetrics : 1, sizeof *c->rows);
    c->rates = calloc(rules->nrates ? rules->nrates : 1, sizeof *c->rates);
    if (!c->rows || !c->rates) {
        qz_compare_free(c);
        return qz_fail(err, QZ_ERR_NOMEM, NULL, 0, 0, "out of memory");
    }
    for (size_t i = 0; i < rules->nmetrics; i++) {
        qz_compare_row r = {.key = rules->metrics[i].key};
        r.older = qz_metrics_get(mo, r.key);
        r.newer = qz_metrics_get(mn, r.key);
        if (!r.older && !r.newer)
            continue;
        row_change(&r);
        c->rows[c->nrows++] = r;
    }
    for (size_t i = 0; i < rules->nrates; i++) {
        qz_compare_rate r = {.key = rules->rates[i].key};
        r.older = qz_metrics_get(mo, r.key);
        r.newer = qz_metrics_get(mn, r.key);
        if (!r.older && !r.newer)
            continue;
        r.older_rate = find_rate(mo, r.key);
        r.newer_rate = find_rate(mn, r.key);
        c->rates[c->nrates++] = r;
    }
    *out = c;
    return QZ_OK;
}

void qz_compare_free(qz_compare *c)
{
    if (!c)
        return;
    free(c->rows);
    free(c->rates);
    free(c);
}
