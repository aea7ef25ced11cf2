/* test_cue.c — cue words: what a pattern cannot match without (src/cue.c). A wrong cue would
 * silently lose figures, so each case states the exact set, and the patterns this analysis
 * does not read must give none (the phrasing is then asked everywhere). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "cue.h"

/* Checks that pattern's cue words are exactly the space-separated words of `want` (in any
 * order; "" for none). */
static void expect_cues(const char *pattern, const char *want)
{
    char **words;
    size_t n;
    assert_true(qz_cue_words(pattern, strlen(pattern), &words, &n));
    char got[1024] = "";
    size_t nwant = 0;
    for (const char *p = want; *p;) {
        while (*p == ' ')
            p++;
        if (*p) {
            nwant++;
            while (*p && *p != ' ')
                p++;
        }
    }
    for (size_t i = 0; i < n; i++) {
        char padded[256];
        snprintf(padded, sizeof padded, " %s ", words[i]);
        char wanted[1100];
        snprintf(wanted, sizeof wanted, " %s ", want);
        if (!strstr(wanted, padded))
            fail_msg("%s: unexpected cue word '%s' (want: %s)", pattern, words[i], want);
        strncat(got, words[i], sizeof got - strlen(got) - 2);
        strcat(got, " ");
        free(words[i]);
    }
    free(words);
    if (n != nwant)
        fail_msg("%s: cue words '%s', want '%s'", pattern, got, want);
}

static void test_literals_and_groups(void **state)
{
    (void)state;
    expect_cues("专题询问", "专题询问");
    expect_cues("(?:召开|举行)会议", "召开会议 举行会议");
    /* optional pieces multiply out while the set stays small */
    expect_cues("审议(?:了)?(?:各类|各项)?议题",
                "审议议题 审议了议题 审议各类议题 审议各项议题 审议了各类议题 审议了各项议题");
    expect_cues("(?:书面)?审议意见", "审议意见");
    expect_cues("(?<名>执法)检查", "执法检查");
    expect_cues("(?:a|b)c|d", "ac bc d");
    /* a class that lists a few characters is a choice of them */
    expect_cues("[、和及]\\s*", "、 和 及");
}

static void test_runs_broken_by_unknowns(void **state)
{
    (void)state;
    /* what stands between unknown pieces is still required */
    expect_cues("[^，。]{0,10}?重大[^，。]{0,10}?事项", "重大");
    expect_cues("^\\s*(?:共|另|还)?提出(?:意见)?建议", "提出意见建议 提出建议");
    /* too many spellings to list: the longest run that fits is kept (召开…会议 is longer
     * than 常委会) */
    expect_cues("(?:常委会|常务委员会)(?:全年|一年来)?(?:共|先后|累计)?(?:召开|举行)(?:了)?会议",
                "召开会议 召开了会议 举行会议 举行了会议");
    /* x+ requires x once */
    expect_cues("(?:议案)+", "议案");
    /* lookarounds and anchors match no character: they require nothing */
    expect_cues("(?<!制定)(?:通过|出台)(?!草案)", "通过 出台");
    expect_cues("修改\\b", "修改");
}

static void test_no_cue(void **state)
{
    (void)state;
    expect_cues("^\\s*$", "");
    expect_cues("(?!\\S{0,6}(?:规划|计划))", "");
    expect_cues("(?:宪法)?(?:宣誓)?", "");
    expect_cues("a|\\s", "");
    expect_cues("[^a]+", "");
    /* what this analysis does not read gives no cue, never a wrong one */
    expect_cues("(?i)abc", "");
    expect_cues("ab\\Qx\\E", "");
    expect_cues("(?:a", "");
    expect_cues("(a)\\1", "a");
    /* (*ACCEPT) ends the match early; an escape's digits are all its own (review of issue 9) */
    expect_cues("元(*ACCEPT)亿元", "");
    expect_cues("\\101审议", "审议");
    expect_cues("(审)\\g-1议", "审");
    expect_cues("(审)\\12议", "审");
}

/* The pattern is (pointer, length), not a string: nothing may be read past its end, however it
 * ends (fuzz_cue found a search for the end of a [:class:] that ran on). */
static void test_no_read_past_the_end(void **state)
{
    (void)state;
    const char *ends[] = {"ab[[:x", "ab[[:", "ab\\", "ab[\\", "ab(?<n", "ab\\x{4e", "a\xe5"};
    for (size_t i = 0; i < sizeof ends / sizeof ends[0]; i++) {
        size_t len = strlen(ends[i]);
        char *exact = malloc(len); /* no NUL after it: ASan sees a read past */
        assert_non_null(exact);
        memcpy(exact, ends[i], len);
        char **words;
        size_t n;
        assert_true(qz_cue_words(exact, len, &words, &n));
        for (size_t k = 0; k < n; k++)
            free(words[k]);
        free(words);
        free(exact);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_literals_and_groups),
        cmocka_unit_test(test_runs_broken_by_unknowns),
        cmocka_unit_test(test_no_cue),
        cmocka_unit_test(test_no_read_past_the_end),
    };
    return cmocka_run_group_tests_name("cue", tests, NULL, NULL);
}
