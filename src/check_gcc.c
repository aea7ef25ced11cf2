/* check_gcc.c — the findings of `qzreport check` as compiler diagnostics,
 * FILE:LINE:COL: error: MESSAGE [RULE], one line each and nothing else, which editors (Vim's
 * quickfix, Emacs' compilation mode) and CI log parsers already read. The severity words stay
 * English whatever the language of the messages, because those tools match them. Nothing here
 * depends on the options: the line is the same in every language. */
#include <stdio.h>

#include "check_render.h"

static bool finding(qz_check_ctx *c, const qz_diag *d, size_t i)
{
    (void)i;
    size_t line, col;
    qz_doc_position(c->doc, d->start, &line, &col);
    char pos[64];
    snprintf(pos, sizeof pos, ":%zu:%zu: ", line, col);
    qz_buf_puts(c->out, c->doc->source);
    qz_buf_puts(c->out, pos);
    qz_buf_puts(c->out, qz_severity_name(d->severity));
    qz_buf_puts(c->out, ": ");
    qz_buf_puts(c->out, d->message);
    qz_buf_puts(c->out, " [");
    qz_buf_puts(c->out, d->rule);
    qz_buf_puts(c->out, "]\n");
    return true;
}

const qz_check_format_ops qz_check_gcc_format = {.finding = finding};
