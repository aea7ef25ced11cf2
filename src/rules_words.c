/* rules_words.c — reads data/words.yaml's keys into a qz_rules: the measure words (units), the
 * traditional characters, and the patterns built from the word lists after each file (unit_any,
 * ignore_any, view_drop_any); ignore, not_units, negative and view_drop are patterns or lists,
 * read by rules.c's helpers. Ownership: what it reads and builds belongs to the rules, and
 * qz_rules_words_clear frees it from qz_rules_free. */
#include <stdio.h>
#include <stdlib.h>

#include "rules_load.h"

static qz_status on_unit_pattern(loader *ld, const yaml_node_t *v, void *target)
{
    return replace_pattern(ld, v, &((qz_unit_rule *)target)->pat);
}

static qz_status on_unit_name(loader *ld, const yaml_node_t *v, void *target)
{
    qz_unit_rule *u = target;
    if (v->type != YAML_SCALAR_NODE || v->data.scalar.length == 0)
        return fail_at(ld, v, QZ_ERR_DATA, "unit: expected a word");
    free(u->name);
    u->name = scalar_dup(v);
    return u->name ? QZ_OK : nomem(ld);
}

static void unit_clear(qz_unit_rule *u)
{
    qz_pattern_clear(&u->pat);
    free(u->name);
}

/* An entry is a word (人次: its own pattern and name) or {pattern, unit}. */
static qz_status read_unit(loader *ld, const yaml_node_t *item, qz_unit_rule *u)
{
    if (item->type == YAML_SCALAR_NODE) {
        qz_status st = compile_pattern(ld, item, &u->pat);
        if (st == QZ_OK && !(u->name = scalar_dup(item)))
            st = nomem(ld);
        return st;
    }
    key_entry keys[] = {{"pattern", on_unit_pattern, u}, {"unit", on_unit_name, u}};
    qz_status st = walk_mapping(ld, item, keys, 2);
    if (st == QZ_OK && (!u->pat.source || !u->name))
        st = fail_at(ld, item, QZ_ERR_DATA, "a unit needs both pattern and unit");
    return st;
}

static qz_status on_units_item(loader *ld, const yaml_node_t *item, void *target)
{
    qz_rules *r = target;
    qz_unit_rule u = {0};
    qz_status st = read_unit(ld, item, &u);
    if (st == QZ_OK && !QZ_GROW(r->units, r->cap_units, r->nunits + 1))
        st = nomem(ld);
    if (st != QZ_OK) {
        unit_clear(&u);
        return st;
    }
    r->units[r->nunits++] = u;
    return QZ_OK;
}

qz_status on_units(loader *ld, const yaml_node_t *v, void *target)
{
    return each_item(ld, v, N_("units: expected a list"), on_units_item, target);
}

/* A set of characters as a bitmap of the Basic Multilingual Plane (8 KiB): testing a
 * character is one load, where a PCRE2 class of a hundred and fifty characters runs at a
 * few tens of MB/s. A string replaces the set before it. */
qz_status on_char_set(loader *ld, const yaml_node_t *v, void *target)
{
    unsigned char **set = target;
    if (v->type != YAML_SCALAR_NODE)
        return fail_at(ld, v, QZ_ERR_DATA, "expected a string of characters");
    unsigned char *bits = calloc(0x10000 / 8, 1);
    if (!bits)
        return nomem(ld);
    const char *s = (const char *)v->data.scalar.value;
    size_t len = v->data.scalar.length;
    for (size_t pos = 0; pos < len;) {
        size_t n;
        uint32_t cp = qz_utf8_decode(s + pos, len - pos, &n);
        if (cp > 0xFFFF) {
            free(bits);
            return fail_at(ld, v, QZ_ERR_DATA, "only characters of the BMP can be listed");
        }
        bits[cp >> 3] |= (unsigned char)(1u << (cp & 7));
        pos += n;
    }
    free(*set);
    *set = bits;
    return QZ_OK;
}

static qz_status build_units(qz_rules *r, const char *name, qz_error *err)
{
    qz_buf b = {0};
    char mark[32];
    for (size_t i = 0; i < r->nunits; i++) {
        qz_buf_puts(&b, i ? "|(?:" : "(?:");
        qz_buf_puts(&b, r->units[i].pat.source);
        snprintf(mark, sizeof mark, ")(*MARK:%zu)", i);
        qz_buf_puts(&b, mark);
    }
    return build(r, &r->unit_any, &b, true, name, err);
}

/* One pattern of a list's: (?:P1)|(?:P2)|… */
static qz_status build_any(qz_rules *r, const qz_pattern_list *list, qz_pattern *slot,
                           bool anchored, const char *name, qz_error *err)
{
    qz_buf b = {0};
    for (size_t i = 0; i < list->n; i++) {
        qz_buf_puts(&b, i ? "|(?:" : "(?:");
        qz_buf_puts(&b, list->items[i].source);
        qz_buf_puts(&b, ")");
    }
    return build(r, slot, &b, anchored, name, err);
}

/* Rebuilds the patterns made of the word lists as they now stand. */
qz_status qz_rules_words_build(qz_rules *r, const char *name, qz_error *err)
{
    qz_status st = build_units(r, name, err);
    if (st == QZ_OK)
        st = build_any(r, &r->ignore, &r->ignore_any, true, name, err);
    if (st == QZ_OK)
        st = build_any(r, &r->view_drop, &r->view_drop_any, false, name, err);
    return st;
}

void qz_rules_words_clear(qz_rules *r)
{
    for (size_t i = 0; i < r->nunits; i++)
        unit_clear(&r->units[i]);
    free(r->units);
    qz_pattern_list_clear(&r->ignore);
    qz_pattern_list_clear(&r->view_drop);
    free(r->traditional);
    qz_pattern_clear(&r->not_units);
    qz_pattern_clear(&r->negative);
    qz_pattern_clear(&r->unit_any);
    qz_pattern_clear(&r->ignore_any);
    qz_pattern_clear(&r->view_drop_any);
}
