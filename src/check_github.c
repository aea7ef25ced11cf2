/* check_github.c — the findings as GitHub Actions workflow commands,
 * ::error file=F,line=L,col=C,endLine=EL,endColumn=E,title=RULE::MESSAGE, which the runner
 * turns into annotations on the pull request's diff. Escaping follows @actions/core's
 * escapeData and escapeProperty exactly, so that a message with a newline or a file name with
 * a comma cannot end the command early or forge another property. Columns count code
 * points from 1; the end is the column just past the finding. */
#include <stdio.h>

#include "check_render.h"

/* escapeData: what may not appear in a command's message. */
static void put_data(qz_buf *b, const char *s, bool property)
{
    for (; *s; s++) {
        switch (*s) {
        case '%':
            qz_buf_puts(b, "%25");
            break;
        case '\r':
            qz_buf_puts(b, "%0D");
            break;
        case '\n':
            qz_buf_puts(b, "%0A");
            break;
        case ':': /* escapeProperty adds these two: they end a property list and a value */
            qz_buf_puts(b, property ? "%3A" : ":");
            break;
        case ',':
            qz_buf_puts(b, property ? "%2C" : ",");
            break;
        default:
            qz_buf_append(b, s, 1);
        }
    }
}

static void put_number(qz_buf *b, const char *name, size_t v)
{
    char s[48];
    snprintf(s, sizeof s, ",%s=%zu", name, v);
    qz_buf_puts(b, s);
}

static void put_command(qz_buf *b, const qz_doc *doc, const qz_diag *d)
{
    size_t line, col, end_line, end_col;
    qz_doc_position(doc, d->start, &line, &col);
    qz_doc_span_end(doc, d->start, d->end, &end_line, &end_col);
    qz_buf_puts(b, "::");
    qz_buf_puts(b, qz_severity_name(d->severity));
    qz_buf_puts(b, " file=");
    put_data(b, doc->source, true);
    put_number(b, "line", line);
    /* GitHub's annotations take columns only within one line and reject them otherwise, so a
     * finding across lines is marked by its lines alone. */
    if (end_line == line)
        put_number(b, "col", col);
    put_number(b, "endLine", end_line);
    if (end_line == line)
        put_number(b, "endColumn", end_col);
    qz_buf_puts(b, ",title=");
    put_data(b, d->rule, true);
    qz_buf_puts(b, "::");
    put_data(b, d->message, false);
    qz_buf_puts(b, "\n");
}

/* Annotations have no colour, and every finding is shown. */
static bool finding(qz_check_ctx *c, const qz_diag *d, size_t i)
{
    (void)i;
    put_command(c->out, c->doc, d);
    return true;
}

/* A file that could not be checked: an error annotation on the file, with no line. */
static bool failed(qz_check_ctx *c, const char *path, const qz_error *why)
{
    qz_buf text = {0};
    qz_check_failure_text(&text, why);
    qz_buf_puts(c->out, "::error file=");
    put_data(c->out, path, true);
    qz_buf_puts(c->out, "::");
    put_data(c->out, text.data ? text.data : "", false);
    qz_buf_puts(c->out, "\n");
    bool ok = !text.failed;
    qz_buf_free(&text);
    return ok;
}

const qz_check_format_ops qz_check_github_format = {.finding = finding, .failed = failed};
