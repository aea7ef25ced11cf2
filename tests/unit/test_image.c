/* test_image.c — the built-in rules image (src/image.c): it is the built-in YAML's rules, byte
 * for byte; read back with its compiled patterns, or compiled again from its sources when PCRE2
 * cannot read them (another PCRE2 version), it gives the same results as the YAML on the sample
 * and the fixtures, in every output; a damaged image is an error, never a crash. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "builtin.h"
#include "image.h"

/* The header's 64-bit field at `at`: the blob's length at 16, the stream's at 24 (image.h). */
static size_t header_field(const unsigned char *img, size_t at)
{
    size_t v = 0;
    for (int i = 0; i < 8; i++)
        v |= (size_t)img[at + i] << (8 * i);
    return v;
}

static void set_header_field(unsigned char *img, size_t at, size_t v)
{
    for (int i = 0; i < 8; i++)
        img[at + i] = (unsigned char)(v >> (8 * i));
}

/* Where the stream starts: after the header and the blob. */
static size_t stream_at(const unsigned char *img)
{
    return QZ_IMAGE_HEADER + header_field(img, 16);
}

/* The image the rules give, which must be the built-in one. */
static void assert_image_is_builtin(qz_rules *r)
{
    unsigned char *img;
    size_t len;
    qz_error err = {0};
    assert_int_equal(qz_image_write(r, &img, &len, &err), QZ_OK);
    assert_int_equal(len, qz_builtin_image_len);
    assert_memory_equal(img, qz_builtin_image, len);
    free(img);
}

static bool compiled(void *arg, qz_pattern *p)
{
    (void)arg;
    return p->re != NULL;
}

static void test_image_is_the_yaml(void **state)
{
    (void)state;
    qz_rules *r;
    qz_error err = {0};
    assert_int_equal(qz_rules_new_yaml(&r, &err), QZ_OK);
    assert_image_is_builtin(r);
    qz_rules_free(r);
}

static void test_fallback_compiles_the_same(void **state)
{
    (void)state;
    qz_rules *r;
    qz_error err = {0};
    assert_int_equal(qz_image_read(&r, qz_builtin_image, qz_builtin_image_len, false, &err),
                     QZ_OK);
    assert_true(qz_rules_each_pattern(r, compiled, NULL));
    assert_image_is_builtin(r); /* the patterns compiled from source are the blob's */
    qz_rules_free(r);
}

/* What PCRE2 of another version sees: the blob's header names another version, and
 * pcre2_serialize_decode refuses it. The rules are compiled from the sources instead. */
static void test_other_pcre2_version(void **state)
{
    (void)state;
    unsigned char *copy = malloc(qz_builtin_image_len);
    assert_non_null(copy);
    memcpy(copy, qz_builtin_image, qz_builtin_image_len);
    unsigned char *blob = copy + QZ_IMAGE_HEADER;
    assert_true(pcre2_serialize_get_number_of_codes(blob) > 0);
    /* pcre2_serialized_data: magic, then version (major << 16 | minor), both uint32_t */
    uint32_t version;
    memcpy(&version, blob + 4, sizeof version);
    assert_int_equal(version, (uint32_t)(PCRE2_MINOR << 16 | PCRE2_MAJOR));
    version += 1;
    memcpy(blob + 4, &version, sizeof version);
    assert_true(pcre2_serialize_get_number_of_codes(blob) < 0);
    qz_rules *r;
    qz_error err = {0};
    assert_int_equal(qz_image_read(&r, copy, qz_builtin_image_len, true, &err), QZ_OK);
    assert_true(qz_rules_each_pattern(r, compiled, NULL));
    free(copy);
    assert_image_is_builtin(r);
    qz_rules_free(r);
}

/* ---- the same results, whichever way the rules were loaded ---- */

/* Every output of a report (the file at path, or text when it is not NULL), one after the
 * other. */
static char *outputs(qz_rules *rules, const char *path, const char *text)
{
    qz_context *ctx;
    qz_error err = {0};
    assert_int_equal(qz_context_new(&ctx, rules, &err), QZ_OK);
    qz_check_options opt = {.lang = QZ_LANG_EN};
    qz_report rep;
    qz_status st = qz_report_load(&rep, ctx, path, text, text ? strlen(text) : 0, QZ_ENC_AUTO,
                                  &opt, &err);
    if (st != QZ_OK)
        fail_msg("%s: %s", path, err.message);
    char *out;
    size_t len;
    FILE *f = open_memstream(&out, &len);
    assert_non_null(f);
    qz_summary s = {.doc = rep.doc, .outline = rep.outline, .metrics = rep.metrics};
    assert_int_equal(qz_summary_render_yaml(&s, f, &err), QZ_OK);
    qz_metrics_view v = {rep.doc, rep.outline, rep.metrics, true, false};
    assert_int_equal(qz_metrics_render_json(&v, f, &err), QZ_OK);
    qz_check_renderer *cr;
    qz_check_render_options ro = {.lang = QZ_LANG_ZH, .rules = rules};
    assert_int_equal(qz_check_renderer_new(&cr, QZ_CHECK_SARIF, &ro, f, &err), QZ_OK);
    assert_int_equal(qz_check_renderer_add(cr, rep.doc, rep.check, &err), QZ_OK);
    assert_int_equal(qz_check_renderer_finish(cr, &err), QZ_OK);
    qz_check_renderer_free(cr);
    assert_int_equal(fclose(f), 0);
    qz_buf all = {0};
    qz_buf_append(&all, out, len);
    free(out);
    assert_int_equal(qz_fix_apply(rep.doc, rep.check, rules, &out, &len, &err), QZ_OK);
    qz_buf_append(&all, out, len);
    free(out);
    for (size_t i = 0; i < qz_context_warning_count(ctx); i++)
        qz_buf_puts(&all, qz_context_warning(ctx, i));
    qz_report_clear(&rep);
    qz_context_free(ctx);
    char *result = qz_buf_release(&all, NULL);
    assert_non_null(result);
    return result;
}

static void test_same_results(void **state)
{
    (void)state;
    qz_rules *yaml, *image, *fallback;
    qz_error err = {0};
    assert_int_equal(qz_rules_new_yaml(&yaml, &err), QZ_OK);
    assert_int_equal(qz_rules_new(&image, &err), QZ_OK);
    assert_int_equal(
        qz_image_read(&fallback, qz_builtin_image, qz_builtin_image_len, false, &err), QZ_OK);
    glob_t g;
    assert_int_equal(glob("tests/fixtures/metrics/*.txt", 0, NULL, &g), 0);
    assert_true(g.gl_pathc > 10);
    const char *more[] = {"data/quzhou-2023.txt", "tests/fixtures/fullwidth.txt",
                          "tests/fixtures/pdf-page-numbers.txt", "tests/fixtures/qualifiers.txt"};
    for (size_t i = 0; i < g.gl_pathc + 4; i++) {
        const char *path = i < 4 ? more[i] : g.gl_pathv[i - 4];
        char *a = outputs(yaml, path, NULL), *b = outputs(image, path, NULL),
             *c = outputs(fallback, path, NULL);
        if (strcmp(a, b) != 0 || strcmp(a, c) != 0)
            fail_msg("%s: the outputs differ with rules from the YAML, the image%s", path,
                     strcmp(a, b) != 0 ? "" : " compiled again");
        free(a), free(b), free(c);
    }
    globfree(&g);
    qz_rules_free(yaml);
    qz_rules_free(image);
    qz_rules_free(fallback);
}

/* A user's rules file on top of the image adds to it as to rules read from YAML. */
static void test_user_rules_on_top(void **state)
{
    (void)state;
    static const char user[] =
        "units: [箱]\n"
        "metrics:\n"
        "  - key: meetings.standing_committee\n"
        "    units: [次]\n"
        "    phrasings:\n"
        "      - before: '开了常委会'\n"
        "  - key: mine.samples\n"
        "    units: [箱]\n"
        "    phrasings:\n"
        "      - before: '采样'\n"
        "checks:\n"
        "  - id: halfwidth-punct\n"
        "    severity: warning\n";
    static const char text[] = "过去一年的主要工作\n一、立法\n开了常委会10次,采样200箱。\n";
    qz_rules *a, *b;
    qz_error err = {0};
    assert_int_equal(qz_rules_new_yaml(&a, &err), QZ_OK);
    assert_int_equal(qz_rules_new(&b, &err), QZ_OK);
    assert_int_equal(qz_rules_add_yaml(a, "user.yaml", user, strlen(user), &err), QZ_OK);
    assert_int_equal(qz_rules_add_yaml(b, "user.yaml", user, strlen(user), &err), QZ_OK);
    assert_true(qz_rules_has_key(b, "mine.samples"));
    assert_int_equal(qz_rules_find_check_rule(b, "halfwidth-punct")->severity, QZ_SEV_WARNING);
    char *oa = outputs(a, "t.txt", text), *ob = outputs(b, "t.txt", text);
    assert_string_equal(oa, ob);
    assert_non_null(strstr(ob, "{\"key\":\"mine.samples\",\"value\":200,\"unit\":\"箱\""));
    assert_non_null(strstr(ob, "{\"key\":\"meetings.standing_committee\",\"value\":10,"));
    free(oa), free(ob);
    oa = outputs(a, "data/quzhou-2023.txt", NULL), ob = outputs(b, "data/quzhou-2023.txt", NULL);
    assert_string_equal(oa, ob);
    free(oa), free(ob);
    qz_rules_free(a);
    qz_rules_free(b);
}

/* Cut short anywhere, or altered, the image is refused (ASan and UBSan watch the reading). */
static void test_damaged_image(void **state)
{
    (void)state;
    qz_rules *r = (qz_rules *)1;
    qz_error err = {0};
    size_t len = qz_builtin_image_len, stream = stream_at(qz_builtin_image);
    for (size_t cut = 0; cut < stream; cut += cut < 64 ? 1 : 4999) {
        assert_int_equal(qz_image_read(&r, qz_builtin_image, cut, true, &err), QZ_ERR_INTERNAL);
        assert_null(r);
    }
    unsigned char *copy = malloc(len + 1);
    assert_non_null(copy);
    /* the stream cut short, its length in the header too: the walk runs out of bytes */
    for (size_t cut = stream; cut < len; cut += 211) {
        memcpy(copy, qz_builtin_image, cut);
        set_header_field(copy, 24, cut - stream);
        assert_int_equal(qz_image_read(&r, copy, cut, true, &err), QZ_ERR_INTERNAL);
        assert_null(r);
    }
    memcpy(copy, qz_builtin_image, len);
    copy[len] = 0; /* one byte too many */
    assert_int_equal(qz_image_read(&r, copy, len + 1, true, &err), QZ_ERR_INTERNAL);
    set_header_field(copy, 24, len + 1 - stream);
    assert_int_equal(qz_image_read(&r, copy, len + 1, true, &err), QZ_ERR_INTERNAL);
    copy[0] = 'X'; /* not an image */
    assert_int_equal(qz_image_read(&r, copy, len, true, &err), QZ_ERR_INTERNAL);
    assert_string_equal(err.message, "the built-in rules image is damaged");
    free(copy);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_image_is_the_yaml),
        cmocka_unit_test(test_fallback_compiles_the_same),
        cmocka_unit_test(test_other_pcre2_version),
        cmocka_unit_test(test_same_results),
        cmocka_unit_test(test_user_rules_on_top),
        cmocka_unit_test(test_damaged_image),
    };
    return cmocka_run_group_tests_name("image", tests, NULL, NULL);
}
