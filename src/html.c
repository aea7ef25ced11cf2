/* summary_html.c — the summary of one report as an HTML page: the cmark tree of
 * markdown.c rendered by cmark_render_html, inside a minimal page that declares UTF-8
 * (without it a browser may guess another encoding for the Chinese text). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <cmark.h>

#include "internal.h"

static const char page_head[] = "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n"
                                "<title>qzreport summary</title>\n</head>\n<body>\n";
static const char page_tail[] = "</body>\n</html>\n";

qz_status qz_summary_render_html(const qz_summary *s, FILE *out, qz_error *err)
{
    cmark_node *doc = qz_summary_tree(s);
    if (!doc)
        return qz_fail(err, QZ_ERR_NOMEM, NULL, 0, 0, "out of memory");
    /* CMARK_OPT_DEFAULT is safe mode: raw HTML in the report's text is escaped, never passed */
    char *body = cmark_render_html(doc, CMARK_OPT_DEFAULT);
    cmark_node_free(doc);
    if (!body)
        return qz_fail(err, QZ_ERR_NOMEM, NULL, 0, 0, "out of memory");
    bool ok = qz_write_str(out, page_head) && qz_write_str(out, body) &&
              qz_write_str(out, page_tail);
    int e = errno;
    free(body);
    return ok ? QZ_OK : qz_write_fail(err, e);
}
