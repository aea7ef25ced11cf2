/* pattern.h — compiled PCRE2 patterns and the per-run context that matches them.
 * Ownership: a qz_pattern belongs to the qz_rules that holds it and is never written once the
 * rules are loaded; everything a match changes (match data, JIT copies, use counters, disabled
 * patterns, warnings, the last match) lives in the caller's qz_context, one per thread. */
#ifndef QZ_PATTERN_H
#define QZ_PATTERN_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "internal.h"

typedef struct {
    pcre2_code *re; /* compiled when its rules are loaded (interpreted code: JIT is per run) */
    char *source;   /* the pattern as written, for messages */
    char *origin;   /* where it was written ("FILE:LINE:COL"), for warnings; NULL if built */
    unsigned id;    /* its index in the rules (qz_rules.npatterns): the context's slot */
    bool anchored;
    bool utf;       /* false only for the numeral scan, compiled over bytes */
} qz_pattern;

typedef struct {
    qz_pattern *items;
    size_t n, cap;
} qz_pattern_list;

/* Whether a pattern was given. */
static inline bool qz_pattern_present(const qz_pattern *p)
{
    return p->source != NULL;
}

/* Compiles src[0..len) into out (which keeps a copy of the source). QZ_OK, QZ_ERR_DATA with
 * msg saying why (in characters, not bytes), or QZ_ERR_NOMEM. */
qz_status qz_pattern_compile(const char *src, size_t len, bool anchored, bool utf,
                             qz_pattern *out, char *msg, size_t msgsize);
/* Frees what p holds and zeroes it. */
void qz_pattern_clear(qz_pattern *p);
void qz_pattern_list_clear(qz_pattern_list *l);

/* What one thread's matching changes, per pattern of the rules. */
typedef struct {
    pcre2_code *jit; /* a JIT-compiled copy, once the pattern proved worth it; NULL before */
    unsigned uses;   /* matches run by this context */
    bool disabled;   /* it hit PCRE2's limits in the current report: skipped until the next */
    bool warned;     /* its warning is already in the list */
} qz_pattern_state;

struct qz_context {
    const qz_rules *rules;
    pcre2_match_data *md;    /* the last match of any pattern */
    pcre2_match_context *mc; /* the match and depth limits */
    qz_pattern_state *state; /* one per pattern of the rules (npatterns when created) */
    size_t nstate;
    unsigned generation;     /* the rules' when created: rules added since run uncached */
    char **warnings;
    size_t nwarnings, cap_warnings;
};

/* Forgets which patterns hit the limits: each report starts with every pattern enabled, so
 * that a report's figures never depend on the reports read before it in the same run. */
void qz_context_begin_doc(qz_context *ctx);

/* A successful match: where it ended and how to read its named groups. */
typedef struct {
    const qz_pattern *pat;
    const char *subject;
    size_t end; /* offset in subject just past the match */
} qz_match;

/* Matches pat at subject[offset] (anchored patterns) or from there on (unanchored ones);
 * lookbehind sees the bytes before offset. Offsets in m are into subject. */
bool qz_pattern_match_at(qz_context *ctx, const qz_pattern *pat, const char *subject,
                         size_t len, size_t offset, qz_match *m);
/* Matches pat anchored at the start of s[0..len) (or searches, for unanchored ones). */
bool qz_pattern_match(qz_context *ctx, const qz_pattern *pat, const char *s, size_t len,
                      qz_match *m);
/* The first pattern of list that matches s; NULL if none. */
const qz_pattern *qz_pattern_list_match(qz_context *ctx, const qz_pattern_list *list,
                                        const char *s, size_t len, qz_match *m);
/* The start of the context's last match (after qz_pattern_match_at succeeded). */
size_t qz_match_start(const qz_context *ctx);
/* The number a (*MARK:N) of the last match named, or -1. */
long qz_match_mark_index(const qz_context *ctx);
/* The span of named group `name` of the last match m (offsets into the subject); false if the
 * pattern has no such group or it did not take part in the match. */
bool qz_match_group(const qz_context *ctx, const qz_match *m, const char *name, size_t *start,
                    size_t *len);

#endif
