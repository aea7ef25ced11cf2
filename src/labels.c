/* labels.c — every label of the summaries for people, in Chinese and English (labels.h).
 * One line per label, {zh, en}: tests/e2e/labels.sh reads this table to check that a summary
 * in one language carries no label of the other, so keep each entry on one line. */
#include <string.h>

#include "labels.h"
#include "rules.h"

static const char *const labels[QZ_LABEL_COUNT][2] = {
    [QZ_LABEL_SUMMARY] = {"报告摘要", "Report summary"},
    [QZ_LABEL_SUMMARY_OF_FMT] = {"%.*s工作报告摘要", "%.*s: report summary"},
    [QZ_LABEL_SOURCE] = {"来源：", "Source:"},
    [QZ_LABEL_SOURCE_FMT] = {" %s（%s%s）", " %s (%s%s)"},
    [QZ_LABEL_TRADITIONAL] = {"，繁体字", ", traditional script"},
    [QZ_LABEL_DATE] = {"日期：", "Date:"},
    [QZ_LABEL_SPEAKER] = {"报告人：", "Speaker:"},
    [QZ_LABEL_YEARS] = {"年份：", "Years:"},
    [QZ_LABEL_YEARS_FMT] = {" 回顾%d年，部署%d年", " %d in review, %d planned"},
    [QZ_LABEL_LINE_FMT] = {"第%zu行", "line %zu"},
    [QZ_LABEL_LINES_FMT] = {"第%zu–%zu行", "lines %zu–%zu"},
    [QZ_LABEL_KEY_FIGURES] = {"主要数据", "Key figures"},
    [QZ_LABEL_AT_FMT] = {"（%s）", " (%s)"},
    [QZ_LABEL_VALUE_UNIT_FMT] = {"%s%s", "%s %s"},
    [QZ_LABEL_QUALIFIER_FMT] = {"（%s）", ", %s"},
    [QZ_LABEL_QUAL_MORE] = {"以上", "more"},
    [QZ_LABEL_QUAL_ABOUT] = {"约数", "about"},
    [QZ_LABEL_QUAL_NEAR] = {"接近", "near"},
    [QZ_LABEL_QUAL_LESS] = {"不足", "less"},
    [QZ_LABEL_QUAL_RANGE] = {"区间", "range"},
    [QZ_LABEL_QUAL_VAGUE] = {"概数", "vague"},
    [QZ_LABEL_UNIT_PP] = {"个百分点", "pp"},
    [QZ_LABEL_RATES] = {"比率及其计数：", "Rates linked to their counts:"},
    [QZ_LABEL_RATE_FMT] = {"：报告值%s%%；%s / %s = %s%%，%s", ": %s%% stated; %s / %s = %s%% — %s"},
    [QZ_LABEL_CONSISTENT] = {"一致", "consistent"},
    [QZ_LABEL_INCONSISTENT] = {"不一致", "INCONSISTENT"},
    [QZ_LABEL_PART_REVIEW] = {"工作回顾", "Year in review"},
    [QZ_LABEL_PART_PLAN] = {"工作安排", "Plan"},
    [QZ_LABEL_PART_BODY] = {"正文", "Sections"},
    [QZ_LABEL_PART_SPAN_FMT] = {"%s，%s", "%s, %s"},
    [QZ_LABEL_OUTSIDE_SECTIONS] = {"不在各部分中的数据：", "Figures outside its sections:"},
    [QZ_LABEL_SECTIONS] = {"各部分：", "Sections:"},
    [QZ_LABEL_CLOSING] = {"结束语：", "Closing:"},
    [QZ_LABEL_REPAIRS] = {"文本修复", "Repairs"},
    [QZ_LABEL_REPAIR_PAGE_FMT] = {"第%zu行：页码或页眉，已删去", "line %zu: a page number or running header, dropped"},
    [QZ_LABEL_REPAIR_JOINED_FMT] = {"第%zu行：句中断行，已与第%zu行连接", "line %zu: broken mid-sentence, joined to line %zu"},
    [QZ_LABEL_COL_DESCRIPTION] = {"说明", "Description"},
    [QZ_LABEL_COL_KEY] = {"键名", "Key"},
    [QZ_LABEL_COL_VALUE] = {"数值", "Value"},
    [QZ_LABEL_COL_UNIT] = {"单位", "Unit"},
    [QZ_LABEL_COL_QUALIFIER] = {"限定", "Qualifier"},
    [QZ_LABEL_COL_LINE] = {"行号", "Line"},
    [QZ_LABEL_COL_STATED] = {"报告值", "Stated"},
    [QZ_LABEL_COL_NUMERATOR] = {"分子", "Numerator"},
    [QZ_LABEL_COL_DENOMINATOR] = {"分母", "Denominator"},
    [QZ_LABEL_COL_COMPUTED] = {"计算值", "Computed"},
    [QZ_LABEL_COL_CONSISTENT] = {"是否一致", "Consistent"},
};

const char *qz_label(qz_label_id id, qz_lang lang)
{
    if ((unsigned)id >= QZ_LABEL_COUNT || !labels[id][0])
        return "";
    return labels[id][lang == QZ_LANG_EN ? 1 : 0];
}

const char *qz_label_qualifier(qz_qualifier q, qz_lang lang)
{
    static const qz_label_id ids[] = {
        [QZ_QUAL_MORE] = QZ_LABEL_QUAL_MORE,   [QZ_QUAL_ABOUT] = QZ_LABEL_QUAL_ABOUT,
        [QZ_QUAL_NEAR] = QZ_LABEL_QUAL_NEAR,   [QZ_QUAL_LESS] = QZ_LABEL_QUAL_LESS,
        [QZ_QUAL_RANGE] = QZ_LABEL_QUAL_RANGE, [QZ_QUAL_VAGUE] = QZ_LABEL_QUAL_VAGUE,
    };
    if (q == QZ_QUAL_EXACT || (size_t)q >= sizeof ids / sizeof ids[0])
        return "";
    return qz_label(ids[q], lang);
}

const char *qz_label_unit(const char *unit, qz_lang lang)
{
    return strcmp(unit, "pp") == 0 ? qz_label(QZ_LABEL_UNIT_PP, lang) : unit;
}

const char *qz_label_key(const qz_rules *rules, const char *key, qz_lang lang)
{
    return rules && key ? qz_rules_key_title(rules, key, lang) : NULL;
}
