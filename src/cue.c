/* cue.c — the words a pattern cannot match without: a set of literal strings such that every
 * match of the pattern contains one of them (the idea of Russ Cox's "regular expression
 * matching with a trigram index", on whole words instead of trigrams).
 *
 * The extractor asks a phrasing only when one of its cue words stands in the words before (or
 * after) the number, so that the cost of a quantity depends on the words near it, not on how
 * many rules there are. The analysis reads PCRE2's syntax only as far as it must: anything it
 * does not know for certain (an option such as (?i), \Q…\E, a class with a range) makes it
 * answer "no cue", and the phrasing is then asked for every quantity, as before. A wrong
 * answer here could only lose figures, never invent them: the patterns still decide. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cue.h"
#include "rules.h"

/* An exact set larger than this, or a string longer, is given up (the words are still found
 * through the shorter sets around them). */
#define SET_MAX 16
#define WORD_MAX 96

typedef struct {
    char *s[SET_MAX];
    size_t n;
} set;

/* What is known of a piece of pattern. */
typedef struct {
    bool exact_known; /* it matches exactly one of exact's strings ("" included) */
    set exact;
    bool req_known;   /* every match contains one of req's strings (none of them "") */
    set req;
} info;

typedef struct {
    const char *p, *end;
    bool bail; /* syntax this analysis does not read: no cue for the whole pattern */
} parser;

static void set_clear(set *s)
{
    for (size_t i = 0; i < s->n; i++)
        free(s->s[i]);
    s->n = 0;
}

static bool set_add(set *s, const char *w, size_t len)
{
    for (size_t i = 0; i < s->n; i++)
        if (strlen(s->s[i]) == len && memcmp(s->s[i], w, len) == 0)
            return true;
    if (s->n == SET_MAX || len > WORD_MAX)
        return false;
    char *c = malloc(len + 1);
    if (!c)
        return false;
    memcpy(c, w, len);
    c[len] = '\0';
    s->s[s->n++] = c;
    return true;
}

static bool set_has_empty(const set *s)
{
    for (size_t i = 0; i < s->n; i++)
        if (!s->s[i][0])
            return true;
    return false;
}

static bool set_copy(set *to, const set *from)
{
    for (size_t i = 0; i < from->n; i++)
        if (!set_add(to, from->s[i], strlen(from->s[i])))
            return false;
    return true;
}

static void info_clear(info *a)
{
    set_clear(&a->exact);
    set_clear(&a->req);
    a->exact_known = a->req_known = false;
}

/* The shortest string of s, in bytes: a requirement is as selective as its weakest word. */
static size_t set_min_len(const set *s)
{
    size_t m = SIZE_MAX;
    for (size_t i = 0; i < s->n; i++)
        if (strlen(s->s[i]) < m)
            m = strlen(s->s[i]);
    return m;
}

/* Whether candidate is a better requirement than the current one. */
static bool better(const set *candidate, bool have, const set *current)
{
    if (!have)
        return true;
    size_t a = set_min_len(candidate), b = set_min_len(current);
    return a > b || (a == b && candidate->n < current->n);
}

/* Keeps `from` as a's requirement when it is a valid and a better one. */
static void offer_req(info *a, const set *from)
{
    if (from->n == 0 || set_has_empty(from) || !better(from, a->req_known, &a->req))
        return;
    set fresh = {0};
    if (!set_copy(&fresh, from)) {
        set_clear(&fresh);
        return;
    }
    set_clear(&a->req);
    a->req = fresh;
    a->req_known = true;
}

/* An info that matches exactly the one string w[0..len). */
static info literal(const char *w, size_t len)
{
    info a = {0};
    a.exact_known = set_add(&a.exact, w, len);
    return a;
}

/* Matches something this analysis does not know (a class, \s, a back-reference…). */
static info anything(void)
{
    return (info){0};
}

/* ---- combining ---- */

/* The product of two exact sets (every string of a followed by one of b), into *out; false
 * when it would be too large. */
static bool product(const set *a, const set *b, set *out)
{
    *out = (set){0};
    if (a->n * b->n > SET_MAX)
        return false;
    for (size_t i = 0; i < a->n; i++)
        for (size_t k = 0; k < b->n; k++) {
            size_t la = strlen(a->s[i]), lb = strlen(b->s[k]);
            char buf[2 * WORD_MAX + 1];
            if (la + lb > WORD_MAX) {
                set_clear(out);
                return false;
            }
            memcpy(buf, a->s[i], la);
            memcpy(buf + la, b->s[k], lb);
            if (!set_add(out, buf, la + lb)) {
                set_clear(out);
                return false;
            }
        }
    return true;
}

/* a or b, into a. */
static void alternate(info *a, info *b)
{
    if (a->exact_known && b->exact_known && set_copy(&a->exact, &b->exact)) {
        /* stays exact */
    } else {
        if (a->exact_known)
            offer_req(a, &a->exact);
        set_clear(&a->exact);
        a->exact_known = false;
    }
    /* a requirement of the alternation: one of either side's */
    info bq = {0};
    if (b->exact_known)
        offer_req(&bq, &b->exact);
    offer_req(&bq, &b->req);
    if (a->req_known && bq.req_known && set_copy(&a->req, &bq.req)) {
        /* union kept */
    } else {
        set_clear(&a->req);
        a->req_known = false;
    }
    info_clear(&bq);
    info_clear(b);
}

/* x? or x*: may match nothing. */
static void optional(info *a, bool repeat)
{
    set_clear(&a->req);
    a->req_known = false;
    if (a->exact_known && !repeat && set_add(&a->exact, "", 0))
        return;
    set_clear(&a->exact);
    a->exact_known = false;
}

/* x+ or x{2,…}: what x requires, once at least. */
static void repeated(info *a)
{
    if (a->exact_known)
        offer_req(a, &a->exact);
    set_clear(&a->exact);
    a->exact_known = false;
}

/* ---- reading the pattern ---- */

static info parse_alternation(parser *ps);

static size_t utf8_len(unsigned char c)
{
    return c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
}

/* Skips to just past the `close` that ends a {…} or <…> after an escape. */
static void skip_past(parser *ps, char close)
{
    while (ps->p < ps->end && *ps->p != close)
        ps->p++;
    if (ps->p < ps->end)
        ps->p++;
    else
        ps->bail = true;
}

/* Skips an optional sign and the digits after it. */
static void skip_number(parser *ps)
{
    if (ps->p < ps->end && (*ps->p == '-' || *ps->p == '+'))
        ps->p++;
    while (ps->p < ps->end && *ps->p >= '0' && *ps->p <= '9')
        ps->p++;
}

/* An escape, ps->p just past the backslash. */
static info parse_escape(parser *ps)
{
    if (ps->p >= ps->end) {
        ps->bail = true;
        return anything();
    }
    unsigned char c = (unsigned char)*ps->p;
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
        size_t n = utf8_len(c); /* \. \( \、: the character itself */
        if ((size_t)(ps->end - ps->p) < n) {
            ps->bail = true;
            return anything();
        }
        const char *w = ps->p;
        ps->p += n;
        return literal(w, n);
    }
    ps->p++;
    switch (c) {
    case 'Q':
    case 'E':
    case 'c':
        ps->bail = true;
        return anything();
    case 'b':
    case 'B':
    case 'A':
    case 'z':
    case 'Z':
    case 'G':
    case 'K':
        return literal("", 0); /* matches no character */
    case 'x':
    case 'o':
    case 'p':
    case 'P':
    case 'g':
    case 'k':
    case 'N':
        if (ps->p < ps->end && (*ps->p == '{' || *ps->p == '<' || *ps->p == '\''))
            skip_past(ps, *ps->p == '{' ? '}' : *ps->p == '<' ? '>' : '\'');
        else if (c == 'x') /* \xhh */
            for (int k = 0; k < 2 && ps->p < ps->end && strchr("0123456789abcdefABCDEF", *ps->p); k++)
                ps->p++;
        else if (c == 'g') /* \g-1, \g12: a sign and every digit */
            skip_number(ps);
        else if (c == 'p' || c == 'P')
            ps->p += ps->p < ps->end;
        return anything();
    default:
        if (c >= '0' && c <= '9') { /* \1, \12, \101 (octal): every digit is the escape's */
            ps->p--;
            skip_number(ps);
        }
        return anything(); /* \s \d \w \S \n \t … */
    }
}

/* A class [..]: the set of its characters when it lists a few plainly, else anything. */
static info parse_class(parser *ps)
{
    bool plain = true;
    set chars = {0};
    if (ps->p < ps->end && *ps->p == '^') {
        plain = false;
        ps->p++;
    }
    bool first = true;
    while (ps->p < ps->end && (*ps->p != ']' || first)) {
        first = false;
        if (*ps->p == '[' && ps->p + 1 < ps->end && ps->p[1] == ':') { /* [:alpha:] */
            plain = false;
            const char *q = ps->p + 2; /* to just past its ":]", within the pattern */
            while (q + 1 < ps->end && !(q[0] == ':' && q[1] == ']'))
                q++;
            ps->p = q + 1 < ps->end ? q + 2 : ps->end;
            continue;
        }
        if (*ps->p == '\\') {
            plain = false;
            ps->p++;
            if (ps->p < ps->end && strchr("xpPo", *ps->p) && ps->p + 1 < ps->end &&
                ps->p[1] == '{') {
                ps->p++;
                skip_past(ps, '}');
            } else if (ps->p < ps->end) {
                size_t n = utf8_len((unsigned char)*ps->p);
                size_t left = (size_t)(ps->end - ps->p);
                ps->p += n < left ? n : left;
            }
            continue;
        }
        if (*ps->p == '-' && !first && ps->p + 1 < ps->end && ps->p[1] != ']')
            plain = false; /* a range */
        size_t n = utf8_len((unsigned char)*ps->p);
        if ((size_t)(ps->end - ps->p) < n) {
            ps->bail = true;
            break;
        }
        if (plain && !set_add(&chars, ps->p, n))
            plain = false;
        ps->p += n;
    }
    if (ps->bail || ps->p >= ps->end) {
        ps->bail = true;
        set_clear(&chars);
        return anything();
    }
    ps->p++; /* ] */
    info a = {0};
    if (plain && chars.n > 0) {
        a.exact = chars;
        a.exact_known = true;
    } else {
        set_clear(&chars);
    }
    return a;
}

/* A group, ps->p just past the '('. */
static info parse_group(parser *ps)
{
    bool zero_width = false;
    if (ps->p < ps->end && *ps->p == '*') { /* (*FAIL), (*MARK:…): a verb */
        /* (*ACCEPT) ends the match where it stands: what follows it is not required */
        if ((size_t)(ps->end - ps->p) >= 7 && memcmp(ps->p, "*ACCEPT", 7) == 0) {
            ps->bail = true;
            return anything();
        }
        skip_past(ps, ')');
        return literal("", 0);
    }
    if (ps->p < ps->end && *ps->p == '?') {
        ps->p++;
        char c = ps->p < ps->end ? *ps->p : '\0';
        if (c == ':' || c == '>' || c == '|') {
            ps->p++;
        } else if (c == '=' || c == '!') {
            zero_width = true;
            ps->p++;
        } else if (c == '<' && ps->p + 1 < ps->end && (ps->p[1] == '=' || ps->p[1] == '!')) {
            zero_width = true;
            ps->p += 2;
        } else if (c == '<' || c == 'P' || c == '\'') { /* a named group */
            if (c == 'P' || c == '\'')
                ps->p++;
            if (ps->p < ps->end && (*ps->p == '=' || *ps->p == '>')) { /* (?P=name) */
                ps->bail = true;
                return anything();
            }
            skip_past(ps, c == '\'' ? '\'' : '>'); /* past the name */
        } else if (c == '#') {
            skip_past(ps, ')');
            return literal("", 0);
        } else { /* options such as (?i), recursion, conditions: not read here */
            ps->bail = true;
            return anything();
        }
    }
    info a = parse_alternation(ps);
    if (ps->p >= ps->end || *ps->p != ')') {
        ps->bail = true;
        info_clear(&a);
        return anything();
    }
    ps->p++;
    if (zero_width) {
        info_clear(&a);
        return literal("", 0);
    }
    return a;
}

/* A quantifier after an atom, if one follows: *min gets its least count, *max_one whether it
 * is at most one. Returns false when none follows. */
static bool parse_quantifier(parser *ps, unsigned long *min, bool *max_one)
{
    if (ps->p >= ps->end)
        return false;
    char c = *ps->p;
    if (c == '?' || c == '*' || c == '+') {
        ps->p++;
        *min = c == '+';
        *max_one = c == '?';
    } else if (c == '{') {
        const char *q = ps->p + 1;
        char *e;
        unsigned long lo = 0, hi = 0;
        bool has_lo = q < ps->end && *q >= '0' && *q <= '9';
        if (has_lo)
            lo = strtoul(q, &e, 10), q = e;
        bool comma = q < ps->end && *q == ',';
        if (comma)
            q++;
        bool has_hi = q < ps->end && *q >= '0' && *q <= '9';
        if (has_hi)
            hi = strtoul(q, &e, 10), q = e;
        if (q >= ps->end || *q != '}' || (!has_lo && !has_hi))
            return false; /* a literal { */
        ps->p = q + 1;
        *min = lo;
        *max_one = comma ? (has_hi && hi <= 1) : lo <= 1;
    } else {
        return false;
    }
    if (ps->p < ps->end && (*ps->p == '?' || *ps->p == '+'))
        ps->p++; /* lazy or possessive: the same strings */
    return true;
}

static info parse_atom(parser *ps)
{
    unsigned char c = (unsigned char)*ps->p;
    switch (c) {
    case '(':
        ps->p++;
        return parse_group(ps);
    case '[':
        ps->p++;
        return parse_class(ps);
    case '\\':
        ps->p++;
        return parse_escape(ps);
    case '.':
        ps->p++;
        return anything();
    case '^':
    case '$':
        ps->p++;
        return literal("", 0);
    default: {
        size_t n = utf8_len(c);
        if ((size_t)(ps->end - ps->p) < n) {
            ps->bail = true;
            return anything();
        }
        const char *w = ps->p;
        ps->p += n;
        return literal(w, n);
    }
    }
}

/* A sequence keeps the exact strings of its current run of exact pieces (the words since the
 * last piece it cannot spell out): each run that ends is a requirement of the whole. */
static info parse_sequence(parser *ps)
{
    info whole = {0};
    set run = {0};
    set_add(&run, "", 0);
    bool all_exact = true;
    while (!ps->bail && ps->p < ps->end && *ps->p != '|' && *ps->p != ')') {
        if (*ps->p == '*' || *ps->p == '+' || *ps->p == '?') { /* a quantifier with no atom */
            ps->bail = true;
            break;
        }
        info b = parse_atom(ps);
        unsigned long min;
        bool max_one;
        if (!ps->bail && parse_quantifier(ps, &min, &max_one)) {
            if (min == 0)
                optional(&b, !max_one);
            else if (!(min == 1 && max_one))
                repeated(&b);
        }
        offer_req(&whole, &b.req);
        set longer;
        if (b.exact_known && product(&run, &b.exact, &longer)) {
            set_clear(&run);
            run = longer;
        } else {
            offer_req(&whole, &run);
            set_clear(&run);
            all_exact = false;
            if (b.exact_known)
                set_copy(&run, &b.exact);
            else
                set_add(&run, "", 0);
        }
        info_clear(&b);
    }
    offer_req(&whole, &run);
    if (all_exact) {
        whole.exact = run;
        whole.exact_known = true;
    } else {
        set_clear(&run);
    }
    return whole;
}

static info parse_alternation(parser *ps)
{
    info a = parse_sequence(ps);
    while (!ps->bail && ps->p < ps->end && *ps->p == '|') {
        ps->p++;
        info b = parse_sequence(ps);
        alternate(&a, &b);
    }
    return a;
}

/* Drops every word that holds another word of the set: where 常委会全年 stands, 常委会 does.
 * (The set holds no duplicates.) */
static void drop_redundant(set *s)
{
    bool drop[SET_MAX] = {false};
    for (size_t i = 0; i < s->n; i++)
        for (size_t k = 0; k < s->n && !drop[i]; k++)
            drop[i] = k != i && strstr(s->s[i], s->s[k]) != NULL;
    size_t w = 0;
    for (size_t i = 0; i < s->n; i++) {
        if (drop[i])
            free(s->s[i]);
        else
            s->s[w++] = s->s[i];
    }
    s->n = w;
}

bool qz_cue_words(const char *pattern, size_t len, char ***words, size_t *nwords)
{
    *words = NULL;
    *nwords = 0;
    parser ps = {pattern, pattern + len, false};
    info a = parse_alternation(&ps);
    if (ps.bail || ps.p != ps.end) {
        info_clear(&a);
        return true;
    }
    if (a.exact_known)
        offer_req(&a, &a.exact);
    bool ok = true;
    if (a.req_known)
        drop_redundant(&a.req);
    if (a.req_known) {
        *words = calloc(a.req.n, sizeof **words);
        ok = *words != NULL;
        for (size_t i = 0; ok && i < a.req.n; i++) {
            (*words)[i] = a.req.s[i];
            a.req.s[i] = NULL;
        }
        if (ok)
            *nwords = a.req.n;
        a.req.n = 0;
    }
    info_clear(&a);
    return ok;
}

/* ---- the index: cue word → the phrasings that need it ---- */

typedef struct {
    char *word;
    uint32_t ref;
} pair;

static int pair_cmp(const void *a, const void *b)
{
    const pair *x = a, *y = b;
    int c = strcmp(x->word, y->word);
    return c ? c : (x->ref > y->ref) - (x->ref < y->ref);
}

/* The first two code points of w (two characters at least). */
static void first_two(const char *w, uint32_t *a, uint32_t *b)
{
    size_t n, m, len = strlen(w);
    *a = qz_utf8_decode(w, len, &n);
    *b = qz_utf8_decode(w + n, len - n, &m);
}

static int cue_cmp(const void *a, const void *b)
{
    const qz_cue *x = a, *y = b;
    if (x->first != y->first)
        return x->first < y->first ? -1 : 1;
    if (x->second != y->second)
        return x->second < y->second ? -1 : 1;
    return strcmp(x->word, y->word);
}

/* Adds a cue pair for every word of `source` (a phrasing's before or after); *has gets
 * whether it has any. */
static bool add_pairs(pair **pairs, size_t *n, size_t *cap, const char *source, uint32_t ref,
                      bool *has)
{
    *has = false;
    if (!source)
        return true;
    char **words;
    size_t nw;
    if (!qz_cue_words(source, strlen(source), &words, &nw))
        return false;
    /* a word of one character (、 和 ，) stands everywhere: as a filter it would cost more
     * than it saves, so such a side counts as having no cue */
    for (size_t i = 0; i < nw; i++)
        if (qz_utf8_count(words[i], strlen(words[i])) < 2) {
            for (size_t k = 0; k < nw; k++)
                free(words[k]);
            free(words);
            return true;
        }
    bool ok = true;
    for (size_t i = 0; i < nw; i++) {
        if (ok && QZ_GROW(*pairs, *cap, *n + 1)) {
            (*pairs)[(*n)++] = (pair){words[i], ref};
        } else {
            ok = false;
            free(words[i]);
        }
    }
    free(words);
    *has = ok && nw > 0;
    return ok;
}

static size_t slot_of(uint32_t a, uint32_t b, size_t mask)
{
    return (size_t)((a * 2654435761u) ^ (b * 40503u)) & mask;
}

/* Groups the sorted pairs into cues, and hashes each cue's first two code points. */
static bool index_cues(qz_rules *r, pair *pairs, size_t n)
{
    size_t cap = 0;
    for (size_t i = 0; i < n;) {
        size_t k = i;
        while (k < n && strcmp(pairs[k].word, pairs[i].word) == 0)
            k++;
        if (!QZ_GROW(r->cues, cap, r->ncues + 1))
            return false;
        qz_cue *c = &r->cues[r->ncues++];
        *c = (qz_cue){.word = pairs[i].word, .len = strlen(pairs[i].word),
                      .refs = malloc((k - i) * sizeof *c->refs)};
        first_two(c->word, &c->first, &c->second);
        pairs[i].word = NULL;
        if (!c->refs)
            return false;
        for (size_t j = i; j < k; j++) {
            if (j > i && pairs[j].ref == pairs[j - 1].ref)
                continue;
            c->refs[c->nrefs++] = pairs[j].ref;
        }
        i = k;
    }
    qsort(r->cues, r->ncues, sizeof *r->cues, cue_cmp);
    size_t size = 16;
    while (size < 2 * r->ncues)
        size *= 2;
    r->cue_table = calloc(size, sizeof *r->cue_table);
    r->cue_first = calloc(0x10000 / 8, 1);
    if (!r->cue_table || !r->cue_first)
        return false;
    r->cue_mask = size - 1;
    for (size_t i = 0; i < r->ncues; i++) {
        uint32_t cp = r->cues[i].first, cp2 = r->cues[i].second;
        if (i > 0 && r->cues[i - 1].first == cp && r->cues[i - 1].second == cp2)
            continue;
        if (cp <= 0xFFFF)
            r->cue_first[cp >> 3] |= (unsigned char)(1u << (cp & 7));
        size_t s = slot_of(cp, cp2, r->cue_mask);
        while (r->cue_table[s])
            s = (s + 1) & r->cue_mask;
        r->cue_table[s] = (uint32_t)i + 1;
    }
    return true;
}

void qz_cue_index_free(qz_rules *r)
{
    for (size_t i = 0; i < r->ncues; i++) {
        free(r->cues[i].word);
        free(r->cues[i].refs);
    }
    free(r->cues);
    free(r->cue_table);
    free(r->cue_first);
    free(r->phrasing_metric);
    free(r->always);
    r->cues = NULL;
    r->ncues = 0;
    r->cue_table = r->always = r->phrasing_metric = NULL;
    r->cue_first = NULL;
    r->nalways = r->nphrasings = 0;
}

bool qz_cue_index_build(qz_rules *r)
{
    qz_cue_index_free(r);
    size_t total = 0;
    for (size_t i = 0; i < r->nmetrics; i++)
        total += r->metrics[i].nphrasings;
    r->phrasing_metric = malloc((total + 1) * sizeof *r->phrasing_metric);
    r->always = malloc((r->nmetrics + 1) * sizeof *r->always);
    pair *pairs = NULL;
    size_t n = 0, cap = 0;
    bool ok = r->phrasing_metric && r->always;
    for (size_t i = 0; ok && i < r->nmetrics; i++) {
        bool always = false;
        for (size_t k = 0; ok && k < r->metrics[i].nphrasings; k++) {
            qz_phrasing *ph = &r->metrics[i].phrasings[k];
            ph->number = (unsigned)r->nphrasings;
            r->phrasing_metric[r->nphrasings++] = (uint32_t)i;
            ok = add_pairs(&pairs, &n, &cap, ph->before_src, ph->number << 1, &ph->cue_before) &&
                 add_pairs(&pairs, &n, &cap, ph->after_src, ph->number << 1 | 1, &ph->cue_after);
            always = always || (!ph->cue_before && !ph->cue_after);
        }
        if (always)
            r->always[r->nalways++] = (uint32_t)i;
    }
    if (ok) {
        qsort(pairs, n, sizeof *pairs, pair_cmp);
        ok = index_cues(r, pairs, n);
    }
    for (size_t i = 0; i < n; i++)
        free(pairs[i].word);
    free(pairs);
    return ok;
}

void qz_cue_lookup(const qz_rules *r, uint32_t a, uint32_t b, size_t *first, size_t *n)
{
    *n = 0;
    if (!r->cue_table || (a <= 0xFFFF && !(r->cue_first[a >> 3] >> (a & 7) & 1)))
        return;
    for (size_t s = slot_of(a, b, r->cue_mask); r->cue_table[s]; s = (s + 1) & r->cue_mask) {
        size_t i = r->cue_table[s] - 1;
        if (r->cues[i].first != a || r->cues[i].second != b)
            continue;
        *first = i;
        while (i < r->ncues && r->cues[i].first == a && r->cues[i].second == b)
            i++;
        *n = i - *first;
        return;
    }
}
