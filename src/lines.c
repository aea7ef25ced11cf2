/* lines.c — the questions asked of one line, shared by the loader (which lines to join) and
 * the sectioner (what a line opens): heading markers, part titles, complete lines, table rows. */
#include <string.h>

#include "rules.h"


bool qz_line_heading(qz_context *ctx, const char *line, size_t len, qz_heading_match *h)
{
    qz_match m;
    for (size_t i = 0; i < ctx->rules->nheadings; i++) {
        if (!qz_pattern_match(ctx, &ctx->rules->headings[i].pat, line, len, &m))
            continue;
        if (!qz_match_group(ctx, &m, "num", &h->num_start, &h->num_len))
            continue;
        h->level = ctx->rules->headings[i].level;
        h->marker_len = m.end;
        return true;
    }
    return false;
}

/* Whether cp may close a title line without being part of it: 。：:；;，, and spaces. */
static bool closes_title(uint32_t cp)
{
    switch (cp) {
    case 0x3002: /* 。 */
    case 0xFF1A: /* ： */
    case ':':
    case 0xFF1B: /* ； */
    case ';':
    case 0xFF0C: /* ， */
    case ',':
    case ' ':
    case '\t':
    case 0x3000: /* ideographic space */
        return true;
    default:
        return false;
    }
}

size_t qz_trim_title_end(const char *s, size_t len)
{
    while (len > 0) {
        size_t p = qz_utf8_prev(s, len), n;
        uint32_t cp = qz_utf8_decode(s + p, len - p, &n);
        if (p + n != len || !closes_title(cp))
            break;
        len = p;
    }
    return len;
}

qz_title_kind qz_line_part_title(qz_context *ctx, const char *title, size_t len)
{
    qz_match m;
    len = qz_trim_title_end(title, len);
    if (len == 0)
        return QZ_TITLE_NONE;
    if (qz_pattern_list_match(ctx, &ctx->rules->part_review, title, len, &m))
        return QZ_TITLE_REVIEW;
    if (qz_pattern_list_match(ctx, &ctx->rules->part_plan, title, len, &m))
        return QZ_TITLE_PLAN;
    if (qz_pattern_list_match(ctx, &ctx->rules->part_dated, title, len, &m))
        return QZ_TITLE_DATED;
    return QZ_TITLE_NONE;
}

/* The sentence_end pattern is anchored, so it is tried at each of the line's last few code
 * points: a closing mark and a few quotes and spaces after it fit in that window. */
#define QZ_LINE_END_WINDOW 12

bool qz_line_table_row(qz_context *ctx, const char *line, size_t len)
{
    qz_match m;
    return qz_pattern_present(&ctx->rules->table_row) &&
           qz_pattern_match(ctx, &ctx->rules->table_row, line, len, &m);
}

bool qz_line_ends_sentence(qz_context *ctx, const char *line, size_t len)
{
    size_t start = len;
    qz_match m;
    for (int k = 0; k < QZ_LINE_END_WINDOW && start > 0; k++) {
        start = qz_utf8_prev(line, start);
        if (qz_pattern_match(ctx, &ctx->rules->sentence_end, line + start, len - start, &m))
            return true;
    }
    return false;
}

size_t qz_find_period(const char *s, size_t len)
{
    static const char period[] = "。";
    for (size_t i = 0; i + 3 <= len; i++)
        if (memcmp(s + i, period, 3) == 0)
            return i;
    return len;
}
