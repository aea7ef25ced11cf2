/* config.c — .qzreport.yaml, read with libyaml through schema.c: rule severities, required
 * metrics, allowed strings and a rules file. Unknown keys, bad values, unknown rule ids and
 * metric keys are errors with the line and column of the offending node, so that a typo never
 * silently changes what CI checks. */
#define _XOPEN_SOURCE 700 /* realpath */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "schema.h"

static qz_place place_of(const yaml_node_t *n)
{
    return (qz_place){n->start_mark.line + 1, n->start_mark.column + 1};
}

/* A list of strings; `at` (NULL: not kept) gets where each one stands. */
typedef struct {
    char ***items;
    size_t *n;
    qz_place **at;
} string_list;

static qz_status on_string_item(loader *ld, const yaml_node_t *s, void *target)
{
    string_list *l = target;
    if (s->type != YAML_SCALAR_NODE || s->data.scalar.length == 0)
        return fail_at(ld, s, QZ_ERR_DATA, "expected a string");
    size_t n = *l->n, cap = n, cap_at = n; /* grown one at a time: capacity == count */
    if (!QZ_GROW(*l->items, cap, n + 1) || (l->at && !QZ_GROW(*l->at, cap_at, n + 1)))
        return nomem(ld);
    if (l->at)
        (*l->at)[n] = place_of(s);
    if (!((*l->items)[n] = scalar_dup(s)))
        return nomem(ld);
    (*l->n)++;
    return QZ_OK;
}

static qz_status on_strings(loader *ld, const yaml_node_t *v, void *target)
{
    return each_item(ld, v, N_("expected a list of strings"), on_string_item, target);
}

/* rule-id: severity */
static qz_status on_override(loader *ld, const yaml_node_t *k, const yaml_node_t *v,
                             void *target)
{
    qz_config *c = target;
    if (k->type != YAML_SCALAR_NODE)
        return fail_at(ld, k, QZ_ERR_DATA, "expected a rule id");
    qz_severity sev;
    qz_status st = on_severity(ld, v, &sev);
    if (st != QZ_OK)
        return st;
    size_t cap = c->noverrides, cap_at = c->noverrides;
    if (!QZ_GROW(c->overrides, cap, c->noverrides + 1) ||
        !QZ_GROW(c->override_at, cap_at, c->noverrides + 1))
        return nomem(ld);
    char *id = scalar_dup(k);
    if (!id)
        return nomem(ld);
    c->override_at[c->noverrides] = place_of(k);
    c->overrides[c->noverrides++] = (qz_severity_override){id, sev};
    return QZ_OK;
}

static qz_status on_severities(loader *ld, const yaml_node_t *v, void *target)
{
    return each_pair(ld, v, N_("rules: expected rule-id: error|warning|off"), on_override, target);
}

/* rules_file is relative to the config's folder (ld->name is the config's path). */
static qz_status on_rules_file(loader *ld, const yaml_node_t *v, void *target)
{
    char **rules_file = target;
    if (v->type != YAML_SCALAR_NODE || v->data.scalar.length == 0)
        return fail_at(ld, v, QZ_ERR_DATA, "rules_file: expected a path");
    const char *name = (const char *)v->data.scalar.value;
    const char *slash = strrchr(ld->name, '/');
    int dirlen = name[0] == '/' || !slash ? 0 : (int)(slash - ld->name + 1);
    size_t size = (size_t)dirlen + v->data.scalar.length + 1;
    free(*rules_file);
    *rules_file = malloc(size);
    if (!*rules_file)
        return nomem(ld);
    snprintf(*rules_file, size, "%.*s%.*s", dirlen, ld->name, (int)v->data.scalar.length, name);
    return QZ_OK;
}

static qz_status read_root(loader *ld, const yaml_node_t *root, qz_config *c)
{
    string_list require = {&c->require, &c->nrequire, &c->require_at};
    string_list allow = {&c->allow, &c->nallow, NULL};
    key_entry keys[] = {{"rules", on_severities, c},
                        {"require", on_strings, &require},
                        {"allow", on_strings, &allow},
                        {"rules_file", on_rules_file, &c->rules_file}};
    return walk_mapping(ld, root, keys, sizeof keys / sizeof keys[0]);
}

qz_status qz_config_load(qz_config **out, const char *path, qz_error *err)
{
    *out = NULL;
    char *text;
    size_t len;
    qz_status st = qz_read_file(path, false, &text, &len, err);
    if (st != QZ_OK)
        return st;
    qz_config *c = calloc(1, sizeof *c);
    if (!c || !(c->path = strdup(path))) {
        free(text);
        free(c);
        return qz_fail(err, QZ_ERR_NOMEM, path, 0, 0, "out of memory");
    }
    yaml_parser_t parser;
    yaml_document_t doc;
    yaml_parser_initialize(&parser);
    yaml_parser_set_input_string(&parser, (const unsigned char *)text, len);
    if (!yaml_parser_load(&parser, &doc)) {
        st = qz_fail(err, QZ_ERR_DATA, path, parser.problem_mark.line + 1,
                     parser.problem_mark.column + 1, QZ_VERBATIM,
                     parser.problem ? parser.problem : _("malformed YAML"));
    } else {
        yaml_node_t *root = yaml_document_get_root_node(&doc);
        loader ld = {.name = path, .doc = &doc, .err = err};
        if (root)
            st = read_root(&ld, root, c);
        yaml_document_delete(&doc);
    }
    yaml_parser_delete(&parser);
    free(text);
    if (st != QZ_OK) {
        qz_config_free(c);
        return st;
    }
    *out = c;
    return QZ_OK;
}

/* The check rule id nearest to id, or NULL. */
static const char *nearest_rule(const qz_rules *rules, const char *id)
{
    qz_suggestion s;
    qz_suggest_start(&s, id);
    const qz_check_rule *r;
    for (size_t i = 0; (r = qz_rules_check_rule(rules, i)) != NULL; i++)
        qz_suggest_offer(&s, r->id);
    return qz_suggest_result(&s);
}

/* The metric key nearest to key, or NULL. */
static const char *nearest_key(const qz_rules *rules, const char *key)
{
    qz_suggestion s;
    qz_suggest_start(&s, key);
    const char *k;
    for (size_t i = 0; (k = qz_rules_key(rules, i)) != NULL; i++)
        qz_suggest_offer(&s, k);
    return qz_suggest_result(&s);
}

qz_status qz_config_validate(const qz_config *c, const qz_rules *rules, qz_error *err)
{
    for (size_t i = 0; i < c->noverrides; i++)
        if (!qz_rules_find_check_rule(rules, c->overrides[i].rule)) {
            qz_fail(err, QZ_ERR_DATA, c->path, c->override_at[i].line, c->override_at[i].column,
                    "unknown rule '%s'", c->overrides[i].rule);
            qz_error_suggest(err, nearest_rule(rules, c->overrides[i].rule));
            return QZ_ERR_DATA;
        }
    for (size_t i = 0; i < c->nrequire; i++)
        if (!qz_rules_has_key(rules, c->require[i])) {
            qz_fail(err, QZ_ERR_DATA, c->path, c->require_at[i].line, c->require_at[i].column,
                    "unknown metric key '%s'", c->require[i]);
            qz_error_suggest(err, nearest_key(rules, c->require[i]));
            return QZ_ERR_DATA;
        }
    return QZ_OK;
}

void qz_config_free(qz_config *c)
{
    if (!c)
        return;
    for (size_t i = 0; i < c->noverrides; i++)
        free((char *)c->overrides[i].rule);
    for (size_t i = 0; i < c->nrequire; i++)
        free(c->require[i]);
    for (size_t i = 0; i < c->nallow; i++)
        free(c->allow[i]);
    free(c->overrides);
    free(c->override_at);
    free(c->require);
    free(c->require_at);
    free(c->allow);
    free(c->rules_file);
    free(c->path);
    free(c);
}

char *qz_config_find(const char *dir)
{
    /* realpath allocates the folder's whole name: no buffer of ours can cut it */
    char *d = realpath(dir && *dir ? dir : ".", NULL);
    if (!d)
        return NULL;
    for (;;) {
        struct stat sb;
        char *path = qz_printf("%s%s.qzreport.yaml", d, strcmp(d, "/") ? "/" : "");
        if (!path || (stat(path, &sb) == 0 && S_ISREG(sb.st_mode))) {
            free(d);
            return path;
        }
        free(path);
        if (strcmp(d, "/") == 0) {
            free(d);
            return NULL;
        }
        char *slash = strrchr(d, '/');
        if (slash == d)
            slash[1] = '\0';
        else
            *slash = '\0';
    }
}
