/* extract.c — stage 3: every quantity in a report (a number with its measure word), the ones
 * the rules of data/rules.yaml name with a stable key, and the rates linked to their counts.
 *
 * Number-first: the numeral reader finds where each numeral may start; at each, anchored
 * patterns decide whether it is a name or an ordinal (words.yaml `ignore`), the numeral reader
 * reads the expression, and an anchored alternation reads the measure word. Only then are the
 * few words before and after it tested against the metric rules. A flat alternation of every
 * phrasing over the whole text would be several times slower and grow with every rule. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "number.h"
#include "rules.h"

/* How far the words before or after a number are looked at: a clause is rarely longer, and the
 * bound keeps the scan linear whatever the input. */
#define QZ_WINDOW_CHARS 60
/* How far back the start of a sentence is looked for (not_in_sentence). */
#define QZ_SENTENCE_CHARS 200
/* How far a quote reaches on either side of its number. */
#define QZ_QUOTE_CHARS 80
/* A sentence holds at most this many quantities before it is settled (a text with no full
 * stop would otherwise be one sentence held whole: 1.2 million figures on one 21.6 MB line
 * are 150 MiB of quantities); no report's sentence comes near it. A longer one is settled in
 * pieces of this many, and `apart` sees each piece as its sentence (README, limits). */
#define QZ_SENTENCE_QUANTITIES 65536

typedef struct {
    const qz_doc *doc;
    const qz_outline *o;
    const qz_rules *r;
    qz_context *cx;
    qz_metrics *m;
    size_t cap_items, cap_rates;
    size_t part_cursor;    /* parts before it start before the current quantity */
    size_t section_cursor; /* likewise for sections */
    bool has_prev;         /* a quantity came before */
    size_t prev_end;       /* where it ended, in the view */
    const char *prev_key;  /* its key as classified */
    size_t settled;        /* items [0, settled) are final (see settle) */
    bool *seen;            /* per metric: its first mention is past */
    bool *stated;          /* per metric: stated in the sentence being settled (apart) */
    qz_quantity_sink sink; /* when set, settled quantities go there instead of staying */
    void *sink_arg;
    qz_quantity *firsts;   /* with a sink: each key's first mention, for the rates */
    size_t nfirsts, cap_firsts;
    qz_error *err;
    long *rule;            /* per quantity: the metric that named it, or -1 */
    const qz_phrasing **via; /* per quantity: the phrasing that matched, or NULL */
    size_t cap_rule, cap_via;
    /* the cue words found in the view, in order, and per quantity the phrasings they allow */
    struct cue_hit *hits;  /* those not yet behind every window, in order */
    size_t nhits, cap_hits;
    size_t cue_scanned;    /* the view is searched for cue words up to here */
    uint32_t stamp;        /* one per quantity: a phrasing's mark below equals it when set */
    uint32_t *cue_before;  /* per phrasing: a cue of its `before` stands before the number */
    uint32_t *cue_after;   /* per phrasing: a cue of its `after` stands after the unit */
    uint32_t *touched;     /* the phrasings marked for this quantity */
    size_t ntouched;
    uint32_t *metric_mark; /* per metric: already a candidate */
    uint32_t *candidates;  /* the metrics that may name this quantity, in the rules' order */
    size_t ncandidates;
} scan;

typedef struct cue_hit {
    size_t pos, end;
    uint32_t cue;
} cue_hit;

/* ---- characters ---- */

static bool is_clause_mark(uint32_t cp)
{
    switch (cp) {
    case 0xFF0C: /* ， */
    case ',':
    case 0x3002: /* 。 */
    case 0xFF1B: /* ； */
    case ';':
    case 0xFF01: /* ！ */
    case '!':
    case 0xFF1F: /* ？ */
    case '?':
    case '\n':
        return true;
    default:
        return false;
    }
}

/* A mark that ends a sentence for good: not a comma or semicolon (one sentence often lists a
 * year's figures through ；). */
static bool is_full_stop(uint32_t cp)
{
    return cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F || cp == '!' || cp == '?' || cp == '\n';
}

static bool is_sentence_mark(uint32_t cp)
{
    return cp != 0xFF0C && cp != ',' && is_clause_mark(cp);
}

/* Walks back from pos over at most `limit` characters, stopping after a mark that `is_mark`
 * accepts or at floor. A mark inside brackets does not stop it: in 丙类（受财力限制暂时难以
 * 解决，已向代表说明）32件 the comma is the bracket's, and the words before it are the
 * figure's. */
static size_t walk_back(const char *t, size_t pos, size_t floor, size_t limit,
                        bool (*is_mark)(uint32_t))
{
    unsigned depth = 0;
    for (size_t k = 0; k < limit && pos > floor; k++) {
        size_t p = qz_utf8_prev(t, pos);
        size_t n;
        uint32_t cp = qz_utf8_decode(t + p, pos - p, &n);
        if (cp == 0xFF09 || cp == ')')
            depth++;
        else if ((cp == 0xFF08 || cp == '(') && depth > 0)
            depth--;
        else if (depth == 0 && is_mark(cp))
            return pos;
        else if (cp == '\n')
            return pos; /* a bracket never spans lines */
        pos = p;
    }
    return pos;
}

/* Where the clause that holds pos starts (after ，。；！？ or a line end), at most `limit`
 * characters back and not before floor. */
static size_t clause_start(const char *t, size_t pos, size_t floor, size_t limit)
{
    return walk_back(t, pos, floor, limit, is_clause_mark);
}

/* Walks forward from pos over at most `limit` characters, stopping before a clause mark. */
static size_t clause_end(const char *t, size_t len, size_t pos, size_t limit)
{
    for (size_t k = 0; k < limit && pos < len; k++) {
        size_t n;
        if (is_clause_mark(qz_utf8_decode(t + pos, len - pos, &n)))
            return pos;
        pos += n;
    }
    return pos;
}

/* Where the part of the sentence that holds pos starts (after 。！？； or a line end), at most
 * `limit` characters back: the deputies' figures after a semicolon are not the CPPCC's before
 * it. */
static size_t sentence_start(const char *t, size_t pos, size_t limit)
{
    return walk_back(t, pos, 0, limit, is_sentence_mark);
}

/* Whether a mark that `is_mark` accepts stands in t[from, to). */
static bool mark_between(const char *t, size_t from, size_t to, bool (*is_mark)(uint32_t))
{
    while (from < to) {
        size_t n;
        if (is_mark(qz_utf8_decode(t + from, to - from, &n)))
            return true;
        from += n;
    }
    return false;
}

/* ---- where a quantity stands ---- */

static qz_where where_of(scan *sc, size_t offset)
{
    const qz_outline *o = sc->o;
    if (o->closing.len && offset >= o->closing.start)
        return QZ_WHERE_CLOSING;
    while (sc->part_cursor < o->nparts && o->parts[sc->part_cursor].start <= offset)
        sc->part_cursor++;
    if (sc->part_cursor == 0)
        return QZ_WHERE_PREAMBLE;
    switch (o->parts[sc->part_cursor - 1].kind) {
    case QZ_PART_REVIEW:
        return QZ_WHERE_REVIEW;
    case QZ_PART_PLAN:
        return QZ_WHERE_PLAN;
    default:
        return QZ_WHERE_BODY;
    }
}

/* The innermost section holding offset: the last one to start before it, or the nearest of
 * its ancestors that has not ended yet. */
static long section_of(scan *sc, size_t offset)
{
    const qz_outline *o = sc->o;
    while (sc->section_cursor < o->nsections && o->sections[sc->section_cursor].start <= offset)
        sc->section_cursor++;
    long i = (long)sc->section_cursor - 1;
    while (i >= 0 && o->sections[i].end <= offset)
        i = o->sections[i].parent;
    return i;
}

/* ---- metric rules ---- */


typedef struct {
    const char *text;
    size_t *sentence;   /* start of the sentence (after 。！？； or a line end, at most
                           QZ_SENTENCE_CHARS back), found when first asked: SIZE_MAX before */
    size_t before;      /* start of the words before the number */
    size_t start;       /* the number (with its prefix) */
    size_t unit_end;    /* just past its measure word */
    size_t after_limit; /* end of its clause */
    size_t unit_index;  /* its measure word (rules' unit_ok) */
    const char *prev_key; /* key of the quantity just before, in the same sentence */
    qz_context *cx;
} context;

static bool search(const qz_pattern *p, const context *c)
{
    qz_match m;
    return qz_pattern_present(p) &&
           qz_pattern_match(c->cx, p, c->text + c->before, c->start - c->before, &m);
}

static bool in_sentence(const qz_pattern *p, const context *c)
{
    qz_match m;
    if (!qz_pattern_present(p))
        return false;
    if (*c->sentence == SIZE_MAX)
        *c->sentence = sentence_start(c->text, c->start, QZ_SENTENCE_CHARS);
    return qz_pattern_match(c->cx, p, c->text + *c->sentence, c->start - *c->sentence, &m);
}

static bool follows_ok(const char *follows, const context *c)
{
    return !follows || (c->prev_key && strcmp(follows, c->prev_key) == 0);
}

static bool phrasing_matches(const qz_phrasing *ph, const context *c)
{
    qz_match m;
    if (!follows_ok(ph->follows, c) ||
        (ph->not_follows && c->prev_key && strcmp(ph->not_follows, c->prev_key) == 0))
        return false;
    if (qz_pattern_present(&ph->before) && !search(&ph->before, c))
        return false;
    if (qz_pattern_present(&ph->after) &&
        !qz_pattern_match_at(c->cx, &ph->after, c->text, c->after_limit, c->unit_end, &m))
        return false;
    return true;
}

/* Whether a phrasing's cue words stand where it needs them for this quantity. */
static bool phrasing_possible(const scan *sc, const qz_phrasing *ph)
{
    return (!ph->cue_before || sc->cue_before[ph->number] == sc->stamp) &&
           (!ph->cue_after || sc->cue_after[ph->number] == sc->stamp);
}

/* The index of the first metric that accepts the quantity, or -1; *via gets the phrasing.
 * Only the candidates are asked: the metrics whose phrasings' cue words stand near it. */
static long classify(const scan *sc, const qz_quantity *q, const context *c,
                     const qz_phrasing **via)
{
    const qz_rules *r = sc->r;
    for (size_t n = 0; n < sc->ncandidates; n++) {
        size_t i = sc->candidates[n];
        const qz_metric_rule *rule = &r->metrics[i];
        if (!(rule->parts & (1u << q->where)) || !rule->unit_ok[c->unit_index] ||
            !follows_ok(rule->follows, c))
            continue;
        const qz_phrasing *ph = NULL;
        for (size_t k = 0; k < rule->nphrasings && !ph; k++)
            if (phrasing_possible(sc, &rule->phrasings[k]) &&
                phrasing_matches(&rule->phrasings[k], c))
                ph = &rule->phrasings[k];
        /* what rejects a phrasing that matched is asked only then: most quantities match no
         * rule, and these searches reach back over the whole sentence */
        if (!ph || search(&rule->not_before, c) || in_sentence(&rule->not_in_sentence, c))
            continue;
        /* an intention covers its whole sentence: 计划审议法规草案8件，开展执法检查5次 */
        if (in_sentence(&r->plan_words, c))
            return -1;
        *via = ph;
        return (long)i;
    }
    return -1;
}

/* ---- cue words ---- */

/* Finds the cue words of the rules that start in the view before upto, going on from where
 * the last call stopped: one pass over the view in all, whatever the number of rules. Returns
 * false when out of memory. */
static bool find_cues(scan *sc, size_t upto)
{
    const unsigned char *t = (const unsigned char *)sc->doc->view;
    size_t len = sc->doc->view_len, pos = sc->cue_scanned;
    const qz_rules *r = sc->r;
    if (upto > len)
        upto = len;
    for (; pos < upto;) {
        /* the view is valid UTF-8: most characters are three bytes, and most start no cue
         * word, which one bit of the bitmap says */
        uint32_t cp;
        size_t n;
        if (t[pos] < 0x80) {
            cp = t[pos], n = 1;
        } else if ((t[pos] & 0xF0) == 0xE0 && len - pos >= 3) {
            cp = (uint32_t)(t[pos] & 0x0F) << 12 | (uint32_t)(t[pos + 1] & 0x3F) << 6 |
                 (t[pos + 2] & 0x3F);
            n = 3;
        } else {
            cp = qz_utf8_decode((const char *)t + pos, len - pos, &n);
        }
        if (cp <= 0xFFFF && !(r->cue_first[cp >> 3] >> (cp & 7) & 1)) {
            pos += n;
            continue;
        }
        /* the second character, then the cues that start with both */
        size_t n2 = 0;
        uint32_t cp2 = pos + n < len ? qz_utf8_decode((const char *)t + pos + n, len - pos - n,
                                                      &n2)
                                     : 0;
        size_t first, count;
        qz_cue_lookup(r, cp, cp2, &first, &count);
        for (size_t i = first; i < first + count; i++) {
            const qz_cue *cue = &r->cues[i];
            size_t head = n + n2;
            if (cue->len > len - pos ||
                memcmp(t + pos + head, cue->word + head, cue->len - head) != 0)
                continue;
            if (!QZ_GROW(sc->hits, sc->cap_hits, sc->nhits + 1))
                return false;
            sc->hits[sc->nhits++] = (cue_hit){pos, pos + cue->len, (uint32_t)i};
        }
        pos += n;
    }
    sc->cue_scanned = pos;
    return true;
}

/* The first hit at or after pos. */
static size_t first_hit(const scan *sc, size_t pos)
{
    size_t lo = 0, hi = sc->nhits;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (sc->hits[mid].pos < pos)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* Marks the phrasings whose cue words of one side (0 before, 1 after) lie in [from, to). */
static void mark_side(scan *sc, size_t from, size_t to, unsigned side)
{
    uint32_t *marks = side ? sc->cue_after : sc->cue_before;
    for (size_t h = first_hit(sc, from); h < sc->nhits && sc->hits[h].pos < to; h++) {
        if (sc->hits[h].end > to)
            continue;
        const qz_cue *cue = &sc->r->cues[sc->hits[h].cue];
        for (size_t k = 0; k < cue->nrefs; k++) {
            if ((cue->refs[k] & 1) != side)
                continue;
            uint32_t ph = cue->refs[k] >> 1;
            if (marks[ph] == sc->stamp)
                continue;
            marks[ph] = sc->stamp;
            sc->touched[sc->ntouched++] = ph; /* at most twice per phrasing: one per side */
        }
    }
}

static void add_candidate(scan *sc, uint32_t metric)
{
    if (sc->metric_mark[metric] == sc->stamp)
        return;
    sc->metric_mark[metric] = sc->stamp;
    size_t i = sc->ncandidates++; /* kept in the rules' order: the first metric wins */
    while (i > 0 && sc->candidates[i - 1] > metric) {
        sc->candidates[i] = sc->candidates[i - 1];
        i--;
    }
    sc->candidates[i] = metric;
}

/* The metrics that may name a quantity: those with a phrasing whose cue words stand in the
 * words before it and after its unit, and those with a phrasing that has none. */
static bool find_candidates(scan *sc, const context *c)
{
    /* the cue words up to the end of this quantity's window; those before its start are never
     * looked at again (windows only move forward), so they go once they are many */
    if (!find_cues(sc, c->after_limit))
        return false;
    size_t behind = first_hit(sc, c->before);
    if (behind > 1024 && behind > sc->nhits / 2) {
        memmove(sc->hits, sc->hits + behind, (sc->nhits - behind) * sizeof *sc->hits);
        sc->nhits -= behind;
    }
    sc->stamp++;
    sc->ntouched = sc->ncandidates = 0;
    mark_side(sc, c->before, c->start, 0);
    mark_side(sc, c->unit_end, c->after_limit, 1);
    const qz_rules *r = sc->r;
    for (size_t i = 0; i < sc->ntouched; i++) {
        uint32_t m = r->phrasing_metric[sc->touched[i]];
        const qz_metric_rule *rule = &r->metrics[m];
        if (phrasing_possible(sc, &rule->phrasings[sc->touched[i] - rule->phrasings[0].number]))
            add_candidate(sc, m);
    }
    for (size_t i = 0; i < r->nalways; i++)
        add_candidate(sc, r->always[i]);
    return true;
}

/* ---- one quantity ---- */

static bool is_bare_big_unit(const char *t, size_t len, size_t p)
{
    size_t n;
    uint32_t cp = qz_utf8_decode(t + p, len - p, &n);
    return cp == 0x767E || cp == 0x5343 || cp == 0x4E07 || cp == 0x4EBF; /* 百 千 万 亿 */
}

/* Reads the measure word at pos (spaces before it allowed); returns its name or NULL, and its
 * index in the rules' measure words in *index. */
static const char *read_unit(scan *sc, size_t pos, size_t *end, size_t *index)
{
    const char *t = sc->doc->view;
    size_t len = sc->doc->view_len;
    while (pos < len && (t[pos] == ' ' || t[pos] == '\t'))
        pos++;
    qz_match m;
    if (qz_pattern_match_at(sc->cx, &sc->r->not_units, t, len, pos, &m) ||
        !qz_pattern_match_at(sc->cx, &sc->r->unit_any, t, len, pos, &m))
        return NULL;
    long i = qz_match_mark_index(sc->cx);
    if (i < 0 || (size_t)i >= sc->r->nunits)
        return NULL;
    *end = m.end;
    *index = (size_t)i;
    return sc->r->units[i].name;
}

static void negate(qz_quantity *q)
{
    qz_decimal lo = q->lo;
    q->lo = (qz_decimal){-q->hi.mant, q->hi.scale};
    q->hi = (qz_decimal){-lo.mant, lo.scale};
}

static qz_span quote_of(const char *t, size_t len, size_t start, size_t end)
{
    size_t a = clause_start(t, start, 0, QZ_QUOTE_CHARS);
    size_t b = clause_end(t, len, end, QZ_QUOTE_CHARS);
    a += qz_skip_space(t + a, b - a);
    while (a < start && memcmp(t + a, "、", 3) == 0)
        a += 3;
    return (qz_span){a, b - a};
}

static bool settle(scan *sc);

/* Whether the numeral at p is a quantity; adds it if so. *next gets where to search on.
 * Returns false only when out of memory. */
static bool try_quantity(scan *sc, size_t p, size_t *next)
{
    const char *t = sc->doc->view;
    size_t len = sc->doc->view_len;
    const qz_rules *r = sc->r;
    size_t n0;
    qz_utf8_decode(t + p, len - p, &n0);
    *next = p + n0;
    qz_match m;
    if (qz_pattern_match_at(sc->cx, &r->ignore_any, t, len, p, &m)) {
        /* skip the whole numeral too: after 第, 十五次 must not leave 五次 behind */
        size_t skip = m.end;
        qz_number num;
        size_t n = qz_number_read(t + p, len - p, &num);
        if (p + n > skip)
            skip = p + n;
        if (skip > *next)
            *next = skip;
        return true;
    }
    size_t prev_end = sc->has_prev ? sc->prev_end : 0;
    size_t start = qz_number_prefix_start(t, p);
    if (start < prev_end)
        start = p;
    qz_number num;
    size_t n = qz_number_read(t + start, len - start, &num);
    if (n == 0 && start < p)
        n = qz_number_read(t + (start = p), len - p, &num);
    if (n == 0)
        return true;
    *next = start + n;
    /* A bare 百/千/万 (千家万户, 百姓) is a number only as 百余, 近千, 逾百万 or 百分之. */
    if (start == p && is_bare_big_unit(t, len, p) && num.qualifier == QZ_QUAL_EXACT &&
        num.kind == QZ_NUM_PLAIN)
        return true;
    size_t unit_end = start + n;
    size_t unit_index = r->nunits + (num.kind == QZ_NUM_POINTS); /* % or pp, after the words */
    const char *unit = num.kind == QZ_NUM_PERCENT ? "%" : num.kind == QZ_NUM_POINTS ? "pp"
                                                        : read_unit(sc, unit_end, &unit_end,
                                                                    &unit_index);
    if (!unit)
        return true;
    if (num.qualifier == QZ_QUAL_EXACT && num.kind == QZ_NUM_PLAIN)
        unit_end += qz_number_suffix_read(t + unit_end, len - unit_end, &num.qualifier);
    *next = unit_end;

    /* the quantity just before, for `follows`: in the same sentence, semicolons included (审计
     *查出问题143个；…已完成整改的131个). A sentence is settled once the next one begins (or once
     * it holds more quantities than any sentence does, so that memory stays bounded on a text
     * with no full stops). */
    bool same_sentence = sc->has_prev && !mark_between(t, prev_end, start, is_full_stop);
    if ((!same_sentence || sc->m->n - sc->settled >= QZ_SENTENCE_QUANTITIES) && !settle(sc))
        return false;
    if (!QZ_GROW(sc->m->items, sc->cap_items, sc->m->n + 1) ||
        !QZ_GROW(sc->rule, sc->cap_rule, sc->m->n + 1) ||
        !QZ_GROW(sc->via, sc->cap_via, sc->m->n + 1))
        return false;
    size_t at = qz_doc_text_offset(sc->doc, start, false); /* the outline's offsets are the text's */
    qz_quantity q = {
        .lo = num.lo, .hi = num.hi, .qualifier = num.qualifier, .kind = num.kind,
        .unit = unit, .start = start, .end = unit_end,
        .quote = quote_of(t, len, start, unit_end),
        .where = where_of(sc, at),
        .section = section_of(sc, at),
    };
    /* the words before: back to the clause's start, but not into the previous quantity */
    size_t cs = clause_start(t, start, 0, QZ_WINDOW_CHARS);
    size_t sentence = SIZE_MAX;
    context c = {
        .text = t,
        .sentence = &sentence,
        .before = cs > prev_end ? cs : prev_end,
        .start = start,
        .unit_end = unit_end,
        .after_limit = clause_end(t, len, unit_end, QZ_WINDOW_CHARS),
        .unit_index = unit_index,
        .prev_key = same_sentence ? sc->prev_key : NULL,
        .cx = sc->cx,
    };
    if (num.kind != QZ_NUM_PLAIN && search(&r->negative, &c))
        negate(&q);
    const qz_phrasing *via = NULL;
    if (!find_candidates(sc, &c))
        return false;
    long rule = classify(sc, &q, &c, &via);
    if (rule >= 0)
        q.key = r->metrics[rule].key;
    sc->rule[sc->m->n] = rule;
    sc->via[sc->m->n] = via;
    sc->m->items[sc->m->n] = q;
    sc->m->n++;
    sc->has_prev = true;
    sc->prev_end = q.end;
    sc->prev_key = q.key;
    return true;
}

/* ---- what a whole sentence says ---- */

/* A phrasing with `apart` names its figure otherwise when its sentence also states the other
 * key: 制定N件 is the laws enacted, unless 修改M件 stands beside it, when it is the new ones.
 * Items [a, b) are one sentence: its keys are marked once, then looked up. */
static void apply_apart(scan *sc, size_t a, size_t b)
{
    qz_metrics *m = sc->m;
    bool *stated = sc->stated;
    for (size_t i = a; i < b; i++)
        if (sc->rule[i] >= 0)
            stated[sc->rule[i]] = true;
    for (size_t i = a; i < b; i++) { /* decide on the keys as stated: rename the key only */
        const qz_phrasing *ph = sc->via[i];
        if (ph && ph->apart_rule >= 0 && stated[ph->apart_with_rule])
            m->items[i].key = sc->r->metrics[ph->apart_rule].key;
    }
    for (size_t i = a; i < b; i++) {
        if (sc->rule[i] < 0)
            continue;
        stated[sc->rule[i]] = false;
        if (m->items[i].key != sc->r->metrics[sc->rule[i]].key)
            sc->rule[i] = sc->via[i]->apart_rule;
    }
}

/* A phrasing with `also` reports its figure under a second key too (制定N件, alone in its
 * sentence, is both the laws enacted and the new ones): a copy of the quantity follows it.
 * Items [a, n) are the sentence, at the end of the array. */
static bool apply_also(scan *sc, size_t a)
{
    size_t extra = 0;
    for (size_t i = a; i < sc->m->n; i++)
        if (sc->via[i] && sc->via[i]->also && sc->rule[i] != sc->via[i]->apart_rule)
            extra++;
    if (!extra)
        return true;
    size_t n = sc->m->n + extra;
    if (!QZ_GROW(sc->m->items, sc->cap_items, n) || !QZ_GROW(sc->rule, sc->cap_rule, n) ||
        !QZ_GROW(sc->via, sc->cap_via, n))
        return false;
    /* in place, from the end: each item moves up by the copies before it, never onto one not
     * yet moved */
    qz_quantity *items = sc->m->items;
    size_t w = n;
    for (size_t i = sc->m->n; i-- > a;) {
        const qz_phrasing *ph = sc->via[i];
        if (ph && ph->also && sc->rule[i] != ph->apart_rule) {
            w--;
            items[w] = items[i];
            items[w].key = sc->r->metrics[ph->also_rule].key;
            sc->rule[w] = ph->also_rule;
            sc->via[w] = NULL;
        }
        w--;
        items[w] = items[i];
        sc->rule[w] = sc->rule[i];
        sc->via[w] = ph;
    }
    sc->m->n = n;
    return true;
}

/* The scan reads the match view; what leaves the stage points into the text. */
static void to_text_offsets(const qz_doc *doc, qz_quantity *q)
{
    if (doc->view == doc->text)
        return;
    qz_doc_text_span(doc, &q->quote.start, &q->quote.len);
    size_t len = q->end - q->start;
    qz_doc_text_span(doc, &q->start, &len);
    q->end = q->start + len;
}

/* Makes the sentence read since the last settled item final: the keys `apart` renames, the
 * copies `also` adds, each key's first mention, offsets into the text. With a sink, each
 * settled quantity goes to it (a first mention is kept for the rates) and the sentence is
 * dropped: memory holds one sentence, whatever the length of the text. */
static bool settle(scan *sc)
{
    size_t a = sc->settled;
    if (a == sc->m->n)
        return true;
    apply_apart(sc, a, sc->m->n);
    if (!apply_also(sc, a))
        return false;
    for (size_t i = a; i < sc->m->n; i++) {
        qz_quantity *q = &sc->m->items[i];
        long rule = sc->rule[i];
        if (rule >= 0 && !sc->seen[rule]) /* each key is reported at its first mention */
            q->first = sc->seen[rule] = true;
        to_text_offsets(sc->doc, q);
    }
    if (!sc->sink) {
        sc->settled = sc->m->n;
        return true;
    }
    for (size_t i = a; i < sc->m->n; i++) {
        const qz_quantity *q = &sc->m->items[i];
        if (q->first) {
            if (!QZ_GROW(sc->firsts, sc->cap_firsts, sc->nfirsts + 1))
                return false;
            sc->firsts[sc->nfirsts++] = *q;
        }
        qz_status st = sc->sink(sc->sink_arg, q, sc->err);
        if (st != QZ_OK) { /* the sink's error, or one that says where it came from */
            if (sc->err->status == QZ_OK)
                qz_fail(sc->err, st, sc->doc->source, 0, 0, "the figures' receiver failed");
            return false;
        }
    }
    sc->m->n = sc->settled = 0;
    return true;
}

/* ---- rates ---- */

static bool whole(const qz_quantity *q)
{
    return q->kind == QZ_NUM_PLAIN && q->qualifier == QZ_QUAL_EXACT && q->lo.scale == 0 &&
           q->lo.mant >= 0;
}

static const int64_t pow10_table[] = {1, 10, 100, 1000, 10000, 100000, 1000000};

/* Links stated = numerator / denominator when all three are exact; false if they cannot be
 * linked (absent, not exact, or too large to compute exactly). */
static bool link_rate(const qz_quantity *s, const qz_quantity *num, const qz_quantity *den,
                      qz_rate *rate)
{
    if (s->kind != QZ_NUM_PERCENT || s->qualifier != QZ_QUAL_EXACT || !whole(num) ||
        !whole(den) || den->lo.mant == 0 || s->lo.scale > 3 || s->lo.mant < 0)
        return false;
    int64_t a = num->lo.mant, b = den->lo.mant, stated = s->lo.mant;
    int k = s->lo.scale;
    if (a > INT64_MAX / 100000 || b > INT64_MAX / 100000 / 1000)
        return false;
    /* computed to three decimals, rounded half up */
    rate->computed = (qz_decimal){(a * 100000 + b / 2) / b, 3};
    /* stated agrees when it is the exact value rounded to its own decimals (half up or half
     * even: a tie agrees either way): |a·100·10^k − stated·b| ≤ b/2 */
    int64_t diff = a * 100 * pow10_table[k] - stated * b;
    rate->consistent = (diff >= 0 ? diff : -diff) * 2 <= b;
    return true;
}

static long index_of(const qz_metrics *m, const char *key)
{
    const qz_quantity *q = qz_metrics_get(m, key);
    return q ? q - m->items : -1;
}

/* The base the text names in the words before a stated rate (占建议总数的80.6%), or NULL. */
static const char *named_base(const scan *sc, const qz_rate_rule *rule, const qz_quantity *q)
{
    /* a settled quantity's offsets are the text's: the patterns read the view */
    size_t at = qz_doc_view_offset(sc->doc, q->start);
    size_t from = clause_start(sc->doc->view, at, 0, QZ_WINDOW_CHARS);
    for (size_t i = 0; i < rule->nnamed; i++) {
        qz_match mt;
        if (qz_pattern_match_at(sc->cx, &rule->named[i].before, sc->doc->view, at, from, &mt))
            return rule->named[i].key;
    }
    return NULL;
}

static bool link_rates(scan *sc)
{
    qz_metrics *m = sc->m;
    for (size_t i = 0; i < sc->r->nrates; i++) {
        const qz_rate_rule *rule = &sc->r->rates[i];
        long s = index_of(m, rule->key), a = index_of(m, rule->numerator);
        const char *base = s >= 0 ? named_base(sc, rule, &m->items[s]) : NULL;
        size_t d = 0; /* the first denominator the report states: never a total it does not */
        long b = base ? index_of(m, base) : -1;
        while (!base && d < rule->ndenominators && (b = index_of(m, rule->denominators[d])) < 0)
            d++;
        if (s < 0 || a < 0 || b < 0)
            continue;
        qz_rate rate = {.key = rule->key, .stated = (size_t)s, .numerator = (size_t)a,
                        .denominator = (size_t)b,
                        .denominator_key = base ? base : rule->denominators[d]};
        if (!link_rate(&m->items[s], &m->items[a], &m->items[b], &rate))
            continue;
        if (!QZ_GROW(m->rates, sc->cap_rates, m->nrates + 1))
            return false;
        m->rates[m->nrates++] = rate;
    }
    return true;
}

/* ---- the whole text ---- */

/* The per-phrasing and per-metric marks: zero is never a quantity's stamp. */
static bool scratch_new(scan *sc)
{
    size_t np = sc->r->nphrasings + 1, nm = sc->r->nmetrics + 1;
    sc->cue_before = calloc(np, sizeof *sc->cue_before);
    sc->cue_after = calloc(np, sizeof *sc->cue_after);
    sc->touched = malloc(2 * np * sizeof *sc->touched);
    sc->metric_mark = calloc(nm, sizeof *sc->metric_mark);
    sc->candidates = malloc(nm * sizeof *sc->candidates);
    sc->seen = calloc(nm, sizeof *sc->seen);
    sc->stated = calloc(nm, sizeof *sc->stated);
    return sc->cue_before && sc->cue_after && sc->touched && sc->metric_mark && sc->candidates &&
           sc->seen && sc->stated;
}

static void scratch_free(scan *sc)
{
    free(sc->hits);
    free(sc->cue_before);
    free(sc->cue_after);
    free(sc->touched);
    free(sc->metric_mark);
    free(sc->candidates);
    free(sc->seen);
    free(sc->stated);
    free(sc->rule);
    free(sc->via);
}

/* The whole scan: every numeral, each sentence settled as the next begins, then the rates. */
static qz_status run_scan(scan *sc, qz_error *err)
{
    const qz_doc *doc = sc->doc;
    qz_error failed = {0};
    sc->err = &failed;
    size_t pos = 0;
    bool ok = scratch_new(sc);
    while (ok && (pos = qz_number_find(doc->view, doc->view_len, pos)) < doc->view_len) {
        size_t next;
        ok = try_quantity(sc, pos, &next);
        pos = next;
    }
    ok = ok && settle(sc);
    if (ok && sc->sink) { /* the rates link first mentions: the ones kept */
        free(sc->m->items);
        sc->m->items = sc->firsts;
        sc->m->n = sc->nfirsts;
        sc->firsts = NULL;
    }
    ok = ok && link_rates(sc);
    free(sc->firsts);
    scratch_free(sc);
    if (ok)
        return QZ_OK;
    if (failed.status != QZ_OK) { /* the sink's own error */
        *err = failed;
        return failed.status;
    }
    return qz_fail(err, QZ_ERR_NOMEM, doc->source, 0, 0, "out of memory");
}

static qz_status metrics_scan(qz_metrics **out, const qz_doc *doc, const qz_outline *outline,
                              qz_context *ctx, qz_quantity_sink sink, void *arg, qz_error *err)
{
    *out = NULL;
    qz_metrics *m = calloc(1, sizeof *m);
    if (!m)
        return qz_fail(err, QZ_ERR_NOMEM, doc->source, 0, 0, "out of memory");
    scan sc = {.doc = doc, .o = outline, .r = ctx->rules, .cx = ctx, .m = m, .sink = sink,
               .sink_arg = arg};
    qz_status st = run_scan(&sc, err);
    if (st != QZ_OK) {
        qz_metrics_free(m);
        return st;
    }
    *out = m;
    return QZ_OK;
}

qz_status qz_metrics_new(qz_metrics **out, const qz_doc *doc, const qz_outline *outline,
                         qz_context *ctx, qz_error *err)
{
    return metrics_scan(out, doc, outline, ctx, NULL, NULL, err);
}

qz_status qz_metrics_stream(qz_metrics **out, const qz_doc *doc, const qz_outline *outline,
                            qz_context *ctx, qz_quantity_sink sink, void *arg, qz_error *err)
{
    /* the context may not be the one that loaded the document (a writing thread's): its
     * disabled patterns are those of another report */
    qz_context_begin_doc(ctx);
    return metrics_scan(out, doc, outline, ctx, sink, arg, err);
}

void qz_metrics_free(qz_metrics *m)
{
    if (!m)
        return;
    free(m->items);
    free(m->rates);
    free(m);
}

const qz_quantity *qz_metrics_get(const qz_metrics *m, const char *key)
{
    for (size_t i = 0; i < m->n; i++)
        if (m->items[i].first && strcmp(m->items[i].key, key) == 0)
            return &m->items[i];
    return NULL;
}

int qz_quantity_value(const qz_quantity *q, char *buf, size_t size)
{
    char lo[48], hi[48];
    qz_decimal_format(q->lo, lo, sizeof lo);
    if (q->qualifier != QZ_QUAL_RANGE && q->qualifier != QZ_QUAL_VAGUE)
        return snprintf(buf, size, "%s", lo);
    qz_decimal_format(q->hi, hi, sizeof hi);
    return snprintf(buf, size, "%s..%s", lo, hi);
}

const char *qz_qualifier_name(qz_qualifier q)
{
    static const char *const names[] = {"exact", "more", "about", "near",
                                        "less",  "range", "vague"};
    return (size_t)q < sizeof names / sizeof names[0] ? names[q] : "?";
}
