/* fuzz_rules.c — libFuzzer target: YAML bytes → rules added on top of the built-in ones, or a
 * clean error with a position. Each input starts from fresh built-in rules. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "qzreport.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    qz_rules *rules;
    qz_error err;
    if (qz_rules_new(&rules, &err) != QZ_OK)
        abort();
    memset(&err, 0, sizeof err);
    qz_status st = qz_rules_add_yaml(rules, "fuzz.yaml", (const char *)data, size, &err);
    if (st != QZ_OK && st != QZ_ERR_DATA && st != QZ_ERR_NOMEM)
        abort();
    if (st == QZ_ERR_DATA && err.message[0] == '\0')
        abort(); /* an error must say why */
    qz_context *ctx = NULL;
    if (st == QZ_OK && qz_context_new(&ctx, rules, &err) == QZ_OK) {
        /* the extended rules must still work on a small report */
        static const char text[] = "各位代表：\n过去一年的主要工作\n一、立法\n召开常委会会议10次，审议法规草案5件。\n";
        qz_doc *doc;
        qz_outline *o;
        qz_metrics *m;
        qz_check *c;
        if (qz_doc_load_bytes(&doc, "t", text, sizeof text - 1, QZ_ENC_AUTO, ctx, &err) == QZ_OK) {
            if (qz_outline_new(&o, doc, ctx, &err) == QZ_OK) {
                if (qz_metrics_new(&m, doc, o, ctx, &err) == QZ_OK) {
                    if (qz_check_new(&c, doc, o, m, ctx, NULL, &err) == QZ_OK)
                        qz_check_free(c);
                    qz_metrics_free(m);
                }
                qz_outline_free(o);
            }
            qz_doc_free(doc);
        }
    }
    qz_context_free(ctx);
    qz_rules_free(rules);
    return 0;
}
