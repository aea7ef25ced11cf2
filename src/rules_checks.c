/* rules_checks.c — reads data/check.yaml's keys into a qz_rules: the check rules (a rule of the
 * same id merges into the one before), the sums, and the severities' names. Ownership: what it
 * reads belongs to the rules, and qz_rules_checks_clear frees it from qz_rules_free; a check's
 * public view (qz_check_rule) points into its own strings. */
#include <stdlib.h>
#include <string.h>

#include "rules_load.h"

typedef struct {
    char **zh, **en;
} lang_pair;

static qz_status on_lang_pair(loader *ld, const yaml_node_t *v, void *target)
{
    lang_pair *lp = target;
    key_entry keys[] = {{"zh", on_string, lp->zh}, {"en", on_string, lp->en}};
    return walk_mapping(ld, v, keys, 2);
}

static void check_find_clear(qz_check_find *f)
{
    qz_pattern_clear(&f->pat);
    free(f->fix);
}

static qz_status add_find(loader *ld, qz_check_def *c, const yaml_node_t *pattern,
                          char *fix)
{
    qz_check_find f = {.fix = fix};
    qz_status st = compile_node(ld, pattern, false, &f.pat);
    size_t cap = c->nfinds;
    if (st == QZ_OK && !QZ_GROW(c->finds, cap, c->nfinds + 1))
        st = nomem(ld);
    if (st != QZ_OK) {
        check_find_clear(&f);
        return st;
    }
    c->finds[c->nfinds++] = f;
    return QZ_OK;
}

/* A key handler that keeps the value's node, read once the mapping's other keys are. */
static qz_status on_node(loader *ld, const yaml_node_t *v, void *target)
{
    (void)ld;
    *(const yaml_node_t **)target = v;
    return QZ_OK;
}

static qz_status on_finds_item(loader *ld, const yaml_node_t *n, void *target)
{
    qz_check_def *c = target;
    const yaml_node_t *pattern = NULL;
    char *fix = NULL;
    if (n->type == YAML_MAPPING_NODE) {
        key_entry keys[] = {{"pattern", on_node, &pattern}, {"fix", on_string, &fix}};
        qz_status st = walk_mapping(ld, n, keys, 2);
        if (st != QZ_OK) {
            free(fix);
            return st;
        }
    }
    if (!pattern) {
        free(fix);
        return fail_at(ld, n, QZ_ERR_DATA, "a find needs a pattern");
    }
    return add_find(ld, c, pattern, fix);
}

static qz_status on_finds(loader *ld, const yaml_node_t *v, void *target)
{
    return each_item(ld, v, N_("finds: expected a list of {pattern, fix}"), on_finds_item, target);
}

static qz_status on_replace_item(loader *ld, const yaml_node_t *n, void *target)
{
    qz_check_def *c = target;
    qz_replacement r = {0};
    key_entry keys[] = {{"from", on_string, &r.from}, {"to", on_string, &r.to},
                        {"zh", on_string, &r.zh}, {"en", on_string, &r.en}};
    qz_status st = walk_mapping(ld, n, keys, 4);
    if (st == QZ_OK && (!r.from || !r.to))
        st = fail_at(ld, n, QZ_ERR_DATA, "a replacement needs from and to");
    size_t cap = c->nreplace;
    if (st == QZ_OK && !QZ_GROW(c->replace, cap, c->nreplace + 1))
        st = nomem(ld);
    if (st != QZ_OK) {
        free(r.from), free(r.to), free(r.zh), free(r.en);
        return st;
    }
    c->replace[c->nreplace++] = r;
    return QZ_OK;
}

static qz_status on_replace(loader *ld, const yaml_node_t *v, void *target)
{
    return each_item(ld, v, N_("replace: expected a list of {from, to}"), on_replace_item, target);
}

static void check_def_clear(qz_check_def *c)
{
    free(c->id), free(c->standard), free(c->title_zh), free(c->title_en);
    free(c->msg_zh), free(c->msg_en);
    for (size_t i = 0; i < c->nfinds; i++)
        check_find_clear(&c->finds[i]);
    free(c->finds);
    for (size_t i = 0; i < c->nreplace; i++) {
        free(c->replace[i].from), free(c->replace[i].to);
        free(c->replace[i].zh), free(c->replace[i].en);
    }
    free(c->replace);
}

/* Moves each field the new definition sets into the old one. */
#define TAKE(field)                                                                            \
    do {                                                                                       \
        if (nw->field) {                                                                       \
            free(old->field);                                                                  \
            old->field = nw->field;                                                            \
            nw->field = NULL;                                                                  \
        }                                                                                      \
    } while (0)

static void merge_check(qz_check_def *old, qz_check_def *nw, bool severity_set,
                        bool fixable_set)
{
    TAKE(standard);
    TAKE(title_zh);
    TAKE(title_en);
    TAKE(msg_zh);
    TAKE(msg_en);
    if (nw->nfinds) {
        for (size_t i = 0; i < old->nfinds; i++)
            check_find_clear(&old->finds[i]);
        free(old->finds);
        old->finds = nw->finds, old->nfinds = nw->nfinds;
        nw->finds = NULL, nw->nfinds = 0;
    }
    if (nw->nreplace) {
        qz_replacement *r = old->replace;
        size_t n = old->nreplace;
        old->replace = nw->replace, old->nreplace = nw->nreplace;
        nw->replace = r, nw->nreplace = n;
    }
    if (severity_set)
        old->info.severity = nw->info.severity;
    if (fixable_set)
        old->info.fixable = nw->info.fixable;
}

/* The public view's pointers follow the owned strings. */
void check_info(qz_check_def *c)
{
    c->info.id = c->id;
    c->info.standard = c->standard ? c->standard : "";
    c->info.title_zh = c->title_zh ? c->title_zh : c->id;
    c->info.title_en = c->title_en ? c->title_en : c->id;
}

static qz_check_def *find_check(const qz_rules *r, const char *id)
{
    for (size_t i = 0; i < r->nchecks; i++)
        if (strcmp(r->checks[i].id, id) == 0)
            return &r->checks[i];
    return NULL;
}

/* fixable: true or false into an int that is -1 while the check does not say. */
static qz_status on_fixable(loader *ld, const yaml_node_t *v, void *target)
{
    bool b = false;
    qz_status st = on_bool(ld, v, &b);
    *(int *)target = b;
    return st;
}

/* A check: `find` and `fix` are kept aside, since `fix` may come before `find`. */
static qz_status read_check(loader *ld, const yaml_node_t *n, qz_check_def *c, bool *sev_set,
                            bool *fix_set)
{
    lang_pair title = {&c->title_zh, &c->title_en}, msg = {&c->msg_zh, &c->msg_en};
    char *fix = NULL;
    const yaml_node_t *find = NULL;
    c->info.severity = (qz_severity)-1;
    c->info.fixable = false;
    int fixable = -1;
    key_entry keys[] = {
        {"id", on_string, &c->id},        {"severity", on_severity, &c->info.severity},
        {"standard", on_string, &c->standard}, {"title", on_lang_pair, &title},
        {"message", on_lang_pair, &msg},  {"find", on_node, &find},
        {"finds", on_finds, c},           {"fix", on_string, &fix},
        {"replace", on_replace, c},       {"fixable", on_fixable, &fixable},
    };
    qz_status st = walk_mapping(ld, n, keys, sizeof keys / sizeof keys[0]);
    if (st == QZ_OK && find)
        st = add_find(ld, c, find, fix), fix = NULL;
    free(fix);
    if (st == QZ_OK && !c->id)
        st = fail_at(ld, n, QZ_ERR_DATA, "a check needs an id");
    *sev_set = c->info.severity != (qz_severity)-1;
    if (!*sev_set)
        c->info.severity = QZ_SEV_ERROR;
    *fix_set = fixable >= 0;
    c->info.fixable = fixable > 0;
    return st;
}

static qz_status on_checks_item(loader *ld, const yaml_node_t *n, void *target)
{
    qz_rules *r = target;
    if (n->type != YAML_MAPPING_NODE)
        return fail_at(ld, n, QZ_ERR_DATA, "a check is a mapping");
    qz_check_def c = {0};
    bool sev_set, fix_set;
    qz_status st = read_check(ld, n, &c, &sev_set, &fix_set);
    qz_check_def *old = st == QZ_OK ? find_check(r, c.id) : NULL;
    if (old) {
        merge_check(old, &c, sev_set, fix_set);
        check_info(old);
        check_def_clear(&c);
        return QZ_OK;
    }
    if (st == QZ_OK && !QZ_GROW(r->checks, r->cap_checks, r->nchecks + 1))
        st = nomem(ld);
    if (st != QZ_OK) {
        check_def_clear(&c);
        return st;
    }
    r->checks[r->nchecks] = c;
    check_info(&r->checks[r->nchecks++]);
    return QZ_OK;
}

qz_status on_checks(loader *ld, const yaml_node_t *v, void *target)
{
    return each_item(ld, v, N_("checks: expected a list"), on_checks_item, target);
}

static qz_status on_sums_item(loader *ld, const yaml_node_t *n, void *target)
{
    qz_rules *r = target;
    qz_metric_rule parts = {0}; /* only its units list is used, to read the parts */
    qz_sum_rule sum = {0};
    key_entry keys[] = {{"whole", on_string, &sum.whole},
                        {"parts", on_units_list, &parts}};
    qz_status st = walk_mapping(ld, n, keys, 2);
    sum.parts = parts.units, sum.nparts = parts.nunits;
    if (st == QZ_OK && (!sum.whole || !sum.nparts))
        st = fail_at(ld, n, QZ_ERR_DATA, "a sum needs whole and parts");
    if (st == QZ_OK && !QZ_GROW(r->sums, r->cap_sums, r->nsums + 1))
        st = nomem(ld);
    if (st != QZ_OK) {
        free(sum.whole);
        for (size_t i = 0; i < sum.nparts; i++)
            free(sum.parts[i]);
        free(sum.parts);
        return st;
    }
    r->sums[r->nsums++] = sum;
    return QZ_OK;
}

qz_status on_sums(loader *ld, const yaml_node_t *v, void *target)
{
    return each_item(ld, v, N_("sums: expected a list of {whole, parts}"), on_sums_item, target);
}

const qz_check_rule *qz_rules_check_rule(const qz_rules *rules, size_t i)
{
    return i < rules->nchecks ? &rules->checks[i].info : NULL;
}

const qz_check_rule *qz_rules_find_check_rule(const qz_rules *rules, const char *id)
{
    const qz_check_def *c = find_check(rules, id);
    return c ? &c->info : NULL;
}

const char *qz_severity_name(qz_severity s)
{
    return s == QZ_SEV_ERROR ? "error" : s == QZ_SEV_WARNING ? "warning" : "off";
}

bool qz_severity_parse(const char *name, qz_severity *out)
{
    static const char *const names[] = {"off", "warning", "error"};
    for (int i = 0; i < 3; i++)
        if (strcmp(name, names[i]) == 0) {
            *out = (qz_severity)i;
            return true;
        }
    return false;
}

void qz_rules_checks_clear(qz_rules *r)
{
    for (size_t i = 0; i < r->nchecks; i++)
        check_def_clear(&r->checks[i]);
    free(r->checks);
    for (size_t i = 0; i < r->nsums; i++) {
        free(r->sums[i].whole);
        for (size_t k = 0; k < r->sums[i].nparts; k++)
            free(r->sums[i].parts[k]);
        free(r->sums[i].parts);
    }
    free(r->sums);
}
