/* check.c — stage 4: the faults a proofreader would mark, as diagnostics with positions,
 * messages in Chinese or English, and the fixes that cannot change meaning.
 *
 * Most rules are a pattern of data/check.yaml searched through the text; the ones that need
 * structure are here in code: broken lines (the loader's repairs), parentheses and quotes as
 * pairs, paired marks' balance and nesting, heading sequence/level/punctuation (the outline),
 * and rates, sums and required metrics (the metrics). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rules.h"

/* A finding's message is built from a template with these fields. */
typedef struct {
    const char *found, *to, *name, *expected, *stated, *computed, *key;
} fields;

typedef struct {
    const qz_doc *doc;
    const qz_outline *o;
    const qz_metrics *m;
    const qz_rules *r;
    qz_context *cx;
    const qz_check_options *opt;
    qz_check *c;
    size_t cap;
    qz_severity *severity; /* per rule, after configuration */
    qz_span *allowed;      /* occurrences of the allowed strings */
    size_t nallowed;
    bool ok;               /* false once an allocation failed */
} checker;

/* ---- messages ---- */

static const char *field_value(const fields *f, const char *name, size_t n)
{
    static const struct {
        const char *name;
        size_t offset;
    } names[] = {
        {"found", offsetof(fields, found)},       {"to", offsetof(fields, to)},
        {"name", offsetof(fields, name)},         {"expected", offsetof(fields, expected)},
        {"stated", offsetof(fields, stated)},     {"computed", offsetof(fields, computed)},
        {"key", offsetof(fields, key)},
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strlen(names[i].name) == n && memcmp(names[i].name, name, n) == 0) {
            const char *v = *(const char *const *)((const char *)f + names[i].offset);
            return v ? v : "";
        }
    return NULL;
}

/* Fills {field} placeholders; an unknown {word} stays as written. */
static char *format_message(const char *tmpl, const fields *f)
{
    qz_buf b = {0};
    for (const char *p = tmpl; *p;) {
        const char *close = *p == '{' ? strchr(p, '}') : NULL;
        const char *v = close ? field_value(f, p + 1, (size_t)(close - p - 1)) : NULL;
        if (v) {
            qz_buf_puts(&b, v);
            p = close + 1;
        } else {
            qz_buf_append(&b, p, 1);
            p++;
        }
    }
    return qz_buf_release(&b, NULL);
}

/* ---- adding findings ---- */

static bool is_allowed(const checker *k, size_t start, size_t end)
{
    for (size_t i = 0; i < k->nallowed; i++)
        if (k->allowed[i].start <= start && end <= k->allowed[i].start + k->allowed[i].len)
            return true;
    return false;
}

static void add(checker *k, const qz_check_def *def, size_t start, size_t end, fields f,
                const char *fix, bool join)
{
    size_t idx = (size_t)(def - k->r->checks);
    qz_severity sev = k->severity[idx];
    if (sev == QZ_SEV_OFF || !k->ok || is_allowed(k, start, end))
        return;
    char *found = NULL; /* the text found, whole: a message never cuts it */
    if (!f.found && !(f.found = found = strndup(k->doc->text + start, end - start))) {
        k->ok = false;
        return;
    }
    if (!f.to)
        f.to = fix;
    const char *tmpl = k->opt->lang == QZ_LANG_EN ? def->msg_en : def->msg_zh;
    qz_diag d = {.rule = def->id, .severity = sev, .start = start, .end = end, .join = join,
                 .message = format_message(tmpl ? tmpl : def->id, &f),
                 .fix = fix ? strdup(fix) : NULL};
    free(found);
    if (!d.message || (fix && !d.fix) || !QZ_GROW(k->c->items, k->cap, k->c->n + 1)) {
        free(d.message);
        free(d.fix);
        k->ok = false;
        return;
    }
    k->c->items[k->c->n++] = d;
}

static const qz_check_def *def_of(const checker *k, const char *id)
{
    for (size_t i = 0; i < k->r->nchecks; i++)
        if (strcmp(k->r->checks[i].id, id) == 0)
            return &k->r->checks[i];
    return NULL;
}

static bool enabled(const checker *k, const qz_check_def *def)
{
    return def && k->severity[def - k->r->checks] != QZ_SEV_OFF;
}

/* The replacement of `found` in the rule's table, or NULL. */
static const qz_replacement *replacement(const qz_check_def *def, const char *s, size_t n)
{
    for (size_t i = 0; i < def->nreplace; i++)
        if (strlen(def->replace[i].from) == n && memcmp(def->replace[i].from, s, n) == 0)
            return &def->replace[i];
    return NULL;
}

static void add_replaced(checker *k, const qz_check_def *def, size_t start, size_t end)
{
    const qz_replacement *rp = replacement(def, k->doc->text + start, end - start);
    fields f = {.name = rp ? (k->opt->lang == QZ_LANG_EN ? rp->en : rp->zh) : NULL};
    add(k, def, start, end, f, rp ? rp->to : NULL, false);
}

/* ---- rules with patterns ---- */

/* fullwidth-alnum's fix: each full-width digit or letter as its ASCII form (never longer
 * than the text: three bytes become one), malloc'd; NULL when out of memory. */
static char *halfwidth_of(const char *s, size_t len)
{
    char *out = malloc(len + 1);
    size_t w = 0;
    for (size_t i = 0; out && i < len;) {
        size_t n;
        uint32_t cp = qz_utf8_decode(s + i, len - i, &n);
        char c = qz_halfwidth(cp);
        out[w++] = c ? c : '?';
        i += n;
    }
    if (out)
        out[w] = '\0';
    return out;
}

/* repeated-punct's fix: the last mark, full-width (through halfwidth-punct's table),
 * malloc'd. */
static char *last_mark(const checker *k, const char *s, size_t len)
{
    size_t last = qz_utf8_prev(s, len);
    const qz_check_def *half = def_of(k, "halfwidth-punct");
    const qz_replacement *rp = half ? replacement(half, s + last, len - last) : NULL;
    return rp ? strdup(rp->to) : strndup(s + last, len - last);
}

/* a kept group followed by the find's fix, malloc'd. */
static char *kept_then(const char *kept, size_t kl, const char *fix)
{
    size_t fl = strlen(fix);
    char *out = malloc(kl + fl + 1);
    if (out) {
        memcpy(out, kept, kl);
        memcpy(out + kl, fix, fl + 1);
    }
    return out;
}

/* Adds a finding whose fix was made for it (NULL: out of memory), then frees the fix. */
static void add_made_fix(checker *k, const qz_check_def *def, size_t start, size_t end,
                         char *fix)
{
    if (!fix)
        k->ok = false;
    else
        add(k, def, start, end, (fields){0}, fix, false);
    free(fix);
}

/* Adds one match of a find: the fix comes from the find (after its `keep` group), from the
 * rule's replacement table, or, for three rules whose fix depends on the text, from code. */
static void add_match(checker *k, const qz_check_def *def, const qz_check_find *find,
                      const qz_match *m, size_t start, size_t end)
{
    const char *t = k->doc->text;
    size_t ks, kl;
    if (strcmp(def->id, "fullwidth-alnum") == 0) {
        add_made_fix(k, def, start, end, halfwidth_of(t + start, end - start));
    } else if (strcmp(def->id, "repeated-punct") == 0) {
        add_made_fix(k, def, start, end, last_mark(k, t + start, end - start));
    } else if (strcmp(def->id, "invisible-char") == 0) {
        size_t n;
        char code[16]; /* a code point's hex digits: at most 6 */
        snprintf(code, sizeof code, "%04X", (unsigned)qz_utf8_decode(t + start, end - start, &n));
        add(k, def, start, end, (fields){.found = code}, find->fix ? find->fix : "", false);
    } else if (find->fix && qz_match_group(k->cx, m, "keep", &ks, &kl)) {
        add_made_fix(k, def, start, end, kept_then(t + ks, kl, find->fix));
    } else if (find->fix) {
        add(k, def, start, end, (fields){0}, find->fix, false);
    } else if (!def->nreplace) {
        add(k, def, start, end, (fields){0}, NULL, false); /* a finding without a fix */
    } else {
        /* a replacement table maps characters: each one of the match in it is a finding */
        for (size_t i = start; i < end;) {
            size_t n;
            qz_utf8_decode(t + i, end - i, &n);
            if (replacement(def, t + i, n))
                add_replaced(k, def, i, i + n);
            i += n;
        }
    }
}

static void run_find(checker *k, const qz_check_def *def, const qz_check_find *find)
{
    const char *t = k->doc->text;
    size_t pos = 0;
    qz_match m;
    while (pos <= k->doc->len &&
           qz_pattern_match_at(k->cx, &find->pat, t, k->doc->len, pos, &m)) {
        size_t start = qz_match_start(k->cx), end = m.end;
        if (start < end)
            add_match(k, def, find, &m, start, end);
        if (end > pos) {
            pos = end;
        } else if (pos < k->doc->len) { /* an empty match: step over one character */
            size_t n;
            qz_utf8_decode(t + pos, k->doc->len - pos, &n);
            pos += n;
        } else {
            break; /* an empty match at the very end: nothing further to find */
        }
    }
}

static void run_patterns(checker *k)
{
    for (size_t i = 0; i < k->r->nchecks; i++) {
        const qz_check_def *def = &k->r->checks[i];
        if (!enabled(k, def))
            continue;
        for (size_t f = 0; f < def->nfinds; f++)
            run_find(k, def, &def->finds[f]);
    }
}

/* ---- paragraphs: pairs of marks ---- */

static bool is_chinese(uint32_t cp)
{
    return qz_is_han(cp) || (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF01 && cp <= 0xFF5E) ||
           cp == 0x201C || cp == 0x201D || cp == 0x2018 || cp == 0x2019 || cp == 0x2026 ||
           cp == 0x2014;
}

static bool span_has_chinese(const char *s, size_t len)
{
    for (size_t i = 0; i < len;) {
        size_t n;
        if (is_chinese(qz_utf8_decode(s + i, len - i, &n)))
            return true;
        i += n;
    }
    return false;
}

/* The code point before pos (0 at the start) and the one at pos (0 at the end). */
static uint32_t cp_before(const char *t, size_t pos, size_t floor)
{
    if (pos <= floor)
        return 0;
    size_t p = qz_utf8_prev(t, pos), n;
    return qz_utf8_decode(t + p, pos - p, &n);
}

static uint32_t cp_at(const char *t, size_t pos, size_t end)
{
    size_t n;
    return pos < end ? qz_utf8_decode(t + pos, end - pos, &n) : 0;
}

/* halfwidth-punct for ( and ): a pair is Chinese when its inside or either side is. A lone
 * one counts when a neighbour is Chinese. */
static void halfwidth_parens(checker *k, const qz_check_def *def, size_t a, size_t b)
{
    const char *t = k->doc->text;
    for (size_t i = a; i < b; i++) {
        if (t[i] != '(' && t[i] != ')')
            continue;
        if (t[i] == '(') {
            const char *close = memchr(t + i, ')', b - i);
            const char *reopen = memchr(t + i + 1, '(', b - i - 1);
            if (close && (!reopen || reopen > close)) {
                size_t c = (size_t)(close - t);
                if (span_has_chinese(t + i + 1, c - i - 1) || is_chinese(cp_before(t, i, a)) ||
                    is_chinese(cp_at(t, c + 1, b))) {
                    add_replaced(k, def, i, i + 1);
                    add_replaced(k, def, c, c + 1);
                }
                i = c;
                continue;
            }
        }
        /* a lone one: its context is past any run of parentheses around it, so that one fix
         * converts the whole run ((( beside 中文 would otherwise take a pass per mark) */
        size_t before = i, after = i + 1;
        while (before > a && (t[before - 1] == '(' || t[before - 1] == ')'))
            before--;
        while (after < b && (t[after] == '(' || t[after] == ')'))
            after++;
        if (is_chinese(cp_before(t, before, a)) || is_chinese(cp_at(t, after, b)))
            add_replaced(k, def, i, i + 1);
    }
}

/* quote-form: straight quotes, paired in order within a paragraph, around Chinese text. */
static void straight_quotes(checker *k, const qz_check_def *def, size_t a, size_t b, char q,
                            const char *open, const char *close)
{
    const char *t = k->doc->text;
    for (size_t i = a; i < b; i++) {
        if (t[i] != q)
            continue;
        const char *end = memchr(t + i + 1, q, b - i - 1);
        if (!end)
            return;
        size_t e = (size_t)(end - t);
        if (span_has_chinese(t + i + 1, e - i - 1)) {
            add(k, def, i, i + 1, (fields){0}, open, false);
            add(k, def, e, e + 1, (fields){0}, close, false);
        }
        i = e;
    }
}

/* unbalanced-pair and nested-pair: a stack of open marks through the paragraph. */
static const struct {
    const char *open, *close, *inner; /* inner: what a pair nested in this kind should be */
} pairs[] = {
    {"“", "”", "‘’"}, {"‘", "’", NULL}, {"《", "》", "〈〉"}, {"〈", "〉", NULL},
    {"（", "）", NULL}, {"【", "】", NULL}, {"〔", "〕", NULL},
};
#define NPAIRS (sizeof pairs / sizeof pairs[0])
#define QZ_MAX_PAIR_DEPTH 64

static int pair_at(const char *s, size_t len, bool *is_open)
{
    for (size_t i = 0; i < NPAIRS; i++) {
        size_t no = strlen(pairs[i].open), nc = strlen(pairs[i].close);
        if (len >= no && memcmp(s, pairs[i].open, no) == 0) {
            *is_open = true;
            return (int)i;
        }
        if (len >= nc && memcmp(s, pairs[i].close, nc) == 0) {
            *is_open = false;
            return (int)i;
        }
    }
    return -1;
}

typedef struct {
    int kind;
    size_t at;
} open_mark;

static void balance(checker *k, const qz_check_def *unbalanced, const qz_check_def *nested,
                    size_t a, size_t b)
{
    const char *t = k->doc->text;
    open_mark stack[QZ_MAX_PAIR_DEPTH];
    int depth = 0;
    for (size_t i = a; i < b;) {
        size_t n;
        qz_utf8_decode(t + i, b - i, &n);
        bool open;
        int kind = pair_at(t + i, b - i, &open);
        if (kind >= 0 && open) {
            for (int d = 0; d < depth && nested && pairs[kind].inner; d++)
                if (stack[d].kind == kind) {
                    add(k, nested, i, i + n, (fields){.to = pairs[kind].inner}, NULL, false);
                    break;
                }
            if (depth < QZ_MAX_PAIR_DEPTH)
                stack[depth++] = (open_mark){kind, i};
        } else if (kind >= 0) {
            int d = depth - 1;
            while (d >= 0 && stack[d].kind != kind)
                d--;
            if (d < 0 || d != depth - 1) /* a stray close, or one that closes out of order */
                add(k, unbalanced, i, i + n, (fields){0}, NULL, false);
            if (d >= 0)
                depth = d;
        }
        i += n;
    }
    for (int d = 0; d < depth; d++) {
        size_t n;
        qz_utf8_decode(t + stack[d].at, b - stack[d].at, &n);
        add(k, unbalanced, stack[d].at, stack[d].at + n, (fields){0}, NULL, false);
    }
}

static void run_paragraphs(checker *k)
{
    const qz_check_def *half = def_of(k, "halfwidth-punct"), *quote = def_of(k, "quote-form");
    const qz_check_def *unb = def_of(k, "unbalanced-pair"), *nest = def_of(k, "nested-pair");
    bool do_half = enabled(k, half), do_quote = enabled(k, quote);
    bool do_balance = enabled(k, unb) || enabled(k, nest);
    const char *t = k->doc->text;
    for (size_t a = 0; a < k->doc->len;) {
        const char *nl = memchr(t + a, '\n', k->doc->len - a);
        size_t b = nl ? (size_t)(nl - t) : k->doc->len;
        if (do_half)
            halfwidth_parens(k, half, a, b);
        if (do_quote) {
            straight_quotes(k, quote, a, b, '"', "“", "”");
            straight_quotes(k, quote, a, b, '\'', "‘", "’");
        }
        if (do_balance)
            balance(k, enabled(k, unb) ? unb : NULL, enabled(k, nest) ? nest : NULL, a, b);
        a = b + 1;
    }
}

/* ---- structure ---- */

static void broken_lines(checker *k)
{
    const qz_check_def *def = def_of(k, "broken-line");
    if (!enabled(k, def))
        return;
    /* the finding is the broken line's last character: its line and column are where the
     * break was, and the fix joins after it, to where the text goes on (a page number that
     * stood between goes with the break). A page number dropped between paragraphs broke no
     * sentence: it is no finding, and fix leaves it where it is. */
    for (size_t i = 0; i < k->doc->nrepairs; i++) {
        if (k->doc->repairs[i].kind != QZ_REPAIR_JOINED)
            continue;
        size_t at = k->doc->repairs[i].offset;
        add(k, def, qz_utf8_prev(k->doc->text, at), at, (fields){0}, "", true);
    }
}

/* 1..99 as Chinese numerals, for the expected number of 一、 and （一） headings. */
static void chinese_number(unsigned n, char *buf, size_t size)
{
    static const char *const digits[] = {"", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
    if (n == 0 || n > 99)
        snprintf(buf, size, "%u", n);
    else if (n < 10)
        snprintf(buf, size, "%s", digits[n]);
    else
        snprintf(buf, size, "%s十%s", n >= 20 ? digits[n / 10] : "", digits[n % 10]);
}

static void expected_marker(const qz_section *s, unsigned n, char *buf, size_t size)
{
    char num[16];
    if (s->level <= 2)
        chinese_number(n, num, sizeof num);
    else
        snprintf(num, sizeof num, "%u", n);
    if (s->level == 1)
        snprintf(buf, size, "%s、", num);
    else if (s->level == 2)
        snprintf(buf, size, "（%s）", num);
    else if (s->level == 3)
        snprintf(buf, size, "%s.", num);
    else
        snprintf(buf, size, "（%s）", num);
}

/* heading-sequence: the children of one parent (or of a part) count 1, 2, 3… */
static void sequence(checker *k, const qz_check_def *def, size_t first, size_t end, long parent)
{
    const qz_outline *o = k->o;
    unsigned expected = 1;
    for (size_t i = first; i < end; i += o->sections[i].ndesc + 1) {
        const qz_section *s = &o->sections[i];
        if (s->parent != parent)
            continue;
        if (s->number != expected) {
            char want[32];
            expected_marker(s, expected, want, sizeof want);
            add(k, def, s->marker.start, s->marker.start + s->marker.len,
                (fields){.expected = want}, NULL, false);
        }
        expected = s->number + 1;
        if (s->ndesc)
            sequence(k, def, i + 1, i + 1 + s->ndesc, (long)i);
    }
}

static void level_finding(checker *k, const qz_check_def *def, const qz_section *s,
                          const char *zh, const char *en)
{
    add(k, def, s->marker.start, s->marker.start + s->marker.len,
        (fields){.expected = k->opt->lang == QZ_LANG_EN ? en : zh}, NULL, false);
}

/* heading-level: a part's top sections start at its top level (一、, or （一） under a
 * numbered part title); a sub-section is one level below its parent. */
static void levels(checker *k, const qz_check_def *def, const qz_part *p)
{
    const qz_outline *o = k->o;
    int top = p->marker.len ? 2 : 9;
    for (size_t i = p->first_section; !p->marker.len && i < p->first_section + p->nsections; i++)
        if (o->sections[i].parent < 0 && o->sections[i].level < top)
            top = o->sections[i].level;
    bool seen_top = false;
    for (size_t i = p->first_section; i < p->first_section + p->nsections; i++) {
        const qz_section *s = &o->sections[i];
        if (s->parent < 0) {
            if (s->level == top)
                seen_top = true;
            else if (!seen_top)
                level_finding(k, def, s, "它之前缺少上一级标题", "no higher heading before it");
        } else if (s->level > o->sections[s->parent].level + 1) {
            level_finding(k, def, s, "跳过了一级标题", "it skips a heading level");
        }
    }
}

/* heading-punct: a heading on a line of its own ends without punctuation. */
static void heading_punct(checker *k, const qz_check_def *def, const qz_section *s)
{
    if (s->run_in)
        return;
    const char *t = k->doc->text;
    const char *nl = memchr(t + s->start, '\n', k->doc->len - s->start);
    size_t end = nl ? (size_t)(nl - t) : k->doc->len;
    end -= qz_trim_space_end(t + s->start, end - s->start);
    static const char *const marks[] = {"。", "，", "；", "：", ",", ";", ":"};
    for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++) {
        size_t n = strlen(marks[i]);
        if (end - s->start >= n && memcmp(t + end - n, marks[i], n) == 0) {
            add(k, def, end - n, end, (fields){0}, NULL, false);
            return;
        }
    }
}

static void headings(checker *k)
{
    const qz_check_def *seq = def_of(k, "heading-sequence"), *lvl = def_of(k, "heading-level"),
                       *punct = def_of(k, "heading-punct");
    for (size_t i = 0; i < k->o->nparts; i++) {
        const qz_part *p = &k->o->parts[i];
        if (enabled(k, seq))
            sequence(k, seq, p->first_section, p->first_section + p->nsections, -1);
        if (enabled(k, lvl))
            levels(k, lvl, p);
    }
    for (size_t i = 0; enabled(k, punct) && i < k->o->nsections; i++)
        heading_punct(k, punct, &k->o->sections[i]);
}

/* ---- figures ---- */

static void rates(checker *k)
{
    const qz_check_def *def = def_of(k, "rate-mismatch");
    for (size_t i = 0; enabled(k, def) && i < k->m->nrates; i++) {
        const qz_rate *r = &k->m->rates[i];
        if (r->consistent)
            continue;
        const qz_quantity *q = &k->m->items[r->stated];
        char stated[48], computed[48];
        qz_decimal_format(q->lo, stated, sizeof stated);
        qz_decimal_format(r->computed, computed, sizeof computed);
        add(k, def, q->start, q->end,
            (fields){.key = r->key, .stated = stated, .computed = computed}, NULL, false);
    }
}

static void sums(checker *k)
{
    const qz_check_def *def = def_of(k, "sum-mismatch");
    for (size_t i = 0; enabled(k, def) && i < k->r->nsums; i++) {
        const qz_sum_rule *s = &k->r->sums[i];
        const qz_quantity *whole = qz_metrics_get(k->m, s->whole), *first = NULL;
        if (!whole || whole->lo.scale != 0)
            continue;
        int64_t total = 0;
        bool exact = true;
        for (size_t p = 0; p < s->nparts; p++) {
            const qz_quantity *q = qz_metrics_get(k->m, s->parts[p]);
            if (!q)
                continue;
            exact = exact && q->lo.scale == 0 && q->lo.mant < INT64_MAX / 4 && total < INT64_MAX / 4;
            total += q->lo.mant;
            if (!first)
                first = q;
        }
        if (!first || !exact || total <= whole->lo.mant)
            continue;
        char stated[32], computed[32];
        snprintf(stated, sizeof stated, "%lld", (long long)whole->lo.mant);
        snprintf(computed, sizeof computed, "%lld", (long long)total);
        add(k, def, first->start, first->end,
            (fields){.key = s->whole, .stated = stated, .computed = computed}, NULL, false);
    }
}

static void required(checker *k)
{
    const qz_check_def *def = def_of(k, "missing-metric");
    for (size_t i = 0; enabled(k, def) && i < k->opt->nrequire; i++)
        if (!qz_metrics_get(k->m, k->opt->require[i]))
            add(k, def, 0, 0, (fields){.key = k->opt->require[i], .found = ""}, NULL, false);
}

static bool only_space(const char *t, size_t len)
{
    for (size_t i = 0; i < len;) {
        size_t n = t[i] == '\n' ? 1 : qz_skip_space(t + i, len - i);
        if (n == 0)
            return false;
        i += n;
    }
    return true;
}

/* A report with no text, no structure or no figures is a finding: a CI gate must not pass
 * an empty or unreadable draft. */
static void whole_report(checker *k)
{
    const qz_check_def *empty = def_of(k, "empty-report"), *noh = def_of(k, "no-headings"),
                       *nof = def_of(k, "no-figures");
    if (only_space(k->doc->text, k->doc->len)) {
        if (enabled(k, empty))
            add(k, empty, 0, 0, (fields){.found = ""}, NULL, false);
        return;
    }
    if (enabled(k, noh) && k->o->nparts == 0 && k->o->nsections == 0)
        add(k, noh, 0, 0, (fields){.found = ""}, NULL, false);
    bool any = false;
    for (size_t i = 0; i < k->m->n && !any; i++)
        any = k->m->items[i].first;
    if (enabled(k, nof) && !any)
        add(k, nof, 0, 0, (fields){.found = ""}, NULL, false);
}

/* ---- exemptions, order, counts ---- */

/* Occurrences of each allowed string, and the space between the speaker's title and name. */
static void collect_allowed(checker *k)
{
    size_t cap = 0;
    const qz_header *h = &k->o->header;
    if (h->speaker.len && h->speaker_title.len && QZ_GROW(k->allowed, cap, k->nallowed + 1)) {
        size_t a = h->speaker_title.start;
        k->allowed[k->nallowed++] = (qz_span){a, h->speaker.start + h->speaker.len - a};
    }
    for (size_t i = 0; i < k->opt->nallow; i++) {
        const char *w = k->opt->allow[i];
        size_t n = strlen(w);
        for (const char *p = n ? strstr(k->doc->text, w) : NULL; p; p = strstr(p + 1, w)) {
            if (!QZ_GROW(k->allowed, cap, k->nallowed + 1)) {
                k->ok = false;
                return;
            }
            k->allowed[k->nallowed++] = (qz_span){(size_t)(p - k->doc->text), n};
        }
    }
}

/* By position, then rule id, so that the order is the same on every run. */
static int by_position(const void *a, const void *b)
{
    const qz_diag *x = a, *y = b;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    if (x->end != y->end)
        return x->end < y->end ? -1 : 1;
    return strcmp(x->rule, y->rule);
}

static qz_status apply_overrides(checker *k, qz_error *err)
{
    for (size_t i = 0; i < k->r->nchecks; i++)
        k->severity[i] = k->r->checks[i].info.severity;
    for (size_t i = 0; i < k->opt->noverrides; i++) {
        const qz_check_def *def = def_of(k, k->opt->overrides[i].rule);
        if (!def)
            return qz_fail(err, QZ_ERR_DATA, NULL, 0, 0, "unknown rule '%s'",
                           k->opt->overrides[i].rule);
        k->severity[def - k->r->checks] = k->opt->overrides[i].severity;
    }
    return QZ_OK;
}

qz_status qz_check_new(qz_check **out, const qz_doc *doc, const qz_outline *outline,
                       const qz_metrics *metrics, qz_context *ctx,
                       const qz_check_options *options, qz_error *err)
{
    *out = NULL;
    static const qz_check_options defaults = {0};
    const qz_rules *rules = ctx->rules;
    checker k = {.doc = doc, .o = outline, .m = metrics, .r = rules, .cx = ctx,
                 .opt = options ? options : &defaults, .ok = true};
    k.c = calloc(1, sizeof *k.c);
    k.severity = calloc(rules->nchecks + 1, sizeof *k.severity);
    if (!k.c || !k.severity) {
        free(k.c);
        free(k.severity);
        return qz_fail(err, QZ_ERR_NOMEM, doc->source, 0, 0, "out of memory");
    }
    qz_status st = apply_overrides(&k, err);
    if (st == QZ_OK) {
        collect_allowed(&k);
        broken_lines(&k);
        run_patterns(&k);
        run_paragraphs(&k);
        headings(&k);
        rates(&k);
        sums(&k);
        required(&k);
        whole_report(&k);
        if (!k.ok)
            st = qz_fail(err, QZ_ERR_NOMEM, doc->source, 0, 0, "out of memory");
    }
    free(k.severity);
    free(k.allowed);
    if (st != QZ_OK) {
        qz_check_free(k.c);
        return st;
    }
    if (k.c->n) /* qsort of NULL, even with no items, is undefined */
        qsort(k.c->items, k.c->n, sizeof *k.c->items, by_position);
    for (size_t i = 0; i < k.c->n; i++) {
        k.c->errors += k.c->items[i].severity == QZ_SEV_ERROR;
        k.c->warnings += k.c->items[i].severity == QZ_SEV_WARNING;
    }
    *out = k.c;
    return QZ_OK;
}

void qz_check_free(qz_check *c)
{
    if (!c)
        return;
    for (size_t i = 0; i < c->n; i++) {
        free(c->items[i].message);
        free(c->items[i].fix);
    }
    free(c->items);
    free(c);
}
