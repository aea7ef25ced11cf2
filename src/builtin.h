/* builtin.h — the data files (data/…yaml) compiled into the binary by tools/embed.sh, and the
 * rules image made of them at build time by tools/rules_image.c (image.h).
 * Ownership: the bytes are static and read-only. */
#ifndef QZ_BUILTIN_H
#define QZ_BUILTIN_H

#include <stddef.h>

typedef struct {
    const char *name;           /* "outline.yaml" */
    const unsigned char *bytes; /* NUL-terminated for convenience; len excludes the NUL */
    size_t len;
} qz_builtin_file;

extern const qz_builtin_file qz_builtin_files[];
extern const size_t qz_builtin_nfiles;

/* The built-in rules, loaded and compiled: what qz_rules_new reads (builtin.c). */
extern const unsigned char qz_builtin_image[];
extern const size_t qz_builtin_image_len;

#endif
