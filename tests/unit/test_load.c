/* test_load.c — the loader: encodings, line ends, the line map, broken-line joins, page numbers. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "qzreport.h"

static qz_rules *rules;
static qz_context *ctx;

static int setup(void **state)
{
    (void)state;
    qz_error err = {0};
    return qz_rules_new(&rules, &err) == QZ_OK && qz_context_new(&ctx, rules, &err) == QZ_OK
               ? 0
               : -1;
}

static int teardown(void **state)
{
    (void)state;
    qz_context_free(ctx);
    qz_rules_free(rules);
    return 0;
}

static qz_doc *load(const char *bytes, size_t len, qz_encoding enc)
{
    qz_doc *doc = NULL;
    qz_error err = {0};
    qz_status st = qz_doc_load_bytes(&doc, "t.txt", bytes, len, enc, ctx, &err);
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
    assert_int_equal(qz_doc_load_bytes(&doc, "bad.txt", bytes, len, enc, ctx, &err),
                     QZ_ERR_ENCODING);
    assert_null(doc);
    assert_string_equal(err.path, "bad.txt");
    assert_string_equal(err.message, message);
}

static void test_bad_bytes(void **state)
{
    (void)state;
    expect_encoding_error("\xFF\x80", 2, QZ_ENC_AUTO,
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

/* UTF-16 with a BOM, as Windows Notepad saves it: "第一行。\r\n二" in either byte order */
static void test_utf16(void **state)
{
    (void)state;
    const char le[] = "\xFF\xFE\x2C\x7B\x00\x4E\x4C\x88\x02\x30\x0D\x00\x0A\x00\x8C\x4E";
    const char be[] = "\xFE\xFF\x7B\x2C\x4E\x00\x88\x4C\x30\x02\x00\x0D\x00\x0A\x4E\x8C";
    for (int big = 0; big <= 1; big++) {
        qz_doc *doc = load(big ? be : le, sizeof le - 1, QZ_ENC_AUTO);
        assert_int_equal(doc->encoding, big ? QZ_ENC_UTF16BE : QZ_ENC_UTF16LE);
        assert_string_equal(qz_encoding_name(doc->encoding), big ? "utf-16be" : "utf-16le");
        assert_true(doc->had_bom);
        assert_true(doc->had_cr);
        assert_string_equal(doc->text, "第一行。\n二");
        assert_int_equal(doc->nlines, 2);
        size_t line, col;
        qz_doc_position(doc, offset_of(doc, "二"), &line, &col);
        assert_int_equal(line, 2);
        assert_int_equal(col, 1);
        qz_doc_free(doc);
        /* read again in the order found, as fix's later passes do */
        doc = load(big ? be : le, sizeof le - 1, big ? QZ_ENC_UTF16BE : QZ_ENC_UTF16LE);
        assert_string_equal(doc->text, "第一行。\n二");
        qz_doc_free(doc);
    }
    /* a lone surrogate on line 2, a NUL character on line 3, a code unit cut short */
    expect_encoding_error("\xFF\xFE\x41\x00\x0A\x00\x00\xD8\x41\x00", 10, QZ_ENC_AUTO,
                          "not UTF-16LE text (first bad byte at line 2)");
    expect_encoding_error("\xFE\xFF\x00\x41\x00\x0A\x00\x0D\x00\x0A\x00\x00", 12, QZ_ENC_AUTO,
                          "not UTF-16BE text (first bad byte at line 3)");
    expect_encoding_error("\xFF\xFE\x41\x00\x41", 5, QZ_ENC_AUTO,
                          "not UTF-16LE text (first bad byte at line 1)");
    /* without a BOM: named, with the command that converts it */
    const char bare[] = "2\0" "0\0" "2\0" "3\0" "\x74\x5E" "\n\0" "\0\x4E" "\n\0"; /* 2023年\n一\n */
    expect_encoding_error(bare, sizeof bare - 1, QZ_ENC_AUTO,
                          "not UTF-8 or GB18030 text: it looks like UTF-16LE without a "
                          "byte-order mark; convert it first, e.g. iconv -f UTF-16LE -t UTF-8 "
                          "bad.txt > bad-utf8.txt");
}

/* What is not text at all gets a message that names its format and what to run instead. */
static void expect_not_text(const char *source, const char *bytes, size_t len,
                            const char *message)
{
    qz_doc *doc = (qz_doc *)1;
    qz_error err = {0};
    assert_int_equal(qz_doc_load_bytes(&doc, source, bytes, len, QZ_ENC_UTF8, ctx, &err),
                     QZ_ERR_ENCODING);
    assert_null(doc);
    assert_string_equal(err.message, message);
}

static void test_not_text(void **state)
{
    (void)state;
    expect_not_text("报告.pdf", "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n", 15,
                    "a PDF file, not text: convert it first, e.g. pdftotext -layout 报告.pdf 报告.txt");
    expect_not_text("dir/my report.txt", "%PDF-1.4\n", 9,
                    "a PDF file, not text: convert it first, e.g. pdftotext -layout "
                    "'dir/my report.txt' 'dir/my report.txt.txt'");
    expect_not_text("-", "%PDF-1.4\n", 9,
                    "a PDF file, not text: convert it first, e.g. pdftotext -layout FILE.pdf "
                    "FILE.txt");
    const char docx[] = "PK\x03\x04\x14\x00\x00\x00word/document.xml<w:document/>";
    expect_not_text("r.docx", docx, sizeof docx - 1,
                    "a Word document (.docx), not text: convert it first, e.g. pandoc -t plain "
                    "r.docx -o r.txt (or libreoffice --headless --convert-to txt:Text r.docx)");
    const char zip[] = "PK\x03\x04\x14\x00\x00\x00a.txt";
    expect_not_text("a.zip", zip, sizeof zip - 1,
                    "a zip archive, not text: unpack it first (unzip a.zip), or convert it if "
                    "it is an office document");
    expect_not_text("it's.doc", "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0", 10,
                    "a Word 97-2003 document (.doc) or another old Office file, not text: "
                    "convert it first, e.g. libreoffice --headless --convert-to txt:Text "
                    "'it'\\''s.doc'");
    expect_not_text("scan", "\x89PNG\r\n\x1A\n\0", 9,
                    "a PNG image, not text: read its text with OCR first, e.g. tesseract scan - "
                    "-l chi_sim > scan.txt");
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

/* A page number between the halves of a broken sentence is dropped and the sentence joined
 * across it: the figure is whole, and positions after it are still the file's. */
static void test_page_number_in_sentence(void **state)
{
    (void)state;
    qz_doc *doc = load_str("一、监督\n开展执法\n— 3 —\n检查4次。\n");
    assert_string_equal(doc->text, "一、监督\n开展执法检查4次。\n");
    assert_int_equal(doc->nrepairs, 2);
    assert_int_equal(doc->repairs[0].kind, QZ_REPAIR_JOINED);
    assert_int_equal(doc->repairs[0].line, 2);
    assert_int_equal(doc->repairs[1].kind, QZ_REPAIR_PAGE_NUMBER);
    assert_int_equal(doc->repairs[1].line, 3);
    assert_int_equal(doc->repairs[1].offset, offset_of(doc, "检查"));
    assert_int_equal(doc->repairs[1].removed, strlen("— 3 —\n"));
    size_t line, col;
    qz_doc_position(doc, offset_of(doc, "检查"), &line, &col);
    assert_int_equal(line, 4);
    assert_int_equal(col, 1);
    qz_doc_position(doc, offset_of(doc, "4次"), &line, &col);
    assert_int_equal(line, 4);
    assert_int_equal(col, 3);
    qz_doc_position(doc, offset_of(doc, "执法"), &line, &col);
    assert_int_equal(line, 2);
    assert_int_equal(col, 3);
    /* the dropped line is empty in the text; the source still has it */
    size_t s, e;
    qz_doc_line_bounds(doc, 3, &s, &e);
    assert_int_equal(s, e);
    qz_doc_line_bounds(doc, 2, &s, &e);
    assert_int_equal(e - s, strlen("开展执法"));
    size_t src = qz_doc_source_offset(doc, offset_of(doc, "检查"));
    assert_memory_equal(doc->src + src, "检查4次", strlen("检查4次"));
    qz_doc_free(doc);
}

/* Every form of page number, between paragraphs: dropped with its line end, nothing joined. */
static void test_page_number_forms(void **state)
{
    (void)state;
    static const char *const forms[] = {"— 3 —", "- 3 -", "—3—", "第3页", "第 3 页",
                                        "·3·", "3/20", "　　— 12 —  ", "第3页 共20页"};
    for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++) {
        char text[128];
        snprintf(text, sizeof text, "一、立法\n制定法规3部。\n%s\n二、监督\n开展执法检查4次。\n",
                 forms[i]);
        qz_doc *doc = load_str(text);
        assert_string_equal(doc->text, "一、立法\n制定法规3部。\n二、监督\n开展执法检查4次。\n");
        assert_int_equal(doc->nrepairs, 1);
        assert_int_equal(doc->repairs[0].kind, QZ_REPAIR_PAGE_NUMBER);
        assert_int_equal(doc->repairs[0].line, 3);
        assert_int_equal(qz_doc_line(doc, offset_of(doc, "二、")), 4);
        assert_int_equal(qz_doc_line(doc, offset_of(doc, "开展")), 5);
        qz_doc_free(doc);
    }
}

/* The title line repeated later is a running header; a page number at the very end goes
 * without a line end; lines that only look like page furniture stay. */
static void test_running_header_and_near_misses(void **state)
{
    (void)state;
    const char *text = "青岚市人大常委会工作报告\n"
                       "各位代表：\n"
                       "依法任免国家机关工作人员\n"
                       "- 4 -\n"
                       "青岚市人大常委会工作报告\n"
                       "76人次。\n"
                       "3次\n"
                       "第3页内容\n"
                       "2023/2024年度\n"
                       "— 三 —\n"
                       "青岚市人大常委会工作报告（草案）\n"
                       "8/9";
    qz_doc *doc = load_str(text);
    assert_string_equal(doc->text, "青岚市人大常委会工作报告\n"
                                   "各位代表：\n"
                                   "依法任免国家机关工作人员76人次。\n"
                                   "3次第3页内容2023/2024年度— 三 —青岚市人大常委会工作报告（草案）\n");
    assert_int_equal(doc->repairs[0].kind, QZ_REPAIR_JOINED);
    assert_int_equal(doc->repairs[0].line, 3);
    assert_int_equal(doc->repairs[1].kind, QZ_REPAIR_PAGE_NUMBER);
    assert_int_equal(doc->repairs[1].line, 4);
    assert_int_equal(doc->repairs[2].kind, QZ_REPAIR_PAGE_NUMBER);
    assert_int_equal(doc->repairs[2].line, 5);
    assert_int_equal(doc->repairs[doc->nrepairs - 1].kind, QZ_REPAIR_PAGE_NUMBER);
    assert_int_equal(doc->repairs[doc->nrepairs - 1].line, 12);
    assert_int_equal(doc->repairs[doc->nrepairs - 1].removed, 3); /* "8/9", no line end */
    assert_int_equal(qz_doc_line(doc, offset_of(doc, "76人次")), 6);
    qz_doc_free(doc);
}

/* CRLF: the source offsets after a dropped line count its CR and LF. */
static void test_page_number_crlf(void **state)
{
    (void)state;
    qz_doc *doc = load_str("审查规范性\r\n·5·\r\n文件27件。\r\n");
    assert_string_equal(doc->text, "审查规范性文件27件。\n");
    size_t src = qz_doc_source_offset(doc, offset_of(doc, "文件"));
    assert_memory_equal(doc->src + src, "文件27件", strlen("文件27件"));
    assert_int_equal(qz_doc_line(doc, offset_of(doc, "文件")), 3);
    qz_doc_free(doc);
}

/* A rules file's page_furniture is appended to the built-in list, as every list is. */
static void test_page_furniture_user_rules(void **state)
{
    (void)state;
    qz_rules *r = NULL;
    qz_error err = {0};
    assert_int_equal(qz_rules_new(&r, &err), QZ_OK);
    const char *yaml = "page_furniture:\n  - '第[一二三四五六七八九十]+页$'\n";
    assert_int_equal(qz_rules_add_yaml(r, "mine.yaml", yaml, strlen(yaml), &err), QZ_OK);
    qz_context *cx = NULL;
    assert_int_equal(qz_context_new(&cx, r, &err), QZ_OK);
    const char *text = "开展执法\n第三页\n检查4次，\n— 4 —\n专题询问2次。\n";
    qz_doc *doc = NULL;
    assert_int_equal(qz_doc_load_bytes(&doc, "t", text, strlen(text), QZ_ENC_AUTO, cx, &err),
                     QZ_OK);
    assert_string_equal(doc->text, "开展执法检查4次，专题询问2次。\n");
    qz_doc_free(doc);
    qz_context_free(cx);
    const char *bad = "page_furniture:\n  - '第(页'\n";
    assert_int_equal(qz_rules_add_yaml(r, "bad.yaml", bad, strlen(bad), &err), QZ_ERR_DATA);
    assert_int_equal(err.line, 2);
    assert_int_equal(err.column, 5);
    qz_rules_free(r);
}

/* The match view: spaces around figures, full-width digits and pinyin are folded; offsets of
 * the view map back to the text, and an empty span where something was left out stays empty. */
static void test_view_folds(void **state)
{
    (void)state;
    const char *text = "审议通过法规和决定 15 件，主任会(huì)议 ２２ 次，3 5件。\n";
    qz_doc *doc = load_str(text);
    assert_false(doc->traditional);
    assert_string_equal(doc->view, "审议通过法规和决定15件，主任会议22次，3 5件。\n");
    /* 15 in the view is 15 in the text, past the space */
    const char *v15 = strstr(doc->view, "15");
    size_t at = qz_doc_text_offset(doc, (size_t)(v15 - doc->view), false);
    assert_memory_equal(doc->text + at, "15 件", strlen("15 件"));
    /* 22 in the view stands for ２２: six bytes of text */
    const char *v22 = strstr(doc->view, "22");
    size_t s = (size_t)(v22 - doc->view), len = 2;
    qz_doc_text_span(doc, &s, &len);
    assert_memory_equal(doc->text + s, "２２", len);
    assert_int_equal(len, strlen("２２"));
    /* an empty span just after 决定, where a space was left out, stays empty */
    s = (size_t)(v15 - doc->view);
    len = 0;
    qz_doc_text_span(doc, &s, &len);
    assert_int_equal(len, 0);
    /* every offset of the view maps into the text, in order */
    size_t prev = 0;
    for (size_t v = 0; v <= doc->view_len; v++) {
        size_t t = qz_doc_text_offset(doc, v, false);
        assert_true(t >= prev && t <= doc->len);
        prev = t;
    }
    qz_doc_free(doc);
}

/* A traditional text is read as simplified; its lines are judged in simplified script (the
 * part title is not joined to the next line). */
static void test_view_traditional(void **state)
{
    (void)state;
    const char *text = "過去一年的主要工作\n常委會全年召開會議八次，審議法規草案十二件，表決通過九件。\n";
    qz_doc *doc = load_str(text);
    assert_true(doc->traditional);
    assert_string_equal(doc->view, "过去一年的主要工作\n常委会全年召开会议八次，审议法规草案十二件，表决通过九件。\n");
    assert_int_equal(doc->nrepairs, 0);
    assert_string_equal(doc->text, text); /* the text stays as written */
    qz_doc_free(doc);
}

/* A row of a table copied as text is complete: rows are never joined. */
static void test_table_rows(void **state)
{
    (void)state;
    qz_doc *doc = load_str("项目 | 数量\n召开常委会会议 | 8 次\n召开主任会议 | 21 次\n");
    assert_int_equal(doc->nrepairs, 0);
    assert_non_null(strstr(doc->view, "召开常委会会议8次\n召开主任会议21次"));
    qz_doc_free(doc);
}

static void test_sample(void **state)
{
    (void)state;
    qz_doc *doc = NULL;
    qz_error err = {0};
    assert_int_equal(qz_doc_load_file(&doc, "data/quzhou-2023.txt", QZ_ENC_AUTO, ctx, &err),
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

/* The text is held once when it can be: a report with nothing to repair and no CR is its own
 * source (doc->src == doc->text, the file's buffer itself when read from a file); otherwise the
 * source is a copy of its own, as decoded. */
static void test_copies_of_the_text(void **state)
{
    (void)state;
    const char plain[] = "一、标题\n正文。\n";
    qz_doc *doc = load_str(plain);
    assert_ptr_equal(doc->src, doc->text);
    assert_int_equal(doc->src_len, doc->len);
    assert_ptr_equal(doc->view, doc->text);
    qz_doc_free(doc);

    const char joined[] = "一、标题\n正文在这里被截断的工  \n程继续。\n";
    doc = load_str(joined);
    assert_int_equal(doc->nrepairs, 1);
    assert_ptr_not_equal(doc->src, doc->text);
    assert_int_equal(doc->src_len, strlen(joined));
    assert_memory_equal(doc->src, joined, strlen(joined));
    assert_string_equal(doc->text, "一、标题\n正文在这里被截断的工程继续。\n");
    qz_doc_free(doc);

    const char crlf[] = "一行。\r\n二行。\r\n";
    doc = load_str(crlf);
    assert_ptr_not_equal(doc->src, doc->text);
    assert_string_equal(doc->src, crlf);
    assert_string_equal(doc->text, "一行。\n二行。\n");
    qz_doc_free(doc);

    /* from a file, with a BOM: the bytes read are the text, BOM gone */
    char path[] = "/tmp/qz-test-load-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    const char bom[] = "\xEF\xBB\xBF一、标题\n正文。";
    assert_int_equal(write(fd, bom, strlen(bom)), (ssize_t)strlen(bom));
    close(fd);
    qz_error err = {0};
    assert_int_equal(qz_doc_load_file(&doc, path, QZ_ENC_AUTO, ctx, &err), QZ_OK);
    unlink(path);
    assert_true(doc->had_bom);
    assert_string_equal(doc->text, "一、标题\n正文。");
    assert_ptr_equal(doc->src, doc->text);
    qz_doc_free(doc);
}

/* Columns on long lines come from the loader's index of code points (at most a stride
 * counted), and in any order of asking: each must be a count from the line's start. */
static void test_positions_on_long_lines(void **state)
{
    (void)state;
    /* lines of mixed widths (1, 2, 3 and 4-byte characters), one short, two long */
    const char *pieces[] = {"a", "é", "会", "𠀀", "12", "，"};
    char *text = malloc(64 * 1024);
    assert_non_null(text);
    size_t len = 0;
    strcpy(text, "短行。\n");
    len = strlen(text);
    for (int line = 0; line < 2; line++) {
        for (int i = 0; i < 3000; i++) {
            const char *p = pieces[(i * 7 + line) % 6];
            memcpy(text + len, p, strlen(p));
            len += strlen(p);
        }
        memcpy(text + len, "。\n", strlen("。\n"));
        len += strlen("。\n");
    }
    text[len] = '\0';
    qz_doc *doc = load(text, len, QZ_ENC_UTF8);
    assert_int_equal(doc->len, len);
    /* every character start, from the last to the first, then a few forward */
    for (size_t k = doc->len + 1; k-- > 0;) {
        if (k < doc->len && ((unsigned char)doc->text[k] & 0xC0) == 0x80)
            continue;
        size_t line, col;
        qz_doc_position(doc, k, &line, &col);
        assert_int_equal(line, qz_doc_line(doc, k));
        size_t start = doc->line_start[line - 1], count = 1;
        for (size_t i = start; i < k; i++)
            count += ((unsigned char)doc->text[i] & 0xC0) != 0x80;
        if (col != count)
            fail_msg("offset %zu: column %zu, counted %zu", k, col, count);
    }
    size_t line, col, end_line, end_col;
    qz_doc_position(doc, doc->len + 100, &line, &col); /* past the end: the end */
    qz_doc_position(doc, doc->len, &end_line, &end_col);
    assert_int_equal(line, end_line);
    assert_int_equal(col, end_col);
    qz_doc_free(doc);
    free(text);
}

static void test_file_errors(void **state)
{
    (void)state;
    qz_doc *doc = NULL;
    qz_error err = {0};
    assert_int_equal(qz_doc_load_file(&doc, "tests/fixtures/none.txt", QZ_ENC_AUTO, ctx, &err),
                     QZ_ERR_IO);
    assert_string_equal(err.path, "tests/fixtures/none.txt");
    assert_string_equal(err.message, "No such file or directory");
    assert_int_equal(qz_doc_load_file(&doc, "tests", QZ_ENC_AUTO, ctx, &err), QZ_ERR_IO);
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
        cmocka_unit_test(test_utf16),
        cmocka_unit_test(test_not_text),
        cmocka_unit_test(test_empty),
        cmocka_unit_test(test_join_broken_line),
        cmocka_unit_test(test_no_join),
        cmocka_unit_test(test_join_chain_and_halfwidth),
        cmocka_unit_test(test_page_number_in_sentence),
        cmocka_unit_test(test_page_number_forms),
        cmocka_unit_test(test_running_header_and_near_misses),
        cmocka_unit_test(test_page_number_crlf),
        cmocka_unit_test(test_page_furniture_user_rules),
        cmocka_unit_test(test_view_folds),
        cmocka_unit_test(test_view_traditional),
        cmocka_unit_test(test_table_rows),
        cmocka_unit_test(test_sample),
        cmocka_unit_test(test_copies_of_the_text),
        cmocka_unit_test(test_positions_on_long_lines),
        cmocka_unit_test(test_file_errors),
        cmocka_unit_test(test_encoding_names),
    };
    return cmocka_run_group_tests_name("load", tests, setup, teardown);
}
