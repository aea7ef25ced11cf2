/* tsv.c — the figures as tab-separated lines, for awk, cut and sort:
 * [FILE<TAB>]KEY<TAB>VALUE<TAB>QUALIFIER<TAB>UNIT<TAB>LINE<TAB>QUOTE. QUALIFIER is the
 * qualifier's name (exact, more, about, near, less, range, vague), so 10多件 (more) is told from
 * 10件 (exact). A generic quantity's key is "quantity". Tabs and line ends inside a quote become
 * spaces, so every record is one line. Each line is written as it is laid out. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "metrics_render.h"

/* Writes s[0..n) with tabs and line ends as spaces: the runs between them as they are. */
static bool put_field(FILE *f, const char *s, size_t n)
{
    bool ok = true;
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] != '\t' && s[i] != '\n' && s[i] != '\r')
            continue;
        ok = ok && qz_write(f, s + run, i - run) && qz_write(f, " ", 1);
        run = i + 1;
    }
    return ok && qz_write(f, s + run, n - run);
}

static qz_status nothing(qz_metrics_writer *w, qz_error *err)
{
    (void)w, (void)err;
    return QZ_OK;
}

static qz_status quantity(qz_metrics_writer *w, const qz_quantity *q, qz_error *err)
{
    const qz_doc *doc = w->v.doc;
    FILE *out = w->out;
    char value[100], line[32];
    qz_quantity_value(q, value, sizeof value);
    snprintf(line, sizeof line, "\t%zu\t", qz_doc_line(doc, q->start));
    bool ok = !w->v.with_file ||
              (put_field(out, doc->source, strlen(doc->source)) && qz_write(out, "\t", 1));
    ok = ok && qz_write_str(out, q->key ? q->key : "quantity") && qz_write(out, "\t", 1) &&
         qz_write_str(out, value) && qz_write(out, "\t", 1) &&
         qz_write_str(out, qz_qualifier_name(q->qualifier)) && qz_write(out, "\t", 1) &&
         qz_write_str(out, q->unit) && qz_write_str(out, line) &&
         put_field(out, doc->text + q->quote.start, q->quote.len) && qz_write(out, "\n", 1);
    return ok ? QZ_OK : qz_write_fail(err, errno);
}

const qz_metrics_format_ops qz_metrics_tsv_format = {nothing, quantity, nothing, NULL};
