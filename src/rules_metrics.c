/* rules_metrics.c — reads data/rules.yaml's keys into a qz_rules: the metrics with their
 * phrasings, the rates, and what is built from them after each file (each metric's unit_ok, each
 * phrasing's before and after patterns, the metrics their keys name); plan_words is a pattern,
 * read by rules.c's helpers. Ownership: what it reads and builds belongs to the rules, and
 * qz_rules_metrics_clear frees it from qz_rules_free. */
#include <stdlib.h>
#include <string.h>

#include "rules_load.h"

/* A pattern kept as written (compiled later, inside a larger one), checked alone now so that
 * a mistake is reported at its own line and column. */
qz_status on_checked_source(loader *ld, const yaml_node_t *v, void *target)
{
    qz_pattern probe = {0};
    qz_status st = compile_node(ld, v, false, &probe);
    qz_pattern_clear(&probe);
    return st == QZ_OK ? on_string(ld, v, target) : st;
}

static const char *const where_names[] = {"preamble", "review", "plan", "body", "closing"};
#define QZ_NWHERE (sizeof where_names / sizeof where_names[0])
#define QZ_DEFAULT_PARTS \
    ((1u << QZ_WHERE_PREAMBLE) | (1u << QZ_WHERE_REVIEW) | (1u << QZ_WHERE_BODY))

const char *qz_where_name(qz_where w)
{
    return (size_t)w < QZ_NWHERE ? where_names[w] : "?";
}

static qz_status on_parts_list(loader *ld, const yaml_node_t *v, void *target)
{
    unsigned *bits = target;
    if (v->type != YAML_SEQUENCE_NODE)
        return fail_at(ld, v, QZ_ERR_DATA, "parts: expected a list");
    *bits = 0;
    for (yaml_node_item_t *it = v->data.sequence.items.start; it < v->data.sequence.items.top;
         it++) {
        yaml_node_t *n = yaml_document_get_node(ld->doc, *it);
        size_t w = 0;
        while (w < QZ_NWHERE && !scalar_is(n, where_names[w]))
            w++;
        if (w == QZ_NWHERE)
            return fail_at(ld, n, QZ_ERR_DATA,
                           "unknown part (preamble, review, plan, body, closing)");
        *bits |= 1u << w;
    }
    return QZ_OK;
}

qz_status on_units_list(loader *ld, const yaml_node_t *v, void *target)
{
    qz_metric_rule *m = target;
    if (v->type != YAML_SEQUENCE_NODE)
        return fail_at(ld, v, QZ_ERR_DATA, "units: expected a list of measure words");
    for (yaml_node_item_t *it = v->data.sequence.items.start; it < v->data.sequence.items.top;
         it++) {
        yaml_node_t *n = yaml_document_get_node(ld->doc, *it);
        if (n->type != YAML_SCALAR_NODE)
            return fail_at(ld, n, QZ_ERR_DATA, "units: expected a measure word");
        size_t cap = m->nunits;
        if (!QZ_GROW(m->units, cap, m->nunits + 1) || !(m->units[m->nunits] = scalar_dup(n)))
            return nomem(ld);
        m->nunits++;
    }
    return QZ_OK;
}

static void phrasing_clear(qz_phrasing *p)
{
    free(p->not_follows);
    free(p->apart_with);
    free(p->apart_key);
    free(p->also);
    free(p->before_src);
    free(p->after_src);
    free(p->follows);
    qz_pattern_clear(&p->before);
    qz_pattern_clear(&p->after);
}

/* apart: {with: KEY, key: KEY} */
static qz_status on_apart(loader *ld, const yaml_node_t *v, void *target)
{
    qz_phrasing *ph = target;
    key_entry keys[] = {{"with", on_string, &ph->apart_with}, {"key", on_string, &ph->apart_key}};
    qz_status st = walk_mapping(ld, v, keys, 2);
    if (st == QZ_OK && (!ph->apart_with || !ph->apart_key))
        st = fail_at(ld, v, QZ_ERR_DATA, "apart needs with and key");
    return st;
}

static qz_status on_phrasings_item(loader *ld, const yaml_node_t *n, void *target)
{
    qz_metric_rule *m = target;
    qz_phrasing ph = {.apart_with_rule = -1, .apart_rule = -1, .also_rule = -1};
    key_entry keys[] = {{"before", on_checked_source, &ph.before_src},
                        {"after", on_checked_source, &ph.after_src},
                        {"follows", on_string, &ph.follows},
                        {"not_follows", on_string, &ph.not_follows},
                        {"apart", on_apart, &ph},
                        {"also", on_string, &ph.also}};
    qz_status st = walk_mapping(ld, n, keys, 6);
    if (st == QZ_OK && !ph.before_src && !ph.after_src)
        st = fail_at(ld, n, QZ_ERR_DATA, "a phrasing needs before or after");
    size_t cap = m->nphrasings;
    if (st == QZ_OK && !QZ_GROW(m->phrasings, cap, m->nphrasings + 1))
        st = nomem(ld);
    if (st != QZ_OK) {
        phrasing_clear(&ph);
        return st;
    }
    m->phrasings[m->nphrasings++] = ph;
    return QZ_OK;
}

static qz_status on_phrasings(loader *ld, const yaml_node_t *v, void *target)
{
    return each_item(ld, v, N_("phrasings: expected a list"), on_phrasings_item, target);
}

static void metric_clear(qz_metric_rule *m)
{
    free(m->key);
    for (size_t i = 0; i < m->nunits; i++)
        free(m->units[i]);
    free(m->units);
    for (size_t i = 0; i < m->nphrasings; i++)
        phrasing_clear(&m->phrasings[i]);
    free(m->phrasings);
    free(m->unit_ok);
    qz_pattern_clear(&m->not_before);
    qz_pattern_clear(&m->not_in_sentence);
    free(m->follows);
    free(m->zh);
    free(m->en);
    free(m->kind);
}

/* The index of the metric named key, or -1. */
static long metric_index(const qz_rules *r, const char *key)
{
    for (size_t i = 0; i < r->nmetrics; i++)
        if (strcmp(r->metrics[i].key, key) == 0)
            return (long)i;
    return -1;
}

static qz_metric_rule *find_metric(qz_rules *r, const char *key)
{
    long i = metric_index(r, key);
    return i < 0 ? NULL : &r->metrics[i];
}

/* Stores m: a metric whose key exists replaces the old one in its place, a new key goes last. */
static qz_status store_metric(loader *ld, qz_metric_rule *m)
{
    qz_rules *r = ld->rules;
    qz_metric_rule *old = find_metric(r, m->key);
    if (old) {
        metric_clear(old);
        *old = *m;
        return QZ_OK;
    }
    if (!QZ_GROW(r->metrics, r->cap_metrics, r->nmetrics + 1))
        return nomem(ld);
    r->metrics[r->nmetrics++] = *m;
    return QZ_OK;
}

static qz_status on_metrics_item(loader *ld, const yaml_node_t *n, void *target)
{
    (void)target;
    qz_metric_rule m = {.parts = QZ_DEFAULT_PARTS};
    key_entry keys[] = {
        {"key", on_string, &m.key},          {"units", on_units_list, &m},
        {"parts", on_parts_list, &m.parts},  {"phrasings", on_phrasings, &m},
        {"not_before", on_search_pattern, &m.not_before},
        {"not_in_sentence", on_search_pattern, &m.not_in_sentence},
        {"follows", on_string, &m.follows},
        {"zh", on_string, &m.zh},            {"en", on_string, &m.en},
        {"kind", on_string, &m.kind},
    };
    qz_status st = walk_mapping(ld, n, keys, sizeof keys / sizeof keys[0]);
    if (st == QZ_OK && (!m.key || !m.nunits || !m.nphrasings))
        st = fail_at(ld, n, QZ_ERR_DATA, "a metric needs key, units and phrasings");
    if (st == QZ_OK && m.kind && strcmp(m.kind, "count") != 0 &&
        strcmp(m.kind, "persons") != 0 && strcmp(m.kind, "percent") != 0)
        st = fail_at(ld, n, QZ_ERR_DATA, "kind: '%s' is not count, persons or percent", m.kind);
    if (st == QZ_OK)
        st = store_metric(ld, &m);
    if (st != QZ_OK) {
        metric_clear(&m);
        return st;
    }
    return QZ_OK;
}

qz_status on_metrics(loader *ld, const yaml_node_t *v, void *target)
{
    return each_item(ld, v, N_("metrics: expected a list"), on_metrics_item, target);
}

static void rate_clear(qz_rate_rule *r)
{
    free(r->key);
    free(r->numerator);
    for (size_t i = 0; i < r->ndenominators; i++)
        free(r->denominators[i]);
    free(r->denominators);
    for (size_t i = 0; i < r->nnamed; i++) {
        qz_pattern_clear(&r->named[i].before);
        free(r->named[i].key);
    }
    free(r->named);
}

/* named: [{before: PATTERN, key: KEY}] */
static qz_status on_named_item(loader *ld, const yaml_node_t *n, void *target)
{
    qz_rate_rule *rate = target;
    qz_rate_base base = {0};
    key_entry keys[] = {{"before", on_search_pattern, &base.before},
                        {"key", on_string, &base.key}};
    qz_status st = walk_mapping(ld, n, keys, 2);
    if (st == QZ_OK && (!base.key || !qz_pattern_present(&base.before)))
        st = fail_at(ld, n, QZ_ERR_DATA, "a named base needs before and key");
    size_t cap = rate->nnamed;
    if (st == QZ_OK && !QZ_GROW(rate->named, cap, rate->nnamed + 1))
        st = nomem(ld);
    if (st != QZ_OK) {
        qz_pattern_clear(&base.before);
        free(base.key);
        return st;
    }
    rate->named[rate->nnamed++] = base;
    return QZ_OK;
}

static qz_status on_named(loader *ld, const yaml_node_t *v, void *target)
{
    return each_item(ld, v, N_("named: expected a list"), on_named_item, target);
}

static qz_status on_denominator_item(loader *ld, const yaml_node_t *n, void *target)
{
    qz_rate_rule *rate = target;
    if (n->type != YAML_SCALAR_NODE)
        return fail_at(ld, n, QZ_ERR_DATA, "denominator: expected a metric key");
    size_t cap = rate->ndenominators;
    if (!QZ_GROW(rate->denominators, cap, rate->ndenominators + 1) ||
        !(rate->denominators[rate->ndenominators] = scalar_dup(n)))
        return nomem(ld);
    rate->ndenominators++;
    return QZ_OK;
}

/* denominator: KEY, or a list of keys tried in order (the total, else the suggestions). */
static qz_status on_denominators(loader *ld, const yaml_node_t *v, void *target)
{
    if (v->type == YAML_SCALAR_NODE)
        return on_denominator_item(ld, v, target);
    return each_item(ld, v, N_("denominator: expected a key or a list of keys"),
                     on_denominator_item, target);
}

static qz_status on_rates_item(loader *ld, const yaml_node_t *n, void *target)
{
    qz_rules *r = target;
    qz_rate_rule rate = {0};
    key_entry keys[] = {{"key", on_string, &rate.key},
                        {"numerator", on_string, &rate.numerator},
                        {"denominator", on_denominators, &rate},
                        {"named", on_named, &rate}};
    qz_status st = walk_mapping(ld, n, keys, 4);
    if (st == QZ_OK && (!rate.key || !rate.numerator || !rate.ndenominators))
        st = fail_at(ld, n, QZ_ERR_DATA, "a rate needs key, numerator, denominator");
    if (st == QZ_OK && !QZ_GROW(r->rates, r->cap_rates, r->nrates + 1))
        st = nomem(ld);
    if (st != QZ_OK) {
        rate_clear(&rate);
        return st;
    }
    r->rates[r->nrates++] = rate;
    return QZ_OK;
}

qz_status on_rates(loader *ld, const yaml_node_t *v, void *target)
{
    return each_item(ld, v, N_("rates: expected a list"), on_rates_item, target);
}

/* ---- the patterns and indexes built from the metrics, after each file ---- */

static qz_status build_phrasing(qz_rules *r, qz_phrasing *ph, const char *name, qz_error *err)
{
    qz_status st = QZ_OK;
    if (ph->before_src) {
        qz_buf b = {0};
        qz_buf_puts(&b, "(?:");
        qz_buf_puts(&b, ph->before_src);
        qz_buf_puts(&b, ")(?:");
        qz_buf_puts(&b, r->before_tail ? r->before_tail : "\\s*");
        qz_buf_puts(&b, ")$");
        st = build(r, &ph->before, &b, false, name, err);
    }
    if (st == QZ_OK && ph->after_src) {
        qz_buf b = {0};
        qz_buf_puts(&b, "(?:的|\\s)*(?:");
        qz_buf_puts(&b, ph->after_src);
        qz_buf_puts(&b, ")");
        st = build(r, &ph->after, &b, true, name, err);
    }
    return st;
}

/* unit_ok: index i < nunits is the rules' i-th measure word, nunits is %, nunits + 1 pp. */
static bool build_unit_ok(qz_rules *r, qz_metric_rule *m)
{
    free(m->unit_ok);
    m->unit_ok = calloc(r->nunits + 2, 1);
    if (!m->unit_ok)
        return false;
    for (size_t k = 0; k < m->nunits; k++) {
        if (strcmp(m->units[k], "%") == 0)
            m->unit_ok[r->nunits] = 1;
        else if (strcmp(m->units[k], "pp") == 0)
            m->unit_ok[r->nunits + 1] = 1;
        for (size_t i = 0; i < r->nunits; i++)
            if (strcmp(r->units[i].name, m->units[k]) == 0)
                m->unit_ok[i] = 1;
    }
    return true;
}

/* The index of the metric named `key`, which metric `of` names in its phrasings' `what`
 * (apart, also): an error when there is none, so that a typo never goes unnoticed. */
static qz_status resolve_key(qz_rules *r, const char *of, const char *what, const char *key,
                             long *index, const char *name, qz_error *err)
{
    qz_metric_rule *to = find_metric(r, key);
    if (!to)
        /* TRANSLATORS: a metric key, a field of the rules file (numerator, denominator,
           named, apart) and the key it names, all as written in the file */
        return qz_fail(err, QZ_ERR_DATA, name, 0, 0, "%s: %s names %s, which is no metric", of,
                       what, key);
    *index = to - r->metrics;
    return QZ_OK;
}

/* Every key a rate names is a metric: a typo would otherwise leave the rate never linked. */
static qz_status check_rate_keys(qz_rules *r, const qz_rate_rule *rate, const char *name,
                                 qz_error *err)
{
    long unused;
    qz_status st = resolve_key(r, rate->key, "numerator", rate->numerator, &unused, name, err);
    for (size_t k = 0; st == QZ_OK && k < rate->ndenominators; k++)
        st = resolve_key(r, rate->key, "denominator", rate->denominators[k], &unused, name, err);
    for (size_t k = 0; st == QZ_OK && k < rate->nnamed; k++)
        st = resolve_key(r, rate->key, "named", rate->named[k].key, &unused, name, err);
    return st;
}

/* Rebuilds what the metrics and rates need from the rules as they now stand: each metric's
 * unit_ok, each phrasing's patterns, and the indexes of the metrics their keys name. */
qz_status qz_rules_metrics_build(qz_rules *r, const char *name, qz_error *err)
{
    qz_status st = QZ_OK;
    for (size_t i = 0; st == QZ_OK && i < r->nmetrics; i++)
        if (!build_unit_ok(r, &r->metrics[i]))
            st = qz_fail(err, QZ_ERR_NOMEM, name, 0, 0, "out of memory");
    for (size_t i = 0; st == QZ_OK && i < r->nrates; i++)
        st = check_rate_keys(r, &r->rates[i], name, err);
    for (size_t i = 0; st == QZ_OK && i < r->nmetrics; i++)
        for (size_t k = 0; st == QZ_OK && k < r->metrics[i].nphrasings; k++) {
            qz_phrasing *ph = &r->metrics[i].phrasings[k];
            st = build_phrasing(r, ph, name, err);
            if (st == QZ_OK && ph->apart_key)
                st = resolve_key(r, r->metrics[i].key, "apart", ph->apart_key, &ph->apart_rule,
                                 name, err);
            if (st == QZ_OK && ph->apart_with)
                st = resolve_key(r, r->metrics[i].key, "apart", ph->apart_with,
                                 &ph->apart_with_rule, name, err);
            if (st == QZ_OK && ph->also)
                st = resolve_key(r, r->metrics[i].key, "also", ph->also, &ph->also_rule, name,
                                 err);
        }
    return st;
}

bool qz_rules_has_key(const qz_rules *rules, const char *key)
{
    return metric_index(rules, key) >= 0;
}

const char *qz_rules_key_title(const qz_rules *rules, const char *key, qz_lang lang)
{
    for (size_t i = 0; i < rules->nmetrics; i++)
        if (strcmp(rules->metrics[i].key, key) == 0)
            return lang == QZ_LANG_EN ? rules->metrics[i].en : rules->metrics[i].zh;
    return NULL;
}

const char *qz_rules_key(const qz_rules *rules, size_t i)
{
    return i < rules->nmetrics ? rules->metrics[i].key : NULL;
}

void qz_rules_metrics_clear(qz_rules *r)
{
    qz_pattern_clear(&r->plan_words);
    free(r->before_tail);
    for (size_t i = 0; i < r->nmetrics; i++)
        metric_clear(&r->metrics[i]);
    free(r->metrics);
    for (size_t i = 0; i < r->nrates; i++)
        rate_clear(&r->rates[i]);
    free(r->rates);
}
