/* jsonutil.c — what the JSON-writing renderers (json.c, check_json.c, check_sarif.c) share:
 * building jansson trees without a check at every call, file names as JSON strings, and the
 * final dump of a check report into a buffer (json.c dumps each record to its stream). */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "internal.h"

void qz_json_set(json_t *obj, const char *key, json_t *value, bool *ok)
{
    if (!value || json_object_set_new(obj, key, value) != 0)
        *ok = false;
}

void qz_json_append(json_t *arr, json_t *value, bool *ok)
{
    if (!value || json_array_append_new(arr, value) != 0)
        *ok = false;
}

json_t *qz_json_path(const char *path)
{
    json_t *s = json_string(path);
    if (s)
        return s;
    qz_buf b = {0};
    size_t len = strlen(path);
    for (size_t i = 0; i < len;) {
        size_t n;
        uint32_t cp = qz_utf8_decode(path + i, len - i, &n);
        bool bad = cp == 0xFFFD || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF ||
                   (n == 2 && cp < 0x80) || (n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000);
        if (bad)
            qz_buf_puts(&b, "\xEF\xBF\xBD");
        else
            qz_buf_append(&b, path + i, n);
        i += n;
    }
    char *clean = qz_buf_release(&b, NULL);
    s = clean ? json_string(clean) : NULL;
    free(clean);
    return s;
}

qz_status qz_json_render(json_t *root, bool ok, size_t flags, char **out, size_t *len,
                         qz_error *err)
{
    char *text = ok && root ? json_dumps(root, flags) : NULL;
    json_decref(root);
    if (!text)
        return qz_fail(err, QZ_ERR_NOMEM, NULL, 0, 0, "out of memory");
    qz_buf b = {0};
    qz_buf_puts(&b, text);
    qz_buf_puts(&b, "\n");
    free(text);
    *out = qz_buf_release(&b, len);
    return *out ? QZ_OK : qz_fail(err, QZ_ERR_NOMEM, NULL, 0, 0, "out of memory");
}
