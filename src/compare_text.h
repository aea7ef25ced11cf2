/* compare_text.h — the words of a comparison for people (Markdown and HTML): labels in Chinese
 * or English, and a value, a change or a rate's check as text. Ownership: labels are static;
 * text is appended to the caller's qz_buf. */
#ifndef QZ_COMPARE_TEXT_H
#define QZ_COMPARE_TEXT_H

#include "internal.h"

typedef enum {
    QZ_CL_TITLE,         /* after the body: "工作报告对比：" */
    QZ_CL_TITLE_NO_BODY, /* when neither report names its body */
    QZ_CL_AND,           /* between the two years of the title */
    QZ_CL_DIFFERENT,     /* the two are of different bodies: before their names */
    QZ_CL_SEP,           /* between two items of a sentence */
    QZ_CL_END,           /* the end of a sentence */
    QZ_CL_COLON,
    QZ_CL_BOTH,          /* the heading of the keys both years state */
    QZ_CL_ONLY_BEFORE,   /* around a year: the heading of the keys one year states */
    QZ_CL_ONLY_AFTER,
    QZ_CL_RATES,
    QZ_CL_NOTHING,       /* no key in either */
    QZ_CL_FIGURE,        /* table headers */
    QZ_CL_KEY,
    QZ_CL_VALUE,
    QZ_CL_LINE,
    QZ_CL_CHANGE,
    QZ_CL_CHANGE_PCT,
    QZ_CL_CHART,         /* the bar chart's column (HTML) */
    QZ_CL_CHECK,         /* after a year: a rate's consistency column */
    QZ_CL_CONSISTENT,
    QZ_CL_INCONSISTENT,
    QZ_CL_UNCHECKED,     /* stated without both counts */
    QZ_CL_NOT_STATED,
    QZ_CL_COUNT
} qz_compare_label;

const char *qz_compare_label_text(qz_compare_label id, qz_lang lang);
/* Whether some row is stated by the older report (or not) and by the newer (or not). */
bool qz_compare_has_rows(const qz_compare *c, bool older, bool newer);
/* The title: 泓江市人大常委会工作报告对比：2022年与2023年 (the body only when both are one). */
void qz_compare_title_text(const qz_compare *c, qz_lang lang, qz_buf *b);
/* The warning of different bodies: 注意：两份报告出自不同机关：A；B。 */
void qz_compare_bodies_text(const qz_compare *c, qz_lang lang, qz_buf *b);
/* The heading of a year's column: 2022年 / 2022, or 较早的报告 / older report when unknown. */
void qz_compare_year_text(const qz_compare *c, bool newer, qz_lang lang, qz_buf *b);
/* A figure as a reader writes it: 30余件, 约200人, 3至5项 (zh); 30+ 件, about 200 人 (en). */
void qz_compare_value_text(const qz_quantity *q, qz_lang lang, qz_buf *b);
/* A row's change (+2, -3, ≈+10, +1.5个百分点) and its change in % (+25%); nothing when none. */
void qz_compare_change_text(const qz_compare_row *r, qz_lang lang, qz_buf *b);
void qz_compare_change_pct_text(const qz_compare_row *r, qz_buf *b);
/* A rate's check in one year: 一致（240/300 = 80%）, 不一致（…）, 无法核对, —. */
void qz_compare_rate_text(const qz_report *rep, const qz_quantity *stated, const qz_rate *rate,
                          qz_lang lang, qz_buf *b);

#endif
