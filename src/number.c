/* number.c — reading numeric expressions out of UTF-8 text (see number.h for the contract).
 *
 * This is a scanner over a small fixed alphabet of code points (ASCII and full-width digits,
 * about twenty Chinese numeral characters and a handful of qualifier words), written by hand on
 * purpose. A regular expression could find where 一千零五十 or 3万4000 ends, but turning it into
 * a value is positional arithmetic (units fall from 千 to 十, 万 and 亿 close groups, 零 marks a
 * gap, 一千五 means 1500) that would have to be written in C anyway; doing recognition and
 * conversion in one left-to-right pass keeps the grammar in one place and the cost linear.
 *
 * Layers, bottom up:
 *   - UTF-8 decoding that never reads at or past len and gives up on truncated sequences;
 *   - exact decimal arithmetic on non-negative values (every step checks int64 overflow; an
 *     expression we cannot hold is reported as "no number", never wrapped);
 *   - the numeral scanner (scan_numeral): one token at a time, each step either takes the token
 *     or stops before it, so the reader ends at the first byte that cannot continue;
 *   - qz_number_read: prefixes (约 近 超过 百分之 ...), kind markers (% 成 个百分点), ranges
 *     (3至5, 3-5万) and trailing qualifiers (多 余 左右) around one or two numerals.
 *
 * Cost: every byte is examined a bounded number of times; besides the bytes consumed the reader
 * looks at most one token (or one rejected range end) ahead. Nothing allocates, nothing is
 * global and mutable. */
#include "number.h"

#include <stdbool.h>
#include <string.h>

/* ------------------------------------------------------------------------------------------ */
/* Code points of the alphabet.                                                               */

enum {
    CP_LING = 0x96F6,        /* 零 */
    CP_CIRCLE_ZERO = 0x3007, /* 〇 */
    CP_YI1 = 0x4E00,         /* 一 */
    CP_ER = 0x4E8C,          /* 二 */
    CP_LIANG = 0x4E24,       /* 两 */
    CP_SAN = 0x4E09,         /* 三 */
    CP_SI = 0x56DB,          /* 四 */
    CP_WU = 0x4E94,          /* 五 */
    CP_LIU = 0x516D,         /* 六 */
    CP_QI = 0x4E03,          /* 七 */
    CP_BA = 0x516B,          /* 八 */
    CP_JIU = 0x4E5D,         /* 九 */
    CP_SHI = 0x5341,         /* 十 */
    CP_BAI = 0x767E,         /* 百 */
    CP_QIAN = 0x5343,        /* 千 */
    CP_WAN = 0x4E07,         /* 万 */
    CP_YI8 = 0x4EBF,         /* 亿 */
    CP_NIAN = 0x5EFF,        /* 廿 */
    CP_DIAN = 0x70B9,        /* 点 */
    CP_JI = 0x51E0,          /* 几 */
    CP_SHU = 0x6570,         /* 数 */
    CP_DUO = 0x591A,         /* 多 */
    CP_YU = 0x4F59,          /* 余 */
    CP_CHENG = 0x6210,       /* 成 */
    CP_ZHI = 0x81F3,         /* 至 */
    CP_DAO = 0x5230,         /* 到 */
    CP_FW_PERCENT = 0xFF05,  /* ％ */
    CP_FW_POINT = 0xFF0E,    /* ． */
    CP_FW_ZERO = 0xFF10,     /* ０ */
    CP_FW_NINE = 0xFF19,     /* ９ */
    CP_FW_TILDE = 0xFF5E     /* ～ */
};

/* ------------------------------------------------------------------------------------------ */
/* UTF-8.                                                                                     */

/* Decodes the code point at s[pos]. Returns its length in bytes, or 0 at the end of the input
 * and on a malformed, overlong or truncated sequence: all of those simply cannot continue a
 * number, which is how the callers treat 0. Never touches s[len] or beyond. */
static size_t decode_cp(const char *s, size_t len, size_t pos, uint32_t *cp)
{
    if (pos >= len) {
        return 0;
    }
    const unsigned char *p = (const unsigned char *)s + pos;
    size_t avail = len - pos;
    size_t n;
    uint32_t c;
    uint32_t min;
    if (p[0] < 0x80) {
        *cp = p[0];
        return 1;
    } else if ((p[0] & 0xE0) == 0xC0) {
        n = 2;
        c = p[0] & 0x1Fu;
        min = 0x80;
    } else if ((p[0] & 0xF0) == 0xE0) {
        n = 3;
        c = p[0] & 0x0Fu;
        min = 0x800;
    } else if ((p[0] & 0xF8) == 0xF0) {
        n = 4;
        c = p[0] & 0x07u;
        min = 0x10000;
    } else {
        return 0;
    }
    if (avail < n) {
        return 0;
    }
    for (size_t i = 1; i < n; i++) {
        if ((p[i] & 0xC0) != 0x80) {
            return 0;
        }
        c = (c << 6) | (p[i] & 0x3Fu);
    }
    if (c < min) {
        return 0; /* an overlong "1" must not pass for a digit */
    }
    *cp = c;
    return n;
}

/* Returns the byte length of the UTF-8 literal word if s[pos..] starts with it, else 0. */
static size_t match_word(const char *s, size_t len, size_t pos, const char *word)
{
    size_t n = strlen(word);
    if (pos > len || len - pos < n || memcmp(s + pos, word, n) != 0) {
        return 0;
    }
    return n;
}

/* ------------------------------------------------------------------------------------------ */
/* Exact decimals. All values the reader builds are >= 0; format and cmp take any sign.        */

#define MAX_SCALE 18

static const int64_t POW10[MAX_SCALE + 1] = {
    1LL,
    10LL,
    100LL,
    1000LL,
    10000LL,
    100000LL,
    1000000LL,
    10000000LL,
    100000000LL,
    1000000000LL,
    10000000000LL,
    100000000000LL,
    1000000000000LL,
    10000000000000LL,
    100000000000000LL,
    1000000000000000LL,
    10000000000000000LL,
    100000000000000000LL,
    1000000000000000000LL,
};

static qz_decimal dec_int(int64_t v)
{
    qz_decimal d = {v, 0};
    return d;
}

/* d *= 10^k (k >= 0). The scale is spent first, so 3.8 * 10^4 becomes 38000 (scale 0) rather
 * than 38000.0, while an unscaled 96.9 keeps the digits it was written with. */
static bool dec_mul_pow10(qz_decimal *d, int k)
{
    if (d->scale >= k) {
        d->scale -= k;
        return true;
    }
    k -= d->scale;
    if (k > MAX_SCALE || d->mant > INT64_MAX / POW10[k]) {
        return false;
    }
    d->mant *= POW10[k];
    d->scale = 0;
    return true;
}

/* *out = a + b for non-negative a and b, at the larger of the two scales. */
static bool dec_add(qz_decimal a, qz_decimal b, qz_decimal *out)
{
    int scale = a.scale > b.scale ? a.scale : b.scale;
    int64_t am = a.mant;
    int64_t bm = b.mant;
    if (am > INT64_MAX / POW10[scale - a.scale] || bm > INT64_MAX / POW10[scale - b.scale]) {
        return false;
    }
    am *= POW10[scale - a.scale];
    bm *= POW10[scale - b.scale];
    if (am > INT64_MAX - bm) {
        return false;
    }
    out->mant = am + bm;
    out->scale = scale;
    return true;
}

/* mant = mant * 10 + digit, false on overflow. */
static bool append_digit(int64_t *mant, int digit)
{
    if (*mant > (INT64_MAX - digit) / 10) {
        return false;
    }
    *mant = *mant * 10 + digit;
    return true;
}

/* Keeps a caller's out-of-contract scale from indexing past POW10. */
static int clamp_scale(int scale)
{
    return scale < 0 ? 0 : scale > MAX_SCALE ? MAX_SCALE : scale;
}

int qz_decimal_cmp(qz_decimal a, qz_decimal b)
{
    /* Compare integer parts, then fractions stretched to 18 places. Aligning the mantissas
     * instead could overflow (INT64_MAX against INT64_MAX / 10^18). C's truncating division
     * gives quotient and remainder the sign of the value, so both comparisons stay ordered. */
    int sa = clamp_scale(a.scale);
    int sb = clamp_scale(b.scale);
    int64_t qa = a.mant / POW10[sa];
    int64_t qb = b.mant / POW10[sb];
    if (qa != qb) {
        return qa < qb ? -1 : 1;
    }
    int64_t fa = (a.mant % POW10[sa]) * POW10[MAX_SCALE - sa];
    int64_t fb = (b.mant % POW10[sb]) * POW10[MAX_SCALE - sb];
    return (fa > fb) - (fa < fb);
}

/* a and b at the larger of their scales, false when one cannot be stretched to it. */
static bool dec_align(qz_decimal *a, qz_decimal *b)
{
    int sa = clamp_scale(a->scale), sb = clamp_scale(b->scale);
    int s = sa > sb ? sa : sb;
    if (__builtin_mul_overflow(a->mant, POW10[s - sa], &a->mant) ||
        __builtin_mul_overflow(b->mant, POW10[s - sb], &b->mant))
        return false;
    a->scale = b->scale = s;
    return true;
}

bool qz_decimal_sub(qz_decimal a, qz_decimal b, qz_decimal *out)
{
    if (!dec_align(&a, &b) || __builtin_sub_overflow(a.mant, b.mant, &out->mant))
        return false;
    out->scale = a.scale;
    return true;
}

bool qz_decimal_percent(qz_decimal part, qz_decimal whole, qz_decimal *out)
{
    if (!dec_align(&part, &whole) || whole.mant == 0)
        return false;
    /* part / whole x 100 to one decimal: part x 1000 / whole, rounded half away from zero as
     * (2|n| + |d|) / 2|d| with the quotient's sign; every product checked */
    int64_t n;
    if (__builtin_mul_overflow(part.mant, 1000, &n) || n == INT64_MIN || whole.mant == INT64_MIN)
        return false;
    int64_t an = n < 0 ? -n : n, ad = whole.mant < 0 ? -whole.mant : whole.mant;
    if (__builtin_mul_overflow(an, 2, &an) || __builtin_add_overflow(an, ad, &an) ||
        __builtin_mul_overflow(ad, 2, &ad))
        return false;
    int64_t q = an / ad;
    out->mant = (n < 0) != (whole.mant < 0) ? -q : q;
    out->scale = 1;
    return true;
}

/* An out-of-contract scale (outside 0..18) writes "" and returns -1, as snprintf does for
 * input it cannot encode. */
int qz_decimal_format(qz_decimal d, char *buf, size_t size)
{
    if (d.scale < 0 || d.scale > MAX_SCALE) {
        if (buf != NULL && size > 0) {
            buf[0] = '\0';
        }
        return -1;
    }
    /* Work on the magnitude in uint64 so INT64_MIN has one too. */
    uint64_t mag = d.mant < 0 ? (uint64_t)0 - (uint64_t)d.mant : (uint64_t)d.mant;
    int scale = d.scale;
    while (scale > 0 && mag % 10 == 0) {
        mag /= 10;
        scale--;
    }
    char digits[24]; /* least significant first */
    int nd = 0;
    do {
        digits[nd++] = (char)('0' + (int)(mag % 10));
        mag /= 10;
    } while (mag != 0);

    char text[48];
    size_t n = 0;
    if (d.mant < 0) {
        text[n++] = '-';
    }
    if (nd <= scale) { /* no integer digits: 0.0…0ddd */
        text[n++] = '0';
        text[n++] = '.';
        for (int i = nd; i < scale; i++) {
            text[n++] = '0';
        }
        for (int i = nd - 1; i >= 0; i--) {
            text[n++] = digits[i];
        }
    } else {
        for (int i = nd - 1; i >= 0; i--) {
            text[n++] = digits[i];
            if (i == scale && scale > 0) {
                text[n++] = '.';
            }
        }
    }
    if (buf != NULL && size > 0) {
        size_t m = n < size - 1 ? n : size - 1;
        memcpy(buf, text, m);
        buf[m] = '\0';
    }
    return (int)n;
}

/* ------------------------------------------------------------------------------------------ */
/* Tokens of a numeral.                                                                       */

typedef enum {
    TK_OTHER,      /* cannot continue a numeral */
    TK_DIGIT,      /* 零〇一二两三四五六七八九: value 0..9 */
    TK_ARABIC,     /* the first digit of an Arabic number, ASCII or full-width */
    TK_SMALL_UNIT, /* 十 百 千: value is the power of ten */
    TK_TWENTY,     /* 廿 = 二十 */
    TK_BIG_UNIT,   /* 万 亿: value is the power of ten */
    TK_POINT,      /* 点, the decimal point of Chinese numerals */
    TK_VAGUE,      /* 几 数 */
    TK_MORE        /* 多 余 */
} token_class;

typedef struct {
    token_class cls;
    int value;
    bool is_liang; /* 两 is 2 as a count but never a digit of a year (two-〇-二-三) */
    size_t nbytes;
} token;

static int chinese_digit_value(uint32_t cp)
{
    switch (cp) {
    case CP_LING:
    case CP_CIRCLE_ZERO:
        return 0;
    case CP_YI1:
        return 1;
    case CP_ER:
    case CP_LIANG:
        return 2;
    case CP_SAN:
        return 3;
    case CP_SI:
        return 4;
    case CP_WU:
        return 5;
    case CP_LIU:
        return 6;
    case CP_QI:
        return 7;
    case CP_BA:
        return 8;
    case CP_JIU:
        return 9;
    default:
        return -1;
    }
}

static int arabic_digit_value(uint32_t cp)
{
    if (cp >= '0' && cp <= '9') {
        return (int)(cp - '0');
    }
    if (cp >= CP_FW_ZERO && cp <= CP_FW_NINE) {
        return (int)(cp - CP_FW_ZERO);
    }
    return -1;
}

/* Classifies the code point at s[pos]. Arabic numbers are several code points long; they are
 * only scanned (scan_arabic) once the grammar has decided to take one. */
static token peek_token(const char *s, size_t len, size_t pos)
{
    token t = {TK_OTHER, 0, false, 0};
    uint32_t cp;
    size_t n = decode_cp(s, len, pos, &cp);
    if (n == 0) {
        return t;
    }
    t.nbytes = n;
    int d = chinese_digit_value(cp);
    if (d >= 0) {
        t.cls = TK_DIGIT;
        t.value = d;
        t.is_liang = cp == CP_LIANG;
        return t;
    }
    if (arabic_digit_value(cp) >= 0) {
        t.cls = TK_ARABIC;
        return t;
    }
    static const struct {
        uint32_t cp;
        token_class cls;
        int value;
    } others[] = {
        {CP_SHI, TK_SMALL_UNIT, 1}, {CP_BAI, TK_SMALL_UNIT, 2}, {CP_QIAN, TK_SMALL_UNIT, 3},
        {CP_WAN, TK_BIG_UNIT, 4},   {CP_YI8, TK_BIG_UNIT, 8},   {CP_NIAN, TK_TWENTY, 20},
        {CP_DIAN, TK_POINT, 0},     {CP_JI, TK_VAGUE, 0},       {CP_SHU, TK_VAGUE, 0},
        {CP_DUO, TK_MORE, 0},       {CP_YU, TK_MORE, 0},
    };
    for (size_t i = 0; i < sizeof others / sizeof others[0]; i++) {
        if (others[i].cp == cp) {
            t.cls = others[i].cls;
            t.value = others[i].value;
            return t;
        }
    }
    t.nbytes = 0;
    return t;
}

static size_t arabic_digit_at(const char *s, size_t len, size_t pos, int *digit)
{
    uint32_t cp;
    size_t n = decode_cp(s, len, pos, &cp);
    if (n == 0 || (*digit = arabic_digit_value(cp)) < 0) {
        return 0;
    }
    return n;
}

/* A comma is digit grouping only when exactly three digits follow it (1,234 but not 1,23 and
 * not 10,主任会议, where the report uses an ASCII comma as punctuation). Returns the bytes of
 * ",ddd" and the three digits, or 0. */
static size_t digit_group_at(const char *s, size_t len, size_t pos, int digits[3])
{
    if (pos >= len || s[pos] != ',') {
        return 0;
    }
    size_t p = pos + 1;
    for (int i = 0; i < 3; i++) {
        size_t n = arabic_digit_at(s, len, p, &digits[i]);
        if (n == 0) {
            return 0;
        }
        p += n;
    }
    int ignored;
    if (arabic_digit_at(s, len, p, &ignored) > 0) {
        return 0; /* 1,2345: a fourth digit, so not a group of three */
    }
    return p - pos;
}

static size_t decimal_point_at(const char *s, size_t len, size_t pos)
{
    uint32_t cp;
    size_t n = decode_cp(s, len, pos, &cp);
    return n > 0 && (cp == '.' || cp == CP_FW_POINT) ? n : 0;
}

typedef enum { SCAN_NONE, SCAN_OK, SCAN_OVERFLOW } scan_status;

/* Scans an Arabic number at s[pos]: digits, optional ",ddd" groups (only after a first group
 * of one to three digits), optional "." or "．" followed by at least one digit. The value keeps
 * the scale it was written with (96.90 is 9690 / 10^2). */
static scan_status scan_arabic(const char *s, size_t len, size_t pos, qz_decimal *out,
                               size_t *nbytes)
{
    size_t p = pos;
    int64_t mant = 0;
    int scale = 0;
    int lead = 0;
    int d;
    size_t n;
    while ((n = arabic_digit_at(s, len, p, &d)) > 0) {
        if (!append_digit(&mant, d)) {
            return SCAN_OVERFLOW;
        }
        p += n;
        lead++;
    }
    if (lead == 0) {
        return SCAN_NONE;
    }
    if (lead <= 3) {
        int group[3];
        while ((n = digit_group_at(s, len, p, group)) > 0) {
            for (int i = 0; i < 3; i++) {
                if (!append_digit(&mant, group[i])) {
                    return SCAN_OVERFLOW;
                }
            }
            p += n;
        }
    }
    size_t dot = decimal_point_at(s, len, p);
    if (dot > 0 && arabic_digit_at(s, len, p + dot, &d) > 0) {
        p += dot;
        while ((n = arabic_digit_at(s, len, p, &d)) > 0) {
            if (scale == MAX_SCALE || !append_digit(&mant, d)) {
                return SCAN_OVERFLOW;
            }
            scale++;
            p += n;
        }
    }
    out->mant = mant;
    out->scale = scale;
    *nbytes = p - pos;
    return SCAN_OK;
}

/* ------------------------------------------------------------------------------------------ */
/* The numeral scanner.                                                                       */

typedef struct {
    bool ranges; /* 两三, 三四十, 十七八 */
    bool vague;  /* 十几, 几十, 数百 */
    bool more;   /* 30余, 90多万 */
} numeral_options;

/* A Chinese numeral is built the way the language groups it: a finished 亿 part, a finished 万
 * part, the current group below 万 built from 千 百 十, and a pending value (a digit, an Arabic
 * number, a decimal) not yet multiplied by a unit. Ranges and vague numerals carry two of
 * these, the low and the high reading, and every step updates both. */
typedef struct {
    qz_decimal yi, wan, group, pending;
} partial;

/* The kind of the last token taken; most grammar decisions depend only on it. */
typedef enum {
    LAST_NONE,
    LAST_DIGIT,      /* a Chinese digit, or a digit-by-digit run (二〇二三) */
    LAST_ARABIC,
    LAST_FRACTION,   /* 三点五: a pending value with a Chinese decimal part */
    LAST_PAIR,       /* the second digit of 两三, 十七八 */
    LAST_VAGUE,      /* 几 or 数 */
    LAST_SMALL_UNIT, /* 十 百 千 廿 */
    LAST_BIG_UNIT,   /* 万 亿 */
    LAST_ZERO_GAP,   /* the 零 of 一千零五十 */
    LAST_MORE        /* 多 or 余 */
} last_token;

typedef struct {
    const char *s;
    size_t len;
    size_t pos;
    numeral_options opt;
    partial lo, hi;
    last_token last;
    int pending_digit;     /* the Chinese digit just taken, for 两三 and 二〇二三 */
    bool pending_liang;
    int abbrev_pow;        /* 一千五 is 1500: the pending digit is worth 10^abbrev_pow */
    int last_unit_pow;     /* the unit just taken */
    bool last_unit_bare;   /* ...had no numeral before it (百余, 万余) */
    int small_limit_pow;   /* a 十 百 千 must be below 10^this: units fall, 千 then 百 then 十 */
    int arabic_limit_pow;  /* an Arabic number after a unit must be below 10^this (3万4000) */
    int trail_pow;         /* units multiplied in after the last value token (五十万: 5) */
    bool seen_unit, seen_wan, seen_yi, positional;
    bool is_range, is_vague, more;
} numeral_scan;

typedef struct {
    qz_decimal lo, hi;
    bool is_range, is_vague, more;
    bool unitless;   /* no unit at all (3, 三, 二〇二三): 3至5万 may lend it the 万 */
    int trail_pow;
    size_t len;
} numeral;

typedef enum { STEP_TAKEN, STEP_STOP, STEP_OVERFLOW } step_result;

/* Whether a Chinese digit that step_digit could take follows at `after`: a non-zero one after
 * 零 (一千零五), and one that can extend a digit-by-digit run after a pair (so 一二三 is 123 but
 * 三四两 is 3..4 followed by 两, exactly as if the input ended after 四). */
static bool next_digit_continues(const numeral_scan *sc, size_t after, bool nonzero)
{
    token t = peek_token(sc->s, sc->len, after);
    return t.cls == TK_DIGIT && !t.is_liang && (!nonzero || t.value != 0);
}

/* Units 百 千 万 亿 standing alone mean one of them (百余, 万余), but then no digit may follow:
 * 万一 is a word, not 10001, and 百五 is not a numeral. A bare 十 does take digits (十一). */
static bool after_bare_big_unit(const numeral_scan *sc)
{
    return (sc->last == LAST_SMALL_UNIT || sc->last == LAST_BIG_UNIT) && sc->last_unit_bare &&
           sc->last_unit_pow >= 2;
}

static void set_pending(numeral_scan *sc, qz_decimal lo, qz_decimal hi, last_token kind)
{
    sc->lo.pending = lo;
    sc->hi.pending = hi;
    sc->abbrev_pow = 0;
    sc->trail_pow = 0;
    sc->last = kind;
}

/* group += pending * 10^pow; pending = 0. */
static bool fold_pending(partial *p, int pow)
{
    qz_decimal t = p->pending;
    if (!dec_mul_pow10(&t, pow) || !dec_add(p->group, t, &p->group)) {
        return false;
    }
    p->pending = dec_int(0);
    return true;
}

/* The value of the current group below 万 when it ends without a unit of its own. */
static bool group_value(const partial *p, int abbrev_pow, qz_decimal *out)
{
    qz_decimal t = p->pending;
    return dec_mul_pow10(&t, abbrev_pow) && dec_add(p->group, t, out);
}

static step_result step_digit(numeral_scan *sc, token t)
{
    int d = t.value;
    switch (sc->last) {
    case LAST_NONE:
        set_pending(sc, dec_int(d), dec_int(d), LAST_DIGIT);
        sc->pending_digit = d;
        sc->pending_liang = t.is_liang;
        return STEP_TAKEN;
    case LAST_DIGIT:
        /* Two adjacent digits: consecutive ones are a range (两三, 三四十, 十七八) unless a third
         * digit follows; before any unit they are read digit by digit (二〇二三, 一九九七). */
        if (!sc->positional && sc->opt.ranges && d == sc->pending_digit + 1 &&
            sc->pending_digit >= 1 && !next_digit_continues(sc, sc->pos + t.nbytes, false)) {
            sc->hi.pending = dec_int(d);
            sc->is_range = true;
            sc->last = LAST_PAIR;
            return STEP_TAKEN;
        }
        if (!sc->seen_unit && !t.is_liang && !sc->pending_liang) {
            qz_decimal v = sc->lo.pending;
            if (!dec_mul_pow10(&v, 1) || !dec_add(v, dec_int(d), &v)) {
                return STEP_OVERFLOW;
            }
            sc->lo.pending = sc->hi.pending = v;
            sc->positional = true;
            return STEP_TAKEN;
        }
        return STEP_STOP;
    case LAST_SMALL_UNIT:
    case LAST_BIG_UNIT:
        if (after_bare_big_unit(sc)) {
            return STEP_STOP;
        }
        if (d == 0) {
            /* 零 after a unit marks a skipped place (一千零五十); it belongs to the numeral only
             * if a digit follows, so 一百零 reads 100 and leaves the 零. */
            if (!next_digit_continues(sc, sc->pos + t.nbytes, true)) {
                return STEP_STOP;
            }
            sc->last = LAST_ZERO_GAP;
            return STEP_TAKEN;
        }
        set_pending(sc, dec_int(d), dec_int(d), LAST_DIGIT);
        sc->pending_digit = d;
        sc->pending_liang = t.is_liang;
        /* 一千五 = 1500, 两万三 = 23000: a last digit straight after 百 or above counts one
         * place below that unit. After 十 it is just the ones (十五 = 15). */
        sc->abbrev_pow = sc->last_unit_pow >= 2 ? sc->last_unit_pow - 1 : 0;
        return STEP_TAKEN;
    case LAST_ZERO_GAP:
        set_pending(sc, dec_int(d), dec_int(d), LAST_DIGIT);
        sc->pending_digit = d;
        sc->pending_liang = t.is_liang;
        return STEP_TAKEN;
    default:
        return STEP_STOP;
    }
}

static step_result step_arabic(numeral_scan *sc)
{
    int limit_pow = -1; /* none */
    if (sc->last == LAST_SMALL_UNIT || sc->last == LAST_BIG_UNIT) {
        if (after_bare_big_unit(sc)) {
            return STEP_STOP;
        }
        limit_pow = sc->arabic_limit_pow;
    } else if (sc->last != LAST_NONE) {
        return STEP_STOP; /* 三5 is two numbers, not one */
    }
    qz_decimal v;
    size_t n;
    scan_status st = scan_arabic(sc->s, sc->len, sc->pos, &v, &n);
    if (st != SCAN_OK) {
        return st == SCAN_OVERFLOW ? STEP_OVERFLOW : STEP_STOP;
    }
    /* After a unit an Arabic number fills the places below it: 3万4000, 1亿5000万, 1千500.
     * 3万40000 or 3万4.5 do not describe one number. */
    if (limit_pow >= 0 && (v.scale != 0 || v.mant >= POW10[limit_pow])) {
        return STEP_STOP;
    }
    set_pending(sc, v, v, LAST_ARABIC);
    sc->pos += n;
    return STEP_TAKEN;
}

static void note_unit(numeral_scan *sc, int pow, bool bare, last_token kind)
{
    sc->last = kind;
    sc->last_unit_pow = pow;
    sc->last_unit_bare = bare;
    sc->arabic_limit_pow = pow;
    sc->abbrev_pow = 0;
    sc->seen_unit = true;
    sc->trail_pow += pow;
}

static step_result step_small_unit(numeral_scan *sc, int pow)
{
    if (sc->positional || pow >= sc->small_limit_pow) {
        return STEP_STOP; /* 二〇二三十, 三十五百: not one numeral */
    }
    bool bare = false;
    switch (sc->last) {
    case LAST_NONE:
        bare = true; /* 十一, 百余, 千万 */
        sc->lo.group = sc->hi.group = dec_int(POW10[pow]);
        break;
    case LAST_DIGIT:
    case LAST_ARABIC:
    case LAST_FRACTION:
    case LAST_PAIR:
    case LAST_VAGUE:
        if (!fold_pending(&sc->lo, pow) || !fold_pending(&sc->hi, pow)) {
            return STEP_OVERFLOW;
        }
        break;
    default:
        return STEP_STOP; /* 十百, 一万千, 一千零百 */
    }
    sc->small_limit_pow = pow;
    note_unit(sc, pow, bare, LAST_SMALL_UNIT);
    return STEP_TAKEN;
}

/* 廿 is 二十 in one character: a tens digit together with its unit. */
static step_result step_twenty(numeral_scan *sc)
{
    if (sc->positional || sc->small_limit_pow <= 1 ||
        (sc->last != LAST_NONE && sc->last != LAST_BIG_UNIT) || after_bare_big_unit(sc)) {
        return STEP_STOP;
    }
    if (!dec_add(sc->lo.group, dec_int(20), &sc->lo.group) ||
        !dec_add(sc->hi.group, dec_int(20), &sc->hi.group)) {
        return STEP_OVERFLOW;
    }
    sc->small_limit_pow = 1;
    note_unit(sc, 1, false, LAST_SMALL_UNIT);
    sc->trail_pow = 0; /* 廿 carries its own value */
    return STEP_TAKEN;
}

/* 万 closes the group below it; 亿 closes everything below it, including a 万 part (so 2.3万亿
 * is 2.3 * 10^4 * 10^8 and 1亿2千万 is 10^8 + 2000 * 10^4). */
static bool close_big_group(partial *p, int pow, int abbrev_pow, bool bare)
{
    qz_decimal g;
    if (bare) {
        g = dec_int(1);
    } else if (!group_value(p, abbrev_pow, &g)) {
        return false;
    }
    if (pow == 8 && !bare && !dec_add(g, p->wan, &g)) {
        return false;
    }
    if (!dec_mul_pow10(&g, pow)) {
        return false;
    }
    if (pow == 8) {
        p->yi = g;
        p->wan = dec_int(0);
    } else {
        p->wan = g;
    }
    p->group = p->pending = dec_int(0);
    return true;
}

static step_result step_big_unit(numeral_scan *sc, int pow)
{
    if (sc->positional || (pow == 4 && sc->seen_wan) || (pow == 8 && sc->seen_yi)) {
        return STEP_STOP;
    }
    bool bare = false;
    switch (sc->last) {
    case LAST_NONE:
        bare = true; /* 万余, 亿 */
        break;
    case LAST_BIG_UNIT:
        if (pow != 8) {
            return STEP_STOP; /* 万亿 is a unit, 亿万 is not */
        }
        break;
    case LAST_ZERO_GAP:
        return STEP_STOP;
    default:
        break;
    }
    if (!close_big_group(&sc->lo, pow, sc->abbrev_pow, bare) ||
        !close_big_group(&sc->hi, pow, sc->abbrev_pow, bare)) {
        return STEP_OVERFLOW;
    }
    if (pow == 8) {
        sc->seen_yi = true;
        sc->seen_wan = false; /* 1亿2千万 */
    } else {
        sc->seen_wan = true;
    }
    sc->small_limit_pow = 4;
    note_unit(sc, pow, bare, LAST_BIG_UNIT);
    return STEP_TAKEN;
}

/* 点 is a decimal point only between numerals: 一百二十三点五, 百分之零点五, 十点五. 重点 never
 * gets here (重 is not a numeral) and 三点 with nothing after stops before the 点. */
static step_result step_point(numeral_scan *sc, token t)
{
    bool after_digit = sc->last == LAST_DIGIT && !sc->positional && sc->abbrev_pow == 0;
    if (!after_digit && sc->last != LAST_SMALL_UNIT) {
        return STEP_STOP;
    }
    size_t p = sc->pos + t.nbytes;
    int64_t frac = 0;
    int scale = 0;
    for (;;) {
        token d = peek_token(sc->s, sc->len, p);
        if (d.cls != TK_DIGIT || d.is_liang) {
            break;
        }
        if (scale == MAX_SCALE) {
            return STEP_OVERFLOW;
        }
        frac = frac * 10 + d.value; /* at most 18 digits: cannot overflow */
        scale++;
        p += d.nbytes;
    }
    if (scale == 0) {
        return STEP_STOP;
    }
    qz_decimal f = {frac, scale};
    partial *sides[2] = {&sc->lo, &sc->hi};
    for (int i = 0; i < 2; i++) {
        /* The decimal belongs to the whole group: 一百二十三点五 is 123.5. */
        qz_decimal v;
        if (!dec_add(sides[i]->group, sides[i]->pending, &v) || !dec_add(v, f, &v)) {
            return STEP_OVERFLOW;
        }
        sides[i]->pending = v;
        sides[i]->group = dec_int(0);
    }
    set_pending(sc, sc->lo.pending, sc->hi.pending, LAST_FRACTION);
    sc->pos = p;
    return STEP_TAKEN;
}

/* 几 and 数 stand for an unknown digit; they are numerals only next to a unit. Readings (lo..hi,
 * chosen so that hi is the next round number, which is what "some tens" can reach):
 *   prefix form, before a unit U:      几十/数十 10..100, 几百/数百 100..1000,
 *                                      几千 1000..10000, 几万 10^4..10^5, 数亿 10^8..10^9
 *                                      (the unknown digit is read as 1..10);
 *   trailing form, after a unit U:     十几 10..20, 二十几 20..30, 十几万 10^5..2*10^5
 *                                      (the unknown digit adds 0..U).
 * 几十 could be argued to be 20..90; the inclusive round bounds are simpler to reason about
 * and never exclude a value the writer could have meant. */
static step_result step_vague(numeral_scan *sc, token t)
{
    if (!sc->opt.vague || sc->is_range || sc->is_vague || after_bare_big_unit(sc)) {
        return STEP_STOP;
    }
    token next = peek_token(sc->s, sc->len, sc->pos + t.nbytes);
    bool unit_next_small = next.cls == TK_SMALL_UNIT && next.value < sc->small_limit_pow;
    bool unit_next_big = next.cls == TK_BIG_UNIT &&
                         (next.value == 4 ? !sc->seen_wan : !sc->seen_yi);
    qz_decimal lo;
    qz_decimal hi;
    if (sc->last == LAST_SMALL_UNIT && !unit_next_small) {
        lo = dec_int(0);
        hi = dec_int(POW10[sc->last_unit_pow]);
    } else if ((sc->last == LAST_NONE || sc->last == LAST_SMALL_UNIT ||
                sc->last == LAST_BIG_UNIT || sc->last == LAST_ZERO_GAP) &&
               (unit_next_small || unit_next_big)) {
        lo = dec_int(1);
        hi = dec_int(10);
    } else {
        return STEP_STOP; /* 多元 数字化 几乎: not numerals */
    }
    set_pending(sc, lo, hi, LAST_VAGUE);
    sc->is_vague = true;
    return STEP_TAKEN;
}

/* 多 and 余 after a numeral make it a lower bound. They may sit before the last 万 or 亿 (90多万
 * is "ninety-odd ten-thousands"), so after them only those units can follow. */
static step_result step_more(numeral_scan *sc)
{
    if (!sc->opt.more || sc->more || sc->is_range || sc->is_vague) {
        return STEP_STOP;
    }
    bool ok = (sc->last == LAST_DIGIT && !sc->positional) || sc->last == LAST_ARABIC ||
              sc->last == LAST_SMALL_UNIT || sc->last == LAST_BIG_UNIT;
    if (!ok) {
        return STEP_STOP;
    }
    sc->more = true;
    sc->last = LAST_MORE;
    return STEP_TAKEN;
}

static step_result step(numeral_scan *sc, token t)
{
    if (sc->more && t.cls != TK_BIG_UNIT) {
        return STEP_STOP;
    }
    switch (t.cls) {
    case TK_DIGIT:
        return step_digit(sc, t);
    case TK_ARABIC:
        return step_arabic(sc);
    case TK_SMALL_UNIT:
        return step_small_unit(sc, t.value);
    case TK_TWENTY:
        return step_twenty(sc);
    case TK_BIG_UNIT:
        return step_big_unit(sc, t.value);
    case TK_POINT:
        return step_point(sc, t);
    case TK_VAGUE:
        return step_vague(sc, t);
    case TK_MORE:
        return step_more(sc);
    default:
        return STEP_STOP;
    }
}

static bool partial_total(const partial *p, int abbrev_pow, qz_decimal *out)
{
    qz_decimal g;
    return group_value(p, abbrev_pow, &g) && dec_add(p->yi, p->wan, out) && dec_add(*out, g, out);
}

/* Reads one numeral at s[pos]. */
static scan_status scan_numeral(const char *s, size_t len, size_t pos, numeral_options opt,
                                numeral *out)
{
    numeral_scan sc;
    memset(&sc, 0, sizeof sc);
    sc.s = s;
    sc.len = len;
    sc.pos = pos;
    sc.opt = opt;
    sc.lo.yi = sc.lo.wan = sc.lo.group = sc.lo.pending = dec_int(0);
    sc.hi = sc.lo;
    sc.last = LAST_NONE;
    sc.small_limit_pow = 4;
    for (;;) {
        token t = peek_token(s, len, sc.pos);
        step_result r = step(&sc, t);
        if (r == STEP_OVERFLOW) {
            return SCAN_OVERFLOW;
        }
        if (r == STEP_STOP) {
            break;
        }
        /* An Arabic number or a 点 with its decimals spans several code points; those steps
         * advance pos themselves. Every other token is one code point. */
        if (t.cls != TK_ARABIC && t.cls != TK_POINT) {
            sc.pos += t.nbytes;
        }
    }
    if (sc.last == LAST_NONE) {
        return SCAN_NONE;
    }
    if (!partial_total(&sc.lo, sc.abbrev_pow, &out->lo) ||
        !partial_total(&sc.hi, sc.abbrev_pow, &out->hi)) {
        return SCAN_OVERFLOW;
    }
    out->is_range = sc.is_range;
    out->is_vague = sc.is_vague;
    out->more = sc.more;
    out->unitless = !sc.seen_unit;
    out->trail_pow = sc.trail_pow;
    out->len = sc.pos - pos;
    return SCAN_OK;
}

size_t qz_numeral_read(const char *s, size_t len, qz_decimal *out)
{
    if (s == NULL || out == NULL) {
        return 0;
    }
    numeral_options plain = {false, false, false};
    numeral n;
    if (scan_numeral(s, len, 0, plain, &n) != SCAN_OK) {
        return 0;
    }
    *out = n.lo;
    return n.len;
}

/* ------------------------------------------------------------------------------------------ */
/* Whole expressions: prefixes, kind markers, ranges, trailing qualifiers.                    */

typedef enum { MARK_NONE, MARK_PERCENT, MARK_CHENG, MARK_POINTS } kind_mark;

typedef struct {
    numeral n;
    kind_mark mark;
    bool mark_more; /* 1个多百分点 */
    size_t end;
} side;

static const numeral_options FULL_OPTIONS = {true, true, true};
static const numeral_options RANGE_END_OPTIONS = {false, false, true};

/* The qualifier words that may stand before a numeral. 将近 before 近: the longer first. */
static const struct {
    const char *word;
    qz_qualifier qual;
} prefixes[] = {
    {"约", QZ_QUAL_ABOUT},  {"将近", QZ_QUAL_NEAR}, {"近", QZ_QUAL_NEAR},
    {"超过", QZ_QUAL_MORE}, {"逾", QZ_QUAL_MORE},   {"不足", QZ_QUAL_LESS},
    {"不到", QZ_QUAL_LESS},
};

static size_t read_prefix(const char *s, size_t len, size_t pos, qz_qualifier *qual)
{
    for (size_t i = 0; i < sizeof prefixes / sizeof prefixes[0]; i++) {
        size_t n = match_word(s, len, pos, prefixes[i].word);
        if (n > 0) {
            *qual = prefixes[i].qual;
            return n;
        }
    }
    return 0;
}

size_t qz_number_prefix_start(const char *s, size_t pos)
{
    for (size_t i = 0; i < sizeof prefixes / sizeof prefixes[0]; i++) {
        size_t n = strlen(prefixes[i].word);
        if (pos >= n && memcmp(s + pos - n, prefixes[i].word, n) == 0)
            return pos - n;
    }
    return pos;
}

static size_t read_kind_mark(const char *s, size_t len, size_t pos, kind_mark *mark, bool *more)
{
    uint32_t cp;
    size_t n = decode_cp(s, len, pos, &cp);
    *mark = MARK_NONE;
    *more = false;
    if (n > 0 && (cp == '%' || cp == CP_FW_PERCENT)) {
        *mark = MARK_PERCENT;
        return n;
    }
    if (n > 0 && cp == CP_CHENG) {
        *mark = MARK_CHENG;
        return n;
    }
    if ((n = match_word(s, len, pos, "个百分点")) > 0) {
        *mark = MARK_POINTS;
        return n;
    }
    if ((n = match_word(s, len, pos, "个多百分点")) > 0) {
        *mark = MARK_POINTS;
        *more = true;
        return n;
    }
    return 0;
}

/* X成 is X tenths, and only a numeral from 1 to 10 can take it (三成, 两成, 三四成). */
static bool cheng_applies(const numeral *n)
{
    return !n->more && qz_decimal_cmp(n->lo, dec_int(1)) >= 0 &&
           qz_decimal_cmp(n->hi, dec_int(10)) <= 0;
}

/* A numeral and, unless 百分之 already said it is a percentage, its kind marker. */
static scan_status read_side(const char *s, size_t len, size_t pos, numeral_options opt,
                             bool allow_marks, side *out)
{
    scan_status st = scan_numeral(s, len, pos, opt, &out->n);
    if (st != SCAN_OK) {
        return st;
    }
    out->end = pos + out->n.len;
    out->mark = MARK_NONE;
    out->mark_more = false;
    if (allow_marks) {
        size_t m = read_kind_mark(s, len, out->end, &out->mark, &out->mark_more);
        if (out->mark == MARK_CHENG && !cheng_applies(&out->n)) {
            out->mark = MARK_NONE;
            m = 0;
        }
        out->end += m;
    }
    return SCAN_OK;
}

static size_t range_connector_at(const char *s, size_t len, size_t pos)
{
    uint32_t cp;
    size_t n = decode_cp(s, len, pos, &cp);
    bool is_connector =
        cp == CP_ZHI || cp == CP_DAO || cp == '-' || cp == '~' || cp == CP_FW_TILDE;
    return n > 0 && is_connector ? n : 0;
}

static qz_number_kind kind_of_mark(kind_mark m)
{
    return m == MARK_POINTS ? QZ_NUM_POINTS
           : m == MARK_NONE ? QZ_NUM_PLAIN
                            : QZ_NUM_PERCENT;
}

/* The expression being assembled by qz_number_read. */
typedef struct {
    qz_decimal lo, hi;
    kind_mark mark;
    bool range;
    size_t end;
} expression;

/* Tries "connector numeral [marker]" after the first side a, as in 3至5, 3-5万, 5%-10%,
 * 三至四成. Returns SCAN_NONE (and leaves e alone) when what follows is not the end of a range:
 * no connector, no numeral, markers that disagree (5%至10), or an end below the start
 * (2023-01 is a date, not a range). */
static scan_status try_range(const char *s, size_t len, const side *a, bool percent_words,
                             expression *e)
{
    size_t c = range_connector_at(s, len, e->end);
    if (c == 0) {
        return SCAN_NONE;
    }
    size_t p = e->end + c;
    if (percent_words) {
        p += match_word(s, len, p, "百分之"); /* 百分之三至百分之五; the repeat is optional */
    }
    side b;
    scan_status st = read_side(s, len, p, RANGE_END_OPTIONS, !percent_words, &b);
    if (st != SCAN_OK) {
        return st;
    }
    qz_decimal lo = e->lo;
    qz_decimal hi = b.n.lo;
    if (a->mark != MARK_NONE && b.mark != a->mark) {
        return SCAN_NONE;
    }
    if (b.mark == MARK_CHENG) {
        if (a->mark == MARK_NONE && !(cheng_applies(&a->n) && dec_mul_pow10(&lo, 1))) {
            return SCAN_NONE;
        }
        if (!dec_mul_pow10(&hi, 1)) {
            return SCAN_OVERFLOW;
        }
    }
    /* 3至5万 means 3万 to 5万: a bare first number borrows the units that end the second,
     * as long as that keeps it below the end (5000至1万 stays 5000). Only 百 and above, because
     * 三至五十 is more likely 3 to 50 than 30 to 50. */
    if (a->mark == MARK_NONE && b.mark == MARK_NONE && a->n.unitless && b.n.trail_pow >= 2) {
        qz_decimal scaled = lo;
        if (dec_mul_pow10(&scaled, b.n.trail_pow) && qz_decimal_cmp(scaled, hi) <= 0) {
            lo = scaled;
        }
    }
    if (qz_decimal_cmp(lo, hi) > 0) {
        return SCAN_NONE;
    }
    e->lo = lo;
    e->hi = hi;
    if (e->mark == MARK_NONE) {
        e->mark = b.mark;
    }
    e->range = true;
    e->end = b.end;
    return SCAN_OK;
}

size_t qz_number_read(const char *s, size_t len, qz_number *out)
{
    if (s == NULL || out == NULL) {
        return 0;
    }
    qz_qualifier prefix = QZ_QUAL_EXACT;
    size_t pos = read_prefix(s, len, 0, &prefix);

    /* 百分之 is a prefix only if a numeral follows; otherwise its 百 is read as a numeral. */
    side a;
    bool percent_words = false;
    size_t pw = match_word(s, len, pos, "百分之");
    scan_status st = SCAN_NONE;
    if (pw > 0) {
        st = read_side(s, len, pos + pw, FULL_OPTIONS, false, &a);
        percent_words = st == SCAN_OK;
    }
    if (st == SCAN_NONE) {
        st = read_side(s, len, pos, FULL_OPTIONS, true, &a);
    }
    if (st != SCAN_OK) {
        return 0;
    }

    expression e = {a.n.lo, a.n.hi, a.mark, false, a.end};
    if (a.mark == MARK_CHENG && (!dec_mul_pow10(&e.lo, 1) || !dec_mul_pow10(&e.hi, 1))) {
        return 0;
    }
    /* 九成五 is 95%: one digit after 成 is its tenth, unless a numeral goes on after it (三成
     * 五十… is another number) */
    if (a.mark == MARK_CHENG && !a.n.is_range && !a.n.is_vague) {
        uint32_t d = 0, next = 0;
        size_t n = decode_cp(s, len, e.end, &d);
        if (n > 0)
            decode_cp(s, len, e.end + n, &next);
        int tenth = n > 0 ? chinese_digit_value(d) : -1;
        token_class after = peek_token(s, len, e.end + n).cls;
        bool goes_on = after != TK_OTHER && after != TK_MORE && after != TK_VAGUE;
        if (tenth > 0 && !goes_on) {
            if (!dec_add(e.lo, (qz_decimal){tenth, 0}, &e.lo) ||
                !dec_add(e.hi, (qz_decimal){tenth, 0}, &e.hi))
                return 0;
            e.end += n;
        }
    }
    bool more = a.n.more || a.mark_more;
    if (!a.n.is_range && !a.n.is_vague && !more) {
        st = try_range(s, len, &a, percent_words, &e);
        if (st == SCAN_OVERFLOW) {
            return 0;
        }
    }

    /* 三成多, 5%多: a 多 after the marker (before it, the numeral already took it). */
    if (e.mark == MARK_PERCENT || e.mark == MARK_CHENG) {
        token t = peek_token(s, len, e.end);
        if (t.cls == TK_MORE && !more) {
            more = true;
            e.end += t.nbytes;
        }
    }
    size_t about = match_word(s, len, e.end, "左右");
    e.end += about;
    /* 80%以上, 九成以上: the share is the lower bound */
    if (!about && (percent_words || e.mark == MARK_PERCENT || e.mark == MARK_CHENG)) {
        size_t above = qz_number_suffix_read(s + e.end, len - e.end, &(qz_qualifier){0});
        if (above && !more) {
            more = true;
            e.end += above;
        }
    }

    /* One qualifier per number: a range or vague numeral says the most (约3至5 is still
     * 3..5), then the prefix the writer chose, then the suffixes. */
    qz_qualifier q = e.range || a.n.is_range ? QZ_QUAL_RANGE
                     : a.n.is_vague          ? QZ_QUAL_VAGUE
                     : prefix != QZ_QUAL_EXACT ? prefix
                     : more                  ? QZ_QUAL_MORE
                     : about > 0             ? QZ_QUAL_ABOUT
                                             : QZ_QUAL_EXACT;

    out->lo = e.lo;
    out->hi = e.hi;
    out->qualifier = q;
    out->kind = percent_words ? QZ_NUM_PERCENT : kind_of_mark(e.mark);
    out->start = 0;
    out->end = e.end;
    return e.end;
}

size_t qz_number_suffix_read(const char *s, size_t len, qz_qualifier *q)
{
    static const struct {
        const char *word;
        qz_qualifier q;
    } words[] = {{"左右", QZ_QUAL_ABOUT}, {"以上", QZ_QUAL_MORE}, {"之上", QZ_QUAL_MORE}};
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
        size_t n = match_word(s, len, 0, words[i].word);
        if (n) {
            *q = words[i].q;
            return n;
        }
    }
    return 0;
}

/* ---- where the next numeral may start ---- */

/* Whether a numeral may start with cp: a digit (ASCII or full-width), a Chinese digit, 十 百
 * 千 万 亿 廿; 几 and 数 only before 十 百 千 万 亿 (几十, 数百: vague numbers, read as such). */
static bool numeral_start_at(const char *s, size_t len, size_t pos, uint32_t cp, size_t n)
{
    if (chinese_digit_value(cp) >= 0 || arabic_digit_value(cp) >= 0)
        return true;
    switch (cp) {
    case CP_SHI:
    case CP_BAI:
    case CP_QIAN:
    case CP_WAN:
    case CP_YI8:
    case CP_NIAN:
        return true;
    case CP_JI:
    case CP_SHU: {
        uint32_t next;
        if (!decode_cp(s, len, pos + n, &next))
            return false;
        return next == CP_SHI || next == CP_BAI || next == CP_QIAN || next == CP_WAN ||
               next == CP_YI8;
    }
    default:
        return false;
    }
}

size_t qz_number_find(const char *s, size_t len, size_t pos)
{
    /* The numeral reader's own alphabet, asked character by character: most characters are
     * ruled out by their 256-code-point page (one table lookup, no decoding past the lead
     * bytes); only those of the ten pages that hold a numeral are asked exactly. (A regex over
     * these characters tried a match at nearly every Han character, whose lead bytes the
     * numerals share: ten times the cost of this loop.) */
    static const unsigned char page[256] = {
        [0x30] = 1, [0x4E] = 1, [0x51] = 1, [0x53] = 1, [0x56] = 1, [0x5E] = 1,
        [0x65] = 1, [0x76] = 1, [0x96] = 1, [0xFF] = 1,
    };
    const unsigned char *p = (const unsigned char *)s;
    while (pos < len) {
        unsigned char b = p[pos];
        if (b < 0x80) {
            if (b >= '0' && b <= '9')
                return pos;
            pos++;
            continue;
        }
        if ((b & 0xF0) == 0xE0 && len - pos >= 3) {
            unsigned hi = (unsigned)(b & 0x0F) << 4 | (p[pos + 1] & 0x3F) >> 2;
            if (page[hi]) {
                uint32_t cp = (uint32_t)(b & 0x0F) << 12 | (uint32_t)(p[pos + 1] & 0x3F) << 6 |
                              (p[pos + 2] & 0x3F);
                if (numeral_start_at(s, len, pos, cp, 3))
                    return pos;
            }
            pos += 3;
            continue;
        }
        pos += b >= 0xF0 ? 4 : b >= 0xC0 ? 2 : 1; /* no numeral outside the BMP's 3 bytes */
    }
    return len;
}
