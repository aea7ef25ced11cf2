/* test_util.c — the library's shared helpers (src/util.c): whole conversions through iconv,
 * line splitting and trimming, the UTF-8 step back, and printf into a growing buffer. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* A unit of text that mixes ASCII and Chinese, repeated LONG_UNITS times: 160 000 bytes of
 * UTF-8, 110 000 of GB18030, more than iconv's first output buffer or any 64 KiB chunk. */
#define LONG_UNITS 10000
static const char unit_utf8[] = "第1条中文。"; /* 3 + 1 + 3 * 4 = 16 bytes */
static const char unit_gb[] = "\xb5\xda" "1" "\xcc\xf5\xd6\xd0\xce\xc4\xa1\xa3"; /* 2 + 1 + 2 * 4 */

static char *repeat(const char *unit, size_t unit_len, size_t times, size_t *len)
{
    *len = unit_len * times;
    char *s = malloc(*len + 1);
    assert_non_null(s);
    for (size_t i = 0; i < times; i++)
        memcpy(s + i * unit_len, unit, unit_len);
    s[*len] = '\0';
    return s;
}

static void test_iconv_long_round_trip(void **state)
{
    (void)state;
    size_t ulen, glen;
    char *utf8 = repeat(unit_utf8, sizeof unit_utf8 - 1, LONG_UNITS, &ulen);
    char *want_gb = repeat(unit_gb, sizeof unit_gb - 1, LONG_UNITS, &glen);
    assert_true(ulen > 64 * 1024);
    char *gb = NULL, *back = NULL;
    size_t gblen = 0, backlen = 0, bad = 12345;
    assert_int_equal(qz_iconv("GB18030", "UTF-8", utf8, ulen, &gb, &gblen, &bad), QZ_OK);
    assert_int_equal(gblen, glen);
    assert_memory_equal(gb, want_gb, glen);
    assert_int_equal(gb[gblen], '\0');
    assert_int_equal(bad, 12345); /* left alone on success */
    assert_int_equal(qz_iconv("UTF-8", "GB18030", gb, gblen, &back, &backlen, NULL), QZ_OK);
    assert_int_equal(backlen, ulen);
    assert_memory_equal(back, utf8, ulen);
    free(utf8), free(want_gb), free(gb), free(back);
}

/* An output twice as long as the input: more than the first buffer holds, so it must grow,
 * and nothing may be cut. */
static void test_iconv_output_grows(void **state)
{
    (void)state;
    size_t len;
    char *ascii = repeat("abcdefgh", 8, 100000 / 8, &len);
    char *out = NULL;
    size_t outlen = 0;
    assert_int_equal(qz_iconv("UTF-16LE", "UTF-8", ascii, len, &out, &outlen, NULL), QZ_OK);
    assert_int_equal(outlen, 2 * len);
    for (size_t i = 0; i < len; i++) {
        assert_int_equal(out[2 * i], ascii[i]);
        assert_int_equal(out[2 * i + 1], '\0');
    }
    free(ascii), free(out);
}

/* An invalid byte far into a long input: the offset of the sequence that stopped it. */
static void test_iconv_invalid_far_in(void **state)
{
    (void)state;
    size_t len;
    char *gb = repeat(unit_gb, sizeof unit_gb - 1, LONG_UNITS, &len); /* 110 000 bytes */
    size_t at = 11 * 7000;                                          /* a unit's first byte */
    assert_true(at > 64 * 1024 && at < len);
    gb[at] = (char)0xFF; /* no GB18030 sequence starts with FF */
    char *out = (char *)"untouched";
    size_t outlen = 1, bad = 0;
    assert_int_equal(qz_iconv("UTF-8", "GB18030", gb, len, &out, &outlen, &bad),
                     QZ_ERR_ENCODING);
    assert_int_equal(bad, at);
    assert_null(out);
    free(gb);

    char *utf8 = repeat(unit_utf8, sizeof unit_utf8 - 1, LONG_UNITS, &len);
    at = 16 * 5000 + 4; /* 条's first byte */
    utf8[at + 1] = 'x'; /* its second byte is no longer a continuation byte */
    assert_int_equal(qz_iconv("GB18030", "UTF-8", utf8, len, &out, &outlen, &bad),
                     QZ_ERR_ENCODING);
    assert_int_equal(bad, at);
    free(utf8);
}

/* A sequence cut short by the end of the input, and a character the target cannot write. */
static void test_iconv_truncated_and_unconvertible(void **state)
{
    (void)state;
    char *out = NULL;
    size_t outlen = 0, bad = 0;
    assert_int_equal(qz_iconv("UTF-8", "GB18030", "ab\xd6", 3, &out, &outlen, &bad),
                     QZ_ERR_ENCODING);
    assert_int_equal(bad, 2);
    assert_int_equal(qz_iconv("ISO-8859-1", "UTF-8", "abc中d", 7, &out, &outlen, &bad),
                     QZ_ERR_ENCODING);
    assert_int_equal(bad, 3);
    assert_int_equal(qz_iconv("NO-SUCH-ENCODING", "UTF-8", "a", 1, &out, &outlen, &bad),
                     QZ_ERR_INTERNAL);
    assert_int_equal(qz_iconv("GB18030", "UTF-8", "", 0, &out, &outlen, &bad), QZ_OK);
    assert_int_equal(outlen, 0);
    assert_string_equal(out, "");
    free(out);
}

static void expect_lines(const char *t, size_t n_want, const qz_span *want)
{
    qz_span *lines = NULL;
    size_t n = 99;
    assert_int_equal(qz_split_lines(t, strlen(t), &lines, &n), QZ_OK);
    assert_int_equal(n, n_want);
    for (size_t i = 0; i < n; i++) {
        assert_int_equal(lines[i].start, want[i].start);
        assert_int_equal(lines[i].len, want[i].len);
    }
    free(lines);
}

static void test_split_lines(void **state)
{
    (void)state;
    expect_lines("", 0, NULL);
    expect_lines("\n", 1, (qz_span[]){{0, 0}});
    expect_lines("ab", 1, (qz_span[]){{0, 2}});
    expect_lines("ab\n", 1, (qz_span[]){{0, 2}});
    expect_lines("ab\n\ncd", 3, (qz_span[]){{0, 2}, {3, 0}, {4, 2}});
    expect_lines("ab\n\n", 2, (qz_span[]){{0, 2}, {3, 0}});
}

static void test_trim_span(void **state)
{
    (void)state;
    const char *t = "x \u3000 一、总则\t x"; /* x, space, ideographic space, space… */
    qz_span s = qz_trim_span(t, (qz_span){1, strlen(t) - 2});
    assert_int_equal(s.start, 6);
    assert_int_equal(s.len, strlen("一、总则"));
    s = qz_trim_span(t, (qz_span){1, 5}); /* only space */
    assert_int_equal(s.len, 0);
}

static void test_utf8_prev(void **state)
{
    (void)state;
    const char *s = "a中𠀀b"; /* 1 + 3 + 4 + 1 bytes */
    assert_int_equal(qz_utf8_prev(s, 0), 0);
    assert_int_equal(qz_utf8_prev(s, 1), 0);
    assert_int_equal(qz_utf8_prev(s, 4), 1);
    assert_int_equal(qz_utf8_prev(s, 8), 4);
    assert_int_equal(qz_utf8_prev(s, 9), 8);
    assert_int_equal(qz_utf8_prev("\x80\x80", 2), 0); /* never before the start */
}

/* qz_buf_printf writes all of what printf would, however long: nothing is cut at a buffer's
 * size (Markdown and HTML text is formatted through it). */
static void test_buf_printf(void **state)
{
    (void)state;
    size_t len;
    char *unit = repeat(unit_utf8, sizeof unit_utf8 - 1, LONG_UNITS, &len);
    qz_buf b = {0};
    qz_buf_printf(&b, "“%s”", "");
    qz_buf_printf(&b, "%d:%.*s|%s", 42, (int)len, unit, "end");
    size_t got;
    char *text = qz_buf_release(&b, &got);
    assert_non_null(text);
    assert_int_equal(got, 6 + 3 + len + 4);
    assert_int_equal(strlen(text), got);
    assert_memory_equal(text, "“”42:", 9);
    assert_memory_equal(text + 9, unit, len);
    assert_string_equal(text + 9 + len, "|end");
    free(text);
    free(unit);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_iconv_long_round_trip),
        cmocka_unit_test(test_iconv_output_grows),
        cmocka_unit_test(test_iconv_invalid_far_in),
        cmocka_unit_test(test_iconv_truncated_and_unconvertible),
        cmocka_unit_test(test_split_lines),
        cmocka_unit_test(test_trim_span),
        cmocka_unit_test(test_utf8_prev),
        cmocka_unit_test(test_buf_printf),
    };
    return cmocka_run_group_tests_name("util", tests, NULL, NULL);
}
