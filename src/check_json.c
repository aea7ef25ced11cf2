/* check_json.c — the findings of every file as one JSON document, built with jansson:
 * {"version":1,"files":[{"path","diagnostics":[…]}],"summary":{"errors","warnings"}}. Every
 * file given appears, even one without findings, so that a consumer can tell "checked and
 * clean" from "not checked". It is compact, on one line: it is for programs (jq reads it
 * pretty), and a consumer reads it whole, so it is one document rather than JSON Lines. */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "internal.h"

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

static json_t *file(const qz_check_file *f, size_t *errors, size_t *warnings, bool *ok)
{
    json_t *o = json_object(), *diags = json_array();
    qz_json_set(o, "path", qz_json_path(f->doc->source), ok);
    qz_json_set(o, "diagnostics", diags, ok);
    for (size_t i = 0; *ok && f->check && i < f->check->n; i++) {
        const qz_diag *d = &f->check->items[i];
        if (d->severity == QZ_SEV_OFF) /* a rule turned off reports nothing */
            continue;
        *(d->severity == QZ_SEV_ERROR ? errors : warnings) += 1;
        qz_json_append(diags, diagnostic(f->doc, d, ok), ok);
    }
    return o;
}

static json_t *document(const qz_check_file *files, size_t n, bool *ok)
{
    json_t *root = json_object(), *arr = json_array(), *summary = json_object();
    qz_json_set(root, "version", json_integer(1), ok);
    qz_json_set(root, "files", arr, ok);
    size_t errors = 0, warnings = 0;
    for (size_t f = 0; *ok && f < n; f++)
        qz_json_append(arr, file(&files[f], &errors, &warnings, ok), ok);
    qz_json_set(summary, "errors", json_integer((json_int_t)errors), ok);
    qz_json_set(summary, "warnings", json_integer((json_int_t)warnings), ok);
    qz_json_set(root, "summary", summary, ok);
    return root;
}

qz_status qz_check_render_json(const qz_check_file *files, size_t n,
                               const qz_check_render_options *o, char **out, size_t *len,
                               qz_error *err)
{
    (void)o; /* messages come already in the chosen language */
    bool ok = true;
    json_t *root = document(files, n, &ok);
    return qz_json_render(root, ok, JSON_COMPACT, out, len, err);
}
