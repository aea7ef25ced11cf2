/* env.c — the figures as shell assignments (QZ_MEETINGS_STANDING_COMMITTEE=10), one per key's
 * first mention, safe to eval or source: names are upper-cased with every other character an
 * underscore, and a value that is not a plain number is single-quoted. A figure that is not
 * exact is followed by its qualifier (QZ_LAWS_REVIEWED_NORMATIVE_DOCUMENTS_QUALIFIER=more for
 * 30余件); an exact one has no such line. */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>

#include "internal.h"

static bool put_name(FILE *f, const char *key)
{
    bool ok = qz_write(f, "QZ_", 3);
    for (const char *k = key; ok && *k; k++)
        ok = putc(isalnum((unsigned char)*k) ? toupper((unsigned char)*k) : '_', f) != EOF;
    return ok;
}

static bool plain_number(const char *s)
{
    for (; *s; s++)
        if (!isdigit((unsigned char)*s) && *s != '.' && *s != '-')
            return false;
    return true;
}

qz_status qz_metrics_render_env(const qz_metrics_view *v, FILE *out, qz_error *err)
{
    for (size_t i = 0; i < v->metrics->n; i++) {
        const qz_quantity *q = &v->metrics->items[i];
        if (!q->first)
            continue;
        char value[100];
        qz_quantity_value(q, value, sizeof value);
        bool ok = put_name(out, q->key) && qz_write_str(out, plain_number(value) ? "=" : "='") &&
                  qz_write_str(out, value) && /* digits, '.', '-': never a quote inside */
                  qz_write_str(out, plain_number(value) ? "\n" : "'\n");
        if (ok && q->qualifier != QZ_QUAL_EXACT)
            ok = put_name(out, q->key) && qz_write_str(out, "_QUALIFIER=") &&
                 qz_write_str(out, qz_qualifier_name(q->qualifier)) && /* lower-case letters only */
                 qz_write(out, "\n", 1);
        if (!ok)
            return qz_write_fail(err, errno);
    }
    return QZ_OK;
}
