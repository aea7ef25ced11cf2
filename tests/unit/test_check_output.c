/* test_check_output.c — the five formats of `qzreport check` on findings built by hand (so
 * that only the renderers are under test, not the checks): the exact gcc, GitHub and text
 * output, display widths and the caret under Chinese text, the long-line window, the
 * max-per-rule cut, colour only on request; JSON and SARIF parsed back with jansson; and the
 * driver: file by file with each document freed after it is added, JSON and SARIF in exactly
 * the bytes jansson dumps, write errors. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "qzreport.h"

/* Line 1: a colon at code point 5 (display column 9: four Chinese characters before it).
 * Line 2: commas at code points 10, 16 and 22, "决议" at 14-15.
 * Line 3: a tab, then a colon at code point 4. */
#define LINE1 "各位代表:"
#define LINE2 "本次会议审议了报告,通过了决议,批准了预算,听取了汇报"
#define LINE3 "\t测试:完成"
static const char report[] = LINE1 "\n" LINE2 "\n" LINE3 "\n";

#define COLON_MSG "use the full-width colon “：” in Chinese text"
#define COMMA_MSG "use the full-width comma “，” in Chinese text"
#define WORD_MSG "consider another word"

static qz_rules *rules;
static qz_context *ctx;
static qz_doc *doc;   /* r.txt */
static qz_doc *clean; /* a.txt: no findings */
static qz_diag diags[7];
static qz_check check = {diags, 7, 5, 1};
static qz_check none = {NULL, 0, 0, 0};

static qz_doc *load(const char *name, const char *text)
{
    qz_doc *d = NULL;
    qz_error err = {0};
    if (qz_doc_load_bytes(&d, name, text, strlen(text), QZ_ENC_AUTO, NULL, &err) != QZ_OK)
        fail_msg("load failed: %s", err.message);
    return d;
}

/* Byte offset of the n-th (0-based) occurrence of needle in d's text. */
static size_t nth(const qz_doc *d, const char *needle, int n)
{
    const char *p = d->text - 1;
    for (int i = 0; i <= n; i++) {
        p = strstr(p + 1, needle);
        assert_non_null(p);
    }
    return (size_t)(p - d->text);
}

static qz_diag diag(const char *rule, qz_severity sev, size_t start, size_t end,
                    const char *message, const char *fix)
{
    return (qz_diag){.rule = rule, .severity = sev, .start = start, .end = end,
                     .message = (char *)message, .fix = (char *)fix};
}

static int setup(void **state)
{
    (void)state;
    qz_error err = {0};
    if (qz_rules_new(&rules, &err) != QZ_OK || qz_context_new(&ctx, rules, &err) != QZ_OK) {
        fprintf(stderr, "qz_rules_new: %s\n", err.message);
        return -1;
    }
    doc = load("r.txt", report);
    clean = load("a.txt", "无误。\n");
    size_t word = nth(doc, "决议", 0);
    diags[0] = diag("halfwidth-punct", QZ_SEV_ERROR, nth(doc, ":", 0), nth(doc, ":", 0) + 1,
                    COLON_MSG, "：");
    diags[1] = diag("halfwidth-punct", QZ_SEV_ERROR, nth(doc, ",", 0), nth(doc, ",", 0) + 1,
                    COMMA_MSG, "，");
    diags[2] = diag("nested-pair", QZ_SEV_WARNING, word, word + strlen("决议"), WORD_MSG, NULL);
    diags[3] = diag("halfwidth-punct", QZ_SEV_ERROR, nth(doc, ",", 1), nth(doc, ",", 1) + 1,
                    COMMA_MSG, "，");
    diags[4] = diag("halfwidth-punct", QZ_SEV_ERROR, nth(doc, ",", 2), nth(doc, ",", 2) + 1,
                    COMMA_MSG, "，");
    diags[5] = diag("halfwidth-punct", QZ_SEV_ERROR, nth(doc, ":", 1), nth(doc, ":", 1) + 1,
                    COLON_MSG, "：");
    /* a rule turned off: in no output */
    diags[6] = diag("space-in-han", QZ_SEV_OFF, nth(doc, "完成", 0), nth(doc, "完成", 0) + 3,
                    "OFF RULE", NULL);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    qz_doc_free(doc);
    qz_doc_free(clean);
    qz_context_free(ctx);
    qz_rules_free(rules);
    return 0;
}

/* A file as the renderer is given it. */
typedef struct {
    const qz_doc *doc;
    const qz_check *check;
} check_file;

/* The whole output of format over files, added one by one, as a string (the renderer writes to
 * a stream: here one in memory). */
static char *render(qz_check_format format, const check_file *files, size_t n,
                    const qz_check_render_options *o)
{
    char *out = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&out, &len);
    assert_non_null(f);
    qz_check_renderer *r = NULL;
    qz_error err = {0};
    assert_int_equal(qz_check_renderer_new(&r, format, o, f, &err), QZ_OK);
    /* a file without a document could not be checked */
    static const qz_error gone = {.status = QZ_ERR_IO, .path = "gone.txt",
                                  .message = "No such file or directory"};
    for (size_t i = 0; i < n; i++)
        assert_int_equal(files[i].doc
                             ? qz_check_renderer_add(r, files[i].doc, files[i].check, &err)
                             : qz_check_renderer_add_failed(r, "gone.txt", &gone, &err),
                         QZ_OK);
    assert_int_equal(qz_check_renderer_finish(r, &err), QZ_OK);
    qz_check_renderer_free(r);
    assert_int_equal(fclose(f), 0);
    assert_non_null(out);
    assert_int_equal(strlen(out), len);
    return out;
}

/* ---- display width ---- */

static void test_display_width(void **state)
{
    (void)state;
    static const struct {
        const char *s;
        size_t width;
    } cases[] = {
        {"", 0},
        {"abc", 3},
        {"\t", 1},
        {"中", 2},
        {"各位代表:", 9},
        {"，。：", 6},              /* full-width punctuation, FF0C and 3002 */
        {"\xE3\x80\x80", 2},        /* U+3000 ideographic space */
        {"e\xCC\x81", 1},           /* e + U+0301 combining acute */
        {"a\xE2\x80\x8B" "b", 2},   /* U+200B zero-width space */
        {"\xEF\xB8\x8F", 0},        /* U+FE0F variation selector */
        {"…", 1},                   /* U+2026 is not wide */
        {"\xEF\xBD\xA0", 2},        /* U+FF60, last of the full-width forms */
        {"\xEF\xBD\xA1", 1},        /* U+FF61 half-width ideographic full stop */
        {"\xEF\xBF\xA5", 2},        /* U+FFE5 full-width yen */
        {"가", 2},                  /* U+AC00 Hangul */
        {"\xE1\x84\x80", 2},        /* U+1100 Hangul Jamo */
        {"\xF0\x9F\x98\x80", 2},    /* U+1F600 emoji */
        {"\xF0\xA0\x80\x80", 2},    /* U+20000 CJK extension B */
        {"\xE2\xBA\x80", 2},        /* U+2E80, first of a wide range */
        {"\xE2\xBA\x7F", 3},        /* a malformed sequence: one column per byte */
        {"\xE3\x80\xBF", 1},        /* U+303F, just past 2E80-303E */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        size_t w = qz_display_width(cases[i].s, strlen(cases[i].s));
        if (w != cases[i].width)
            fail_msg("width of case %zu: %zu, expected %zu", i, w, cases[i].width);
    }
}

/* ---- gcc ---- */

static void test_gcc(void **state)
{
    (void)state;
    check_file files[] = {{doc, &check}, {clean, &none}};
    qz_check_render_options o = {.lang = QZ_LANG_ZH, .color = true, .max_per_rule = 1};
    char *out = render(QZ_CHECK_GCC, files, 2, &o);
    /* English severities, every finding (max_per_rule and colour are for text), no summary */
    assert_string_equal(out, "r.txt:1:5: error: " COLON_MSG " [halfwidth-punct]\n"
                             "r.txt:2:10: error: " COMMA_MSG " [halfwidth-punct]\n"
                             "r.txt:2:14: warning: " WORD_MSG " [nested-pair]\n"
                             "r.txt:2:16: error: " COMMA_MSG " [halfwidth-punct]\n"
                             "r.txt:2:22: error: " COMMA_MSG " [halfwidth-punct]\n"
                             "r.txt:3:4: error: " COLON_MSG " [halfwidth-punct]\n");
    free(out);
    out = render(QZ_CHECK_GCC, files + 1, 1, &o);
    assert_string_equal(out, "");
    free(out);
}

/* ---- GitHub ---- */

static void test_github(void **state)
{
    (void)state;
    qz_doc *odd = load("a%b,c:d.txt", report);
    size_t colon = nth(odd, ":", 0);
    qz_diag d[] = {
        diag("halfwidth-punct", QZ_SEV_ERROR, colon, colon + 1, "50% done: yes,\nnext\r", "："),
        /* from line 1 to the middle of line 2 */
        diag("nested-pair", QZ_SEV_WARNING, colon, nth(odd, "会议", 0), "across lines", NULL),
    };
    qz_check c = {d, 2, 1, 1};
    check_file files[] = {{odd, &c}, {doc, &check}};
    char *out = render(QZ_CHECK_GITHUB, files, 2, NULL);
    const char *expected =
        /* properties escape % , : ; the message only % CR LF */
        "::error file=a%25b%2Cc%3Ad.txt,line=1,col=5,endLine=1,endColumn=6,"
        "title=halfwidth-punct::50%25 done: yes,%0Anext%0D\n"
        /* columns only within one line, as GitHub's annotations take them */
        "::warning file=a%25b%2Cc%3Ad.txt,line=1,endLine=2,title=nested-pair::across lines\n"
        "::error file=r.txt,line=1,col=5,endLine=1,endColumn=6,title=halfwidth-punct::"
        COLON_MSG "\n"
        "::error file=r.txt,line=2,col=10,endLine=2,endColumn=11,title=halfwidth-punct::"
        COMMA_MSG "\n"
        "::warning file=r.txt,line=2,col=14,endLine=2,endColumn=16,title=nested-pair::"
        WORD_MSG "\n"
        "::error file=r.txt,line=2,col=16,endLine=2,endColumn=17,title=halfwidth-punct::"
        COMMA_MSG "\n"
        "::error file=r.txt,line=2,col=22,endLine=2,endColumn=23,title=halfwidth-punct::"
        COMMA_MSG "\n"
        "::error file=r.txt,line=3,col=4,endLine=3,endColumn=5,title=halfwidth-punct::"
        COLON_MSG "\n";
    assert_string_equal(out, expected);
    free(out);
    qz_doc_free(odd);
}

/* ---- text ---- */

static void test_text_cut_and_summary(void **state)
{
    (void)state;
    check_file files[] = {{doc, &check}, {clean, &none}};
    qz_check_render_options o = {.lang = QZ_LANG_EN, .max_per_rule = 3};
    char *out = render(QZ_CHECK_TEXT, files, 2, &o);
    char expected[4096];
    /* carets: after 4 Chinese characters (8 columns); after 9 (18); "决议" after 9 Chinese, a
     * comma and 3 Chinese (25), two wide characters marked ^~~~; the second comma (29). The
     * fourth and fifth halfwidth-punct are past max_per_rule: counted, not listed. */
    snprintf(expected, sizeof expected,
             "r.txt:1:5: error: " COLON_MSG " [halfwidth-punct]\n" LINE1 "\n%*s^\n"
             "r.txt:2:10: error: " COMMA_MSG " [halfwidth-punct]\n" LINE2 "\n%*s^\n"
             "r.txt:2:14: warning: " WORD_MSG " [nested-pair]\n" LINE2 "\n%*s^~~~\n"
             "r.txt:2:16: error: " COMMA_MSG " [halfwidth-punct]\n" LINE2 "\n%*s^\n"
             "… and 2 more [halfwidth-punct]\n"
             "5 errors, 1 warning\n",
             8, "", 18, "", 25, "", 29, "");
    assert_string_equal(out, expected);
    assert_null(strchr(out, '\033'));
    free(out);

    /* Chinese: every finding (0 is no limit); the tab is kept under the tab */
    o = (qz_check_render_options){.lang = QZ_LANG_ZH, .max_per_rule = 0};
    out = render(QZ_CHECK_TEXT, files, 2, &o);
    assert_non_null(strstr(out, "r.txt:2:22: error: " COMMA_MSG " [halfwidth-punct]\n"));
    assert_non_null(strstr(out, "r.txt:3:4: error: " COLON_MSG " [halfwidth-punct]\n"
                                LINE3 "\n\t    ^\n"
                                "5 个错误，1 个警告\n"));
    assert_null(strstr(out, "另有"));
    assert_null(strstr(out, "OFF RULE"));
    free(out);

    o.max_per_rule = 1;
    out = render(QZ_CHECK_TEXT, files, 2, &o);
    assert_non_null(strstr(out, "\n… 另有 4 处 [halfwidth-punct]\n5 个错误，1 个警告\n"));
    assert_null(strstr(out, "r.txt:2:10:"));
    assert_non_null(strstr(out, "r.txt:2:14:")); /* another rule: its own count */
    free(out);
}

static void test_text_singular_and_clean(void **state)
{
    (void)state;
    qz_check one = {diags, 1, 1, 0};
    qz_check warn = {diags + 2, 1, 0, 1};
    qz_check_render_options en = {.lang = QZ_LANG_EN}, zh = {.lang = QZ_LANG_ZH};
    check_file files[] = {{doc, &one}};
    char *out = render(QZ_CHECK_TEXT, files, 1, &en);
    assert_non_null(strstr(out, "^\n1 error, 0 warnings\n"));
    free(out);
    files[0].check = &warn;
    out = render(QZ_CHECK_TEXT, files, 1, &en);
    assert_non_null(strstr(out, "^~~~\n0 errors, 1 warning\n"));
    free(out);
    files[0] = (check_file){clean, &none};
    out = render(QZ_CHECK_TEXT, files, 1, &en);
    assert_string_equal(out, "no problems found\n");
    free(out);
    out = render(QZ_CHECK_TEXT, files, 1, &zh);
    assert_string_equal(out, "未发现问题\n");
    free(out);
    out = render(QZ_CHECK_TEXT, files, 0, &zh);
    assert_string_equal(out, "未发现问题\n");
    free(out);
}

static void test_text_color(void **state)
{
    (void)state;
    qz_diag d[] = {diags[0], diags[2]};
    qz_check c = {d, 2, 1, 1};
    check_file files[] = {{doc, &c}};
    qz_check_render_options o = {.lang = QZ_LANG_EN, .color = true};
    char *out = render(QZ_CHECK_TEXT, files, 1, &o);
    char expected[2048];
    snprintf(expected, sizeof expected,
             "r.txt:1:5: \033[1;31merror\033[0m: " COLON_MSG " [halfwidth-punct]\n"
             LINE1 "\n%*s\033[1;32m^\033[0m\n"
             "r.txt:2:14: \033[1;33mwarning\033[0m: " WORD_MSG " [nested-pair]\n"
             LINE2 "\n%*s\033[1;32m^~~~\033[0m\n"
             "1 error, 1 warning\n",
             8, "", 25, "");
    assert_string_equal(out, expected);
    free(out);
    o.color = false;
    out = render(QZ_CHECK_TEXT, files, 1, &o);
    assert_null(strchr(out, '\033'));
    free(out);

    /* an escape sequence in the report itself never reaches the terminal: control
     * characters show as U+FFFD, one column like the character they stand for */
    qz_doc *esc = load("esc.txt", "警告\033[2J:\n");
    size_t colon = nth(esc, ":", 0);
    qz_diag e[] = {diag("halfwidth-punct", QZ_SEV_ERROR, colon, colon + 1, "colon", "：")};
    qz_check ec = {e, 1, 1, 0};
    check_file ef[] = {{esc, &ec}};
    out = render(QZ_CHECK_TEXT, ef, 1, &o);
    snprintf(expected, sizeof expected,
             "esc.txt:1:7: error: colon [halfwidth-punct]\n警告\xEF\xBF\xBD[2J:\n%*s^\n"
             "1 error, 0 warnings\n", 8, "");
    assert_string_equal(out, expected);
    free(out);
    qz_doc_free(esc);
}

/* A line of 121 code points, 241 columns: shown as a window around the finding. */
static void test_text_long_line(void **state)
{
    (void)state;
    char text[1024] = "";
    for (int i = 0; i < 60; i++)
        strcat(text, "中");
    strcat(text, ",");
    for (int i = 0; i < 60; i++)
        strcat(text, "中");
    strcat(text, "\n");
    qz_doc *d = load("long.txt", text);
    size_t comma = nth(d, ",", 0);
    qz_diag diag1[] = {diag("halfwidth-punct", QZ_SEV_ERROR, comma, comma + 1, "comma", "，")};
    qz_check c = {diag1, 1, 1, 0};
    check_file files[] = {{d, &c}};
    qz_check_render_options o = {.lang = QZ_LANG_EN};
    char *out = render(QZ_CHECK_TEXT, files, 1, &o);
    /* 40 columns of context before the comma, 97 shown in all, "…" at both cut ends */
    char expected[2048] = "long.txt:1:61: error: comma [halfwidth-punct]\n…";
    for (int i = 0; i < 20; i++)
        strcat(expected, "中");
    strcat(expected, ",");
    for (int i = 0; i < 28; i++)
        strcat(expected, "中");
    strcat(expected, "…\n");
    size_t at = strlen(expected);
    snprintf(expected + at, sizeof expected - at, "%*s^\n1 error, 0 warnings\n", 41, "");
    assert_string_equal(out, expected);
    free(out);

    /* near the end of the line: the window shows the end, cut on the left only */
    comma = nth(d, "中\n", 0);
    diag1[0] = diag("halfwidth-punct", QZ_SEV_ERROR, comma, comma + 3, "last", NULL);
    out = render(QZ_CHECK_TEXT, files, 1, &o);
    const char *source = strchr(out, '\n') + 1;
    assert_memory_equal(source, "…", strlen("…"));
    const char *caret_line = strchr(source, '\n') + 1;
    assert_memory_equal(strchr(source, '\n') - 3, "中", 3); /* no "…" at the right */
    /* the window starts at the first character at or past column 144 (241 - 97), the 13th
     * after the comma; the caret is under the last one: "…" (1) + 47 characters (94) */
    assert_int_equal(strspn(caret_line, " "), 1 + 94);
    assert_memory_equal(caret_line + 95, "^~\n", 3);
    free(out);
    qz_doc_free(d);
}

/* ---- JSON ---- */

static json_t *get(json_t *o, const char *path)
{
    char key[64];
    const char *p = path;
    while (o && *p) {
        size_t n = strcspn(p, ".");
        snprintf(key, sizeof key, "%.*s", (int)n, p);
        o = json_is_array(o) ? json_array_get(o, strtoul(key, NULL, 10)) : json_object_get(o, key);
        p += n + (p[n] == '.');
    }
    if (!o)
        fail_msg("no %s", path);
    return o;
}

static json_int_t get_int(json_t *o, const char *path)
{
    json_t *v = get(o, path);
    assert_true(json_is_integer(v));
    return json_integer_value(v);
}

static const char *get_str(json_t *o, const char *path)
{
    json_t *v = get(o, path);
    assert_true(json_is_string(v));
    return json_string_value(v);
}

static json_t *parse(const char *text)
{
    json_error_t jerr;
    json_t *root = json_loads(text, 0, &jerr);
    if (!root)
        fail_msg("does not parse: %s at line %d", jerr.text, jerr.line);
    return root;
}

static void test_json(void **state)
{
    (void)state;
    /* a.txt after r.txt: the caller's order is kept, not re-sorted */
    check_file files[] = {{doc, &check}, {clean, &none}};
    char *out = render(QZ_CHECK_JSON, files, 2, NULL);
    assert_int_equal(out[strlen(out) - 1], '\n');
    assert_null(memchr(out, '\n', strlen(out) - 1)); /* compact: one line */
    /* keys in the documented order */
    assert_memory_equal(out, "{\"version\":1,\"files\":[{\"file\":\"r.txt\",\"diagnostics\":"
                             "[{\"rule\":\"halfwidth-punct\",\"severity\":\"error\",\"line\":1,",
                        strlen("{\"version\":1,\"files\":[{\"file\":\"r.txt\",\"diagnostics\":"
                               "[{\"rule\":\"halfwidth-punct\",\"severity\":\"error\","
                               "\"line\":1,"));
    json_t *root = parse(out);
    assert_int_equal(get_int(root, "version"), 1);
    assert_int_equal(json_array_size(get(root, "files")), 2);
    assert_string_equal(get_str(root, "files.0.file"), "r.txt");
    assert_string_equal(get_str(root, "files.1.file"), "a.txt");
    assert_int_equal(json_array_size(get(root, "files.1.diagnostics")), 0);
    json_t *ds = get(root, "files.0.diagnostics");
    assert_int_equal(json_array_size(ds), 6); /* the rule turned off is left out */
    static const int lines[] = {1, 2, 2, 2, 2, 3}, cols[] = {5, 10, 14, 16, 22, 4};
    for (size_t i = 0; i < 6; i++) {
        json_t *d = json_array_get(ds, i);
        assert_int_equal(get_int(d, "line"), lines[i]);
        assert_int_equal(get_int(d, "column"), cols[i]);
        assert_int_equal(get_int(d, "byteStart"), diags[i].start);
        assert_int_equal(get_int(d, "byteEnd"), diags[i].end);
        assert_string_equal(get_str(d, "rule"), diags[i].rule);
    }
    json_t *d0 = json_array_get(ds, 0);
    assert_string_equal(get_str(d0, "severity"), "error");
    assert_int_equal(get_int(d0, "endLine"), 1);
    assert_int_equal(get_int(d0, "endColumn"), 6);
    assert_int_equal(get_int(d0, "byteStart"), strlen("各位代表"));
    assert_string_equal(get_str(d0, "message"), COLON_MSG);
    assert_string_equal(get_str(d0, "fix"), "：");
    json_t *d2 = json_array_get(ds, 2);
    assert_string_equal(get_str(d2, "severity"), "warning");
    assert_int_equal(get_int(d2, "endColumn"), 16);
    assert_true(json_is_null(get(d2, "fix")));
    assert_int_equal(get_int(root, "summary.errors"), 5);
    assert_int_equal(get_int(root, "summary.warnings"), 1);
    json_decref(root);
    free(out);

    /* no file at all is still one document */
    out = render(QZ_CHECK_JSON, files, 0, NULL);
    assert_string_equal(out, "{\"version\":1,\"files\":[],\"summary\":{\"errors\":0,"
                             "\"warnings\":0}}\n");
    free(out);
}

/* ---- SARIF ---- */

static uint64_t fnv1a(uint64_t h, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= UINT64_C(0x100000001b3);
    }
    return h;
}

/* The fingerprint the documentation gives: FNV-1a of rule NUL line NUL found NUL occurrence. */
static void fingerprint(char out[17], const char *rule, const char *line, const char *found,
                        unsigned occurrence)
{
    char num[16];
    snprintf(num, sizeof num, "%u", occurrence);
    uint64_t h = fnv1a(UINT64_C(0xcbf29ce484222325), rule, strlen(rule) + 1);
    h = fnv1a(h, line, strlen(line) + 1);
    h = fnv1a(h, found, strlen(found) + 1);
    h = fnv1a(h, num, strlen(num));
    snprintf(out, 17, "%016" PRIx64, h);
}

static const char *result_fp(json_t *root, size_t i)
{
    char path[64];
    snprintf(path, sizeof path, "runs.0.results.%zu.partialFingerprints.qzreport/v1", i);
    return get_str(root, path);
}

static void test_sarif(void **state)
{
    (void)state;
    check_file files[] = {{doc, &check}, {clean, &none}};
    qz_check_render_options o = {.lang = QZ_LANG_EN, .rules = rules};
    char *out = render(QZ_CHECK_SARIF, files, 2, &o);
    json_t *root = parse(out);
    assert_string_equal(get_str(root, "$schema"), "https://json.schemastore.org/sarif-2.1.0.json");
    assert_string_equal(get_str(root, "version"), "2.1.0");
    assert_int_equal(json_array_size(get(root, "runs")), 1);
    json_t *run = get(root, "runs.0");
    assert_string_equal(get_str(run, "tool.driver.name"), "qzreport");
    assert_string_equal(get_str(run, "tool.driver.version"), QZ_VERSION);
    assert_null(json_object_get(get(run, "tool.driver"), "informationUri"));
    assert_string_equal(get_str(run, "columnKind"), "unicodeCodePoints");

    /* rules[]: every check rule in order, each result pointing at its own */
    json_t *table = get(run, "tool.driver.rules");
    size_t nrules = 0;
    while (qz_rules_check_rule(rules, nrules))
        nrules++;
    assert_true(nrules > 0);
    assert_int_equal(json_array_size(table), nrules);
    const qz_check_rule *hp = qz_rules_find_check_rule(rules, "halfwidth-punct");
    assert_non_null(hp);
    json_t *results = get(run, "results");
    assert_int_equal(json_array_size(results), 6);
    json_int_t index = get_int(results, "0.ruleIndex");
    json_t *entry = json_array_get(table, (size_t)index);
    assert_non_null(entry);
    assert_string_equal(get_str(entry, "id"), "halfwidth-punct");
    assert_string_equal(get_str(entry, "name"), "halfwidth-punct");
    assert_string_equal(get_str(entry, "shortDescription.text"), hp->title_en);
    char full[512];
    snprintf(full, sizeof full, "%s (%s)", hp->title_en, hp->standard);
    assert_string_equal(get_str(entry, "fullDescription.text"), full);
    assert_string_equal(get_str(entry, "defaultConfiguration.level"), "error");
    assert_string_equal(get_str(entry, "properties.standard"), hp->standard);
    assert_true(json_is_boolean(get(entry, "properties.fixable")));
    assert_int_equal(json_is_true(get(entry, "properties.fixable")), hp->fixable);
    assert_string_equal(get_str(table, "2.id"), qz_rules_check_rule(rules, 2)->id);
    json_int_t nested = get_int(results, "2.ruleIndex");
    assert_string_equal(qz_rules_check_rule(rules, (size_t)nested)->id, "nested-pair");

    /* the first result in full */
    json_t *r0 = json_array_get(results, 0);
    assert_string_equal(get_str(r0, "ruleId"), "halfwidth-punct");
    assert_string_equal(get_str(r0, "level"), "error");
    assert_string_equal(get_str(r0, "message.text"), COLON_MSG);
    json_t *loc = get(r0, "locations.0.physicalLocation");
    assert_string_equal(get_str(loc, "artifactLocation.uri"), "r.txt");
    assert_int_equal(get_int(loc, "region.startLine"), 1);
    assert_int_equal(get_int(loc, "region.startColumn"), 5);
    assert_int_equal(get_int(loc, "region.endLine"), 1);
    assert_int_equal(get_int(loc, "region.endColumn"), 6);
    assert_string_equal(get_str(loc, "region.snippet.text"), ":");
    assert_string_equal(get_str(r0, "fixes.0.description.text"), "fix");
    json_t *change = get(r0, "fixes.0.artifactChanges.0");
    assert_string_equal(get_str(change, "artifactLocation.uri"), "r.txt");
    json_t *rep = get(change, "replacements.0");
    assert_int_equal(get_int(rep, "deletedRegion.startLine"), 1);
    assert_int_equal(get_int(rep, "deletedRegion.startColumn"), 5);
    assert_int_equal(get_int(rep, "deletedRegion.endLine"), 1);
    assert_int_equal(get_int(rep, "deletedRegion.endColumn"), 6);
    assert_string_equal(get_str(rep, "insertedContent.text"), "：");

    /* the warning: its region spans two wide characters; no fix, so no fixes */
    json_t *r2 = json_array_get(results, 2);
    assert_string_equal(get_str(r2, "level"), "warning");
    assert_int_equal(get_int(r2, "locations.0.physicalLocation.region.startColumn"), 14);
    assert_int_equal(get_int(r2, "locations.0.physicalLocation.region.endColumn"), 16);
    assert_string_equal(get_str(r2, "locations.0.physicalLocation.region.snippet.text"), "决议");
    assert_null(json_object_get(r2, "fixes"));
    for (size_t i = 0; i < 6; i++)
        assert_int_equal(json_object_get(json_array_get(results, i), "fixes") != NULL,
                         diags[i].fix != NULL);

    /* fingerprints: as documented, all different, and the same in a second render */
    char fp[17];
    fingerprint(fp, "halfwidth-punct", LINE1, ":", 0);
    assert_string_equal(result_fp(root, 0), fp);
    fingerprint(fp, "halfwidth-punct", LINE2, ",", 1); /* the second comma of line 2 */
    assert_string_equal(result_fp(root, 3), fp);
    for (size_t i = 0; i < 6; i++)
        for (size_t j = i + 1; j < 6; j++)
            assert_string_not_equal(result_fp(root, i), result_fp(root, j));
    char *again = render(QZ_CHECK_SARIF, files, 2, &o);
    json_t *root2 = parse(again);
    for (size_t i = 0; i < 6; i++)
        assert_string_equal(result_fp(root, i), result_fp(root2, i));
    json_decref(root2);
    free(again);

    /* a line added above: the finding moves to line 2, its fingerprint does not */
    qz_doc *moved = load("r.txt", "前言\n" LINE1 "\n");
    size_t colon = nth(moved, ":", 0);
    qz_diag md[] = {diag("halfwidth-punct", QZ_SEV_ERROR, colon, colon + 1, COLON_MSG, "：")};
    qz_check mc = {md, 1, 1, 0};
    check_file mf[] = {{moved, &mc}};
    again = render(QZ_CHECK_SARIF, mf, 1, &o);
    root2 = parse(again);
    assert_int_equal(get_int(root2, "runs.0.results.0.locations.0.physicalLocation.region."
                                    "startLine"), 2);
    assert_string_equal(result_fp(root2, 0), result_fp(root, 0));
    json_decref(root2);
    free(again);
    qz_doc_free(moved);
    json_decref(root);
    free(out);
}

/* Without rules: an empty rules[] and no ruleIndex; Chinese fix description; one identical
 * line twice gives two fingerprints, told apart by the occurrence number. */
static void test_sarif_repeats(void **state)
{
    (void)state;
    qz_doc *twice = load("t.txt", LINE1 "\n" LINE1 "\n");
    size_t a = nth(twice, ":", 0), b = nth(twice, ":", 1);
    qz_diag d[] = {diag("halfwidth-punct", QZ_SEV_ERROR, a, a + 1, COLON_MSG, "："),
                   diag("halfwidth-punct", QZ_SEV_ERROR, b, b + 1, COLON_MSG, "：")};
    qz_check c = {d, 2, 2, 0};
    check_file files[] = {{twice, &c}};
    qz_check_render_options o = {.lang = QZ_LANG_ZH};
    char *out = render(QZ_CHECK_SARIF, files, 1, &o);
    json_t *root = parse(out);
    assert_int_equal(json_array_size(get(root, "runs.0.tool.driver.rules")), 0);
    assert_null(json_object_get(get(root, "runs.0.results.0"), "ruleIndex"));
    assert_string_equal(get_str(root, "runs.0.results.1.fixes.0.description.text"), "修正");
    char fp[17];
    fingerprint(fp, "halfwidth-punct", LINE1, ":", 0);
    assert_string_equal(result_fp(root, 0), fp);
    fingerprint(fp, "halfwidth-punct", LINE1, ":", 1);
    assert_string_equal(result_fp(root, 1), fp);
    assert_string_not_equal(result_fp(root, 0), result_fp(root, 1));
    json_decref(root);
    free(out);
    qz_doc_free(twice);
}

/* A line the loader joined to the next: positions and the source line are the original line's,
 * an end is never the next line's column 1, and the SARIF fix of a broken line deletes the
 * break (trailing spaces included), not the line's last character. */
static void test_joined_line(void **state)
{
    (void)state;
    const char *text = "一、标题\n正文在这里被截断的工  \n程继续。\n二、下一节\n";
    qz_doc *d = NULL;
    qz_error err = {0};
    assert_int_equal(qz_doc_load_bytes(&d, "j.txt", text, strlen(text), QZ_ENC_AUTO, ctx, &err),
                     QZ_OK);
    assert_int_equal(d->nrepairs, 1); /* the loader joined line 2 to line 3 */
    size_t last = nth(d, "工", 0), at = last + strlen("工");
    qz_diag ds[] = {
        diag("broken-line", QZ_SEV_ERROR, last, at, "broken", ""),
        diag("halfwidth-punct", QZ_SEV_ERROR, last, at, "not a join", "X"),
    };
    ds[0].join = true;
    qz_check c = {ds, 2, 2, 0};
    check_file files[] = {{d, &c}};
    qz_check_render_options o = {.lang = QZ_LANG_EN, .rules = rules};

    char *out = render(QZ_CHECK_TEXT, files, 1, &o);
    char expected[1024];
    snprintf(expected, sizeof expected,
             "j.txt:2:10: error: broken [broken-line]\n正文在这里被截断的工\n%*s^~\n"
             "j.txt:2:10: error: not a join [halfwidth-punct]\n正文在这里被截断的工\n%*s^~\n"
             "2 errors, 0 warnings\n", 18, "", 18, "");
    assert_string_equal(out, expected);
    free(out);

    out = render(QZ_CHECK_GITHUB, files, 1, &o);
    assert_string_equal(out, "::error file=j.txt,line=2,col=10,endLine=2,endColumn=11,"
                             "title=broken-line::broken\n"
                             "::error file=j.txt,line=2,col=10,endLine=2,endColumn=11,"
                             "title=halfwidth-punct::not a join\n");
    free(out);

    out = render(QZ_CHECK_JSON, files, 1, &o);
    json_t *root = parse(out);
    assert_int_equal(get_int(root, "files.0.diagnostics.0.endLine"), 2);
    assert_int_equal(get_int(root, "files.0.diagnostics.0.endColumn"), 11);
    json_decref(root);
    free(out);

    out = render(QZ_CHECK_SARIF, files, 1, &o);
    root = parse(out);
    json_t *r0 = get(root, "runs.0.results.0"), *r1 = get(root, "runs.0.results.1");
    assert_int_equal(get_int(r0, "locations.0.physicalLocation.region.startLine"), 2);
    assert_int_equal(get_int(r0, "locations.0.physicalLocation.region.startColumn"), 10);
    assert_int_equal(get_int(r0, "locations.0.physicalLocation.region.endLine"), 2);
    assert_int_equal(get_int(r0, "locations.0.physicalLocation.region.endColumn"), 11);
    json_t *del = get(r0, "fixes.0.artifactChanges.0.replacements.0.deletedRegion");
    assert_int_equal(get_int(del, "startLine"), 2);
    assert_int_equal(get_int(del, "startColumn"), 11);
    assert_int_equal(get_int(del, "endLine"), 3);
    assert_int_equal(get_int(del, "endColumn"), 1);
    assert_string_equal(get_str(r0, "fixes.0.artifactChanges.0.replacements.0.insertedContent."
                                    "text"), "");
    del = get(r1, "fixes.0.artifactChanges.0.replacements.0.deletedRegion");
    assert_int_equal(get_int(del, "startColumn"), 10);
    assert_int_equal(get_int(del, "endLine"), 2);
    assert_int_equal(get_int(del, "endColumn"), 11);
    /* the fingerprint's line is the original line alone, without the text joined to it */
    char fp[17];
    fingerprint(fp, "broken-line", "正文在这里被截断的工", "工", 0);
    assert_string_equal(result_fp(root, 0), fp);
    json_decref(root);
    free(out);
    qz_doc_free(d);
}

/* ---- the driver: file by file, nothing kept, jansson's bytes ---- */

/* Each document and its findings are freed as soon as they are added (AddressSanitizer would
 * see a use after free); the stream holds each file's part once it is added, and the whole
 * output is the same as when every document stays. */
static void test_file_by_file(void **state)
{
    (void)state;
    static const qz_check_format formats[] = {QZ_CHECK_TEXT, QZ_CHECK_GCC, QZ_CHECK_GITHUB,
                                              QZ_CHECK_JSON, QZ_CHECK_SARIF};
    qz_check_render_options o = {.lang = QZ_LANG_EN, .max_per_rule = 2, .rules = rules};
    check_file files[] = {{doc, &check}, {clean, &none}, {doc, &check}};
    for (size_t k = 0; k < sizeof formats / sizeof formats[0]; k++) {
        char *want = render(formats[k], files, 3, &o);
        char *got = NULL;
        size_t len = 0;
        FILE *f = open_memstream(&got, &len);
        assert_non_null(f);
        qz_check_renderer *r = NULL;
        qz_error err = {0};
        assert_int_equal(qz_check_renderer_new(&r, formats[k], &o, f, &err), QZ_OK);
        assert_int_equal(fflush(f), 0);
        assert_int_equal(len, 0); /* nothing written before the first file */
        for (size_t i = 0; i < 3; i++) {
            qz_doc *d = i == 1 ? load("a.txt", "无误。\n") : load("r.txt", report);
            qz_check *c = calloc(1, sizeof *c);
            assert_non_null(c);
            *c = *files[i].check;
            c->items = c->n ? calloc(c->n, sizeof *c->items) : NULL;
            for (size_t j = 0; j < c->n; j++) {
                c->items[j] = files[i].check->items[j];
                c->items[j].message = strdup(files[i].check->items[j].message);
                c->items[j].fix = files[i].check->items[j].fix
                                      ? strdup(files[i].check->items[j].fix) : NULL;
            }
            assert_int_equal(qz_check_renderer_add(r, d, c, &err), QZ_OK);
            for (size_t j = 0; j < c->n; j++) {
                free(c->items[j].message);
                free(c->items[j].fix);
            }
            free(c->items);
            free(c);
            qz_doc_free(d);
            /* what is written so far begins the whole output */
            assert_int_equal(fflush(f), 0);
            assert_true(i > 0 || len > 0);
            assert_true(len <= strlen(want));
            assert_memory_equal(got, want, len);
        }
        assert_int_equal(qz_check_renderer_finish(r, &err), QZ_OK);
        qz_check_renderer_free(r);
        assert_int_equal(fclose(f), 0);
        assert_string_equal(got, want);
        free(got);
        free(want);
    }
}

/* JSON and SARIF are written piece by piece; parsed back and dumped whole by jansson (which
 * keeps the keys in order), they give the same bytes: those of the one tree they once were. */
static void assert_jansson_bytes(const char *out, size_t flags)
{
    json_t *root = parse(out);
    char *whole = json_dumps(root, flags);
    assert_non_null(whole);
    size_t n = strlen(whole);
    assert_int_equal(strlen(out), n + 1);
    assert_memory_equal(out, whole, n);
    assert_int_equal(out[n], '\n');
    free(whole);
    json_decref(root);
}

static void test_jansson_bytes(void **state)
{
    (void)state;
    /* a clean file first, one with findings, one with none given as NULL */
    check_file files[] = {{clean, &none}, {doc, &check}, {clean, NULL}, {doc, &check}};
    qz_check_render_options o = {.lang = QZ_LANG_ZH, .rules = rules};
    for (size_t n = 0; n <= 4; n++) {
        char *out = render(QZ_CHECK_JSON, files, n, &o);
        assert_jansson_bytes(out, JSON_COMPACT);
        free(out);
        out = render(QZ_CHECK_SARIF, files, n, &o);
        assert_jansson_bytes(out, JSON_INDENT(2));
        free(out);
        out = render(QZ_CHECK_SARIF, files, n, NULL); /* no rules: an empty rules[] */
        assert_jansson_bytes(out, JSON_INDENT(2));
        free(out);
    }
}

/* A file that could not be checked shows up in the output: a {"file", "error"} entry of JSON's
 * files in its place, a notification of SARIF's invocation (which is then not successful), a
 * GitHub annotation on the file; nothing in text and gcc. The bytes stay jansson's. */
static void test_failed_file(void **state)
{
    (void)state;
    check_file files[] = {{clean, &none}, {NULL, NULL}, {doc, &check}};
    qz_check_render_options o = {.lang = QZ_LANG_ZH, .rules = rules};
    char *out = render(QZ_CHECK_JSON, files, 3, &o);
    assert_jansson_bytes(out, JSON_COMPACT);
    json_t *root = parse(out);
    json_t *f = json_array_get(json_object_get(root, "files"), 1);
    assert_int_equal(json_object_size(f), 2);
    assert_string_equal(get_str(f, "file"), "gone.txt");
    assert_string_equal(get_str(f, "error"), "No such file or directory");
    assert_string_equal(get_str(json_array_get(json_object_get(root, "files"), 2), "file"),
                        "r.txt");
    json_decref(root);
    free(out);

    out = render(QZ_CHECK_SARIF, files, 3, &o);
    assert_jansson_bytes(out, JSON_INDENT(2));
    root = parse(out);
    json_t *run = json_array_get(json_object_get(root, "runs"), 0);
    json_t *inv = json_array_get(json_object_get(run, "invocations"), 0);
    assert_true(json_is_false(json_object_get(inv, "executionSuccessful")));
    json_t *notes = json_object_get(inv, "toolExecutionNotifications");
    assert_int_equal(json_array_size(notes), 1);
    json_t *note = json_array_get(notes, 0);
    assert_string_equal(get_str(note, "level"), "error");
    assert_string_equal(get_str(json_object_get(note, "message"), "text"),
                        "No such file or directory");
    json_t *loc = json_array_get(json_object_get(note, "locations"), 0);
    assert_string_equal(
        get_str(json_object_get(json_object_get(loc, "physicalLocation"), "artifactLocation"),
                "uri"),
        "gone.txt");
    assert_int_equal(json_array_size(json_object_get(run, "results")), check.errors + check.warnings);
    json_decref(root);
    free(out);
    /* every file checked: successful, no notifications */
    out = render(QZ_CHECK_SARIF, files, 1, &o);
    assert_jansson_bytes(out, JSON_INDENT(2));
    root = parse(out);
    inv = json_array_get(json_object_get(json_array_get(json_object_get(root, "runs"), 0),
                                         "invocations"), 0);
    assert_true(json_is_true(json_object_get(inv, "executionSuccessful")));
    assert_null(json_object_get(inv, "toolExecutionNotifications"));
    json_decref(root);
    free(out);

    out = render(QZ_CHECK_GITHUB, files, 2, &o);
    assert_string_equal(out, "::error file=gone.txt::No such file or directory\n");
    free(out);
    for (qz_check_format fmt = QZ_CHECK_TEXT; fmt <= QZ_CHECK_GCC; fmt++) {
        char *with = render(fmt, files, 3, &o);
        check_file without[] = {{clean, &none}, {doc, &check}};
        char *plain = render(fmt, without, 2, &o);
        assert_string_equal(with, plain);
        free(with);
        free(plain);
    }
}

/* github with a summary stream: the annotations as without it, and a Markdown summary of the
 * run (totals, a row per rule, most first, the first findings, the files not read). */
static void test_github_summary(void **state)
{
    (void)state;
    char *sum = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&sum, &len);
    assert_non_null(f);
    check_file files[] = {{clean, &none}, {NULL, NULL}, {doc, &check}};
    qz_check_render_options o = {.lang = QZ_LANG_EN, .rules = rules, .summary = f};
    char *with = render(QZ_CHECK_GITHUB, files, 3, &o);
    o.summary = NULL;
    char *without = render(QZ_CHECK_GITHUB, files, 3, &o);
    assert_string_equal(with, without);
    assert_int_equal(fclose(f), 0);
    assert_non_null(strstr(sum, "## `qzreport check`: 5 errors, 1 warning\n\n"
                                "2 files checked; 1 could not be read.\n\n"
                                "| rule | severity | count |\n| --- | --- | ---: |\n"
                                "| `halfwidth-punct` | error | 5 |\n"
                                "| `nested-pair` | warning | 1 |\n\nThe findings:\n\n"));
    assert_non_null(strstr(sum, "  - `r.txt:1:5` error `halfwidth-punct`: "));
    assert_non_null(strstr(sum, "Could not be read:\n\n  - `gone.txt`: No such file or "
                                "directory\n"));
    free(sum);
    free(with);
    free(without);
}

/* A write error is QZ_ERR_IO with the system's reason and no path, and stays. */
static void test_write_error(void **state)
{
    (void)state;
    check_file files[] = {{doc, &check}};
    for (int buffered = 0; buffered < 2; buffered++) {
        FILE *f = fopen("/dev/full", "w");
        if (!f)
            skip();
        if (!buffered)
            setvbuf(f, NULL, _IONBF, 0);
        qz_check_renderer *r = NULL;
        qz_error err = {0};
        assert_int_equal(qz_check_renderer_new(&r, QZ_CHECK_GCC, NULL, f, &err), QZ_OK);
        qz_status st = qz_check_renderer_add(r, files[0].doc, files[0].check, &err);
        /* unbuffered, the file's lines fail at once; buffered, when they are flushed */
        assert_int_equal(st, buffered ? QZ_OK : QZ_ERR_IO);
        if (!buffered)
            assert_int_equal(qz_check_renderer_add(r, clean, &none, &err), QZ_ERR_IO);
        err = (qz_error){0};
        assert_int_equal(qz_check_renderer_finish(r, &err), QZ_ERR_IO);
        assert_int_equal(err.status, QZ_ERR_IO);
        assert_string_equal(err.path, "");
        assert_string_equal(err.message, strerror(ENOSPC));
        err = (qz_error){0};
        assert_int_equal(qz_check_renderer_finish(r, &err), QZ_ERR_IO);
        assert_string_equal(err.message, strerror(ENOSPC));
        qz_check_renderer_free(r);
        fclose(f);
    }
}

/* Nothing is added after the end, and the end comes once. */
static void test_misuse(void **state)
{
    (void)state;
    char *out = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&out, &len);
    assert_non_null(f);
    qz_check_renderer *r = NULL;
    qz_error err = {0};
    assert_int_equal(qz_check_renderer_new(&r, (qz_check_format)99, NULL, f, &err),
                     QZ_ERR_INTERNAL);
    assert_null(r);
    assert_int_equal(qz_check_renderer_new(&r, QZ_CHECK_TEXT, NULL, f, &err), QZ_OK);
    assert_int_equal(qz_check_renderer_finish(r, &err), QZ_OK);
    assert_int_equal(qz_check_renderer_add(r, doc, &check, &err), QZ_ERR_INTERNAL);
    assert_int_equal(qz_check_renderer_finish(r, &err), QZ_ERR_INTERNAL);
    qz_check_renderer_free(r);
    qz_check_renderer_free(NULL);
    fclose(f);
    assert_string_equal(out, "未发现问题\n");
    free(out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_display_width),
        cmocka_unit_test(test_gcc),
        cmocka_unit_test(test_github),
        cmocka_unit_test(test_text_cut_and_summary),
        cmocka_unit_test(test_text_singular_and_clean),
        cmocka_unit_test(test_text_color),
        cmocka_unit_test(test_text_long_line),
        cmocka_unit_test(test_json),
        cmocka_unit_test(test_sarif),
        cmocka_unit_test(test_sarif_repeats),
        cmocka_unit_test(test_joined_line),
        cmocka_unit_test(test_file_by_file),
        cmocka_unit_test(test_jansson_bytes),
        cmocka_unit_test(test_failed_file),
        cmocka_unit_test(test_github_summary),
        cmocka_unit_test(test_write_error),
        cmocka_unit_test(test_misuse),
    };
    return cmocka_run_group_tests_name("check output", tests, setup, teardown);
}
