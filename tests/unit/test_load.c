/* test_load.c — the loader: encodings, line ends, the line map, broken-line joins. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "qzreport.h"

static qz_rules *rules;

static int setup(void **state)
{
    (void)state;
    qz_error err = {0};
    return qz_rules_new(&rules, &err) == QZ_OK ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    qz_rules_free(rules);
    return 0;
}

static qz_doc *load(const char *bytes, size_t len, qz_encoding enc)
{
    qz_doc *doc = NULL;
    qz_error err = {0};
    qz_status st = qz_doc_load_bytes(&doc, "t.txt", bytes, len, enc, rules, &err);
    if (st != QZ_OK)
        fail_msg("load failed: %s", err.message);
    return doc;
}

static qz_doc *load_str(const char *s)
{
    return load(s, strlen(s), QZ_ENC_AUTO);
}

static size_t offset_of(const qz_doc *doc, const char *needle)
{
    const char *p = strstr(doc->text, needle);
    assert_non_null(p);
    return (size_t)(p - doc->text);
}

static void test_utf8_plain(void **state)
{
    (void)state;
    qz_doc *doc = load_str("第一行。\n第二行。\n");
    assert_int_equal(doc->encoding, QZ_ENC_UTF8);
    assert_false(doc->had_bom);
    assert_false(doc->had_cr);
    assert_string_equal(doc->text, "第一行。\n第二行。\n");
    assert_int_equal(doc->nlines, 2);
    assert_int_equal(doc->nrepairs, 0);
    qz_doc_free(doc);
}

static void test_bom_is_stripped(void **state)
{
    (void)state;
    qz_doc *doc = load_str("\xEF\xBB\xBF各位代表:\n");
    assert_true(doc->had_bom);
    assert_string_equal(doc->text, "各位代表:\n");
    size_t line, col;
    qz_doc_position(doc, offset_of(doc, "代表"), &line, &col);
    assert_int_equal(line, 1);
    assert_int_equal(col, 3); /* 各位 are columns 1 and 2: the BOM is no column */
    qz_doc_free(doc);
}

static void test_crlf_and_lone_cr(void **state)
{
    (void)state;
    qz_doc *doc = load_str("一行。\r\n二行。\r三行。\n四行。");
    assert_true(doc->had_cr);
    assert_string_equal(doc->text, "一行。\n二行。\n三行。\n四行。");
    assert_int_equal(doc->nlines, 4);
    assert_int_equal(qz_doc_line(doc, offset_of(doc, "三行")), 3);
    assert_int_equal(qz_doc_line(doc, offset_of(doc, "四行")), 4);
    qz_doc_free(doc);
}

static void test_gb18030(void **state)
{
    (void)state;
    /* "你好。\n世界。\n" in GB18030 */
    const char gb[] = "\xC4\xE3\xBA\xC3\xA1\xA3\n\xCA\xC0\xBD\xE7\xA1\xA3\n";
    qz_doc *doc = load(gb, sizeof gb - 1, QZ_ENC_AUTO);
    assert_int_equal(doc->encoding, QZ_ENC_GB18030);
    assert_string_equal(doc->text, "你好。\n世界。\n");
    qz_doc_free(doc);
    doc = load(gb, sizeof gb - 1, QZ_ENC_GB18030);
    assert_int_equal(doc->encoding, QZ_ENC_GB18030);
    qz_doc_free(doc);
}

static void expect_encoding_error(const char *bytes, size_t len, qz_encoding enc,
                                  const char *message)
{
    qz_doc *doc = (qz_doc *)1;
    qz_error err = {0};
    assert_int_equal(qz_doc_load_bytes(&doc, "bad.txt", bytes, len, enc, rules, &err),
                     QZ_ERR_ENCODING);
    assert_null(doc);
    assert_string_equal(err.path, "bad.txt");
    assert_string_equal(err.message, message);
}

static void test_bad_bytes(void **state)
{
    (void)state;
    expect_encoding_error("\xFF\xFE\x80", 3, QZ_ENC_AUTO,
                          "not UTF-8 or GB18030 text (first bad byte at line 1)");
    expect_encoding_error("ok\nok\r\nok\rbad\xFF\n", 15, QZ_ENC_AUTO,
                          "not UTF-8 or GB18030 text (first bad byte at line 4)");
    expect_encoding_error("\xC4\xE3\xBA\xC3", 4, QZ_ENC_UTF8,
                          "not UTF-8 text (first bad byte at line 1)");
    expect_encoding_error("a\nb\n\xFF", 5, QZ_ENC_GB18030,
                          "not GB18030 text (first bad byte at line 3)");
    /* NUL is valid in both encodings but never in a report */
    expect_encoding_error("一\n二\0三", 9, QZ_ENC_AUTO,
                          "not UTF-8 or GB18030 text (first bad byte at line 2)");
}

static void test_empty(void **state)
{
    (void)state;
    qz_doc *doc = load("", 0, QZ_ENC_AUTO);
    assert_int_equal(doc->len, 0);
    assert_int_equal(doc->nlines, 0);
    assert_int_equal(qz_doc_line(doc, 0), 1);
    qz_doc_free(doc);
}

static void test_join_broken_line(void **state)
{
    (void)state;
    qz_doc *doc = load_str("一、标题\n正文在这里被截断的工  \n程继续。\n二、下一节\n");
    assert_int_equal(doc->nrepairs, 1);
    assert_int_equal(doc->repairs[0].line, 2);
    assert_int_equal(doc->repairs[0].kind, QZ_REPAIR_JOINED);
    /* the break and the trailing spaces before it are gone */
    assert_string_equal(doc->text, "一、标题\n正文在这里被截断的工程继续。\n二、下一节\n");
    assert_int_equal(doc->repairs[0].offset, offset_of(doc, "程继续"));
    /* positions after the join still name the original line and column */
    size_t line, col;
    qz_doc_position(doc, offset_of(doc, "程继续"), &line, &col);
    assert_int_equal(line, 3);
    assert_int_equal(col, 1);
    qz_doc_position(doc, offset_of(doc, "继续"), &line, &col);
    assert_int_equal(line, 3);
    assert_int_equal(col, 2);
    qz_doc_position(doc, offset_of(doc, "截断"), &line, &col);
    assert_int_equal(line, 2);
    assert_int_equal(col, 7);
    assert_int_equal(qz_doc_line(doc, offset_of(doc, "二、")), 4);
    qz_doc_free(doc);
}

static void test_no_join(void **state)
{
    (void)state;
    /* complete sentences (with closing quotes), blank lines, standalone headings, a heading on
     * the next line and the header before 各位代表: are all left alone */
    const char *text = "市人大常委会主任 张三\n"
                       "各位代表:\n"
                       "过去一年的主要工作\n"
                       "一、坚持党的领导,政治引领得到新提升\n"
                       "正文以引号结束。”\n"
                       "这一行没有结束\n"
                       "\n"
                       "空行之后的一行没有结束\n"
                       "（一）下一节\n"
                       "最后一行没有句号";
    qz_doc *doc = load_str(text);
    assert_int_equal(doc->nrepairs, 0);
    assert_string_equal(doc->text, text);
    qz_doc_free(doc);
}

static void test_join_chain_and_halfwidth(void **state)
{
    (void)state;
    /* a paragraph broken over three lines is two joins; half-width ; : end a sentence */
    qz_doc *doc = load_str("开头一段文字被\n截成了三\n行。\n分号结束;\n冒号结束:\n");
    assert_int_equal(doc->nrepairs, 2);
    assert_int_equal(doc->repairs[0].line, 1);
    assert_int_equal(doc->repairs[1].line, 2);
    assert_string_equal(doc->text, "开头一段文字被截成了三行。\n分号结束;\n冒号结束:\n");
    assert_int_equal(qz_doc_line(doc, offset_of(doc, "行。")), 3);
    assert_int_equal(qz_doc_line(doc, offset_of(doc, "分号")), 4);
    qz_doc_free(doc);
}

static void test_sample(void **state)
{
    (void)state;
    qz_doc *doc = NULL;
    qz_error err = {0};
    assert_int_equal(qz_doc_load_file(&doc, "data/quzhou-2023.txt", QZ_ENC_AUTO, rules, &err),
                     QZ_OK);
    assert_int_equal(doc->encoding, QZ_ENC_UTF8);
    assert_int_equal(doc->nlines, 53);
    assert_int_equal(doc->nrepairs, 3);
    assert_int_equal(doc->repairs[0].line, 47);
    assert_int_equal(doc->repairs[1].line, 49);
    assert_int_equal(doc->repairs[2].line, 51);
    size_t line, col;
    qz_doc_position(doc, offset_of(doc, "若干规定》《衢州市围棋"), &line, &col);
    assert_int_equal(line, 47);
    qz_doc_position(doc, offset_of(doc, "规定》《衢州市围棋"), &line, &col);
    assert_int_equal(line, 48);
    assert_int_equal(col, 1);
    qz_doc_free(doc);
}

static void test_file_errors(void **state)
{
    (void)state;
    qz_doc *doc = NULL;
    qz_error err = {0};
    assert_int_equal(qz_doc_load_file(&doc, "tests/fixtures/none.txt", QZ_ENC_AUTO, rules, &err),
                     QZ_ERR_IO);
    assert_string_equal(err.path, "tests/fixtures/none.txt");
    assert_string_equal(err.message, "No such file or directory");
    assert_int_equal(qz_doc_load_file(&doc, "tests", QZ_ENC_AUTO, rules, &err), QZ_ERR_IO);
    assert_string_equal(err.message, "Is a directory");
    char buf[256];
    qz_error_format(&err, buf, sizeof buf);
    assert_string_equal(buf, "tests: Is a directory");
}

static void test_encoding_names(void **state)
{
    (void)state;
    qz_encoding e;
    assert_true(qz_encoding_parse("UTF-8", &e));
    assert_int_equal(e, QZ_ENC_UTF8);
    assert_true(qz_encoding_parse("gbk", &e));
    assert_int_equal(e, QZ_ENC_GB18030);
    assert_false(qz_encoding_parse("latin1", &e));
    assert_string_equal(qz_encoding_name(QZ_ENC_GB18030), "gb18030");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_utf8_plain),
        cmocka_unit_test(test_bom_is_stripped),
        cmocka_unit_test(test_crlf_and_lone_cr),
        cmocka_unit_test(test_gb18030),
        cmocka_unit_test(test_bad_bytes),
        cmocka_unit_test(test_empty),
        cmocka_unit_test(test_join_broken_line),
        cmocka_unit_test(test_no_join),
        cmocka_unit_test(test_join_chain_and_halfwidth),
        cmocka_unit_test(test_sample),
        cmocka_unit_test(test_file_errors),
        cmocka_unit_test(test_encoding_names),
    };
    return cmocka_run_group_tests_name("load", tests, setup, teardown);
}
