/* pattern.c — compiling patterns, and matching them through a per-run context.
 *
 * The rules hold each pattern compiled once, for PCRE2's interpreter, and never change after
 * they are loaded, so any number of threads may share them. What matching changes is kept in
 * the caller's qz_context: the match data ("the last match"), a JIT-compiled copy of each
 * pattern that has proved worth it, the use counters that decide that, the patterns disabled
 * for hitting PCRE2's limits, and the warnings that say so. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rules.h"

/* Not PCRE2_MATCH_INVALID_UTF: with it, the JIT of PCRE2 10.42 (Debian 12) fails to match \S
 * against a multi-byte character (seen here: `\S{2}` on 强化). The loader has already
 * validated every byte of the text, and subjects always start on a character boundary, so
 * matches run with PCRE2_NO_UTF_CHECK instead. Anchored patterns are compiled anchored,
 * because pcre2_jit_match ignores a match-time PCRE2_ANCHORED. */
#define QZ_MATCH_FLAGS PCRE2_NO_UTF_CHECK
/* JIT compiling a pattern costs about as much as a dozen or two interpreted matches of an
 * anchored alternation (ignore, the measure words), or one or two interpreted searches over a
 * sentence, and most patterns run a handful of times per report (the extractor asks a
 * phrasing only when its cue words stand near the number): a context JIT-compiles its copy
 * of a pattern once the work it has given the interpreter reaches QZ_JIT_AFTER units, a unit
 * being one anchored match or 16 bytes of a search; a search over a long subject (the check
 * rules, the match view's folds) is compiled at once. An anchored match reads a few bytes at
 * its offset however long its subject is. (callgrind, instructions of one report a process
 * and of 100 in one, against QZ_JIT_AFTER: 8 gave 14.0 M and 601 M, 16 12.95 M and 603 M,
 * 32 13.5 M and 607 M, 64 with anchored matches over long subjects compiled at once 12.3 M
 * and 625 M.) */
#define QZ_JIT_AFTER 16
#define QZ_JIT_SEARCH_BYTES 16
#define QZ_JIT_SUBJECT 4096
#define QZ_OVECTOR_PAIRS 32

qz_status qz_pattern_compile(const char *src, size_t len, bool anchored, bool utf,
                             qz_pattern *out, char *msg, size_t msgsize)
{
    int code;
    PCRE2_SIZE at;
    uint32_t flags = (utf ? PCRE2_UTF : 0) | (anchored ? PCRE2_ANCHORED : 0);
    pcre2_code *re = pcre2_compile((PCRE2_SPTR)src, len, flags, &code, &at, NULL);
    if (!re) {
        PCRE2_UCHAR buf[200];
        pcre2_get_error_message(code, buf, sizeof buf);
        /* PCRE2 counts bytes; people count characters */
        snprintf(msg, msgsize, _("bad pattern: %s (at character %zu)"), (char *)buf,
                 qz_utf8_count(src, at < len ? at : len));
        return QZ_ERR_DATA;
    }
    char *copy = strndup(src, len);
    if (!copy) {
        pcre2_code_free(re);
        snprintf(msg, msgsize, "%s", _("out of memory"));
        return QZ_ERR_NOMEM;
    }
    *out = (qz_pattern){.re = re, .source = copy, .anchored = anchored, .utf = utf};
    return QZ_OK;
}

void qz_pattern_clear(qz_pattern *p)
{
    pcre2_code_free(p->re);
    free(p->source);
    free(p->origin);
    *p = (qz_pattern){0};
}

void qz_pattern_list_clear(qz_pattern_list *l)
{
    for (size_t i = 0; i < l->n; i++)
        qz_pattern_clear(&l->items[i]);
    free(l->items);
    *l = (qz_pattern_list){0};
}

/* ---- the context ---- */

qz_status qz_context_new(qz_context **out, const qz_rules *rules, qz_error *err)
{
    *out = NULL;
    qz_context *c = calloc(1, sizeof *c);
    if (!c)
        return qz_fail(err, QZ_ERR_NOMEM, NULL, 0, 0, "out of memory");
    c->rules = rules;
    c->nstate = rules ? rules->npatterns : 0;
    c->generation = rules ? rules->generation : 0;
    c->md = pcre2_match_data_create(QZ_OVECTOR_PAIRS, NULL);
    c->mc = pcre2_match_context_create(NULL);
    c->state = calloc(c->nstate + 1, sizeof *c->state);
    if (!c->md || !c->mc || !c->state) {
        qz_context_free(c);
        return qz_fail(err, QZ_ERR_NOMEM, NULL, 0, 0, "out of memory");
    }
    pcre2_set_match_limit(c->mc, QZ_MATCH_LIMIT);
    pcre2_set_depth_limit(c->mc, QZ_DEPTH_LIMIT);
    *out = c;
    return QZ_OK;
}

void qz_context_free(qz_context *c)
{
    if (!c)
        return;
    for (size_t i = 0; c->state && i < c->nstate; i++)
        pcre2_code_free(c->state[i].jit);
    free(c->state);
    for (size_t i = 0; i < c->nwarnings; i++)
        free(c->warnings[i]);
    free(c->warnings);
    pcre2_match_data_free(c->md);
    pcre2_match_context_free(c->mc);
    free(c);
}

const qz_rules *qz_context_rules(const qz_context *ctx)
{
    return ctx->rules;
}

size_t qz_context_warning_count(const qz_context *ctx)
{
    return ctx ? ctx->nwarnings : 0;
}

const char *qz_context_warning(const qz_context *ctx, size_t i)
{
    return ctx && i < ctx->nwarnings ? ctx->warnings[i] : NULL;
}

void qz_context_begin_doc(qz_context *ctx)
{
    for (size_t i = 0; ctx && i < ctx->nstate; i++)
        ctx->state[i].disabled = false;
}

/* ---- matching ---- */

/* A pattern that hit a limit once would hit it at every position of a long text: it is
 * disabled for the rest of the report, and a warning (once per run) says which pattern,
 * where it was written, and why. */
static void limit_hit(qz_context *ctx, qz_pattern_state *st, const qz_pattern *pat, int rc)
{
    st->disabled = true;
    if (st->warned)
        return;
    st->warned = true;
    PCRE2_UCHAR why[120];
    pcre2_get_error_message(rc, why, sizeof why);
    char source[201];
    snprintf(source, sizeof source, "%.200s", pat->source);
    char *msg = pat->origin ? qz_printf(_("pattern '%s' at %s was skipped: %s"), source,
                                        pat->origin, (const char *)why)
                            : qz_printf(_("pattern '%s' was skipped: %s"), source,
                                        (const char *)why);
    if (msg && QZ_GROW(ctx->warnings, ctx->cap_warnings, ctx->nwarnings + 1))
        ctx->warnings[ctx->nwarnings++] = msg;
    else
        free(msg);
}

/* The code to run: the context's JIT copy once the pattern is worth compiling. JIT is an
 * optimisation: where the platform lacks it, the interpreter gives the same answers. */
static const pcre2_code *code_for(qz_pattern_state *st, const qz_pattern *pat, size_t span)
{
    if (st->jit)
        return st->jit;
    /* an anchored pattern reads a few bytes at its offset whatever the subject's length */
    bool long_search = !pat->anchored && span > QZ_JIT_SUBJECT;
    if (st->uses < QZ_JIT_AFTER && !long_search) {
        st->uses += pat->anchored ? 1 : 1 + (unsigned)(span / QZ_JIT_SEARCH_BYTES);
        if (st->uses < QZ_JIT_AFTER)
            return pat->re;
    }
    st->uses = QZ_JIT_AFTER;
    /* with its own tables: a pattern decoded from the rules image shares its character
     * tables with the others through a reference count that pcre2_code_copy increments and
     * pcre2_code_free decrements without a lock, a race between two threads' contexts */
    pcre2_code *copy = pcre2_code_copy_with_tables(pat->re);
    if (copy && pcre2_jit_compile(copy, PCRE2_JIT_COMPLETE) == 0)
        return st->jit = copy;
    pcre2_code_free(copy);
    return pat->re;
}

bool qz_pattern_match_at(qz_context *ctx, const qz_pattern *pat, const char *subject,
                         size_t len, size_t offset, qz_match *m)
{
    if (!pat->re)
        return false;
    /* rules added after the context was made renumber every pattern: the context's states
     * are then another pattern's, so every match runs uncached (make a new context) */
    bool known = pat->id < ctx->nstate && ctx->generation == ctx->rules->generation;
    qz_pattern_state spare = {0}, *st = known ? &ctx->state[pat->id] : &spare;
    if (st->disabled)
        return false;
    const pcre2_code *code = st == &spare ? pat->re : code_for(st, pat, len - offset);
    int rc = pcre2_match(code, (PCRE2_SPTR)subject, len, offset, QZ_MATCH_FLAGS, ctx->md,
                         ctx->mc);
    if (rc == PCRE2_ERROR_NOMATCH)
        return false;
    if (rc < 0) {
        limit_hit(ctx, st, pat, rc);
        return false;
    }
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(ctx->md);
    m->pat = pat;
    m->subject = subject;
    m->end = ov[1];
    return true;
}

bool qz_pattern_match(qz_context *ctx, const qz_pattern *pat, const char *s, size_t len,
                      qz_match *m)
{
    return qz_pattern_match_at(ctx, pat, s, len, 0, m);
}

const qz_pattern *qz_pattern_list_match(qz_context *ctx, const qz_pattern_list *list,
                                        const char *s, size_t len, qz_match *m)
{
    for (size_t i = 0; i < list->n; i++)
        if (qz_pattern_match(ctx, &list->items[i], s, len, m))
            return &list->items[i];
    return NULL;
}

size_t qz_match_start(const qz_context *ctx)
{
    return pcre2_get_ovector_pointer(ctx->md)[0];
}

long qz_match_mark_index(const qz_context *ctx)
{
    PCRE2_SPTR mark = pcre2_get_mark(ctx->md);
    return mark ? strtol((const char *)mark, NULL, 10) : -1;
}

bool qz_match_group(const qz_context *ctx, const qz_match *m, const char *name, size_t *start,
                    size_t *len)
{
    int n = pcre2_substring_number_from_name(m->pat->re, (PCRE2_SPTR)name);
    if (n < 0 || (uint32_t)n >= pcre2_get_ovector_count(ctx->md))
        return false;
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(ctx->md);
    if (ov[2 * n] == PCRE2_UNSET)
        return false;
    *start = ov[2 * n];
    *len = ov[2 * n + 1] - ov[2 * n];
    return true;
}
