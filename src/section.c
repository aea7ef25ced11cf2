/* section.c — stage 2: the outline of a loaded report: header, parts, numbered sections (with
 * sub-sections) and topics, found line by line with the patterns of data/outline.yaml. */
#include <stdlib.h>
#include <string.h>

#include "number.h"
#include "rules.h"

/* Sections nest at most this deep (一、 （一） 1. （1） and a few user levels). */
#define QZ_MAX_DEPTH 9
/* Only the first paragraphs of the review part are read for its year (2022年是…). */
#define QZ_OPENING_PARAGRAPHS 2

typedef struct {
    size_t start, len; /* a logical line (broken lines already joined), leading space removed */
    size_t line_end;   /* offset just past the line's last byte */
} para;

typedef struct {
    const qz_doc *doc;
    const char *t;          /* the match view: every pattern reads it (see view.c) */
    size_t len;
    const qz_rules *rules;
    qz_context *cx;
    qz_outline *o;
    size_t cap_parts, cap_sections, cap_topics;
    long stack[QZ_MAX_DEPTH]; /* open sections, outermost first */
    int depth;
    size_t header_end;      /* offset where the header ends */
    bool closing_pending;   /* an address paragraph was seen after the last heading */
    size_t part_end_before; /* the current part's end before that address paragraph */
    size_t review_paras;    /* paragraphs seen in the review part so far */
} builder;

/* ---- small readers ---- */

static int read_year(const char *s, size_t len)
{
    qz_decimal d;
    size_t n = qz_numeral_read(s, len, &d);
    if (n == 0 || d.scale != 0 || d.mant < 1900 || d.mant > 2999)
        return 0;
    return (int)d.mant;
}

static unsigned read_small(const char *s, size_t len)
{
    qz_decimal d;
    if (qz_numeral_read(s, len, &d) == 0 || d.scale != 0 || d.mant < 0 || d.mant > 100000)
        return 0;
    return (unsigned)d.mant;
}

static qz_span span_at(const para *p, size_t off, size_t len)
{
    return (qz_span){p->start + off, len};
}

static bool group(builder *b, const qz_match *m, const char *name, const para *p, qz_span *out)
{
    size_t s, n;
    if (!qz_match_group(b->cx, m, name, &s, &n))
        return false;
    *out = span_at(p, s, n);
    return true;
}

/* ---- header ---- */

static void read_date(builder *b, const para *p)
{
    qz_header *h = &b->o->header;
    qz_match m;
    const char *s = b->t + p->start;
    if (h->year || !qz_pattern_list_match(b->cx, &b->rules->date, s, p->len, &m))
        return;
    qz_span y, mo, d;
    if (!group(b, &m, "y", p, &y) || !group(b, &m, "m", p, &mo) || !group(b, &m, "d", p, &d))
        return;
    const char *t = b->t;
    int year = read_year(t + y.start, y.len);
    unsigned month = read_small(t + mo.start, mo.len), day = read_small(t + d.start, d.len);
    if (!year || month < 1 || month > 12 || day < 1 || day > 31)
        return;
    h->year = year;
    h->month = (int)month;
    h->day = (int)day;
    h->date_text = span_at(p, 0, m.end);
}

static void read_header_line(builder *b, const para *p)
{
    qz_header *h = &b->o->header;
    const char *s = b->t + p->start;
    qz_match m;
    read_date(b, p);
    if (!h->speaker.len && qz_pattern_list_match(b->cx, &b->rules->speaker, s, p->len, &m)) {
        group(b, &m, "name", p, &h->speaker);
        group(b, &m, "title", p, &h->speaker_title);
    }
    if (!h->title.len && qz_pattern_list_match(b->cx, &b->rules->title, s, p->len, &m))
        h->title = span_at(p, 0, p->len);
    if (!h->salutation.len &&
        qz_pattern_list_match(b->cx, &b->rules->salutation, s, p->len, &m))
        h->salutation = span_at(p, 0, p->len);
}

/* The header is the lines the loader found to be one (and so never joined): the outline
 * reads the same lines, by the same rule, without finding them again. */
static void find_header(builder *b)
{
    const qz_doc *d = b->doc;
    b->header_end = d->header_lines == 0          ? 0
                    : d->header_lines < d->nlines ? qz_doc_view_offset(d, d->line_start[d->header_lines])
                                                  : b->len;
}

/* ---- parts and sections ---- */

static qz_part *current_part(builder *b)
{
    return b->o->nparts ? &b->o->parts[b->o->nparts - 1] : NULL;
}

static bool add_part(builder *b, qz_part_kind kind, const para *p, qz_span marker, qz_span title)
{
    qz_outline *o = b->o;
    if (!QZ_GROW(o->parts, b->cap_parts, o->nparts + 1))
        return false;
    o->parts[o->nparts++] = (qz_part){
        .kind = kind, .title = title, .marker = marker, .start = p->start,
        .end = p->line_end, .first_section = o->nsections, .nsections = 0};
    b->depth = 0;
    b->closing_pending = false;
    b->review_paras = 0;
    return true;
}

static int title_year(builder *b, qz_span title)
{
    return read_year(b->t + title.start, title.len);
}

/* A dated title (2022年的主要工作) is the plan when a review came before it or when it names
 * the year the report was delivered; otherwise it is the review. */
static qz_part_kind resolve_kind(builder *b, qz_title_kind tk, qz_span title)
{
    if (tk == QZ_TITLE_REVIEW)
        return QZ_PART_REVIEW;
    if (tk == QZ_TITLE_PLAN)
        return QZ_PART_PLAN;
    for (size_t i = 0; i < b->o->nparts; i++)
        if (b->o->parts[i].kind == QZ_PART_REVIEW)
            return QZ_PART_PLAN;
    int y = title_year(b, title);
    if (b->o->header.year && y >= b->o->header.year)
        return QZ_PART_PLAN;
    return QZ_PART_REVIEW;
}

static bool open_part(builder *b, qz_title_kind tk, const para *p, qz_span marker,
                      qz_span title)
{
    qz_part_kind kind = resolve_kind(b, tk, title);
    if (!add_part(b, kind, p, marker, title))
        return false;
    int y = title_year(b, title);
    if (y && kind == QZ_PART_REVIEW && !b->o->year_reviewed)
        b->o->year_reviewed = y;
    if (y && kind == QZ_PART_PLAN && !b->o->year_planned)
        b->o->year_planned = y;
    return true;
}

/* Every open section (and the part) now reaches at least to end. */
static void extend_open(builder *b, size_t end)
{
    for (int i = 0; i < b->depth; i++)
        b->o->sections[b->stack[i]].end = end;
    qz_part *part = current_part(b);
    if (part)
        part->end = end;
}

static bool add_section(builder *b, const qz_heading_match *h, const para *p)
{
    qz_outline *o = b->o;
    const char *line = b->t + p->start;
    if (!current_part(b)) {
        if (!add_part(b, QZ_PART_BODY, p, (qz_span){p->start, 0}, (qz_span){p->start, 0}))
            return false;
    }
    while (b->depth > 0 && o->sections[b->stack[b->depth - 1]].level >= h->level)
        b->depth--;
    if (b->depth == QZ_MAX_DEPTH)
        b->depth--; /* deeper nesting than supported: treat as a sibling of the deepest */
    if (!QZ_GROW(o->sections, b->cap_sections, o->nsections + 1))
        return false;
    size_t tstart = h->marker_len + qz_skip_space(line + h->marker_len, p->len - h->marker_len);
    size_t rest = p->len - tstart;
    size_t period = qz_find_period(line + tstart, rest);
    size_t tlen = qz_trim_title_end(line + tstart, rest);
    bool run_in = period < tlen;
    if (run_in)
        tlen = period;
    qz_section s = {
        .level = h->level,
        .depth = b->depth,
        .number = read_small(line + h->num_start, h->num_len),
        .marker = span_at(p, 0, h->marker_len),
        .title = span_at(p, tstart, tlen),
        .run_in = run_in,
        .start = p->start,
        .end = p->line_end,
        .part = o->nparts - 1,
        .parent = b->depth ? b->stack[b->depth - 1] : -1,
        .first_topic = o->ntopics,
    };
    for (int i = 0; i < b->depth; i++)
        o->sections[b->stack[i]].ndesc++;
    o->sections[o->nsections] = s;
    b->stack[b->depth++] = (long)o->nsections;
    o->nsections++;
    current_part(b)->nsections++;
    b->closing_pending = false;
    extend_open(b, p->line_end);
    return true;
}

/* Returns false only when out of memory. */
static bool read_heading(builder *b, const para *p, bool *was_heading)
{
    const char *line = b->t + p->start;
    qz_heading_match h;
    *was_heading = true;
    qz_title_kind tk = qz_line_part_title(b->cx, line, p->len);
    if (tk != QZ_TITLE_NONE)
        return open_part(b, tk, p, (qz_span){p->start, 0},
                         span_at(p, 0, qz_trim_title_end(line, p->len)));
    if (!qz_line_heading(b->cx, line, p->len, &h)) {
        *was_heading = false;
        return true;
    }
    size_t tstart = h.marker_len + qz_skip_space(line + h.marker_len, p->len - h.marker_len);
    if (h.level == 1) {
        tk = qz_line_part_title(b->cx, line + tstart, p->len - tstart);
        if (tk != QZ_TITLE_NONE)
            return open_part(b, tk, p, span_at(p, 0, h.marker_len),
                             span_at(p, tstart, qz_trim_title_end(line + tstart, p->len - tstart)));
    }
    return add_section(b, &h, p);
}

/* ---- paragraphs: topics, years, addresses ---- */

static bool read_topic(builder *b, const para *p)
{
    qz_outline *o = b->o;
    qz_match m;
    qz_span title;
    if (!qz_pattern_match(b->cx, &b->rules->topic, b->t + p->start, p->len, &m) ||
        !group(b, &m, "title", p, &title))
        return true;
    if (!QZ_GROW(o->topics, b->cap_topics, o->ntopics + 1))
        return false;
    size_t sec = (size_t)b->stack[b->depth - 1];
    o->topics[o->ntopics++] = (qz_topic){.title = title, .start = p->start, .section = sec};
    o->sections[sec].ntopics++;
    return true;
}

static void read_opening_year(builder *b, const para *p)
{
    qz_match m;
    qz_span y;
    if (b->o->year_reviewed ||
        !qz_pattern_list_match(b->cx, &b->rules->opening_year, b->t + p->start,
                               p->len, &m) ||
        !group(b, &m, "y", p, &y))
        return;
    b->o->year_reviewed = title_year(b, y);
}

static bool read_paragraph(builder *b, const para *p)
{
    qz_part *part = current_part(b);
    qz_match m;
    if (qz_pattern_match(b->cx, &b->rules->address, b->t + p->start, p->len, &m)) {
        /* An address to the congress closes the section before it. */
        if (!b->closing_pending && part)
            b->part_end_before = part->end;
        b->closing_pending = true;
        b->depth = 0;
        b->o->closing = (qz_span){p->start, p->line_end - p->start};
        if (part)
            part->end = p->line_end;
        return true;
    }
    if (!part || part->kind == QZ_PART_REVIEW) {
        if (!part || b->review_paras++ < QZ_OPENING_PARAGRAPHS)
            read_opening_year(b, p);
    }
    extend_open(b, p->line_end);
    if (part && part->kind == QZ_PART_REVIEW && b->depth > 0)
        return read_topic(b, p);
    return true;
}

/* ---- the whole outline ---- */

/* Line l of t as a paragraph: its text without the space around it. */
static para para_of(const char *t, qz_span l)
{
    qz_span s = qz_trim_span(t, l);
    return (para){s.start, s.len, l.start + l.len};
}

/* The last address paragraph is the closing only if no heading came after it; the part then
 * ends before it. Years fill in from each other or from the date. */
static void finish(builder *b)
{
    qz_outline *o = b->o;
    qz_part *last = current_part(b);
    if (!b->closing_pending)
        o->closing = (qz_span){0, 0};
    else if (last)
        last->end = b->part_end_before;
    size_t first = o->nparts ? o->parts[0].start : b->len;
    o->preamble = (qz_span){0, first};
    if (!o->year_planned && o->year_reviewed)
        o->year_planned = o->year_reviewed + 1;
    if (!o->year_reviewed && o->year_planned)
        o->year_reviewed = o->year_planned - 1;
    if (!o->year_reviewed && o->header.year && o->nparts) {
        o->year_reviewed = o->header.year - 1;
        o->year_planned = o->header.year;
    }
}

/* ---- offsets of the view back into the text ---- */

static void text_span(const qz_doc *doc, qz_span *s)
{
    qz_doc_text_span(doc, &s->start, &s->len);
}

/* [*start, *end) of the view as offsets of the text */
static void text_range(const qz_doc *doc, size_t *start, size_t *end)
{
    size_t len = *end - *start;
    qz_doc_text_span(doc, start, &len);
    *end = *start + len;
}

/* ---- whose report it is ---- */

/* Looks for the body (and its region) in view[start, start + len), the first pattern first. */
static bool body_in(builder *b, size_t start, size_t len)
{
    qz_header *h = &b->o->header;
    for (size_t i = 0; i < b->rules->body.n; i++) {
        qz_match m;
        if (!qz_pattern_match(b->cx, &b->rules->body.items[i], b->t + start, len, &m))
            continue;
        size_t s, n;
        if (!qz_match_group(b->cx, &m, "body", &s, &n))
            continue;
        h->body = (qz_span){start + s, n};
        if (qz_match_group(b->cx, &m, "region", &s, &n))
            h->region = (qz_span){start + s, n};
        return true;
    }
    return false;
}

/* The opening looked at for 受…委托: the first paragraphs after the header. */
#define QZ_OPENING_BYTES 1024

/* Whose report it is: from the title, else the speaker's title, else the opening; its level
 * from the region's name (never from the file's name). Reads the view's offsets. */
static void find_body(builder *b)
{
    qz_header *h = &b->o->header;
    size_t open_len = b->len - b->header_end < QZ_OPENING_BYTES ? b->len - b->header_end
                                                                : QZ_OPENING_BYTES;
    bool found = (h->title.len && body_in(b, h->title.start, h->title.len)) ||
                 (h->speaker_title.len &&
                  body_in(b, h->speaker_title.start, h->speaker_title.len)) ||
                 body_in(b, b->header_end, open_len);
    if (!found || !h->region.len)
        return;
    for (size_t i = 0; i < QZ_LEVELS; i++) {
        qz_match m;
        if (b->rules->level[i].source &&
            qz_pattern_match(b->cx, &b->rules->level[i], b->t + h->region.start,
                             h->region.len, &m) &&
            m.end == h->region.len) {
            h->level = qz_level_names[i];
            return;
        }
    }
}

/* The outline was read from the view; what leaves the stage points into the text. */
static void to_text_offsets(const qz_doc *doc, qz_outline *o)
{
    if (doc->view == doc->text)
        return;
    qz_header *h = &o->header;
    qz_span *spans[] = {&h->date_text, &h->speaker,  &h->speaker_title, &h->salutation,
                        &h->title,     &h->body,     &h->region,        &o->preamble,
                        &o->closing};
    for (size_t i = 0; i < sizeof spans / sizeof spans[0]; i++)
        text_span(doc, spans[i]);
    for (size_t i = 0; i < o->nparts; i++) {
        qz_part *p = &o->parts[i];
        text_span(doc, &p->title);
        text_span(doc, &p->marker);
        text_range(doc, &p->start, &p->end);
    }
    for (size_t i = 0; i < o->nsections; i++) {
        qz_section *s = &o->sections[i];
        text_span(doc, &s->marker);
        text_span(doc, &s->title);
        text_range(doc, &s->start, &s->end);
    }
    for (size_t i = 0; i < o->ntopics; i++) {
        text_span(doc, &o->topics[i].title);
        o->topics[i].start = qz_doc_text_offset(doc, o->topics[i].start, false);
    }
}

qz_status qz_outline_new(qz_outline **out, const qz_doc *doc, qz_context *ctx,
                         qz_error *err)
{
    *out = NULL;
    qz_outline *o = calloc(1, sizeof *o);
    qz_span *lines = NULL;
    size_t n = 0;
    if (!o || qz_split_lines(doc->view, doc->view_len, &lines, &n) != QZ_OK) {
        free(o);
        return qz_fail(err, QZ_ERR_NOMEM, doc->source, 0, 0, "out of memory");
    }
    builder b = {.doc = doc, .t = doc->view, .len = doc->view_len, .rules = ctx->rules,
                 .cx = ctx, .o = o};
    find_header(&b);
    bool ok = true;
    for (size_t i = 0; ok && i < n; i++) {
        const para p = para_of(doc->view, lines[i]);
        if (p.len == 0)
            continue;
        if (p.start < b.header_end) {
            read_header_line(&b, &p);
            continue;
        }
        bool heading;
        ok = read_heading(&b, &p, &heading);
        if (ok && !heading)
            ok = read_paragraph(&b, &p);
    }
    free(lines);
    if (!ok) {
        qz_outline_free(o);
        return qz_fail(err, QZ_ERR_NOMEM, doc->source, 0, 0, "out of memory");
    }
    finish(&b);
    find_body(&b);
    to_text_offsets(doc, o);
    *out = o;
    return QZ_OK;
}

void qz_outline_free(qz_outline *o)
{
    if (!o)
        return;
    free(o->parts);
    free(o->sections);
    free(o->topics);
    free(o);
}

const char *qz_part_kind_name(qz_part_kind kind)
{
    switch (kind) {
    case QZ_PART_REVIEW:
        return "review";
    case QZ_PART_PLAN:
        return "plan";
    default:
        return "body";
    }
}

long qz_outline_top_section(const qz_outline *o, long i)
{
    while (i >= 0 && o->sections[i].parent >= 0)
        i = o->sections[i].parent;
    return i;
}
