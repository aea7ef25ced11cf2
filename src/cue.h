/* cue.h — cue words: the literal words a pattern cannot match without (cue.c), and the index
 * of them that tells the extractor which phrasings may apply near a number. Ownership: the
 * words and the index belong to the qz_rules they were built for. */
#ifndef QZ_CUE_H
#define QZ_CUE_H

#include <stdbool.h>
#include <stddef.h>

/* A set of words (malloc'd, each NUL-terminated) such that every match of pattern[0..len)
 * contains one of them; *nwords is 0 when none is known for certain (then the pattern must
 * be asked everywhere). Returns false only when out of memory. */
bool qz_cue_words(const char *pattern, size_t len, char ***words, size_t *nwords);

#endif
