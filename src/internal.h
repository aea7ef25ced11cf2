/* internal.h — helpers shared by the library's modules and never installed. Ownership: the
 * helpers here allocate nothing except qz_buf, whose bytes belong to the buffer until
 * qz_buf_release hands them to the caller or qz_buf_free drops them. */
#ifndef QZ_INTERNAL_H
#define QZ_INTERNAL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "qzreport.h"

/* ---- messages (README.md, "Language") ---- */

/* The library's messages are in the gettext domain QZ_TEXTDOMAIN ("qzreport", qzreport.h): they
 * are looked up with dgettext in that domain and never through textdomain, which is the
 * program's. Where the catalog is, is the program's choice (bindtextdomain); without one, or in
 * the C locale, they are English.
 * po/qzreport.pot is made from the marks: _() and N_() (xgettext's defaults), and the format
 * arguments of qz_fail (6th) and fail_at (4th, schema.h), which translate their format
 * themselves. */
#include <libintl.h>
#ifndef _
#define _(msgid) dgettext(QZ_TEXTDOMAIN, msgid)
#endif
#ifndef N_
#define N_(msgid) msgid /* marked for the catalog, translated where it is used */
#endif
/* The format of a message that is taken as it is, not translated here: text from elsewhere
 * (the system's strerror, libyaml, PCRE2) or translated already. A macro, so that xgettext,
 * which reads the sources unexpanded, does not take "%s" for a message. */
#define QZ_VERBATIM "%s"

/* ---- errors ---- */

/* Fills err (which may be NULL) and returns status, so that callers can `return qz_fail(…)`.
 * fmt is translated (dgettext in the "qzreport" domain) before it is formatted. */
qz_status qz_fail(qz_error *err, qz_status status, const char *path, size_t line,
                  size_t column, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 6, 7)))
#endif
    ;

/* ---- did you mean (suggest.c) ---- */

/* The known name nearest to an unknown word, for "unknown key 'laws.enactd'; did you mean
 * 'laws.enacted'?": the candidate at the smallest Damerau-Levenshtein distance over bytes
 * (insertions, deletions, substitutions and swaps of two neighbours), when that distance is at
 * most max(1, strlen(word) / 3) and no other candidate is as near; none otherwise. Candidates
 * are offered one at a time (qz_suggest_offer) or as an array (qz_suggest: n of them, or up to
 * a NULL when n is (size_t)-1). The answer points at the candidate, whose owner keeps it. */
typedef struct {
    const char *word;
    size_t len, limit;
    const char *best;
    size_t distance;
    bool tie;
} qz_suggestion;
void qz_suggest_start(qz_suggestion *s, const char *word);
void qz_suggest_offer(qz_suggestion *s, const char *candidate);
const char *qz_suggest_result(const qz_suggestion *s);
const char *qz_suggest(const char *word, const char *const *candidates, size_t n);
/* Appends "; did you mean 'SUGGESTION'?", translated, to err's message; nothing when suggestion
 * is NULL. */
void qz_error_suggest(qz_error *err, const char *suggestion);

/* ---- writing to the caller's stream (the renderers) ---- */

/* Fills err for a write that failed with errno e (0: unknown): QZ_ERR_IO, the system's reason as
 * the message, no path (the caller knows where it was writing). Returns QZ_ERR_IO. */
qz_status qz_write_fail(qz_error *err, int e);
/* fwrite that says whether every byte went out. */
bool qz_write(FILE *f, const char *s, size_t n);
bool qz_write_str(FILE *f, const char *s);

/* The system's message for errno value e, written into buf (size bytes) and returned:
 * strerror may hand every thread the same buffer (POSIX marks it thread-unsafe), strerror_r
 * does not. In the language of the messages: libc's own catalog where it is installed, else the
 * "qzreport" catalog for the messages a run meets most (util.c), in libc's words. */
const char *qz_strerror(int e, char *buf, size_t size);

/* ---- growable arrays: grow *items to hold at least need elements of size elem ---- */

bool qz_grow(void **items, size_t *cap, size_t need, size_t elem);
#define QZ_GROW(arr, cap, need) qz_grow((void **)&(arr), &(cap), (need), sizeof *(arr))

/* ---- a growable byte buffer ---- */

typedef struct {
    char *data;
    size_t len;
    size_t cap;
    bool failed; /* an allocation failed; later appends are ignored */
} qz_buf;

void qz_buf_append(qz_buf *b, const char *s, size_t n);
void qz_buf_puts(qz_buf *b, const char *s);
/* A string formatted as printf does, malloc'd (the caller frees it); NULL when out of memory. */
char *qz_printf(const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;
/* Appends printf's output, however long (measured first, never cut). */
void qz_buf_vprintf(qz_buf *b, const char *fmt, va_list ap);
void qz_buf_printf(qz_buf *b, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
/* Hands the NUL-terminated bytes to the caller; the buffer is left empty. NULL if failed. */
char *qz_buf_release(qz_buf *b, size_t *len);
void qz_buf_free(qz_buf *b);

/* ---- files ---- */

/* Reads the whole file at path into *bytes (malloc'd, NUL-terminated; *len bytes without the
 * NUL), within QZ_MAX_INPUT_BYTES; errors name the file. With dash_is_stdin, "-" is standard
 * input, named "<stdin>" (qz_file_read: reports); without, it is a file of that name (rules
 * and configuration files). */
qz_status qz_read_file(const char *path, bool dash_is_stdin, char **bytes, size_t *len,
                       qz_error *err);

/* ---- lines ---- */

/* Splits t[0..len) at each '\n' into *lines (malloc'd; the caller frees it): each line's start
 * and length without its '\n'. A final '\n' opens no further line; empty text has none.
 * QZ_ERR_NOMEM when out of memory. */
qz_status qz_split_lines(const char *t, size_t len, qz_span **lines, size_t *n);

/* ---- encodings ---- */

/* Converts the whole of in[0..len) from encoding `from` to `to` through iconv into *out
 * (malloc'd, NUL-terminated, *outlen bytes without the NUL), in a buffer that grows as the
 * output needs. QZ_ERR_ENCODING when a sequence of the input is invalid, cut short at its end,
 * or cannot be written in `to`, with *bad (may be NULL) its offset in `in`; QZ_ERR_INTERNAL
 * when iconv does not know the pair; QZ_ERR_NOMEM. On an error *out is NULL. */
qz_status qz_iconv(const char *to, const char *from, const char *in, size_t len, char **out,
                   size_t *outlen, size_t *bad);

/* ---- the match view (view.c) ---- */

/* t converted to simplified script character for character (same characters, same lines),
 * when it is in traditional script; *conv is NULL otherwise. The loader judges lines on it. */
qz_status qz_view_simplify(qz_context *ctx, const char *t, size_t len, const char *source,
                           char **conv, size_t *clen, qz_error *err);
/* Builds doc->view from doc->text (see qzreport.h), with conv (doc->text converted by
 * qz_view_simplify, or NULL); with no rules, the view is the text. */
qz_status qz_view_build(qz_doc *doc, qz_context *ctx, const char *conv, size_t clen,
                        qz_error *err);
/* The offset in doc->view of offset t of doc->text (the fold that holds it, at its start). */
size_t qz_doc_view_offset(const qz_doc *doc, size_t t);

/* ---- UTF-8 (text in qz_doc is valid UTF-8, so these never see malformed bytes there) ---- */

/* Decodes the code point at s[0]; *n gets its byte length (1 for a malformed byte). */
uint32_t qz_utf8_decode(const char *s, size_t len, size_t *n);
/* The start of the code point that ends just before pos (0 when pos is 0). */
size_t qz_utf8_prev(const char *s, size_t pos);
/* Number of code points in s[0..len). */
size_t qz_utf8_count(const char *s, size_t len);
/* A Han character (CJK unified ideographs, their extensions and compatibility forms). */
bool qz_is_han(uint32_t cp);
/* The ASCII character a full-width form (U+FF01..U+FF5E) stands for, or 0. */
char qz_halfwidth(uint32_t cp);
/* White space for layout purposes: ASCII space and tab, U+3000 ideographic space, NBSP. */
bool qz_is_layout_space(uint32_t cp);
/* Bytes of layout space at the start / end of s[0..len). */
size_t qz_skip_space(const char *s, size_t len);
size_t qz_trim_space_end(const char *s, size_t len);
/* The span s of t without the layout space at its start and end. */
qz_span qz_trim_span(const char *t, qz_span s);

/* ---- the summary as a cmark tree, shared by the Markdown and HTML renderers ---- */

struct cmark_node;
/* The pieces of the summary document, in their order: the title and the facts, the key
 * figures (heading and list), the rates linked to their counts, the outline (parts, closing,
 * repairs). The HTML page writes the figures and rates as tables between the others. */
enum {
    QZ_SUMMARY_HEAD = 1,
    QZ_SUMMARY_FIGURES = 2,
    QZ_SUMMARY_RATES = 4,
    QZ_SUMMARY_OUTLINE = 8,
    QZ_SUMMARY_ALL = 15
};
/* Builds the pieces of the summary document in `parts`, with the labels of s->lang; NULL when
 * out of memory. The caller frees it with cmark_node_free. */
struct cmark_node *qz_summary_tree(const qz_summary *s, unsigned parts);
/* The summary's title: the report's title line, else whose report it is, else a label;
 * malloc'd (the caller frees it), NULL when out of memory. */
char *qz_summary_title(const qz_summary *s);
/* Whether the summary has key figures to show (a metric's first mention). */
bool qz_summary_has_figures(const qz_summary *s);
/* The comparison of two reports as a cmark document, labels in lang (compare_markdown.c). */
struct cmark_node *qz_compare_tree(const qz_compare *c, const qz_rules *rules, qz_lang lang);

/* ---- JSON through jansson (jsonutil.c), for the renderers that write it ---- */

struct json_t;
/* json_object_set_new / json_array_append_new that record a failure in *ok instead of being
 * checked at every call (jansson releases value when it cannot take it). */
void qz_json_set(struct json_t *obj, const char *key, struct json_t *value, bool *ok);
void qz_json_append(struct json_t *arr, struct json_t *value, bool *ok);
/* A file name as a JSON string: names are bytes, and a report copied from Windows may have a
 * GBK one, which jansson refuses; its invalid bytes become U+FFFD instead. */
struct json_t *qz_json_path(const char *path);
/* Dumps root with flags plus a final newline into *out, and releases root. */
qz_status qz_json_render(struct json_t *root, bool ok, size_t flags, char **out, size_t *len,
                         qz_error *err);

#endif
