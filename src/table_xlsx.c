/* table_xlsx.c — the table as an Excel workbook, through libxlsxwriter: three sheets, each
 * with its header row frozen.
 *   reports: the table's rows, the columns of CSV and TSV;
 *   figures: each keyed figure of each report (file, key, value, unit, qualifier, line, first,
 *            quote), later mentions of a key included, `first` telling the one in `reports`;
 *   rates:   each stated rate with its counts (file, key, stated, numerator_key, numerator,
 *            denominator_key, denominator, computed, consistent).
 * Numbers are numeric cells (a metric's value, year_reviewed, a line, a rate's figures); a
 * range ("3..5") stays text, and so does the date, written YYYY-MM-DD as everywhere else.
 *
 * libxlsxwriter 1.1.4 writes a workbook to a file name only (no stream, no memory buffer), and
 * its zip writer seeks back to fill in each entry's sizes, so it cannot write to a pipe. The
 * workbook is written into an anonymous temporary file (tmpfile: nothing is left behind
 * whatever happens to the process), which libxlsxwriter opens by name through /dev/fd/N, and
 * then copied to the caller's stream, which may be a pipe. libxlsxwriter prints a warning of
 * its own when a cell is refused (a string or an index past Excel's limits): those limits are
 * checked here first, so that nothing is printed for them. It also prints a line when it cannot
 * write its file (out of memory, the temporary folder full), which cannot be checked first:
 * the error returned is this library's all the same. */
#include <dlfcn.h>
#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <xlsxwriter.h>

#include "table.h"

/* ---- libxlsxwriter, loaded when the first workbook is written ----
 *
 * libxlsxwriter brings libcrypto, minizip and zlib with it: linked, they would be loaded by
 * every run, while only `table --format xlsx` uses them. So it is opened with dlopen by its
 * soname (QZ_XLSXWRITER_SONAME, read from the installed library at build time, the way
 * src/view.c opens OpenCC), and only its header is used at build time. Every function of it
 * this file calls is in QZ_XLSX_FUNCS: the table qz_xlsx holds a pointer to each, of the type
 * the header declares (__typeof__), filled by dlsym; the macros after xlsx_load make the
 * calls below go through them.
 *
 * Threads: qz_xlsx, xlsx_ready and xlsx_why are written only inside pthread_once, and read
 * only after it has returned. */
#ifndef QZ_XLSXWRITER_SONAME
#define QZ_XLSXWRITER_SONAME "libxlsxwriter.so.4"
#endif

#define QZ_XLSX_FUNCS(X) \
    X(workbook_new_opt) \
    X(workbook_add_worksheet) \
    X(workbook_add_format) \
    X(format_set_bold) \
    X(worksheet_write_string) \
    X(worksheet_write_number) \
    X(worksheet_write_boolean) \
    X(worksheet_freeze_panes) \
    X(workbook_close) \
    X(lxw_strerror)

static struct {
#define X(f) __typeof__(f) *f;
    QZ_XLSX_FUNCS(X)
#undef X
} qz_xlsx;
static pthread_once_t xlsx_once = PTHREAD_ONCE_INIT;
static bool xlsx_ready;
static char xlsx_why[256]; /* dlerror's words when libxlsxwriter could not be loaded */

static void xlsx_load(void)
{
    void *h = dlopen(QZ_XLSXWRITER_SONAME, RTLD_NOW | RTLD_LOCAL);
    bool all = h != NULL;
    /* POSIX: a void * from dlsym converts to a function pointer */
#define X(f) all = all && (*(void **)&qz_xlsx.f = dlsym(h, #f)) != NULL;
    QZ_XLSX_FUNCS(X)
#undef X
    if (!all) {
        const char *why = dlerror();
        snprintf(xlsx_why, sizeof xlsx_why, "%s", why ? why : "a function is missing");
        return;
    }
    xlsx_ready = true;
}

/* QZ_OK once libxlsxwriter is loaded, else QZ_ERR_INTERNAL saying what to install. */
static qz_status xlsx_available(qz_error *err)
{
    if (pthread_once(&xlsx_once, xlsx_load) == 0 && xlsx_ready)
        return QZ_OK;
    return qz_fail(err, QZ_ERR_INTERNAL, NULL, 0, 0,
                   "cannot load %s (%s): %s; install the Debian package %s", "libxlsxwriter",
                   QZ_XLSXWRITER_SONAME, xlsx_why, "libxlsxwriter4");
}

#define workbook_new_opt (*qz_xlsx.workbook_new_opt)
#define workbook_add_worksheet (*qz_xlsx.workbook_add_worksheet)
#define workbook_add_format (*qz_xlsx.workbook_add_format)
#define format_set_bold (*qz_xlsx.format_set_bold)
#define worksheet_write_string (*qz_xlsx.worksheet_write_string)
#define worksheet_write_number (*qz_xlsx.worksheet_write_number)
#define worksheet_write_boolean (*qz_xlsx.worksheet_write_boolean)
#define worksheet_freeze_panes (*qz_xlsx.worksheet_freeze_panes)
#define workbook_close (*qz_xlsx.workbook_close)
#define lxw_strerror (*qz_xlsx.lxw_strerror)

/* Excel's limit on the characters in a cell (libxlsxwriter counts code points). */
#define CELL_MAX_CHARS 32767

/* The workbook being written and its first failure: once e is set, every cell is skipped. */
typedef struct {
    lxw_workbook *wb;
    lxw_format *bold;
    lxw_error e;
} book;

/* Whether the cell at row, col exists in Excel: checked before the narrowing casts to
 * lxw_row_t and lxw_col_t, which would otherwise wrap around. */
static bool cell_ok(book *b, size_t row, size_t col)
{
    if (b->e != LXW_NO_ERROR)
        return false;
    if (row >= LXW_ROW_MAX || col >= LXW_COL_MAX) {
        b->e = LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE;
        return false;
    }
    return true;
}

/* The length of a well-formed UTF-8 sequence at s (no overlong form, no surrogate, nothing
 * past U+10FFFF), or 0: XML, and so XLSX, holds Unicode text only. */
static size_t utf8_ok(const char *s, size_t len)
{
    size_t n;
    uint32_t cp = qz_utf8_decode(s, len, &n);
    if ((n == 1 && (unsigned char)*s >= 0x80) || (cp >= 0xD800 && cp <= 0xDFFF) ||
        cp > 0x10FFFF || (n > 1 && cp < 0x80) || (n > 2 && cp < 0x800) ||
        (n > 3 && cp < 0x10000))
        return 0;
    return n;
}

/* s with each byte that is not UTF-8 replaced by U+FFFD (a file name is bytes, and may not be
 * UTF-8), in a new string; NULL when out of memory. */
static char *utf8_repair(const char *s)
{
    size_t len = strlen(s);
    char *r = malloc(3 * len + 1); /* at most each byte becomes the three of U+FFFD */
    if (!r)
        return NULL;
    size_t o = 0;
    for (size_t i = 0; i < len;) {
        size_t n = utf8_ok(s + i, len - i);
        if (n) {
            memcpy(r + o, s + i, n);
            o += n;
            i += n;
        } else {
            memcpy(r + o, "\xEF\xBF\xBD", 3);
            o += 3;
            i++;
        }
    }
    r[o] = '\0';
    return r;
}

static void cell_text(book *b, lxw_worksheet *ws, size_t row, size_t col, const char *s,
                      lxw_format *format)
{
    if (!s || !*s || !cell_ok(b, row, col))
        return;
    size_t len = strlen(s), chars = 0;
    bool valid = true;
    for (size_t i = 0; i < len;) {
        size_t n = utf8_ok(s + i, len - i);
        valid = valid && n;
        i += n ? n : 1;
        chars++;
    }
    if (chars > CELL_MAX_CHARS) {
        b->e = LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED;
        return;
    }
    char *repaired = valid ? NULL : utf8_repair(s);
    if (!valid && !repaired) {
        b->e = LXW_ERROR_MEMORY_MALLOC_FAILED;
        return;
    }
    b->e = worksheet_write_string(ws, (lxw_row_t)row, (lxw_col_t)col, valid ? s : repaired,
                                  format);
    free(repaired);
}

/* The value of s when it is one decimal number as qz_decimal_format writes it ("12", "96.9",
 * "-0.3"), not a range ("3..5") nor anything else. Read digit by digit rather than by strtod,
 * whose decimal point is the locale's. A value of more than 19 digits (beyond the int64 the
 * library holds it in) is left as text, exact. */
static bool plain_number(const char *s, double *v)
{
    const char *p = s + (*s == '-');
    uint64_t mant = 0;
    int digits = 0, scale = 0;
    bool point = false;
    if (*p < '0' || *p > '9')
        return false;
    for (; *p; p++) {
        if (*p == '.' && !point && p[1] >= '0' && p[1] <= '9') {
            point = true;
            continue;
        }
        if (*p < '0' || *p > '9' || ++digits > 19)
            return false;
        mant = mant * 10 + (uint64_t)(*p - '0');
        scale += point;
    }
    double div = 1;
    for (int i = 0; i < scale; i++)
        div *= 10; /* exact: every power of ten up to 10^22 is a double */
    *v = (double)mant / div;
    if (*s == '-')
        *v = -*v;
    return true;
}

/* A value: a numeric cell when it is one number, otherwise text. */
static void cell_value(book *b, lxw_worksheet *ws, size_t row, size_t col, const char *s)
{
    double v;
    if (s && plain_number(s, &v)) {
        if (cell_ok(b, row, col))
            b->e = worksheet_write_number(ws, (lxw_row_t)row, (lxw_col_t)col, v, NULL);
    } else {
        cell_text(b, ws, row, col, s, NULL);
    }
}

static void cell_number(book *b, lxw_worksheet *ws, size_t row, size_t col, double v)
{
    if (cell_ok(b, row, col))
        b->e = worksheet_write_number(ws, (lxw_row_t)row, (lxw_col_t)col, v, NULL);
}

static void cell_bool(book *b, lxw_worksheet *ws, size_t row, size_t col, bool v)
{
    if (cell_ok(b, row, col))
        b->e = worksheet_write_boolean(ws, (lxw_row_t)row, (lxw_col_t)col, v, NULL);
}

/* A sheet whose first row holds names, in bold, frozen so that it stays in sight as the rows
 * scroll. */
static lxw_worksheet *sheet_add(book *b, const char *name, const char *const *names, size_t n)
{
    if (b->e != LXW_NO_ERROR)
        return NULL;
    lxw_worksheet *ws = workbook_add_worksheet(b->wb, name);
    if (!ws) {
        b->e = LXW_ERROR_MEMORY_MALLOC_FAILED;
        return NULL;
    }
    for (size_t i = 0; i < n; i++)
        cell_text(b, ws, 0, i, names[i], b->bold);
    worksheet_freeze_panes(ws, 1, 0);
    return ws;
}

static void reports_sheet(book *b, const qz_table *t, const bool *cols)
{
    size_t nm = t->rules->nmetrics, ncols = QZ_TABLE_NFIXED;
    for (size_t m = 0; m < nm; m++)
        ncols += cols[m];
    const char **names = malloc(ncols * sizeof *names);
    if (!names) {
        b->e = LXW_ERROR_MEMORY_MALLOC_FAILED;
        return;
    }
    size_t c = 0;
    for (size_t i = 0; i < QZ_TABLE_NFIXED; i++)
        names[c++] = qz_table_fixed_names[i];
    for (size_t m = 0; m < nm; m++)
        if (cols[m])
            names[c++] = t->rules->metrics[m].key;
    lxw_worksheet *ws = sheet_add(b, "reports", names, ncols);
    free(names);
    for (size_t r = 0; ws && r < t->n && b->e == LXW_NO_ERROR; r++) {
        const qz_table_row *w = &t->rows[r];
        for (size_t i = 0; i < QZ_TABLE_NFIXED; i++)
            if (i == QZ_TABLE_YEAR)
                cell_value(b, ws, r + 1, i, w->fixed[i]);
            else
                cell_text(b, ws, r + 1, i, w->fixed[i], NULL);
        c = QZ_TABLE_NFIXED;
        for (size_t m = 0; m < nm; m++)
            if (cols[m])
                cell_value(b, ws, r + 1, c++, w->values ? w->values[m] : NULL);
    }
}

static void figures_sheet(book *b, const qz_table *t)
{
    static const char *const names[] = {"file", "key", "value", "unit",
                                        "qualifier", "line", "first", "quote"};
    lxw_worksheet *ws = sheet_add(b, "figures", names, sizeof names / sizeof *names);
    size_t row = 1;
    for (size_t r = 0; ws && r < t->n; r++)
        for (size_t i = 0; i < t->rows[r].nfigures && b->e == LXW_NO_ERROR; i++, row++) {
            const qz_table_figure *f = &t->rows[r].figures[i];
            cell_text(b, ws, row, 0, t->rows[r].fixed[QZ_TABLE_FILE], NULL);
            cell_text(b, ws, row, 1, f->key, NULL);
            cell_value(b, ws, row, 2, f->value);
            cell_text(b, ws, row, 3, f->unit, NULL);
            cell_text(b, ws, row, 4, qz_qualifier_name(f->qualifier), NULL);
            cell_number(b, ws, row, 5, (double)f->line);
            cell_bool(b, ws, row, 6, f->first);
            cell_text(b, ws, row, 7, f->quote, NULL);
        }
}

static void rates_sheet(book *b, const qz_table *t)
{
    static const char *const names[] = {"file", "key", "stated", "numerator_key", "numerator",
                                        "denominator_key", "denominator", "computed",
                                        "consistent"};
    lxw_worksheet *ws = sheet_add(b, "rates", names, sizeof names / sizeof *names);
    size_t row = 1;
    for (size_t r = 0; ws && r < t->n; r++)
        for (size_t i = 0; i < t->rows[r].nrates && b->e == LXW_NO_ERROR; i++, row++) {
            const qz_table_rate *q = &t->rows[r].rates[i];
            cell_text(b, ws, row, 0, t->rows[r].fixed[QZ_TABLE_FILE], NULL);
            cell_text(b, ws, row, 1, q->key, NULL);
            cell_value(b, ws, row, 2, q->stated);
            cell_text(b, ws, row, 3, q->numerator_key, NULL);
            cell_value(b, ws, row, 4, q->numerator);
            cell_text(b, ws, row, 5, q->denominator_key, NULL);
            cell_value(b, ws, row, 6, q->denominator);
            cell_value(b, ws, row, 7, q->computed);
            cell_bool(b, ws, row, 8, q->consistent);
        }
}

/* A libxlsxwriter error as the library's: what it means for the caller. */
static qz_status book_fail(lxw_error e, qz_error *err)
{
    switch (e) {
    case LXW_ERROR_MEMORY_MALLOC_FAILED:
        return qz_fail(err, QZ_ERR_NOMEM, NULL, 0, 0, "out of memory");
    case LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE:
    case LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED:
        return qz_fail(err, QZ_ERR_LIMIT, NULL, 0, 0,
                       "the table does not fit in an XLSX sheet: %s", lxw_strerror(e));
    case LXW_ERROR_CREATING_XLSX_FILE:
    case LXW_ERROR_CREATING_TMPFILE:
    case LXW_ERROR_READING_TMPFILE:
    case LXW_ERROR_ZIP_FILE_OPERATION:
    case LXW_ERROR_ZIP_FILE_ADD:
    case LXW_ERROR_ZIP_CLOSE:
        return qz_fail(err, QZ_ERR_IO, NULL, 0, 0, "cannot write the XLSX workbook: %s",
                       lxw_strerror(e));
    default:
        return qz_fail(err, QZ_ERR_INTERNAL, NULL, 0, 0, "libxlsxwriter: %s", lxw_strerror(e));
    }
}

/* Copies the whole of from (read from its start) to out. */
static qz_status copy_all(FILE *from, FILE *out, qz_error *err)
{
    char chunk[16384], why[200];
    size_t n;
    if (fseek(from, 0, SEEK_SET) != 0)
        return qz_fail(err, QZ_ERR_IO, NULL, 0, 0, "cannot read the XLSX workbook back: %s",
                       qz_strerror(errno, why, sizeof why));
    while ((n = fread(chunk, 1, sizeof chunk, from)) > 0)
        if (!qz_write(out, chunk, n))
            return qz_write_fail(err, errno);
    if (ferror(from))
        return qz_fail(err, QZ_ERR_IO, NULL, 0, 0, "cannot read the XLSX workbook back: %s",
                       qz_strerror(errno, why, sizeof why));
    return QZ_OK;
}

qz_status qz_table_render_xlsx(const qz_table *t, FILE *out, qz_error *err)
{
    qz_status ready = xlsx_available(err);
    if (ready != QZ_OK)
        return ready;
    bool *cols = calloc(t->rules->nmetrics + 1, sizeof *cols);
    if (!cols)
        return qz_fail(err, QZ_ERR_NOMEM, NULL, 0, 0, "out of memory");
    for (size_t m = 0; m < t->rules->nmetrics; m++)
        cols[m] = qz_table_has_column(t, m);
    FILE *tmp = tmpfile();
    if (!tmp) {
        char why[200];
        qz_strerror(errno, why, sizeof why);
        free(cols);
        return qz_fail(err, QZ_ERR_IO, NULL, 0, 0, "cannot create a temporary file: %s", why);
    }
    /* "/dev/fd/" and the digits of an int: no descriptor number is longer */
    char name[32];
    snprintf(name, sizeof name, "/dev/fd/%d", fileno(tmp));
    lxw_workbook_options opt = {.constant_memory = LXW_FALSE, .tmpdir = NULL,
                                .use_zip64 = LXW_FALSE};
    book b = {.wb = workbook_new_opt(name, &opt)};
    if (!b.wb) {
        b.e = LXW_ERROR_MEMORY_MALLOC_FAILED;
    } else {
        b.bold = workbook_add_format(b.wb);
        if (b.bold)
            format_set_bold(b.bold);
        else
            b.e = LXW_ERROR_MEMORY_MALLOC_FAILED;
        reports_sheet(&b, t, cols);
        figures_sheet(&b, t);
        rates_sheet(&b, t);
        /* closing writes the file, and is the documented way to free a workbook: after a
         * failure it is written all the same, and never copied */
        lxw_error closed = workbook_close(b.wb);
        if (b.e == LXW_NO_ERROR)
            b.e = closed;
    }
    free(cols);
    qz_status st = b.e == LXW_NO_ERROR ? copy_all(tmp, out, err) : book_fail(b.e, err);
    fclose(tmp);
    return st;
}
