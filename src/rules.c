/* rules.c — reads data/…yaml (built in, or a user's file) with libyaml and compiles every
 * pattern once with PCRE2 JIT. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <yaml.h>

#include "builtin.h"
#include "rules.h"

/* Patterns are anchored at the subject start: compile them anchored, because pcre2_jit_match
 * ignores a match-time PCRE2_ANCHORED. Not PCRE2_MATCH_INVALID_UTF: with it, the JIT of PCRE2
 * 10.42 (Debian 12) fails to match \S against a multi-byte character (seen here: `\S{2}` on
 * 强化). The loader has already validated every byte of the text (iconv), and subjects always
 * start on a character boundary, so matches run with PCRE2_NO_UTF_CHECK instead. */
#define QZ_PCRE2_FLAGS (PCRE2_UTF | PCRE2_ANCHORED)
#define QZ_MATCH_FLAGS PCRE2_NO_UTF_CHECK
#define QZ_OVECTOR_PAIRS 32

typedef struct {
    qz_rules *rules;
    const char *name;
    yaml_document_t *doc;
    qz_error *err;
} loader;

/* ---- patterns ---- */

static void pattern_clear(qz_pattern *p)
{
    pcre2_code_free(p->re);
    free(p->source);
    p->re = NULL;
    p->source = NULL;
}

static void pattern_list_clear(qz_pattern_list *l)
{
    for (size_t i = 0; i < l->n; i++)
        pattern_clear(&l->items[i]);
    free(l->items);
    l->items = NULL;
    l->n = l->cap = 0;
}

static qz_status fail_at(loader *ld, const yaml_node_t *node, qz_status st, const char *fmt,
                         const char *arg)
{
    char msg[400];
    snprintf(msg, sizeof msg, fmt, arg);
    return qz_fail(ld->err, st, ld->name, node ? node->start_mark.line + 1 : 0,
                   node ? node->start_mark.column + 1 : 0, "%s", msg);
}

static qz_status compile_pattern(loader *ld, const yaml_node_t *node, qz_pattern *out)
{
    if (node->type != YAML_SCALAR_NODE)
        return fail_at(ld, node, QZ_ERR_DATA, "%s", "expected a pattern (a string)");
    const char *src = (const char *)node->data.scalar.value;
    size_t len = node->data.scalar.length;
    int code;
    PCRE2_SIZE at;
    pcre2_code *re = pcre2_compile((PCRE2_SPTR)src, len, QZ_PCRE2_FLAGS, &code, &at, NULL);
    if (!re) {
        PCRE2_UCHAR buf[200];
        pcre2_get_error_message(code, buf, sizeof buf);
        char msg[300];
        snprintf(msg, sizeof msg, "bad pattern: %s (at offset %zu)", (char *)buf, (size_t)at);
        return fail_at(ld, node, QZ_ERR_DATA, "%s", msg);
    }
    /* JIT is an optimisation: where the platform lacks it the interpreter gives the same
     * answers, so a JIT failure is not an error. */
    (void)pcre2_jit_compile(re, PCRE2_JIT_COMPLETE);
    out->re = re;
    out->source = strndup(src, len);
    if (!out->source) {
        pcre2_code_free(re);
        out->re = NULL;
        return qz_fail(ld->err, QZ_ERR_NOMEM, ld->name, 0, 0, "out of memory");
    }
    return QZ_OK;
}

static qz_status replace_pattern(loader *ld, const yaml_node_t *node, qz_pattern *slot)
{
    qz_pattern p = {0};
    qz_status st = compile_pattern(ld, node, &p);
    if (st != QZ_OK)
        return st;
    pattern_clear(slot);
    *slot = p;
    return QZ_OK;
}

static qz_status append_patterns(loader *ld, const yaml_node_t *node, qz_pattern_list *list)
{
    if (node->type == YAML_SCALAR_NODE) {
        if (!QZ_GROW(list->items, list->cap, list->n + 1))
            return qz_fail(ld->err, QZ_ERR_NOMEM, ld->name, 0, 0, "out of memory");
        qz_pattern p = {0};
        qz_status st = compile_pattern(ld, node, &p);
        if (st == QZ_OK)
            list->items[list->n++] = p;
        return st;
    }
    if (node->type != YAML_SEQUENCE_NODE)
        return fail_at(ld, node, QZ_ERR_DATA, "%s", "expected a list of patterns");
    for (yaml_node_item_t *it = node->data.sequence.items.start;
         it < node->data.sequence.items.top; it++) {
        qz_status st = append_patterns(ld, yaml_document_get_node(ld->doc, *it), list);
        if (st != QZ_OK)
            return st;
    }
    return QZ_OK;
}

/* ---- mappings ---- */

typedef qz_status (*key_handler)(loader *ld, const yaml_node_t *value, void *target);

typedef struct {
    const char *key;
    key_handler handle;
    void *target;
} key_entry;

static bool scalar_is(const yaml_node_t *n, const char *s)
{
    return n->type == YAML_SCALAR_NODE && strlen(s) == n->data.scalar.length &&
           memcmp(n->data.scalar.value, s, n->data.scalar.length) == 0;
}

/* Runs the handler of each key of a mapping; an unknown key is an error, so that a typo in a
 * user's rules file is reported rather than silently ignored. */
static qz_status walk_mapping(loader *ld, const yaml_node_t *map, const key_entry *keys,
                              size_t nkeys)
{
    if (map->type != YAML_MAPPING_NODE)
        return fail_at(ld, map, QZ_ERR_DATA, "%s", "expected a mapping");
    for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top;
         p++) {
        yaml_node_t *k = yaml_document_get_node(ld->doc, p->key);
        yaml_node_t *v = yaml_document_get_node(ld->doc, p->value);
        size_t i = 0;
        while (i < nkeys && !scalar_is(k, keys[i].key))
            i++;
        if (i == nkeys) {
            char key[100];
            snprintf(key, sizeof key, "%.*s",
                     k->type == YAML_SCALAR_NODE ? (int)k->data.scalar.length : 1,
                     k->type == YAML_SCALAR_NODE ? (char *)k->data.scalar.value : "?");
            return fail_at(ld, k, QZ_ERR_DATA, "unknown key '%s'", key);
        }
        qz_status st = keys[i].handle(ld, v, keys[i].target);
        if (st != QZ_OK)
            return st;
    }
    return QZ_OK;
}

static qz_status on_pattern_list(loader *ld, const yaml_node_t *v, void *target)
{
    return append_patterns(ld, v, target);
}

static qz_status on_pattern(loader *ld, const yaml_node_t *v, void *target)
{
    return replace_pattern(ld, v, target);
}

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
    return fail_at(ld, v, QZ_ERR_DATA, "%s", "level must be a whole number from 1 to 9");
}

static qz_status on_heading_level(loader *ld, const yaml_node_t *v, void *target)
{
    return read_level(ld, v, &((qz_heading_rule *)target)->level);
}

static qz_status on_heading_pattern(loader *ld, const yaml_node_t *v, void *target)
{
    return replace_pattern(ld, v, &((qz_heading_rule *)target)->pat);
}

static qz_status on_headings(loader *ld, const yaml_node_t *v, void *target)
{
    qz_rules *r = target;
    if (v->type != YAML_SEQUENCE_NODE)
        return fail_at(ld, v, QZ_ERR_DATA, "%s", "headings: expected a list of {level, pattern}");
    for (yaml_node_item_t *it = v->data.sequence.items.start; it < v->data.sequence.items.top;
         it++) {
        yaml_node_t *item = yaml_document_get_node(ld->doc, *it);
        qz_heading_rule h = {.level = 0};
        key_entry keys[] = {{"level", on_heading_level, &h}, {"pattern", on_heading_pattern, &h}};
        qz_status st = walk_mapping(ld, item, keys, 2);
        if (st == QZ_OK && (!h.pat.re || !h.level))
            st = fail_at(ld, item, QZ_ERR_DATA, "%s", "a heading needs both level and pattern");
        if (st == QZ_OK && pcre2_substring_number_from_name(h.pat.re, (PCRE2_SPTR) "num") < 0)
            st = fail_at(ld, item, QZ_ERR_DATA, "%s", "a heading pattern needs a group (?<num>…)");
        if (st == QZ_OK && !QZ_GROW(r->headings, r->cap_headings, r->nheadings + 1))
            st = qz_fail(ld->err, QZ_ERR_NOMEM, ld->name, 0, 0, "out of memory");
        if (st != QZ_OK) {
            pattern_clear(&h.pat);
            return st;
        }
        r->headings[r->nheadings++] = h;
    }
    return QZ_OK;
}

static qz_status on_parts(loader *ld, const yaml_node_t *v, void *target)
{
    qz_rules *r = target;
    key_entry keys[] = {{"review", on_pattern_list, &r->part_review},
                        {"plan", on_pattern_list, &r->part_plan},
                        {"dated", on_pattern_list, &r->part_dated}};
    return walk_mapping(ld, v, keys, 3);
}

static qz_status on_header(loader *ld, const yaml_node_t *v, void *target)
{
    qz_rules *r = target;
    key_entry keys[] = {{"date", on_pattern_list, &r->date},
                        {"speaker", on_pattern_list, &r->speaker},
                        {"salutation", on_pattern_list, &r->salutation},
                        {"title", on_pattern_list, &r->title}};
    return walk_mapping(ld, v, keys, 4);
}

static qz_status load_root(loader *ld, const yaml_node_t *root)
{
    qz_rules *r = ld->rules;
    key_entry keys[] = {
        {"headings", on_headings, r},          {"parts", on_parts, r},
        {"header", on_header, r},              {"address", on_pattern, &r->address},
        {"opening_year", on_pattern_list, &r->opening_year},
        {"sentence_end", on_pattern, &r->sentence_end}, {"topic", on_pattern, &r->topic},
    };
    return walk_mapping(ld, root, keys, sizeof keys / sizeof keys[0]);
}

qz_status qz_rules_add_yaml(qz_rules *rules, const char *name, const char *yaml, size_t len,
                            qz_error *err)
{
    yaml_parser_t parser;
    yaml_document_t doc;
    if (!yaml_parser_initialize(&parser))
        return qz_fail(err, QZ_ERR_NOMEM, name, 0, 0, "out of memory");
    yaml_parser_set_input_string(&parser, (const unsigned char *)yaml, len);
    if (!yaml_parser_load(&parser, &doc)) {
        qz_status st = qz_fail(err, QZ_ERR_DATA, name, parser.problem_mark.line + 1,
                               parser.problem_mark.column + 1, "%s%s%s",
                               parser.problem ? parser.problem : "malformed YAML",
                               parser.context ? " " : "", parser.context ? parser.context : "");
        yaml_parser_delete(&parser);
        return st;
    }
    yaml_parser_delete(&parser);
    qz_status st = QZ_OK;
    yaml_node_t *root = yaml_document_get_root_node(&doc);
    if (root) { /* an empty file adds nothing */
        loader ld = {rules, name, &doc, err};
        st = load_root(&ld, root);
    }
    yaml_document_delete(&doc);
    return st;
}

qz_status qz_rules_add_file(qz_rules *rules, const char *path, qz_error *err)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return qz_fail(err, QZ_ERR_IO, path, 0, 0, "%s", strerror(errno));
    qz_buf b = {0};
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        qz_buf_append(&b, chunk, n);
    int read_error = ferror(f);
    fclose(f);
    if (read_error) {
        qz_buf_free(&b);
        return qz_fail(err, QZ_ERR_IO, path, 0, 0, "read error");
    }
    size_t len;
    char *text = qz_buf_release(&b, &len);
    if (!text)
        return qz_fail(err, QZ_ERR_NOMEM, path, 0, 0, "out of memory");
    qz_status st = qz_rules_add_yaml(rules, path, text, len, err);
    free(text);
    return st;
}

static bool rules_complete(const qz_rules *r)
{
    return r->address.re && r->sentence_end.re && r->topic.re;
}

qz_status qz_rules_new(qz_rules **out, qz_error *err)
{
    *out = NULL;
    qz_rules *r = calloc(1, sizeof *r);
    if (!r)
        return qz_fail(err, QZ_ERR_NOMEM, NULL, 0, 0, "out of memory");
    r->md = pcre2_match_data_create(QZ_OVECTOR_PAIRS, NULL);
    if (!r->md) {
        qz_rules_free(r);
        return qz_fail(err, QZ_ERR_NOMEM, NULL, 0, 0, "out of memory");
    }
    for (size_t i = 0; i < qz_builtin_nfiles; i++) {
        char name[128];
        snprintf(name, sizeof name, "<built-in data/%s>", qz_builtin_files[i].name);
        qz_status st = qz_rules_add_yaml(r, name, (const char *)qz_builtin_files[i].bytes,
                                         qz_builtin_files[i].len, err);
        if (st != QZ_OK) {
            qz_rules_free(r);
            return st;
        }
    }
    if (!rules_complete(r)) {
        qz_rules_free(r);
        return qz_fail(err, QZ_ERR_INTERNAL, NULL, 0, 0,
                       "built-in data lacks address, sentence_end or topic");
    }
    *out = r;
    return QZ_OK;
}

void qz_rules_free(qz_rules *r)
{
    if (!r)
        return;
    for (size_t i = 0; i < r->nheadings; i++)
        pattern_clear(&r->headings[i].pat);
    free(r->headings);
    qz_pattern_list *lists[] = {&r->part_review, &r->part_plan, &r->part_dated, &r->date,
                                &r->speaker,     &r->salutation, &r->title,      &r->opening_year};
    for (size_t i = 0; i < sizeof lists / sizeof lists[0]; i++)
        pattern_list_clear(lists[i]);
    pattern_clear(&r->address);
    pattern_clear(&r->sentence_end);
    pattern_clear(&r->topic);
    pcre2_match_data_free(r->md);
    free(r);
}

/* ---- matching ---- */

bool qz_pattern_match(const qz_rules *rules, const qz_pattern *pat, const char *s, size_t len,
                      qz_match *m)
{
    if (!pat->re)
        return false;
    int rc = pcre2_match(pat->re, (PCRE2_SPTR)s, len, 0, QZ_MATCH_FLAGS, rules->md, NULL);
    if (rc < 0)
        return false; /* no match, or a match limit hit: either way nothing is found here */
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(rules->md);
    m->pat = pat;
    m->subject = s;
    m->end = ov[1];
    return true;
}

const qz_pattern *qz_pattern_list_match(const qz_rules *rules, const qz_pattern_list *list,
                                        const char *s, size_t len, qz_match *m)
{
    for (size_t i = 0; i < list->n; i++)
        if (qz_pattern_match(rules, &list->items[i], s, len, m))
            return &list->items[i];
    return NULL;
}

bool qz_match_group(const qz_rules *rules, const qz_match *m, const char *name, size_t *start,
                    size_t *len)
{
    int n = pcre2_substring_number_from_name(m->pat->re, (PCRE2_SPTR)name);
    if (n < 0 || (uint32_t)n >= pcre2_get_ovector_count(rules->md))
        return false;
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(rules->md);
    if (ov[2 * n] == PCRE2_UNSET)
        return false;
    *start = ov[2 * n];
    *len = ov[2 * n + 1] - ov[2 * n];
    return true;
}

/* ---- line queries ---- */

bool qz_rules_heading(const qz_rules *rules, const char *line, size_t len, qz_heading_match *h)
{
    qz_match m;
    for (size_t i = 0; i < rules->nheadings; i++) {
        if (!qz_pattern_match(rules, &rules->headings[i].pat, line, len, &m))
            continue;
        if (!qz_match_group(rules, &m, "num", &h->num_start, &h->num_len))
            continue;
        h->level = rules->headings[i].level;
        h->marker_len = m.end;
        return true;
    }
    return false;
}

/* Trailing marks that may close a title line without being part of it. */
size_t qz_trim_title_end(const char *s, size_t len)
{
    static const char *const marks[] = {"。", "：", ":", "；", ";", "，", ",", " ", "\t", "　"};
    bool again = true;
    while (again && len > 0) {
        again = false;
        for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++) {
            size_t n = strlen(marks[i]);
            if (len >= n && memcmp(s + len - n, marks[i], n) == 0) {
                len -= n;
                again = true;
            }
        }
    }
    return len;
}

qz_title_kind qz_rules_part_title(const qz_rules *rules, const char *title, size_t len)
{
    qz_match m;
    len = qz_trim_title_end(title, len);
    if (len == 0)
        return QZ_TITLE_NONE;
    if (qz_pattern_list_match(rules, &rules->part_review, title, len, &m))
        return QZ_TITLE_REVIEW;
    if (qz_pattern_list_match(rules, &rules->part_plan, title, len, &m))
        return QZ_TITLE_PLAN;
    if (qz_pattern_list_match(rules, &rules->part_dated, title, len, &m))
        return QZ_TITLE_DATED;
    return QZ_TITLE_NONE;
}

/* The sentence_end pattern is anchored, so it is tried at each of the line's last few code
 * points: a closing mark and a few quotes and spaces after it fit in that window. */
#define QZ_LINE_END_WINDOW 12

bool qz_rules_line_complete(const qz_rules *rules, const char *line, size_t len)
{
    size_t start = len;
    qz_match m;
    for (int k = 0; k < QZ_LINE_END_WINDOW && start > 0; k++) {
        start--;
        while (start > 0 && ((unsigned char)line[start] & 0xC0) == 0x80)
            start--;
        if (qz_pattern_match(rules, &rules->sentence_end, line + start, len - start, &m))
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

bool qz_rules_standalone_heading(const qz_rules *rules, const char *line, size_t len)
{
    qz_heading_match h;
    if (qz_rules_part_title(rules, line, len) != QZ_TITLE_NONE)
        return true;
    if (!qz_rules_heading(rules, line, len, &h))
        return false;
    return qz_find_period(line, len) >= qz_trim_title_end(line, len);
}
