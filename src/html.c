/* html.c — the summary of one report as a standalone HTML page (html_page.c, libxml2): the
 * title and facts and the outline are the cmark tree of markdown.c rendered by
 * cmark_render_html and parsed into the page; the key figures and the rates linked to their
 * counts are tables, each key with what it counts in the summary's language. */
#include <stdlib.h>
#include <string.h>

#include <cmark.h>

#include "html_page.h"
#include "internal.h"
#include "labels.h"

#define L(s, id) qz_label(QZ_LABEL_##id, (s)->lang)

/* The pieces `parts` of the summary's cmark tree, rendered by cmark and parsed under parent. */
static qz_status add_tree(qz_html_page *page, xmlNodePtr parent, const qz_summary *s,
                          unsigned parts, qz_error *err)
{
    cmark_node *doc = qz_summary_tree(s, parts);
    if (!doc)
        return qz_fail(err, QZ_ERR_NOMEM, NULL, 0, 0, "out of memory");
    /* CMARK_OPT_DEFAULT is safe mode: raw HTML in the report's text is escaped, never passed */
    char *html = cmark_render_html(doc, CMARK_OPT_DEFAULT);
    cmark_node_free(doc);
    if (!html)
        return qz_fail(err, QZ_ERR_NOMEM, NULL, 0, 0, "out of memory");
    qz_html_add_fragment(page, parent, html, strlen(html));
    free(html);
    return QZ_OK;
}

static void add_figures(qz_html_page *page, xmlNodePtr body, const qz_summary *s)
{
    const qz_metrics *m = s->metrics;
    qz_html_add(page, body, "h2", L(s, KEY_FIGURES));
    const qz_html_column cols[] = {
        {.head = L(s, COL_DESCRIPTION)}, {.head = L(s, COL_KEY), .code = true},
        {.head = L(s, COL_VALUE), .numeric = true}, {.head = L(s, COL_UNIT)},
        {.head = L(s, COL_QUALIFIER)}, {.head = L(s, COL_LINE), .numeric = true},
    };
    qz_html_table t;
    qz_html_table_new(page, body, &t, cols, sizeof cols / sizeof cols[0]);
    for (size_t i = 0; i < m->n; i++) {
        const qz_quantity *q = &m->items[i];
        if (!q->first)
            continue;
        char value[100], line[32];
        qz_quantity_value(q, value, sizeof value);
        snprintf(line, sizeof line, "%zu", qz_doc_line(s->doc, q->start));
        const char *cells[] = {qz_label_key(s->rules, q->key, s->lang), q->key, value,
                               qz_label_unit(q->unit, s->lang),
                               qz_label_qualifier(q->qualifier, s->lang), line};
        qz_html_table_row(page, &t, cells);
    }
}

static void add_rates(qz_html_page *page, xmlNodePtr body, const qz_summary *s)
{
    const qz_metrics *m = s->metrics;
    if (!m->nrates)
        return;
    qz_html_add(page, body, "p", L(s, RATES));
    const qz_html_column cols[] = {
        {.head = L(s, COL_DESCRIPTION)}, {.head = L(s, COL_KEY), .code = true},
        {.head = L(s, COL_STATED), .numeric = true}, {.head = L(s, COL_NUMERATOR), .numeric = true},
        {.head = L(s, COL_DENOMINATOR), .numeric = true},
        {.head = L(s, COL_COMPUTED), .numeric = true}, {.head = L(s, COL_CONSISTENT)},
    };
    qz_html_table t;
    qz_html_table_new(page, body, &t, cols, sizeof cols / sizeof cols[0]);
    for (size_t i = 0; i < m->nrates; i++) {
        const qz_rate *r = &m->rates[i];
        char stated[48], num[48], den[48], computed[48]; /* a byte kept for the % */
        qz_decimal_format(m->items[r->stated].lo, stated, sizeof stated - 1);
        qz_decimal_format(m->items[r->numerator].lo, num, sizeof num);
        qz_decimal_format(m->items[r->denominator].lo, den, sizeof den);
        qz_decimal_format(r->computed, computed, sizeof computed - 1);
        strcat(stated, "%");
        strcat(computed, "%");
        const char *cells[] = {qz_label_key(s->rules, r->key, s->lang), r->key, stated, num, den,
                               computed, r->consistent ? L(s, CONSISTENT) : L(s, INCONSISTENT)};
        qz_html_table_row(page, &t, cells);
    }
}

qz_status qz_summary_render_html(const qz_summary *s, FILE *out, qz_error *err)
{
    char *title = qz_summary_title(s);
    if (!title)
        return qz_fail(err, QZ_ERR_NOMEM, NULL, 0, 0, "out of memory");
    qz_html_page *page;
    qz_status st = qz_html_page_new(&page, title, s->lang, err);
    free(title);
    if (st != QZ_OK)
        return st;
    xmlNodePtr body = qz_html_page_body(page);
    st = add_tree(page, body, s, QZ_SUMMARY_HEAD, err);
    if (st == QZ_OK && qz_summary_has_figures(s)) {
        add_figures(page, body, s);
        add_rates(page, body, s);
    }
    if (st == QZ_OK)
        st = add_tree(page, body, s, QZ_SUMMARY_OUTLINE, err);
    if (st == QZ_OK)
        st = qz_html_page_write(page, out, err);
    qz_html_page_free(page);
    return st;
}
