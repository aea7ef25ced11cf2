/* fuzz_load.c — libFuzzer target: bytes → encoding, lines, repairs. Invariants: a document
 * loads or fails with a status (never crashes); line starts rise; every byte offset maps to a
 * line and column inside the document; every repair's offset is inside the text. */
#include <stdint.h>
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

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    qz_doc *doc = NULL;
    qz_error err;
    qz_encoding enc = size && data[0] == 'G' ? QZ_ENC_GB18030 : QZ_ENC_AUTO;
    if (qz_doc_load_bytes(&doc, "fuzz", (const char *)data, size, enc, ctx, &err) != QZ_OK)
        return 0;
    for (size_t i = 1; i < doc->nlines; i++)
        if (doc->line_start[i] < doc->line_start[i - 1])
            abort();
    for (size_t i = 0; i < doc->nrepairs; i++)
        if (doc->repairs[i].offset > doc->len)
            abort();
    for (size_t off = 0; off <= doc->len; off += 1 + doc->len / 64) {
        size_t line, col;
        qz_doc_position(doc, off, &line, &col);
        if (doc->nlines && (line < 1 || line > doc->nlines || col < 1))
            abort();
        if (qz_doc_source_offset(doc, off) > doc->src_len)
            abort();
    }
    qz_doc_free(doc);
    return 0;
}
