/* rules.h — the compiled form of data/…yaml, shared by the stages inside the library.
 * Ownership: everything reachable from a qz_rules belongs to it and dies with qz_rules_free;
 * the match functions write into the rules' one match-data block, so a qz_rules is used by one
 * thread at a time. */
#ifndef QZ_RULES_H
#define QZ_RULES_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "internal.h"

typedef struct {
    pcre2_code *re;
    char *source; /* the pattern as written, for messages */
} qz_pattern;

typedef struct {
    qz_pattern *items;
    size_t n, cap;
} qz_pattern_list;

typedef struct {
    qz_pattern pat;
    int level;
} qz_heading_rule;

struct qz_rules {
    qz_heading_rule *headings;
    size_t nheadings, cap_headings;
    qz_pattern_list part_review, part_plan, part_dated;
    qz_pattern_list date, speaker, salutation, title;
    qz_pattern_list opening_year;
    qz_pattern address;
    qz_pattern sentence_end;
    qz_pattern topic;
    pcre2_match_data *md; /* one block for every match: patterns are run one at a time */
};

/* A successful match: where it ended and how to read its named groups. */
typedef struct {
    const qz_pattern *pat;
    const char *subject;
    size_t end; /* offset in subject just past the match */
} qz_match;

/* Matches pat anchored at the start of s[0..len). */
bool qz_pattern_match(const qz_rules *rules, const qz_pattern *pat, const char *s, size_t len,
                      qz_match *m);
/* The first pattern of list that matches, anchored at the start of s; NULL if none. */
const qz_pattern *qz_pattern_list_match(const qz_rules *rules, const qz_pattern_list *list,
                                        const char *s, size_t len, qz_match *m);
/* The span of named group `name` of the last match (offsets into the subject); false if the
 * pattern has no such group or it did not take part in the match. */
bool qz_match_group(const qz_rules *rules, const qz_match *m, const char *name, size_t *start,
                    size_t *len);


/* ---- line queries shared by the loader and the sectioner ---- */

typedef struct {
    int level;
    size_t num_start, num_len; /* the heading's number, offsets into the line */
    size_t marker_len;         /* bytes of "一、", "（一）", "1." */
} qz_heading_match;

/* Whether line (leading space already removed) opens with a heading marker of some level. */
bool qz_rules_heading(const qz_rules *rules, const char *line, size_t len, qz_heading_match *h);

typedef enum { QZ_TITLE_NONE, QZ_TITLE_REVIEW, QZ_TITLE_PLAN, QZ_TITLE_DATED } qz_title_kind;

/* What kind of part a title names (trailing punctuation and space are ignored). */
qz_title_kind qz_rules_part_title(const qz_rules *rules, const char *title, size_t len);

/* Whether a line ends a sentence (。！？；：… with closing quotes), so that it is complete. */
bool qz_rules_line_complete(const qz_rules *rules, const char *line, size_t len);

/* Offset of the first 。 in s[0..len), or len. A run-in heading's title ends there. */
size_t qz_find_period(const char *s, size_t len);

/* Whether a line is a heading on a line of its own: a part title, or a heading marker with no
 * 。 after it (a run-in heading carries its body after the 。). */
bool qz_rules_standalone_heading(const qz_rules *rules, const char *line, size_t len);

/* Length of s once trailing marks that close a title (。：；， and spaces) are removed. */
size_t qz_trim_title_end(const char *s, size_t len);

#endif
