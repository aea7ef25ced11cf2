/* view.c — the match view: the text as every matcher reads it. Reports reach us in many
 * copies of one phrasing: traditional script (議案, 審議), full-width digits (１２件), spaces a
 * web page put around a figure (法规和决定 15 件), pinyin a page inserted after a character
 * (滿(mǎn)意率). The view folds them all into one spelling, so that one rule reads them all,
 * and keeps a list of folds to turn its offsets back into offsets of the text: lines, columns
 * and quotes stay the original file's, and `check`, which judges the text as written, never
 * reads the view.
 *
 * What is left out is data (words.yaml `view_drop`); which characters mark traditional script
 * is data too (`traditional`); the conversion is OpenCC's t2s. OpenCC converts about 9 MB/s,
 * several times slower than the rest of a run, so it runs only on text with traditional
 * characters in it. */
#include <dlfcn.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <opencc/opencc.h>

#include "rules.h"

/* How many traditional-only characters make a text worth converting: one quoted name (臺灣)
 * is not a traditional text, and converting it would only cost time. A sentence on its own
 * has fewer: there, one in QZ_TRADITIONAL_BYTES bytes (about 20 characters) is enough. */
#define QZ_TRADITIONAL_HITS 8
#define QZ_TRADITIONAL_BYTES 60
#define QZ_TRADITIONAL_SCAN 16384
/* The share of Han characters that t2s changed, in percent, above which a text is said to be
 * in traditional script: in a traditional report about a third are; in a simplified one
 * that quotes a few names, almost none. */
#define QZ_TRADITIONAL_SHARE 5

typedef struct {
    qz_buf view;
    qz_view_fold *folds;
    size_t nfolds, cap;
    size_t text_pos; /* how much of the text has been taken into the view */
    bool failed;
} builder;

static void fold(builder *b, size_t text_len, const char *as, size_t as_len)
{
    if (as_len == text_len && as_len > 0) {
        /* a character for one of the same length (t2s of a Han character: three bytes each):
         * offsets do not move, so no fold is kept (a third of a traditional text would
         * otherwise be folds) */
        qz_buf_append(&b->view, as, as_len);
        b->text_pos += text_len;
        return;
    }
    if (b->failed || !QZ_GROW(b->folds, b->cap, b->nfolds + 1)) {
        b->failed = true;
        return;
    }
    b->folds[b->nfolds++] = (qz_view_fold){b->view.len, as_len, b->text_pos, text_len};
    qz_buf_append(&b->view, as, as_len);
    b->text_pos += text_len;
}

static void copy(builder *b, const char *text, size_t n)
{
    qz_buf_append(&b->view, text + b->text_pos, n);
    b->text_pos += n;
}

/* Full-width digits, letters and ％ as ASCII: 0 when cp is none of them (full-width
 * punctuation stays: the rules read ，and , alike, and check judges it). */
static char narrow(uint32_t cp)
{
    char c = qz_halfwidth(cp);
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '%'
               ? c
               : 0;
}

/* ---- OpenCC, loaded when first needed ----
 *
 * libopencc is a C++ library: linking it would load it, libstdc++ and libmarisa into every
 * run (1.6 ms of a 5 ms report, measured), while most reports are in simplified script. So it
 * is opened with dlopen by its soname (QZ_OPENCC_SONAME, read from the installed library at
 * build time) the first time a traditional text is met, once per process.
 *
 * Threads: occ and occ_ready are written only inside pthread_once, and read only after it has
 * returned, so threads that meet their first traditional text together wait for one opening
 * (test_threads starts four at once). Each conversion opens its own converter: nothing of
 * OpenCC's is shared but the library itself. */
#ifndef QZ_OPENCC_SONAME
#define QZ_OPENCC_SONAME "libopencc.so.1.1"
#endif

static struct {
    opencc_t (*open)(const char *config);
    char *(*convert)(opencc_t cc, const char *input, size_t length);
    void (*free_converted)(char *s);
    int (*close)(opencc_t cc);
} occ;
static pthread_once_t occ_once = PTHREAD_ONCE_INIT;
static bool occ_ready;

static void occ_load(void)
{
    void *h = dlopen(QZ_OPENCC_SONAME, RTLD_NOW | RTLD_LOCAL);
    if (!h)
        return;
    /* POSIX: a void * from dlsym converts to a function pointer */
    *(void **)&occ.open = dlsym(h, "opencc_open");
    *(void **)&occ.convert = dlsym(h, "opencc_convert_utf8");
    *(void **)&occ.free_converted = dlsym(h, "opencc_convert_utf8_free");
    *(void **)&occ.close = dlsym(h, "opencc_close");
    occ_ready = occ.open && occ.convert && occ.free_converted && occ.close;
}

static bool occ_available(void)
{
    return pthread_once(&occ_once, occ_load) == 0 && occ_ready;
}

/* ---- traditional script ---- */

static bool is_traditional(const qz_rules *r, uint32_t cp)
{
    return cp <= 0xFFFF && (r->traditional[cp >> 3] >> (cp & 7) & 1);
}

/* Counts the traditional-only characters, as far as the decision needs, in the first
 * QZ_TRADITIONAL_SCAN bytes: a report is written in one script from its first page on. Han
 * characters of the BMP are three bytes led by E3..E9: the others are stepped over without
 * decoding. */
static bool looks_traditional(const qz_rules *r, const char *t, size_t len)
{
    size_t hits = 0, end = len < QZ_TRADITIONAL_SCAN ? len : QZ_TRADITIONAL_SCAN;
    for (size_t pos = 0; pos + 2 < end && hits < QZ_TRADITIONAL_HITS; pos++) {
        unsigned char b = (unsigned char)t[pos];
        if (b < 0xE3 || b > 0xE9)
            continue;
        /* a lead byte E3..E9 starts three bytes, whole in valid UTF-8 */
        uint32_t cp = (uint32_t)(b & 0x0F) << 12 | (uint32_t)(t[pos + 1] & 0x3F) << 6 |
                      (t[pos + 2] & 0x3F);
        if (is_traditional(r, cp))
            hits++;
        pos += 2;
    }
    return hits >= QZ_TRADITIONAL_HITS || (hits >= 2 && hits * QZ_TRADITIONAL_BYTES >= end);
}

/* Whether a and b have the same lines with the same number of characters each: a phrase that
 * grew in one place and one that shrank in another would leave the same total. */
static bool same_shape(const char *a, size_t alen, const char *b, size_t blen)
{
    size_t i = 0, k = 0;
    while (i <= alen && k <= blen) {
        const char *na = memchr(a + i, '\n', alen - i), *nb = memchr(b + k, '\n', blen - k);
        size_t ea = na ? (size_t)(na - a) : alen, eb = nb ? (size_t)(nb - b) : blen;
        if (!na != !nb || qz_utf8_count(a + i, ea - i) != qz_utf8_count(b + k, eb - k))
            return false;
        if (!na)
            return true;
        i = ea + 1;
        k = eb + 1;
    }
    return false;
}

static bool convert_aligned(opencc_t cc, const char *s, size_t len, qz_buf *out, bool by_line)
{
    char *c = occ.convert(cc, s, len);
    if (!c)
        return false;
    size_t clen = strlen(c);
    bool aligned = same_shape(c, clen, s, len);
    if (aligned)
        qz_buf_append(out, c, clen);
    occ.free_converted(c);
    if (aligned)
        return true;
    size_t pos = 0;
    while (pos < len) {
        size_t n;
        if (by_line) {
            const char *nl = memchr(s + pos, '\n', len - pos);
            n = nl ? (size_t)(nl - (s + pos)) + 1 : len - pos;
        } else {
            qz_utf8_decode(s + pos, len - pos, &n);
        }
        if (by_line) {
            if (!convert_aligned(cc, s + pos, n, out, false))
                return false;
        } else {
            char *one = occ.convert(cc, s + pos, n);
            if (!one)
                return false;
            size_t olen = strlen(one);
            bool single = qz_utf8_count(one, olen) == 1;
            qz_buf_append(out, single ? one : s + pos, single ? olen : n);
            occ.free_converted(one);
        }
        pos += n;
    }
    return true;
}

/* text converted by t2s, character for character; *conv is NULL when OpenCC failed. */
static qz_status to_simplified(const char *t, size_t len, char **conv, size_t *clen)
{
    *conv = NULL;
    if (!occ_available())
        return QZ_ERR_INTERNAL;
    opencc_t cc = occ.open(OPENCC_DEFAULT_CONFIG_TRAD_TO_SIMP);
    if (cc == (opencc_t)-1)
        return QZ_ERR_INTERNAL;
    qz_buf out = {0};
    bool ok = convert_aligned(cc, t, len, &out, true);
    occ.close(cc);
    if (!ok) {
        qz_buf_free(&out);
        return QZ_ERR_INTERNAL;
    }
    *conv = qz_buf_release(&out, clen);
    return *conv ? QZ_OK : QZ_ERR_NOMEM;
}

/* ---- building the view ---- */

/* The next span to leave out, at or after pos: [*start, *end), or false. */
static bool next_drop(qz_context *cx, const char *t, size_t len, size_t pos, size_t *start,
                      size_t *end)
{
    qz_match m;
    while (pos < len && qz_pattern_match_at(cx, &cx->rules->view_drop_any, t, len, pos, &m)) {
        *start = qz_match_start(cx);
        if (m.end > *start) {
            *end = m.end;
            return true;
        }
        pos = *start + 1; /* an empty match leaves nothing out */
        while (pos < len && ((unsigned char)t[pos] & 0xC0) == 0x80)
            pos++;
    }
    return false;
}

/* Walks the text and conv (t2s of it, or NULL) in step, folding as it goes. */
static bool fold_text(builder *b, qz_context *cx, const char *t, size_t len,
                      const char *conv, size_t clen, size_t *changed_han, size_t *han)
{
    size_t ds = len, de = len, cpos = 0, run = 0; /* run: bytes to copy before pos */
    bool drop = next_drop(cx, t, len, 0, &ds, &de);
    size_t pos = 0;
    while (pos < len) {
        if (drop && pos == ds) {
            copy(b, t, run);
            run = 0;
            for (size_t p = ds; conv && p < de;) { /* keep conv in step */
                size_t n, cn;
                qz_utf8_decode(t + p, de - p, &n);
                qz_utf8_decode(conv + cpos, clen - cpos, &cn);
                p += n;
                cpos += cn;
            }
            fold(b, de - ds, "", 0);
            pos = de;
            drop = next_drop(cx, t, len, pos, &ds, &de);
            continue;
        }
        size_t n, cn = 0;
        uint32_t cp = qz_utf8_decode(t + pos, len - pos, &n);
        const char *as = NULL;
        size_t as_len = 0;
        char ascii = narrow(cp);
        if (conv) {
            qz_utf8_decode(conv + cpos, clen - cpos, &cn);
            if (qz_is_han(cp)) {
                ++*han;
                if (cn != n || memcmp(conv + cpos, t + pos, n) != 0) {
                    ++*changed_han;
                    as = conv + cpos;
                    as_len = cn;
                }
            }
        }
        if (ascii) {
            as = &ascii;
            as_len = 1;
        }
        if (as) {
            copy(b, t, run);
            run = 0;
            fold(b, n, as, as_len);
        } else {
            run += n;
        }
        pos += n;
        cpos += cn;
    }
    copy(b, t, run);
    return !conv || cpos == clen; /* the conversion has as many characters as the text */
}

/* Whether the text has anything to fold at all: most reports have not, and then the view is
 * the text itself. */
static bool needs_folding(qz_context *cx, const char *t, size_t len, bool convert)
{
    size_t s, e;
    if (convert || next_drop(cx, t, len, 0, &s, &e))
        return true;
    /* full-width forms (U+FF01..U+FF5E) are EF BC xx or EF BD xx in UTF-8 */
    for (const char *p = memchr(t, 0xEF, len); p; p = memchr(p + 1, 0xEF, len - (p + 1 - t)))
        if (p + 2 < t + len && narrow(qz_utf8_decode(p, (size_t)(t + len - p), &s)))
            return true;
    return false;
}

qz_status qz_view_simplify(qz_context *cx, const char *t, size_t len, const char *source,
                           char **conv, size_t *clen, qz_error *err)
{
    *conv = NULL;
    *clen = 0;
    const qz_rules *r = cx ? cx->rules : NULL;
    if (!r || !r->traditional || !looks_traditional(r, t, len))
        return QZ_OK;
    qz_status st = to_simplified(t, len, conv, clen);
    if (st != QZ_OK)
        return st == QZ_ERR_NOMEM
                   ? qz_fail(err, st, source, 0, 0, "out of memory")
                   : qz_fail(err, st, source, 0, 0,
                             "OpenCC could not convert traditional script (is %s with its t2s "
                             "data, libopencc1.1 and libopencc-data, installed?)",
                             QZ_OPENCC_SONAME);
    return QZ_OK;
}

qz_status qz_view_build(qz_doc *doc, qz_context *cx, const char *conv, size_t clen,
                        qz_error *err)
{
    doc->view = doc->text;
    doc->view_len = doc->len;
    if (!cx || !needs_folding(cx, doc->text, doc->len, conv != NULL))
        return QZ_OK;
    builder b = {0};
    size_t changed = 0, han = 0;
    bool in_step = fold_text(&b, cx, doc->text, doc->len, conv, clen, &changed, &han);
    size_t vlen = 0;
    char *view = b.failed || !in_step ? NULL : qz_buf_release(&b.view, &vlen);
    qz_buf_free(&b.view);
    if (!view) {
        free(b.folds);
        return in_step ? qz_fail(err, QZ_ERR_NOMEM, doc->source, 0, 0, "out of memory")
                       : qz_fail(err, QZ_ERR_INTERNAL, doc->source, 0, 0,
                                 "the conversion to simplified script is out of step with the "
                                 "text");
    }
    doc->view = view;
    doc->view_len = vlen;
    doc->folds = b.folds;
    doc->nfolds = b.nfolds;
    doc->traditional = han && changed * 100 >= han * QZ_TRADITIONAL_SHARE;
    return QZ_OK;
}

void qz_doc_text_span(const qz_doc *doc, size_t *start, size_t *len)
{
    size_t a = qz_doc_text_offset(doc, *start, false);
    /* an empty span at a place where something was left out would map its end before its
     * start: it stays empty, where its start maps */
    size_t e = *len ? qz_doc_text_offset(doc, *start + *len, true) : a;
    *start = a;
    *len = e > a ? e - a : 0;
}

size_t qz_doc_view_offset(const qz_doc *doc, size_t t)
{
    size_t lo = 0, hi = doc->nfolds; /* first fold that starts past t */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (doc->folds[mid].text_start <= t)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == 0)
        return t;
    const qz_view_fold *f = &doc->folds[lo - 1];
    size_t tend = f->text_start + f->text_len;
    if (t < tend)
        return f->view_start;
    return f->view_start + f->view_len + (t - tend);
}

/* The last fold that starts before v (at or before it for a start), or -1. */
static long fold_before(const qz_doc *doc, size_t v, bool end)
{
    size_t lo = 0, hi = doc->nfolds; /* first fold past v */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        size_t s = doc->folds[mid].view_start;
        if (end ? s < v : s <= v)
            lo = mid + 1;
        else
            hi = mid;
    }
    return (long)lo - 1;
}

size_t qz_doc_text_offset(const qz_doc *doc, size_t v, bool end)
{
    long i = fold_before(doc, v, end);
    if (i < 0)
        return v;
    const qz_view_fold *f = &doc->folds[i];
    size_t vend = f->view_start + f->view_len;
    if (end ? v <= vend : v < vend) /* inside the folded form */
        return end ? f->text_start + f->text_len : f->text_start;
    return f->text_start + f->text_len + (v - vend);
}
