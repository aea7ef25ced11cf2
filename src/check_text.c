/* check_text.c — the findings for a person at a terminal: for each one the compiler-style line
 * (FILE:LINE:COL: error: MESSAGE [RULE]), the original line it is on, and a caret line that
 * marks the faulty text (^ under its first character, ~ under the rest), aligned by display
 * width so that it sits under a Chinese character, which takes two columns; then, per file,
 * how many findings of a rule were left out past max_per_rule; and a summary of all files.
 * ANSI colour only when asked for: the caller knows whether the output is a terminal. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_render.h"

#define RED "\033[1;31m"
#define YELLOW "\033[1;33m"
#define GREEN "\033[1;32m"
#define RESET "\033[0m"

/* Lines wider than this are shown as a window around the finding: a report's paragraph is
 * often one line of several hundred characters, which a terminal would wrap and the caret
 * line would no longer match. The window keeps CONTEXT columns before the finding and is
 * WINDOW columns wide: with a "…" at each cut end, and the column a wide character across
 * the window's edge may add, it stays within MAX_WIDTH. */
#define MAX_WIDTH 100
#define WINDOW 97
#define CONTEXT 40

static const char ellipsis[] = "…";

/* Display width of the code point at s (its byte length in *n). */
static size_t cp_width(const char *s, size_t len, size_t *n)
{
    qz_utf8_decode(s, len, n);
    return qz_display_width(s, *n);
}

/* ---- the gcc line ---- */

static void put_location(qz_buf *b, const qz_doc *doc, const qz_diag *d, bool color)
{
    size_t line, col;
    qz_doc_position(doc, d->start, &line, &col);
    char pos[64];
    snprintf(pos, sizeof pos, ":%zu:%zu: ", line, col);
    qz_buf_puts(b, doc->source);
    qz_buf_puts(b, pos);
    if (color)
        qz_buf_puts(b, d->severity == QZ_SEV_ERROR ? RED : YELLOW);
    qz_buf_puts(b, qz_severity_name(d->severity)); /* English, as in the gcc format */
    if (color)
        qz_buf_puts(b, RESET);
    qz_buf_puts(b, ": ");
    qz_buf_puts(b, d->message);
    qz_buf_puts(b, " [");
    qz_buf_puts(b, d->rule);
    qz_buf_puts(b, "]\n");
}

/* ---- the source line and the caret ---- */

typedef struct {
    size_t start, end;  /* the bytes of the line shown */
    bool cut_left, cut_right;
} window;

/* The part of line [0, len) to show so that the byte `at` is in view. */
static window choose_window(const char *line, size_t len, size_t at)
{
    window w = {0, len, false, false};
    size_t total = qz_display_width(line, len);
    if (total <= MAX_WIDTH)
        return w;
    size_t col = qz_display_width(line, at);
    size_t from = col > CONTEXT ? col - CONTEXT : 0;
    if (from + WINDOW > total) /* near the end: show the end in full rather than less */
        from = total - WINDOW;
    size_t i = 0, c = 0, n;
    while (i < len && c < from) {
        c += cp_width(line + i, len - i, &n);
        i += n;
    }
    w.start = i;
    /* A wide character across the window's edge may push `at` one column past it: the
     * finding must stay in view, so it wins over the width by that column. */
    size_t stop = c + WINDOW;
    while (i < len) {
        size_t cw = cp_width(line + i, len - i, &n);
        if (c + cw > stop && i >= at)
            break;
        c += cw;
        i += n;
    }
    w.end = i;
    w.cut_left = w.start > 0;
    w.cut_right = w.end < len;
    return w;
}

/* Control characters would move the cursor or start an escape sequence on the terminal:
 * they are shown as U+FFFD, which is one column wide like the character it stands for. Tabs
 * stay, and the caret line copies them, so that both lines reach the same tab stops. */
static bool is_control(uint32_t cp)
{
    return (cp < 0x20 && cp != '\t') || (cp >= 0x7F && cp < 0xA0);
}

static void put_source(qz_buf *b, const char *s, size_t len)
{
    for (size_t i = 0, n; i < len; i += n) {
        uint32_t cp = qz_utf8_decode(s + i, len - i, &n);
        if (is_control(cp))
            qz_buf_puts(b, "\xEF\xBF\xBD");
        else
            qz_buf_append(b, s + i, n);
    }
}

/* Blanks as wide as s[0, len), tabs kept. */
static void put_blanks(qz_buf *b, const char *s, size_t len)
{
    for (size_t i = 0, n; i < len; i += n) {
        size_t w = cp_width(s + i, len - i, &n);
        if (s[i] == '\t')
            qz_buf_puts(b, "\t");
        else
            for (; w > 0; w--)
                qz_buf_puts(b, " ");
    }
}

static void put_snippet(qz_buf *b, const qz_doc *doc, const qz_diag *d, bool color)
{
    size_t line, col, ls, le;
    qz_doc_position(doc, d->start, &line, &col);
    qz_doc_line_bounds(doc, line, &ls, &le);
    const char *text = doc->text + ls;
    size_t len = le - ls;
    size_t start = d->start < ls ? 0 : d->start - ls > len ? len : d->start - ls;
    size_t end = d->end < d->start ? start : d->end - ls > len ? len : d->end - ls;
    window w = choose_window(text, len, start);

    if (w.cut_left)
        qz_buf_puts(b, ellipsis);
    put_source(b, text + w.start, w.end - w.start);
    if (w.cut_right)
        qz_buf_puts(b, ellipsis);
    qz_buf_puts(b, "\n");

    if (w.cut_left)
        qz_buf_puts(b, " "); /* under the "…", which is one column wide */
    put_blanks(b, text + w.start, start - w.start);
    /* The span ends at the line's end (a finding across lines is marked on its first) or at
     * the window's; a point, or a span of zero-width marks, still gets its ^. */
    size_t span_end = end < w.end ? end : w.end;
    size_t width = span_end > start ? qz_display_width(text + start, span_end - start) : 0;
    if (color)
        qz_buf_puts(b, GREEN);
    qz_buf_puts(b, "^");
    for (size_t i = 1; i < width; i++)
        qz_buf_puts(b, "~");
    if (color)
        qz_buf_puts(b, RESET);
    qz_buf_puts(b, "\n");
}

/* ---- findings left out, and the summary ---- */

typedef struct {
    const char *rule;
    size_t seen; /* findings of this rule so far in the file */
} rule_count;

typedef struct {
    rule_count *items;
    size_t n, cap;
} rule_counts;

/* The count for rule, added (in order of first finding) if new; NULL if out of memory. */
static rule_count *count_of(rule_counts *rc, const char *rule)
{
    for (size_t i = 0; i < rc->n; i++)
        if (strcmp(rc->items[i].rule, rule) == 0)
            return &rc->items[i];
    if (!QZ_GROW(rc->items, rc->cap, rc->n + 1))
        return NULL;
    rc->items[rc->n] = (rule_count){rule, 0};
    return &rc->items[rc->n++];
}

static void put_left_out(qz_buf *b, const rule_counts *rc, size_t max, qz_lang lang)
{
    for (size_t i = 0; max > 0 && i < rc->n; i++) {
        if (rc->items[i].seen <= max)
            continue;
        char line[128];
        size_t more = rc->items[i].seen - max;
        if (lang == QZ_LANG_EN)
            snprintf(line, sizeof line, "%s and %zu more [", ellipsis, more);
        else
            snprintf(line, sizeof line, "%s 另有 %zu 处 [", ellipsis, more);
        qz_buf_puts(b, line);
        qz_buf_puts(b, rc->items[i].rule);
        qz_buf_puts(b, "]\n");
    }
}

static void put_summary(qz_buf *b, size_t errors, size_t warnings, qz_lang lang)
{
    char line[128];
    if (errors == 0 && warnings == 0)
        snprintf(line, sizeof line, "%s", lang == QZ_LANG_EN ? "no problems found" : "未发现问题");
    else if (lang == QZ_LANG_EN)
        snprintf(line, sizeof line, "%zu error%s, %zu warning%s", errors, errors == 1 ? "" : "s",
                 warnings, warnings == 1 ? "" : "s");
    else
        snprintf(line, sizeof line, "%zu 个错误，%zu 个警告", errors, warnings);
    qz_buf_puts(b, line);
    qz_buf_puts(b, "\n");
}

/* ---- the steps ---- */

static bool file_begin(qz_check_ctx *c)
{
    rule_counts *rc = c->data;
    rc->n = 0; /* the counts are per file */
    return true;
}

static bool finding(qz_check_ctx *c, const qz_diag *d, size_t i)
{
    (void)i;
    rule_count *count = count_of(c->data, d->rule);
    if (!count)
        return false;
    if (c->o->max_per_rule > 0 && ++count->seen > c->o->max_per_rule)
        return true; /* counted in the summary, left out of the list */
    put_location(c->out, c->doc, d, c->o->color);
    put_snippet(c->out, c->doc, d, c->o->color);
    return true;
}

static bool file_end(qz_check_ctx *c)
{
    put_left_out(c->out, c->data, c->o->max_per_rule, c->o->lang);
    return true;
}

static bool end(qz_check_ctx *c)
{
    put_summary(c->out, c->errors, c->warnings, c->o->lang);
    return true;
}

static void release(qz_check_ctx *c)
{
    rule_counts *rc = c->data;
    free(rc->items);
}

const qz_check_format_ops qz_check_text_format = {
    .data_size = sizeof(rule_counts),
    .file_begin = file_begin,
    .finding = finding,
    .file_end = file_end,
    .end = end,
    .release = release,
};
