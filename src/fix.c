/* fix.c — `qzreport fix`: the fixes of the fixable rules applied to the original text (as
 * decoded: BOM, line ends and line breaks as they were), so that text no fix touches comes
 * out byte for byte; and repeated until the text no longer changes. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rules.h"

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
            /* the break the loader removed (trailing spaces and the line end, and any page
             * number or running header it dropped there) lies between the source bytes of
             * the text's last byte before the join and its first after: the edit removes it
             * whole, so a page number is never joined into the sentence */
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
    size_t bad = 0;
    qz_status st = qz_iconv("GB18030", "UTF-8", in, len, out, outlen, &bad);
    if (st == QZ_ERR_NOMEM)
        return qz_fail(err, st, source, 0, 0, "out of memory");
    if (st == QZ_ERR_ENCODING)
        return qz_fail(err, QZ_ERR_INTERNAL, source, 0, 0,
                       "cannot encode the fixed text (at its byte %zu)", bad);
    if (st != QZ_OK)
        return qz_fail(err, st, source, 0, 0, "iconv cannot convert to GB18030");
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
    bool big = doc->encoding == QZ_ENC_UTF16BE;
    if (doc->encoding == QZ_ENC_UTF16LE || big) {
        /* back to UTF-16 in the same byte order, with its BOM when it had one */
        char *wide;
        size_t wlen, bad;
        st = qz_iconv(big ? "UTF-16BE" : "UTF-16LE", "UTF-8", text, tlen, &wide, &wlen, &bad);
        free(text);
        if (st != QZ_OK)
            return st == QZ_ERR_NOMEM ? qz_fail(err, st, doc->source, 0, 0, "out of memory")
                                      : qz_fail(err, st, doc->source, 0, 0,
                                                "cannot encode the fixed text in UTF-16");
        text = wide, tlen = wlen;
    }
    if (!doc->had_bom) {
        *out = text, *len = tlen;
        return QZ_OK;
    }
    qz_buf b = {0};
    qz_buf_puts(&b, doc->encoding == QZ_ENC_UTF16LE ? "\xFF\xFE"
                    : big                           ? "\xFE\xFF"
                                                    : "\xEF\xBB\xBF");
    qz_buf_append(&b, text, tlen);
    free(text);
    *out = qz_buf_release(&b, len);
    return *out ? QZ_OK : qz_fail(err, QZ_ERR_NOMEM, doc->source, 0, 0, "out of memory");
}

/* ---- until nothing changes ---- */

/* One pass: load, find, fix. */
static qz_status fix_once(const char *source, const char *bytes, size_t len, qz_encoding *enc,
                          qz_context *ctx, const qz_check_options *options, char **out,
                          size_t *outlen, qz_error *err)
{
    static const qz_check_options defaults = {0};
    qz_report rep;
    qz_status st = qz_report_load(&rep, ctx, source, bytes, len, *enc,
                                  options ? options : &defaults, err);
    if (st == QZ_OK) {
        st = qz_fix_apply(rep.doc, rep.check, ctx->rules, out, outlen, err);
        *enc = rep.doc->encoding; /* later passes read what this one wrote */
    }
    qz_report_clear(&rep);
    return st;
}

qz_status qz_fix_bytes(const char *source, const char *bytes, size_t len, qz_encoding enc,
                       qz_context *ctx, const qz_check_options *options, char **out,
                       size_t *outlen, qz_error *err)
{
    char *cur = NULL;
    size_t curlen = 0;
    for (int pass = 0; pass < QZ_FIX_PASSES; pass++) {
        char *next;
        size_t nextlen;
        qz_status st = fix_once(source, cur ? cur : bytes, cur ? curlen : len, &enc, ctx,
                                options, &next, &nextlen, err);
        if (st != QZ_OK) {
            free(cur);
            return st;
        }
        bool same = nextlen == (cur ? curlen : len) &&
                    memcmp(next, cur ? cur : bytes, nextlen) == 0;
        free(cur);
        cur = next, curlen = nextlen;
        if (same)
            break;
    }
    *out = cur;
    *outlen = curlen;
    return QZ_OK;
}
