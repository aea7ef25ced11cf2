/* builtin.c — qz_rules_new: the built-in rules, read from the image that tools/rules_image.c
 * made of data/…yaml at build time (image.h). Apart from the rest of the library, which the
 * image's generator is linked with before the image exists. */
#include "builtin.h"
#include "image.h"

qz_status qz_rules_new(qz_rules **out, qz_error *err)
{
    return qz_image_read(out, qz_builtin_image, qz_builtin_image_len, true, err);
}
