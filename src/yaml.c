/* yaml.c — YAML through libyaml's event API: the summary of one report, and the figures of
 * `qzreport metrics --format yaml`. It only lays out what the stages found. The emitter writes
 * to the caller's stream as events go out (through its own small buffer), so no copy of the
 * document is held. */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <yaml.h>

#include "metrics_render.h"

typedef struct {
    yaml_emitter_t em;
    const qz_doc *doc;
    bool ok;
    FILE *out;
    int write_errno; /* why the stream refused bytes; -1 while it has not */
} emitter;

static int write_handler(void *data, unsigned char *buffer, size_t size)
{
    emitter *e = data;
    if (qz_write(e->out, (const char *)buffer, size))
        return 1;
    e->write_errno = errno;
    return 0;
}

static void emit(emitter *e, yaml_event_t *ev, int initialised)
{
    if (!initialised || !e->ok) {
        if (initialised)
            yaml_event_delete(ev);
        e->ok = false;
        return;
    }
    if (!yaml_emitter_emit(&e->em, ev))
        e->ok = false; /* yaml_emitter_emit frees the event either way */
}

/* A string that a YAML 1.1 reader would take for a number, a boolean, null or a timestamp is
 * quoted, so that every string comes back as a string. */
static bool looks_typed(const char *s, size_t len)
{
    static const char *const words[] = {"y", "n", "yes", "no", "true", "false", "on", "off",
                                        "null", "~", ""};
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (strlen(words[i]) == len && strncasecmp(s, words[i], len) == 0)
            return true;
    for (size_t i = 0; i < len; i++)
        if (!strchr("0123456789+-.:_eE", s[i]))
            return false;
    return true;
}

static void emit_str(emitter *e, const char *s, size_t len)
{
    yaml_event_t ev;
    yaml_scalar_style_t style = looks_typed(s, len) ? YAML_SINGLE_QUOTED_SCALAR_STYLE
                                                    : YAML_ANY_SCALAR_STYLE;
    emit(e, &ev, yaml_scalar_event_initialize(&ev, NULL, NULL, (yaml_char_t *)s, (int)len, 1, 1,
                                              style));
}

static void emit_cstr(emitter *e, const char *s)
{
    emit_str(e, s, strlen(s));
}

static void emit_plain(emitter *e, const char *s)
{
    yaml_event_t ev;
    emit(e, &ev, yaml_scalar_event_initialize(&ev, NULL, NULL, (yaml_char_t *)s, (int)strlen(s),
                                              1, 0, YAML_PLAIN_SCALAR_STYLE));
}

static void emit_uint(emitter *e, uintmax_t v)
{
    char buf[32];
    snprintf(buf, sizeof buf, "%" PRIuMAX, v);
    emit_plain(e, buf);
}

static void emit_null(emitter *e)
{
    emit_plain(e, "null");
}

static void emit_span(emitter *e, qz_span s)
{
    if (s.len)
        emit_str(e, e->doc->text + s.start, s.len);
    else
        emit_null(e);
}

static void map_start(emitter *e, bool flow)
{
    yaml_event_t ev;
    emit(e, &ev, yaml_mapping_start_event_initialize(
                     &ev, NULL, NULL, 1, flow ? YAML_FLOW_MAPPING_STYLE : YAML_BLOCK_MAPPING_STYLE));
}

static void map_end(emitter *e)
{
    yaml_event_t ev;
    emit(e, &ev, yaml_mapping_end_event_initialize(&ev));
}

static void seq_start(emitter *e, bool flow)
{
    yaml_event_t ev;
    emit(e, &ev, yaml_sequence_start_event_initialize(
                     &ev, NULL, NULL, 1, flow ? YAML_FLOW_SEQUENCE_STYLE : YAML_BLOCK_SEQUENCE_STYLE));
}

static void seq_end(emitter *e)
{
    yaml_event_t ev;
    emit(e, &ev, yaml_sequence_end_event_initialize(&ev));
}

static void key_uint(emitter *e, const char *k, uintmax_t v)
{
    emit_cstr(e, k);
    emit_uint(e, v);
}

static void key_line(emitter *e, const char *k, size_t offset)
{
    key_uint(e, k, qz_doc_line(e->doc, offset));
}

/* The line of a span's last byte: where an [start, end) range ends. */
static size_t end_line(const qz_doc *doc, size_t start, size_t end)
{
    return qz_doc_line(doc, end > start ? end - 1 : start);
}

/* ---- the sections ---- */

/* Whose report it is: body, region and level (the summary's header, the figures' top). */
static void emit_who(emitter *e, const qz_header *h)
{
    emit_cstr(e, "body");
    emit_span(e, h->body);
    emit_cstr(e, "region");
    emit_span(e, h->region);
    emit_cstr(e, "level");
    if (h->level)
        emit_cstr(e, h->level);
    else
        emit_null(e);
}

static void emit_header(emitter *e, const qz_header *h)
{
    emit_cstr(e, "header");
    map_start(e, false);
    emit_cstr(e, "date");
    if (h->year) {
        char date[16];
        snprintf(date, sizeof date, "%04d-%02d-%02d", h->year, h->month, h->day);
        emit_plain(e, date); /* an ISO date, which YAML readers may take as a date: it is one */
    } else {
        emit_null(e);
    }
    emit_cstr(e, "speaker");
    emit_span(e, h->speaker);
    emit_cstr(e, "speaker_title");
    emit_span(e, h->speaker_title);
    emit_cstr(e, "title");
    emit_span(e, h->title);
    emit_who(e, h);
    map_end(e);
}

static void emit_years(emitter *e, const qz_outline *o)
{
    emit_cstr(e, "years");
    map_start(e, true);
    emit_cstr(e, "reviewed");
    if (o->year_reviewed)
        emit_uint(e, (uintmax_t)o->year_reviewed);
    else
        emit_null(e);
    emit_cstr(e, "planned");
    if (o->year_planned)
        emit_uint(e, (uintmax_t)o->year_planned);
    else
        emit_null(e);
    map_end(e);
}

static void emit_range(emitter *e, const char *key, qz_span s)
{
    emit_cstr(e, key);
    if (!s.len) {
        emit_null(e);
        return;
    }
    map_start(e, true);
    key_line(e, "line", s.start);
    key_uint(e, "end_line", end_line(e->doc, s.start, s.start + s.len));
    map_end(e);
}

static void emit_topics(emitter *e, const qz_outline *o, const qz_section *s)
{
    emit_cstr(e, "topics");
    seq_start(e, false);
    for (size_t i = s->first_topic; i < s->first_topic + s->ntopics; i++) {
        map_start(e, true);
        emit_cstr(e, "title");
        emit_span(e, o->topics[i].title);
        key_line(e, "line", o->topics[i].start);
        map_end(e);
    }
    seq_end(e);
}

/* Emits the sections in [first, end) whose parent is `parent`, each with its own children. */
static void emit_sections(emitter *e, const qz_outline *o, size_t first, size_t end, long parent)
{
    emit_cstr(e, "sections");
    seq_start(e, false);
    for (size_t i = first; i < end; i += o->sections[i].ndesc + 1) {
        const qz_section *s = &o->sections[i];
        if (s->parent != parent)
            continue;
        map_start(e, false);
        key_uint(e, "number", s->number);
        emit_cstr(e, "title");
        emit_span(e, s->title);
        key_line(e, "line", s->start);
        key_uint(e, "end_line", end_line(e->doc, s->start, s->end));
        emit_topics(e, o, s);
        if (s->ndesc)
            emit_sections(e, o, i + 1, i + 1 + s->ndesc, (long)i);
        map_end(e);
    }
    seq_end(e);
}

static void emit_parts(emitter *e, const qz_outline *o)
{
    emit_cstr(e, "parts");
    seq_start(e, false);
    for (size_t i = 0; i < o->nparts; i++) {
        const qz_part *p = &o->parts[i];
        map_start(e, false);
        emit_cstr(e, "kind");
        emit_cstr(e, qz_part_kind_name(p->kind));
        emit_cstr(e, "title");
        emit_span(e, p->title);
        key_line(e, "line", p->start);
        key_uint(e, "end_line", end_line(e->doc, p->start, p->end));
        emit_sections(e, o, p->first_section, p->first_section + p->nsections, -1);
        map_end(e);
    }
    seq_end(e);
}

static void emit_repairs(emitter *e, const qz_doc *doc)
{
    emit_cstr(e, "repairs");
    seq_start(e, false);
    for (size_t i = 0; i < doc->nrepairs; i++) {
        map_start(e, true);
        key_uint(e, "line", doc->repairs[i].line);
        emit_cstr(e, "kind");
        emit_cstr(e, doc->repairs[i].kind == QZ_REPAIR_PAGE_NUMBER ? "page-number" : "joined");
        map_end(e);
    }
    seq_end(e);
}

/* ---- figures ---- */

static void emit_decimal(emitter *e, qz_decimal d)
{
    char buf[48];
    qz_decimal_format(d, buf, sizeof buf);
    emit_plain(e, buf);
}

/* A figure's value: value (the lower end of a range), max, unit, qualifier. */
static void emit_value(emitter *e, const qz_quantity *q)
{
    emit_cstr(e, "value");
    emit_decimal(e, q->lo);
    if (q->qualifier == QZ_QUAL_RANGE || q->qualifier == QZ_QUAL_VAGUE) {
        emit_cstr(e, "max");
        emit_decimal(e, q->hi);
    }
    emit_cstr(e, "unit");
    emit_cstr(e, q->unit);
    emit_cstr(e, "qualifier");
    emit_cstr(e, qz_qualifier_name(q->qualifier));
}

static void emit_quantity(emitter *e, const qz_outline *o, const qz_quantity *q)
{
    size_t line, col;
    qz_doc_position(e->doc, q->start, &line, &col);
    long top = qz_outline_top_section(o, q->section);
    map_start(e, true);
    emit_cstr(e, "key");
    emit_cstr(e, q->key ? q->key : "quantity"); /* a figure no rule names, as in TSV */
    emit_value(e, q);
    key_uint(e, "line", line);
    key_uint(e, "column", col);
    emit_cstr(e, "part");
    emit_cstr(e, qz_where_name(q->where));
    emit_cstr(e, "section");
    if (top >= 0)
        emit_uint(e, o->sections[top].number);
    else
        emit_null(e);
    emit_cstr(e, "quote");
    emit_span(e, q->quote);
    map_end(e);
}

/* The summary's figures: each key's first mention. */
static void emit_metrics(emitter *e, const qz_outline *o, const qz_metrics *m)
{
    emit_cstr(e, "metrics");
    seq_start(e, false);
    for (size_t i = 0; m && i < m->n; i++)
        if (m->items[i].first)
            emit_quantity(e, o, &m->items[i]);
    seq_end(e);
}

/* A linked rate's fields after its key: stated, numerator, denominator, denominator_key,
 * computed, consistent. */
static void emit_rate_fields(emitter *e, const qz_metrics *m, const qz_rate *r)
{
    emit_cstr(e, "stated");
    emit_decimal(e, m->items[r->stated].lo);
    emit_cstr(e, "numerator");
    emit_decimal(e, m->items[r->numerator].lo);
    emit_cstr(e, "denominator");
    emit_decimal(e, m->items[r->denominator].lo);
    emit_cstr(e, "denominator_key");
    emit_cstr(e, r->denominator_key);
    emit_cstr(e, "computed");
    emit_decimal(e, r->computed);
    emit_cstr(e, "consistent");
    emit_plain(e, r->consistent ? "true" : "false");
}

static void emit_rates(emitter *e, const qz_metrics *m)
{
    emit_cstr(e, "rates");
    seq_start(e, false);
    for (size_t i = 0; m && i < m->nrates; i++) {
        map_start(e, true);
        emit_cstr(e, "key");
        emit_cstr(e, m->rates[i].key);
        emit_rate_fields(e, m, &m->rates[i]);
        map_end(e);
    }
    seq_end(e);
}

static void emit_summary(emitter *e, const qz_summary *s)
{
    yaml_event_t ev;
    emit(e, &ev, yaml_stream_start_event_initialize(&ev, YAML_UTF8_ENCODING));
    emit(e, &ev, yaml_document_start_event_initialize(&ev, NULL, NULL, NULL, !s->with_file));
    map_start(e, false);
    emit_cstr(e, "file");
    emit_cstr(e, s->doc->source);
    emit_cstr(e, "encoding");
    emit_cstr(e, qz_encoding_name(s->doc->encoding));
    emit_cstr(e, "script");
    emit_cstr(e, s->doc->traditional ? "traditional" : "simplified");
    emit_header(e, &s->outline->header);
    emit_years(e, s->outline);
    emit_range(e, "preamble", s->outline->preamble);
    emit_parts(e, s->outline);
    emit_range(e, "closing", s->outline->closing);
    emit_repairs(e, s->doc);
    emit_metrics(e, s->outline, s->metrics);
    emit_rates(e, s->metrics);
    map_end(e);
    emit(e, &ev, yaml_document_end_event_initialize(&ev, 1));
    emit(e, &ev, yaml_stream_end_event_initialize(&ev));
}

typedef void (*body_fn)(emitter *e, const void *arg);

/* Runs an emitter over body, writing to out: unicode, no line wrapping. */
/* Sets up an emitter that writes to out as events go. False when out of memory. */
static bool emitter_open(emitter *e, const qz_doc *doc, FILE *out)
{
    *e = (emitter){.doc = doc, .ok = true, .out = out, .write_errno = -1};
    if (!yaml_emitter_initialize(&e->em))
        return false;
    yaml_emitter_set_output(&e->em, write_handler, e);
    yaml_emitter_set_unicode(&e->em, 1);
    yaml_emitter_set_width(&e->em, -1);
    yaml_emitter_set_indent(&e->em, 2);
    return true;
}

/* Whether the emitter went well so far: a failed write, or what libyaml said. */
static qz_status emitter_status(emitter *e, qz_error *err)
{
    if (e->write_errno >= 0)
        return qz_write_fail(err, e->write_errno);
    if (!e->ok)
        return qz_fail(err, e->em.error == YAML_MEMORY_ERROR ? QZ_ERR_NOMEM : QZ_ERR_INTERNAL,
                       NULL, 0, 0, "YAML emitter: %s",
                       e->em.problem ? e->em.problem : _("out of memory"));
    return QZ_OK;
}

static void emitter_flush(emitter *e)
{
    if (e->ok && !yaml_emitter_flush(&e->em))
        e->ok = false;
}

static qz_status render(const qz_doc *doc, body_fn body, const void *arg, FILE *out,
                        qz_error *err)
{
    emitter e;
    if (!emitter_open(&e, doc, out))
        return qz_fail(err, QZ_ERR_NOMEM, NULL, 0, 0, "out of memory");
    body(&e, arg);
    emitter_flush(&e);
    qz_status st = emitter_status(&e, err);
    yaml_emitter_delete(&e.em);
    return st;
}

static void summary_body(emitter *e, const void *arg)
{
    emit_summary(e, arg);
}

qz_status qz_summary_render_yaml(const qz_summary *s, FILE *out, qz_error *err)
{
    return render(s->doc, summary_body, s, out, err);
}

/* ---- the figures, one at a time (metrics_render.c) ---- */

static qz_status metrics_begin(qz_metrics_writer *w, qz_error *err)
{
    emitter *e = malloc(sizeof *e);
    if (!e || !emitter_open(e, w->v.doc, w->out)) {
        free(e);
        return qz_fail(err, QZ_ERR_NOMEM, NULL, 0, 0, "out of memory");
    }
    w->state = e;
    yaml_event_t ev;
    emit(e, &ev, yaml_stream_start_event_initialize(&ev, YAML_UTF8_ENCODING));
    emit(e, &ev, yaml_document_start_event_initialize(&ev, NULL, NULL, NULL, !w->v.with_file));
    map_start(e, false);
    emit_cstr(e, "file");
    emit_cstr(e, w->v.doc->source);
    const qz_header *h = &w->v.outline->header;
    emit_who(e, h);
    emit_cstr(e, "metrics");
    seq_start(e, false);
    return emitter_status(e, err);
}

static qz_status metrics_quantity(qz_metrics_writer *w, const qz_quantity *q, qz_error *err)
{
    emit_quantity(w->state, w->v.outline, q);
    return emitter_status(w->state, err);
}

static qz_status metrics_end(qz_metrics_writer *w, qz_error *err)
{
    emitter *e = w->state;
    yaml_event_t ev;
    seq_end(e);
    emit_rates(e, w->v.metrics);
    map_end(e);
    emit(e, &ev, yaml_document_end_event_initialize(&ev, 1));
    emit(e, &ev, yaml_stream_end_event_initialize(&ev));
    emitter_flush(e);
    return emitter_status(e, err);
}

static void metrics_release(qz_metrics_writer *w)
{
    emitter *e = w->state;
    if (e)
        yaml_emitter_delete(&e->em);
    free(e);
}

const qz_metrics_format_ops qz_metrics_yaml_format = {metrics_begin, metrics_quantity,
                                                       metrics_end, metrics_release, NULL};

/* ---- two reports compared (compare.c) ---- */

static void emit_decimal_or_null(emitter *e, bool has, qz_decimal d)
{
    if (has)
        emit_decimal(e, d);
    else
        emit_null(e);
}

/* One report of the two: its file, year reviewed and whose it is. */
static void emit_compared(emitter *e, const char *name, const char *path, const qz_report *r)
{
    emit_cstr(e, name);
    map_start(e, false);
    emit_cstr(e, "file");
    emit_cstr(e, path);
    emit_cstr(e, "year_reviewed");
    if (r->outline->year_reviewed)
        emit_uint(e, (uintmax_t)r->outline->year_reviewed);
    else
        emit_null(e);
    e->doc = r->doc;
    emit_who(e, &r->outline->header);
    map_end(e);
}

/* A key's figure in one year: value, max, unit, qualifier, line, quote; null if not stated. */
static void emit_year_figure(emitter *e, const char *name, const qz_report *r,
                             const qz_quantity *q)
{
    emit_cstr(e, name);
    if (!q) {
        emit_null(e);
        return;
    }
    e->doc = r->doc;
    map_start(e, true);
    emit_value(e, q);
    key_uint(e, "line", qz_doc_line(r->doc, q->start));
    emit_cstr(e, "quote");
    emit_span(e, q->quote);
    map_end(e);
}

static const char *stated_in(const qz_quantity *older, const qz_quantity *newer)
{
    return older && newer ? "both" : older ? "older" : "newer";
}

static void emit_compare_row(emitter *e, const qz_compare *c, const qz_compare_row *r)
{
    map_start(e, false);
    emit_cstr(e, "key");
    emit_cstr(e, r->key);
    emit_cstr(e, "stated_in");
    emit_cstr(e, stated_in(r->older, r->newer));
    emit_year_figure(e, "older", c->older, r->older);
    emit_year_figure(e, "newer", c->newer, r->newer);
    emit_cstr(e, "change");
    emit_decimal_or_null(e, r->has_change, r->change);
    emit_cstr(e, "change_pct");
    emit_decimal_or_null(e, r->has_change_pct, r->change_pct);
    emit_cstr(e, "approximate");
    emit_plain(e, r->approximate ? "true" : "false");
    map_end(e);
}

/* A rate in one year: null when not stated; its stated value and a null consistency when its
 * counts are not both stated; else every field of the link. */
static void emit_year_rate(emitter *e, const char *name, const qz_report *r,
                           const qz_quantity *stated, const qz_rate *rate)
{
    emit_cstr(e, name);
    if (!stated) {
        emit_null(e);
        return;
    }
    map_start(e, true);
    if (rate) {
        emit_rate_fields(e, r->metrics, rate);
    } else {
        emit_cstr(e, "stated");
        emit_decimal(e, stated->lo);
        emit_cstr(e, "consistent");
        emit_null(e);
    }
    map_end(e);
}

static void compare_body(emitter *e, const void *arg)
{
    const qz_compare *c = arg;
    yaml_event_t ev;
    emit(e, &ev, yaml_stream_start_event_initialize(&ev, YAML_UTF8_ENCODING));
    emit(e, &ev, yaml_document_start_event_initialize(&ev, NULL, NULL, NULL, 1));
    map_start(e, false);
    emit_compared(e, "older", c->older_path, c->older);
    emit_compared(e, "newer", c->newer_path, c->newer);
    emit_cstr(e, "same_body");
    emit_plain(e, c->same_body ? "true" : "false");
    emit_cstr(e, "figures");
    seq_start(e, false);
    for (size_t i = 0; i < c->nrows; i++)
        emit_compare_row(e, c, &c->rows[i]);
    seq_end(e);
    emit_cstr(e, "rates");
    seq_start(e, false);
    for (size_t i = 0; i < c->nrates; i++) {
        const qz_compare_rate *r = &c->rates[i];
        map_start(e, false);
        emit_cstr(e, "key");
        emit_cstr(e, r->key);
        emit_year_rate(e, "older", c->older, r->older, r->older_rate);
        emit_year_rate(e, "newer", c->newer, r->newer, r->newer_rate);
        map_end(e);
    }
    seq_end(e);
    map_end(e);
    emit(e, &ev, yaml_document_end_event_initialize(&ev, 1));
    emit(e, &ev, yaml_stream_end_event_initialize(&ev));
}

qz_status qz_compare_render_yaml(const qz_compare *c, const qz_rules *rules, qz_lang lang,
                                 FILE *out, qz_error *err)
{
    (void)rules, (void)lang; /* keys are the interface: no titles, no labels */
    return render(c->older->doc, compare_body, c, out, err);
}
