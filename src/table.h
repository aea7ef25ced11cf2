/* table.h — what the table's rows hold, shared by table.c (the rows, CSV and TSV) and
 * table_xlsx.c (the workbook, whose second and third sheets list each report's figures and
 * rates). Ownership: every string here is the table's own copy, so that a report can be freed
 * as soon as its row is added; qz_table_free frees them. */
#ifndef QZ_TABLE_H
#define QZ_TABLE_H

#include "rules.h"

/* The fixed columns before the keys. */
enum {
    QZ_TABLE_FILE,
    QZ_TABLE_BODY,
    QZ_TABLE_REGION,
    QZ_TABLE_LEVEL,
    QZ_TABLE_DATE,
    QZ_TABLE_YEAR,
    QZ_TABLE_ERROR,
    QZ_TABLE_NFIXED
};
extern const char *const qz_table_fixed_names[QZ_TABLE_NFIXED];

/* A keyed quantity of a report: each key's first mention and its later ones. */
typedef struct {
    char *key;
    char *value; /* as qz_quantity_value writes it: "96.9", "3..5" */
    char *unit;
    qz_qualifier qualifier;
    bool first;  /* the first mention: the value of its key's column */
    size_t line;
    char *quote;
} qz_table_figure;

/* A stated rate with the counts it is checked against. */
typedef struct {
    char *key;
    char *stated;
    char *numerator_key, *numerator;
    char *denominator_key, *denominator;
    char *computed;
    bool consistent;
} qz_table_rate;

typedef struct {
    char *fixed[QZ_TABLE_NFIXED]; /* NULL: empty */
    char **values;                /* per metric of the rules: the first mention's value, or
                                     NULL; values itself is NULL for a report not read */
    qz_table_figure *figures;     /* in the report's order */
    size_t nfigures;
    qz_table_rate *rates;
    size_t nrates;
} qz_table_row;

struct qz_table {
    const qz_rules *rules;
    qz_table_row *rows;
    size_t n, cap;
};

/* Whether metric m of the rules has a column: some report states it. */
bool qz_table_has_column(const qz_table *t, size_t m);

#endif
