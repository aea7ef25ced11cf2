/* check_render.h — what the driver of the check output (check_render.c) and the five formats
 * (check_text.c, check_gcc.c, check_github.c, check_json.c, check_sarif.c) share, as cmark's
 * render.c and its renderers do: the driver walks each file's findings, leaves out those of
 * rules turned off, keeps the totals and writes to the stream; a format only says what to
 * write at each step. Ownership: doc and check belong to the caller of qz_check_renderer_add
 * and are valid only during that call (a format keeps no pointer into them); data belongs to
 * the format, which frees what it holds in `release`. */
#ifndef QZ_CHECK_RENDER_H
#define QZ_CHECK_RENDER_H

#include "internal.h"

/* What a step sees. */
typedef struct {
    qz_buf *out;                       /* where the step writes; the driver empties it into
                                          the stream */
    const qz_check_render_options *o;  /* never NULL */
    const qz_doc *doc;                 /* the file being rendered, from file_begin to file_end */
    const qz_check *check;             /* its findings (never NULL there: none is empty) */
    size_t file;                       /* that file's index among those added, from 0 */
    size_t errors, warnings;           /* findings reported so far, the current one included */
    size_t failed;                     /* files that could not be checked, so far */
    void *data;                        /* the format's state: data_size bytes, zeroed at first */
} qz_check_ctx;

/* A format: its steps, in the order the driver calls them. Any may be NULL; each returns
 * false when out of memory. */
typedef struct {
    size_t data_size;
    bool (*begin)(qz_check_ctx *c);      /* the start of the output */
    bool (*file_begin)(qz_check_ctx *c); /* each file, findings or not */
    /* check->items[i], which is not off; errors and warnings already count it */
    bool (*finding)(qz_check_ctx *c, const qz_diag *d, size_t i);
    bool (*file_end)(qz_check_ctx *c);
    /* a file that could not be checked (failed already counts it): path, and why's message */
    bool (*failed)(qz_check_ctx *c, const char *path, const qz_error *why);
    bool (*end)(qz_check_ctx *c);        /* the end of the output: the totals are final */
    void (*release)(qz_check_ctx *c);    /* frees what data holds */
} qz_check_format_ops;

extern const qz_check_format_ops qz_check_text_format, qz_check_gcc_format,
    qz_check_github_format, qz_check_json_format, qz_check_sarif_format;

/* Dumps v with jansson (flags, plus JSON_ENCODE_ANY so that a string or a number may be dumped
 * alone) into b, putting `indent` spaces after each line break, so that an object dumped alone
 * with JSON_INDENT lines up inside the enclosing ones its caller writes; releases v. False if
 * v is NULL or memory ran out. */
struct json_t;
bool qz_json_dump_into(qz_buf *b, struct json_t *v, size_t flags, size_t indent);

/* What a file that could not be checked says: why's message, after LINE:COL: when it has a
 * position; the path is given apart. Into b. */
void qz_check_failure_text(qz_buf *b, const qz_error *why);

#endif
