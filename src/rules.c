/* rules.c — reads data/…yaml (built in, or a user's file) with libyaml, each top-level key by
 * the reader of its file (rules_outline.c, rules_words.c, rules_metrics.c, rules_checks.c), and
 * compiles every pattern once with PCRE2 JIT; it holds the pattern helpers the readers share
 * (rules_load.h) and frees the rules through each reader's clear. The built-in files are read at
 * build time (tools/rules_image.c); a run reads the rules image that was made of them (image.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <yaml.h>

#include "builtin.h"
#include "rules_load.h"

/* ---- the pattern helpers of the readers (rules_load.h) ---- */

qz_status compile_node(loader *ld, const yaml_node_t *node, bool anchored, qz_pattern *out)
{
    if (node->type != YAML_SCALAR_NODE)
        return fail_at(ld, node, QZ_ERR_DATA, "expected a pattern (a string)");
    if (ld->deferred) {
        *out = (qz_pattern){.anchored = anchored, .utf = true,
                            .source = strndup((const char *)node->data.scalar.value,
                                              node->data.scalar.length)};
        return out->source ? QZ_OK : nomem(ld);
    }
    char msg[300];
    qz_status st = qz_pattern_compile((const char *)node->data.scalar.value,
                                      node->data.scalar.length, anchored, true, out, msg,
                                      sizeof msg);
    if (st != QZ_OK)
        return fail_at(ld, node, st, QZ_VERBATIM, msg);
    char origin[1200];
    snprintf(origin, sizeof origin, "%s:%zu:%zu", ld->name, (size_t)node->start_mark.line + 1,
             (size_t)node->start_mark.column + 1);
    out->origin = strdup(origin); /* for warnings only: no error if it cannot be kept */
    return QZ_OK;
}

qz_status compile_pattern(loader *ld, const yaml_node_t *node, qz_pattern *out)
{
    return compile_node(ld, node, true, out);
}

qz_status replace_pattern(loader *ld, const yaml_node_t *node, qz_pattern *slot)
{
    qz_pattern p = {0};
    qz_status st = compile_pattern(ld, node, &p);
    if (st != QZ_OK)
        return st;
    qz_pattern_clear(slot);
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
        return fail_at(ld, node, QZ_ERR_DATA, "expected a list of patterns");
    for (yaml_node_item_t *it = node->data.sequence.items.start;
         it < node->data.sequence.items.top; it++) {
        qz_status st = append_patterns(ld, yaml_document_get_node(ld->doc, *it), list);
        if (st != QZ_OK)
            return st;
    }
    return QZ_OK;
}

qz_status on_pattern_list(loader *ld, const yaml_node_t *v, void *target)
{
    return append_patterns(ld, v, target);
}

qz_status on_pattern(loader *ld, const yaml_node_t *v, void *target)
{
    return replace_pattern(ld, v, target);
}

/* Patterns searched anywhere in a span (negative, plan_words, not_before): unanchored. */
qz_status on_search_pattern(loader *ld, const yaml_node_t *v, void *target)
{
    qz_pattern p = {0};
    qz_status st = compile_node(ld, v, false, &p);
    if (st != QZ_OK)
        return st;
    qz_pattern_clear(target);
    *(qz_pattern *)target = p;
    return QZ_OK;
}

/* ---- the patterns built from the lists, after each file ---- */

/* Keeps the source of a pattern built from others; it is compiled when first used (its
 * parts were each checked when their file was read). */
qz_status build(qz_rules *r, qz_pattern *slot, qz_buf *b, bool anchored, const char *name,
                qz_error *err)
{
    (void)r;
    char *src = b->failed ? NULL : qz_buf_release(b, NULL);
    if (src && !*src) { /* nothing to build from: a pattern that never matches */
        free(src);
        src = strdup("(*FAIL)");
    }
    qz_buf_free(b);
    if (!src)
        return qz_fail(err, QZ_ERR_NOMEM, name, 0, 0, "out of memory");
    qz_pattern_clear(slot);
    *slot = (qz_pattern){.source = src, .anchored = anchored, .utf = true};
    return QZ_OK;
}

/* Rebuilds every combined pattern from the lists as they now stand: each reader's build step,
 * the words' first (the metrics' unit_ok reads the measure words). */
static qz_status finalize(qz_rules *r, const char *name, qz_error *err)
{
    qz_status st = qz_rules_words_build(r, name, err);
    if (st == QZ_OK)
        st = qz_rules_metrics_build(r, name, err);
    return st;
}

static qz_status load_root(loader *ld, const yaml_node_t *root)
{
    qz_rules *r = ld->rules;
    key_entry keys[] = {
        {"headings", on_headings, r},          {"parts", on_parts, r},
        {"header", on_header, r},              {"address", on_pattern, &r->address},
        {"opening_year", on_pattern_list, &r->opening_year},
        {"sentence_end", on_pattern, &r->sentence_end}, {"topic", on_pattern, &r->topic},
        {"table_row", on_search_pattern, &r->table_row},
        {"page_furniture", on_pattern_list, &r->page_furniture},
        {"units", on_units, r},                {"ignore", on_pattern_list, &r->ignore},
        {"not_units", on_pattern, &r->not_units},
        {"negative", on_search_pattern, &r->negative},
        {"view_drop", on_pattern_list, &r->view_drop},
        {"traditional", on_char_set, &r->traditional},
        {"plan_words", on_search_pattern, &r->plan_words},
        {"metrics", on_metrics, r},            {"rates", on_rates, r},
        {"before_tail", on_checked_source, &r->before_tail},
        {"checks", on_checks, r},              {"sums", on_sums, r},
    };
    return walk_mapping(ld, root, keys, sizeof keys / sizeof keys[0]);
}

static qz_status add_yaml(qz_rules *rules, const char *name, const char *yaml, size_t len,
                          bool deferred, qz_error *err);
static qz_status compile_pending(qz_rules *r, const char *name, qz_error *err);

qz_status qz_rules_add_yaml(qz_rules *rules, const char *name, const char *yaml, size_t len,
                            qz_error *err)
{
    return add_yaml(rules, name, yaml, len, false, err);
}

static qz_status add_yaml(qz_rules *rules, const char *name, const char *yaml, size_t len,
                          bool deferred, qz_error *err)
{
    yaml_parser_t parser;
    yaml_document_t doc;
    if (!yaml_parser_initialize(&parser))
        return qz_fail(err, QZ_ERR_NOMEM, name, 0, 0, "out of memory");
    yaml_parser_set_input_string(&parser, (const unsigned char *)yaml, len);
    if (!yaml_parser_load(&parser, &doc)) {
        /* libyaml's words, in English whatever the language */
        char why[400];
        snprintf(why, sizeof why, "%s%s%s",
                 parser.problem ? parser.problem : _("malformed YAML"),
                 parser.context ? " " : "", parser.context ? parser.context : "");
        qz_status st = qz_fail(err, QZ_ERR_DATA, name, parser.problem_mark.line + 1,
                               parser.problem_mark.column + 1, QZ_VERBATIM, why);
        yaml_parser_delete(&parser);
        return st;
    }
    yaml_parser_delete(&parser);
    qz_status st = QZ_OK;
    yaml_node_t *root = yaml_document_get_root_node(&doc);
    if (root) { /* an empty file adds nothing */
        loader ld = {rules, name, &doc, err, deferred};
        st = load_root(&ld, root);
    }
    yaml_document_delete(&doc);
    if (st == QZ_OK)
        st = finalize(rules, name, err);
    if (st == QZ_OK && !deferred)
        st = compile_pending(rules, name, err);
    return st;
}

qz_status qz_rules_add_file(qz_rules *rules, const char *path, qz_error *err)
{
    char *text;
    size_t len;
    qz_status st = qz_read_file(path, false, &text, &len, err);
    if (st != QZ_OK)
        return st;
    st = qz_rules_add_yaml(rules, path, text, len, err);
    free(text);
    return st;
}

static bool rules_complete(const qz_rules *r)
{
    return r->address.source && r->sentence_end.source && r->topic.source;
}

qz_status qz_rules_new_yaml(qz_rules **out, qz_error *err)
{
    *out = NULL;
    qz_rules *r = calloc(1, sizeof *r);
    if (!r)
        return qz_fail(err, QZ_ERR_NOMEM, NULL, 0, 0, "out of memory");
    for (size_t i = 0; i < qz_builtin_nfiles; i++) {
        char name[128];
        snprintf(name, sizeof name, "<built-in data/%s>", qz_builtin_files[i].name);
        qz_status st = add_yaml(r, name, (const char *)qz_builtin_files[i].bytes,
                                qz_builtin_files[i].len, true, err);
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
    qz_status st = compile_pending(r, NULL, err);
    if (st != QZ_OK) {
        qz_rules_free(r);
        return st;
    }
    *out = r;
    return QZ_OK;
}

/* Calls fn on every pattern the rules hold, in a fixed order; stops at the first false. */
static bool each_pattern(qz_rules *r, bool (*fn)(void *, qz_pattern *), void *arg)
{
    for (size_t i = 0; i < r->nheadings; i++)
        if (!fn(arg, &r->headings[i].pat))
            return false;
    qz_pattern_list *lists[] = {&r->part_review, &r->part_plan, &r->part_dated, &r->date,
                                &r->speaker,     &r->salutation, &r->title,     &r->opening_year,
                                &r->page_furniture, &r->ignore,     &r->view_drop, &r->body};
    for (size_t i = 0; i < sizeof lists / sizeof lists[0]; i++)
        for (size_t k = 0; k < lists[i]->n; k++)
            if (!fn(arg, &lists[i]->items[k]))
                return false;
    qz_pattern *single[] = {&r->address,  &r->sentence_end, &r->table_row, &r->topic,
                            &r->not_units,
                            &r->negative, &r->plan_words,   &r->unit_any, &r->ignore_any,
                            &r->view_drop_any};
    for (size_t i = 0; i < sizeof single / sizeof single[0]; i++)
        if (single[i]->source && !fn(arg, single[i]))
            return false;
    for (size_t i = 0; i < QZ_LEVELS; i++)
        if (r->level[i].source && !fn(arg, &r->level[i]))
            return false;
    for (size_t i = 0; i < r->nunits; i++)
        if (!fn(arg, &r->units[i].pat))
            return false;
    for (size_t i = 0; i < r->nrates; i++)
        for (size_t k = 0; k < r->rates[i].nnamed; k++)
            if (!fn(arg, &r->rates[i].named[k].before))
                return false;
    for (size_t i = 0; i < r->nmetrics; i++) {
        qz_metric_rule *m = &r->metrics[i];
        if (m->not_before.source && !fn(arg, &m->not_before))
            return false;
        if (m->not_in_sentence.source && !fn(arg, &m->not_in_sentence))
            return false;
        for (size_t k = 0; k < m->nphrasings; k++)
            if ((m->phrasings[k].before.source && !fn(arg, &m->phrasings[k].before)) ||
                (m->phrasings[k].after.source && !fn(arg, &m->phrasings[k].after)))
                return false;
    }
    for (size_t i = 0; i < r->nchecks; i++)
        for (size_t k = 0; k < r->checks[i].nfinds; k++)
            if (!fn(arg, &r->checks[i].finds[k].pat))
                return false;
    return true;
}

/* Gives each pattern its index, the slot of its state in a qz_context. */
static bool number_one(void *rules, qz_pattern *p)
{
    p->id = (unsigned)((qz_rules *)rules)->npatterns++;
    return true;
}

/* Compiles a pattern whose source was kept: a built-in one, or one built from others (their
 * parts were each checked when their file was read). A failure is the data's fault, and
 * names the pattern. */
/* Where compile_one reports: the error, and the file whose patterns are being compiled. */
typedef struct {
    qz_error *err;
    const char *name;
} compiling;

static bool compile_one(void *arg, qz_pattern *p)
{
    if (p->re)
        return true;
    const compiling *c = arg;
    char msg[300];
    qz_pattern fresh = {0};
    if (qz_pattern_compile(p->source, strlen(p->source), p->anchored, p->utf, &fresh, msg,
                           sizeof msg) != QZ_OK) {
        qz_fail(c->err, QZ_ERR_DATA, c->name, 0, 0, "'%.200s': %s", p->source, msg);
        return false;
    }
    free(fresh.source); /* the copy qz_pattern_compile made: the pattern keeps its own */
    p->re = fresh.re;
    return true;
}

/* Compiles what is still source, then numbers every pattern: after this, the rules are
 * complete and read-only. */
static qz_status complete(qz_rules *r, bool build_index, const char *name, qz_error *err)
{
    compiling c = {err, name};
    if (!each_pattern(r, compile_one, &c))
        return QZ_ERR_DATA;
    r->generation++; /* contexts made before do not know these numbers (pattern.c) */
    r->npatterns = 0;
    each_pattern(r, number_one, r);
    if (build_index && !qz_cue_index_build(r))
        return qz_fail(err, QZ_ERR_NOMEM, NULL, 0, 0, "out of memory");
    return QZ_OK;
}

static qz_status compile_pending(qz_rules *r, const char *name, qz_error *err)
{
    return complete(r, true, name, err);
}

void qz_rules_free(qz_rules *r)
{
    if (!r)
        return;
    qz_rules_outline_clear(r);
    qz_rules_words_clear(r);
    qz_rules_metrics_clear(r);
    qz_rules_checks_clear(r);
    qz_cue_index_free(r);
    free(r);
}

/* ---- for the rules image (image.c) ---- */

/* An image holds every field of the rules, what finalize built included (the combined patterns
 * and their compiled code, unit_ok, the resolved indexes); what compile_pending does is done
 * again after an image is read, through qz_rules_finish, so that data derived there is derived
 * for both paths. */

bool qz_rules_each_pattern(qz_rules *r, bool (*fn)(void *, qz_pattern *), void *arg)
{
    return each_pattern(r, fn, arg);
}

qz_status qz_rules_finish(qz_rules *r, qz_error *err)
{
    for (size_t i = 0; i < r->nchecks; i++)
        check_info(&r->checks[i]);
    return complete(r, !r->cue_table, NULL, err); /* an image brings its cue index */
}
