/* tsv.c — the figures as tab-separated lines, for awk, cut and sort:
 * [FILE<TAB>]KEY<TAB>VALUE<TAB>QUALIFIER<TAB>UNIT<TAB>LINE<TAB>QUOTE. QUALIFIER is the
 * qualifier's name (exact, more, about, near, less, range, vague), so 10多件 (more) is told from
 * 10件 (exact). A generic quantity's key is "quantity". Tabs and line ends inside a quote become
 * spaces, so every record is one line. Each line is written as it is laid out. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "metrics_render.h"

/* Writes s[0..n) with tabs and line ends as spaces: the runs between them as they are. */
static bool put_field(FILE *f, const char *s, size_t n)
{
    bool ok = true;
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] != '\t' && s[i] != '\n' && s[i] != '\r')
            continue;
        ok = ok && qz_write(f, s + run, i - run) && qz_write(f, " ", 1);
        run = i + 1;
    }
    return ok && qz_write(f, s + run, n - run);
}

static qz_status nothing(qz_metrics_writer *w, qz_error *err)
{
    (void)w, (void)err;
    return QZ_OK;
}

static qz_status quantity(qz_metrics_writer *w, const qz_quantity *q, qz_error *err)
{
    const qz_doc *doc = w->v.doc;
    FILE *out = w->out;
    char value[100], line[32];
    qz_quantity_value(q, value, sizeof value);
    snprintf(line, sizeof line, "\t%zu\t", qz_doc_line(doc, q->start));
    bool ok = !w->v.with_file ||
              (put_field(out, doc->source, strlen(doc->source)) && qz_write(out, "\t", 1));
    ok = ok && qz_write_str(out, q->key ? q->key : "quantity") && qz_write(out, "\t", 1) &&
         qz_write_str(out, value) && qz_write(out, "\t", 1) &&
         qz_write_str(out, qz_qualifier_name(q->qualifier)) && qz_write(out, "\t", 1) &&
         qz_write_str(out, q->unit) && qz_write_str(out, line) &&
         put_field(out, doc->text + q->quote.start, q->quote.len) && qz_write(out, "\n", 1);
    return ok ? QZ_OK : qz_write_fail(err, errno);
}

const qz_metrics_format_ops qz_metrics_tsv_format = {nothing, quantity, nothing, NULL, NULL};

/* ---- two reports compared (`compare --format tsv`) ---- */

/* The header, then a line per key either report states:
 * key stated_in unit older older_qualifier newer newer_qualifier change change_pct approximate
 * older_consistent newer_consistent. An absent value, change or consistency is an empty field;
 * unit is the one both share, or the two joined by '/' when the years differ (件/项). */
static const char compare_header[] =
    "key\tstated_in\tunit\tolder\tolder_qualifier\tnewer\tnewer_qualifier\tchange\tchange_pct"
    "\tapproximate\tolder_consistent\tnewer_consistent\n";

static bool put_value(FILE *out, const qz_quantity *q)
{
    char value[100] = "";
    if (q)
        qz_quantity_value(q, value, sizeof value);
    return qz_write_str(out, value) && qz_write(out, "\t", 1) &&
           qz_write_str(out, q ? qz_qualifier_name(q->qualifier) : "") && qz_write(out, "\t", 1);
}

static bool put_decimal(FILE *out, bool has, qz_decimal d)
{
    char buf[48] = "";
    if (has)
        qz_decimal_format(d, buf, sizeof buf);
    return qz_write_str(out, buf) && qz_write(out, "\t", 1);
}

static const char *consistency(const qz_compare *c, const char *key, bool newer)
{
    for (size_t i = 0; i < c->nrates; i++) {
        const qz_rate *r = newer ? c->rates[i].newer_rate : c->rates[i].older_rate;
        if (strcmp(c->rates[i].key, key) == 0 && r)
            return r->consistent ? "true" : "false";
    }
    return "";
}

static bool put_compare_row(FILE *out, const qz_compare *c, const qz_compare_row *r)
{
    const qz_quantity *a = r->older, *b = r->newer;
    const char *unit = a ? a->unit : b->unit;
    bool two_units = a && b && strcmp(a->unit, b->unit) != 0;
    return qz_write_str(out, r->key) && qz_write(out, "\t", 1) &&
           qz_write_str(out, a && b ? "both" : a ? "older" : "newer") && qz_write(out, "\t", 1) &&
           qz_write_str(out, unit) && (!two_units || (qz_write(out, "/", 1) &&
                                                      qz_write_str(out, b->unit))) &&
           qz_write(out, "\t", 1) && put_value(out, a) && put_value(out, b) &&
           put_decimal(out, r->has_change, r->change) &&
           put_decimal(out, r->has_change_pct, r->change_pct) &&
           qz_write_str(out, r->has_change ? (r->approximate ? "true" : "false") : "") &&
           qz_write(out, "\t", 1) && qz_write_str(out, consistency(c, r->key, false)) &&
           qz_write(out, "\t", 1) && qz_write_str(out, consistency(c, r->key, true)) &&
           qz_write(out, "\n", 1);
}

qz_status qz_compare_render_tsv(const qz_compare *c, const qz_rules *rules, qz_lang lang,
                                FILE *out, qz_error *err)
{
    (void)rules, (void)lang; /* keys are the interface: no titles, no labels */
    bool ok = qz_write_str(out, compare_header);
    for (size_t i = 0; ok && i < c->nrows; i++)
        ok = put_compare_row(out, c, &c->rows[i]);
    return ok ? QZ_OK : qz_write_fail(err, errno);
}
