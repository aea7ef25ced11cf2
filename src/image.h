/* image.h — the rules image: a loaded qz_rules as bytes. tools/rules_image.c loads the built-in
 * data/…yaml at build time and writes the image into the binary (builtin.h); qz_rules_new reads
 * it back, so that no run parses the built-in YAML or compiles their patterns.
 * Ownership: the bytes qz_image_write returns belong to the caller (free); the rules
 * qz_image_read returns belong to the caller (qz_rules_free), and share nothing with the image,
 * which is only read. */
#ifndef QZ_IMAGE_H
#define QZ_IMAGE_H

#include "rules.h"

/* Layout, integers little-endian:
 *   [0, 8)    "QZIMAGE" and the format's version, '1'
 *   [8, 12)   how many compiled patterns the blob holds, in qz_rules_each_pattern order
 *   [12, 16)  zero
 *   [16, 24)  the blob's length in bytes
 *   [24, 32)  the stream's length in bytes
 *   [32, …)   the blob: every compiled pattern, from pcre2_serialize_encode
 *   then      the stream: every field of the rules, in the order of the walk in image.c
 * The blob is tied to the PCRE2 version that wrote it; the stream keeps every pattern's source,
 * so that rules can always be compiled again from it. */
#define QZ_IMAGE_HEADER 32

/* Writes the rules as an image (the rules are not changed: every pattern must be compiled, as
 * they are once loaded). */
qz_status qz_image_write(qz_rules *rules, unsigned char **out, size_t *len, qz_error *err);

/* Reads rules from an image. Its compiled patterns are used when this PCRE2 can read them
 * (decode true); otherwise, or with decode false, every pattern is compiled from its source,
 * with the same result, only slower. A damaged image is QZ_ERR_INTERNAL. */
qz_status qz_image_read(qz_rules **out, const unsigned char *image, size_t len, bool decode,
                        qz_error *err);

#endif
