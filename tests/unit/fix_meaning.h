/* fix_meaning.h — what `fix` must never change, checked on an input and its fixed text; shared
 * by tests/unit/test_fix_property.c and the fuzz target tests/fuzz/fuzz_fix.c.
 *
 * Both texts are loaded (with the rules, so that page furniture is known) and read as decoded
 * (doc->src: line ends and breaks as they were). Page furniture (page numbers, running headers)
 * is left out of both: a broken-line join removes it with the break it stood in, as README.md
 * says, and every command reads the text without it. Then:
 *
 * 1. kept characters: every character but the marks the rules name (, : ; ! ? ( ) " ' . -
 *    and their full-width forms, “ ” ‘ ’ 、 。 … ⋯ — ―), spaces, line ends and the invisible
 *    characters invisible-char deletes is kept, in order, once full-width digits and letters
 *    are folded to ASCII (Ａ = A, １ = 1): Han characters, digits, letters, 《》, %, …;
 * 2. marks: between two kept characters, the output has no kind of mark the input had not
 *    there, except the changes the rules name: ... or 。。。 into …… (ellipsis-form), 1、 into 1.
 *    and 第一、 into 第一， (seq-marker); a mark's width, a quote's form and a dash's form are
 *    the same kind; a mark may go (repeated-punct, seq-marker's （一）、);
 * 3. line breaks: each line of the output starts where a line of the input started (fix joins
 *    lines, it never breaks one);
 * 4. headings: a line the loader takes as a heading or a part title still starts a line, and
 *    one that stands alone (a part title, a heading without 。) still ends one.
 *
 * fix_meaning_check returns NULL when all hold, else a description of the first that fails
 * (in a static buffer). */
#ifndef FIX_MEANING_H
#define FIX_MEANING_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "qzreport.h"
#include "rules.h"

enum {
    FM_COMMA = 1 << 0,
    FM_COLON = 1 << 1,
    FM_SEMI = 1 << 2,
    FM_EXCL = 1 << 3,
    FM_QUEST = 1 << 4,
    FM_POPEN = 1 << 5,
    FM_PCLOSE = 1 << 6,
    FM_DQUOTE = 1 << 7,
    FM_SQUOTE = 1 << 8,
    FM_STOP = 1 << 9,
    FM_ELLIPSIS = 1 << 10,
    FM_DOT = 1 << 11,
    FM_DASH = 1 << 12,
    FM_ENUM = 1 << 13,
    FM_SPACE = 1 << 14, /* spaces, line ends, invisible characters: not a mark */
};

/* The kind of a code point fix may change (0: a kept character). */
static unsigned fm_kind(uint32_t c)
{
    switch (c) {
    case ',': case 0xFF0C: return FM_COMMA;
    case ':': case 0xFF1A: return FM_COLON;
    case ';': case 0xFF1B: return FM_SEMI;
    case '!': case 0xFF01: return FM_EXCL;
    case '?': case 0xFF1F: return FM_QUEST;
    case '(': case 0xFF08: return FM_POPEN;
    case ')': case 0xFF09: return FM_PCLOSE;
    case '"': case 0x201C: case 0x201D: return FM_DQUOTE;
    case '\'': case 0x2018: case 0x2019: return FM_SQUOTE;
    case 0x3002: return FM_STOP;
    case 0x2026: case 0x22EF: return FM_ELLIPSIS;
    case '.': return FM_DOT;
    case '-': case 0x2014: case 0x2015: return FM_DASH;
    case 0x3001: return FM_ENUM;
    case ' ': case '\t': case '\n': case '\r': case 0x3000:
    case 0x200B: case 0x200C: case 0x200D: case 0x2060: case 0xFEFF: case 0x00AD:
        return FM_SPACE;
    default:
        return (c >= 0x01 && c <= 0x1F) || c == 0x7F ? FM_SPACE : 0;
    }
}

/* Full-width digits and letters as ASCII. */
static uint32_t fm_fold(uint32_t c)
{
    if ((c >= 0xFF10 && c <= 0xFF19) || (c >= 0xFF21 && c <= 0xFF3A) ||
        (c >= 0xFF41 && c <= 0xFF5A))
        return c - 0xFF10 + '0';
    return c;
}

/* The marks the output may have where the input had in. */
static unsigned fm_allowed(unsigned in)
{
    unsigned ok = in | FM_SPACE;
    if (in & (FM_DOT | FM_STOP))
        ok |= FM_ELLIPSIS;
    if (in & FM_ENUM)
        ok |= FM_DOT | FM_COMMA;
    return ok;
}

typedef struct {
    uint32_t *kept;        /* kept characters, folded */
    unsigned *gap;         /* gap[k]: the kinds of marks before kept[k]; gap[n]: after the last */
    unsigned char *starts; /* starts[k]: kept[k] is the first kept character of its line */
    size_t n;
    size_t *line_a, *line_b; /* per line: its kept characters are [line_a, line_b) */
    unsigned char *dropped;  /* per line: page furniture (a page number, a running header) */
    unsigned char *joined;   /* per line: the loader joined it to the next text line */
    size_t nlines;
} fm_text;

static void fm_free(fm_text *t)
{
    free(t->kept);
    free(t->gap);
    free(t->starts);
    free(t->line_a);
    free(t->line_b);
    free(t->dropped);
    free(t->joined);
    memset(t, 0, sizeof *t);
}

/* Reads doc->src into t; false when out of memory. */
static bool fm_read(const qz_doc *doc, fm_text *t)
{
    memset(t, 0, sizeof *t);
    const char *s = doc->src;
    size_t len = doc->src_len;
    size_t nlines = 1;
    for (size_t i = 0; i < len; i++)
        if (s[i] == '\n' || (s[i] == '\r' && (i + 1 == len || s[i + 1] != '\n')))
            nlines++;
    t->nlines = nlines;
    t->kept = malloc((len + 1) * sizeof *t->kept);
    t->gap = calloc(len + 2, sizeof *t->gap);
    t->starts = calloc(len + 2, 1);
    t->line_a = malloc(nlines * sizeof *t->line_a);
    t->line_b = malloc(nlines * sizeof *t->line_b);
    t->dropped = calloc(nlines, 1);
    t->joined = calloc(nlines, 1);
    if (!t->kept || !t->gap || !t->starts || !t->line_a || !t->line_b || !t->dropped ||
        !t->joined) {
        fm_free(t);
        return false;
    }
    for (size_t r = 0; r < doc->nrepairs; r++)
        if (doc->repairs[r].line >= 1 && doc->repairs[r].line <= nlines)
            (doc->repairs[r].kind == QZ_REPAIR_PAGE_NUMBER ? t->dropped
                                                           : t->joined)[doc->repairs[r].line - 1] = 1;
    size_t line = 0;
    t->line_a[0] = 0;
    for (size_t i = 0; i < len;) {
        size_t k = 1;
        uint32_t c = qz_utf8_decode(s + i, len - i, &k);
        if (k == 0)
            k = 1;
        bool end = c == '\n' || (c == '\r' && (i + 1 == len || s[i + 1] != '\n'));
        unsigned kind = fm_kind(c);
        if (kind) {
            t->gap[t->n] |= kind;
        } else {
            if (t->n == t->line_a[line])
                t->starts[t->n] = 1;
            t->kept[t->n++] = fm_fold(c);
        }
        i += k;
        if (end) {
            t->line_b[line] = t->n;
            t->line_a[++line] = t->n;
        }
    }
    t->line_b[line] = t->n;
    return true;
}

static const char *fm_utf8(uint32_t c, char *buf)
{
    if (c < 0x80) {
        buf[0] = (char)c, buf[1] = '\0';
    } else if (c < 0x800) {
        buf[0] = (char)(0xC0 | c >> 6), buf[1] = (char)(0x80 | (c & 0x3F)), buf[2] = '\0';
    } else if (c < 0x10000) {
        buf[0] = (char)(0xE0 | c >> 12), buf[1] = (char)(0x80 | (c >> 6 & 0x3F));
        buf[2] = (char)(0x80 | (c & 0x3F)), buf[3] = '\0';
    } else {
        buf[0] = (char)(0xF0 | c >> 18), buf[1] = (char)(0x80 | (c >> 12 & 0x3F));
        buf[2] = (char)(0x80 | (c >> 6 & 0x3F)), buf[3] = (char)(0x80 | (c & 0x3F));
        buf[4] = '\0';
    }
    return buf;
}

/* ---- aligning the output's kept characters with the input's ----
 * The output's kept characters must be the input's, in order, less some runs of page furniture
 * lines (a run: consecutive dropped lines; a join removes a run whole, or leaves it). The
 * alignment goes run by run, keeping every output position reachable so far (a handful: a run
 * is kept or removed). Where both would do (a running header twice, once inside a join and once
 * between paragraphs), a run the loader joined across is taken as removed, another as kept. */

typedef struct {
    size_t p;        /* output position reached */
    size_t from;     /* the state it came from, at the run's start */
    unsigned char removed;
} fm_state;

typedef struct {
    fm_state *s;
    size_t n, cap;
} fm_states;

#define FM_MAX_STATES 1024

static bool fm_push(fm_states *v, size_t p, size_t from, unsigned char removed)
{
    for (size_t i = 0; i < v->n; i++)
        if (v->s[i].p == p)
            return true; /* reached already: the first way is kept */
    if (v->n == FM_MAX_STATES)
        return true;
    if (v->n == v->cap) {
        size_t cap = v->cap ? 2 * v->cap : 4;
        fm_state *s = realloc(v->s, cap * sizeof *s);
        if (!s)
            return false;
        v->s = s, v->cap = cap;
    }
    v->s[v->n++] = (fm_state){p, from, removed};
    return true;
}

/* Whether out[p..] starts with in[a, b). */
static bool fm_match(const fm_text *in, size_t a, size_t b, const fm_text *out, size_t p)
{
    return p + (b - a) <= out->n &&
           memcmp(out->kept + p, in->kept + a, (b - a) * sizeof *in->kept) == 0;
}

/* Fills o[k] with the output position of input kept character k, or (size_t)-1 where it was
 * removed with its page furniture. NULL when they align; else why not. */
static const char *fm_align(const fm_text *in, const fm_text *out, size_t *o, char *why,
                            size_t size)
{
    /* units: a line, or a run of dropped lines */
    size_t *unit_line = malloc((in->nlines + 1) * sizeof *unit_line);
    fm_states *v = calloc(in->nlines + 1, sizeof *v);
    const char *r = NULL;
    size_t nunits = 0;
    if (!unit_line || !v) {
        r = "out of memory";
        goto done;
    }
    for (size_t l = 0; l < in->nlines;) {
        unit_line[nunits++] = l;
        size_t e = l + 1;
        if (in->dropped[l])
            while (e < in->nlines && in->dropped[e])
                e++;
        l = e;
    }
    unit_line[nunits] = in->nlines;
    if (!fm_push(&v[0], 0, 0, 0)) {
        r = "out of memory";
        goto done;
    }
    size_t u = 0;
    for (; u < nunits; u++) {
        size_t a = in->line_a[unit_line[u]], b = in->line_b[unit_line[u + 1] - 1];
        bool dropped = in->dropped[unit_line[u]];
        for (size_t j = 0; j < v[u].n; j++) {
            size_t p = v[u].s[j].p;
            bool removed_first = dropped && unit_line[u] > 0 && in->joined[unit_line[u] - 1];
            if ((removed_first && !fm_push(&v[u + 1], p, j, 1)) ||
                (fm_match(in, a, b, out, p) && !fm_push(&v[u + 1], p + (b - a), j, 0)) ||
                (dropped && !removed_first && !fm_push(&v[u + 1], p, j, 1))) {
                r = "out of memory";
                goto done;
            }
        }
        if (v[u + 1].n == 0)
            break;
    }
    size_t end = (size_t)-1;
    for (size_t j = 0; u == nunits && j < v[u].n; j++)
        if (v[u].s[j].p == out->n)
            end = j;
    if (end == (size_t)-1) {
        /* where it went wrong: the first difference from the furthest state */
        size_t stop = u < nunits ? u : nunits - 1;
        size_t a = in->line_a[unit_line[stop]], b = in->line_b[unit_line[stop + 1] - 1];
        size_t p = v[stop].n ? v[stop].s[v[stop].n - 1].p : 0;
        size_t k = a;
        while (k < b && p + (k - a) < out->n && in->kept[k] == out->kept[p + (k - a)])
            k++;
        char x[8], y[8];
        if (u == nunits)
            snprintf(why, size, "the output has %zu kept characters more than the input",
                     out->n - p);
        else if (k < b && p + (k - a) < out->n)
            snprintf(why, size,
                     "kept characters differ on input line %zu: U+%04X '%s' became U+%04X '%s'",
                     unit_line[stop] + 1, (unsigned)in->kept[k], fm_utf8(in->kept[k], x),
                     (unsigned)out->kept[p + (k - a)], fm_utf8(out->kept[p + (k - a)], y));
        else
            snprintf(why, size, "kept characters of input line %zu are missing from the output",
                     unit_line[stop] + 1);
        r = why;
        goto done;
    }
    for (size_t w = nunits; w-- > 0;) {
        const fm_state *st = &v[w + 1].s[end];
        size_t a = in->line_a[unit_line[w]], b = in->line_b[unit_line[w + 1] - 1];
        size_t p = v[w].s[st->from].p;
        for (size_t k = a; k < b; k++)
            o[k] = st->removed ? (size_t)-1 : p + (k - a);
        end = st->from;
    }
done:
    if (v)
        for (size_t i = 0; i <= in->nlines; i++)
            free(v[i].s);
    free(v);
    free(unit_line);
    return r;
}

static const char *fm_compare(qz_context *ctx, const qz_doc *in_doc, const fm_text *in,
                              const fm_text *out)
{
    static char why[512];
    char a[8];
    size_t *o = malloc((in->n + 1) * sizeof *o);
    if (!o)
        return "out of memory";
    const char *r = fm_align(in, out, o, why, sizeof why);
    /* marks: the input's between two kept characters (those of removed furniture included)
     * against the output's between their images */
    unsigned acc = 0;
    for (size_t k = 0; !r && k <= in->n; k++) {
        acc |= in->gap[k];
        if (k < in->n && o[k] == (size_t)-1)
            continue;
        size_t ok = k < in->n ? o[k] : out->n;
        unsigned extra = out->gap[ok] & ~fm_allowed(acc);
        if (extra) {
            snprintf(why, sizeof why,
                     "before kept character %zu ('%s'): a mark of kind 0x%x came in (input had "
                     "0x%x there, output 0x%x)",
                     k, k < in->n ? fm_utf8(in->kept[k], a) : "end", extra, acc, out->gap[ok]);
            r = why;
        } else if (k < in->n && out->starts[ok] && !in->starts[k]) {
            snprintf(why, sizeof why, "a line break was added before kept character %zu ('%s')",
                     k, fm_utf8(in->kept[k], a));
            r = why;
        }
        acc = 0;
    }
    /* the headings and part titles, judged as the loader judges a line */
    const char *s = in_doc->src;
    size_t len = in_doc->src_len, line = 0;
    for (size_t i = 0; !r && i <= len && line < in->nlines; line++) {
        size_t e = i;
        while (e < len && s[e] != '\n' && s[e] != '\r')
            e++;
        if (!in->dropped[line] && in->line_a[line] < in->line_b[line]) {
            size_t sk = qz_skip_space(s + i, e - i);
            qz_heading_match h;
            bool part = qz_line_part_title(ctx, s + i + sk, e - i - sk) != QZ_TITLE_NONE;
            bool heading = !part && qz_line_heading(ctx, s + i + sk, e - i - sk, &h);
            bool alone = part || (heading && qz_find_period(s + i + sk, e - i - sk) >=
                                                 qz_trim_title_end(s + i + sk, e - i - sk));
            size_t next = in->line_b[line];
            while (next < in->n && o[next] == (size_t)-1)
                next++;
            if ((part || heading) && !out->starts[o[in->line_a[line]]]) {
                snprintf(why, sizeof why, "the %s on input line %zu no longer starts a line",
                         part ? "part title" : "heading", line + 1);
                r = why;
            } else if (alone && next < in->n && !out->starts[o[next]]) {
                snprintf(why, sizeof why,
                         "the %s on input line %zu was joined to the text after it",
                         part ? "part title" : "heading", line + 1);
                r = why;
            }
        }
        if (e < len && s[e] == '\r' && e + 1 < len && s[e + 1] == '\n')
            e++;
        i = e + 1;
    }
    free(o);
    return r;
}

/* Whether fixed[0..flen), what qz_fix_bytes made of in[0..len) read as enc (not AUTO: the
 * encoding the input was detected in), keeps its meaning. ctx: a context of the rules the fix
 * ran with. NULL when it does; otherwise why not. */
static const char *fix_meaning_check(qz_context *ctx, const char *in, size_t len,
                                     const char *fixed, size_t flen, qz_encoding enc)
{
    static char why[600];
    qz_doc *a = NULL, *b = NULL;
    qz_error err;
    if (qz_doc_load_bytes(&a, "in", in, len, enc, ctx, &err) != QZ_OK) {
        snprintf(why, sizeof why, "the input does not load: %s", err.message);
        return why;
    }
    if (qz_doc_load_bytes(&b, "out", fixed, flen, enc, ctx, &err) != QZ_OK) {
        qz_doc_free(a);
        snprintf(why, sizeof why, "the fixed text does not load: %s", err.message);
        return why;
    }
    fm_text ta, tb;
    const char *r = NULL;
    if (!fm_read(a, &ta)) {
        r = "out of memory";
    } else if (!fm_read(b, &tb)) {
        fm_free(&ta);
        r = "out of memory";
    } else {
        r = fm_compare(ctx, a, &ta, &tb);
        fm_free(&ta);
        fm_free(&tb);
    }
    qz_doc_free(a);
    qz_doc_free(b);
    return r;
}

#endif
