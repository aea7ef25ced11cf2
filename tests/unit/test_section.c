/* test_section.c — the outline (header, years, parts, sections, topics) field by field, on the
 * sample and on reports written in other shapes; and rules files, built-in and broken. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "qzreport.h"

typedef struct {
    qz_rules *rules;
    qz_context *ctx;
    qz_doc *doc;
    qz_outline *o;
} fixture;

static fixture open_file(const char *path)
{
    fixture f = {0};
    qz_error err = {0};
    if (qz_rules_new(&f.rules, &err) != QZ_OK || qz_context_new(&f.ctx, f.rules, &err) != QZ_OK ||
        qz_doc_load_file(&f.doc, path, QZ_ENC_AUTO, f.ctx, &err) != QZ_OK ||
        qz_outline_new(&f.o, f.doc, f.ctx, &err) != QZ_OK)
        fail_msg("%s: %s", path, err.message);
    return f;
}

static fixture open_text(const char *text)
{
    fixture f = {0};
    qz_error err = {0};
    if (qz_rules_new(&f.rules, &err) != QZ_OK || qz_context_new(&f.ctx, f.rules, &err) != QZ_OK ||
        qz_doc_load_bytes(&f.doc, "t.txt", text, strlen(text), QZ_ENC_AUTO, f.ctx, &err) !=
            QZ_OK ||
        qz_outline_new(&f.o, f.doc, f.ctx, &err) != QZ_OK)
        fail_msg("%s", err.message);
    return f;
}

static void close_fixture(fixture *f)
{
    qz_outline_free(f->o);
    qz_doc_free(f->doc);
    qz_context_free(f->ctx);
    qz_rules_free(f->rules);
}

/* The span's text, in a static buffer (one at a time is enough for assertions). */
static const char *text(const fixture *f, qz_span s)
{
    static char buf[1024];
    snprintf(buf, sizeof buf, "%.*s", (int)s.len, f->doc->text + s.start);
    return buf;
}

static size_t line(const fixture *f, size_t offset)
{
    return qz_doc_line(f->doc, offset);
}

static size_t end_line(const fixture *f, size_t start, size_t end)
{
    return qz_doc_line(f->doc, end > start ? end - 1 : start);
}

/* Top-level sections of part p, in order. */
static size_t top_sections(const fixture *f, size_t p, const qz_section **out, size_t max)
{
    const qz_part *part = &f->o->parts[p];
    size_t n = 0;
    for (size_t i = part->first_section; i < part->first_section + part->nsections; i++)
        if (f->o->sections[i].parent == -1 && n < max)
            out[n++] = &f->o->sections[i];
    return n;
}

static void test_sample_header_and_years(void **state)
{
    (void)state;
    fixture f = open_file("data/quzhou-2023.txt");
    const qz_header *h = &f.o->header;
    assert_int_equal(h->year, 2023);
    assert_int_equal(h->month, 3);
    assert_int_equal(h->day, 3);
    assert_string_equal(text(&f, h->speaker), "吴国升");
    assert_string_equal(text(&f, h->speaker_title), "衢州市人大常委会主任");
    assert_string_equal(text(&f, h->salutation), "各位代表:");
    assert_int_equal(h->title.len, 0);
    assert_int_equal(f.o->year_reviewed, 2022);
    assert_int_equal(f.o->year_planned, 2023);
    assert_int_equal(line(&f, f.o->preamble.start), 1);
    assert_int_equal(end_line(&f, 0, f.o->preamble.len), 4);
    assert_int_equal(line(&f, f.o->closing.start), 53);
    close_fixture(&f);
}

static void test_sample_parts_and_sections(void **state)
{
    (void)state;
    fixture f = open_file("data/quzhou-2023.txt");
    assert_int_equal(f.o->nparts, 2);
    assert_int_equal(f.o->parts[0].kind, QZ_PART_REVIEW);
    assert_string_equal(text(&f, f.o->parts[0].title), "过去一年的主要工作");
    assert_int_equal(line(&f, f.o->parts[0].start), 5);
    assert_int_equal(f.o->parts[1].kind, QZ_PART_PLAN);
    assert_string_equal(text(&f, f.o->parts[1].title), "2023年主要任务");
    assert_int_equal(line(&f, f.o->parts[1].start), 41);

    static const size_t review_lines[] = {7, 12, 17, 22, 27, 33};
    static const size_t review_ends[] = {11, 16, 21, 26, 32, 38};
    static const size_t topics[] = {3, 3, 3, 3, 4, 4};
    const qz_section *s[10];
    assert_int_equal(top_sections(&f, 0, s, 10), 6);
    for (size_t i = 0; i < 6; i++) {
        assert_int_equal(s[i]->number, i + 1);
        assert_int_equal(line(&f, s[i]->start), review_lines[i]);
        assert_int_equal(end_line(&f, s[i]->start, s[i]->end), review_ends[i]);
        assert_int_equal(s[i]->ntopics, topics[i]);
        assert_false(s[i]->run_in);
    }
    assert_string_equal(text(&f, s[0]->title), "坚持党的全面领导,政治引领得到新提升");
    assert_string_equal(text(&f, s[5]->title), "把握“四个机关”定位,自身建设迈上新台阶");

    static const size_t plan_lines[] = {45, 46, 47, 49, 51};
    static const size_t plan_ends[] = {45, 46, 48, 50, 52};
    assert_int_equal(top_sections(&f, 1, s, 10), 5);
    for (size_t i = 0; i < 5; i++) {
        assert_int_equal(s[i]->number, i + 1);
        assert_int_equal(line(&f, s[i]->start), plan_lines[i]);
        assert_int_equal(end_line(&f, s[i]->start, s[i]->end), plan_ends[i]);
        assert_true(s[i]->run_in);
        assert_int_equal(s[i]->ntopics, 0);
    }
    assert_string_equal(text(&f, s[0]->title), "始终坚持党的全面领导,以更高的站位扛起政治责任");
    assert_string_equal(text(&f, s[4]->title), "着力提高服务大局能力,以更严的要求加强自身建设");
    close_fixture(&f);
}

static void test_sample_topics(void **state)
{
    (void)state;
    fixture f = open_file("data/quzhou-2023.txt");
    assert_int_equal(f.o->ntopics, 20);
    assert_string_equal(text(&f, f.o->topics[0].title), "强化党的创新理论武装");
    assert_int_equal(line(&f, f.o->topics[0].start), 9);
    assert_string_equal(text(&f, f.o->topics[16].title), "全面落实党组责任");
    assert_int_equal(line(&f, f.o->topics[16].start), 35);
    assert_string_equal(text(&f, f.o->topics[19].title), "推动人大工作创新");
    assert_int_equal(line(&f, f.o->topics[19].start), 38);
    /* 各位代表!… (line 39) addresses the congress: not a topic */
    for (size_t i = 0; i < f.o->ntopics; i++)
        assert_int_not_equal(line(&f, f.o->topics[i].start), 39);
    close_fixture(&f);
}

static void test_numbered_parts_and_subsections(void **state)
{
    (void)state;
    fixture f = open_file("tests/fixtures/numbered-parts.txt");
    assert_int_equal(f.o->nparts, 2);
    assert_int_equal(f.o->parts[0].kind, QZ_PART_REVIEW);
    assert_string_equal(text(&f, f.o->parts[0].marker), "一、");
    assert_string_equal(text(&f, f.o->parts[0].title), "过去一年的主要工作");
    assert_int_equal(f.o->parts[1].kind, QZ_PART_PLAN);
    assert_string_equal(text(&f, f.o->parts[1].title), "2023年主要任务");
    assert_int_equal(f.o->year_reviewed, 2022);
    assert_int_equal(f.o->year_planned, 2023);

    /* review: (一) with 1. and 2. under it, then (二), (三) */
    assert_int_equal(f.o->parts[0].nsections, 5);
    const qz_section *s = &f.o->sections[0];
    assert_int_equal(s[0].level, 2);
    assert_int_equal(s[0].depth, 0);
    assert_int_equal(s[0].ndesc, 2);
    assert_string_equal(text(&f, s[0].marker), "(一)");
    assert_int_equal(s[1].level, 3);
    assert_int_equal(s[1].depth, 1);
    assert_int_equal(s[1].parent, 0);
    assert_int_equal(s[1].number, 1);
    assert_string_equal(text(&f, s[1].title), "加强理论武装");
    assert_int_equal(s[2].number, 2);
    assert_int_equal(s[2].parent, 0);
    assert_int_equal(s[3].number, 2);
    assert_int_equal(s[3].parent, -1);
    assert_int_equal(s[4].number, 3);
    assert_int_equal(line(&f, s[4].start), 15);
    assert_int_equal(s[0].ntopics, 1);
    assert_string_equal(text(&f, f.o->topics[0].title), "深入学习贯彻党的二十大精神");
    assert_int_equal(end_line(&f, s[0].start, s[0].end), 12);

    /* plan: run-in (一) (二) */
    const qz_section *p = &f.o->sections[f.o->parts[1].first_section];
    assert_int_equal(f.o->parts[1].nsections, 2);
    assert_true(p[0].run_in);
    assert_string_equal(text(&f, p[0].title), "坚持党的全面领导");
    assert_int_equal(line(&f, f.o->closing.start), 20);
    close_fixture(&f);
}

static void test_fullwidth_report(void **state)
{
    (void)state;
    fixture f = open_file("tests/fixtures/fullwidth.txt");
    assert_int_equal(f.o->header.year, 2024);
    assert_int_equal(f.o->header.month, 1);
    assert_int_equal(f.o->header.day, 23);
    assert_string_equal(text(&f, f.o->header.speaker), "王浩");
    assert_string_equal(text(&f, f.o->header.title), "浙江省人民代表大会常务委员会工作报告");
    assert_string_equal(text(&f, f.o->header.salutation), "各位代表：");
    assert_int_equal(f.o->year_reviewed, 2023);
    assert_int_equal(f.o->year_planned, 2024);
    assert_int_equal(f.o->nparts, 2);
    assert_string_equal(text(&f, f.o->parts[1].title), "2024年的工作安排");
    assert_int_equal(f.o->parts[1].kind, QZ_PART_PLAN);
    assert_int_equal(f.o->ntopics, 6);
    assert_string_equal(text(&f, f.o->sections[0].title), "坚持党的全面领导，确保人大工作正确政治方向");
    close_fixture(&f);
}

static void test_five_years(void **state)
{
    (void)state;
    fixture f = open_file("tests/fixtures/five-years.txt");
    assert_int_equal(f.o->nparts, 2);
    assert_int_equal(f.o->parts[0].kind, QZ_PART_REVIEW);
    assert_string_equal(text(&f, f.o->parts[0].title), "过去五年工作回顾");
    assert_int_equal(f.o->parts[1].kind, QZ_PART_PLAN);
    assert_string_equal(text(&f, f.o->parts[1].title), "今后五年的工作建议");
    assert_int_equal(f.doc->nrepairs, 2);
    assert_int_equal(f.o->ntopics, 3);
    assert_string_equal(text(&f, f.o->topics[1].title), "坚决贯彻市委决策部署");
    /* no year in the titles or the opening: from the date, delivered 2022 */
    assert_int_equal(f.o->year_reviewed, 2021);
    assert_int_equal(f.o->year_planned, 2022);
    close_fixture(&f);
}

static void test_dated_titles(void **state)
{
    (void)state;
    /* 2022年的主要工作 is the review, 2023年的主要工作 after it is the plan */
    fixture f = open_text("各位代表：\n2022年的主要工作\n一、立法\n加强立法。制定法规3部。\n"
                          "2023年的主要工作\n一、监督\n");
    assert_int_equal(f.o->nparts, 2);
    assert_int_equal(f.o->parts[0].kind, QZ_PART_REVIEW);
    assert_int_equal(f.o->parts[1].kind, QZ_PART_PLAN);
    assert_int_equal(f.o->year_reviewed, 2022);
    assert_int_equal(f.o->year_planned, 2023);
    close_fixture(&f);
}

/* Part titles with the year in Chinese numerals: the plan's sections are the plan's, and the
 * years come from the titles. */
static void test_chinese_year_parts(void **state)
{
    (void)state;
    fixture f = open_file("tests/fixtures/parts-chinese-years.txt");
    assert_int_equal(f.o->nparts, 2);
    assert_int_equal(f.o->parts[0].kind, QZ_PART_REVIEW);
    assert_string_equal(text(&f, f.o->parts[0].title), "二〇二三年工作回顾");
    assert_int_equal(line(&f, f.o->parts[0].start), 6);
    assert_int_equal(f.o->parts[0].nsections, 3);
    assert_int_equal(f.o->parts[1].kind, QZ_PART_PLAN);
    assert_string_equal(text(&f, f.o->parts[1].title), "二〇二四年工作安排");
    assert_int_equal(line(&f, f.o->parts[1].start), 14);
    const qz_section *top[8];
    assert_int_equal(top_sections(&f, 1, top, 8), 3);
    assert_string_equal(text(&f, top[0]->title), "坚持党的全面领导");
    assert_int_equal(top[0]->number, 1);
    assert_int_equal(top[2]->number, 3);
    assert_int_equal(line(&f, top[2]->start), 20);
    assert_int_equal(f.o->year_reviewed, 2023);
    assert_int_equal(f.o->year_planned, 2024);
    assert_int_equal(f.doc->nrepairs, 0); /* no title was joined to the line after it */
    close_fixture(&f);
}

static void expect_parts(const char *report, qz_part_kind k0, qz_part_kind k1, int reviewed,
                         int planned)
{
    fixture f = open_text(report);
    assert_int_equal(f.o->nparts, 2);
    assert_int_equal(f.o->parts[0].kind, k0);
    assert_int_equal(f.o->parts[1].kind, k1);
    assert_int_equal(f.o->year_reviewed, reviewed);
    assert_int_equal(f.o->year_planned, planned);
    assert_int_equal(f.doc->nrepairs, 0);
    close_fixture(&f);
}

static void test_chinese_year_titles(void **state)
{
    (void)state;
    /* no header date: the years can only come from the titles */
    expect_parts("各位代表：\n二〇二一年工作回顾\n一、立法\n制定法规3部。\n"
                 "二〇二二年工作安排\n一、监督\n",
                 QZ_PART_REVIEW, QZ_PART_PLAN, 2021, 2022);
    /* dated titles with 零: the first is the review, the one after it the plan */
    expect_parts("各位代表：\n二零二一年的主要工作\n一、立法\n制定法规3部。\n"
                 "二零二二年的主要工作\n一、监督\n",
                 QZ_PART_REVIEW, QZ_PART_PLAN, 2021, 2022);
    /* a dated title in the year of the header date is the plan */
    expect_parts("二〇二二年一月十日\n各位代表：\n过去一年的主要工作\n一、立法\n制定法规3部。\n"
                 "二〇二二年的主要工作\n一、监督\n",
                 QZ_PART_REVIEW, QZ_PART_PLAN, 2021, 2022);
    /* 新一年 and 今后五年: the plan, its year from the review's */
    expect_parts("各位代表：\n二〇一九年工作回顾\n一、立法\n新一年的工作安排\n一、监督\n",
                 QZ_PART_REVIEW, QZ_PART_PLAN, 2019, 2020);
    expect_parts("各位代表：\n过去五年工作回顾\n一、立法\n今后五年的工作建议\n一、监督\n",
                 QZ_PART_REVIEW, QZ_PART_PLAN, 0, 0);
    /* numbered part titles; 工作回顾 looks back even in the year the report is dated */
    expect_parts("2023年12月26日\n各位代表：\n一、二〇二三年工作回顾\n（一）立法\n"
                 "二、二〇二四年工作打算\n（一）监督\n",
                 QZ_PART_REVIEW, QZ_PART_PLAN, 2023, 2024);
}

static void test_no_structure(void **state)
{
    (void)state;
    fixture f = open_file("tests/fixtures/no-headings.txt");
    assert_int_equal(f.o->nparts, 0);
    assert_int_equal(f.o->nsections, 0);
    assert_int_equal(f.o->year_reviewed, 0);
    assert_int_equal(f.o->header.year, 0);
    assert_int_equal(f.o->closing.len, 0);
    close_fixture(&f);
    f = open_file("tests/fixtures/empty.txt");
    assert_int_equal(f.o->nparts, 0);
    assert_int_equal(f.o->preamble.len, 0);
    close_fixture(&f);
}

static void test_sections_without_part(void **state)
{
    (void)state;
    fixture f = open_text("一、第一部分\n内容。\n二、第二部分\n内容。\n四、跳过了三\n");
    assert_int_equal(f.o->nparts, 1);
    assert_int_equal(f.o->parts[0].kind, QZ_PART_BODY);
    assert_int_equal(f.o->nsections, 3);
    assert_int_equal(f.o->sections[2].number, 4);
    close_fixture(&f);
}

static void test_user_rules(void **state)
{
    (void)state;
    qz_rules *r = NULL;
    qz_error err = {0};
    assert_int_equal(qz_rules_new(&r, &err), QZ_OK);
    qz_context *cx = NULL;
    assert_int_equal(qz_context_new(&cx, r, &err), QZ_OK);
    /* a report kind whose review is titled 工作回顾与体会: unknown until a rule adds it */
    const char *text = "工作回顾与体会\n一、立法\n";
    qz_doc *doc = NULL;
    qz_outline *o = NULL;
    assert_int_equal(qz_doc_load_bytes(&doc, "t", text, strlen(text), QZ_ENC_AUTO, cx, &err),
                     QZ_OK);
    assert_int_equal(qz_outline_new(&o, doc, cx, &err), QZ_OK);
    assert_int_equal(o->parts[0].kind, QZ_PART_BODY);
    qz_outline_free(o);
    const char *yaml = "parts:\n  review:\n    - '工作回顾与体会$'\n";
    assert_int_equal(qz_rules_add_yaml(r, "mine.yaml", yaml, strlen(yaml), &err), QZ_OK);
    qz_context_free(cx); /* a context is made once its rules are complete */
    assert_int_equal(qz_context_new(&cx, r, &err), QZ_OK);
    assert_int_equal(qz_outline_new(&o, doc, cx, &err), QZ_OK);
    assert_int_equal(o->parts[0].kind, QZ_PART_REVIEW);
    qz_outline_free(o);
    qz_doc_free(doc);
    qz_context_free(cx);
    qz_rules_free(r);
}

static void expect_rules_error(const char *yaml, size_t line, size_t col, const char *message)
{
    qz_rules *r = NULL;
    qz_error err = {0};
    assert_int_equal(qz_rules_new(&r, &err), QZ_OK);
    assert_int_equal(qz_rules_add_yaml(r, "bad.yaml", yaml, strlen(yaml), &err), QZ_ERR_DATA);
    assert_string_equal(err.path, "bad.yaml");
    assert_int_equal(err.line, line);
    assert_int_equal(err.column, col);
    assert_string_equal(err.message, message);
    qz_rules_free(r);
}

static void test_broken_rules(void **state)
{
    (void)state;
    expect_rules_error("parts:\n  review:\n    - '(unclosed'\n", 3, 7,
                       "bad pattern: missing closing parenthesis (at character 9)");
    expect_rules_error("parts:\n  reveiw: []\n", 2, 3,
                       "unknown key 'reveiw' (review, plan, dated); did you mean 'review'?");
    expect_rules_error("headings:\n  - level: 12\n    pattern: 'x(?<num>1)'\n", 2, 12,
                       "level must be a whole number from 1 to 9");
    expect_rules_error("headings:\n  - level: 2\n    pattern: '第(一)'\n", 2, 5,
                       "a heading pattern needs a group (?<num>…)");
    expect_rules_error("parts: [unclosed\n", 2, 1,
                       "did not find expected ',' or ']' while parsing a flow sequence");
    expect_rules_error("- a list\n", 1, 1,
                       "expected a mapping (headings, parts, header, address, opening_year, "
                       "sentence_end, topic, table_row, page_furniture, units, ignore, "
                       "not_units, negative, view_drop, traditional, plan_words, metrics, "
                       "rates, before_tail, checks, sums)");
    /* a check's keys are listed too */
    expect_rules_error("checks:\n  - id: x\n    sevrity: off\n", 3, 5,
                       "unknown key 'sevrity' (id, severity, standard, title, message, find, "
                       "finds, fix, replace, fixable); did you mean 'severity'?");
}

/* Built-in patterns are compiled in one pass after the built-in files are read (their
 * sources are kept until then): every one of them must compile, or qz_rules_new fails. */
static void test_builtin_patterns_compile(void **state)
{
    (void)state;
    qz_rules *r = NULL;
    qz_error err = {0};
    if (qz_rules_new(&r, &err) != QZ_OK)
        fail_msg("%s", err.message);
    qz_rules_free(r);
}

static void test_rules_file_errors(void **state)
{
    (void)state;
    qz_rules *r = NULL;
    qz_error err = {0};
    assert_int_equal(qz_rules_new(&r, &err), QZ_OK);
    assert_int_equal(qz_rules_add_file(r, "tests/fixtures/none.yaml", &err), QZ_ERR_IO);
    char buf[256];
    qz_error_format(&err, buf, sizeof buf);
    assert_string_equal(buf, "tests/fixtures/none.yaml: No such file or directory");
    qz_rules_free(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sample_header_and_years),
        cmocka_unit_test(test_sample_parts_and_sections),
        cmocka_unit_test(test_sample_topics),
        cmocka_unit_test(test_numbered_parts_and_subsections),
        cmocka_unit_test(test_fullwidth_report),
        cmocka_unit_test(test_five_years),
        cmocka_unit_test(test_dated_titles),
        cmocka_unit_test(test_chinese_year_parts),
        cmocka_unit_test(test_chinese_year_titles),
        cmocka_unit_test(test_no_structure),
        cmocka_unit_test(test_sections_without_part),
        cmocka_unit_test(test_user_rules),
        cmocka_unit_test(test_broken_rules),
        cmocka_unit_test(test_rules_file_errors),
        cmocka_unit_test(test_builtin_patterns_compile),
    };
    return cmocka_run_group_tests_name("section", tests, NULL, NULL);
}
