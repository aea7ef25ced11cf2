/* cmark_build.h — what every renderer that builds a cmark tree shares (markdown.c,
 * compare_markdown.c, check_github.c): appending nodes, where building stops quietly at the
 * first failed allocation and a flag records it, so that a renderer checks once at the end;
 * and writing the tree as CommonMark. Ownership: nodes belong to the tree they are appended
 * to; qz_cm_write_commonmark takes the document and frees it. */
#ifndef QZ_CMARK_BUILD_H
#define QZ_CMARK_BUILD_H

#include <stdbool.h>

#include <cmark.h>

#include "internal.h"

/* A new node of type appended to parent; NULL (and *ok false) when out of memory, or NULL
 * quietly when parent is NULL (an earlier failure). */
cmark_node *qz_cm_add(bool *ok, cmark_node *parent, cmark_node_type type);
/* A node of type (text, code) holding a copy of s (NULL: empty). */
void qz_cm_add_literal(bool *ok, cmark_node *parent, cmark_node_type type, const char *s);
/* A heading of level (1 to 6) appended to parent. */
cmark_node *qz_cm_add_heading(bool *ok, cmark_node *parent, int level);
/* Renders doc as CommonMark, unwrapped (width 0: each item and each table row stays on one
 * line), writes it to out and frees doc. doc NULL means that building ran out of memory. */
qz_status qz_cm_write_commonmark(cmark_node *doc, FILE *out, qz_error *err);

#endif
