/* util.c — errors, writing, growable arrays and buffers, whole files, lines, iconv and UTF-8
 * helpers for the whole library. */
#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

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
    vsnprintf(err->message, sizeof err->message, _(fmt), ap);
    va_end(ap);
    return status;
}

qz_status qz_write_fail(qz_error *err, int e)
{
    char why[200];
    return qz_fail(err, QZ_ERR_IO, NULL, 0, 0, QZ_VERBATIM,
                   qz_strerror(e ? e : EIO, why, sizeof why));
}

bool qz_write(FILE *f, const char *s, size_t n)
{
    return n == 0 || fwrite(s, 1, n, f) == n;
}

bool qz_write_str(FILE *f, const char *s)
{
    return qz_write(f, s, strlen(s));
}

/* The system's messages a run meets most, in libc's English words, for the "qzreport" catalog:
 * libc translates them itself where its own catalog is installed (libc-l10n on Debian), and
 * po/zh_CN.po gives them libc's zh_CN words, so that a message reads the same either way. */
static const struct {
    int e;
    const char *text;
} system_messages[] = {
    /* TRANSLATORS: this and the next 14 are libc's messages (strerror): give them libc's own
       translation (its LANG.po), so that a message reads the same with or without libc's
       catalog */
    {ENOENT, N_("No such file or directory")},
    {EACCES, N_("Permission denied")},
    {EPERM, N_("Operation not permitted")},
    {EISDIR, N_("Is a directory")},
    {ENOTDIR, N_("Not a directory")},
    {ENAMETOOLONG, N_("File name too long")},
    {ELOOP, N_("Too many levels of symbolic links")},
    {ENOSPC, N_("No space left on device")},
    {EDQUOT, N_("Disk quota exceeded")},
    {EFBIG, N_("File too large")},
    {EROFS, N_("Read-only file system")},
    {EIO, N_("Input/output error")},
    {ENOMEM, N_("Cannot allocate memory")},
    {EMFILE, N_("Too many open files")},
    {EINVAL, N_("Invalid argument")},
};

const char *qz_strerror(int e, char *buf, size_t size)
{
    /* the XSI strerror_r (_POSIX_C_SOURCE, no _GNU_SOURCE): 0 once buf holds the message */
    if (strerror_r(e, buf, size) != 0) {
        snprintf(buf, size, _("error %d"), e);
        return buf;
    }
    /* still libc's English words: libc has no catalog of its own for the language */
    for (size_t i = 0; i < sizeof system_messages / sizeof system_messages[0]; i++)
        if (system_messages[i].e == e && strcmp(buf, system_messages[i].text) == 0) {
            snprintf(buf, size, "%s", _(system_messages[i].text));
            break;
        }
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

char *qz_printf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *s = n < 0 ? NULL : malloc((size_t)n + 1);
    if (s) {
        va_start(ap, fmt);
        vsnprintf(s, (size_t)n + 1, fmt, ap);
        va_end(ap);
    }
    return s;
}

void qz_buf_vprintf(qz_buf *b, const char *fmt, va_list ap)
{
    if (b->failed)
        return;
    va_list again;
    va_copy(again, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    /* room for the n bytes and vsnprintf's NUL, which is the buffer's own */
    if (n < 0 || !qz_grow((void **)&b->data, &b->cap, b->len + (size_t)n + 1, 1))
        b->failed = true;
    else
        b->len += (size_t)vsnprintf(b->data + b->len, (size_t)n + 1, fmt, again);
    va_end(again);
}

void qz_buf_printf(qz_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    qz_buf_vprintf(b, fmt, ap);
    va_end(ap);
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

/* Reads f to its end; size is what fstat says a regular file holds (0 if unknown), so that its
 * bytes land in one allocation of their size rather than in a buffer doubled as it fills. */
static qz_status read_stream(FILE *f, const char *name, size_t size, char **out, size_t *len,
                             qz_error *err)
{
    qz_buf b = {0};
    if (size && size <= QZ_MAX_INPUT_BYTES) {
        if (!(b.data = malloc(size + 1)))
            return qz_fail(err, QZ_ERR_NOMEM, name, 0, 0, "out of memory");
        b.cap = size + 1;
    }
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
        if (b.len + n > QZ_MAX_INPUT_BYTES) {
            qz_buf_free(&b);
            return qz_fail(err, QZ_ERR_LIMIT, name, 0, 0,
                           "larger than the limit of %zu MiB", QZ_MAX_INPUT_BYTES >> 20);
        }
        qz_buf_append(&b, chunk, n);
    }
    if (ferror(f)) {
        int e = errno;
        qz_buf_free(&b);
        char why[200];
        return e ? qz_fail(err, QZ_ERR_IO, name, 0, 0, QZ_VERBATIM,
                           qz_strerror(e, why, sizeof why))
                 : qz_fail(err, QZ_ERR_IO, name, 0, 0, "read error");
    }
    *out = qz_buf_release(&b, len);
    if (!*out)
        return qz_fail(err, QZ_ERR_NOMEM, name, 0, 0, "out of memory");
    return QZ_OK;
}

qz_status qz_read_file(const char *path, bool dash_is_stdin, char **bytes, size_t *len,
                       qz_error *err)
{
    bool is_stdin = dash_is_stdin && strcmp(path, "-") == 0;
    const char *name = is_stdin ? "<stdin>" : path;
    FILE *f = is_stdin ? stdin : fopen(path, "rb");
    char why[200];
    if (!f)
        return qz_fail(err, QZ_ERR_IO, name, 0, 0, QZ_VERBATIM,
                       qz_strerror(errno, why, sizeof why));
    struct stat sb;
    bool known = fstat(fileno(f), &sb) == 0;
    if (known && S_ISDIR(sb.st_mode)) {
        if (!is_stdin)
            fclose(f);
        return qz_fail(err, QZ_ERR_IO, name, 0, 0, QZ_VERBATIM,
                       qz_strerror(EISDIR, why, sizeof why));
    }
    size_t size = known && S_ISREG(sb.st_mode) && sb.st_size > 0 ? (size_t)sb.st_size : 0;
    qz_status st = read_stream(f, name, size, bytes, len, err);
    if (!is_stdin)
        fclose(f);
    return st;
}

qz_status qz_file_read(const char *path, char **bytes, size_t *len, qz_error *err)
{
    return qz_read_file(path, true, bytes, len, err);
}

qz_status qz_split_lines(const char *t, size_t len, qz_span **out, size_t *n)
{
    size_t count = 0, cap = 0, start = 0;
    qz_span *lines = NULL;
    while (start < len) {
        const char *nl = memchr(t + start, '\n', len - start);
        size_t end = nl ? (size_t)(nl - t) : len;
        if (!QZ_GROW(lines, cap, count + 1)) {
            free(lines);
            return QZ_ERR_NOMEM;
        }
        lines[count++] = (qz_span){start, end - start};
        start = end + 1;
    }
    *out = lines;
    *n = count;
    return QZ_OK;
}

qz_status qz_iconv(const char *to, const char *from, const char *in, size_t len, char **out,
                   size_t *outlen, size_t *bad)
{
    *out = NULL;
    *outlen = 0;
    iconv_t cd = iconv_open(to, from);
    if (cd == (iconv_t)-1)
        return QZ_ERR_INTERNAL;
    /* room for GB18030 to UTF-8 (at most half as long again) and UTF-8 to GB18030 (shorter or
     * as long, but for a few symbols) at once; anything longer grows the buffer */
    size_t cap = len + len / 2 + 16;
    char *buf = malloc(cap);
    if (!buf) {
        iconv_close(cd);
        return QZ_ERR_NOMEM;
    }
    char *ip = (char *)in, *op = buf;
    size_t ileft = len, oleft = cap - 1; /* one byte kept for the NUL */
    qz_status st = QZ_OK;
    bool flushing = false; /* the input is converted: the shift to the initial state is left */
    for (;;) {
        size_t r = flushing ? iconv(cd, NULL, NULL, &op, &oleft)
                            : iconv(cd, &ip, &ileft, &op, &oleft);
        if (r != (size_t)-1) {
            if (flushing)
                break;
            flushing = true;
            continue;
        }
        if (errno != E2BIG) {
            st = QZ_ERR_ENCODING; /* EILSEQ, or EINVAL: a sequence cut short at the end */
            break;
        }
        size_t used = (size_t)(op - buf);
        char *nb = cap <= SIZE_MAX / 2 ? realloc(buf, cap * 2) : NULL;
        if (!nb) {
            st = QZ_ERR_NOMEM;
            break;
        }
        buf = nb;
        cap *= 2;
        op = buf + used;
        oleft = cap - 1 - used;
    }
    iconv_close(cd);
    if (st != QZ_OK) {
        if (bad && st == QZ_ERR_ENCODING)
            *bad = (size_t)(ip - in);
        free(buf);
        return st;
    }
    *op = '\0';
    *out = buf;
    *outlen = (size_t)(op - buf);
    return QZ_OK;
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

size_t qz_utf8_prev(const char *s, size_t pos)
{
    if (pos == 0)
        return 0;
    do
        pos--;
    while (pos > 0 && ((unsigned char)s[pos] & 0xC0) == 0x80);
    return pos;
}

size_t qz_utf8_count(const char *s, size_t len)
{
    /* every byte but the continuation bytes (10xxxxxx) starts a code point; eight bytes at a
     * time: a continuation byte has its top bit set and the next one clear */
    size_t cont = 0, i = 0;
    for (; i + 8 <= len; i += 8) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        uint64_t c = (w & ~(w << 1) & 0x8080808080808080ull) >> 7; /* 0 or 1 per byte */
        cont += (size_t)((c * 0x0101010101010101ull) >> 56);        /* their sum */
    }
    for (; i < len; i++)
        cont += ((unsigned char)s[i] & 0xC0) == 0x80;
    return len - cont;
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
    /* Walk back over whole code points. */
    size_t end = len;
    while (end > 0) {
        size_t lead = qz_utf8_prev(s, end);
        size_t n;
        uint32_t cp = qz_utf8_decode(s + lead, end - lead, &n);
        if (!qz_is_layout_space(cp))
            break;
        end = lead;
    }
    return len - end;
}

qz_span qz_trim_span(const char *t, qz_span s)
{
    size_t sk = qz_skip_space(t + s.start, s.len);
    size_t len = s.len - sk;
    return (qz_span){s.start + sk, len - qz_trim_space_end(t + s.start + sk, len)};
}
