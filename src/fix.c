/* fix.c — `qzreport fix`: the fixes of the fixable rules applied to the original text (as
 * decoded: BOM, line ends and line breaks as they were), so that text no fix touches comes
 * out byte for byte; and repeated until the text no longer changes.
 *
 * No fix may change how the loader reads a line's structure: a heading or part title stays
 * one, of the same level, alone on its line or run in as it was; otherwise a later pass would
 * join it to the line before or after it (1、，加强监督 made 1，加强监督 by repeated-punct is no
 * heading, and the line before it would swallow it). The edits on such a line that would
 * change it are left out (keep_structure), and a join is left out where the edits make the
 * line before it a heading on its own or the line after it a heading: what fix writes keeps
 * the meaning (tests/unit/test_fix_property.c, tests/fuzz/fuzz_fix.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rules.h"

typedef struct {
    size_t start, end; /* a span of doc->src */
    const char *with;
    bool join;         /* a broken-line join: removes the break, with any page furniture */
    bool off;          /* left out (keep_structure) */
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
            e[k++] = (edit){before, after, "", true, false};
        } else {
            e[k++] = (edit){qz_doc_source_offset(doc, d->start),
                            qz_doc_source_offset(doc, d->end), d->fix, false, false};
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

/* ---- the structure of lines kept ---- */

/* How the loader reads a line (load.c, kind_of): a part title, a heading of some level, and
 * whether it stands alone on its line (a run-in heading carries its body after its 。). */
typedef struct {
    qz_title_kind part;
    int level; /* 0: no heading */
    bool alone;
} judgement;

static bool same_judgement(judgement a, judgement b)
{
    return a.part == b.part && a.level == b.level && a.alone == b.alone;
}

static bool starts(judgement j)
{
    return j.part != QZ_TITLE_NONE || j.level != 0;
}

static judgement judge_simplified(qz_context *ctx, const char *line, size_t len)
{
    size_t sk = qz_skip_space(line, len);
    const char *s = line + sk;
    len -= sk;
    judgement j = {qz_line_part_title(ctx, s, len), 0, false};
    qz_heading_match h;
    if (j.part == QZ_TITLE_NONE && qz_line_heading(ctx, s, len, &h))
        j.level = h.level;
    j.alone = j.part != QZ_TITLE_NONE ||
              (j.level && qz_find_period(s, len) >= qz_trim_title_end(s, len));
    return j;
}

/* A line of a text in traditional script is read in its simplified form, as the loader reads
 * it. */
static judgement judge(qz_context *ctx, const qz_doc *doc, const char *line, size_t len)
{
    if (doc->traditional) {
        char *conv = NULL;
        size_t clen = 0;
        qz_error err;
        if (qz_view_simplify(ctx, line, len, doc->source, &conv, &clen, &err) == QZ_OK && conv) {
            judgement j = judge_simplified(ctx, conv, clen);
            free(conv);
            return j;
        }
    }
    return judge_simplified(ctx, line, len);
}

/* src[ls, le) with the edits e[a, b) that are not off and not joins applied (into *buf). */
static const char *edited_line(const qz_doc *doc, size_t ls, size_t le, const edit *e,
                               size_t a, size_t b, qz_buf *buf, size_t *len)
{
    buf->len = 0;
    size_t at = ls;
    for (size_t i = a; i < b; i++) {
        if (e[i].off || e[i].join)
            continue;
        size_t end = e[i].end < le ? e[i].end : le;
        qz_buf_append(buf, doc->src + at, e[i].start - at);
        qz_buf_puts(buf, e[i].with);
        at = end;
    }
    qz_buf_append(buf, doc->src + at, le - at);
    *len = buf->len;
    return buf->data ? buf->data : "";
}

/* The edits tried one by one when a line's structure changes, before all are left out. */
#define QZ_FIX_TRIES 8

/* Leaves out the edits of a heading's or part title's line that would change how the loader
 * reads it (the fewest it can: the one edit that does it, else the first ones until the line
 * reads as before), then the joins that its edits would make wrong: from a line that would
 * stand alone, or into a line that would start a heading. Returns false when out of memory. */
static bool keep_structure(const qz_doc *doc, qz_context *ctx, edit *e, size_t n)
{
    const char *src = doc->src;
    size_t len = doc->src_len, i = 0;
    qz_buf buf = {0};
    /* the joins: a line without edits reads as the loader read it, which joined it */
    long pending_join = -1; /* a join whose next line is not reached yet */
    for (size_t ls = 0; ls <= len && i < n;) {
        size_t le = ls;
        while (le < len && src[le] != '\n' && src[le] != '\r')
            le++;
        size_t next = le < len ? le + 1 + (src[le] == '\r' && le + 1 < len && src[le + 1] == '\n')
                               : len + 1;
        size_t a = i;
        while (i < n && e[i].start <= le && (e[i].start < le || e[i].join || ls == le))
            i++;
        size_t b = i;
        bool edited = false;
        for (size_t k = a; k < b; k++)
            edited = edited || !e[k].join;
        judgement now = {QZ_TITLE_NONE, 0, false};
        if (edited) {
            judgement was = judge(ctx, doc, src + ls, le - ls);
            size_t elen;
            const char *t = edited_line(doc, ls, le, e, a, b, &buf, &elen);
            now = judge(ctx, doc, t, elen);
            if (starts(was) && !same_judgement(was, now)) {
                /* the one edit that does it */
                bool fixed = false;
                size_t tried = 0;
                for (size_t k = a; k < b && !fixed && tried < QZ_FIX_TRIES; k++) {
                    if (e[k].join)
                        continue;
                    tried++;
                    e[k].off = true;
                    t = edited_line(doc, ls, le, e, a, b, &buf, &elen);
                    fixed = same_judgement(was, judge(ctx, doc, t, elen));
                    if (!fixed)
                        e[k].off = false;
                }
                /* else the first ones, then all */
                tried = 0;
                for (size_t k = a; k < b && !fixed; k++) {
                    if (e[k].join)
                        continue;
                    e[k].off = true;
                    if (++tried < QZ_FIX_TRIES) {
                        t = edited_line(doc, ls, le, e, a, b, &buf, &elen);
                        fixed = same_judgement(was, judge(ctx, doc, t, elen));
                    }
                }
                now = was;
            }
        }
        /* a join that ended on this line: is this line now a heading or a part title? */
        if (pending_join >= 0 && e[pending_join].end >= ls && e[pending_join].end <= le) {
            if (starts(now))
                e[pending_join].off = true;
            pending_join = -1;
        }
        for (size_t k = a; k < b; k++)
            if (e[k].join) {
                if (now.alone)
                    e[k].off = true; /* the line it leaves now stands alone */
                else
                    pending_join = (long)k;
            }
        /* the lines a join removed (page furniture) hold no edits of their own: go on at
         * the line the join goes on to */
        if (pending_join >= 0 && e[pending_join].end > next)
            next = e[pending_join].end;
        ls = next;
    }
    bool ok = !buf.failed;
    qz_buf_free(&buf);
    return ok;
}

static char *apply_edits(const qz_doc *doc, const edit *e, size_t n, size_t *len)
{
    qz_buf b = {0};
    size_t at = 0;
    for (size_t i = 0; i < n; i++) {
        if (e[i].off)
            continue;
        qz_buf_append(&b, doc->src + at, e[i].start - at);
        qz_buf_puts(&b, e[i].with);
        at = e[i].end;
    }
    qz_buf_append(&b, doc->src + at, doc->src_len - at);
    return qz_buf_release(&b, len);
}

static qz_status fixed_utf8(const qz_doc *doc, const qz_check *check, const qz_rules *rules,
                            qz_context *ctx, edit **edits, size_t *nedits, char **out,
                            size_t *len, qz_error *err)
{
    *edits = collect_edits(doc, check, rules, nedits);
    *out = *edits && keep_structure(doc, ctx, *edits, *nedits)
               ? apply_edits(doc, *edits, *nedits, len)
               : NULL;
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

static qz_status fix_apply(const qz_doc *doc, const qz_check *check, const qz_rules *rules,
                           qz_context *ctx, char **out, size_t *len, qz_error *err)
{
    edit *edits;
    size_t n;
    char *text;
    size_t tlen;
    qz_status st = fixed_utf8(doc, check, rules, ctx, &edits, &n, &text, &tlen, err);
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

/* A context of its own, for the lines' structure (keep_structure reads lines with the rules). */
qz_status qz_fix_apply(const qz_doc *doc, const qz_check *check, const qz_rules *rules,
                       char **out, size_t *len, qz_error *err)
{
    qz_context *ctx;
    qz_status st = qz_context_new(&ctx, rules, err);
    if (st != QZ_OK)
        return st;
    st = fix_apply(doc, check, rules, ctx, out, len, err);
    qz_context_free(ctx);
    return st;
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
        st = fix_apply(rep.doc, rep.check, ctx->rules, ctx, out, outlen, err);
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
