/* env.c — the figures as shell assignments (QZ_MEETINGS_STANDING_COMMITTEE=10), one per key's
 * first mention, safe to eval or source: names are upper-cased with every other character an
 * underscore, and a value is written bare when it holds only digits, '.' and '-' (every value
 * does, a range's 10..20 too), single-quoted otherwise. A figure that is not
 * exact is followed by its qualifier (QZ_LAWS_REVIEWED_NORMATIVE_DOCUMENTS_QUALIFIER=more for
 * 30余件); an exact one has no such line. */
#include <errno.h>
#include <stdio.h>

#include "metrics_render.h"

/* A key's characters in ASCII, whatever the locale: the command sets LC_CTYPE from the
 * environment (for its messages), where toupper and isalnum may take other bytes for letters
 * (é in Latin-1) or leave i as it is (Turkish). */
static char name_char(char c)
{
    if (c >= 'a' && c <= 'z')
        return (char)(c - 'a' + 'A');
    return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ? c : '_';
}

static bool put_name(FILE *f, const char *key)
{
    bool ok = qz_write(f, "QZ_", 3);
    for (const char *k = key; ok && *k; k++)
        ok = putc(name_char(*k), f) != EOF;
    return ok;
}

static bool plain_number(const char *s)
{
    for (; *s; s++)
        if (!(*s >= '0' && *s <= '9') && *s != '.' && *s != '-')
            return false;
    return true;
}

static qz_status nothing(qz_metrics_writer *w, qz_error *err)
{
    (void)w, (void)err;
    return QZ_OK;
}

/* A key's first mention only, whatever the view asks (a later one would assign it again). */
static qz_status quantity(qz_metrics_writer *w, const qz_quantity *q, qz_error *err)
{
    if (!q->first)
        return QZ_OK;
    FILE *out = w->out;
    char value[100];
    qz_quantity_value(q, value, sizeof value);
    bool ok = put_name(out, q->key) && qz_write_str(out, plain_number(value) ? "=" : "='") &&
              qz_write_str(out, value) && /* digits, '.', '-': never a quote inside */
              qz_write_str(out, plain_number(value) ? "\n" : "'\n");
    if (ok && q->qualifier != QZ_QUAL_EXACT)
        ok = put_name(out, q->key) && qz_write_str(out, "_QUALIFIER=") &&
             qz_write_str(out, qz_qualifier_name(q->qualifier)) && /* lower-case letters only */
             qz_write(out, "\n", 1);
    return ok ? QZ_OK : qz_write_fail(err, errno);
}

const qz_metrics_format_ops qz_metrics_env_format = {nothing, quantity, nothing, NULL, NULL};
