/* table.c — many reports as one table (`qzreport table`): a row per report with who and when
 * (file, body, region, level, date, year reviewed), then a column per metric key that any
 * report states, in the catalogue's order. Rows are added one report at a time and keep copies
 * of what the outputs need only (the values of the columns, and for the workbook's other
 * sheets each keyed figure with its quote and each rate with its counts), so each report may be
 * freed at once; the columns are known once every row is in. CSV through libcsv (RFC 4180),
 * TSV as lines; XLSX in table_xlsx.c. Ownership: the table owns its copies; the rules must
 * outlive it. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <csv.h>

#include "table.h"

const char *const qz_table_fixed_names[QZ_TABLE_NFIXED] = {
    "file", "body", "region", "level", "date", "year_reviewed", "error"};

qz_status qz_table_new(qz_table **out, const qz_rules *rules, qz_error *err)
{
    *out = calloc(1, sizeof **out);
    if (!*out)
        return qz_fail(err, QZ_ERR_NOMEM, NULL, 0, 0, "out of memory");
    (*out)->rules = rules;
    return QZ_OK;
}

static void figure_clear(qz_table_figure *f)
{
    free(f->key);
    free(f->value);
    free(f->unit);
    free(f->quote);
}

static void rate_clear(qz_table_rate *r)
{
    free(r->key);
    free(r->stated);
    free(r->numerator_key);
    free(r->numerator);
    free(r->denominator_key);
    free(r->denominator);
    free(r->computed);
}

static void row_clear(qz_table_row *r, size_t nmetrics)
{
    for (size_t i = 0; i < QZ_TABLE_NFIXED; i++)
        free(r->fixed[i]);
    for (size_t i = 0; r->values && i < nmetrics; i++)
        free(r->values[i]);
    free(r->values);
    for (size_t i = 0; i < r->nfigures; i++)
        figure_clear(&r->figures[i]);
    free(r->figures);
    for (size_t i = 0; i < r->nrates; i++)
        rate_clear(&r->rates[i]);
    free(r->rates);
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

/* NULL stays NULL (an absent key or unit is not a failure); *ok turns false when a copy of a
 * string fails. */
static char *str_copy(const char *s, bool *ok)
{
    char *c = s ? strdup(s) : NULL;
    if (s && !c)
        *ok = false;
    return c;
}

/* The value as qz_quantity_value writes it, in a buffer of its length: measured first, so
 * that nothing is cut whatever the number. */
static char *value_copy(const qz_quantity *q, bool *ok)
{
    int n = qz_quantity_value(q, NULL, 0);
    char *s = n >= 0 ? malloc((size_t)n + 1) : NULL;
    if (s)
        qz_quantity_value(q, s, (size_t)n + 1);
    else
        *ok = false;
    return s;
}

static char *decimal_copy(qz_decimal d, bool *ok)
{
    int n = qz_decimal_format(d, NULL, 0);
    char *s = n >= 0 ? malloc((size_t)n + 1) : NULL;
    if (s)
        qz_decimal_format(d, s, (size_t)n + 1);
    else
        *ok = false;
    return s;
}

/* Every keyed quantity (generic ones, with no key, are no figure of the committee's), later
 * mentions included, so that a figure the report states twice shows twice. */
static bool figures_copy(qz_table_row *r, const qz_report *rep)
{
    const qz_metrics *m = rep->metrics;
    size_t n = 0;
    for (size_t i = 0; i < m->n; i++)
        n += m->items[i].key != NULL;
    if (!n)
        return true;
    r->figures = calloc(n, sizeof *r->figures);
    if (!r->figures)
        return false;
    bool ok = true;
    for (size_t i = 0; ok && i < m->n; i++) {
        const qz_quantity *q = &m->items[i];
        if (!q->key)
            continue;
        qz_table_figure *f = &r->figures[r->nfigures++];
        f->key = str_copy(q->key, &ok);
        f->value = value_copy(q, &ok);
        f->unit = str_copy(q->unit, &ok);
        f->qualifier = q->qualifier;
        f->first = q->first;
        f->line = qz_doc_line(rep->doc, q->start);
        f->quote = strndup(rep->doc->text + q->quote.start, q->quote.len);
        ok = ok && f->quote;
    }
    return ok;
}

static bool rates_copy(qz_table_row *r, const qz_report *rep)
{
    const qz_metrics *m = rep->metrics;
    if (!m->nrates)
        return true;
    r->rates = calloc(m->nrates, sizeof *r->rates);
    if (!r->rates)
        return false;
    bool ok = true;
    for (size_t i = 0; ok && i < m->nrates; i++) {
        const qz_rate *rt = &m->rates[i];
        qz_table_rate *c = &r->rates[r->nrates++];
        c->key = str_copy(rt->key, &ok);
        c->stated = value_copy(&m->items[rt->stated], &ok);
        c->numerator_key = str_copy(m->items[rt->numerator].key, &ok);
        c->numerator = value_copy(&m->items[rt->numerator], &ok);
        c->denominator_key = str_copy(rt->denominator_key, &ok);
        c->denominator = value_copy(&m->items[rt->denominator], &ok);
        c->computed = decimal_copy(rt->computed, &ok);
        c->consistent = rt->consistent;
    }
    return ok;
}

/* Who and when: the header's body, region and level, the date, the year in review. */
static bool header_copy(qz_table_row *r, const qz_report *rep)
{
    const qz_header *h = &rep->outline->header;
    bool ok = true;
    if (h->body.len)
        ok = ok && (r->fixed[QZ_TABLE_BODY] = span_copy(rep->doc, h->body));
    if (h->region.len)
        ok = ok && (r->fixed[QZ_TABLE_REGION] = span_copy(rep->doc, h->region));
    r->fixed[QZ_TABLE_LEVEL] = str_copy(h->level, &ok);
    /* measured, then written: an int has no fixed width */
    if (ok && h->year) {
        int n = snprintf(NULL, 0, "%04d-%02d-%02d", h->year, h->month, h->day);
        ok = n >= 0 && (r->fixed[QZ_TABLE_DATE] = malloc((size_t)n + 1));
        if (ok)
            snprintf(r->fixed[QZ_TABLE_DATE], (size_t)n + 1, "%04d-%02d-%02d", h->year, h->month,
                     h->day);
    }
    if (ok && rep->outline->year_reviewed) {
        int n = snprintf(NULL, 0, "%d", rep->outline->year_reviewed);
        ok = n >= 0 && (r->fixed[QZ_TABLE_YEAR] = malloc((size_t)n + 1));
        if (ok)
            snprintf(r->fixed[QZ_TABLE_YEAR], (size_t)n + 1, "%d", rep->outline->year_reviewed);
    }
    return ok;
}

qz_status qz_table_add(qz_table *t, const char *path, const qz_report *rep, const char *error,
                       qz_error *err)
{
    if (!QZ_GROW(t->rows, t->cap, t->n + 1))
        return qz_fail(err, QZ_ERR_NOMEM, NULL, 0, 0, "out of memory");
    qz_table_row r = {0};
    bool ok = (r.fixed[QZ_TABLE_FILE] = strdup(path)) != NULL;
    r.fixed[QZ_TABLE_ERROR] = str_copy(error, &ok);
    if (ok && rep) {
        ok = header_copy(&r, rep);
        r.values = calloc(t->rules->nmetrics + 1, sizeof *r.values);
        ok = ok && r.values != NULL;
        for (size_t i = 0; ok && i < t->rules->nmetrics; i++) {
            const qz_quantity *q = qz_metrics_get(rep->metrics, t->rules->metrics[i].key);
            if (q)
                r.values[i] = value_copy(q, &ok);
        }
        ok = ok && figures_copy(&r, rep) && rates_copy(&r, rep);
    }
    if (!ok) {
        row_clear(&r, t->rules->nmetrics);
        return qz_fail(err, QZ_ERR_NOMEM, NULL, 0, 0, "out of memory");
    }
    t->rows[t->n++] = r;
    return QZ_OK;
}

bool qz_table_has_column(const qz_table *t, size_t m)
{
    for (size_t i = 0; i < t->n; i++)
        if (t->rows[i].values && t->rows[i].values[m])
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
        cols[m] = qz_table_has_column(t, m);
    bool ok = true;
    for (size_t i = 0; ok && i < QZ_TABLE_NFIXED; i++)
        ok = field(out, qz_table_fixed_names[i], i == 0);
    for (size_t m = 0; ok && m < nm; m++)
        if (cols[m])
            ok = field(out, t->rules->metrics[m].key, false);
    ok = ok && fputs(eol, out) != EOF;
    for (size_t r = 0; ok && r < t->n; r++) {
        const qz_table_row *w = &t->rows[r];
        for (size_t i = 0; ok && i < QZ_TABLE_NFIXED; i++)
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
