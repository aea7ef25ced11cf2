/* env.c — the figures as shell assignments (QZ_MEETINGS_STANDING_COMMITTEE=10), one per key's
 * first mention, safe to eval or source: names are upper-cased with every other character an
 * underscore, and a value that is not a plain number is single-quoted. A figure that is not
 * exact is followed by its qualifier (QZ_LAWS_REVIEWED_NORMATIVE_DOCUMENTS_QUALIFIER=more for
 * 30余件); an exact one has no such line. */
#include <ctype.h>
#include <stdio.h>

#include "internal.h"

static void put_name(qz_buf *b, const char *key)
{
    qz_buf_puts(b, "QZ_");
    for (const char *k = key; *k; k++) {
        char c = isalnum((unsigned char)*k) ? (char)toupper((unsigned char)*k) : '_';
        qz_buf_append(b, &c, 1);
    }
}

static bool plain_number(const char *s)
{
    for (; *s; s++)
        if (!isdigit((unsigned char)*s) && *s != '.' && *s != '-')
            return false;
    return true;
}

qz_status qz_metrics_render_env(const qz_metrics_view *v, char **out, size_t *len, qz_error *err)
{
    qz_buf b = {0};
    for (size_t i = 0; i < v->metrics->n; i++) {
        const qz_quantity *q = &v->metrics->items[i];
        if (!q->first)
            continue;
        char value[100];
        qz_quantity_value(q, value, sizeof value);
        put_name(&b, q->key);
        qz_buf_puts(&b, plain_number(value) ? "=" : "='");
        qz_buf_puts(&b, value); /* digits, '.', '-': never a quote inside */
        qz_buf_puts(&b, plain_number(value) ? "\n" : "'\n");
        if (q->qualifier != QZ_QUAL_EXACT) {
            put_name(&b, q->key);
            qz_buf_puts(&b, "_QUALIFIER=");
            qz_buf_puts(&b, qz_qualifier_name(q->qualifier)); /* lower-case letters only */
            qz_buf_puts(&b, "\n");
        }
    }
    *out = qz_buf_release(&b, len);
    return *out ? QZ_OK : qz_fail(err, QZ_ERR_NOMEM, NULL, 0, 0, "out of memory");
}
