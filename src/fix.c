/* fix.c — `qzreport fix`: the fixes of the fixable rules applied to the original text (as
 * decoded: BOM, line ends and line breaks as they were), so that text no fix touches comes
 * out byte for byte; and the same change as a unified diff. */
#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rules.h"

/* Context lines around each hunk of the diff, as `diff -u`. */
#define QZ_DIFF_CONTEXT 3

typedef struct {
    size_t start, end; /* a span of doc->src */
    const char *with;
} edit;

static int by_start(const void *a, const void *b)
{
    const edit *x = a, *y = b;
    return x->start < y->start ? -1 : x->start > y->start;
}

/* The edits of every fixable, enabled finding, in source order, without overlaps (where two
 * overlap, the one that starts first wins: repeated-punct's ，, before halfwidth-punct's ,). */
static edit *collect_edits(const qz_doc *doc, const qz_check *check, const qz_rules *rules,
                           size_t *n)
{
    edit *e = malloc((check->n + 1) * sizeof *e);
    if (!e)
        return NULL;
    size_t k = 0;
    for (size_t i = 0; i < check->n; i++) {
        const qz_diag *d = &check->items[i];
        const qz_check_rule *rule = qz_rules_find_check_rule(rules, d->rule);
        if (!d->fix || d->severity == QZ_SEV_OFF || !rule || !rule->fixable)
            continue;
        if (d->join) {
            /* the break the loader removed (trailing spaces and the line end) lies between
             * the source bytes of the text's last byte before the join and its first after */
            size_t after = qz_doc_source_offset(doc, d->end);
            size_t before = d->end ? qz_doc_source_offset(doc, d->end - 1) + 1 : 0;
            e[k++] = (edit){before, after, ""};
        } else {
            e[k++] = (edit){qz_doc_source_offset(doc, d->start),
                            qz_doc_source_offset(doc, d->end), d->fix};
        }
    }
    qsort(e, k, sizeof *e, by_start);
    size_t w = 0;
    for (size_t i = 0; i < k; i++)
        if (w == 0 || e[i].start >= e[w - 1].end)
            e[w++] = e[i];
    *n = w;
    return e;
}

static char *apply_edits(const qz_doc *doc, const edit *e, size_t n, size_t *len)
{
    qz_buf b = {0};
    size_t at = 0;
    for (size_t i = 0; i < n; i++) {
        qz_buf_append(&b, doc->src + at, e[i].start - at);
        qz_buf_puts(&b, e[i].with);
        at = e[i].end;
    }
    qz_buf_append(&b, doc->src + at, doc->src_len - at);
    return qz_buf_release(&b, len);
}

static qz_status fixed_utf8(const qz_doc *doc, const qz_check *check, const qz_rules *rules,
                            edit **edits, size_t *nedits, char **out, size_t *len,
                            qz_error *err)
{
    *edits = collect_edits(doc, check, rules, nedits);
    *out = *edits ? apply_edits(doc, *edits, *nedits, len) : NULL;
    if (!*out) {
        free(*edits);
        *edits = NULL;
        return qz_fail(err, QZ_ERR_NOMEM, doc->source, 0, 0, "out of memory");
    }
    return QZ_OK;
}

/* Back to GB18030 for a GB18030 input: every character the fixes write exists there. */
static qz_status to_gb18030(const char *in, size_t len, char **out, size_t *outlen,
                            const char *source, qz_error *err)
{
    iconv_t cd = iconv_open("GB18030", "UTF-8");
    if (cd == (iconv_t)-1)
        return qz_fail(err, QZ_ERR_INTERNAL, source, 0, 0, "iconv cannot convert to GB18030");
    size_t cap = len * 2 + 16;
    char *buf = malloc(cap), *ip = (char *)in, *op = buf;
    size_t ileft = len, oleft = cap;
    bool ok = buf && iconv(cd, &ip, &ileft, &op, &oleft) != (size_t)-1;
    iconv_close(cd);
    if (!ok) {
        free(buf);
        return qz_fail(err, QZ_ERR_INTERNAL, source, 0, 0, "cannot encode the fixed text");
    }
    *outlen = (size_t)(op - buf);
    *out = buf;
    return QZ_OK;
}

qz_status qz_fix_apply(const qz_doc *doc, const qz_check *check, const qz_rules *rules,
                       char **out, size_t *len, qz_error *err)
{
    edit *edits;
    size_t n;
    char *text;
    size_t tlen;
    qz_status st = fixed_utf8(doc, check, rules, &edits, &n, &text, &tlen, err);
    free(edits);
    if (st != QZ_OK)
        return st;
    if (doc->encoding == QZ_ENC_GB18030) {
        st = to_gb18030(text, tlen, out, len, doc->source, err);
        free(text);
        return st;
    }
    if (!doc->had_bom) {
        *out = text, *len = tlen;
        return QZ_OK;
    }
    qz_buf b = {0};
    qz_buf_puts(&b, "\xEF\xBB\xBF");
    qz_buf_append(&b, text, tlen);
    free(text);
    *out = qz_buf_release(&b, len);
    return *out ? QZ_OK : qz_fail(err, QZ_ERR_NOMEM, doc->source, 0, 0, "out of memory");
}

/* ---- the diff ---- */

/* Line starts of s and a last entry at len, so that line i is [at[i], at[i+1]). */
static size_t *line_starts(const char *s, size_t len, size_t *nlines)
{
    size_t n = 0, cap = 0;
    size_t *at = NULL;
    if (!QZ_GROW(at, cap, 1))
        return NULL;
    at[n++] = 0;
    for (size_t i = 0; i < len; i++) {
        if (s[i] != '\n' || i + 1 == len)
            continue;
        if (!QZ_GROW(at, cap, n + 1)) {
            free(at);
            return NULL;
        }
        at[n++] = i + 1;
    }
    if (!QZ_GROW(at, cap, n + 1)) {
        free(at);
        return NULL;
    }
    at[n++] = len;
    *nlines = n - 1;
    return at;
}

/* Where source offset x lands in the fixed text. */
static size_t fixed_offset(const edit *e, size_t n, size_t x)
{
    long long delta = 0;
    for (size_t i = 0; i < n && e[i].start < x; i++)
        delta += (long long)strlen(e[i].with) - (long long)(e[i].end - e[i].start);
    return (size_t)((long long)x + delta);
}

static void put_lines(qz_buf *b, char sign, const char *s, size_t from, size_t to)
{
    for (size_t a = from; a < to;) {
        const char *nl = memchr(s + a, '\n', to - a);
        size_t end = nl ? (size_t)(nl - s) + 1 : to;
        qz_buf_append(b, &sign, 1);
        qz_buf_append(b, s + a, end - a);
        if (!nl)
            qz_buf_puts(b, "\n\\ No newline at end of file\n");
        a = end;
    }
}

static size_t count_lines(const char *s, size_t from, size_t to)
{
    size_t n = 0;
    for (size_t i = from; i < to; i++)
        n += s[i] == '\n';
    return n + (to > from && s[to - 1] != '\n');
}

/* The line of source offset x, 0-based. */
static size_t line_index(const size_t *at, size_t nlines, size_t x)
{
    size_t lo = 0, hi = nlines;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (at[mid] <= x)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

qz_status qz_fix_diff(const qz_doc *doc, const qz_check *check, const qz_rules *rules,
                      char **out, size_t *len, qz_error *err)
{
    edit *e;
    size_t n, flen, nlines = 0;
    char *fixed;
    qz_status st = fixed_utf8(doc, check, rules, &e, &n, &fixed, &flen, err);
    if (st != QZ_OK)
        return st;
    size_t *at = line_starts(doc->src, doc->src_len, &nlines);
    qz_buf b = {0};
    if (n > 0 && at) {
        qz_buf_puts(&b, "--- a/");
        qz_buf_puts(&b, doc->source);
        qz_buf_puts(&b, "\n+++ b/");
        qz_buf_puts(&b, doc->source);
        qz_buf_puts(&b, "\n");
    }
    long long line_shift = 0; /* new line number minus old line number so far */
    for (size_t i = 0; i < n && at;) {
        /* a hunk: the lines the edits touch, grown while the next edit is near enough */
        size_t first = line_index(at, nlines, e[i].start);
        size_t last = line_index(at, nlines, e[i].end > e[i].start ? e[i].end - 1 : e[i].start);
        size_t j = i + 1;
        for (; j < n; j++) {
            size_t l = line_index(at, nlines, e[j].start);
            if (l > last + 2 * QZ_DIFF_CONTEXT + 1)
                break;
            size_t le = line_index(at, nlines, e[j].end > e[j].start ? e[j].end - 1 : e[j].start);
            last = le > last ? le : last;
        }
        size_t from = first >= QZ_DIFF_CONTEXT ? first - QZ_DIFF_CONTEXT : 0;
        size_t to = last + 1 + QZ_DIFF_CONTEXT < nlines ? last + 1 + QZ_DIFF_CONTEXT : nlines;
        size_t a0 = at[from], a1 = at[first], a2 = at[last + 1], a3 = at[to];
        size_t f1 = fixed_offset(e, n, a1), f2 = fixed_offset(e, n, a2);
        size_t old_n = to - from, new_n = (first - from) + count_lines(fixed, f1, f2) + (to - last - 1);
        char head[96];
        snprintf(head, sizeof head, "@@ -%zu,%zu +%lld,%zu @@\n", from + 1, old_n,
                 (long long)from + 1 + line_shift, new_n);
        qz_buf_puts(&b, head);
        put_lines(&b, ' ', doc->src, a0, a1);
        put_lines(&b, '-', doc->src, a1, a2);
        put_lines(&b, '+', fixed, f1, f2);
        put_lines(&b, ' ', doc->src, a2, a3);
        line_shift += (long long)count_lines(fixed, f1, f2) - (long long)(last + 1 - first);
        i = j;
    }
    free(at);
    free(e);
    free(fixed);
    *out = qz_buf_release(&b, len);
    return *out ? QZ_OK : qz_fail(err, QZ_ERR_NOMEM, doc->source, 0, 0, "out of memory");
}
