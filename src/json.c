/* json.c — the figures of one report as one line of JSON (JSON Lines: one object per file),
 * built with jansson. Values are JSON numbers: whole numbers as integers, decimals as reals
 * printed with 15 significant digits, which gives back exactly the decimal the report wrote
 * (96.9, never 96.900000000000006). No tree of the whole document is built: each record (one
 * quantity, one rate) is a jansson object dumped to the stream as soon as it is made, and only
 * the brackets and commas around them are written here, as json_dumps would lay them out. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "metrics_render.h"

static json_t *number(qz_decimal d)
{
    if (d.scale == 0)
        return json_integer(d.mant);
    char buf[48];
    qz_decimal_format(d, buf, sizeof buf);
    return json_real(strtod(buf, NULL));
}

static json_t *string_span(const qz_doc *doc, qz_span s)
{
    return json_stringn(doc->text + s.start, s.len);
}

static json_t *quantity(const qz_metrics_view *v, const qz_quantity *q, bool *ok)
{
    json_t *o = json_object();
    if (!o) {
        *ok = false;
        return NULL;
    }
    size_t line, col;
    qz_doc_position(v->doc, q->start, &line, &col);
    long top = qz_outline_top_section(v->outline, q->section);
    qz_json_set(o, "key", q->key ? json_string(q->key) : json_null(), ok);
    qz_json_set(o, "value", number(q->lo), ok);
    if (q->qualifier == QZ_QUAL_RANGE || q->qualifier == QZ_QUAL_VAGUE)
        qz_json_set(o, "max", number(q->hi), ok);
    qz_json_set(o, "unit", json_string(q->unit), ok);
    qz_json_set(o, "qualifier", json_string(qz_qualifier_name(q->qualifier)), ok);
    qz_json_set(o, "line", json_integer((json_int_t)line), ok);
    qz_json_set(o, "column", json_integer((json_int_t)col), ok);
    qz_json_set(o, "part", json_string(qz_where_name(q->where)), ok);
    qz_json_set(o, "section",
        top >= 0 ? json_integer(v->outline->sections[top].number) : json_null(), ok);
    qz_json_set(o, "quote", string_span(v->doc, q->quote), ok);
    return o;
}

static json_t *rate(const qz_metrics_view *v, const qz_rate *r, bool *ok)
{
    json_t *o = json_object();
    if (!o) {
        *ok = false;
        return NULL;
    }
    const qz_quantity *items = v->metrics->items;
    qz_json_set(o, "key", json_string(r->key), ok);
    qz_json_set(o, "stated", number(items[r->stated].lo), ok);
    qz_json_set(o, "numerator", number(items[r->numerator].lo), ok);
    qz_json_set(o, "denominator", number(items[r->denominator].lo), ok);
    qz_json_set(o, "denominator_key", json_string(r->denominator_key), ok);
    qz_json_set(o, "computed", number(r->computed), ok);
    qz_json_set(o, "consistent", json_boolean(r->consistent), ok);
    return o;
}

/* The layout of the whole line, as one json_dumps of the document would give it. */
#define FLAGS (JSON_COMPACT | JSON_REAL_PRECISION(15))

/* Dumps one value (and releases it). A failed dump is a failed write when the stream says so,
 * else jansson ran out of memory. */
static qz_status dump(json_t *value, bool built, FILE *out, qz_error *err)
{
    /* into memory first, then one write: json_dumpf writes each token by itself. A value
     * larger than the buffer (a long quote) is dumped again into one of its size. */
    char small[2048], *buf = small;
    size_t n = value && built ? json_dumpb(value, small, sizeof small, FLAGS | JSON_ENCODE_ANY)
                              : 0;
    if (n > sizeof small && (buf = malloc(n)) != NULL)
        n = json_dumpb(value, buf, n, FLAGS | JSON_ENCODE_ANY);
    json_decref(value);
    if (n == 0 || !buf) /* jansson or malloc ran out of memory (a dump is never empty) */
        return qz_fail(err, QZ_ERR_NOMEM, NULL, 0, 0, "out of memory");
    bool ok = qz_write(out, buf, n);
    int e = errno;
    if (buf != small)
        free(buf);
    return ok ? QZ_OK : qz_write_fail(err, e);
}

static qz_status put(const char *s, FILE *out, qz_error *err)
{
    return qz_write_str(out, s) ? QZ_OK : qz_write_fail(err, errno);
}

static qz_status begin(qz_metrics_writer *w, qz_error *err)
{
    json_t *file = json_string(w->v.doc->source);
    if (!file) /* before anything is written */
        return qz_fail(err, QZ_ERR_NOMEM, NULL, 0, 0, "out of memory");
    qz_status st = put("{\"file\":", w->out, err);
    if (st == QZ_OK)
        st = dump(file, true, w->out, err);
    else
        json_decref(file);
    return st == QZ_OK ? put(",\"metrics\":[", w->out, err) : st;
}

static qz_status one_quantity(qz_metrics_writer *w, const qz_quantity *q, qz_error *err)
{
    bool ok = true;
    qz_status st = put(w->any ? "," : "", w->out, err);
    w->any = true;
    json_t *o = st == QZ_OK ? quantity(&w->v, q, &ok) : NULL;
    return st == QZ_OK ? dump(o, ok, w->out, err) : st;
}

static qz_status end(qz_metrics_writer *w, qz_error *err)
{
    bool ok = true;
    qz_status st = put("],\"rates\":[", w->out, err);
    const char *sep = "";
    for (size_t i = 0; st == QZ_OK && i < w->v.metrics->nrates; i++) {
        st = put(sep, w->out, err);
        json_t *o = st == QZ_OK ? rate(&w->v, &w->v.metrics->rates[i], &ok) : NULL;
        if (st == QZ_OK)
            st = dump(o, ok, w->out, err);
        sep = ",";
    }
    return st == QZ_OK ? put("]}\n", w->out, err) : st;
}

const qz_metrics_format_ops qz_metrics_json_format = {begin, one_quantity, end, NULL};
