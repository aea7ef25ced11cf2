/* metrics_render.h — what the metrics writer (metrics_render.c) and its formats (tsv.c,
 * json.c, yaml.c, env.c) share. Ownership: a writer owns its format's state and frees it in
 * release; the view's doc and outline are the caller's and must outlive the writer. */
#ifndef QZ_METRICS_RENDER_H
#define QZ_METRICS_RENDER_H

#include "internal.h"

typedef struct qz_metrics_format_ops qz_metrics_format_ops;

struct qz_metrics_writer {
    const qz_metrics_format_ops *ops;
    qz_metrics_view v; /* metrics is NULL until finish, then the rates' report */
    FILE *out;
    void *state;       /* the format's own (the YAML emitter) */
    bool any;          /* a quantity was written (the JSON commas) */
    bool finished;
    qz_status status;  /* the first failure, which every later call returns again */
    qz_error error;
};

/* A format's steps: the beginning of a report's figures, one figure, the rates and the end.
 * Each writes to w->out and returns a status (a failed write: qz_write_fail). */
struct qz_metrics_format_ops {
    qz_status (*begin)(qz_metrics_writer *w, qz_error *err);
    qz_status (*quantity)(qz_metrics_writer *w, const qz_quantity *q, qz_error *err);
    qz_status (*end)(qz_metrics_writer *w, qz_error *err);
    void (*release)(qz_metrics_writer *w); /* may be NULL */
    /* in place of a report that could not be read; may be NULL: nothing is written */
    qz_status (*failed)(FILE *out, const char *path, const char *message, qz_error *err);
};

extern const qz_metrics_format_ops qz_metrics_tsv_format, qz_metrics_json_format,
    qz_metrics_yaml_format, qz_metrics_env_format;

#endif
