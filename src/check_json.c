/* check_json.c — the findings of every file as one JSON document, written with jansson:
 * {"version":1,"files":[{"file","diagnostics":[…]}],"summary":{"errors","warnings"}}. Every
 * file given appears, even one without findings, so that a consumer can tell "checked and
 * clean" from "not checked", and one that could not be checked as {"file","error"}. It is compact, on one line: it is for programs (jq reads it
 * pretty), and a consumer reads it whole, so it is one document rather than JSON Lines.
 * Messages come already in the chosen language: nothing here depends on the options. */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "check_render.h"

static json_t *diagnostic(const qz_doc *doc, const qz_diag *d, bool *ok)
{
    json_t *o = json_object();
    size_t line, col, end_line, end_col;
    qz_doc_position(doc, d->start, &line, &col);
    qz_doc_span_end(doc, d->start, d->end, &end_line, &end_col);
    qz_json_set(o, "rule", json_string(d->rule), ok);
    qz_json_set(o, "severity", json_string(qz_severity_name(d->severity)), ok);
    qz_json_set(o, "line", json_integer((json_int_t)line), ok);
    qz_json_set(o, "column", json_integer((json_int_t)col), ok);
    qz_json_set(o, "endLine", json_integer((json_int_t)end_line), ok);
    qz_json_set(o, "endColumn", json_integer((json_int_t)end_col), ok);
    /* Byte offsets into the document as qzreport holds it: UTF-8 with LF line ends and broken
     * lines joined, so not offsets into a GB18030 or CRLF file; line and column are the ones
     * that point into the original. */
    qz_json_set(o, "byteStart", json_integer((json_int_t)d->start), ok);
    qz_json_set(o, "byteEnd", json_integer((json_int_t)d->end), ok);
    qz_json_set(o, "message", json_string(d->message), ok);
    qz_json_set(o, "fix", d->fix ? json_string(d->fix) : json_null(), ok);
    return o;
}

/* The enclosing brackets, commas and constant keys are written here; each file's path, each
 * finding and the summary are dumped by jansson as they come, so the bytes are those of the
 * one tree this format used to build, without holding it. */

typedef struct {
    size_t in_file; /* findings written in the current file */
} state;

static bool begin(qz_check_ctx *c)
{
    qz_buf_puts(c->out, "{\"version\":1,\"files\":[");
    return true;
}

static bool file_begin(qz_check_ctx *c)
{
    state *s = c->data;
    s->in_file = 0;
    qz_buf_puts(c->out, c->file > 0 ? ",{\"file\":" : "{\"file\":");
    if (!qz_json_dump_into(c->out, qz_json_path(c->doc->source), JSON_COMPACT, 0))
        return false;
    qz_buf_puts(c->out, ",\"diagnostics\":[");
    return true;
}

static bool finding(qz_check_ctx *c, const qz_diag *d, size_t i)
{
    (void)i;
    state *s = c->data;
    if (s->in_file++ > 0)
        qz_buf_puts(c->out, ",");
    bool ok = true;
    json_t *o = diagnostic(c->doc, d, &ok);
    if (!ok) {
        json_decref(o);
        return false;
    }
    return qz_json_dump_into(c->out, o, JSON_COMPACT, 0);
}

static bool file_end(qz_check_ctx *c)
{
    qz_buf_puts(c->out, "]}");
    return true;
}

/* {"file": …, "error": …}: a file that could not be checked, among the others. */
static bool failed(qz_check_ctx *c, const char *path, const qz_error *why)
{
    qz_buf text = {0};
    qz_check_failure_text(&text, why);
    char *message = qz_buf_release(&text, NULL);
    bool ok = message != NULL;
    json_t *o = json_object();
    qz_json_set(o, "file", qz_json_path(path), &ok);
    qz_json_set(o, "error", message ? qz_json_path(message) : NULL, &ok); /* as valid UTF-8 */
    free(message);
    if (!ok) {
        json_decref(o);
        return false;
    }
    if (c->file > 0)
        qz_buf_puts(c->out, ",");
    return qz_json_dump_into(c->out, o, JSON_COMPACT, 0);
}

static bool end(qz_check_ctx *c)
{
    bool ok = true;
    json_t *summary = json_object();
    qz_json_set(summary, "errors", json_integer((json_int_t)c->errors), &ok);
    qz_json_set(summary, "warnings", json_integer((json_int_t)c->warnings), &ok);
    if (!ok) {
        json_decref(summary);
        return false;
    }
    qz_buf_puts(c->out, "],\"summary\":");
    if (!qz_json_dump_into(c->out, summary, JSON_COMPACT, 0))
        return false;
    qz_buf_puts(c->out, "}\n");
    return true;
}

const qz_check_format_ops qz_check_json_format = {
    .data_size = sizeof(state),
    .begin = begin,
    .file_begin = file_begin,
    .finding = finding,
    .file_end = file_end,
    .failed = failed,
    .end = end,
};
