/* labels.h — the words the summaries for people (Markdown, HTML) put around a report's own
 * text, in Chinese and in English, kept in one table (labels.c) so that every renderer for
 * people takes its labels from the same place and none writes a label of the other language.
 * A label ending in _FMT is a printf format: its Chinese and English forms take the same
 * arguments, in the same order (tests/unit/test_labels.c checks it). Ownership: every string
 * returned is static or the rules'. */
#ifndef QZ_LABELS_H
#define QZ_LABELS_H

#include "qzreport.h"

typedef enum {
    /* the summary's title and facts */
    QZ_LABEL_SUMMARY,            /* the title when the report names neither title nor body */
    QZ_LABEL_SUMMARY_OF_FMT,     /* %.*s: whose report (header.body) */
    QZ_LABEL_SOURCE,
    QZ_LABEL_SOURCE_FMT,         /* %s %s %s: file, encoding, QZ_LABEL_TRADITIONAL or "" */
    QZ_LABEL_TRADITIONAL,
    QZ_LABEL_DATE,
    QZ_LABEL_SPEAKER,
    QZ_LABEL_YEARS,
    QZ_LABEL_YEARS_FMT,          /* %d %d: the year reviewed, the year planned */
    /* where things are */
    QZ_LABEL_LINE_FMT,           /* %zu */
    QZ_LABEL_LINES_FMT,          /* %zu %zu: first and last line */
    /* figures */
    QZ_LABEL_KEY_FIGURES,
    QZ_LABEL_AT_FMT,             /* %s: where, after a figure's quote or a topic (a line) */
    QZ_LABEL_VALUE_UNIT_FMT,     /* %s %s: value and unit (a unit that is % follows directly) */
    QZ_LABEL_QUALIFIER_FMT,      /* %s: a qualifier's label */
    QZ_LABEL_QUAL_MORE,          /* the qualifiers of qz_qualifier but exact */
    QZ_LABEL_QUAL_ABOUT,
    QZ_LABEL_QUAL_NEAR,
    QZ_LABEL_QUAL_LESS,
    QZ_LABEL_QUAL_RANGE,
    QZ_LABEL_QUAL_VAGUE,
    QZ_LABEL_UNIT_PP,            /* the unit "pp": percentage points */
    QZ_LABEL_RATES,
    QZ_LABEL_RATE_FMT,           /* %s %s %s %s %s: stated, numerator, denominator, computed,
                                    QZ_LABEL_CONSISTENT or QZ_LABEL_INCONSISTENT */
    QZ_LABEL_CONSISTENT,
    QZ_LABEL_INCONSISTENT,
    /* the outline */
    QZ_LABEL_PART_REVIEW,
    QZ_LABEL_PART_PLAN,
    QZ_LABEL_PART_BODY,          /* numbered sections under no part title */
    QZ_LABEL_PART_SPAN_FMT,      /* %s %s: the part's kind, its lines */
    QZ_LABEL_OUTSIDE_SECTIONS,
    QZ_LABEL_SECTIONS,
    QZ_LABEL_CLOSING,
    QZ_LABEL_REPAIRS,
    QZ_LABEL_REPAIR_PAGE_FMT,    /* %zu: the line dropped */
    QZ_LABEL_REPAIR_JOINED_FMT,  /* %zu %zu: the broken line, the line it goes on with */
    /* the columns of the HTML tables */
    QZ_LABEL_COL_DESCRIPTION,
    QZ_LABEL_COL_KEY,
    QZ_LABEL_COL_VALUE,
    QZ_LABEL_COL_UNIT,
    QZ_LABEL_COL_QUALIFIER,
    QZ_LABEL_COL_LINE,
    QZ_LABEL_COL_STATED,
    QZ_LABEL_COL_NUMERATOR,
    QZ_LABEL_COL_DENOMINATOR,
    QZ_LABEL_COL_COMPUTED,
    QZ_LABEL_COL_CONSISTENT,
    QZ_LABEL_COUNT
} qz_label_id;

/* The label in lang (QZ_LANG_ZH for an unknown lang); "" for an unknown id. */
const char *qz_label(qz_label_id id, qz_lang lang);
/* The label of a qualifier ("" for QZ_QUAL_EXACT, which is never shown). */
const char *qz_label_qualifier(qz_qualifier q, qz_lang lang);
/* A figure's unit as shown: the report's own word, or the label of "pp". */
const char *qz_label_unit(const char *unit, qz_lang lang);
/* What a metric key counts, in lang, from the rules (data/rules.yaml's zh and en); NULL when
 * rules is NULL or does not know the key. */
const char *qz_label_key(const qz_rules *rules, const char *key, qz_lang lang);

#endif
