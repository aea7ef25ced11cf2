/* fuzz_extract.c — libFuzzer target: text → outline → metrics → every summary and metrics
 * format. Invariants: no crash, no leak; quantities lie inside the text, in order (a figure
 * named under two keys is two items with the same span), with lo <= hi; every renderer
 * succeeds. */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

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

/* Each renderer writes into memory (open_memstream), as a caller that needs the bytes does. */
static void render_all(const qz_doc *doc, const qz_outline *o, const qz_metrics *m)
{
    qz_error err;
    char *out = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&out, &len);
    if (!f)
        abort();
    qz_summary s = {.doc = doc, .outline = o, .metrics = m};
    qz_status (*summary[])(const qz_summary *, FILE *, qz_error *) = {
        qz_summary_render_yaml, qz_summary_render_markdown, qz_summary_render_html};
    for (size_t i = 0; i < 3; i++)
        if (summary[i](&s, f, &err) != QZ_OK)
            abort();
    qz_metrics_view v = {doc, o, m, true, true};
    qz_status (*metrics[])(const qz_metrics_view *, FILE *, qz_error *) = {
        qz_metrics_render_tsv, qz_metrics_render_json, qz_metrics_render_yaml,
        qz_metrics_render_env};
    for (size_t i = 0; i < 4; i++)
        if (metrics[i](&v, f, &err) != QZ_OK)
            abort();
    if (fclose(f) != 0)
        abort();
    free(out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    qz_doc *doc = NULL;
    qz_outline *o = NULL;
    qz_metrics *m = NULL;
    qz_error err;
    if (qz_doc_load_bytes(&doc, "fuzz", (const char *)data, size, QZ_ENC_AUTO, ctx, &err))
        return 0;
    if (qz_outline_new(&o, doc, ctx, &err) || qz_metrics_new(&m, doc, o, ctx, &err))
        abort(); /* only memory can fail after loading */
    for (size_t i = 0; i < m->n; i++) {
        const qz_quantity *q = &m->items[i];
        const qz_quantity *p = i ? &m->items[i - 1] : NULL;
        /* a figure named under two keys (rules.yaml `also`) is two items with one span */
        bool twin = p && p->start == q->start && p->end == q->end;
        if (q->end > doc->len || q->start >= q->end || (p && q->start < p->end && !twin) ||
            qz_decimal_cmp(q->lo, q->hi) > 0)
            abort();
    }
    render_all(doc, o, m);
    qz_metrics_free(m);
    qz_outline_free(o);
    qz_doc_free(doc);
    return 0;
}
