/* test_phrasings.c — the extractor judged on real text: ../shared/testdata/phrasings.tsv holds
 * sentences of real reports, labelled by hand (its own header says how). Each row is read
 * alone, as a one-line report, and must pass:
 *   yes-row, key core or in the catalogue: the key's first mention has exactly that value,
 *            stands inside the row's `figure`, and is exact when the row says `exact` (and
 *            not exact when it says `approx`: 多, 余, 以上, 左右…);
 *   yes-row, another key: no core key is reported inside the figure (a figure the catalogue
 *            does not name may go under a key of our own, or under none);
 *   no-row:  the key (any key, for `any`) is not reported at all.
 * Every row is printed with PASS or FAIL, then the counts per family (the key's first part).
 * QZ_PHRASINGS names another file; when the file is absent (a copy of the repository without
 * ../shared), the test is skipped, and says so. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "qzreport.h"

/* The core keys of README.md, "The metric keys": scripts depend on them. */
static const char *const core[] = {
    "meetings.standing_committee", "meetings.chairpersons", "laws.enacted", "laws.deliberated",
    "laws.approved_lower_level", "laws.reviewed_normative_documents", "reports.heard",
    "inspections.law_enforcement", "inquiries.special", "decisions.resolutions",
    "appointments.person_times", "audit.problems_found", "audit.problems_rectified",
    "audit.rectification_rate", "proposals.total", "proposals.motions", "proposals.suggestions",
    "proposals.resolved", "proposals.resolved_rate", "proposals.satisfaction_rate",
};

/* The catalogue that issue 8 added to them. */
static const char *const catalogue[] = {
    "laws.new", "laws.amended", "laws.repealed", "laws.interpretations",
    "inspections.laws_inspected", "inquiries.interpellations", "research.special",
    "major_matters.reports_heard", "topics.deliberated", "meetings.congress_sessions",
    "oath.ceremonies", "oath.person_times", "review_opinions.issued", "treaties.approved",
    "proposals.closed", "proposals.closed_rate", "proposals.reply_rate", "proposals.in_progress",
    "proposals.in_progress_rate", "proposals.unresolvable", "proposals.unresolvable_rate",
    "deputies.by_elected",
};

#define N(a) (sizeof(a) / sizeof((a)[0]))

static bool in_list(const char *key, const char *const *list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(list[i], key) == 0)
            return true;
    return false;
}

static bool is_core(const char *key)
{
    return in_list(key, core, N(core));
}

static bool is_named(const char *key)
{
    return is_core(key) || in_list(key, catalogue, N(catalogue));
}

typedef struct {
    char *expect, *key, *value, *qualifier, *unit, *figure, *sentence;
} row;

/* Splits a line into its tab-separated columns, in place; false if it has fewer than 7. */
static bool split_row(char *line, row *r)
{
    char *cols[8] = {0};
    size_t n = 0;
    for (char *p = line; n < 8;) {
        cols[n++] = p;
        char *tab = strchr(p, '\t');
        if (!tab)
            break;
        *tab = '\0';
        p = tab + 1;
    }
    if (n < 7)
        return false;
    *r = (row){cols[0], cols[1], cols[2], cols[3], cols[4], cols[5], cols[6]};
    return true;
}

typedef struct {
    const char *name;
    size_t pass, fail;
} tally;

typedef struct {
    tally t[64];
    size_t n;
} tallies;

static void count(tallies *ts, const char *family, bool ok)
{
    size_t i = 0;
    while (i < ts->n && strcmp(ts->t[i].name, family) != 0)
        i++;
    if (i == ts->n) {
        if (ts->n == N(ts->t))
            return;
        ts->t[ts->n++] = (tally){strdup(family), 0, 0};
    }
    if (ok)
        ts->t[i].pass++;
    else
        ts->t[i].fail++;
}

/* The family a row is counted in: its key's first part and how it is judged. */
static void family_of(const row *r, char *buf, size_t size)
{
    const char *dot = strchr(r->key, '.');
    int head = dot ? (int)(dot - r->key) : (int)strlen(r->key);
    const char *kind = strcmp(r->expect, "no") == 0 ? "trap"
                       : is_named(r->key)           ? "named"
                                                    : "other";
    snprintf(buf, size, "%-6s %.*s", kind, head, r->key);
}

/* Judges one row; *why says what went wrong. */
static bool judge(qz_context *ctx, const row *r, char *why, size_t size)
{
    qz_error err = {0};
    qz_doc *doc = NULL;
    qz_outline *o = NULL;
    qz_metrics *m = NULL;
    size_t len = strlen(r->sentence);
    if (qz_doc_load_bytes(&doc, "row", r->sentence, len, QZ_ENC_UTF8, ctx, &err) ||
        qz_outline_new(&o, doc, ctx, &err) || qz_metrics_new(&m, doc, o, ctx, &err)) {
        snprintf(why, size, "error: %.400s", err.message);
        qz_metrics_free(m);
        qz_outline_free(o);
        qz_doc_free(doc);
        return false;
    }
    /* where the figure stands in the sentence (the text is the sentence: one line) */
    const char *f = *r->figure ? strstr(doc->text, r->figure) : NULL;
    size_t fs = f ? (size_t)(f - doc->text) : 0, fe = f ? fs + strlen(r->figure) : doc->len;
    bool ok = true;
    *why = '\0';
    if (strcmp(r->expect, "yes") == 0 && is_named(r->key)) {
        const qz_quantity *q = qz_metrics_get(m, r->key);
        char got[64] = "";
        if (q)
            qz_quantity_value(q, got, sizeof got);
        if (!q || strcmp(got, r->value) != 0) {
            snprintf(why, size, "%s = '%s', expected %s", r->key, got, r->value);
            ok = false;
        } else if (q->start < fs || q->start >= fe) {
            snprintf(why, size, "%s = %s, but not from the figure", r->key, got);
            ok = false;
        } else if ((strcmp(r->qualifier, "exact") == 0) != (q->qualifier == QZ_QUAL_EXACT)) {
            snprintf(why, size, "%s = %s, but %s, expected %s", r->key, got,
                     qz_qualifier_name(q->qualifier), r->qualifier);
            ok = false;
        }
    } else if (strcmp(r->expect, "yes") == 0) {
        for (size_t i = 0; i < m->n && ok; i++) {
            const qz_quantity *q = &m->items[i];
            if (q->first && q->key && is_core(q->key) && q->start >= fs && q->start < fe) {
                char got[64];
                qz_quantity_value(q, got, sizeof got);
                snprintf(why, size, "%s (not in the catalogue) reported as core %s = %s",
                         r->key, q->key, got);
                ok = false;
            }
        }
    } else {
        bool any = strcmp(r->key, "any") == 0;
        for (size_t i = 0; i < m->n && ok; i++) {
            const qz_quantity *q = &m->items[i];
            if (q->first && q->key && (any || strcmp(q->key, r->key) == 0)) {
                char got[64];
                qz_quantity_value(q, got, sizeof got);
                snprintf(why, size, "trap reported as %s = %s", q->key, got);
                ok = false;
            }
        }
    }
    qz_metrics_free(m);
    qz_outline_free(o);
    qz_doc_free(doc);
    return ok;
}

static void test_phrasings(void **state)
{
    (void)state;
    const char *path = getenv("QZ_PHRASINGS");
    if (!path)
        path = "../shared/testdata/phrasings.tsv";
    FILE *fp = fopen(path, "r");
    if (!fp) {
        printf("phrasings: %s not found: skipped\n", path);
        skip();
    }
    qz_rules *rules = NULL;
    qz_error err = {0};
    assert_int_equal(qz_rules_new(&rules, &err), QZ_OK);
    qz_context *ctx = NULL;
    assert_int_equal(qz_context_new(&ctx, rules, &err), QZ_OK);
    tallies ts = {0};
    size_t passed = 0, failed = 0, lineno = 0;
    for (size_t i = 0; i < N(catalogue); i++)
        if (!qz_rules_has_key(rules, catalogue[i])) {
            printf("FAIL catalogue key %s is not in data/rules.yaml\n", catalogue[i]);
            failed++;
        }
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    bool header = true;
    while ((n = getline(&line, &cap, fp)) > 0) {
        lineno++;
        while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
            line[--n] = '\0';
        row r;
        if (line[0] == '#' || !split_row(line, &r))
            continue;
        if (header) { /* the column names */
            header = false;
            if (strcmp(r.expect, "expect") == 0)
                continue;
        }
        char why[512], family[64];
        bool ok = judge(ctx, &r, why, sizeof why);
        family_of(&r, family, sizeof family);
        count(&ts, family, ok);
        if (ok)
            passed++;
        else
            failed++;
        printf("%s %s:%zu %s %s=%s%s%s\n", ok ? "PASS" : "FAIL", path, lineno, r.expect, r.key,
               r.value, ok ? "" : ": ", why);
    }
    free(line);
    fclose(fp);
    qz_context_free(ctx);
    qz_rules_free(rules);
    printf("\nphrasings by family (kind, key group: passed/rows)\n");
    for (size_t i = 0; i < ts.n; i++) {
        printf("  %-28s %3zu/%zu\n", ts.t[i].name, ts.t[i].pass, ts.t[i].pass + ts.t[i].fail);
        free((char *)ts.t[i].name);
    }
    printf("phrasings: %zu passed, %zu failed\n", passed, failed);
    fflush(stdout);
    assert_int_equal(failed, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_phrasings),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
