/* fuzz_fix.c — libFuzzer target: `fix` keeps the meaning of any text (tests/unit/fix_meaning.h
 * says what that is: the Han characters, digits and letters, width folded, and every other
 * character but the marks the rules name, in order; no new kind of mark but the renamings the
 * rules name; no line break added; a heading or part title still starts a line, and still ends
 * it when it stands alone). The input is read in the encoding detected, as `qzreport fix`
 * reads it; a first byte `G` forces GB18030. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../unit/fix_meaning.h"

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
    const char *bytes = (const char *)data;
    qz_encoding enc = QZ_ENC_AUTO;
    if (size && bytes[0] == 'G') {
        enc = QZ_ENC_GB18030;
        bytes++, size--;
    }
    qz_doc *probe;
    qz_error err;
    if (qz_doc_load_bytes(&probe, "fuzz", bytes, size, enc, NULL, &err) != QZ_OK)
        return 0;
    enc = probe->encoding;
    qz_doc_free(probe);
    char *fixed;
    size_t flen;
    if (qz_fix_bytes("fuzz", bytes, size, enc, ctx, NULL, &fixed, &flen, &err) != QZ_OK)
        abort(); /* a text that loads is fixed */
    const char *why = fix_meaning_check(ctx, bytes, size, fixed, flen, enc);
    if (why) {
        fprintf(stderr, "fix changed the meaning: %s\n", why);
        abort();
    }
    free(fixed);
    return 0;
}
