/* metrics_render.c — the one driver of the figures' output: a writer begins a report's figures,
 * takes them one at a time (each written at once: the report's quantities need not be held,
 * see qz_metrics_stream), leaves out what the view does not ask for (later mentions, unless
 * `all`), and ends with the rates. The format files hold only their steps. */
#include <stdlib.h>

#include "metrics_render.h"

static const qz_metrics_format_ops *format_ops(qz_metrics_format format)
{
    switch (format) {
    case QZ_METRICS_TSV:
        return &qz_metrics_tsv_format;
    case QZ_METRICS_JSON:
        return &qz_metrics_json_format;
    case QZ_METRICS_YAML:
        return &qz_metrics_yaml_format;
    case QZ_METRICS_ENV:
        return &qz_metrics_env_format;
    }
    return NULL;
}

/* Keeps a step's failure, which every later call returns again. */
static qz_status step(qz_metrics_writer *w, qz_status st, qz_error *err)
{
    if (st != QZ_OK && w->status == QZ_OK) {
        w->status = st;
        if (err)
            w->error = *err;
    }
    if (w->status != QZ_OK && err)
        *err = w->error;
    return w->status;
}

qz_status qz_metrics_writer_new(qz_metrics_writer **out, qz_metrics_format format,
                                const qz_metrics_view *view, FILE *stream, qz_error *err)
{
    *out = NULL;
    const qz_metrics_format_ops *ops = format_ops(format);
    if (!ops)
        return qz_fail(err, QZ_ERR_INTERNAL, NULL, 0, 0, "unknown metrics format");
    qz_metrics_writer *w = calloc(1, sizeof *w);
    if (!w)
        return qz_fail(err, QZ_ERR_NOMEM, NULL, 0, 0, "out of memory");
    *w = (qz_metrics_writer){.ops = ops, .v = *view, .out = stream};
    w->v.metrics = NULL;
    qz_status st = ops->begin(w, err);
    if (st != QZ_OK) {
        qz_metrics_writer_free(w);
        return st;
    }
    *out = w;
    return QZ_OK;
}

qz_status qz_metrics_writer_add(qz_metrics_writer *w, const qz_quantity *q, qz_error *err)
{
    if (w->status != QZ_OK)
        return step(w, QZ_OK, err);
    if (!q->first && !w->v.all)
        return QZ_OK;
    return step(w, w->ops->quantity(w, q, err), err);
}

qz_status qz_metrics_writer_finish(qz_metrics_writer *w, const qz_metrics *m, qz_error *err)
{
    if (w->status != QZ_OK)
        return step(w, QZ_OK, err);
    if (w->finished)
        return qz_fail(err, QZ_ERR_INTERNAL, NULL, 0, 0, "the output is already finished");
    w->finished = true;
    w->v.metrics = m;
    return step(w, w->ops->end(w, err), err);
}

void qz_metrics_writer_free(qz_metrics_writer *w)
{
    if (!w)
        return;
    if (w->ops->release)
        w->ops->release(w);
    free(w);
}

qz_status qz_metrics_render_failed(qz_metrics_format format, const char *path,
                                   const qz_error *why, FILE *stream, qz_error *err)
{
    const qz_metrics_format_ops *ops = format_ops(format);
    if (!ops)
        return qz_fail(err, QZ_ERR_INTERNAL, NULL, 0, 0, "unknown metrics format");
    return ops->failed ? ops->failed(stream, path ? path : "", why->message, err) : QZ_OK;
}

/* The whole of a report's figures at once: what the writer does with every quantity kept. */
static qz_status render(qz_metrics_format format, const qz_metrics_view *v, FILE *out,
                        qz_error *err)
{
    qz_metrics_writer *w;
    qz_status st = qz_metrics_writer_new(&w, format, v, out, err);
    for (size_t i = 0; st == QZ_OK && i < v->metrics->n; i++)
        st = qz_metrics_writer_add(w, &v->metrics->items[i], err);
    if (st == QZ_OK)
        st = qz_metrics_writer_finish(w, v->metrics, err);
    qz_metrics_writer_free(w);
    return st;
}

qz_status qz_metrics_render_tsv(const qz_metrics_view *v, FILE *out, qz_error *err)
{
    return render(QZ_METRICS_TSV, v, out, err);
}

qz_status qz_metrics_render_json(const qz_metrics_view *v, FILE *out, qz_error *err)
{
    return render(QZ_METRICS_JSON, v, out, err);
}

qz_status qz_metrics_render_yaml(const qz_metrics_view *v, FILE *out, qz_error *err)
{
    return render(QZ_METRICS_YAML, v, out, err);
}

qz_status qz_metrics_render_env(const qz_metrics_view *v, FILE *out, qz_error *err)
{
    return render(QZ_METRICS_ENV, v, out, err);
}
