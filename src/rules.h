/* rules.h — the compiled form of data/…yaml, shared by the stages inside the library.
 * Ownership: everything reachable from a qz_rules belongs to it and dies with qz_rules_free;
 * once loaded it is never written, so threads share it, each matching through its own
 * qz_context (pattern.h). */
#ifndef QZ_RULES_H
#define QZ_RULES_H

#include "pattern.h"

/* The levels a region may be of, in the order they are tried: national, provincial, city,
 * county, district. */
#define QZ_LEVELS 5
extern const char *const qz_level_names[QZ_LEVELS];

typedef struct {
    qz_pattern pat;
    int level;
} qz_heading_rule;

/* A measure word: the pattern, and the unit's name (the word itself for a plain entry). */
typedef struct {
    qz_pattern pat;
    char *name;
} qz_unit_rule;

/* One way a metric is phrased: words before the number, words after its unit, or both. */
typedef struct {
    char *before_src;   /* as written; compiled into `before` with the before_tail */
    char *after_src;
    qz_pattern before;  /* (?:B)(?:tail)$, searched in the words before the number */
    qz_pattern after;   /* (?:的|\s)*(?:A), anchored where the unit ends */
    char *follows;      /* key of the quantity just before, or NULL */
    char *not_follows;  /* key the quantity just before must not have (对2项法规草案进行了审议
                           after 制定…3件 are the drafts not passed, not all deliberated) */
    char *apart_with;   /* when the same sentence also states this key… */
    char *apart_key;    /* …the figure is this key instead (制定N件 beside 修改M件 is laws.new) */
    long apart_with_rule, apart_rule; /* their metrics' indexes, resolved after each file */
    char *also;         /* the figure is this key too, unless `apart` renamed it */
    long also_rule;     /* its metric's index */
    unsigned number;    /* its index among every metric's phrasings (the cue index's refs) */
    bool cue_before;    /* `before` cannot match without one of its cue words (cue.h) */
    bool cue_after;     /* likewise `after` */
} qz_phrasing;

/* A cue word and the phrasings that cannot match without it. */
typedef struct {
    char *word;
    size_t len;
    uint32_t first;   /* its first code point */
    uint32_t second;  /* its second (every cue word has two characters at least) */
    uint32_t *refs;   /* phrasing number << 1, | 1 when it is a cue of the `after` side */
    size_t nrefs;
} qz_cue;

typedef struct {
    char *key;
    char **units;
    size_t nunits;
    unsigned char *unit_ok; /* per measure word of the rules (and % and pp after them): 1 when
                               this metric takes it; built after each file, a lookup per
                               quantity instead of a string compare per unit */
    unsigned parts;        /* bit (1 << qz_where) for each part it counts in */
    qz_phrasing *phrasings;
    size_t nphrasings;
    qz_pattern not_before; /* searched anywhere in the words before; re NULL if none */
    qz_pattern not_in_sentence; /* searched from the sentence's start to the number: whose
                                   figure it is (乡镇人大, 政协) is often said clauses before */
    char *follows;         /* applies to every phrasing */
    char *zh, *en;         /* one line each: what the figure counts */
    char *kind;            /* its unit kind: count, persons or percent */
} qz_metric_rule;

/* A base the text names before a rate (占建议总数的80.6%): that denominator, not the first. */
typedef struct {
    qz_pattern before;     /* searched in the words before the stated figure */
    char *key;
} qz_rate_base;

typedef struct {
    char *key, *numerator;
    char **denominators;   /* the first one the report states is used */
    size_t ndenominators;
    qz_rate_base *named;   /* unless the text names its base */
    size_t nnamed;
} qz_rate_rule;

/* One find of a check rule: a pattern and what replaces its match (NULL: no fix). */
typedef struct {
    qz_pattern pat;
    char *fix;
} qz_check_find;

/* {from, to, zh, en}: a mark, its replacement and its names (halfwidth-punct). */
typedef struct {
    char *from, *to, *zh, *en;
} qz_replacement;

typedef struct {
    qz_check_rule info;   /* the public view: its strings are the fields below */
    char *id, *standard, *title_zh, *title_en, *msg_zh, *msg_en;
    qz_check_find *finds;
    size_t nfinds;
    qz_replacement *replace;
    size_t nreplace;
} qz_check_def;

typedef struct {
    char *whole;
    char **parts;
    size_t nparts;
} qz_sum_rule;

struct qz_rules {
    qz_heading_rule *headings;
    size_t nheadings, cap_headings;
    qz_pattern_list part_review, part_plan, part_dated;
    qz_pattern_list date, speaker, salutation, title;
    qz_pattern_list body;      /* whose report it is: groups body and region */
    qz_pattern level[QZ_LEVELS]; /* per level (qz_level_name), matched on a region's name */
    qz_pattern_list opening_year;
    qz_pattern address;
    qz_pattern sentence_end;
    qz_pattern table_row;   /* a line of a table copied as text: complete whatever its end */
    qz_pattern_list page_furniture; /* lines that are only a page number or footer */
    qz_pattern topic;
    /* words.yaml */
    qz_unit_rule *units;
    size_t nunits, cap_units;
    qz_pattern_list ignore;
    qz_pattern not_units;  /* anchored where a measure word would start */
    qz_pattern negative;
    qz_pattern_list view_drop; /* what the match view leaves out (pinyin, spaces at figures) */
    unsigned char *traditional; /* bitmap of the BMP: characters only traditional script
                                   writes (words.yaml `traditional`); NULL if none */
    /* rules.yaml */
    qz_pattern plan_words;
    char *before_tail;
    qz_metric_rule *metrics;
    size_t nmetrics, cap_metrics;
    qz_rate_rule *rates;
    size_t nrates, cap_rates;
    /* check.yaml */
    qz_check_def *checks;
    size_t nchecks, cap_checks;
    qz_sum_rule *sums;
    size_t nsums, cap_sums;
    /* built from the above after each file is added */
    qz_pattern unit_any;     /* every unit, anchored, each alternative marked with its index */
    qz_pattern ignore_any;   /* every ignore pattern, anchored */
    qz_pattern view_drop_any; /* every view_drop pattern, searched */
    size_t npatterns;        /* every pattern above, numbered by qz_pattern.id */
    unsigned generation;     /* bumped each time the patterns are numbered again */
    /* the cue index (cue.c): which phrasings may apply, from the words near a number */
    qz_cue *cues;            /* sorted by their first two code points */
    size_t ncues;
    uint32_t *cue_table;     /* open addressing, first two code points → 1 + the first cue
                                that starts with them; 0 empty */
    size_t cue_mask;         /* table size - 1 */
    unsigned char *cue_first; /* bitmap of the BMP: a cue word starts with this character */
    uint32_t *phrasing_metric; /* per phrasing number: its metric */
    size_t nphrasings;
    uint32_t *always;        /* metrics with a phrasing that has no cue word: asked always */
    size_t nalways;
};

/* Builds the cue index from the phrasings as they stand (after every file is read). */
bool qz_cue_index_build(qz_rules *r);
void qz_cue_index_free(qz_rules *r);
/* The cues whose word starts with code points a then b: [*first, *first + *n) of r->cues. */
void qz_cue_lookup(const qz_rules *r, uint32_t a, uint32_t b, size_t *first, size_t *n);

/* ---- loading: the built-in rules, from YAML or from the image (image.h) ---- */

/* The built-in rules read from data/…yaml (embedded by tools/embed.sh, builtin.h) and every
 * pattern compiled: what tools/rules_image.c makes the image of at build time. qz_rules_new
 * reads that image instead. */
qz_status qz_rules_new_yaml(qz_rules **out, qz_error *err);
/* Calls fn on every pattern the rules hold, in a fixed order (the order of the image's compiled
 * patterns); stops at the first false, and returns false then. */
bool qz_rules_each_pattern(qz_rules *r, bool (*fn)(void *, qz_pattern *), void *arg);
/* Completes rules whose fields were read from an image, as loading YAML completes them: what is
 * derived from the fields (the check rules' public view, the patterns' numbers) and every
 * pattern that has a source but no compiled code. */
qz_status qz_rules_finish(qz_rules *r, qz_error *err);

/* ---- line queries shared by the loader and the sectioner ---- */

typedef struct {
    int level;
    size_t num_start, num_len; /* the heading's number, offsets into the line */
    size_t marker_len;         /* bytes of "一、", "（一）", "1." */
} qz_heading_match;

/* Whether line (leading space already removed) opens with a heading marker of some level. */
bool qz_line_heading(qz_context *ctx, const char *line, size_t len, qz_heading_match *h);

typedef enum { QZ_TITLE_NONE, QZ_TITLE_REVIEW, QZ_TITLE_PLAN, QZ_TITLE_DATED } qz_title_kind;

/* What kind of part a title names (trailing punctuation and space are ignored). */
qz_title_kind qz_line_part_title(qz_context *ctx, const char *title, size_t len);

/* Whether a line ends a sentence (。！？；：… with closing quotes, sentence_end). */
bool qz_line_ends_sentence(qz_context *ctx, const char *line, size_t len);
/* Whether a line is a row of a table copied as text (table_row). */
bool qz_line_table_row(qz_context *ctx, const char *line, size_t len);

/* Offset of the first 。 in s[0..len), or len. A run-in heading's title ends there. */
size_t qz_find_period(const char *s, size_t len);

/* Length of s once trailing marks that close a title (。：；， and spaces) are removed. */
size_t qz_trim_title_end(const char *s, size_t len);

#endif
