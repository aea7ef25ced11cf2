/* compare_markdown.c — two reports compared, as CommonMark built from cmark nodes: a title
 * with both years (older first), the files, then tables of the keys both years state, of the
 * keys one year states, and of the rates with their check in each year.
 * cmark has no table node (tables are a GitHub extension, cmark-gfm's), so each table is a
 * paragraph of pipe-table lines joined by soft breaks: cmark still escapes every text node,
 * keys go out as code spans, and GitHub, GitLab, pandoc and most viewers show it as a table.
 * A cell never holds a '|': keys are dotted words, values numbers with measure words. */
#include <stdlib.h>
#include <string.h>

#include "cmark_build.h"
#include "compare_text.h"

typedef struct {
    const qz_compare *c;
    const qz_rules *rules;
    qz_lang lang;
    bool ok; /* building stops quietly at the first failed allocation */
} tree;

static cmark_node *add(tree *t, cmark_node *parent, cmark_node_type type)
{
    return qz_cm_add(&t->ok, parent, type);
}

/* A text (or code) node holding s; s is copied. */
static void add_literal(tree *t, cmark_node *parent, cmark_node_type type, const char *s)
{
    qz_cm_add_literal(&t->ok, parent, type, s);
}

static void add_text(tree *t, cmark_node *parent, const char *s)
{
    add_literal(t, parent, CMARK_NODE_TEXT, s);
}

/* The text the buffer holds, added as a text node; the buffer is emptied. */
static void add_buf(tree *t, cmark_node *parent, qz_buf *b)
{
    char *s = qz_buf_release(b, NULL);
    if (!s)
        t->ok = false;
    else
        add_text(t, parent, s);
    free(s);
}

static const char *label(const tree *t, qz_compare_label id)
{
    return qz_compare_label_text(id, t->lang);
}

static void put_year(const tree *t, bool newer, qz_buf *b)
{
    qz_compare_year_text(t->c, newer, t->lang, b);
}

static void add_title(tree *t, cmark_node *doc)
{
    cmark_node *h = qz_cm_add_heading(&t->ok, doc, 1);
    qz_buf b = {0};
    qz_compare_title_text(t->c, t->lang, &b);
    add_buf(t, h, &b);
}

/* "2022年：`a.txt`；2023年：`b.txt`。" */
static void add_files(tree *t, cmark_node *doc)
{
    cmark_node *p = add(t, doc, CMARK_NODE_PARAGRAPH);
    for (int newer = 0; newer <= 1; newer++) {
        qz_buf b = {0};
        if (newer)
            qz_buf_puts(&b, label(t, QZ_CL_SEP));
        put_year(t, newer, &b);
        qz_buf_puts(&b, label(t, QZ_CL_COLON));
        add_buf(t, p, &b);
        add_literal(t, p, CMARK_NODE_CODE, newer ? t->c->newer_path : t->c->older_path);
    }
    add_text(t, p, label(t, QZ_CL_END));
}

static void add_different_bodies(tree *t, cmark_node *doc)
{
    qz_buf b = {0};
    qz_compare_bodies_text(t->c, t->lang, &b);
    add_buf(t, add(t, doc, CMARK_NODE_PARAGRAPH), &b);
}

static void add_heading2(tree *t, cmark_node *doc, qz_buf *b)
{
    cmark_node *h = qz_cm_add_heading(&t->ok, doc, 2);
    add_buf(t, h, b);
}

/* ---- pipe tables: a row is "| cell | cell |", cells built into a qz_buf each ---- */

typedef struct {
    tree *t;
    cmark_node *para;
    qz_buf line; /* the row's text since the last code span */
    bool any_row;
} table;

static void row_start(table *tb)
{
    if (tb->any_row)
        add(tb->t, tb->para, CMARK_NODE_SOFTBREAK);
    tb->any_row = true;
    qz_buf_puts(&tb->line, "|");
}

static void cell_text(table *tb, const char *s)
{
    qz_buf_puts(&tb->line, " ");
    qz_buf_puts(&tb->line, s);
    qz_buf_puts(&tb->line, " |");
}

static void cell_buf(table *tb, qz_buf *b)
{
    char *s = qz_buf_release(b, NULL);
    if (!s)
        tb->t->ok = false;
    cell_text(tb, s ? s : "");
    free(s);
}

static void cell_code(table *tb, const char *s)
{
    qz_buf_puts(&tb->line, " ");
    add_buf(tb->t, tb->para, &tb->line);
    add_literal(tb->t, tb->para, CMARK_NODE_CODE, s);
    qz_buf_puts(&tb->line, " |");
}

static void row_end(table *tb)
{
    add_buf(tb->t, tb->para, &tb->line);
}

/* The header row and the alignment row: the first `left` columns to the left, the rest (the
 * figures) to the right. */
static void table_start(table *tb, tree *t, cmark_node *doc, qz_buf *headers, size_t n,
                        size_t left)
{
    *tb = (table){.t = t, .para = add(t, doc, CMARK_NODE_PARAGRAPH)};
    row_start(tb);
    for (size_t i = 0; i < n; i++)
        cell_buf(tb, &headers[i]);
    row_end(tb);
    row_start(tb);
    for (size_t i = 0; i < n; i++)
        cell_text(tb, i < left ? "---" : "---:");
    row_end(tb);
}

static void cell_title(table *tb, const char *key)
{
    const char *title = qz_rules_key_title(tb->t->rules, key, tb->t->lang);
    cell_text(tb, title ? title : key);
}

static void cell_value(table *tb, const qz_quantity *q)
{
    qz_buf b = {0};
    qz_compare_value_text(q, tb->t->lang, &b);
    cell_buf(tb, &b);
}

static void headers_fixed(tree *t, qz_buf *h)
{
    qz_buf_puts(&h[0], label(t, QZ_CL_FIGURE));
    qz_buf_puts(&h[1], label(t, QZ_CL_KEY));
}

static void add_both(tree *t, cmark_node *doc)
{
    qz_buf b = {0}, h[6] = {{0}};
    qz_buf_puts(&b, label(t, QZ_CL_BOTH));
    add_heading2(t, doc, &b);
    headers_fixed(t, h);
    put_year(t, false, &h[2]);
    put_year(t, true, &h[3]);
    qz_buf_puts(&h[4], label(t, QZ_CL_CHANGE));
    qz_buf_puts(&h[5], label(t, QZ_CL_CHANGE_PCT));
    table tb;
    table_start(&tb, t, doc, h, 6, 2);
    for (size_t i = 0; i < t->c->nrows; i++) {
        const qz_compare_row *r = &t->c->rows[i];
        if (!r->older || !r->newer)
            continue;
        row_start(&tb);
        cell_title(&tb, r->key);
        cell_code(&tb, r->key);
        cell_value(&tb, r->older);
        cell_value(&tb, r->newer);
        qz_compare_change_text(r, t->lang, &b);
        cell_buf(&tb, &b);
        qz_compare_change_pct_text(r, &b);
        cell_buf(&tb, &b);
        row_end(&tb);
    }
}

/* The keys only one year states, with the line each stands on. */
static void add_one_year(tree *t, cmark_node *doc, bool newer)
{
    qz_buf b = {0}, h[4] = {{0}};
    qz_buf_puts(&b, label(t, QZ_CL_ONLY_BEFORE));
    put_year(t, newer, &b);
    qz_buf_puts(&b, label(t, QZ_CL_ONLY_AFTER));
    add_heading2(t, doc, &b);
    headers_fixed(t, h);
    qz_buf_puts(&h[2], label(t, QZ_CL_VALUE));
    qz_buf_puts(&h[3], label(t, QZ_CL_LINE));
    table tb;
    table_start(&tb, t, doc, h, 4, 2);
    const qz_report *rep = newer ? t->c->newer : t->c->older;
    for (size_t i = 0; i < t->c->nrows; i++) {
        const qz_compare_row *r = &t->c->rows[i];
        const qz_quantity *q = newer ? r->newer : r->older, *other = newer ? r->older : r->newer;
        if (!q || other)
            continue;
        row_start(&tb);
        cell_title(&tb, r->key);
        cell_code(&tb, r->key);
        cell_value(&tb, q);
        char line[32];
        snprintf(line, sizeof line, "%zu", qz_doc_line(rep->doc, q->start));
        cell_text(&tb, line);
        row_end(&tb);
    }
}

static void add_rates(tree *t, cmark_node *doc)
{
    qz_buf b = {0}, h[6] = {{0}};
    qz_buf_puts(&b, label(t, QZ_CL_RATES));
    add_heading2(t, doc, &b);
    headers_fixed(t, h);
    for (int newer = 0; newer <= 1; newer++) {
        put_year(t, newer, &h[2 + 2 * newer]);
        put_year(t, newer, &h[3 + 2 * newer]);
        qz_buf_puts(&h[3 + 2 * newer], label(t, QZ_CL_CHECK));
    }
    table tb;
    table_start(&tb, t, doc, h, 6, 2);
    for (size_t i = 0; i < t->c->nrates; i++) {
        const qz_compare_rate *r = &t->c->rates[i];
        row_start(&tb);
        cell_title(&tb, r->key);
        cell_code(&tb, r->key);
        for (int newer = 0; newer <= 1; newer++) {
            const qz_quantity *q = newer ? r->newer : r->older;
            if (q)
                cell_value(&tb, q);
            else
                cell_text(&tb, label(t, QZ_CL_NOT_STATED));
            qz_compare_rate_text(newer ? t->c->newer : t->c->older, q,
                                 newer ? r->newer_rate : r->older_rate, t->lang, &b);
            cell_buf(&tb, &b);
        }
        row_end(&tb);
    }
}

cmark_node *qz_compare_tree(const qz_compare *c, const qz_rules *rules, qz_lang lang)
{
    tree t = {.c = c, .rules = rules, .lang = lang, .ok = true};
    cmark_node *doc = cmark_node_new(CMARK_NODE_DOCUMENT);
    if (!doc)
        return NULL;
    add_title(&t, doc);
    add_files(&t, doc);
    if (!c->same_body)
        add_different_bodies(&t, doc);
    if (!c->nrows) {
        add_text(&t, add(&t, doc, CMARK_NODE_PARAGRAPH), label(&t, QZ_CL_NOTHING));
    }
    if (qz_compare_has_rows(c, true, true))
        add_both(&t, doc);
    if (qz_compare_has_rows(c, true, false))
        add_one_year(&t, doc, false);
    if (qz_compare_has_rows(c, false, true))
        add_one_year(&t, doc, true);
    if (c->nrates)
        add_rates(&t, doc);
    if (!t.ok) {
        cmark_node_free(doc);
        return NULL;
    }
    return doc;
}

qz_status qz_compare_render_markdown(const qz_compare *c, const qz_rules *rules, qz_lang lang,
                                     FILE *out, qz_error *err)
{
    return qz_cm_write_commonmark(qz_compare_tree(c, rules, lang), out, err);
}
