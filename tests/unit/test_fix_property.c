/* test_fix_property.c — `fix` keeps the meaning (tests/unit/fix_meaning.h says what that is):
 * on a few thousand report-like texts made by a seeded generator (Han words, full- and
 * half-width punctuation, digits and letters, spaces, invisible characters, lines broken
 * mid-sentence, headings 一、 （一） 1. （1） and their faulty forms, part titles, page numbers
 * and running headers, tables, LF, CRLF or CR line ends, a BOM, GB18030), and on the sample,
 * every fixture and every fuzz regression. Deterministic: the same texts on every run.
 * QZ_FIX_PROPERTY_N=N makes N texts (default 3000), QZ_FIX_PROPERTY_SEED=S starts elsewhere.
 * A failing text is printed, escaped, with the reason (and written to a file in the folder
 * QZ_FIX_PROPERTY_DUMP names, when it is set). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <glob.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fix_meaning.h"

#define DEFAULT_TEXTS 3000

static qz_rules *rules;
static qz_context *ctx;

static int setup(void **state)
{
    (void)state;
    qz_error err;
    if (qz_rules_new(&rules, &err) != QZ_OK || qz_context_new(&ctx, rules, &err) != QZ_OK)
        return -1;
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    qz_context_free(ctx);
    qz_rules_free(rules);
    return 0;
}

/* ---- the generator ---- */

static uint64_t rng;

static uint64_t next(void) /* splitmix64 */
{
    uint64_t z = (rng += 0x9E3779B97F4A7C15u);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
    return z ^ (z >> 31);
}

static size_t below(size_t n)
{
    return (size_t)(next() % n);
}

static bool chance(unsigned percent)
{
    return below(100) < percent;
}

#define PICK(list) (list[below(sizeof list / sizeof *list)])

static const char *const han[] = {
    "常委会", "审议", "通过", "地方性法规", "监督", "执法检查", "代表", "建议", "办结",
    "会议", "召开", "听取", "报告", "工作", "预算", "审计", "整改", "人大", "常务委员会",
    "决定", "任免", "国家机关工作人员", "全年", "共", "件", "次", "项", "名", "推动",
    "围绕", "中心", "大局", "依法", "履职", "高质量发展", "民生", "实事", "票决", "制定",
    "修改", "废止", "备案审查", "规范性文件", "专题询问", "满意度", "测评", "的", "了",
    "和", "在", "对", "等", "是", "过", "過", "會議", "審議", "衢州市", "柯城区", "省",
};
static const char *const figure[] = {
    "12",   "１２",  "3.5",  "96.9%", "二〇二三", "1,234", "10:23", "2023年", "第3次",
    "８件", "100",   "０",   "5",     "30余",     "20％",  "1.5亿", "7",     "２０２４",
};
static const char *const latin[] = {"GDP", "ＧＤＰ", "PM2.5", "ａｂｃ", "App", "Ａ",
                                    "x",   "ＡＢ",   "iOS",   "Ｚ",     "e"};
static const char *const mark[] = {
    ",",  "，", ";",  "；", ":",  "：", "!",  "！", "?",  "？", "(",    ")",    "（",
    "）", "\"", "'",  "“",  "”",  "‘",  "’",  "...", "。。。", "…", "⋯", "--", "―",
    "—",  "——", "、", "。", "，，", "。。", "，。", "!!!!", "？？？？", "《", "》", ".",
    "-",  "%",  "/",  ";;", ",:", "((", "))", "----", "……", "~", "·", "＠", "&",
};
static const char *const space[] = {" ", "  ", "\t", "　"};
static const char *const invisible[] = {"\xE2\x80\x8B", "\xEF\xBB\xBF", "\xC2\xAD",
                                        "\x01",         "\x7F",         "\xE2\x81\xA0",
                                        "\x0B",         "\xE2\x80\x8D", "\x1F"};
static const char *const marker[] = {
    "一、", "二、", "三、", "十一、", "（一）", "（二）", "(三)", "（四）、", "(五)、",
    "1.",   "2.",   "3、",  "１、",   "１．",   "（1）",  "(2)",  "（３）",   "第一、",
    "第二，", "一.", "4．", "  二、", "　（六）",
};
static const char *const part[] = {
    "过去一年的主要工作", "一、过去一年的主要工作", "2024年工作安排", "二〇二三年工作回顾",
    "今后五年的工作建议", "2024年主要任务",         "过去五年工作回顾", "二、2024年工作任务",
    "2023年工作回顾：",   "２０２４年的主要任务",   "過去一年的主要工作",
};
static const char *const page[] = {"- 3 -", "—12—", "第 4 页", "5/20", "·7·", "3",
                                   "－５－", "— 8 —", "第2页 共9页", "-- 14 --"};
static const char *const title[] = {"衢州市人大常委会工作报告", "柯城区人民代表大会常务委员会工作报告"};

typedef struct {
    char *s;
    size_t n, cap;
} text;

static void put(text *t, const char *s)
{
    size_t k = strlen(s);
    if (t->n + k + 1 > t->cap) {
        t->cap = (t->n + k + 1) * 2;
        t->s = realloc(t->s, t->cap);
        assert_non_null(t->s);
    }
    memcpy(t->s + t->n, s, k + 1);
    t->n += k;
}

/* A run of text: words, figures, Latin, marks, spaces, invisible characters, and now and
 * then a line break mid-sentence. */
static void words(text *t, size_t count, bool breaks)
{
    for (size_t i = 0; i < count; i++) {
        size_t r = below(100);
        if (r < 45)
            put(t, PICK(han));
        else if (r < 57)
            put(t, PICK(figure));
        else if (r < 63)
            put(t, PICK(latin));
        else if (r < 85)
            put(t, PICK(mark));
        else if (r < 92)
            put(t, PICK(space));
        else if (r < 95)
            put(t, PICK(invisible));
        else if (breaks)
            put(t, chance(80) ? "\n" : "\n\n");
    }
}

static void header(text *t, const char *the_title)
{
    if (chance(70))
        put(t, chance(50) ? "2023年1月10日\n" : "2023-03-03 10:23:07\n");
    put(t, the_title);
    put(t, "\n");
    if (chance(60))
        put(t, "——在衢州市第九届人民代表大会第三次会议上\n");
    if (chance(70))
        put(t, "衢州市人大常委会主任 吴国升\n");
    if (chance(80))
        put(t, chance(80) ? "各位代表：\n" : "各位代表:\n");
}

static void generate(text *t)
{
    t->n = 0;
    put(t, "");
    const char *the_title = PICK(title);
    if (chance(75))
        header(t, the_title);
    size_t blocks = 1 + below(14);
    for (size_t b = 0; b < blocks; b++) {
        size_t r = below(100);
        if (r < 12) {
            put(t, PICK(part));
            if (chance(20))
                words(t, below(3), false);
        } else if (r < 40) { /* a heading, alone or run in, maybe broken */
            put(t, PICK(marker));
            words(t, 1 + below(4), chance(10));
            if (chance(50)) {
                put(t, chance(80) ? "。" : ".");
                words(t, below(20), true);
            }
        } else if (r < 75) {
            words(t, 1 + below(40), true);
            if (chance(70))
                put(t, PICK(mark));
        } else if (r < 83) {
            put(t, PICK(page));
        } else if (r < 88) {
            put(t, the_title);
        } else if (r < 93) { /* a table row */
            words(t, 1 + below(3), false);
            put(t, chance(50) ? " | " : "｜");
            words(t, 1 + below(3), false);
        } else if (r < 97) {
            put(t, "");
        } else {
            put(t, "各位代表，同志们！让我们更加紧密地团结在一起。");
        }
        if (b + 1 < blocks || chance(80))
            put(t, chance(85) ? "\n" : "\n\n");
    }
}

/* The text with its line ends made CRLF or CR. */
static char *with_line_ends(const char *s, size_t len, const char *eol, size_t *out)
{
    size_t el = strlen(eol);
    char *r = malloc(len * el + 1);
    assert_non_null(r);
    size_t w = 0;
    for (size_t i = 0; i < len; i++) {
        if (s[i] == '\n') {
            memcpy(r + w, eol, el);
            w += el;
        } else {
            r[w++] = s[i];
        }
    }
    *out = w;
    return r;
}

/* UTF-8 to GB18030 (every code point has a form there). */
static char *to_gb18030(const char *s, size_t len, size_t *out)
{
    iconv_t cd = iconv_open("GB18030", "UTF-8");
    assert_true(cd != (iconv_t)-1);
    size_t cap = len * 4 + 16, left = cap, inleft = len;
    char *r = malloc(cap), *w = r;
    char *in = (char *)s;
    assert_non_null(r);
    size_t rc = iconv(cd, &in, &inleft, &w, &left);
    iconv_close(cd);
    if (rc == (size_t)-1) {
        free(r);
        return NULL;
    }
    *out = cap - left;
    return r;
}

/* ---- the check ---- */

static void print_escaped(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '\n')
            fputs("\\n", stderr);
        else if (c == '\r')
            fputs("\\r", stderr);
        else if (c < 0x20 || c == 0x7F)
            fprintf(stderr, "\\x%02X", c);
        else
            fputc(c, stderr);
    }
    fputc('\n', stderr);
}

/* Fixes bytes and checks the meaning kept; false (after printing why) when it is not. Texts
 * that do not load (binary bytes, a bad byte) are no case: *loaded says whether it did. */
static bool holds(const char *name, const char *bytes, size_t len, qz_encoding enc,
                  bool *loaded)
{
    qz_doc *probe;
    qz_error err;
    *loaded = qz_doc_load_bytes(&probe, name, bytes, len, enc, NULL, &err) == QZ_OK;
    if (!*loaded)
        return true;
    qz_encoding detected = probe->encoding;
    qz_doc_free(probe);
    char *fixed;
    size_t flen;
    if (qz_fix_bytes(name, bytes, len, detected, ctx, NULL, &fixed, &flen, &err) != QZ_OK) {
        fprintf(stderr, "FAIL %s: fix failed: %s\n", name, err.message);
        return false;
    }
    const char *why = fix_meaning_check(ctx, bytes, len, fixed, flen, detected);
    if (why) {
        const char *dump = getenv("QZ_FIX_PROPERTY_DUMP");
        if (dump) { /* the failing inputs as files, for qzreport fix and check */
            static unsigned count;
            char path[4096];
            snprintf(path, sizeof path, "%s/fail-%03u.txt", dump, count++);
            FILE *f = fopen(path, "wb");
            if (f) {
                fwrite(bytes, 1, len, f);
                fclose(f);
            }
        }
        fprintf(stderr, "FAIL %s: %s\n  input:  ", name, why);
        print_escaped(bytes, len);
        if (detected != QZ_ENC_GB18030) {
            fprintf(stderr, "  output: ");
            print_escaped(fixed, flen);
        }
    }
    free(fixed);
    return why == NULL;
}

static void test_generated_texts(void **state)
{
    (void)state;
    const char *n_env = getenv("QZ_FIX_PROPERTY_N");
    const char *seed_env = getenv("QZ_FIX_PROPERTY_SEED");
    size_t n = n_env ? strtoul(n_env, NULL, 10) : DEFAULT_TEXTS;
    uint64_t seed = seed_env ? strtoull(seed_env, NULL, 10) : 20261202;
    text t = {0};
    size_t failed = 0, loaded_n = 0, changed = 0;
    for (size_t i = 0; i < n; i++) {
        rng = seed * 1000003u + i; /* each text from its own seed: one can be made again alone */
        generate(&t);
        size_t len = t.n;
        char *bytes = malloc(len + 4);
        assert_non_null(bytes);
        memcpy(bytes, t.s, len);
        size_t form = below(100);
        if (form < 20) { /* CRLF */
            char *c = with_line_ends(t.s, t.n, "\r\n", &len);
            free(bytes);
            bytes = c;
        } else if (form < 23) { /* old Mac CR */
            char *c = with_line_ends(t.s, t.n, "\r", &len);
            free(bytes);
            bytes = c;
        } else if (form < 28) { /* a BOM */
            memmove(bytes + 3, bytes, len);
            memcpy(bytes, "\xEF\xBB\xBF", 3);
            len += 3;
        } else if (form < 38) { /* GB18030 */
            char *g = to_gb18030(t.s, t.n, &len);
            if (g) {
                free(bytes);
                bytes = g;
            }
        }
        char name[64];
        snprintf(name, sizeof name, "generated text %zu (seed %llu)", i,
                 (unsigned long long)seed);
        bool loaded;
        qz_encoding enc = form >= 28 && form < 38 ? QZ_ENC_GB18030 : QZ_ENC_AUTO;
        if (!holds(name, bytes, len, enc, &loaded))
            failed++;
        loaded_n += loaded;
        if (loaded) {
            char *fixed;
            size_t flen;
            qz_error err;
            if (qz_fix_bytes(name, bytes, len, enc, ctx, NULL, &fixed, &flen, &err) == QZ_OK) {
                changed += flen != len || memcmp(fixed, bytes, len) != 0;
                free(fixed);
            }
        }
        free(bytes);
    }
    free(t.s);
    printf("fix property: %zu generated texts, %zu loaded, %zu changed by fix, %zu failed\n", n,
           loaded_n, changed, failed);
    /* the generator is worth something only if its texts load and fix has work in them */
    assert_true(loaded_n >= n * 9 / 10);
    assert_true(changed >= loaded_n / 2);
    assert_int_equal(failed, 0);
}

static char *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    char *buf = NULL;
    size_t cap = 0, n = 0, k;
    do {
        if (n + 65536 > cap) {
            cap = (n + 65536) * 2;
            buf = realloc(buf, cap);
            assert_non_null(buf);
        }
        k = fread(buf + n, 1, cap - n, f);
        n += k;
    } while (k > 0);
    fclose(f);
    *len = n;
    return buf;
}

static void test_sample_and_fixtures(void **state)
{
    (void)state;
    static const char *const patterns[] = {
        "data/quzhou-2023.txt",
        QZ_TESTS_DIR "/fixtures/*.txt",
        QZ_TESTS_DIR "/fixtures/check/*.txt",
        QZ_TESTS_DIR "/fixtures/metrics/*.txt",
        QZ_TESTS_DIR "/fixtures/compare/*.txt",
        QZ_TESTS_DIR "/fixtures/hostile/*.txt",
        QZ_TESTS_DIR "/fuzz/regressions/*.txt",
        QZ_TESTS_DIR "/fuzz/corpus/check/*",
        QZ_TESTS_DIR "/fuzz/corpus/load/*",
    };
    size_t files = 0, failed = 0;
    for (size_t p = 0; p < sizeof patterns / sizeof *patterns; p++) {
        glob_t g;
        if (glob(patterns[p], 0, NULL, &g) != 0)
            continue;
        for (size_t i = 0; i < g.gl_pathc; i++) {
            size_t len;
            char *bytes = read_all(g.gl_pathv[i], &len);
            bool loaded;
            if (!holds(g.gl_pathv[i], bytes, len, QZ_ENC_AUTO, &loaded))
                failed++;
            files += loaded;
            free(bytes);
        }
        globfree(&g);
    }
    printf("fix property: %zu files of the sample, fixtures and corpora, %zu failed\n", files,
           failed);
    assert_true(files > 100);
    assert_int_equal(failed, 0);
}

/* The checker itself finds what it must: a changed figure, a comma made a full stop, a line
 * break added, a heading joined (each a text fix could never make). */
static void test_checker_catches(void **state)
{
    (void)state;
    static const struct {
        const char *in, *out;
    } bad[] = {
        {"各位代表：\n一、过去一年的主要工作\n召开会议12次。\n", "各位代表：\n一、过去一年的主要工作\n召开会议13次。\n"},
        {"各位代表：\n一、过去一年的主要工作\n召开会议，审议。\n", "各位代表：\n一、过去一年的主要工作\n召开会议。审议。\n"},
        {"各位代表：\n一、过去一年的主要工作\n召开会议，审议。\n", "各位代表：\n一、过去一年的主要工作\n召开会议，\n审议。\n"},
        {"各位代表：\n一、过去一年的主要工作\n召开会议，审议。\n", "各位代表：\n一、过去一年的主要工作召开会议，审议。\n"},
        {"各位代表：\n召开会议，审议\n一、过去一年的主要工作\n", "各位代表：\n召开会议，审议一、过去一年的主要工作\n"},
        {"各位代表：\n召开会议12次。\n", "各位代表：\n召开会议次。\n"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        const char *why = fix_meaning_check(ctx, bad[i].in, strlen(bad[i].in), bad[i].out,
                                            strlen(bad[i].out), QZ_ENC_UTF8);
        if (!why)
            fail_msg("case %zu: the checker missed it", i);
    }
    static const struct {
        const char *in, *out;
    } good[] = {
        {"各位代表：\n召开会议１２次,审议ＧＤＰ...\n", "各位代表：\n召开会议12次，审议GDP……\n"},
        {"各位代表：\n1、召开会议，，审议工作。\n", "各位代表：\n1.召开会议，审议工作。\n"},
        {"各位代表：\n召开会议，审议\n第 3 页\n工作。\n", "各位代表：\n召开会议，审议工作。\n"},
        {"各位代表：\n召开会议，审议。\n第 3 页\n工作。\n", "各位代表：\n召开会议，审议。\n第 3 页\n工作。\n"},
        {"各位代表：\n召开\xE2\x80\x8B会议--审议\"报告\"。\n", "各位代表：\n召开会议——审议“报告”。\n"},
    };
    for (size_t i = 0; i < sizeof good / sizeof *good; i++) {
        const char *why = fix_meaning_check(ctx, good[i].in, strlen(good[i].in), good[i].out,
                                            strlen(good[i].out), QZ_ENC_UTF8);
        if (why)
            fail_msg("good case %zu: %s", i, why);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_checker_catches),
        cmocka_unit_test(test_sample_and_fixtures),
        cmocka_unit_test(test_generated_texts),
    };
    return cmocka_run_group_tests_name("fix property", tests, setup, teardown);
}
