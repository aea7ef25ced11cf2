/* test_output.c — the output formats parse back with the libraries that read them (JSON with
 * jansson, YAML with libyaml) and carry the sample's figures exactly. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>
#include <yaml.h>

#include "qzreport.h"

static qz_rules *rules;
static qz_doc *doc;
static qz_outline *outline;
static qz_metrics *metrics;

static int setup(void **state)
{
    (void)state;
    qz_error err = {0};
    if (qz_rules_new(&rules, &err) ||
        qz_doc_load_file(&doc, "data/quzhou-2023.txt", QZ_ENC_AUTO, rules, &err) ||
        qz_outline_new(&outline, doc, rules, &err) ||
        qz_metrics_new(&metrics, doc, outline, rules, &err))
        return -1;
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    qz_metrics_free(metrics);
    qz_outline_free(outline);
    qz_doc_free(doc);
    qz_rules_free(rules);
    return 0;
}

static qz_metrics_view view(bool all)
{
    return (qz_metrics_view){.doc = doc, .outline = outline, .metrics = metrics, .all = all};
}

static void test_json(void **state)
{
    (void)state;
    qz_metrics_view v = view(false);
    char *out;
    size_t len;
    qz_error err = {0};
    assert_int_equal(qz_metrics_render_json(&v, &out, &len, &err), QZ_OK);
    assert_int_equal(out[len - 1], '\n');
    assert_null(memchr(out, '\n', len - 1)); /* one line: JSON Lines */
    json_error_t jerr;
    json_t *root = json_loads(out, 0, &jerr);
    assert_non_null(root);
    assert_string_equal(json_string_value(json_object_get(root, "file")), "data/quzhou-2023.txt");
    json_t *m = json_object_get(root, "metrics");
    assert_int_equal(json_array_size(m), 14);
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
    assert_int_equal(json_array_size(rates), 2);
    json_t *r = json_array_get(rates, 0);
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
    qz_error err = {0};
    assert_int_equal(qz_metrics_render_yaml(&v, &out, &len, &err), QZ_OK);
    assert_true(yaml_nodes(out, len) > 100);
    assert_non_null(strstr(out, "{key: audit.rectification_rate, value: 96.9, unit: '%'"));
    assert_non_null(strstr(out, "{key: null, value: 336, unit: 件"));
    free(out);
    qz_summary s = {.doc = doc, .outline = outline, .metrics = metrics};
    assert_int_equal(qz_summary_render_yaml(&s, &out, &len, &err), QZ_OK);
    assert_true(yaml_nodes(out, len) > 100);
    assert_non_null(strstr(out, "\nrates:\n- {key: audit.rectification_rate, stated: 96.9, "
                                "numerator: 93, denominator: 96, computed: 96.875, "
                                "consistent: true}\n"));
    free(out);
}

static void test_env_and_tsv(void **state)
{
    (void)state;
    qz_metrics_view v = view(false);
    char *out;
    size_t len;
    qz_error err = {0};
    assert_int_equal(qz_metrics_render_env(&v, &out, &len, &err), QZ_OK);
    assert_non_null(strstr(out, "QZ_AUDIT_RECTIFICATION_RATE=96.9\n"));
    assert_non_null(strstr(out, "QZ_APPOINTMENTS_PERSON_TIMES=99\n"));
    free(out);
    v.with_file = true;
    assert_int_equal(qz_metrics_render_tsv(&v, &out, &len, &err), QZ_OK);
    assert_non_null(strstr(out, "data/quzhou-2023.txt\tproposals.resolved_rate\t91.8\t%\t32\t占91.8%\n"));
    free(out);
}

static void test_markdown_and_html(void **state)
{
    (void)state;
    qz_summary s = {.doc = doc, .outline = outline, .metrics = metrics};
    char *md, *html;
    size_t len;
    qz_error err = {0};
    assert_int_equal(qz_summary_render_markdown(&s, &md, &len, &err), QZ_OK);
    assert_int_equal(qz_summary_render_html(&s, &html, &len, &err), QZ_OK);
    /* every section title is in both */
    for (size_t i = 0; i < outline->nsections; i++) {
        char title[256];
        const qz_span *t = &outline->sections[i].title;
        snprintf(title, sizeof title, "%.*s", (int)t->len, doc->text + t->start);
        assert_non_null(strstr(md, title));
        assert_non_null(strstr(html, title));
    }
    assert_non_null(strstr(md, "## Key figures\n"));
    assert_non_null(strstr(md, "`audit.rectification_rate` 96.9% — “整改率达到96.9%” (line 15)"));
    assert_non_null(strstr(html, "<meta charset=\"utf-8\">"));
    free(md);
    free(html);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_json),
        cmocka_unit_test(test_yaml),
        cmocka_unit_test(test_env_and_tsv),
        cmocka_unit_test(test_markdown_and_html),
    };
    return cmocka_run_group_tests_name("output", tests, setup, teardown);
}
