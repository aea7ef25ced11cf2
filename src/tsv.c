/* tsv.c — the figures as tab-separated lines, for awk, cut and sort:
 * [FILE<TAB>]KEY<TAB>VALUE<TAB>QUALIFIER<TAB>UNIT<TAB>LINE<TAB>QUOTE. QUALIFIER is the
 * qualifier's name (exact, more, about, near, less, range, vague), so 10多件 (more) is told from
 * 10件 (exact). A generic quantity's key is "quantity". Tabs and line ends inside a quote become
 * spaces, so every record is one line. */
#include <stdio.h>
#include <string.h>

#include "internal.h"

static void put_field(qz_buf *b, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        char c = s[i] == '\t' || s[i] == '\n' || s[i] == '\r' ? ' ' : s[i];
        qz_buf_append(b, &c, 1);
    }
}

qz_status qz_metrics_render_tsv(const qz_metrics_view *v, char **out, size_t *len, qz_error *err)
{
    qz_buf b = {0};
    const qz_doc *doc = v->doc;
    for (size_t i = 0; i < v->metrics->n; i++) {
        const qz_quantity *q = &v->metrics->items[i];
        if (!q->first && !v->all)
            continue;
        char value[100], line[32];
        qz_quantity_value(q, value, sizeof value);
        snprintf(line, sizeof line, "%zu", qz_doc_line(doc, q->start));
        if (v->with_file) {
            put_field(&b, doc->source, strlen(doc->source));
            qz_buf_puts(&b, "\t");
        }
        qz_buf_puts(&b, q->key ? q->key : "quantity");
        qz_buf_puts(&b, "\t");
        qz_buf_puts(&b, value);
        qz_buf_puts(&b, "\t");
        qz_buf_puts(&b, qz_qualifier_name(q->qualifier));
        qz_buf_puts(&b, "\t");
        qz_buf_puts(&b, q->unit);
        qz_buf_puts(&b, "\t");
        qz_buf_puts(&b, line);
        qz_buf_puts(&b, "\t");
        put_field(&b, doc->text + q->quote.start, q->quote.len);
        qz_buf_puts(&b, "\n");
    }
    *out = qz_buf_release(&b, len);
    return *out ? QZ_OK : qz_fail(err, QZ_ERR_NOMEM, NULL, 0, 0, "out of memory");
}
