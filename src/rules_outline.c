/* rules_outline.c — reads data/outline.yaml's keys into a qz_rules: headings, part titles and
 * the header's patterns (address, opening_year, sentence_end, topic, table_row and page_furniture
 * are single patterns or lists, read by rules.c's helpers). Ownership: what it reads belongs to
 * the rules, and qz_rules_outline_clear frees it from qz_rules_free. */
#include <errno.h>
#include <stdlib.h>

#include "rules_load.h"

static qz_status read_level(loader *ld, const yaml_node_t *v, int *level)
{
    char *end;
    if (v->type == YAML_SCALAR_NODE) {
        errno = 0;
        long n = strtol((const char *)v->data.scalar.value, &end, 10);
        if (!errno && *end == '\0' && end != (char *)v->data.scalar.value && n >= 1 && n <= 9) {
            *level = (int)n;
            return QZ_OK;
        }
    }
    return fail_at(ld, v, QZ_ERR_DATA, "level must be a whole number from 1 to 9");
}

static qz_status on_heading_level(loader *ld, const yaml_node_t *v, void *target)
{
    return read_level(ld, v, &((qz_heading_rule *)target)->level);
}

static qz_status on_heading_pattern(loader *ld, const yaml_node_t *v, void *target)
{
    return replace_pattern(ld, v, &((qz_heading_rule *)target)->pat);
}

static qz_status on_headings_item(loader *ld, const yaml_node_t *item, void *target)
{
    qz_rules *r = target;
    qz_heading_rule h = {.level = 0};
    key_entry keys[] = {{"level", on_heading_level, &h}, {"pattern", on_heading_pattern, &h}};
    qz_status st = walk_mapping(ld, item, keys, 2);
    if (st == QZ_OK && (!h.pat.source || !h.level))
        st = fail_at(ld, item, QZ_ERR_DATA, "a heading needs both level and pattern");
    if (st == QZ_OK && h.pat.re &&
        pcre2_substring_number_from_name(h.pat.re, (PCRE2_SPTR) "num") < 0)
        st = fail_at(ld, item, QZ_ERR_DATA, "a heading pattern needs a group (?<num>…)");
    if (st == QZ_OK && !QZ_GROW(r->headings, r->cap_headings, r->nheadings + 1))
        st = qz_fail(ld->err, QZ_ERR_NOMEM, ld->name, 0, 0, "out of memory");
    if (st != QZ_OK) {
        qz_pattern_clear(&h.pat);
        return st;
    }
    r->headings[r->nheadings++] = h;
    return QZ_OK;
}

qz_status on_headings(loader *ld, const yaml_node_t *v, void *target)
{
    return each_item(ld, v, N_("headings: expected a list of {level, pattern}"), on_headings_item,
                     target);
}

qz_status on_parts(loader *ld, const yaml_node_t *v, void *target)
{
    qz_rules *r = target;
    key_entry keys[] = {{"review", on_pattern_list, &r->part_review},
                        {"plan", on_pattern_list, &r->part_plan},
                        {"dated", on_pattern_list, &r->part_dated}};
    return walk_mapping(ld, v, keys, 3);
}

const char *const qz_level_names[QZ_LEVELS] = {"national", "provincial", "city", "county",
                                               "district"};

static qz_status on_levels(loader *ld, const yaml_node_t *v, void *target)
{
    qz_rules *r = target;
    key_entry keys[QZ_LEVELS];
    for (size_t i = 0; i < QZ_LEVELS; i++)
        keys[i] = (key_entry){qz_level_names[i], on_pattern, &r->level[i]};
    return walk_mapping(ld, v, keys, QZ_LEVELS);
}

qz_status on_header(loader *ld, const yaml_node_t *v, void *target)
{
    qz_rules *r = target;
    key_entry keys[] = {{"date", on_pattern_list, &r->date},
                        {"speaker", on_pattern_list, &r->speaker},
                        {"salutation", on_pattern_list, &r->salutation},
                        {"title", on_pattern_list, &r->title},
                        {"body", on_pattern_list, &r->body},
                        {"levels", on_levels, r}};
    return walk_mapping(ld, v, keys, sizeof keys / sizeof keys[0]);
}

void qz_rules_outline_clear(qz_rules *r)
{
    for (size_t i = 0; i < r->nheadings; i++)
        qz_pattern_clear(&r->headings[i].pat);
    free(r->headings);
    for (size_t i = 0; i < QZ_LEVELS; i++)
        qz_pattern_clear(&r->level[i]);
    qz_pattern_list_clear(&r->body);
    qz_pattern_list *lists[] = {&r->part_review, &r->part_plan, &r->part_dated, &r->date,
                                &r->speaker,     &r->salutation, &r->title,      &r->opening_year,
                                &r->page_furniture};
    for (size_t i = 0; i < sizeof lists / sizeof lists[0]; i++)
        qz_pattern_list_clear(lists[i]);
    qz_pattern_clear(&r->address);
    qz_pattern_clear(&r->sentence_end);
    qz_pattern_clear(&r->table_row);
    qz_pattern_clear(&r->topic);
}
