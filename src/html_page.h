/* html_page.h — an HTML page built as a libxml2 tree and serialised by libxml2, for the
 * renderers that write one (summarize --format html; compare). No HTML is assembled by hand:
 * elements and attributes are libxml2 nodes, text is escaped by its serialiser, and a fragment
 * that cmark rendered is parsed into the tree by libxml2's HTML parser.
 *
 * The page is <!DOCTYPE html>, <html lang="zh-CN"> (or "en"), a head with <meta
 * charset="utf-8">, the title and a small inline stylesheet (a readable width, a CJK font
 * stack, table borders, right-aligned numbers; no network, no JavaScript), and an empty body
 * for the renderer to fill.
 *
 * Errors: building never stops the caller. A function that cannot do its part (out of
 * memory, a NULL parent) returns NULL and marks the page failed; qz_html_page_write then
 * returns that failure instead of writing. So a renderer calls the builders one after the
 * other, as with a cmark tree, and checks once, at the end.
 *
 * Text: every string given (titles, cells, fragments) is UTF-8; bytes that are not, and the
 * characters HTML cannot hold (C0 controls but tab, LF and CR; U+FFFE, U+FFFF), become U+FFFD,
 * so the page is always well-formed UTF-8 HTML whatever a report or a file name holds.
 *
 * Checked: every page the tests write passes `xmllint --html --noout` silently. That parser
 * (libxml2 2.9) knows the HTML 4 elements only: it reports HTML5 ones as errors ("Tag svg
 * invalid", "Tag section invalid"), so pages use HTML 4 elements, and an SVG picture goes in
 * as an <img> whose src is the SVG document (qz_html_add_svg), not as inline <svg>.
 *
 * Threads: pages on different threads are independent; libxml2 is initialised once
 * (pthread_once) by the first qz_html_page_new. Ownership: the page owns every node made
 * through it, and qz_html_page_free frees them all. */
#ifndef QZ_HTML_PAGE_H
#define QZ_HTML_PAGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include <libxml/tree.h>

#include "qzreport.h"

typedef struct qz_html_page qz_html_page;

/* A page titled `title` (NULL or "": no <title> text) in lang. QZ_ERR_NOMEM when out of
 * memory. */
qz_status qz_html_page_new(qz_html_page **out, const char *title, qz_lang lang, qz_error *err);
void qz_html_page_free(qz_html_page *page);

/* The <body> element, to add to. */
xmlNodePtr qz_html_page_body(qz_html_page *page);

/* An element `name` appended to parent, holding text when text is not NULL; returns it, for
 * children and attributes. SVG elements are made the same way, under a node of
 * qz_html_svg_new. */
xmlNodePtr qz_html_add(qz_html_page *page, xmlNodePtr parent, const char *name,
                       const char *text);
/* Text appended to parent. */
void qz_html_add_text(qz_html_page *page, xmlNodePtr parent, const char *text);
/* Sets an attribute of node (value escaped by the serialiser). */
void qz_html_set(qz_html_page *page, xmlNodePtr node, const char *name, const char *value);

/* Parses html[0..len), a fragment of HTML 4 elements (cmark_render_html's output), and
 * appends its nodes to parent in order. A fragment libxml2 cannot parse fails the page with
 * QZ_ERR_INTERNAL. */
void qz_html_add_fragment(qz_html_page *page, xmlNodePtr parent, const char *html, size_t len);

/* A table: a header row of the columns' heads, then one row per qz_html_table_row. */
typedef struct {
    const char *head;
    bool numeric; /* its cells are numbers: class "num", right-aligned */
    bool code;    /* its cells are identifiers (metric keys): their text in <code> */
} qz_html_column;

typedef struct {
    xmlNodePtr table, body;       /* <table>, its <tbody> */
    const qz_html_column *columns; /* the caller's, kept until the last row */
    size_t ncolumns;
} qz_html_table;

/* Appends <table><thead>…</thead><tbody></tbody></table> to parent and fills t. */
void qz_html_table_new(qz_html_page *page, xmlNodePtr parent, qz_html_table *t,
                       const qz_html_column *columns, size_t ncolumns);
/* Appends a row of t->ncolumns cells (a NULL cell is empty). */
void qz_html_table_row(qz_html_page *page, qz_html_table *t, const char *const *cells);

/* An <svg> element of width × height (user units as pixels), not yet on the page: build the
 * picture under it with qz_html_add and qz_html_set (rect, line, text…), then hand it to
 * qz_html_add_svg, which takes it. */
xmlNodePtr qz_html_svg_new(qz_html_page *page, unsigned width, unsigned height);
/* Appends to parent an <img alt="alt"> whose src is svg as an SVG document (a data: URI, the
 * XML escaped by libxml2's URI escaper); svg is freed. */
xmlNodePtr qz_html_add_svg(qz_html_page *page, xmlNodePtr parent, xmlNodePtr svg,
                           const char *alt);

/* Writes the page to out: QZ_OK, or the page's first failure, or QZ_ERR_IO (the system's
 * reason) when a write fails, part of the page out by then. Does not flush or close out. */
qz_status qz_html_page_write(qz_html_page *page, FILE *out, qz_error *err);

#endif
