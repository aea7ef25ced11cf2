/* markdown.c — the summary of one report as a cmark node tree, rendered as CommonMark.
 * The tree is built from nodes, never from Markdown text, so cmark does all the escaping.
 * Every word around the report's own text is a label of labels.c, in the summary's language. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmark.h>

#include "cmark_build.h"
#include "internal.h"
#include "labels.h"

/* Building stops quietly at the first failed allocation; `ok` records it. */
typedef struct {
    const qz_doc *doc;
    const qz_outline *o;
    const qz_metrics *m; /* may be NULL */
    qz_lang lang;
    bool ok;
} tree;

/* The label `id` in the summary's language. */
#define L(t, id) qz_label(QZ_LABEL_##id, (t)->lang)

static cmark_node *add(tree *t, cmark_node *parent, cmark_node_type type)
{
    return qz_cm_add(&t->ok, parent, type);
}

/* A text node holding s as it is. */
static void add_str(tree *t, cmark_node *parent, const char *s)
{
    qz_cm_add_literal(&t->ok, parent, CMARK_NODE_TEXT, s);
}

/* A text node holding printf's output, however long (a quote or a title is never cut). */
static void add_text(tree *t, cmark_node *parent, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;
static void add_text(tree *t, cmark_node *parent, const char *fmt, ...)
{
    if (!parent)
        return;
    qz_buf b = {0};
    va_list ap;
    va_start(ap, fmt);
    qz_buf_vprintf(&b, fmt, ap);
    va_end(ap);
    char *text = qz_buf_release(&b, NULL);
    if (text)
        add_str(t, parent, text);
    else
        t->ok = false;
    free(text);
}

static void add_strong(tree *t, cmark_node *parent, const char *label)
{
    cmark_node *s = parent ? add(t, parent, CMARK_NODE_STRONG) : NULL;
    if (s)
        add_str(t, s, label);
}

static cmark_node *add_list(tree *t, cmark_node *parent)
{
    cmark_node *l = parent ? add(t, parent, CMARK_NODE_LIST) : NULL;
    if (l) {
        cmark_node_set_list_type(l, CMARK_BULLET_LIST);
        cmark_node_set_list_tight(l, 1);
    }
    return l;
}

/* A list item holding one paragraph; returns the paragraph, for text to go into. */
static cmark_node *add_item(tree *t, cmark_node *list)
{
    cmark_node *item = list ? add(t, list, CMARK_NODE_ITEM) : NULL;
    return item ? add(t, item, CMARK_NODE_PARAGRAPH) : NULL;
}

static cmark_node *add_heading(tree *t, cmark_node *parent, int level)
{
    return qz_cm_add_heading(&t->ok, parent, level);
}

static size_t line_of(tree *t, size_t offset)
{
    return qz_doc_line(t->doc, offset);
}

static size_t last_line(tree *t, size_t start, size_t end)
{
    return qz_doc_line(t->doc, end > start ? end - 1 : start);
}

#define SPAN(t, s) (int)(s).len, (t)->doc->text + (s).start

/* ---- parts of the document ---- */

static void add_facts(tree *t, cmark_node *doc)
{
    const qz_header *h = &t->o->header;
    cmark_node *list = add_list(t, doc);
    cmark_node *p = add_item(t, list);
    add_strong(t, p, L(t, SOURCE));
    add_text(t, p, L(t, SOURCE_FMT), t->doc->source, qz_encoding_name(t->doc->encoding),
             t->doc->traditional ? L(t, TRADITIONAL) : "");
    if (h->year) {
        p = add_item(t, list);
        add_strong(t, p, L(t, DATE));
        add_text(t, p, " %04d-%02d-%02d", h->year, h->month, h->day);
    }
    if (h->speaker.len) {
        p = add_item(t, list);
        add_strong(t, p, L(t, SPEAKER));
        add_text(t, p, " %.*s %.*s", SPAN(t, h->speaker_title), SPAN(t, h->speaker));
    }
    if (t->o->year_reviewed) {
        p = add_item(t, list);
        add_strong(t, p, L(t, YEARS));
        add_text(t, p, L(t, YEARS_FMT), t->o->year_reviewed, t->o->year_planned);
    }
}

/* "lines 7–11", or "line 18" when a range is one line (第7–11行, 第18行), into buf: numbers and
 * a short label, which 64 bytes always hold. */
typedef struct {
    char s[64];
} lines_text;

static lines_text lines_of(tree *t, size_t first, size_t last)
{
    lines_text l;
    if (first == last)
        snprintf(l.s, sizeof l.s, L(t, LINE_FMT), first);
    else
        snprintf(l.s, sizeof l.s, L(t, LINES_FMT), first, last);
    return l;
}

static void add_lines(tree *t, cmark_node *p, size_t first, size_t last)
{
    add_str(t, p, lines_of(t, first, last).s);
}

/* " (line 9)", （第9行）: where a figure or a topic is. */
static void add_at(tree *t, cmark_node *p, size_t line)
{
    add_text(t, p, L(t, AT_FMT), lines_of(t, line, line).s);
}

/* One list under a section's item: its topics (in emphasis) first, then its sub-sections; a
 * single list, because two lists in a row would need a separator in CommonMark. */
static void add_sections(tree *t, cmark_node *list, size_t first, size_t end, long up);

/* ---- figures ---- */

/* "10 次 — “召开常委会会议10次” (line 6)", with the key in code when the figure has one. */
static void add_figure(tree *t, cmark_node *list, const qz_quantity *q)
{
    cmark_node *p = add_item(t, list);
    if (!p)
        return;
    if (q->key) {
        cmark_node *code = add(t, p, CMARK_NODE_CODE);
        if (code && !cmark_node_set_literal(code, q->key))
            t->ok = false;
        add_text(t, p, " ");
    }
    char value[100];
    qz_quantity_value(q, value, sizeof value);
    /* 96.9%: a percent sign follows its number in either language */
    add_text(t, p, strcmp(q->unit, "%") ? L(t, VALUE_UNIT_FMT) : "%s%s", value,
             qz_label_unit(q->unit, t->lang));
    if (q->qualifier != QZ_QUAL_EXACT)
        add_text(t, p, L(t, QUALIFIER_FMT), qz_label_qualifier(q->qualifier, t->lang));
    add_text(t, p, " — “%.*s”", SPAN(t, q->quote));
    add_at(t, p, line_of(t, q->start));
}

/* The first quantity that starts at or after offset (quantities are in document order). */
static size_t first_quantity_from(const qz_metrics *m, size_t offset)
{
    size_t lo = 0, hi = m->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (m->items[mid].start < offset)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* Adds to list the figures that stand directly in `section` (-1: in no section) from offset
 * up to end; a section's own figures are one run, since its sub-sections come after them. */
static void add_figures(tree *t, cmark_node *list, long section, size_t offset, size_t end)
{
    if (!t->m)
        return;
    for (size_t k = first_quantity_from(t->m, offset); k < t->m->n; k++) {
        const qz_quantity *q = &t->m->items[k];
        if (q->start >= end)
            break;
        if (q->section == section)
            add_figure(t, list, q);
    }
}

static bool has_figures(tree *t, long section, size_t offset, size_t end)
{
    if (!t->m)
        return false;
    size_t k = first_quantity_from(t->m, offset);
    for (; k < t->m->n && t->m->items[k].start < end; k++)
        if (t->m->items[k].section == section)
            return true;
    return false;
}

static bool any_metric(const qz_metrics *m)
{
    for (size_t i = 0; m && i < m->n; i++)
        if (m->items[i].first)
            return true;
    return false;
}

bool qz_summary_has_figures(const qz_summary *s)
{
    return any_metric(s->metrics);
}

static void add_key_figures(tree *t, cmark_node *doc)
{
    if (!any_metric(t->m))
        return;
    add_str(t, add_heading(t, doc, 2), L(t, KEY_FIGURES));
    cmark_node *list = add_list(t, doc);
    for (size_t i = 0; i < t->m->n; i++)
        if (t->m->items[i].first)
            add_figure(t, list, &t->m->items[i]);
}

static void add_rates(tree *t, cmark_node *doc)
{
    if (!any_metric(t->m) || !t->m->nrates)
        return;
    /* a paragraph between the two lists, which CommonMark would otherwise run together */
    add_str(t, add(t, doc, CMARK_NODE_PARAGRAPH), L(t, RATES));
    cmark_node *list = add_list(t, doc);
    for (size_t i = 0; i < t->m->nrates; i++) {
        const qz_rate *r = &t->m->rates[i];
        char stated[48], num[48], den[48], computed[48];
        qz_decimal_format(t->m->items[r->stated].lo, stated, sizeof stated);
        qz_decimal_format(t->m->items[r->numerator].lo, num, sizeof num);
        qz_decimal_format(t->m->items[r->denominator].lo, den, sizeof den);
        qz_decimal_format(r->computed, computed, sizeof computed);
        cmark_node *p = add_item(t, list);
        add_strong(t, p, r->key);
        add_text(t, p, L(t, RATE_FMT), stated, num, den, computed,
                 r->consistent ? L(t, CONSISTENT) : L(t, INCONSISTENT));
    }
}

static void add_children(tree *t, cmark_node *item, size_t i)
{
    const qz_section *s = &t->o->sections[i];
    if (!s->ntopics && !s->ndesc && !has_figures(t, (long)i, s->start, s->end))
        return;
    cmark_node *list = add_list(t, item);
    for (size_t k = s->first_topic; k < s->first_topic + s->ntopics; k++) {
        const qz_topic *tp = &t->o->topics[k];
        cmark_node *p = add_item(t, list);
        cmark_node *em = p ? add(t, p, CMARK_NODE_EMPH) : NULL;
        add_text(t, em, "%.*s", SPAN(t, tp->title));
        add_at(t, p, line_of(t, tp->start));
    }
    add_figures(t, list, (long)i, s->start, s->end);
    if (s->ndesc)
        add_sections(t, list, i + 1, i + 1 + s->ndesc, (long)i);
}

/* Adds the sections in [first, end) whose parent is `up` as items of list. */
static void add_sections(tree *t, cmark_node *list, size_t first, size_t end, long up)
{
    const qz_outline *o = t->o;
    for (size_t i = first; i < end; i += o->sections[i].ndesc + 1) {
        const qz_section *s = &o->sections[i];
        if (s->parent != up)
            continue;
        cmark_node *p = add_item(t, list);
        add_text(t, p, "%.*s%.*s — ", SPAN(t, s->marker), SPAN(t, s->title));
        add_lines(t, p, line_of(t, s->start), last_line(t, s->start, s->end));
        add_children(t, p ? cmark_node_parent(p) : NULL, i);
    }
}

static const char *part_label(tree *t, qz_part_kind kind)
{
    switch (kind) {
    case QZ_PART_REVIEW:
        return L(t, PART_REVIEW);
    case QZ_PART_PLAN:
        return L(t, PART_PLAN);
    default:
        return L(t, PART_BODY);
    }
}

static void add_parts(tree *t, cmark_node *doc)
{
    for (size_t i = 0; i < t->o->nparts; i++) {
        const qz_part *p = &t->o->parts[i];
        cmark_node *h = add_heading(t, doc, 2);
        if (p->title.len)
            add_text(t, h, "%.*s", SPAN(t, p->title));
        else
            add_str(t, h, L(t, PART_BODY));
        add_text(t, add(t, doc, CMARK_NODE_PARAGRAPH), L(t, PART_SPAN_FMT),
                 part_label(t, p->kind),
                 lines_of(t, line_of(t, p->start), last_line(t, p->start, p->end)).s);
        if (has_figures(t, -1, p->start, p->end)) {
            add_str(t, add(t, doc, CMARK_NODE_PARAGRAPH), L(t, OUTSIDE_SECTIONS));
            add_figures(t, add_list(t, doc), -1, p->start, p->end);
            if (p->nsections)
                add_str(t, add(t, doc, CMARK_NODE_PARAGRAPH), L(t, SECTIONS));
        }
        if (p->nsections)
            add_sections(t, add_list(t, doc), p->first_section,
                         p->first_section + p->nsections, -1);
    }
}

static void add_repairs(tree *t, cmark_node *doc)
{
    if (!t->doc->nrepairs)
        return;
    add_str(t, add_heading(t, doc, 2), L(t, REPAIRS));
    cmark_node *list = add_list(t, doc);
    for (size_t i = 0; i < t->doc->nrepairs; i++) {
        const qz_repair *r = &t->doc->repairs[i];
        if (r->kind == QZ_REPAIR_PAGE_NUMBER)
            add_text(t, add_item(t, list), L(t, REPAIR_PAGE_FMT), r->line);
        else /* joined to the line the text goes on with, past any page number dropped */
            add_text(t, add_item(t, list), L(t, REPAIR_JOINED_FMT), r->line,
                     qz_doc_line(t->doc, r->offset));
    }
}

char *qz_summary_title(const qz_summary *s)
{
    const qz_header *h = &s->outline->header;
    const char *text = s->doc->text;
    qz_buf b = {0};
    if (h->title.len)
        qz_buf_append(&b, text + h->title.start, h->title.len);
    else if (h->body.len)
        qz_buf_printf(&b, qz_label(QZ_LABEL_SUMMARY_OF_FMT, s->lang), (int)h->body.len,
                      text + h->body.start);
    else
        qz_buf_puts(&b, qz_label(QZ_LABEL_SUMMARY, s->lang));
    return qz_buf_release(&b, NULL);
}

cmark_node *qz_summary_tree(const qz_summary *s, unsigned parts)
{
    tree t = {.doc = s->doc, .o = s->outline, .m = s->metrics, .lang = s->lang, .ok = true};
    cmark_node *doc = cmark_node_new(CMARK_NODE_DOCUMENT);
    if (!doc)
        return NULL;
    if (parts & QZ_SUMMARY_HEAD) {
        char *title = qz_summary_title(s);
        if (title)
            add_str(&t, add_heading(&t, doc, 1), title);
        else
            t.ok = false;
        free(title);
        add_facts(&t, doc);
    }
    if (parts & QZ_SUMMARY_FIGURES)
        add_key_figures(&t, doc);
    if (parts & QZ_SUMMARY_RATES)
        add_rates(&t, doc);
    if (parts & QZ_SUMMARY_OUTLINE) {
        add_parts(&t, doc);
        if (s->outline->closing.len) {
            cmark_node *p = add(&t, doc, CMARK_NODE_PARAGRAPH);
            add_strong(&t, p, L(&t, CLOSING));
            add_text(&t, p, " %s", lines_of(&t, line_of(&t, s->outline->closing.start),
                                            line_of(&t, s->outline->closing.start)).s);
        }
        add_repairs(&t, doc);
    }
    if (!t.ok) {
        cmark_node_free(doc);
        return NULL;
    }
    return doc;
}

qz_status qz_summary_render_markdown(const qz_summary *s, FILE *out, qz_error *err)
{
    return qz_cm_write_commonmark(qz_summary_tree(s, QZ_SUMMARY_ALL), out, err);
}
