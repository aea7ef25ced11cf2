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

/* A figure's value: value (the lower end of a range), max, unit, qualifier. */
static void set_value(json_t *o, const qz_quantity *q, bool *ok)
{
    qz_json_set(o, "value", number(q->lo), ok);
    if (q->qualifier == QZ_QUAL_RANGE || q->qualifier == QZ_QUAL_VAGUE)
        qz_json_set(o, "max", number(q->hi), ok);
    qz_json_set(o, "unit", json_string(q->unit), ok);
    qz_json_set(o, "qualifier", json_string(qz_qualifier_name(q->qualifier)), ok);
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
    /* a figure no rule names (--all) is a "quantity", as in TSV */
    qz_json_set(o, "key", json_string(q->key ? q->key : "quantity"), ok);
    set_value(o, q, ok);
    qz_json_set(o, "line", json_integer((json_int_t)line), ok);
    qz_json_set(o, "column", json_integer((json_int_t)col), ok);
    qz_json_set(o, "part", json_string(qz_where_name(q->where)), ok);
    qz_json_set(o, "section",
        top >= 0 ? json_integer(v->outline->sections[top].number) : json_null(), ok);
    qz_json_set(o, "quote", string_span(v->doc, q->quote), ok);
    return o;
}

/* A linked rate's fields after its key. */
static void set_rate_fields(json_t *o, const qz_metrics *m, const qz_rate *r, bool *ok)
{
    const qz_quantity *items = m->items;
    qz_json_set(o, "stated", number(items[r->stated].lo), ok);
    qz_json_set(o, "numerator", number(items[r->numerator].lo), ok);
    qz_json_set(o, "denominator", number(items[r->denominator].lo), ok);
    qz_json_set(o, "denominator_key", json_string(r->denominator_key), ok);
    qz_json_set(o, "computed", number(r->computed), ok);
    qz_json_set(o, "consistent", json_boolean(r->consistent), ok);
}

static json_t *rate(const qz_metrics_view *v, const qz_rate *r, bool *ok)
{
    json_t *o = json_object();
    if (!o) {
        *ok = false;
        return NULL;
    }
    qz_json_set(o, "key", json_string(r->key), ok);
    set_rate_fields(o, v->metrics, r, ok);
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
    /* whose report it is (the summary's header.body, region and level) */
    const qz_header *h = &w->v.outline->header;
    const qz_doc *doc = w->v.doc;
    const struct {
        const char *key;
        json_t *value;
    } who[] = {{",\"body\":", h->body.len ? string_span(doc, h->body) : json_null()},
               {",\"region\":", h->region.len ? string_span(doc, h->region) : json_null()},
               {",\"level\":", h->level ? json_string(h->level) : json_null()}};
    for (size_t i = 0; i < 3; i++) {
        if (st == QZ_OK)
            st = put(who[i].key, w->out, err);
        if (st == QZ_OK)
            st = dump(who[i].value, who[i].value != NULL, w->out, err);
        else
            json_decref(who[i].value);
    }
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

/* {"file": path, "error": message}: a report that could not be read, in its place. */
static qz_status failed(FILE *out, const char *path, const char *message, qz_error *err)
{
    bool ok = true;
    json_t *o = json_object();
    if (!o)
        return qz_fail(err, QZ_ERR_NOMEM, NULL, 0, 0, "out of memory");
    qz_json_set(o, "file", qz_json_path(path), &ok);
    qz_json_set(o, "error", qz_json_path(message), &ok);
    qz_status st = dump(o, ok, out, err);
    return st == QZ_OK ? put("\n", out, err) : st;
}

const qz_metrics_format_ops qz_metrics_json_format = {begin, one_quantity, end, NULL, failed};

/* ---- the summary (`summarize --format json`): the YAML summary's fields, as one JSON line ---- */

static json_t *span_or_null(const qz_doc *doc, qz_span s)
{
    return s.len ? string_span(doc, s) : json_null();
}

/* The line of a span's last byte: where an [start, end) range ends. */
static json_int_t end_line(const qz_doc *doc, size_t start, size_t end)
{
    return (json_int_t)qz_doc_line(doc, end > start ? end - 1 : start);
}

/* Adds "line" and "end_line" of [start, end) to o, and returns o. */
static json_t *set_lines(json_t *o, const qz_doc *doc, size_t start, size_t end, bool *ok)
{
    qz_json_set(o, "line", json_integer((json_int_t)qz_doc_line(doc, start)), ok);
    qz_json_set(o, "end_line", json_integer(end_line(doc, start, end)), ok);
    return o;
}

static json_t *summary_header(const qz_doc *doc, const qz_header *h, bool *ok)
{
    json_t *o = json_object();
    char date[16];
    if (h->year)
        snprintf(date, sizeof date, "%04d-%02d-%02d", h->year, h->month, h->day);
    qz_json_set(o, "date", h->year ? json_string(date) : json_null(), ok);
    qz_json_set(o, "speaker", span_or_null(doc, h->speaker), ok);
    qz_json_set(o, "speaker_title", span_or_null(doc, h->speaker_title), ok);
    qz_json_set(o, "title", span_or_null(doc, h->title), ok);
    qz_json_set(o, "body", span_or_null(doc, h->body), ok);
    qz_json_set(o, "region", span_or_null(doc, h->region), ok);
    qz_json_set(o, "level", h->level ? json_string(h->level) : json_null(), ok);
    return o;
}

static json_t *year_or_null(int year)
{
    return year ? json_integer(year) : json_null();
}

/* The sections in [first, end) whose parent is `parent`, each with its topics and its own
 * children, as the YAML summary nests them. */
static json_t *summary_sections(const qz_doc *doc, const qz_outline *o, size_t first, size_t end,
                                long parent, bool *ok)
{
    json_t *a = json_array();
    for (size_t i = first; i < end; i += o->sections[i].ndesc + 1) {
        const qz_section *s = &o->sections[i];
        if (s->parent != parent)
            continue;
        json_t *so = json_object();
        qz_json_set(so, "number", json_integer(s->number), ok);
        qz_json_set(so, "title", span_or_null(doc, s->title), ok);
        set_lines(so, doc, s->start, s->end, ok);
        json_t *topics = json_array();
        for (size_t t = s->first_topic; t < s->first_topic + s->ntopics; t++) {
            json_t *to = json_object();
            qz_json_set(to, "title", span_or_null(doc, o->topics[t].title), ok);
            qz_json_set(to, "line", json_integer((json_int_t)qz_doc_line(doc, o->topics[t].start)),
                        ok);
            qz_json_append(topics, to, ok);
        }
        qz_json_set(so, "topics", topics, ok);
        if (s->ndesc) /* as the YAML: a section's own sections only when it has some */
            qz_json_set(so, "sections",
                        summary_sections(doc, o, i + 1, i + 1 + s->ndesc, (long)i, ok), ok);
        qz_json_append(a, so, ok);
    }
    return a;
}

static json_t *summary_parts(const qz_doc *doc, const qz_outline *o, bool *ok)
{
    json_t *a = json_array();
    for (size_t i = 0; i < o->nparts; i++) {
        const qz_part *p = &o->parts[i];
        json_t *po = json_object();
        qz_json_set(po, "kind", json_string(qz_part_kind_name(p->kind)), ok);
        qz_json_set(po, "title", span_or_null(doc, p->title), ok);
        set_lines(po, doc, p->start, p->end, ok);
        qz_json_set(po, "sections",
                    summary_sections(doc, o, p->first_section,
                                     p->first_section + p->nsections, -1, ok),
                    ok);
        qz_json_append(a, po, ok);
    }
    return a;
}

static json_t *summary_range(const qz_doc *doc, qz_span s, bool *ok)
{
    return s.len ? set_lines(json_object(), doc, s.start, s.start + s.len, ok) : json_null();
}

/* Dumps a whole document (and releases it) as one line. */
static qz_status write_root(json_t *root, bool ok, FILE *out, qz_error *err)
{
    char *text = NULL;
    size_t len = 0;
    qz_status st = qz_json_render(root, ok, FLAGS, &text, &len, err);
    if (st != QZ_OK)
        return st;
    bool written = qz_write(out, text, len);
    int e = errno;
    free(text);
    return written ? QZ_OK : qz_write_fail(err, e);
}

qz_status qz_summary_render_json(const qz_summary *s, FILE *out, qz_error *err)
{
    bool ok = true;
    const qz_doc *doc = s->doc;
    const qz_outline *o = s->outline;
    json_t *root = json_object();
    if (!root)
        return qz_fail(err, QZ_ERR_NOMEM, NULL, 0, 0, "out of memory");
    qz_json_set(root, "file", qz_json_path(doc->source), &ok);
    qz_json_set(root, "encoding", json_string(qz_encoding_name(doc->encoding)), &ok);
    qz_json_set(root, "script", json_string(doc->traditional ? "traditional" : "simplified"),
                &ok);
    qz_json_set(root, "header", summary_header(doc, &o->header, &ok), &ok);
    json_t *years = json_object();
    qz_json_set(years, "reviewed", year_or_null(o->year_reviewed), &ok);
    qz_json_set(years, "planned", year_or_null(o->year_planned), &ok);
    qz_json_set(root, "years", years, &ok);
    qz_json_set(root, "preamble", summary_range(doc, o->preamble, &ok), &ok);
    qz_json_set(root, "parts", summary_parts(doc, o, &ok), &ok);
    qz_json_set(root, "closing", summary_range(doc, o->closing, &ok), &ok);
    json_t *repairs = json_array();
    for (size_t i = 0; i < doc->nrepairs; i++) {
        json_t *r = json_object();
        qz_json_set(r, "line", json_integer((json_int_t)doc->repairs[i].line), &ok);
        qz_json_set(r, "kind",
                    json_string(doc->repairs[i].kind == QZ_REPAIR_PAGE_NUMBER ? "page-number"
                                                                               : "joined"),
                    &ok);
        qz_json_append(repairs, r, &ok);
    }
    qz_json_set(root, "repairs", repairs, &ok);
    /* the figures as `metrics -f json` writes them: each key's first mention, and the rates */
    qz_metrics_view v = {.doc = doc, .outline = o, .metrics = s->metrics};
    json_t *metrics = json_array(), *rates = json_array();
    for (size_t i = 0; s->metrics && i < s->metrics->n; i++)
        if (s->metrics->items[i].first)
            qz_json_append(metrics, quantity(&v, &s->metrics->items[i], &ok), &ok);
    for (size_t i = 0; s->metrics && i < s->metrics->nrates; i++)
        qz_json_append(rates, rate(&v, &s->metrics->rates[i], &ok), &ok);
    qz_json_set(root, "metrics", metrics, &ok);
    qz_json_set(root, "rates", rates, &ok);
    return write_root(root, ok, out, err);
}

/* ---- two reports compared (`compare --format json`): the YAML's fields, as one JSON line ---- */

static json_t *compared(const char *path, const qz_report *r, bool *ok)
{
    const qz_header *h = &r->outline->header;
    json_t *o = json_object();
    qz_json_set(o, "file", qz_json_path(path), ok);
    qz_json_set(o, "year_reviewed", year_or_null(r->outline->year_reviewed), ok);
    qz_json_set(o, "body", span_or_null(r->doc, h->body), ok);
    qz_json_set(o, "region", span_or_null(r->doc, h->region), ok);
    qz_json_set(o, "level", h->level ? json_string(h->level) : json_null(), ok);
    return o;
}

static json_t *year_figure(const qz_report *r, const qz_quantity *q, bool *ok)
{
    if (!q)
        return json_null();
    json_t *o = json_object();
    set_value(o, q, ok);
    qz_json_set(o, "line", json_integer((json_int_t)qz_doc_line(r->doc, q->start)), ok);
    qz_json_set(o, "quote", string_span(r->doc, q->quote), ok);
    return o;
}

static json_t *decimal_or_null(bool has, qz_decimal d)
{
    return has ? number(d) : json_null();
}

static json_t *compare_row(const qz_compare *c, const qz_compare_row *r, bool *ok)
{
    json_t *o = json_object();
    qz_json_set(o, "key", json_string(r->key), ok);
    qz_json_set(o, "stated_in",
                json_string(r->older && r->newer ? "both" : r->older ? "older" : "newer"), ok);
    qz_json_set(o, "older", year_figure(c->older, r->older, ok), ok);
    qz_json_set(o, "newer", year_figure(c->newer, r->newer, ok), ok);
    qz_json_set(o, "change", decimal_or_null(r->has_change, r->change), ok);
    qz_json_set(o, "change_pct", decimal_or_null(r->has_change_pct, r->change_pct), ok);
    qz_json_set(o, "approximate", json_boolean(r->approximate), ok);
    return o;
}

/* A rate in one year: null when not stated; stated and a null consistency when its counts are
 * not both stated; else every field of the link. */
static json_t *year_rate(const qz_report *r, const qz_quantity *stated, const qz_rate *rate,
                         bool *ok)
{
    if (!stated)
        return json_null();
    json_t *o = json_object();
    if (rate) {
        set_rate_fields(o, r->metrics, rate, ok);
    } else {
        qz_json_set(o, "stated", number(stated->lo), ok);
        qz_json_set(o, "consistent", json_null(), ok);
    }
    return o;
}

qz_status qz_compare_render_json(const qz_compare *c, const qz_rules *rules, qz_lang lang,
                                 FILE *out, qz_error *err)
{
    (void)rules, (void)lang; /* keys are the interface: no titles, no labels */
    bool ok = true;
    json_t *root = json_object();
    if (!root)
        return qz_fail(err, QZ_ERR_NOMEM, NULL, 0, 0, "out of memory");
    qz_json_set(root, "older", compared(c->older_path, c->older, &ok), &ok);
    qz_json_set(root, "newer", compared(c->newer_path, c->newer, &ok), &ok);
    qz_json_set(root, "same_body", json_boolean(c->same_body), &ok);
    json_t *figures = json_array(), *rates = json_array();
    for (size_t i = 0; i < c->nrows; i++)
        qz_json_append(figures, compare_row(c, &c->rows[i], &ok), &ok);
    for (size_t i = 0; i < c->nrates; i++) {
        const qz_compare_rate *r = &c->rates[i];
        json_t *o = json_object();
        qz_json_set(o, "key", json_string(r->key), &ok);
        qz_json_set(o, "older", year_rate(c->older, r->older, r->older_rate, &ok), &ok);
        qz_json_set(o, "newer", year_rate(c->newer, r->newer, r->newer_rate, &ok), &ok);
        qz_json_append(rates, o, &ok);
    }
    qz_json_set(root, "figures", figures, &ok);
    qz_json_set(root, "rates", rates, &ok);
    return write_root(root, ok, out, err);
}
