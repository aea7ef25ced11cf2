/* compare_html.c — two reports compared, as a standalone HTML page (html_page.c, libxml2):
 * the title and the files, then the same tables as the Markdown (keys both years state, keys
 * one year states, rates checked in both years), each key both years state with a small bar
 * chart, the older year's bar above the newer's, drawn as SVG. The bars are scaled to the
 * larger of the two values: the picture shows the change of one key, not keys against each
 * other (a count of meetings beside one of appointments would say nothing). */
#include <stdlib.h>
#include <string.h>

#include "compare_text.h"
#include "html_page.h"

/* The chart's size in pixels: two bars, the value written after each. */
enum { CHART_W = 220, BAR_MAX = 150, BAR_H = 12, CHART_H = 2 * BAR_H + 10 };

typedef struct {
    const qz_compare *c;
    const qz_rules *rules;
    qz_lang lang;
    qz_html_page *page;
    bool ok; /* a text could not be made: out of memory */
} page_ctx;

static const char *label(const page_ctx *p, qz_compare_label id)
{
    return qz_compare_label_text(id, p->lang);
}

/* The buffer's text, handed over (the caller frees it); "" when empty, NULL when out of memory
 * (recorded). */
static char *take(page_ctx *p, qz_buf *b)
{
    char *s = qz_buf_release(b, NULL);
    if (!s)
        p->ok = false;
    return s;
}

static char *year_text(page_ctx *p, bool newer, const char *suffix)
{
    qz_buf b = {0};
    qz_compare_year_text(p->c, newer, p->lang, &b);
    if (suffix)
        qz_buf_puts(&b, suffix);
    return take(p, &b);
}

static char *value_text(page_ctx *p, const qz_quantity *q)
{
    qz_buf b = {0};
    qz_compare_value_text(q, p->lang, &b);
    return take(p, &b);
}

static const char *key_title(const page_ctx *p, const char *key)
{
    const char *t = qz_rules_key_title(p->rules, key, p->lang);
    return t ? t : key;
}

/* "2022年：<code>a.txt</code>；2023年：<code>b.txt</code>。" */
static void add_files(page_ctx *p, xmlNodePtr body)
{
    xmlNodePtr para = qz_html_add(p->page, body, "p", NULL);
    for (int newer = 0; newer <= 1; newer++) {
        qz_buf b = {0};
        if (newer)
            qz_buf_puts(&b, label(p, QZ_CL_SEP));
        qz_compare_year_text(p->c, newer, p->lang, &b);
        qz_buf_puts(&b, label(p, QZ_CL_COLON));
        char *s = take(p, &b);
        qz_html_add_text(p->page, para, s ? s : "");
        free(s);
        qz_html_add(p->page, para, "code", newer ? p->c->newer_path : p->c->older_path);
    }
    qz_html_add_text(p->page, para, label(p, QZ_CL_END));
}

/* A value as a number of pixels' worth: its lower end (a range's), 0 when below zero. */
static double magnitude(const qz_quantity *q)
{
    char buf[48];
    qz_decimal_format(q->lo, buf, sizeof buf);
    double v = strtod(buf, NULL);
    return v > 0 ? v : 0;
}

static void add_bar(page_ctx *p, xmlNodePtr svg, int row, double v, double max, const char *fill,
                    const char *text)
{
    char x[32], y[32], w[32], h[32], ty[32];
    unsigned width = max > 0 ? (unsigned)(v / max * BAR_MAX + 0.5) : 0;
    if (v > 0 && width == 0)
        width = 1; /* a value that is there shows, however small beside the other */
    snprintf(x, sizeof x, "%d", 0);
    snprintf(y, sizeof y, "%d", 2 + row * (BAR_H + 6));
    snprintf(w, sizeof w, "%u", width);
    snprintf(h, sizeof h, "%d", BAR_H);
    snprintf(ty, sizeof ty, "%d", 2 + row * (BAR_H + 6) + BAR_H - 2);
    xmlNodePtr rect = qz_html_add(p->page, svg, "rect", NULL);
    qz_html_set(p->page, rect, "x", x);
    qz_html_set(p->page, rect, "y", y);
    qz_html_set(p->page, rect, "width", w);
    qz_html_set(p->page, rect, "height", h);
    qz_html_set(p->page, rect, "fill", fill);
    char tx[32];
    snprintf(tx, sizeof tx, "%u", width + 4);
    xmlNodePtr t = qz_html_add(p->page, svg, "text", text);
    qz_html_set(p->page, t, "x", tx);
    qz_html_set(p->page, t, "y", ty);
    qz_html_set(p->page, t, "font-size", "11");
    qz_html_set(p->page, t, "font-family", "sans-serif");
}

/* The chart of a key both years state, in td: the older bar grey, the newer blue. */
static void add_chart(page_ctx *p, xmlNodePtr td, const qz_compare_row *r)
{
    double a = magnitude(r->older), b = magnitude(r->newer), max = a > b ? a : b;
    char *va = value_text(p, r->older), *vb = value_text(p, r->newer);
    char *ya = year_text(p, false, NULL), *yb = year_text(p, true, NULL);
    qz_buf alt = {0};
    qz_buf_puts(&alt, ya ? ya : "");
    qz_buf_puts(&alt, label(p, QZ_CL_COLON));
    qz_buf_puts(&alt, va ? va : "");
    qz_buf_puts(&alt, label(p, QZ_CL_SEP));
    qz_buf_puts(&alt, yb ? yb : "");
    qz_buf_puts(&alt, label(p, QZ_CL_COLON));
    qz_buf_puts(&alt, vb ? vb : "");
    char *alt_text = take(p, &alt);
    xmlNodePtr svg = qz_html_svg_new(p->page, CHART_W, CHART_H);
    if (svg) {
        add_bar(p, svg, 0, a, max, "#9e9e9e", va ? va : "");
        add_bar(p, svg, 1, b, max, "#2a6fb0", vb ? vb : "");
        qz_html_add_svg(p->page, td, svg, alt_text ? alt_text : "");
    }
    free(va);
    free(vb);
    free(ya);
    free(yb);
    free(alt_text);
}

static void add_both(page_ctx *p, xmlNodePtr body)
{
    qz_html_add(p->page, body, "h2", label(p, QZ_CL_BOTH));
    char *ya = year_text(p, false, NULL), *yb = year_text(p, true, NULL);
    const qz_html_column cols[] = {
        {.head = label(p, QZ_CL_FIGURE)}, {.head = label(p, QZ_CL_KEY), .code = true},
        {.head = ya ? ya : "", .numeric = true}, {.head = yb ? yb : "", .numeric = true},
        {.head = label(p, QZ_CL_CHANGE), .numeric = true},
        {.head = label(p, QZ_CL_CHANGE_PCT), .numeric = true}, {.head = label(p, QZ_CL_CHART)},
    };
    qz_html_table t;
    qz_html_table_new(p->page, body, &t, cols, sizeof cols / sizeof cols[0]);
    for (size_t i = 0; i < p->c->nrows; i++) {
        const qz_compare_row *r = &p->c->rows[i];
        if (!r->older || !r->newer)
            continue;
        qz_buf ch = {0}, pct = {0};
        qz_compare_change_text(r, p->lang, &ch);
        qz_compare_change_pct_text(r, &pct);
        char *va = value_text(p, r->older), *vb = value_text(p, r->newer);
        char *c1 = take(p, &ch), *c2 = take(p, &pct);
        const char *cells[] = {key_title(p, r->key), r->key, va, vb, c1, c2, NULL};
        qz_html_table_row(p->page, &t, cells);
        free(va);
        free(vb);
        free(c1);
        free(c2);
        /* the chart goes into the row's last cell, which the row left empty */
        xmlNodePtr tr = t.body ? t.body->last : NULL;
        xmlNodePtr td = tr ? tr->last : NULL;
        if (td)
            add_chart(p, td, r);
    }
    free(ya);
    free(yb);
}

/* The keys only one year states, with the line each stands on. */
static void add_one_year(page_ctx *p, xmlNodePtr body, bool newer)
{
    char *y = year_text(p, newer, NULL);
    qz_buf h = {0};
    qz_buf_puts(&h, label(p, QZ_CL_ONLY_BEFORE));
    qz_buf_puts(&h, y ? y : "");
    qz_buf_puts(&h, label(p, QZ_CL_ONLY_AFTER));
    char *heading = take(p, &h);
    qz_html_add(p->page, body, "h2", heading ? heading : "");
    free(heading);
    free(y);
    const qz_html_column cols[] = {
        {.head = label(p, QZ_CL_FIGURE)}, {.head = label(p, QZ_CL_KEY), .code = true},
        {.head = label(p, QZ_CL_VALUE), .numeric = true},
        {.head = label(p, QZ_CL_LINE), .numeric = true},
    };
    qz_html_table t;
    qz_html_table_new(p->page, body, &t, cols, sizeof cols / sizeof cols[0]);
    const qz_report *rep = newer ? p->c->newer : p->c->older;
    for (size_t i = 0; i < p->c->nrows; i++) {
        const qz_compare_row *r = &p->c->rows[i];
        const qz_quantity *q = newer ? r->newer : r->older, *other = newer ? r->older : r->newer;
        if (!q || other)
            continue;
        char line[32];
        snprintf(line, sizeof line, "%zu", qz_doc_line(rep->doc, q->start));
        char *v = value_text(p, q);
        const char *cells[] = {key_title(p, r->key), r->key, v, line};
        qz_html_table_row(p->page, &t, cells);
        free(v);
    }
}

static void add_rates(page_ctx *p, xmlNodePtr body)
{
    qz_html_add(p->page, body, "h2", label(p, QZ_CL_RATES));
    char *heads[4];
    for (int i = 0; i < 4; i++)
        heads[i] = year_text(p, i >= 2, i % 2 ? label(p, QZ_CL_CHECK) : NULL);
    const qz_html_column cols[] = {
        {.head = label(p, QZ_CL_FIGURE)}, {.head = label(p, QZ_CL_KEY), .code = true},
        {.head = heads[0] ? heads[0] : "", .numeric = true}, {.head = heads[1] ? heads[1] : ""},
        {.head = heads[2] ? heads[2] : "", .numeric = true}, {.head = heads[3] ? heads[3] : ""},
    };
    qz_html_table t;
    qz_html_table_new(p->page, body, &t, cols, sizeof cols / sizeof cols[0]);
    for (size_t i = 0; i < p->c->nrates; i++) {
        const qz_compare_rate *r = &p->c->rates[i];
        char *cells_made[4];
        for (int newer = 0; newer <= 1; newer++) {
            const qz_quantity *q = newer ? r->newer : r->older;
            qz_buf check = {0};
            qz_compare_rate_text(newer ? p->c->newer : p->c->older, q,
                                 newer ? r->newer_rate : r->older_rate, p->lang, &check);
            cells_made[2 * newer] = q ? value_text(p, q) : NULL;
            cells_made[2 * newer + 1] = take(p, &check);
        }
        const char *cells[] = {key_title(p, r->key), r->key,
                               cells_made[0] ? cells_made[0] : label(p, QZ_CL_NOT_STATED),
                               cells_made[1],
                               cells_made[2] ? cells_made[2] : label(p, QZ_CL_NOT_STATED),
                               cells_made[3]};
        qz_html_table_row(p->page, &t, cells);
        for (int k = 0; k < 4; k++)
            free(cells_made[k]);
    }
    for (int i = 0; i < 4; i++)
        free(heads[i]);
}

qz_status qz_compare_render_html(const qz_compare *c, const qz_rules *rules, qz_lang lang,
                                 FILE *out, qz_error *err)
{
    page_ctx p = {.c = c, .rules = rules, .lang = lang, .ok = true};
    qz_buf tb = {0};
    qz_compare_title_text(c, lang, &tb);
    char *title = qz_buf_release(&tb, NULL);
    if (!title)
        return qz_fail(err, QZ_ERR_NOMEM, NULL, 0, 0, "out of memory");
    qz_status st = qz_html_page_new(&p.page, title, lang, err);
    if (st != QZ_OK) {
        free(title);
        return st;
    }
    xmlNodePtr body = qz_html_page_body(p.page);
    qz_html_add(p.page, body, "h1", title);
    free(title);
    add_files(&p, body);
    if (!c->same_body) {
        qz_buf b = {0};
        qz_compare_bodies_text(c, lang, &b);
        char *s = take(&p, &b);
        qz_html_add(p.page, body, "p", s ? s : "");
        free(s);
    }
    if (!c->nrows)
        qz_html_add(p.page, body, "p", label(&p, QZ_CL_NOTHING));
    if (qz_compare_has_rows(c, true, true))
        add_both(&p, body);
    if (qz_compare_has_rows(c, true, false))
        add_one_year(&p, body, false);
    if (qz_compare_has_rows(c, false, true))
        add_one_year(&p, body, true);
    if (c->nrates)
        add_rates(&p, body);
    st = p.ok ? qz_html_page_write(p.page, out, err)
              : qz_fail(err, QZ_ERR_NOMEM, NULL, 0, 0, "out of memory");
    qz_html_page_free(p.page);
    return st;
}
