/* number.h — reading numeric expressions (Arabic, full-width and Chinese numerals, with their
 * qualifiers) out of UTF-8 text. Ownership: nothing here allocates; every type is a plain value
 * the caller owns, and the functions only read the bytes they are given. */
#ifndef QZ_NUMBER_H
#define QZ_NUMBER_H

#include <stddef.h>
#include <stdint.h>

#include "qzreport.h"

typedef struct {
    qz_decimal lo;          /* the value; the lower end of a range */
    qz_decimal hi;          /* equal to lo unless RANGE or VAGUE */
    qz_qualifier qualifier;
    qz_number_kind kind;
    size_t start;           /* byte offset of the expression's first byte (a prefix like 约 included) */
    size_t end;             /* byte offset just past its last byte (多/余/左右/%/个百分点 included) */
} qz_number;

/* Reads the numeric expression that begins exactly at s[0] (s holds len bytes of UTF-8; it need
 * not be NUL-terminated). Recognises the prefixes 约 近 将近 超过 逾 不足 不到 百分之, the numeral
 * itself, and the suffixes 多 余 左右 % ％ 成 个百分点. Returns the number of bytes consumed (so
 * out->start == 0 and out->end == the return value), or 0 when no number starts at s[0] (out is
 * then untouched). It never reads past len. Units, signs from verbs (下降) and words that only
 * look like numbers (十分, 一流) are the extractor's business, not this reader's. */
size_t qz_number_read(const char *s, size_t len, qz_number *out);

/* Reads a plain numeral only (no prefixes, suffixes or ranges): 十一, 2022, ２３, 1,234.5, 3.8万.
 * Returns bytes consumed, 0 if none. Used for heading numbers and years. */
size_t qz_numeral_read(const char *s, size_t len, qz_decimal *out);

/* The start of a qualifier word (约 近 将近 超过 逾 不足 不到) that ends exactly at pos in s,
 * or pos when none does: the extractor finds numerals first, then steps back to their prefix. */
size_t qz_number_prefix_start(const char *s, size_t pos);

/* Where the next numeral may start at or after pos (a digit, a Chinese numeral character, 几
 * or 数 before 十百千万亿), or len: the extractor's scan for figures. */
size_t qz_number_find(const char *s, size_t len, size_t pos);

/* A qualifier word after a measure word (3000件左右 is about 3000, 10次以上 more than 10):
 * returns its bytes and sets *q, or 0. */
size_t qz_number_suffix_read(const char *s, size_t len, qz_qualifier *q);

#endif
