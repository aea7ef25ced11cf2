/* cmark_build.c — appending cmark nodes and writing a tree as CommonMark (cmark_build.h). */
#include <errno.h>
#include <stdlib.h>

#include "cmark_build.h"

cmark_node *qz_cm_add(bool *ok, cmark_node *parent, cmark_node_type type)
{
    if (!parent)
        return NULL;
    cmark_node *n = cmark_node_new(type);
    if (!n || !cmark_node_append_child(parent, n)) {
        cmark_node_free(n);
        *ok = false;
        return NULL;
    }
    return n;
}

void qz_cm_add_literal(bool *ok, cmark_node *parent, cmark_node_type type, const char *s)
{
    cmark_node *n = qz_cm_add(ok, parent, type);
    if (n && !cmark_node_set_literal(n, s ? s : ""))
        *ok = false;
}

cmark_node *qz_cm_add_heading(bool *ok, cmark_node *parent, int level)
{
    cmark_node *h = qz_cm_add(ok, parent, CMARK_NODE_HEADING);
    if (h)
        cmark_node_set_heading_level(h, level);
    return h;
}

qz_status qz_cm_write_commonmark(cmark_node *doc, FILE *out, qz_error *err)
{
    char *text = doc ? cmark_render_commonmark(doc, CMARK_OPT_DEFAULT, 0) : NULL;
    cmark_node_free(doc);
    if (!text)
        return qz_fail(err, QZ_ERR_NOMEM, NULL, 0, 0, "out of memory");
    bool ok = qz_write_str(out, text);
    int e = errno;
    free(text);
    return ok ? QZ_OK : qz_write_fail(err, e);
}
