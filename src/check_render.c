/* check_render.c — the one driver of the check output, as cmark's render.c: it walks the files
 * it is given one at a time and their findings, leaves out the findings of rules turned off
 * (here and nowhere else), counts the errors and warnings reported, and calls the format's
 * steps (check_render.h), which write into a buffer; the buffer goes to the caller's stream
 * after each file, and within a file whenever it holds FLUSH_AT bytes, so that memory holds one
 * file's findings at most, never the whole run's output. Nothing of a file is kept once its
 * add returns: the caller may free the document and its findings then. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "check_render.h"

/* The buffer is written out when it reaches this size, even within a file. */
#define FLUSH_AT ((size_t)64 * 1024)

struct qz_check_renderer {
    const qz_check_format_ops *ops;
    qz_check_render_options options;
    FILE *stream;
    qz_buf buf;
    qz_check_ctx ctx;
    bool finished;
    qz_status status; /* the first failure, which every later call returns again */
    qz_error error;
};

static const qz_check_format_ops *format_ops(qz_check_format format)
{
    switch (format) {
    case QZ_CHECK_TEXT:
        return &qz_check_text_format;
    case QZ_CHECK_GCC:
        return &qz_check_gcc_format;
    case QZ_CHECK_GITHUB:
        return &qz_check_github_format;
    case QZ_CHECK_JSON:
        return &qz_check_json_format;
    case QZ_CHECK_SARIF:
        return &qz_check_sarif_format;
    }
    return NULL;
}

/* The renderer's failure, again. */
static qz_status again(const qz_check_renderer *r, qz_error *err)
{
    if (err)
        *err = r->error;
    return r->status;
}

/* Records the renderer's first failure and returns it; what is translated already. */
static qz_status failed(qz_check_renderer *r, qz_error *err, qz_status status, const char *what)
{
    if (r->status == QZ_OK)
        r->status = qz_fail(&r->error, status, NULL, 0, 0, QZ_VERBATIM, what);
    return again(r, err);
}

/* After a step: fails if it ran out of memory; writes the buffer to the stream when it is
 * full, or in any case (all). A write error has no path: the caller knows the stream's name. */
static qz_status settle(qz_check_renderer *r, bool ok, bool all, qz_error *err)
{
    if (!ok || r->buf.failed)
        return failed(r, err, QZ_ERR_NOMEM, _("out of memory"));
    if (r->buf.len == 0 || (!all && r->buf.len < FLUSH_AT))
        return QZ_OK;
    errno = 0;
    char why[200];
    if (fwrite(r->buf.data, 1, r->buf.len, r->stream) != r->buf.len)
        return failed(r, err, QZ_ERR_IO, qz_strerror(errno ? errno : EIO, why, sizeof why));
    r->buf.len = 0;
    return QZ_OK;
}

qz_status qz_check_renderer_new(qz_check_renderer **out, qz_check_format format,
                                const qz_check_render_options *o, FILE *stream, qz_error *err)
{
    *out = NULL;
    const qz_check_format_ops *ops = format_ops(format);
    if (!ops || !stream)
        return qz_fail(err, QZ_ERR_INTERNAL, NULL, 0, 0, "no such check format or no stream");
    qz_check_renderer *r = calloc(1, sizeof *r);
    if (!r || (ops->data_size && !(r->ctx.data = calloc(1, ops->data_size)))) {
        free(r);
        return qz_fail(err, QZ_ERR_NOMEM, NULL, 0, 0, "out of memory");
    }
    r->ops = ops;
    if (o)
        r->options = *o;
    r->stream = stream;
    r->ctx.out = &r->buf;
    r->ctx.o = &r->options;
    /* the start is only buffered: it reaches the stream with the first file, or at the end */
    bool ok = !ops->begin || ops->begin(&r->ctx);
    if (!ok || r->buf.failed) {
        qz_check_renderer_free(r);
        return qz_fail(err, QZ_ERR_NOMEM, NULL, 0, 0, "out of memory");
    }
    *out = r;
    return QZ_OK;
}

/* Walks one file through the format's steps. */
static qz_status render_file(qz_check_renderer *r, qz_error *err)
{
    const qz_check_format_ops *ops = r->ops;
    qz_check_ctx *c = &r->ctx;
    qz_status st = settle(r, !ops->file_begin || ops->file_begin(c), false, err);
    for (size_t i = 0; st == QZ_OK && i < c->check->n; i++) {
        const qz_diag *d = &c->check->items[i];
        if (d->severity == QZ_SEV_OFF) /* a rule turned off reports nothing, in any format */
            continue;
        *(d->severity == QZ_SEV_ERROR ? &c->errors : &c->warnings) += 1;
        st = settle(r, !ops->finding || ops->finding(c, d, i), false, err);
    }
    if (st == QZ_OK)
        st = settle(r, !ops->file_end || ops->file_end(c), true, err);
    return st;
}

qz_status qz_check_renderer_add(qz_check_renderer *r, const qz_doc *doc, const qz_check *check,
                                qz_error *err)
{
    static const qz_check none = {0};
    if (r->status != QZ_OK)
        return again(r, err);
    if (r->finished)
        return qz_fail(err, QZ_ERR_INTERNAL, NULL, 0, 0, "a file added after the output ended");
    r->ctx.doc = doc;
    r->ctx.check = check ? check : &none;
    qz_status st = render_file(r, err);
    r->ctx.doc = NULL; /* nothing of the file is kept past this call */
    r->ctx.check = NULL;
    r->ctx.file++;
    return st;
}

qz_status qz_check_renderer_add_failed(qz_check_renderer *r, const char *path,
                                       const qz_error *why, qz_error *err)
{
    if (r->status != QZ_OK)
        return again(r, err);
    if (r->finished)
        return qz_fail(err, QZ_ERR_INTERNAL, NULL, 0, 0, "a file added after the output ended");
    r->ctx.failed++;
    bool ok = !r->ops->failed || r->ops->failed(&r->ctx, path ? path : "", why);
    qz_status st = settle(r, ok, true, err);
    r->ctx.file++;
    return st;
}

void qz_check_failure_text(qz_buf *b, const qz_error *why)
{
    if (why->line && why->column)
        qz_buf_printf(b, "%zu:%zu: ", why->line, why->column);
    else if (why->line)
        qz_buf_printf(b, "%zu: ", why->line);
    qz_buf_puts(b, why->message);
}

qz_status qz_check_renderer_finish(qz_check_renderer *r, qz_error *err)
{
    if (r->status != QZ_OK)
        return again(r, err);
    if (r->finished)
        return qz_fail(err, QZ_ERR_INTERNAL, NULL, 0, 0, "the output is already finished");
    r->finished = true;
    qz_status st = settle(r, !r->ops->end || r->ops->end(&r->ctx), true, err);
    errno = 0;
    char why[200];
    if (st == QZ_OK && fflush(r->stream) != 0)
        st = failed(r, err, QZ_ERR_IO, qz_strerror(errno ? errno : EIO, why, sizeof why));
    return st;
}

void qz_check_renderer_free(qz_check_renderer *r)
{
    if (!r)
        return;
    if (r->ops->release)
        r->ops->release(&r->ctx);
    free(r->ctx.data);
    qz_buf_free(&r->buf);
    free(r);
}

/* ---- jansson's dump into the buffer, indented ---- */

typedef struct {
    qz_buf *b;
    size_t indent;
} dump_target;

static int dump_chunk(const char *s, size_t n, void *data)
{
    const dump_target *t = data;
    static const char spaces[] = "                                ";
    /* a JSON string has no raw line break (jansson writes \n): each one is between values */
    for (const char *nl; n > 0 && t->indent > 0 && (nl = memchr(s, '\n', n)) != NULL;) {
        size_t k = (size_t)(nl - s) + 1;
        qz_buf_append(t->b, s, k);
        for (size_t left = t->indent; left > 0;) {
            size_t m = left < sizeof spaces - 1 ? left : sizeof spaces - 1;
            qz_buf_append(t->b, spaces, m);
            left -= m;
        }
        s += k;
        n -= k;
    }
    qz_buf_append(t->b, s, n);
    return t->b->failed ? -1 : 0;
}

bool qz_json_dump_into(qz_buf *b, json_t *v, size_t flags, size_t indent)
{
    dump_target t = {b, indent};
    bool ok = v && json_dump_callback(v, dump_chunk, &t, flags | JSON_ENCODE_ANY) == 0;
    json_decref(v);
    return ok && !b->failed;
}
