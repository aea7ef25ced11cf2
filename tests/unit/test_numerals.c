/* test_numerals.c — every row of tests/numerals.tsv (a copy of the project's shared list of
 * numeric expressions and the reading expected of each) through the whole pipeline: the
 * quantities qzreport finds in the phrase must be exactly the expected ones, in order. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "qzreport.h"

static qz_rules *rules;
static qz_context *ctx;

/* The quantities of phrase as "VALUE UNIT QUALIFIER ; …", or "none". */
static void read_phrase(const char *phrase, char *out, size_t size)
{
    qz_doc *doc = NULL;
    qz_outline *o = NULL;
    qz_metrics *m = NULL;
    qz_error err = {0};
    if (qz_doc_load_bytes(&doc, "phrase", phrase, strlen(phrase), QZ_ENC_AUTO, ctx, &err) ||
        qz_outline_new(&o, doc, ctx, &err) || qz_metrics_new(&m, doc, o, ctx, &err))
        fail_msg("%s: %s", phrase, err.message);
    out[0] = '\0';
    for (size_t i = 0; i < m->n; i++) {
        if (i && m->items[i].start == m->items[i - 1].start)
            continue; /* the same figure under a second key (rules.yaml `also`) */
        char value[100];
        qz_quantity_value(&m->items[i], value, sizeof value);
        size_t used = strlen(out);
        snprintf(out + used, size - used, "%s%s %s %s", i ? " ; " : "", value, m->items[i].unit,
                 qz_qualifier_name(m->items[i].qualifier));
    }
    if (m->n == 0)
        snprintf(out, size, "none");
    qz_metrics_free(m);
    qz_outline_free(o);
    qz_doc_free(doc);
}

static void test_every_row(void **state)
{
    (void)state;
    FILE *f = fopen("tests/numerals.tsv", "r");
    assert_non_null(f);
    char line[2048];
    int rows = 0, failures = 0;
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\n")] = '\0';
        if (line[0] == '#' || line[0] == '\0')
            continue;
        char *phrase = line, *expected = strchr(line, '\t');
        assert_non_null(expected);
        *expected++ = '\0';
        expected[strcspn(expected, "\t")] = '\0'; /* the note column is not compared */
        char got[1024];
        read_phrase(phrase, got, sizeof got);
        rows++;
        if (strcmp(got, expected) != 0) {
            print_error("%s\n    expected: %s\n    got:      %s\n", phrase, expected, got);
            failures++;
        }
    }
    fclose(f);
    print_message("numerals.tsv: %d rows, %d failed\n", rows, failures);
    assert_int_equal(rows, 96);
    assert_int_equal(failures, 0);
}

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

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(test_every_row)};
    return cmocka_run_group_tests_name("numerals", tests, setup, teardown);
}
