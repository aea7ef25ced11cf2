/* config.c — .qzreport.yaml, read with libyaml: rule severities, required metrics, allowed
 * strings and a rules file. Unknown keys and bad values are errors with the line and column
 * of the offending node, so that a typo never silently changes what CI checks. */
#define _XOPEN_SOURCE 700 /* realpath */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <yaml.h>

#include "internal.h"

typedef struct {
    qz_config *c;
    yaml_document_t *doc;
    qz_error *err;
} reader;

static qz_status bad(reader *rd, const yaml_node_t *n, const char *what)
{
    return qz_fail(rd->err, QZ_ERR_DATA, rd->c->path, n->start_mark.line + 1,
                   n->start_mark.column + 1, "%s", what);
}

static char *dup_scalar(const yaml_node_t *n)
{
    return strndup((const char *)n->data.scalar.value, n->data.scalar.length);
}

static bool is(const yaml_node_t *n, const char *s)
{
    return n->type == YAML_SCALAR_NODE && strlen(s) == n->data.scalar.length &&
           memcmp(n->data.scalar.value, s, n->data.scalar.length) == 0;
}

/* A list of strings; *lines gets each one's line. */
static qz_status read_strings(reader *rd, const yaml_node_t *v, char ***out, size_t *n,
                              size_t **lines)
{
    if (v->type != YAML_SEQUENCE_NODE)
        return bad(rd, v, "expected a list of strings");
    for (yaml_node_item_t *it = v->data.sequence.items.start; it < v->data.sequence.items.top;
         it++) {
        yaml_node_t *s = yaml_document_get_node(rd->doc, *it);
        if (s->type != YAML_SCALAR_NODE || s->data.scalar.length == 0)
            return bad(rd, s, "expected a string");
        size_t cap = *n, cap_lines = *n; /* grown one at a time: capacity == count */
        if (!QZ_GROW(*out, cap, *n + 1) || (lines && !QZ_GROW(*lines, cap_lines, *n + 1)))
            return qz_fail(rd->err, QZ_ERR_NOMEM, rd->c->path, 0, 0, "out of memory");
        if (lines)
            (*lines)[*n] = s->start_mark.line + 1;
        if (!((*out)[*n] = dup_scalar(s)))
            return qz_fail(rd->err, QZ_ERR_NOMEM, rd->c->path, 0, 0, "out of memory");
        (*n)++;
    }
    return QZ_OK;
}

static qz_status read_severities(reader *rd, const yaml_node_t *v)
{
    qz_config *c = rd->c;
    if (v->type != YAML_MAPPING_NODE)
        return bad(rd, v, "rules: expected rule-id: error|warning|off");
    for (yaml_node_pair_t *p = v->data.mapping.pairs.start; p < v->data.mapping.pairs.top; p++) {
        yaml_node_t *k = yaml_document_get_node(rd->doc, p->key);
        yaml_node_t *s = yaml_document_get_node(rd->doc, p->value);
        qz_severity sev;
        char buf[16] = "";
        if (s->type == YAML_SCALAR_NODE && s->data.scalar.length < sizeof buf)
            memcpy(buf, s->data.scalar.value, s->data.scalar.length);
        if (k->type != YAML_SCALAR_NODE)
            return bad(rd, k, "expected a rule id");
        if (!qz_severity_parse(buf, &sev))
            return bad(rd, s, "severity must be error, warning or off");
        size_t cap = c->noverrides, cap_lines = c->noverrides;
        if (!QZ_GROW(c->overrides, cap, c->noverrides + 1) ||
            !QZ_GROW(c->override_line, cap_lines, c->noverrides + 1))
            return qz_fail(rd->err, QZ_ERR_NOMEM, c->path, 0, 0, "out of memory");
        char *id = dup_scalar(k);
        if (!id)
            return qz_fail(rd->err, QZ_ERR_NOMEM, c->path, 0, 0, "out of memory");
        c->override_line[c->noverrides] = k->start_mark.line + 1;
        c->overrides[c->noverrides++] = (qz_severity_override){id, sev};
    }
    return QZ_OK;
}

/* rules_file is relative to the config's folder. */
static qz_status read_rules_file(reader *rd, const yaml_node_t *v)
{
    if (v->type != YAML_SCALAR_NODE || v->data.scalar.length == 0)
        return bad(rd, v, "rules_file: expected a path");
    const char *name = (const char *)v->data.scalar.value;
    const char *slash = strrchr(rd->c->path, '/');
    int dirlen = name[0] == '/' || !slash ? 0 : (int)(slash - rd->c->path + 1);
    size_t size = (size_t)dirlen + v->data.scalar.length + 1;
    free(rd->c->rules_file);
    rd->c->rules_file = malloc(size);
    if (!rd->c->rules_file)
        return qz_fail(rd->err, QZ_ERR_NOMEM, rd->c->path, 0, 0, "out of memory");
    snprintf(rd->c->rules_file, size, "%.*s%.*s", dirlen, rd->c->path,
             (int)v->data.scalar.length, name);
    return QZ_OK;
}

static qz_status read_root(reader *rd, const yaml_node_t *root)
{
    qz_config *c = rd->c;
    if (root->type != YAML_MAPPING_NODE)
        return bad(rd, root, "expected a mapping (rules, require, allow, rules_file)");
    for (yaml_node_pair_t *p = root->data.mapping.pairs.start; p < root->data.mapping.pairs.top;
         p++) {
        yaml_node_t *k = yaml_document_get_node(rd->doc, p->key);
        yaml_node_t *v = yaml_document_get_node(rd->doc, p->value);
        qz_status st;
        if (is(k, "rules"))
            st = read_severities(rd, v);
        else if (is(k, "require"))
            st = read_strings(rd, v, &c->require, &c->nrequire, &c->require_line);
        else if (is(k, "allow"))
            st = read_strings(rd, v, &c->allow, &c->nallow, NULL);
        else if (is(k, "rules_file"))
            st = read_rules_file(rd, v);
        else {
            char msg[160];
            snprintf(msg, sizeof msg, "unknown key '%.*s' (rules, require, allow, rules_file)",
                     k->type == YAML_SCALAR_NODE ? (int)k->data.scalar.length : 1,
                     k->type == YAML_SCALAR_NODE ? (char *)k->data.scalar.value : "?");
            st = bad(rd, k, msg);
        }
        if (st != QZ_OK)
            return st;
    }
    return QZ_OK;
}

qz_status qz_config_load(qz_config **out, const char *path, qz_error *err)
{
    *out = NULL;
    FILE *f = fopen(path, "rb");
    char why[200];
    if (!f)
        return qz_fail(err, QZ_ERR_IO, path, 0, 0, "%s", qz_strerror(errno, why, sizeof why));
    qz_config *c = calloc(1, sizeof *c);
    if (!c || !(c->path = strdup(path))) {
        fclose(f);
        free(c);
        return qz_fail(err, QZ_ERR_NOMEM, path, 0, 0, "out of memory");
    }
    yaml_parser_t parser;
    yaml_document_t doc;
    yaml_parser_initialize(&parser);
    yaml_parser_set_input_file(&parser, f);
    qz_status st = QZ_OK;
    if (!yaml_parser_load(&parser, &doc)) {
        st = qz_fail(err, QZ_ERR_DATA, path, parser.problem_mark.line + 1,
                     parser.problem_mark.column + 1, "%s",
                     parser.problem ? parser.problem : "malformed YAML");
    } else {
        yaml_node_t *root = yaml_document_get_root_node(&doc);
        reader rd = {c, &doc, err};
        if (root)
            st = read_root(&rd, root);
        yaml_document_delete(&doc);
    }
    yaml_parser_delete(&parser);
    fclose(f);
    if (st != QZ_OK) {
        qz_config_free(c);
        return st;
    }
    *out = c;
    return QZ_OK;
}

qz_status qz_config_validate(const qz_config *c, const qz_rules *rules, qz_error *err)
{
    for (size_t i = 0; i < c->noverrides; i++)
        if (!qz_rules_find_check_rule(rules, c->overrides[i].rule))
            return qz_fail(err, QZ_ERR_DATA, c->path, c->override_line[i], 3,
                           "unknown rule '%s'", c->overrides[i].rule);
    for (size_t i = 0; i < c->nrequire; i++)
        if (!qz_rules_has_key(rules, c->require[i]))
            return qz_fail(err, QZ_ERR_DATA, c->path, c->require_line[i], 5,
                           "unknown metric key '%s'", c->require[i]);
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
    free(c->override_line);
    free(c->require);
    free(c->require_line);
    free(c->allow);
    free(c->rules_file);
    free(c->path);
    free(c);
}

bool qz_config_find(const char *dir, char *path, size_t size)
{
    char d[4096];
    if (!realpath(dir && *dir ? dir : ".", d))
        return false;
    for (;;) {
        struct stat sb;
        snprintf(path, size, "%s%s.qzreport.yaml", d, strcmp(d, "/") ? "/" : "");
        if (stat(path, &sb) == 0 && S_ISREG(sb.st_mode))
            return true;
        if (strcmp(d, "/") == 0)
            return false;
        char *slash = strrchr(d, '/');
        if (slash == d)
            slash[1] = '\0';
        else
            *slash = '\0';
    }
}
