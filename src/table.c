/* table.c — many reports as one table (`qzreport table`): a row per report with who and when
 * (file, body, region, level, date, year reviewed), then a column per metric key that any
 * report states, in the catalogue's order. Rows are added one report at a time and keep copies
 * of their values only, so each report may be freed at once; the columns are known once every
 * row is in. CSV through libcsv (RFC 4180), TSV as lines. Ownership: the table owns its
 * copies; the rules must outlive it. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <csv.h>

#include "rules.h"

/* The fixed columns before the keys. */
enum { COL_FILE, COL_BODY, COL_REGION, COL_LEVEL, COL_DATE, COL_YEAR, COL_ERROR, NFIXED };
static const char *const fixed_names[NFIXED] = {"file",  "body", "region", "level",
                                                "date",  "year_reviewed", "error"};

typedef struct {
    char *fixed[NFIXED]; /* NULL: empty */
    char **values;       /* per metric of the rules: the first mention's value, or NULL */
} row;

struct qz_table {
    const qz_rules *rules;
    row *rows;
    size_t n, cap;
};

qz_status qz_table_new(qz_table **out, const qz_rules *rules, qz_error *err)
{
    *out = calloc(1, sizeof **out);
    if (!*out)
        return qz_fail(err, QZ_ERR_NOMEM, NULL, 0, 0, "out of memory");
    (*out)->rules = rules;
    return QZ_OK;
}

static void row_clear(row *r, size_t nmetrics)
{
    for (size_t i = 0; i < NFIXED; i++)
        free(r->fixed[i]);
    for (size_t i = 0; r->values && i < nmetrics; i++)
        free(r->values[i]);
    free(r->values);
}

void qz_table_free(qz_table *t)
{
    if (!t)
        return;
    for (size_t i = 0; i < t->n; i++)
        row_clear(&t->rows[i], t->rules->nmetrics);
    free(t->rows);
    free(t);
}

static char *span_copy(const qz_doc *doc, qz_span s)
{
    return s.len ? strndup(doc->text + s.start, s.len) : NULL;
}

qz_status qz_table_add(qz_table *t, const char *path, const qz_report *rep, const char *error,
                       qz_error *err)
{
    if (!QZ_GROW(t->rows, t->cap, t->n + 1))
        return qz_fail(err, QZ_ERR_NOMEM, NULL, 0, 0, "out of memory");
    row r = {0};
    bool ok = (r.fixed[COL_FILE] = strdup(path)) != NULL;
    if (error)
        ok = ok && (r.fixed[COL_ERROR] = strdup(error)) != NULL;
    if (ok && rep) {
        const qz_header *h = &rep->outline->header;
        char buf[64];
        r.fixed[COL_BODY] = span_copy(rep->doc, h->body);
        r.fixed[COL_REGION] = span_copy(rep->doc, h->region);
        r.fixed[COL_LEVEL] = h->level ? strdup(h->level) : NULL;
        if (h->year) {
            snprintf(buf, sizeof buf, "%04d-%02d-%02d", h->year, h->month, h->day);
            r.fixed[COL_DATE] = strdup(buf);
        }
        if (rep->outline->year_reviewed) {
            snprintf(buf, sizeof buf, "%d", rep->outline->year_reviewed);
            r.fixed[COL_YEAR] = strdup(buf);
        }
        r.values = calloc(t->rules->nmetrics + 1, sizeof *r.values);
        ok = r.values != NULL;
        for (size_t i = 0; ok && i < t->rules->nmetrics; i++) {
            const qz_quantity *q = qz_metrics_get(rep->metrics, t->rules->metrics[i].key);
            if (!q)
                continue;
            int n = qz_quantity_value(q, buf, sizeof buf);
            ok = n >= 0 && (size_t)n < sizeof buf && (r.values[i] = strdup(buf)) != NULL;
        }
    }
    if (!ok) {
        row_clear(&r, t->rules->nmetrics);
        return qz_fail(err, QZ_ERR_NOMEM, NULL, 0, 0, "out of memory");
    }
    t->rows[t->n++] = r;
    return QZ_OK;
}

/* Whether a column of a metric is to be written: some report states it. */
static bool stated(const qz_table *t, size_t metric)
{
    for (size_t i = 0; i < t->n; i++)
        if (t->rows[i].values && t->rows[i].values[metric])
            return true;
    return false;
}

typedef bool (*field_fn)(FILE *out, const char *s, bool first);

static bool csv_field(FILE *out, const char *s, bool first)
{
    if (!first && putc(',', out) == EOF)
        return false;
    return !s || !*s || csv_fwrite(out, s, strlen(s)) == 0;
}

/* TSV: tabs and line ends inside a field become spaces, so every row is one line. */
static bool tsv_field(FILE *out, const char *s, bool first)
{
    if (!first && putc('\t', out) == EOF)
        return false;
    for (; s && *s; s++)
        if (putc(*s == '\t' || *s == '\n' || *s == '\r' ? ' ' : *s, out) == EOF)
            return false;
    return true;
}

static qz_status render(const qz_table *t, FILE *out, field_fn field, const char *eol,
                        qz_error *err)
{
    size_t nm = t->rules->nmetrics;
    bool *cols = calloc(nm + 1, sizeof *cols);
    if (!cols)
        return qz_fail(err, QZ_ERR_NOMEM, NULL, 0, 0, "out of memory");
    for (size_t m = 0; m < nm; m++)
        cols[m] = stated(t, m);
    bool ok = true;
    for (size_t i = 0; ok && i < NFIXED; i++)
        ok = field(out, fixed_names[i], i == 0);
    for (size_t m = 0; ok && m < nm; m++)
        if (cols[m])
            ok = field(out, t->rules->metrics[m].key, false);
    ok = ok && fputs(eol, out) != EOF;
    for (size_t r = 0; ok && r < t->n; r++) {
        const row *w = &t->rows[r];
        for (size_t i = 0; ok && i < NFIXED; i++)
            ok = field(out, w->fixed[i], i == 0);
        for (size_t m = 0; ok && m < nm; m++)
            if (cols[m])
                ok = field(out, w->values ? w->values[m] : NULL, false);
        ok = ok && fputs(eol, out) != EOF;
    }
    free(cols);
    return ok ? QZ_OK : qz_write_fail(err, errno);
}

qz_status qz_table_render_csv(const qz_table *t, FILE *out, bool bom, qz_error *err)
{
    if (bom && fputs("\xEF\xBB\xBF", out) == EOF)
        return qz_write_fail(err, errno);
    return render(t, out, csv_field, "\r\n", err); /* RFC 4180 ends records with CRLF */
}

qz_status qz_table_render_tsv(const qz_table *t, FILE *out, qz_error *err)
{
    return render(t, out, tsv_field, "\n", err);
}
