/* check_json.c — the findings of every file as one JSON document, built with jansson:
 * {"version":1,"files":[{"path","diagnostics":[…]}],"summary":{"errors","warnings"}}. Every
 * file given appears, even one without findings, so that a consumer can tell "checked and
 * clean" from "not checked". It is compact, on one line: it is for programs (jq reads it
 * pretty), and a consumer reads it whole, so it is one document rather than JSON Lines. */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "internal.h"

/* json_object_set_new that remembers a failure instead of checking at every call (jansson
 * releases value when obj is NULL, so a failed json_object() leaks nothing). */
static void set(json_t *obj, const char *key, json_t *value, bool *ok)
{
    if (!value || json_object_set_new(obj, key, value) != 0)
        *ok = false;
}

static void append(json_t *arr, json_t *value, bool *ok)
{
    if (!value || json_array_append_new(arr, value) != 0)
        *ok = false;
}

/* A file name as a JSON string. Names are bytes, and a report copied from Windows may well
 * have a GBK one, which jansson refuses as a string: its invalid bytes become U+FFFD rather
 * than the whole output failing. */
static json_t *path_string(const char *path)
{
    json_t *s = json_string(path);
    if (s)
        return s;
    qz_buf b = {0};
    size_t len = strlen(path);
    for (size_t i = 0; i < len;) {
        size_t n;
        uint32_t cp = qz_utf8_decode(path + i, len - i, &n);
        bool bad = cp == 0xFFFD || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF ||
                   (n == 2 && cp < 0x80) || (n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000);
        if (bad)
            qz_buf_puts(&b, "\xEF\xBF\xBD");
        else
            qz_buf_append(&b, path + i, n);
        i += n;
    }
    char *clean = qz_buf_release(&b, NULL);
    s = clean ? json_string(clean) : NULL;
    free(clean);
    return s;
}

/* Where [start, end) ends: the line of its last character and the column just past it. Not
 * qz_doc_position(end) when the span ends a joined line: that is the next line's column 1,
 * and a region up to there would take in the line break the loader removed. */
static void end_position(const qz_doc *doc, size_t start, size_t end, size_t *line,
                         size_t *col)
{
    if (end <= start || doc->text[end - 1] == '\n') {
        qz_doc_position(doc, end, line, col);
        return;
    }
    size_t last = end - 1;
    while (last > start && ((unsigned char)doc->text[last] & 0xC0) == 0x80)
        last--;
    qz_doc_position(doc, last, line, col);
    *col += 1;
}

static json_t *diagnostic(const qz_doc *doc, const qz_diag *d, bool *ok)
{
    json_t *o = json_object();
    size_t line, col, end_line, end_col;
    qz_doc_position(doc, d->start, &line, &col);
    end_position(doc, d->start, d->end, &end_line, &end_col);
    set(o, "rule", json_string(d->rule), ok);
    set(o, "severity", json_string(qz_severity_name(d->severity)), ok);
    set(o, "line", json_integer((json_int_t)line), ok);
    set(o, "column", json_integer((json_int_t)col), ok);
    set(o, "endLine", json_integer((json_int_t)end_line), ok);
    set(o, "endColumn", json_integer((json_int_t)end_col), ok);
    /* Byte offsets into the document as qzreport holds it: UTF-8 with LF line ends and broken
     * lines joined, so not offsets into a GB18030 or CRLF file; line and column are the ones
     * that point into the original. */
    set(o, "byteStart", json_integer((json_int_t)d->start), ok);
    set(o, "byteEnd", json_integer((json_int_t)d->end), ok);
    set(o, "message", json_string(d->message), ok);
    set(o, "fix", d->fix ? json_string(d->fix) : json_null(), ok);
    return o;
}

static json_t *file(const qz_check_file *f, size_t *errors, size_t *warnings, bool *ok)
{
    json_t *o = json_object(), *diags = json_array();
    set(o, "path", path_string(f->doc->source), ok);
    set(o, "diagnostics", diags, ok);
    for (size_t i = 0; *ok && f->check && i < f->check->n; i++) {
        const qz_diag *d = &f->check->items[i];
        if (d->severity == QZ_SEV_OFF) /* a rule turned off reports nothing */
            continue;
        *(d->severity == QZ_SEV_ERROR ? errors : warnings) += 1;
        append(diags, diagnostic(f->doc, d, ok), ok);
    }
    return o;
}

static json_t *document(const qz_check_file *files, size_t n, bool *ok)
{
    json_t *root = json_object(), *arr = json_array(), *summary = json_object();
    set(root, "version", json_integer(1), ok);
    set(root, "files", arr, ok);
    size_t errors = 0, warnings = 0;
    for (size_t f = 0; *ok && f < n; f++)
        append(arr, file(&files[f], &errors, &warnings, ok), ok);
    set(summary, "errors", json_integer((json_int_t)errors), ok);
    set(summary, "warnings", json_integer((json_int_t)warnings), ok);
    set(root, "summary", summary, ok);
    return root;
}

qz_status qz_check_render_json(const qz_check_file *files, size_t n,
                               const qz_check_render_options *o, char **out, size_t *len,
                               qz_error *err)
{
    (void)o; /* messages come already in the chosen language */
    bool ok = true;
    json_t *root = document(files, n, &ok);
    char *text = ok ? json_dumps(root, JSON_COMPACT) : NULL;
    json_decref(root);
    if (!text)
        return qz_fail(err, QZ_ERR_NOMEM, NULL, 0, 0, "out of memory");
    qz_buf b = {0};
    qz_buf_puts(&b, text);
    qz_buf_puts(&b, "\n");
    free(text);
    *out = qz_buf_release(&b, len);
    return *out ? QZ_OK : qz_fail(err, QZ_ERR_NOMEM, NULL, 0, 0, "out of memory");
}
