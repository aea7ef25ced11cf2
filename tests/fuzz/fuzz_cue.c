/* fuzz_cue.c — libFuzzer target for cue words (src/cue.c), checked against PCRE2 itself: the
 * input is a pattern, a NUL, and a subject. Whatever the pattern, the analysis must not crash
 * or leak; and when PCRE2 compiles it and finds a match in the subject, that match must hold
 * one of the pattern's cue words (a cue word missing from a match would make the extractor
 * skip a phrasing that matches: a figure lost). */
#define _GNU_SOURCE /* memmem */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "cue.h"

static const char fallback[] = "常委会全年召开会议10次，审议了法规草案5件，听取和审议专项工作报告12个。";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *in = (const char *)data;
    const char *nul = memchr(in, 0, size);
    size_t plen = nul ? (size_t)(nul - in) : size;
    const char *subject = nul ? nul + 1 : fallback;
    size_t slen = nul ? size - plen - 1 : sizeof fallback - 1;
    char **words;
    size_t n;
    if (!qz_cue_words(in, plen, &words, &n))
        abort(); /* only out of memory, which the fuzzer's limits do not reach */
    int code;
    PCRE2_SIZE at;
    pcre2_code *re = pcre2_compile((PCRE2_SPTR)in, plen, PCRE2_UTF, &code, &at, NULL);
    /* \K drops from the reported match what was matched before it (the words the extractor
     * still has in its window), so the property is not checked across it */
    bool keep_out = memmem(in, plen, "\\K", 2) != NULL;
    if (re && n > 0 && !keep_out) {
        pcre2_match_data *md = pcre2_match_data_create_from_pattern(re, NULL);
        pcre2_match_context *mc = pcre2_match_context_create(NULL);
        pcre2_set_match_limit(mc, 100000);
        pcre2_set_depth_limit(mc, 10000);
        int rc = pcre2_match(re, (PCRE2_SPTR)subject, slen, 0, 0, md, mc);
        if (rc >= 0) {
            PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
            /* \K can move the start past the end: then the match is empty */
            size_t s = ov[0] <= ov[1] ? ov[0] : ov[1], e = ov[1];
            bool found = false;
            for (size_t i = 0; i < n && !found; i++) {
                size_t wl = strlen(words[i]);
                for (size_t p = s; !found && p + wl <= e; p++)
                    found = memcmp(subject + p, words[i], wl) == 0;
            }
            if (!found)
                abort();
        }
        pcre2_match_data_free(md);
        pcre2_match_context_free(mc);
    }
    pcre2_code_free(re);
    for (size_t i = 0; i < n; i++)
        free(words[i]);
    free(words);
    return 0;
}
