/* test_number.c — unit tests for the numeric-expression reader (src/number.c).
 *
 * Each table row gives the input, the bytes the reader must consume, the exact low and high
 * values (mantissa and scale, so 96.9 and 96.90 are told apart), the qualifier and the kind.
 * Every input is copied into a heap buffer of exactly `len` bytes with no terminator, so a read
 * past len is caught by AddressSanitizer rather than passing by luck. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "number.h"

#define WHOLE ((size_t)-1) /* len = strlen(input) */

typedef struct {
    const char *input;
    size_t len;
    size_t consumed; /* 0: no number, the remaining fields are not used */
    int64_t lo_mant;
    int lo_scale;
    int64_t hi_mant;
    int hi_scale;
    qz_qualifier qual;
    qz_number_kind kind;
} read_case;

/* A single value (lo == hi) read from the whole string. */
#define ONE(in, used, mant, scale, q, k) {in, WHOLE, used, mant, scale, mant, scale, q, k}
/* A lo..hi pair of integers. */
#define SPAN(in, used, lo, hi, q, k) {in, WHOLE, used, lo, 0, hi, 0, q, k}
/* Not a number at s[0]. */
#define NOTHING(in) {in, WHOLE, 0, 0, 0, 0, 0, QZ_QUAL_EXACT, QZ_NUM_PLAIN}

#define EX QZ_QUAL_EXACT
#define MORE QZ_QUAL_MORE
#define ABOUT QZ_QUAL_ABOUT
#define NEAR QZ_QUAL_NEAR
#define LESS QZ_QUAL_LESS
#define RANGE QZ_QUAL_RANGE
#define VAGUE QZ_QUAL_VAGUE
#define PLAIN QZ_NUM_PLAIN
#define PCT QZ_NUM_PERCENT
#define PTS QZ_NUM_POINTS

static const read_case READ_CASES[] = {
    /* Arabic digits, grouping, decimals, full-width forms */
    ONE("1,234", 5, 1234, 0, EX, PLAIN),
    ONE("1,234.5万", 10, 12345000, 0, EX, PLAIN),
    ONE("1,234,567", 9, 1234567, 0, EX, PLAIN),
    ONE("10,主任会议", 2, 10, 0, EX, PLAIN),
    ONE("1,23", 1, 1, 0, EX, PLAIN),
    ONE("1,2345", 1, 1, 0, EX, PLAIN),
    ONE("1234,567", 4, 1234, 0, EX, PLAIN),
    ONE("96.9", 4, 969, 1, EX, PLAIN),
    ONE("96.90", 5, 9690, 2, EX, PLAIN),
    ONE("3.", 1, 3, 0, EX, PLAIN),
    ONE("3点", 1, 3, 0, EX, PLAIN),
    ONE("007", 3, 7, 0, EX, PLAIN),
    ONE("２０２３年", 12, 2023, 0, EX, PLAIN),
    ONE("３．５", 9, 35, 1, EX, PLAIN),
    ONE("５０％", 9, 50, 0, EX, PCT),

    /* Chinese numerals */
    ONE("一千零五十", 15, 1050, 0, EX, PLAIN),
    ONE("一万三千", 12, 13000, 0, EX, PLAIN),
    ONE("一万零五百", 15, 10500, 0, EX, PLAIN),
    ONE("廿三", 6, 23, 0, EX, PLAIN),
    ONE("一百二十三点五亿", 24, 12350000000, 0, EX, PLAIN),
    ONE("一百二十三点五", 21, 1235, 1, EX, PLAIN),
    ONE("十点五", 9, 105, 1, EX, PLAIN),
    ONE("十一", 6, 11, 0, EX, PLAIN),
    ONE("二十", 6, 20, 0, EX, PLAIN),
    ONE("十", 3, 10, 0, EX, PLAIN),
    ONE("百", 3, 100, 0, EX, PLAIN),
    ONE("两", 3, 2, 0, EX, PLAIN),
    ONE("零", 3, 0, 0, EX, PLAIN),
    ONE("〇", 3, 0, 0, EX, PLAIN),
    ONE("二〇二三", 12, 2023, 0, EX, PLAIN),
    ONE("二〇二三年", 12, 2023, 0, EX, PLAIN),
    ONE("一九九七", 12, 1997, 0, EX, PLAIN),
    ONE("二零二三", 12, 2023, 0, EX, PLAIN),
    ONE("一千五", 9, 1500, 0, EX, PLAIN),
    ONE("两万三", 9, 23000, 0, EX, PLAIN),
    ONE("一千零五", 12, 1005, 0, EX, PLAIN),
    ONE("一百零", 6, 100, 0, EX, PLAIN),
    ONE("一亿零五百万", 18, 105000000, 0, EX, PLAIN),
    ONE("万亿", 6, 1000000000000, 0, EX, PLAIN),
    ONE("万一", 3, 10000, 0, EX, PLAIN),
    ONE("1亿万", 4, 100000000, 0, EX, PLAIN),
    ONE("一万二点五", 9, 12000, 0, EX, PLAIN),
    ONE("二〇二三点五", 12, 2023, 0, EX, PLAIN),
    ONE("三十五百", 9, 35, 0, EX, PLAIN),
    SPAN("十四五", 9, 14, 15, RANGE, PLAIN), /* grammatically 14..15; “十四五” the plan is a word */
    ONE("八八战略", 6, 88, 0, EX, PLAIN),
    ONE("三5", 3, 3, 0, EX, PLAIN),

    /* Mixed Arabic and Chinese */
    ONE("3.8万", 6, 38000, 0, EX, PLAIN),
    ONE("1亿2千万", 11, 120000000, 0, EX, PLAIN),
    ONE("3万4000", 8, 34000, 0, EX, PLAIN),
    ONE("3万40000", 4, 30000, 0, EX, PLAIN),
    ONE("1亿5000万", 11, 150000000, 0, EX, PLAIN),
    ONE("2.3万亿", 9, 2300000000000, 0, EX, PLAIN),
    ONE("2.3万亿5000万", 16, 2300050000000, 0, EX, PLAIN),
    ONE("4千", 4, 4000, 0, EX, PLAIN),
    ONE("1千500", 7, 1500, 0, EX, PLAIN),
    ONE("1.23456万", 10, 123456, 1, EX, PLAIN),

    /* Qualifiers */
    ONE("90多万", 8, 900000, 0, MORE, PLAIN),
    ONE("3500多万", 10, 35000000, 0, MORE, PLAIN),
    ONE("90多万4000", 8, 900000, 0, MORE, PLAIN),
    ONE("十多万三", 9, 100000, 0, MORE, PLAIN),
    ONE("1.2万余", 9, 12000, 0, MORE, PLAIN),
    ONE("30余", 5, 30, 0, MORE, PLAIN),
    ONE("两千余", 9, 2000, 0, MORE, PLAIN),
    ONE("二十多万", 12, 200000, 0, MORE, PLAIN),
    ONE("一百多万元", 12, 1000000, 0, MORE, PLAIN),
    ONE("十多亿", 9, 1000000000, 0, MORE, PLAIN),
    ONE("百余", 6, 100, 0, MORE, PLAIN),
    ONE("万余", 6, 10000, 0, MORE, PLAIN),
    ONE("30多名", 5, 30, 0, MORE, PLAIN),
    ONE("约200", 6, 200, 0, ABOUT, PLAIN),
    ONE("5.5%左右", 10, 55, 1, ABOUT, PCT),
    ONE("10年左右", 2, 10, 0, EX, PLAIN),
    ONE("近千", 6, 1000, 0, NEAR, PLAIN),
    ONE("近三成", 9, 30, 0, NEAR, PCT),
    ONE("将近10年", 8, 10, 0, NEAR, PLAIN),
    ONE("逾百万", 9, 1000000, 0, MORE, PLAIN),
    ONE("超过1000家", 10, 1000, 0, MORE, PLAIN),
    ONE("不足5%", 8, 5, 0, LESS, PCT),
    ONE("不到三成", 12, 30, 0, LESS, PCT),
    ONE("约100多", 9, 100, 0, ABOUT, PLAIN),

    /* Ranges */
    SPAN("3至5", 5, 3, 5, RANGE, PLAIN),
    SPAN("3-5", 3, 3, 5, RANGE, PLAIN),
    SPAN("3～5", 5, 3, 5, RANGE, PLAIN),
    SPAN("3~5", 3, 3, 5, RANGE, PLAIN),
    SPAN("3到5", 5, 3, 5, RANGE, PLAIN),
    SPAN("三四十", 9, 30, 40, RANGE, PLAIN),
    SPAN("两三", 6, 2, 3, RANGE, PLAIN),
    SPAN("一两", 6, 1, 2, RANGE, PLAIN),
    SPAN("十七八", 9, 17, 18, RANGE, PLAIN),
    SPAN("五六百", 9, 500, 600, RANGE, PLAIN),
    SPAN("三四十万", 12, 300000, 400000, RANGE, PLAIN),
    SPAN("一千五六", 12, 1500, 1600, RANGE, PLAIN),
    SPAN("3至5万", 8, 30000, 50000, RANGE, PLAIN),
    SPAN("三至五万", 12, 30000, 50000, RANGE, PLAIN),
    SPAN("5000至1万", 11, 5000, 10000, RANGE, PLAIN),
    SPAN("20至30多万", 13, 200000, 300000, RANGE, PLAIN),
    SPAN("三至五十", 12, 3, 50, RANGE, PLAIN),
    SPAN("2023-2024", 9, 2023, 2024, RANGE, PLAIN),
    SPAN("约3至5", 8, 3, 5, RANGE, PLAIN),
    SPAN("3至5年左右", 5, 3, 5, RANGE, PLAIN),
    SPAN("5%-10%", 6, 5, 10, RANGE, PCT),
    SPAN("5-10%", 5, 5, 10, RANGE, PCT),
    SPAN("三至四成", 12, 30, 40, RANGE, PCT),
    SPAN("三四成", 9, 30, 40, RANGE, PCT),
    SPAN("百分之三至百分之五", 27, 3, 5, RANGE, PCT),
    {"0.5至1个百分点", WHOLE, 19, 5, 1, 1, 0, RANGE, PTS},
    ONE("5%至10", 2, 5, 0, EX, PCT),
    ONE("2023-01", 4, 2023, 0, EX, PLAIN),
    ONE("3到位", 1, 3, 0, EX, PLAIN),
    ONE("3-", 1, 3, 0, EX, PLAIN),
    ONE("一二三", 9, 123, 0, EX, PLAIN),
    ONE("二四", 6, 24, 0, EX, PLAIN),
    ONE("十七九", 6, 17, 0, EX, PLAIN),
    SPAN("三四两", 6, 3, 4, RANGE, PLAIN),

    /* Vague */
    SPAN("十几", 6, 10, 20, VAGUE, PLAIN),
    SPAN("二十几", 9, 20, 30, VAGUE, PLAIN),
    SPAN("十几万", 9, 100000, 200000, VAGUE, PLAIN),
    SPAN("数十", 6, 10, 100, VAGUE, PLAIN),
    SPAN("几十", 6, 10, 100, VAGUE, PLAIN),
    SPAN("几十万", 9, 100000, 1000000, VAGUE, PLAIN),
    SPAN("几百", 6, 100, 1000, VAGUE, PLAIN),
    SPAN("数百", 6, 100, 1000, VAGUE, PLAIN),
    SPAN("几千", 6, 1000, 10000, VAGUE, PLAIN),
    SPAN("数千", 6, 1000, 10000, VAGUE, PLAIN),
    SPAN("几万", 6, 10000, 100000, VAGUE, PLAIN),
    SPAN("数万", 6, 10000, 100000, VAGUE, PLAIN),
    SPAN("数亿", 6, 100000000, 1000000000, VAGUE, PLAIN),
    SPAN("一百几十", 12, 110, 200, VAGUE, PLAIN),
    SPAN("廿几", 6, 20, 30, VAGUE, PLAIN),
    SPAN("十数", 6, 10, 20, VAGUE, PLAIN),
    SPAN("近十几", 9, 10, 20, VAGUE, PLAIN),

    /* Percentages and points */
    ONE("96.9%", 5, 969, 1, EX, PCT),
    ONE("百分之九十五", 18, 95, 0, EX, PCT),
    ONE("百分之零点五", 18, 5, 1, EX, PCT),
    ONE("百分之百", 12, 100, 0, EX, PCT),
    ONE("百分之三十多", 18, 30, 0, MORE, PCT),
    ONE("约百分之五", 15, 5, 0, ABOUT, PCT),
    ONE("百分之", 3, 100, 0, EX, PLAIN),
    ONE("三成", 6, 30, 0, EX, PCT),
    ONE("两成", 6, 20, 0, EX, PCT),
    ONE("十成", 6, 100, 0, EX, PCT),
    ONE("3成", 4, 30, 0, EX, PCT),
    ONE("三成多", 9, 30, 0, MORE, PCT),
    ONE("十一成", 6, 11, 0, EX, PLAIN),
    ONE("30多成", 5, 30, 0, MORE, PLAIN),
    ONE("2.3个百分点", 15, 23, 1, EX, PTS),
    ONE("两个百分点", 15, 2, 0, EX, PTS),
    ONE("1个多百分点", 16, 1, 0, MORE, PTS),
    ONE("3个代表", 1, 3, 0, EX, PLAIN),

    /* Not numbers, and words that are the extractor's business */
    NOTHING(""),
    NOTHING("重点"),
    NOTHING("多元"),
    NOTHING("多"),
    NOTHING("余"),
    NOTHING("数字化"),
    NOTHING("几乎"),
    NOTHING("点"),
    NOTHING("约"),
    NOTHING("约为"),
    NOTHING("近期"),
    NOTHING("进一步"),
    NOTHING("-3"),
    NOTHING(".5"),
    ONE("十分", 3, 10, 0, EX, PLAIN),
    ONE("一流", 3, 1, 0, EX, PLAIN),

    /* Truncated and malformed UTF-8: len cuts inside a character */
    {"一", 2, 0, 0, 0, 0, 0, EX, PLAIN},
    {"\xe4", 1, 0, 0, 0, 0, 0, EX, PLAIN},
    {"\xc0\xb1", 2, 0, 0, 0, 0, 0, EX, PLAIN}, /* overlong "1" */
    {"十一", 5, 3, 10, 0, 10, 0, EX, PLAIN},
    {"3万", 3, 1, 3, 0, 3, 0, EX, PLAIN},
    {"百分之五", 11, 3, 100, 0, 100, 0, EX, PLAIN},
    {"5%左右", 6, 2, 5, 0, 5, 0, EX, PCT},
    {"约3", 2, 0, 0, 0, 0, 0, EX, PLAIN},
    {"3至5", 3, 1, 3, 0, 3, 0, EX, PLAIN},
    {"1,234", 4, 1, 1, 0, 1, 0, EX, PLAIN},
    {"96.9", 3, 2, 96, 0, 96, 0, EX, PLAIN},

    /* Limits of int64 and of the scale */
    ONE("9223372036854775807", 19, INT64_MAX, 0, EX, PLAIN),
    NOTHING("9223372036854775808"),
    NOTHING("99999999999999999999"),
    ONE("10000000000亿", 14, 1000000000000000000, 0, EX, PLAIN),
    NOTHING("100000000000亿"),
    NOTHING("9999999999万亿"),
    NOTHING("3-99999999999999999999"),
    ONE("0.000000000000000001", 20, 1, 18, EX, PLAIN),
    NOTHING("0.0000000000000000001"),
};

/* Copies the case's bytes into a buffer of exactly len bytes (no terminator). */
static char *exact_copy(const char *input, size_t len)
{
    char *buf = malloc(len > 0 ? len : 1);
    assert_non_null(buf);
    memcpy(buf, input, len);
    return buf;
}

static size_t case_len(const read_case *c)
{
    return c->len == WHOLE ? strlen(c->input) : c->len;
}

/* Checks one row; returns true if the reader did exactly what the row says, and prints the
 * row and what was read otherwise (so one run lists every failing row). */
static bool check_read_case(size_t i, const read_case *c)
{
    size_t len = case_len(c);
    char *buf = exact_copy(c->input, len);
    qz_number out;
    qz_number untouched;
    memset(&out, 0xA5, sizeof out);
    memset(&untouched, 0xA5, sizeof untouched);
    size_t used = qz_number_read(buf, len, &out);
    free(buf);

    bool ok;
    if (c->consumed == 0) {
        ok = used == 0 && memcmp(&out, &untouched, sizeof out) == 0;
    } else {
        ok = used == c->consumed && out.lo.mant == c->lo_mant && out.lo.scale == c->lo_scale &&
             out.hi.mant == c->hi_mant && out.hi.scale == c->hi_scale &&
             out.qualifier == c->qual && out.kind == c->kind && out.start == 0 &&
             out.end == c->consumed;
    }
    if (!ok) {
        print_message("case %zu \"%s\" len %zu: expected %zu bytes %lld/%d..%lld/%d q%d k%d, "
                      "got %zu bytes",
                      i, c->input, len, c->consumed, (long long)c->lo_mant, c->lo_scale,
                      (long long)c->hi_mant, c->hi_scale, (int)c->qual, (int)c->kind, used);
        if (used > 0) {
            print_message(" %lld/%d..%lld/%d q%d k%d start %zu end %zu",
                          (long long)out.lo.mant, out.lo.scale, (long long)out.hi.mant,
                          out.hi.scale, (int)out.qualifier, (int)out.kind, out.start, out.end);
        }
        print_message("\n");
    }
    return ok;
}

static void test_number_read_table(void **state)
{
    (void)state;
    size_t failures = 0;
    for (size_t i = 0; i < sizeof READ_CASES / sizeof READ_CASES[0]; i++) {
        failures += !check_read_case(i, &READ_CASES[i]);
    }
    assert_int_equal(failures, 0);
}

typedef struct {
    const char *input;
    size_t consumed;
    int64_t mant;
    int scale;
} numeral_case;

static const numeral_case NUMERAL_CASES[] = {
    {"十一", 6, 11, 0},
    {"2022", 4, 2022, 0},
    {"２３", 6, 23, 0},
    {"1,234.5", 7, 12345, 1},
    {"3.8万", 6, 38000, 0},
    {"二〇二三年", 12, 2023, 0},
    {"一百二十三点五亿", 24, 12350000000, 0},
    {"一、", 3, 1, 0},
    {"十几", 3, 10, 0},      /* no vague readings: stops before 几 */
    {"30余", 2, 30, 0},      /* no qualifiers */
    {"3至5", 1, 3, 0},       /* no ranges */
    {"十七八", 6, 17, 0},
    {"5%", 1, 5, 0},
    {"约3", 0, 0, 0},
    {"百分之五", 3, 100, 0}, /* no 百分之 prefix either */
    {"几十", 0, 0, 0},
    {"", 0, 0, 0},
    {"99999999999999999999", 0, 0, 0},
};

static void test_numeral_read_table(void **state)
{
    (void)state;
    size_t failures = 0;
    for (size_t i = 0; i < sizeof NUMERAL_CASES / sizeof NUMERAL_CASES[0]; i++) {
        const numeral_case *c = &NUMERAL_CASES[i];
        size_t len = strlen(c->input);
        char *buf = exact_copy(c->input, len);
        qz_decimal d = {-77, 7}; /* must stay untouched when nothing is read */
        size_t used = qz_numeral_read(buf, len, &d);
        free(buf);
        int64_t want_mant = c->consumed == 0 ? -77 : c->mant;
        int want_scale = c->consumed == 0 ? 7 : c->scale;
        if (used != c->consumed || d.mant != want_mant || d.scale != want_scale) {
            print_message("numeral case %zu \"%s\": expected %zu bytes %lld/%d, got %zu bytes "
                          "%lld/%d\n",
                          i, c->input, c->consumed, (long long)want_mant, want_scale, used,
                          (long long)d.mant, d.scale);
            failures++;
        }
    }
    assert_int_equal(failures, 0);
}

static void test_null_arguments(void **state)
{
    (void)state;
    qz_number n;
    qz_decimal d;
    assert_int_equal(qz_number_read(NULL, 0, &n), 0);
    assert_int_equal(qz_number_read("3", 1, NULL), 0);
    assert_int_equal(qz_numeral_read(NULL, 0, &d), 0);
    assert_int_equal(qz_numeral_read("3", 1, NULL), 0);
}

/* Reading stops inside a longer text, and the reader reports what it consumed. */
static void test_reads_prefix_of_longer_text(void **state)
{
    (void)state;
    const char *text = "年共监测民情数据90多万条";
    const char *at = strstr(text, "90");
    assert_non_null(at);
    qz_number n;
    size_t used = qz_number_read(at, strlen(at), &n);
    assert_int_equal(used, strlen("90多万"));
    assert_int_equal(n.lo.mant, 900000);
    assert_int_equal(n.qualifier, QZ_QUAL_MORE);
    assert_string_equal(at + used, "条");
}

typedef struct {
    int64_t mant;
    int scale;
    const char *text;
} format_case;

static void test_decimal_format(void **state)
{
    (void)state;
    static const format_case cases[] = {
        {969, 1, "96.9"},
        {9690, 2, "96.9"},
        {38000, 0, "38000"},
        {-3, 1, "-0.3"},
        {5, 1, "0.5"},
        {0, 0, "0"},
        {0, 3, "0"},
        {-10, 1, "-1"},
        {1205, 2, "12.05"},
        {1, 18, "0.000000000000000001"},
        {INT64_MAX, 0, "9223372036854775807"},
        {INT64_MIN, 0, "-9223372036854775808"},
        {INT64_MIN, 18, "-9.223372036854775808"},
        {12350000000, 0, "12350000000"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char buf[64];
        memset(buf, 'x', sizeof buf);
        qz_decimal d = {cases[i].mant, cases[i].scale};
        int n = qz_decimal_format(d, buf, sizeof buf);
        assert_string_equal(buf, cases[i].text);
        assert_int_equal(n, (int)strlen(cases[i].text));
    }
}

static void test_decimal_format_truncates_like_snprintf(void **state)
{
    (void)state;
    qz_decimal d = {969, 1};
    char small[3] = {'x', 'x', 'x'};
    assert_int_equal(qz_decimal_format(d, small, sizeof small), 4);
    assert_string_equal(small, "96");
    assert_int_equal(qz_decimal_format(d, NULL, 0), 4);

    char one[1] = {'x'};
    assert_int_equal(qz_decimal_format(d, one, 1), 4);
    assert_int_equal(one[0], '\0');

    char buf[8] = "junk";
    qz_decimal bad = {1, 19};
    assert_int_equal(qz_decimal_format(bad, buf, sizeof buf), -1);
    assert_string_equal(buf, "");
}

static int sign(int v)
{
    return (v > 0) - (v < 0);
}

static void test_decimal_cmp(void **state)
{
    (void)state;
    static const struct {
        qz_decimal a, b;
        int expect;
    } cases[] = {
        {{969, 1}, {9690, 2}, 0},             /* 96.9 == 96.90 */
        {{969, 1}, {97, 0}, -1},              /* 96.9 < 97 */
        {{97, 0}, {969, 1}, 1},
        {{-3, 1}, {2, 1}, -1},                /* -0.3 < 0.2 */
        {{-3, 1}, {-2, 1}, -1},
        {{105, 2}, {15, 1}, -1},              /* 1.05 < 1.5 */
        {{12345, 0}, {123450, 1}, 0},
        {{1, 18}, {0, 0}, 1},
        {{-1, 18}, {0, 0}, -1},
        {{INT64_MAX, 0}, {INT64_MAX, 18}, 1}, /* alignment would overflow */
        {{INT64_MIN, 0}, {INT64_MAX, 0}, -1},
        {{INT64_MIN, 18}, {-9, 0}, -1},       /* -9.22… < -9 */
        {{0, 0}, {0, 5}, 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        assert_int_equal(sign(qz_decimal_cmp(cases[i].a, cases[i].b)), cases[i].expect);
    }
}

/* Exact differences and changes in %, as `compare` shows them. */
static void test_decimal_sub_and_percent(void **state)
{
    (void)state;
    struct {
        qz_decimal a, b;
        const char *diff, *pct; /* a - b, and (a - b) / b x 100; NULL: refused */
    } cases[] = {
        {{10, 0}, {8, 0}, "2", "25"},
        {{8, 0}, {10, 0}, "-2", "-20"},
        {{969, 1}, {925, 1}, "4.4", "4.8"},     /* 4.4 / 92.5 = 4.756… */
        {{3, 0}, {3, 0}, "0", "0"},
        {{5, 0}, {3, 0}, "2", "66.7"},          /* 66.666… rounds up */
        {{1, 0}, {3, 0}, "-2", "-66.7"},        /* half away from zero, negative too */
        {{1, 0}, {8, 0}, "-7", "-87.5"},
        {{1, 0}, {16, 0}, "-15", "-93.8"},      /* -93.75: a tie goes away from zero */
        {{38000, 0}, {0, 0}, "38000", NULL},    /* no change in % from nothing */
        {{INT64_MAX, 0}, {-1, 0}, NULL, "-922337203685477580800"}, /* overflow refused */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        qz_decimal d, p;
        char buf[48];
        bool sub = qz_decimal_sub(cases[i].a, cases[i].b, &d);
        assert_int_equal(sub, cases[i].diff != NULL);
        if (sub) {
            qz_decimal_format(d, buf, sizeof buf);
            assert_string_equal(buf, cases[i].diff);
            bool pct = qz_decimal_percent(d, cases[i].b, &p);
            assert_int_equal(pct, cases[i].pct != NULL);
            if (pct) {
                qz_decimal_format(p, buf, sizeof buf);
                assert_string_equal(buf, cases[i].pct);
            }
        }
    }
    qz_decimal p;
    assert_false(qz_decimal_percent((qz_decimal){INT64_MAX / 100, 0}, (qz_decimal){1, 0}, &p));
    assert_false(qz_decimal_sub((qz_decimal){1, 18}, (qz_decimal){INT64_MAX, 0}, &p));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_number_read_table),
        cmocka_unit_test(test_numeral_read_table),
        cmocka_unit_test(test_null_arguments),
        cmocka_unit_test(test_reads_prefix_of_longer_text),
        cmocka_unit_test(test_decimal_format),
        cmocka_unit_test(test_decimal_format_truncates_like_snprintf),
        cmocka_unit_test(test_decimal_cmp),
        cmocka_unit_test(test_decimal_sub_and_percent),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
