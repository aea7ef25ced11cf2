/* suggest.c — "did you mean": the known name nearest to an unknown one (a command, an option, a
 * format, a metric key, a rule id, a key of a YAML file), by Damerau–Levenshtein distance over
 * bytes in its optimal-string-alignment form: an insertion, a deletion, a substitution or two
 * neighbours swapped each cost one. */
#include <stdio.h>
#include <string.h>

#include "internal.h"

/* Names longer than this are not typos of a name: no suggestion, and no large table. */
#define QZ_SUGGEST_MAX 255

/* The distance between a[0..n) and b[0..m), or limit + 1 when it is more than limit. */
static size_t distance(const char *a, size_t n, const char *b, size_t m, size_t limit)
{
    if ((n > m ? n - m : m - n) > limit)
        return limit + 1;
    /* three rows of the table: i - 2, i - 1 and i */
    size_t rows[3][QZ_SUGGEST_MAX + 1];
    size_t *before = rows[0], *prev = rows[1], *cur = rows[2];
    for (size_t j = 0; j <= m; j++)
        prev[j] = j;
    for (size_t i = 1; i <= n; i++) {
        cur[0] = i;
        size_t row_min = cur[0];
        for (size_t j = 1; j <= m; j++) {
            size_t cost = a[i - 1] != b[j - 1];
            size_t d = prev[j - 1] + cost;
            if (prev[j] + 1 < d)
                d = prev[j] + 1;
            if (cur[j - 1] + 1 < d)
                d = cur[j - 1] + 1;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
                before[j - 2] + 1 < d)
                d = before[j - 2] + 1;
            cur[j] = d;
            if (d < row_min)
                row_min = d;
        }
        if (row_min > limit) /* every later row is at least as far */
            return limit + 1;
        size_t *t = before;
        before = prev;
        prev = cur;
        cur = t;
    }
    return prev[m];
}

void qz_suggest_start(qz_suggestion *s, const char *word)
{
    size_t len = word ? strlen(word) : 0;
    *s = (qz_suggestion){.word = word, .len = len, .limit = len / 3 > 1 ? len / 3 : 1};
}

void qz_suggest_offer(qz_suggestion *s, const char *candidate)
{
    if (!candidate || !s->word || s->len == 0 || s->len > QZ_SUGGEST_MAX)
        return;
    size_t m = strlen(candidate);
    if (m > QZ_SUGGEST_MAX)
        return;
    size_t d = distance(s->word, s->len, candidate, m, s->limit);
    if (d > s->limit || d == 0)
        return;
    if (!s->best || d < s->distance) {
        s->best = candidate;
        s->distance = d;
        s->tie = false;
    } else if (d == s->distance && strcmp(candidate, s->best) != 0) {
        s->tie = true;
    }
}

const char *qz_suggest_result(const qz_suggestion *s)
{
    return s->best && !s->tie ? s->best : NULL;
}

const char *qz_suggest(const char *word, const char *const *candidates, size_t n)
{
    qz_suggestion s;
    qz_suggest_start(&s, word);
    for (size_t i = 0; candidates && (n == (size_t)-1 ? candidates[i] != NULL : i < n); i++)
        qz_suggest_offer(&s, candidates[i]);
    return qz_suggest_result(&s);
}

void qz_error_suggest(qz_error *err, const char *suggestion)
{
    if (!err || !suggestion)
        return;
    size_t len = strlen(err->message);
    /* TRANSLATORS: appended to a message about an unknown name (a command, an option, a
       format, a key, a rule id): the known name nearest to it */
    snprintf(err->message + len, sizeof err->message - len, _("; did you mean '%s'?"),
             suggestion);
}
