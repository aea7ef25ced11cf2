/* test_output.c — the output formats parse back with the libraries that read them (JSON with
 * jansson, YAML with libyaml) and carry the sample's figures exactly; the renderers write to a
 * stream as they go and report a failed write. */
#define _GNU_SOURCE /* fopencookie, to watch the writes */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

#include <jansson.h>
#include <yaml.h>

#include "qzreport.h"

static qz_rules *rules;
static qz_context *ctx;
static qz_doc *doc;
static qz_outline *outline;
static qz_metrics *metrics;

static int setup(void **state)
{
    (void)state;
    qz_error err = {0};
    if (qz_rules_new(&rules, &err) || qz_context_new(&ctx, rules, &err) ||
        qz_doc_load_file(&doc, "data/quzhou-2023.txt", QZ_ENC_AUTO, ctx, &err) ||
        qz_outline_new(&outline, doc, ctx, &err) ||
        qz_metrics_new(&metrics, doc, outline, ctx, &err))
        return -1;
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    qz_metrics_free(metrics);
    qz_outline_free(outline);
    qz_doc_free(doc);
    qz_context_free(ctx);
    qz_rules_free(rules);
    return 0;
}

static qz_metrics_view view(bool all)
{
    return (qz_metrics_view){.doc = doc, .outline = outline, .metrics = metrics, .all = all};
}

/* What a renderer writes, in memory (open_memstream): NUL-terminated, its length in *len. */
typedef qz_status (*metrics_fn)(const qz_metrics_view *, FILE *, qz_error *);
typedef qz_status (*summary_fn)(const qz_summary *, FILE *, qz_error *);

static char *in_memory(metrics_fn mf, const qz_metrics_view *v, summary_fn sf,
                       const qz_summary *s, size_t *len)
{
    char *out = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&out, &n);
    assert_non_null(f);
    qz_error err = {0};
    qz_status st = mf ? mf(v, f, &err) : sf(s, f, &err);
    assert_int_equal(fclose(f), 0);
    if (st != QZ_OK)
        fail_msg("renderer failed: %s", err.message);
    *len = n;
    return out;
}

static char *metrics_text(metrics_fn fn, const qz_metrics_view *v, size_t *len)
{
    return in_memory(fn, v, NULL, NULL, len);
}

static char *summary_text(summary_fn fn, const qz_summary *s, size_t *len)
{
    return in_memory(NULL, NULL, fn, s, len);
}

static void test_json(void **state)
{
    (void)state;
    qz_metrics_view v = view(false);
    char *out;
    size_t len;
    out = metrics_text(qz_metrics_render_json, &v, &len);
    assert_int_equal(out[len - 1], '\n');
    assert_null(memchr(out, '\n', len - 1)); /* one line: JSON Lines */
    json_error_t jerr;
    json_t *root = json_loads(out, 0, &jerr);
    assert_non_null(root);
    assert_string_equal(json_string_value(json_object_get(root, "file")), "data/quzhou-2023.txt");
    json_t *m = json_object_get(root, "metrics");
    assert_int_equal(json_array_size(m), 17);
    json_t *first = json_array_get(m, 0);
    assert_string_equal(json_string_value(json_object_get(first, "key")),
                        "meetings.standing_committee");
    assert_int_equal(json_integer_value(json_object_get(first, "value")), 10);
    assert_int_equal(json_integer_value(json_object_get(first, "line")), 6);
    assert_string_equal(json_string_value(json_object_get(first, "part")), "review");
    assert_true(json_is_null(json_object_get(first, "section")));
    /* 96.9 is written 96.9, not 96.900000000000006 */
    assert_non_null(strstr(out, "\"value\":96.9,"));
    json_t *rates = json_object_get(root, "rates");
    assert_int_equal(json_array_size(rates), 3);
    json_t *r = json_array_get(rates, 0);
    assert_string_equal(json_string_value(json_object_get(r, "denominator_key")),
                        "audit.problems_found");
    assert_true(json_is_true(json_object_get(r, "consistent")));
    assert_int_equal(json_integer_value(json_object_get(r, "numerator")), 93);
    assert_non_null(strstr(out, "\"computed\":96.875,"));
    json_decref(root);
    free(out);
}

/* Loads YAML text with libyaml; returns the number of nodes (0 if it does not parse). */
static int yaml_nodes(const char *text, size_t len)
{
    yaml_parser_t p;
    yaml_document_t d;
    yaml_parser_initialize(&p);
    yaml_parser_set_input_string(&p, (const unsigned char *)text, len);
    int n = 0;
    if (yaml_parser_load(&p, &d)) {
        while (yaml_document_get_node(&d, n + 1))
            n++;
        yaml_document_delete(&d);
    }
    yaml_parser_delete(&p);
    return n;
}

static void test_yaml(void **state)
{
    (void)state;
    qz_metrics_view v = view(true);
    char *out;
    size_t len;
    out = metrics_text(qz_metrics_render_yaml, &v, &len);
    assert_true(yaml_nodes(out, len) > 100);
    assert_non_null(strstr(out, "{key: audit.rectification_rate, value: 96.9, unit: '%'"));
    assert_non_null(strstr(out, "{key: quantity, value: 336, unit: 件"));
    free(out);
    qz_summary s = {.doc = doc, .outline = outline, .metrics = metrics};
    out = summary_text(qz_summary_render_yaml, &s, &len);
    assert_true(yaml_nodes(out, len) > 100);
    assert_non_null(strstr(out, "\nrates:\n- {key: audit.rectification_rate, stated: 96.9, "
                                "numerator: 93, denominator: 96, "
                                "denominator_key: audit.problems_found, computed: 96.875, "
                                "consistent: true}\n"));
    free(out);
}

static void test_env_and_tsv(void **state)
{
    (void)state;
    qz_metrics_view v = view(false);
    char *out;
    size_t len;
    out = metrics_text(qz_metrics_render_env, &v, &len);
    assert_non_null(strstr(out, "QZ_AUDIT_RECTIFICATION_RATE=96.9\n"));
    assert_non_null(strstr(out, "QZ_APPOINTMENTS_PERSON_TIMES=99\n"));
    free(out);
    v.with_file = true;
    out = metrics_text(qz_metrics_render_tsv, &v, &len);
    assert_non_null(
        strstr(out, "data/quzhou-2023.txt\tproposals.resolved_rate\t91.8\texact\t%\t32\t占91.8%\n"));
    free(out);
    /* every figure of the sample that `metrics` reports is exact: no _QUALIFIER line */
    v.with_file = false;
    out = metrics_text(qz_metrics_render_env, &v, &len);
    assert_null(strstr(out, "_QUALIFIER="));
    free(out);
}

/* Figures that are not exact, built by hand over a small text so that only the renderers are
 * tested: 30余件 (more), 10次 (exact), 十几个 (vague, 10..20); on line 2 a generic 约20次
 * (about) and a later mention of a key, 不足5次 (less), that only --all shows. */
static const char qual_text[] = "审查规范性文件30余件，召开常委会会议10次，听取审议专项报告十几个。\n"
                                "开展调研约20次，另召开常委会会议不足5次。\n";

static qz_quantity qual_quantity(const qz_doc *d, const char *key, bool first, int64_t lo,
                                 int64_t hi, qz_qualifier qual, const char *unit,
                                 const char *number, const char *quote)
{
    const char *n = strstr(d->text, number), *c = strstr(d->text, quote);
    assert_non_null(n);
    assert_non_null(c);
    return (qz_quantity){.key = key, .first = first, .lo = {lo, 0}, .hi = {hi, 0},
                         .qualifier = qual, .kind = QZ_NUM_PLAIN, .unit = unit,
                         .start = (size_t)(n - d->text), .end = (size_t)(n - d->text) + strlen(number),
                         .quote = {(size_t)(c - d->text), strlen(quote)}, .where = QZ_WHERE_REVIEW,
                         .section = -1};
}

static void test_env_and_tsv_qualifiers(void **state)
{
    (void)state;
    qz_error err = {0};
    qz_doc *d;
    qz_outline *o;
    assert_int_equal(qz_doc_load_bytes(&d, "qual.txt", qual_text, sizeof qual_text - 1,
                                       QZ_ENC_AUTO, ctx, &err), QZ_OK);
    assert_int_equal(qz_outline_new(&o, d, ctx, &err), QZ_OK);
    qz_quantity items[] = {
        qual_quantity(d, "laws.reviewed_normative_documents", true, 30, 30, QZ_QUAL_MORE, "件",
                      "30余件", "审查规范性文件30余件"),
        qual_quantity(d, "meetings.standing_committee", true, 10, 10, QZ_QUAL_EXACT, "次", "10次",
                      "召开常委会会议10次"),
        qual_quantity(d, "reports.heard", true, 10, 20, QZ_QUAL_VAGUE, "个", "十几个",
                      "听取审议专项报告十几个"),
        qual_quantity(d, NULL, false, 20, 20, QZ_QUAL_ABOUT, "次", "约20次", "开展调研约20次"),
        qual_quantity(d, "meetings.standing_committee", false, 5, 5, QZ_QUAL_LESS, "次",
                      "不足5次", "另召开常委会会议不足5次"),
    };
    qz_metrics m = {.items = items, .n = sizeof items / sizeof items[0]};
    qz_metrics_view v = {.doc = d, .outline = o, .metrics = &m};
    char *out;
    size_t len;

    /* tsv: QUALIFIER right after VALUE, for exact figures too */
    out = metrics_text(qz_metrics_render_tsv, &v, &len);
    assert_string_equal(out, "laws.reviewed_normative_documents\t30\tmore\t件\t1\t审查规范性文件30余件\n"
                             "meetings.standing_committee\t10\texact\t次\t1\t召开常委会会议10次\n"
                             "reports.heard\t10..20\tvague\t个\t1\t听取审议专项报告十几个\n");
    assert_int_equal(len, strlen(out));
    free(out);
    /* several files, every quantity: the file name first, then the same six columns */
    v.all = true;
    v.with_file = true;
    out = metrics_text(qz_metrics_render_tsv, &v, &len);
    assert_non_null(strstr(out, "qual.txt\tquantity\t20\tabout\t次\t2\t开展调研约20次\n"));
    assert_non_null(
        strstr(out, "qual.txt\tmeetings.standing_committee\t5\tless\t次\t2\t另召开常委会会议不足5次\n"));
    size_t lines = 0;
    for (const char *line = out; *line; line = strchr(line, '\n') + 1) {
        size_t tabs = 0;
        for (const char *c = line; *c != '\n'; c++)
            tabs += *c == '\t';
        assert_int_equal(tabs, 6); /* FILE KEY VALUE QUALIFIER UNIT LINE QUOTE */
        lines++;
    }
    assert_int_equal(lines, 5);
    free(out);

    /* env: a _QUALIFIER line after each first mention that is not exact, none for exact ones
     * nor for later mentions (--all does not apply) */
    out = metrics_text(qz_metrics_render_env, &v, &len);
    assert_string_equal(out, "QZ_LAWS_REVIEWED_NORMATIVE_DOCUMENTS=30\n"
                             "QZ_LAWS_REVIEWED_NORMATIVE_DOCUMENTS_QUALIFIER=more\n"
                             "QZ_MEETINGS_STANDING_COMMITTEE=10\n"
                             "QZ_REPORTS_HEARD=10..20\n"
                             "QZ_REPORTS_HEARD_QUALIFIER=vague\n");
    free(out);
    qz_outline_free(o);
    qz_doc_free(d);
}

static void test_markdown_and_html(void **state)
{
    (void)state;
    qz_summary s = {.doc = doc, .outline = outline, .metrics = metrics, .rules = rules};
    for (int lang = QZ_LANG_ZH; lang <= QZ_LANG_EN; lang++) {
        s.lang = (qz_lang)lang;
        char *md, *html;
        size_t len;
        md = summary_text(qz_summary_render_markdown, &s, &len);
        html = summary_text(qz_summary_render_html, &s, &len);
        /* every section title is in both, in either language */
        for (size_t i = 0; i < outline->nsections; i++) {
            char title[256];
            const qz_span *t = &outline->sections[i].title;
            snprintf(title, sizeof title, "%.*s", (int)t->len, doc->text + t->start);
            assert_non_null(strstr(md, title));
            assert_non_null(strstr(html, title));
        }
        assert_true(strncmp(html, "<!DOCTYPE html>\n", 16) == 0);
        assert_non_null(strstr(html, "<meta charset=\"utf-8\">"));
        assert_non_null(strstr(html, "<td class=\"num\">96.9</td>"));
        assert_non_null(strstr(html, "<td><code>audit.rectification_rate</code></td>"));
        if (s.lang == QZ_LANG_ZH) {
            assert_true(strncmp(md, "# 衢州市人大常委会工作报告摘要\n", 41) == 0);
            assert_non_null(strstr(md, "## 主要数据\n"));
            assert_non_null(strstr(md, "`audit.rectification_rate` 96.9% — “整改率达到96.9%”（第15行）"));
            assert_non_null(strstr(html, "<html lang=\"zh-CN\">"));
            assert_non_null(strstr(html, "<td>审计查出问题整改率</td>"));
        } else {
            assert_non_null(strstr(md, "## Key figures\n"));
            assert_non_null(strstr(md, "`audit.rectification_rate` 96.9% — “整改率达到96.9%” (line 15)"));
            assert_non_null(strstr(html, "<html lang=\"en\">"));
            assert_non_null(strstr(html, "<td>audit rectification rate</td>"));
        }
        free(md);
        free(html);
    }
}

/* A quote is never cut, however long (the Markdown and HTML renderers once formatted each
 * piece of text into a buffer of 4096 bytes): a figure of a section whose quote is a line of
 * 24 000 bytes is written with all of it, in both (HTML: in the outline). */
static void test_long_quote(void **state)
{
    (void)state;
    enum { UNITS = 2000 };
    static const char unit[] = "审议报告"; /* 12 bytes */
    static const char heading[] = "过去一年的主要工作\n一、依法履职\n";
    size_t n = sizeof heading - 1;
    char *text = malloc(n + UNITS * (sizeof unit - 1) + 64);
    assert_non_null(text);
    memcpy(text, heading, n);
    for (size_t i = 0; i < UNITS; i++, n += sizeof unit - 1)
        memcpy(text + n, unit, sizeof unit - 1);
    n += (size_t)sprintf(text + n, "召开会议10次。\n");
    qz_error err = {0};
    qz_doc *d;
    qz_outline *o;
    assert_int_equal(qz_doc_load_bytes(&d, "long.txt", text, n, QZ_ENC_AUTO, ctx, &err), QZ_OK);
    assert_int_equal(qz_outline_new(&o, d, ctx, &err), QZ_OK);
    assert_int_equal(o->nsections, 1);
    const char *num = strstr(d->text, "10次");
    assert_non_null(num);
    qz_quantity q = {.key = "meetings.standing_committee", .first = true, .lo = {10, 0},
                     .hi = {10, 0}, .qualifier = QZ_QUAL_EXACT, .kind = QZ_NUM_PLAIN,
                     .unit = "次", .start = (size_t)(num - d->text),
                     .end = (size_t)(num - d->text) + 5,
                     .quote = {sizeof heading - 1, n - 4 - (sizeof heading - 1)},
                     .where = QZ_WHERE_BODY, .section = 0};
    qz_metrics m = {.items = &q, .n = 1};
    qz_summary s = {.doc = d, .outline = o, .metrics = &m};
    size_t len;
    char *md = summary_text(qz_summary_render_markdown, &s, &len);
    char *html = summary_text(qz_summary_render_html, &s, &len);
    text[n - 4] = '\0'; /* the quote: the line without its 。 and line end */
    const char *quote = text + sizeof heading - 1;
    assert_true(strlen(quote) > 20000);
    assert_non_null(strstr(md, quote));
    assert_non_null(strstr(html, quote));
    free(md);
    free(html);
    free(text);
    qz_outline_free(o);
    qz_doc_free(d);
}

/* The streamed line is what one json_dumps of the whole document would give (the layout of
 * the tree this renderer used to build): dumped again from its parse, it is the same bytes. */
static void test_json_is_one_dump(void **state)
{
    (void)state;
    qz_metrics_view v = view(true);
    size_t len;
    char *out = metrics_text(qz_metrics_render_json, &v, &len);
    json_error_t jerr;
    json_t *root = json_loads(out, 0, &jerr);
    assert_non_null(root);
    assert_true(json_array_size(json_object_get(root, "metrics")) > 50);
    char *again = json_dumps(root, JSON_COMPACT | JSON_REAL_PRECISION(15));
    assert_non_null(again);
    assert_int_equal(strlen(again) + 1, len);
    assert_memory_equal(out, again, len - 1);
    free(again);
    json_decref(root);
    free(out);
}

/* A stream that refuses bytes (/dev/full, unbuffered so that each write reaches it) stops every
 * renderer with QZ_ERR_IO and the system's reason, not a crash nor an "out of memory". */
static void test_write_error(void **state)
{
    (void)state;
    FILE *f = fopen("/dev/full", "w");
    if (!f)
        skip();
    setvbuf(f, NULL, _IONBF, 0);
    qz_metrics_view v = view(true);
    qz_summary s = {.doc = doc, .outline = outline, .metrics = metrics};
    metrics_fn mf[] = {qz_metrics_render_tsv, qz_metrics_render_json, qz_metrics_render_yaml,
                       qz_metrics_render_env};
    summary_fn sf[] = {qz_summary_render_yaml, qz_summary_render_markdown,
                       qz_summary_render_html};
    for (size_t i = 0; i < 7; i++) {
        qz_error err = {0};
        qz_status st = i < 4 ? mf[i](&v, f, &err) : sf[i - 4](&s, f, &err);
        assert_int_equal(st, QZ_ERR_IO);
        assert_string_equal(err.message, strerror(ENOSPC));
        assert_string_equal(err.path, "");
        clearerr(f);
    }
    fclose(f);
}

/* What reaches the stream, write by write (unbuffered: each fwrite is one call here). */
typedef struct {
    size_t total, largest, writes;
} watch;

static ssize_t watch_write(void *cookie, const char *buf, size_t size)
{
    (void)buf;
    watch *w = cookie;
    w->total += size;
    w->writes++;
    if (size > w->largest)
        w->largest = size;
    return (ssize_t)size;
}

/* The renderers write as they go: a document of 20,000 figures (over 320 KiB in every format)
 * goes out in pieces no larger than libyaml's own output buffer, never as one whole-document
 * buffer. */
static void test_written_as_it_goes(void **state)
{
    (void)state;
    static const char clause[] = "召开会议10次，";
    size_t n = 20000, clen = sizeof clause - 1;
    char *text = malloc(n * clen + 2);
    assert_non_null(text);
    for (size_t i = 0; i < n; i++)
        memcpy(text + i * clen, clause, clen);
    memcpy(text + n * clen, "\n", 2);
    qz_error err = {0};
    qz_doc *d;
    qz_outline *o;
    qz_metrics *m;
    assert_int_equal(qz_doc_load_bytes(&d, "many.txt", text, n * clen + 1, QZ_ENC_AUTO, ctx,
                                       &err), QZ_OK);
    assert_int_equal(qz_outline_new(&o, d, ctx, &err), QZ_OK);
    assert_int_equal(qz_metrics_new(&m, d, o, ctx, &err), QZ_OK);
    assert_int_equal(m->n, n);
    qz_metrics_view v = {.doc = d, .outline = o, .metrics = m, .all = true};
    metrics_fn fn[] = {qz_metrics_render_tsv, qz_metrics_render_json, qz_metrics_render_yaml};
    for (size_t i = 0; i < 3; i++) {
        watch w = {0};
        FILE *f = fopencookie(&w, "w", (cookie_io_functions_t){.write = watch_write});
        assert_non_null(f);
        setvbuf(f, NULL, _IONBF, 0);
        assert_int_equal(fn[i](&v, f, &err), QZ_OK);
        fclose(f);
        assert_true(w.total > 20 * 16384);
        assert_true(w.largest <= 16384);
        assert_true(w.writes > 60);
    }
    qz_metrics_free(m);
    qz_outline_free(o);
    qz_doc_free(d);
    free(text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_json),
        cmocka_unit_test(test_yaml),
        cmocka_unit_test(test_env_and_tsv),
        cmocka_unit_test(test_env_and_tsv_qualifiers),
        cmocka_unit_test(test_markdown_and_html),
        cmocka_unit_test(test_long_quote),
        cmocka_unit_test(test_json_is_one_dump),
        cmocka_unit_test(test_write_error),
        cmocka_unit_test(test_written_as_it_goes),
    };
    return cmocka_run_group_tests_name("output", tests, setup, teardown);
}
