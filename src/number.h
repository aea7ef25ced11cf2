/* number.h — reading numeric expressions (Arabic, full-width and Chinese numerals, with their
 * qualifiers) out of UTF-8 text. Ownership: nothing here allocates; every type is a plain value
 * the caller owns, and the functions only read the bytes they are given. */
#ifndef QZ_NUMBER_H
#define QZ_NUMBER_H

#include <stddef.h>
#include <stdint.h>

/* An exact decimal: value = mant / 10^scale. Reports write 96.9 and mean 96.9, so values are
 * never held in binary floating point (0 <= scale <= 18). */
typedef struct {
    int64_t mant;
    int scale;
} qz_decimal;

typedef enum {
    QZ_QUAL_EXACT, /* 10次 */
    QZ_QUAL_MORE,  /* 30余条, 100多名, 超过1000家, 逾百万: value is the lower bound */
    QZ_QUAL_ABOUT, /* 约200人, 5.5%左右 */
    QZ_QUAL_NEAR,  /* 近千人, 将近: value is the upper bound */
    QZ_QUAL_LESS,  /* 不足5%, 不到 */
    QZ_QUAL_RANGE, /* 3至5, 三四十, 十七八: lo..hi */
    QZ_QUAL_VAGUE  /* 十几, 数十, 几百: lo..hi */
} qz_qualifier;

typedef enum {
    QZ_NUM_PLAIN,   /* a count or amount */
    QZ_NUM_PERCENT, /* 96.9%, 百分之九十五, 三成 (X成 = X*10%) */
    QZ_NUM_POINTS   /* 2.3个百分点: percentage points, never % */
} qz_number_kind;

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

/* Writes d exactly as a decimal string ("96.9", "38000", "-0.3", "0.5"), without trailing zeros
 * after the point and without exponent. Returns the length written (snprintf semantics: the
 * length it would have written if buf were large enough). */
int qz_decimal_format(qz_decimal d, char *buf, size_t size);

/* Compares two decimals exactly: <0, 0, >0. */
int qz_decimal_cmp(qz_decimal a, qz_decimal b);

#endif
