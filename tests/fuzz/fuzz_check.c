/* fuzz_check.c — libFuzzer target: text → diagnostics and fixes. Invariants: diagnostics lie
 * inside the text and are sorted; every check format renders; fixing is idempotent: fixing
 * the text `qzreport fix` writes changes nothing. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "qzreport.h"

static qz_rules *rules;
static qz_context *ctx;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    qz_error err;
    if (qz_rules_new(&rules, &err) != QZ_OK || qz_context_new(&ctx, rules, &err) != QZ_OK)
        abort();
    return 0;
}

/* The fixed text of bytes, or NULL when they do not load. */
static char *fix(const char *bytes, size_t size, size_t *len, bool render)
{
    qz_doc *doc = NULL;
    qz_outline *o = NULL;
    qz_metrics *m = NULL;
    qz_check *c = NULL;
    qz_error err;
    char *out = NULL;
    if (qz_doc_load_bytes(&doc, "fuzz", bytes, size, QZ_ENC_AUTO, ctx, &err))
        return NULL;
    if (qz_outline_new(&o, doc, ctx, &err) || qz_metrics_new(&m, doc, o, ctx, &err) ||
        qz_check_new(&c, doc, o, m, ctx, NULL, &err))
        abort();
    for (size_t i = 0; i < c->n; i++)
        if (c->items[i].end > doc->len || c->items[i].start > c->items[i].end ||
            (i && c->items[i].start < c->items[i - 1].start))
            abort();
    if (render) {
        qz_check_render_options ro = {.max_per_rule = 10, .rules = rules};
        static const qz_check_format fmt[] = {QZ_CHECK_TEXT, QZ_CHECK_GCC, QZ_CHECK_GITHUB,
                                              QZ_CHECK_JSON, QZ_CHECK_SARIF};
        for (size_t i = 0; i < 5; i++) {
            char *r = NULL;
            size_t rl = 0;
            FILE *f = open_memstream(&r, &rl);
            qz_check_renderer *cr = NULL;
            if (!f || qz_check_renderer_new(&cr, fmt[i], &ro, f, &err) != QZ_OK ||
                qz_check_renderer_add(cr, doc, c, &err) != QZ_OK ||
                qz_check_renderer_finish(cr, &err) != QZ_OK)
                abort();
            qz_check_renderer_free(cr);
            fclose(f);
            free(r);
        }
    }
    if (qz_fix_apply(doc, c, rules, &out, len, &err) != QZ_OK)
        abort();
    qz_check_free(c);
    qz_metrics_free(m);
    qz_outline_free(o);
    qz_doc_free(doc);
    return out;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    size_t len0, len1, len2;
    char *single = fix((const char *)data, size, &len0, true);
    if (!single)
        return 0;
    free(single);
    /* what `qzreport fix` does: passes until stable; once more must change nothing. Both
     * read the text in the encoding detected at first: a few bytes of GB18030 can also be
     * valid UTF-8, and then they are another text (seen by this fuzzer). */
    char *once, *twice;
    qz_error err;
    qz_doc *probe;
    if (qz_doc_load_bytes(&probe, "fuzz", (const char *)data, size, QZ_ENC_AUTO, NULL, &err))
        abort();
    qz_encoding enc = probe->encoding;
    qz_doc_free(probe);
    if (qz_fix_bytes("fuzz", (const char *)data, size, enc, ctx, NULL, &once, &len1, &err) !=
        QZ_OK)
        abort();
    if (qz_fix_bytes("fuzz", once, len1, enc, ctx, NULL, &twice, &len2, &err) != QZ_OK ||
        len1 != len2 || memcmp(once, twice, len1) != 0)
        abort(); /* fix is not idempotent */
    free(once);
    free(twice);
    return 0;
}
