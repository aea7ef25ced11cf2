/* compare_text.c — the words of a comparison for people, in Chinese or English (see
 * compare_text.h). The values are the stages' exact decimals, written as a report writes
 * them; nothing here computes. */
#include <string.h>

#include "compare_text.h"
#include "labels.h"

static const char *const labels[QZ_CL_COUNT][2] = {
    [QZ_CL_TITLE] = {"工作报告对比：", " reports compared: "},
    [QZ_CL_TITLE_NO_BODY] = {"工作报告对比：", "Reports compared: "},
    [QZ_CL_AND] = {"与", " and "},
    [QZ_CL_DIFFERENT] = {"注意：两份报告出自不同机关：", "Note: the reports are of different bodies: "},
    [QZ_CL_SEP] = {"；", "; "},
    [QZ_CL_END] = {"。", "."},
    [QZ_CL_COLON] = {"：", ": "},
    [QZ_CL_BOTH] = {"两年都有的指标", "Stated in both years"},
    [QZ_CL_ONLY_BEFORE] = {"仅", "Stated in "},
    [QZ_CL_ONLY_AFTER] = {"提及", " only"},
    [QZ_CL_RATES] = {"比率核对", "Rates checked against their counts"},
    [QZ_CL_NOTHING] = {"两份报告都没有可比较的指标。", "Neither report states a figure to compare."},
    [QZ_CL_FIGURE] = {"指标", "Figure"},
    [QZ_CL_KEY] = {"键", "Key"},
    [QZ_CL_VALUE] = {"数值", "Value"},
    [QZ_CL_LINE] = {"行", "Line"},
    [QZ_CL_CHANGE] = {"变化", "Change"},
    [QZ_CL_CHANGE_PCT] = {"变化率", "Change %"},
    [QZ_CL_CHART] = {"图示", "Chart"},
    [QZ_CL_CHECK] = {"核对", " check"},
    [QZ_CL_CONSISTENT] = {"一致", "consistent"},
    [QZ_CL_INCONSISTENT] = {"不一致", "inconsistent"},
    [QZ_CL_UNCHECKED] = {"无法核对（未给出计数）", "not checkable (counts not stated)"},
    [QZ_CL_NOT_STATED] = {"—", "—"},
};

const char *qz_compare_label_text(qz_compare_label id, qz_lang lang)
{
    return labels[id][lang == QZ_LANG_EN];
}

static void put_decimal(qz_buf *b, qz_decimal d)
{
    char buf[48];
    qz_decimal_format(d, buf, sizeof buf);
    qz_buf_puts(b, buf);
}

void qz_compare_year_text(const qz_compare *c, bool newer, qz_lang lang, qz_buf *b)
{
    int year = newer ? c->newer_year : c->older_year;
    if (!year) {
        const char *const unknown[2][2] = {{"较早的报告", "较晚的报告"},
                                          {"older report", "newer report"}};
        qz_buf_puts(b, unknown[lang == QZ_LANG_EN][newer]);
        return;
    }
    char buf[16];
    snprintf(buf, sizeof buf, lang == QZ_LANG_EN ? "%d" : "%d年", year);
    qz_buf_puts(b, buf);
}

bool qz_compare_has_rows(const qz_compare *c, bool older, bool newer)
{
    for (size_t i = 0; i < c->nrows; i++)
        if ((c->rows[i].older != NULL) == older && (c->rows[i].newer != NULL) == newer)
            return true;
    return false;
}

static void put_span(qz_buf *b, const qz_report *r, qz_span s)
{
    qz_buf_append(b, r->doc->text + s.start, s.len);
}

void qz_compare_title_text(const qz_compare *c, qz_lang lang, qz_buf *b)
{
    /* the body both name (or the one that names it); none when they differ */
    const qz_report *from = c->newer->outline->header.body.len ? c->newer : c->older;
    const qz_span body = c->same_body ? from->outline->header.body : (qz_span){0};
    put_span(b, from, body);
    qz_buf_puts(b, qz_compare_label_text(body.len ? QZ_CL_TITLE : QZ_CL_TITLE_NO_BODY, lang));
    qz_compare_year_text(c, false, lang, b);
    qz_buf_puts(b, qz_compare_label_text(QZ_CL_AND, lang));
    qz_compare_year_text(c, true, lang, b);
}

void qz_compare_bodies_text(const qz_compare *c, qz_lang lang, qz_buf *b)
{
    qz_buf_puts(b, qz_compare_label_text(QZ_CL_DIFFERENT, lang));
    put_span(b, c->older, c->older->outline->header.body);
    qz_buf_puts(b, qz_compare_label_text(QZ_CL_SEP, lang));
    put_span(b, c->newer, c->newer->outline->header.body);
    qz_buf_puts(b, qz_compare_label_text(QZ_CL_END, lang));
}

/* A unit after a value: the report's word, a percent sign against it; points as words. */
static void put_unit(qz_buf *b, const char *unit, qz_lang lang)
{
    if (strcmp(unit, "pp") == 0 && lang == QZ_LANG_EN)
        qz_buf_puts(b, " "); /* 1.5 pp */
    qz_buf_puts(b, qz_label_unit(unit, lang));
}

void qz_compare_value_text(const qz_quantity *q, qz_lang lang, qz_buf *b)
{
    bool en = lang == QZ_LANG_EN;
    /* words before and after the value, as a report writes them */
    static const char *const before[][2] = {
        [QZ_QUAL_EXACT] = {"", ""},      [QZ_QUAL_MORE] = {"", ""},
        [QZ_QUAL_ABOUT] = {"约", "about "}, [QZ_QUAL_NEAR] = {"近", "nearly "},
        [QZ_QUAL_LESS] = {"不足", "under "}, [QZ_QUAL_RANGE] = {"", ""},
        [QZ_QUAL_VAGUE] = {"", ""}};
    qz_buf_puts(b, before[q->qualifier][en]);
    put_decimal(b, q->lo);
    if (q->qualifier == QZ_QUAL_RANGE || q->qualifier == QZ_QUAL_VAGUE) {
        qz_buf_puts(b, en ? "–" : "至");
        put_decimal(b, q->hi);
    }
    if (q->qualifier == QZ_QUAL_MORE)
        qz_buf_puts(b, en ? "+" : "余");
    put_unit(b, q->unit, lang);
}

/* d with its sign: +2, -3, 0. */
static void put_signed(qz_buf *b, qz_decimal d)
{
    if (d.mant > 0)
        qz_buf_puts(b, "+");
    put_decimal(b, d);
}

void qz_compare_change_text(const qz_compare_row *r, qz_lang lang, qz_buf *b)
{
    if (!r->has_change)
        return;
    if (r->approximate)
        qz_buf_puts(b, "≈");
    put_signed(b, r->change);
    if (r->older->kind == QZ_NUM_PERCENT)
        put_unit(b, "pp", lang);
}

void qz_compare_change_pct_text(const qz_compare_row *r, qz_buf *b)
{
    if (!r->has_change_pct)
        return;
    if (r->approximate)
        qz_buf_puts(b, "≈");
    put_signed(b, r->change_pct);
    qz_buf_puts(b, "%");
}

void qz_compare_rate_text(const qz_report *rep, const qz_quantity *stated, const qz_rate *rate,
                          qz_lang lang, qz_buf *b)
{
    if (!stated) {
        qz_buf_puts(b, qz_compare_label_text(QZ_CL_NOT_STATED, lang));
        return;
    }
    if (!rate) {
        qz_buf_puts(b, qz_compare_label_text(QZ_CL_UNCHECKED, lang));
        return;
    }
    const qz_quantity *items = rep->metrics->items;
    qz_buf_puts(b, qz_compare_label_text(rate->consistent ? QZ_CL_CONSISTENT
                                                          : QZ_CL_INCONSISTENT, lang));
    qz_buf_puts(b, lang == QZ_LANG_EN ? " (" : "（");
    put_decimal(b, items[rate->numerator].lo);
    qz_buf_puts(b, "/");
    put_decimal(b, items[rate->denominator].lo);
    qz_buf_puts(b, " = ");
    put_decimal(b, rate->computed);
    qz_buf_puts(b, lang == QZ_LANG_EN ? "%)" : "%）");
}
