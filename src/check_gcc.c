/* check_gcc.c — the findings of `qzreport check` as compiler diagnostics,
 * FILE:LINE:COL: error: MESSAGE [RULE], one line each and nothing else, which editors (Vim's
 * quickfix, Emacs' compilation mode) and CI log parsers already read. The severity words stay
 * English whatever the language of the messages, because those tools match them. */
#include <stdio.h>

#include "internal.h"

qz_status qz_check_render_gcc(const qz_check_file *files, size_t n,
                              const qz_check_render_options *o, char **out, size_t *len,
                              qz_error *err)
{
    (void)o; /* nothing here depends on the options: the line is the same in every language */
    qz_buf b = {0};
    for (size_t f = 0; f < n; f++) {
        const qz_doc *doc = files[f].doc;
        const qz_check *check = files[f].check;
        for (size_t i = 0; check && i < check->n; i++) {
            const qz_diag *d = &check->items[i];
            if (d->severity == QZ_SEV_OFF) /* a rule turned off reports nothing */
                continue;
            size_t line, col;
            qz_doc_position(doc, d->start, &line, &col);
            char pos[64];
            snprintf(pos, sizeof pos, ":%zu:%zu: ", line, col);
            qz_buf_puts(&b, doc->source);
            qz_buf_puts(&b, pos);
            qz_buf_puts(&b, qz_severity_name(d->severity));
            qz_buf_puts(&b, ": ");
            qz_buf_puts(&b, d->message);
            qz_buf_puts(&b, " [");
            qz_buf_puts(&b, d->rule);
            qz_buf_puts(&b, "]\n");
        }
    }
    *out = qz_buf_release(&b, len);
    return *out ? QZ_OK : qz_fail(err, QZ_ERR_NOMEM, NULL, 0, 0, "out of memory");
}
