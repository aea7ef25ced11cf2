/* schema.c — reading a libyaml document against a schema (see schema.h). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "schema.h"

qz_status fail_at(loader *ld, const yaml_node_t *node, qz_status st, const char *fmt, ...)
{
    char msg[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, _(fmt), ap);
    va_end(ap);
    return qz_fail(ld->err, st, ld->name, node ? node->start_mark.line + 1 : 0,
                   node ? node->start_mark.column + 1 : 0, QZ_VERBATIM, msg);
}

qz_status nomem(loader *ld)
{
    return qz_fail(ld->err, QZ_ERR_NOMEM, ld->name, 0, 0, "out of memory");
}

bool scalar_is(const yaml_node_t *n, const char *s)
{
    return n->type == YAML_SCALAR_NODE && strlen(s) == n->data.scalar.length &&
           memcmp(n->data.scalar.value, s, n->data.scalar.length) == 0;
}

char *scalar_dup(const yaml_node_t *n)
{
    return strndup((const char *)n->data.scalar.value, n->data.scalar.length);
}

/* ---- mappings and lists ---- */

/* A key's text, as its errors name it. */
static void key_text(const yaml_node_t *k, char *key, size_t size)
{
    snprintf(key, size, "%.*s", k->type == YAML_SCALAR_NODE ? (int)k->data.scalar.length : 1,
             k->type == YAML_SCALAR_NODE ? (char *)k->data.scalar.value : "?");
}

/* "unknown key 'K'", followed by the keys `known` lists when it lists any, and the known key
 * nearest to K when there is one ("; did you mean 'rules_file'?"). */
static qz_status unknown_key_of(loader *ld, const yaml_node_t *k, const char *known,
                                const char *suggestion)
{
    char key[100];
    key_text(k, key, sizeof key);
    qz_status st;
    if (known && *known)
        /* TRANSLATORS: a key of a YAML file, then the keys it may be (a, b, c) */
        st = fail_at(ld, k, QZ_ERR_DATA, "unknown key '%s' (%s)", key, known);
    else
        st = fail_at(ld, k, QZ_ERR_DATA, "unknown key '%s'", key);
    qz_error_suggest(ld->err, suggestion);
    return st;
}

qz_status unknown_key(loader *ld, const yaml_node_t *k)
{
    return unknown_key_of(ld, k, NULL, NULL);
}

/* "a, b, c": the keys a mapping may have, for its errors ("" when out of memory). */
static void key_list(const key_entry *keys, size_t nkeys, char *out, size_t size)
{
    qz_buf b = {0};
    for (size_t i = 0; i < nkeys; i++) {
        if (i)
            qz_buf_puts(&b, ", ");
        qz_buf_puts(&b, keys[i].key);
    }
    snprintf(out, size, "%s", b.failed || !b.data ? "" : b.data);
    qz_buf_free(&b);
}

typedef struct {
    const key_entry *keys;
    size_t nkeys;
} key_table;

static qz_status known_key(loader *ld, const yaml_node_t *k, const yaml_node_t *v, void *target)
{
    const key_table *t = target;
    for (size_t i = 0; i < t->nkeys; i++)
        if (scalar_is(k, t->keys[i].key))
            return t->keys[i].handle(ld, v, t->keys[i].target);
    char known[300], key[100];
    key_list(t->keys, t->nkeys, known, sizeof known);
    key_text(k, key, sizeof key);
    qz_suggestion s;
    qz_suggest_start(&s, k->type == YAML_SCALAR_NODE ? key : NULL);
    for (size_t i = 0; i < t->nkeys; i++)
        qz_suggest_offer(&s, t->keys[i].key);
    return unknown_key_of(ld, k, known, qz_suggest_result(&s));
}

qz_status walk_mapping(loader *ld, const yaml_node_t *map, const key_entry *keys,
                       size_t nkeys)
{
    key_table t = {keys, nkeys};
    if (map->type != YAML_MAPPING_NODE) {
        char known[300];
        key_list(keys, nkeys, known, sizeof known);
        if (*known)
            /* TRANSLATORS: the keys the mapping may have (a, b, c) */
            return fail_at(ld, map, QZ_ERR_DATA, "expected a mapping (%s)", known);
        return fail_at(ld, map, QZ_ERR_DATA, "expected a mapping");
    }
    return each_pair(ld, map, NULL, known_key, &t);
}

qz_status each_item(loader *ld, const yaml_node_t *seq, const char *what, item_handler item,
                    void *target)
{
    if (seq->type != YAML_SEQUENCE_NODE)
        return fail_at(ld, seq, QZ_ERR_DATA, QZ_VERBATIM, _(what));
    for (yaml_node_item_t *it = seq->data.sequence.items.start; it < seq->data.sequence.items.top;
         it++) {
        qz_status st = item(ld, yaml_document_get_node(ld->doc, *it), target);
        if (st != QZ_OK)
            return st;
    }
    return QZ_OK;
}

qz_status each_pair(loader *ld, const yaml_node_t *map, const char *what, pair_handler pair,
                    void *target)
{
    if (map->type != YAML_MAPPING_NODE)
        return what ? fail_at(ld, map, QZ_ERR_DATA, QZ_VERBATIM, _(what))
                    : fail_at(ld, map, QZ_ERR_DATA, "expected a mapping");
    for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top;
         p++) {
        qz_status st = pair(ld, yaml_document_get_node(ld->doc, p->key),
                            yaml_document_get_node(ld->doc, p->value), target);
        if (st != QZ_OK)
            return st;
    }
    return QZ_OK;
}

/* ---- typed scalars ---- */

qz_status on_string(loader *ld, const yaml_node_t *v, void *target)
{
    char **slot = target;
    if (v->type != YAML_SCALAR_NODE)
        return fail_at(ld, v, QZ_ERR_DATA, "expected a string");
    free(*slot);
    *slot = scalar_dup(v);
    return *slot ? QZ_OK : nomem(ld);
}

qz_status on_bool(loader *ld, const yaml_node_t *v, void *target)
{
    if (scalar_is(v, "true") || scalar_is(v, "false")) {
        *(bool *)target = scalar_is(v, "true");
        return QZ_OK;
    }
    return fail_at(ld, v, QZ_ERR_DATA, "expected true or false");
}

qz_status on_severity(loader *ld, const yaml_node_t *v, void *target)
{
    if (v->type == YAML_SCALAR_NODE) {
        char buf[16];
        snprintf(buf, sizeof buf, "%.*s", (int)v->data.scalar.length,
                 (const char *)v->data.scalar.value);
        if (v->data.scalar.length < sizeof buf && qz_severity_parse(buf, target))
            return QZ_OK;
    }
    return fail_at(ld, v, QZ_ERR_DATA, "severity must be error, warning or off");
}
