/* util.c — errors, growable arrays and buffers, UTF-8 helpers for the whole library. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

qz_status qz_fail(qz_error *err, qz_status status, const char *path, size_t line,
                  size_t column, const char *fmt, ...)
{
    if (!err)
        return status;
    err->status = status;
    snprintf(err->path, sizeof err->path, "%s", path ? path : "");
    err->line = line;
    err->column = column;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    va_end(ap);
    return status;
}

const char *qz_strerror(int e, char *buf, size_t size)
{
    /* the XSI strerror_r (_POSIX_C_SOURCE, no _GNU_SOURCE): 0 once buf holds the message */
    if (strerror_r(e, buf, size) != 0)
        snprintf(buf, size, "error %d", e);
    return buf;
}

void qz_error_format(const qz_error *err, char *buf, size_t size)
{
    if (err->path[0] && err->line && err->column)
        snprintf(buf, size, "%s:%zu:%zu: %s", err->path, err->line, err->column, err->message);
    else if (err->path[0] && err->line)
        snprintf(buf, size, "%s:%zu: %s", err->path, err->line, err->message);
    else if (err->path[0])
        snprintf(buf, size, "%s: %s", err->path, err->message);
    else
        snprintf(buf, size, "%s", err->message);
}

bool qz_grow(void **items, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap)
        return true;
    size_t ncap = *cap ? *cap : 8;
    while (ncap < need) {
        if (ncap > SIZE_MAX / 2 / elem)
            return false;
        ncap *= 2;
    }
    void *p = realloc(*items, ncap * elem);
    if (!p)
        return false;
    *items = p;
    *cap = ncap;
    return true;
}

void qz_buf_append(qz_buf *b, const char *s, size_t n)
{
    if (b->failed)
        return;
    if (!qz_grow((void **)&b->data, &b->cap, b->len + n + 1, 1)) {
        b->failed = true;
        return;
    }
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void qz_buf_puts(qz_buf *b, const char *s)
{
    qz_buf_append(b, s, strlen(s));
}

char *qz_buf_release(qz_buf *b, size_t *len)
{
    if (b->failed) {
        qz_buf_free(b);
        return NULL;
    }
    if (!b->data)
        qz_buf_append(b, "", 0);
    char *p = b->data;
    if (len)
        *len = b->len;
    b->data = NULL;
    b->len = b->cap = 0;
    return p;
}

void qz_buf_free(qz_buf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
    b->failed = false;
}

uint32_t qz_utf8_decode(const char *s, size_t len, size_t *n)
{
    const unsigned char *u = (const unsigned char *)s;
    if (len == 0) {
        *n = 0;
        return 0;
    }
    size_t want = u[0] < 0x80 ? 1 : (u[0] >> 5) == 6 ? 2 : (u[0] >> 4) == 14 ? 3
                : (u[0] >> 3) == 30 ? 4 : 0;
    if (want == 0 || want > len) {
        *n = 1;
        return 0xFFFD;
    }
    uint32_t cp = want == 1 ? u[0] : u[0] & (0x7F >> want);
    for (size_t i = 1; i < want; i++) {
        if ((u[i] & 0xC0) != 0x80) {
            *n = 1;
            return 0xFFFD;
        }
        cp = (cp << 6) | (u[i] & 0x3F);
    }
    *n = want;
    return cp;
}

size_t qz_utf8_count(const char *s, size_t len)
{
    size_t count = 0;
    for (size_t i = 0; i < len; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            count++;
    return count;
}

bool qz_is_han(uint32_t cp)
{
    return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
           (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x3FFFF);
}

char qz_halfwidth(uint32_t cp)
{
    return cp >= 0xFF01 && cp <= 0xFF5E ? (char)(cp - 0xFEE0) : 0;
}

bool qz_is_layout_space(uint32_t cp)
{
    return cp == ' ' || cp == '\t' || cp == 0x3000 || cp == 0xA0;
}

size_t qz_skip_space(const char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        size_t n;
        uint32_t cp = qz_utf8_decode(s + i, len - i, &n);
        if (!qz_is_layout_space(cp))
            break;
        i += n;
    }
    return i;
}

size_t qz_trim_space_end(const char *s, size_t len)
{
    /* Walk back over whole code points: find each one's lead byte first. */
    size_t end = len;
    while (end > 0) {
        size_t lead = end - 1;
        while (lead > 0 && ((unsigned char)s[lead] & 0xC0) == 0x80)
            lead--;
        size_t n;
        uint32_t cp = qz_utf8_decode(s + lead, end - lead, &n);
        if (!qz_is_layout_space(cp))
            break;
        end = lead;
    }
    return len - end;
}
