/* rules_load.h — what the readers of the rules files share with rules.c, which assembles them:
 * the pattern helpers every reader calls (rules.c), and each reader's key handlers, its build
 * step after each file and its clear (rules_outline.c, rules_words.c, rules_metrics.c,
 * rules_checks.c). Internal to those files; what they read belongs to the qz_rules (rules.h). */
#ifndef QZ_RULES_LOAD_H
#define QZ_RULES_LOAD_H

#include "rules.h"
#include "schema.h"

/* The readers call these by their short names; the library's symbols all carry the qz_ prefix,
 * so the short names stand for these (as in schema.h). */
#define compile_node qz_rules_compile_node
#define compile_pattern qz_rules_compile_pattern
#define replace_pattern qz_rules_replace_pattern
#define on_pattern_list qz_rules_on_pattern_list
#define on_pattern qz_rules_on_pattern
#define on_search_pattern qz_rules_on_search_pattern
#define build qz_rules_build
#define on_headings qz_rules_on_headings
#define on_parts qz_rules_on_parts
#define on_header qz_rules_on_header
#define on_units qz_rules_on_units
#define on_char_set qz_rules_on_char_set
#define on_checked_source qz_rules_on_checked_source
#define on_units_list qz_rules_on_units_list
#define on_metrics qz_rules_on_metrics
#define on_rates qz_rules_on_rates
#define on_checks qz_rules_on_checks
#define on_sums qz_rules_on_sums
#define check_info qz_rules_check_info

/* ---- the pattern helpers (rules.c) ---- */

/* The pattern at node into out: compiled now, with the place it was written kept for warnings,
 * or, for built-in data (ld->deferred), kept as source until every file is read. */
qz_status compile_node(loader *ld, const yaml_node_t *node, bool anchored, qz_pattern *out);
/* compile_node, anchored. */
qz_status compile_pattern(loader *ld, const yaml_node_t *node, qz_pattern *out);
/* compile_pattern into *slot, which it replaces. */
qz_status replace_pattern(loader *ld, const yaml_node_t *node, qz_pattern *slot);

/* Key handlers. target: a qz_pattern_list, to which a pattern or a list of them is appended; a
 * qz_pattern, replaced by an anchored pattern (on_pattern) or one searched anywhere in a span
 * (on_search_pattern). */
qz_status on_pattern_list(loader *ld, const yaml_node_t *v, void *target);
qz_status on_pattern(loader *ld, const yaml_node_t *v, void *target);
qz_status on_search_pattern(loader *ld, const yaml_node_t *v, void *target);

/* Keeps what b holds as the source of *slot, a pattern built from others after each file
 * ("(*FAIL)" when b is empty); b is freed. */
qz_status build(qz_rules *r, qz_pattern *slot, qz_buf *b, bool anchored, const char *name,
                qz_error *err);

/* ---- data/outline.yaml (rules_outline.c) ---- */

/* Key handlers; target: the qz_rules. headings: a list of {level, pattern}; parts: {review,
 * plan, dated}; header: {date, speaker, salutation, title}, each a pattern or a list. */
qz_status on_headings(loader *ld, const yaml_node_t *v, void *target);
qz_status on_parts(loader *ld, const yaml_node_t *v, void *target);
qz_status on_header(loader *ld, const yaml_node_t *v, void *target);
/* Frees the outline's patterns (headings, parts, header, address, opening_year, sentence_end,
 * topic, table_row, page_furniture). */
void qz_rules_outline_clear(qz_rules *r);

/* ---- data/words.yaml (rules_words.c) ---- */

/* Key handlers. units: a list of measure words, each a word or {pattern, unit}, appended to the
 * qz_rules' units (target); a char set: a string of characters, whose bitmap of the BMP replaces
 * the unsigned char * at target. */
qz_status on_units(loader *ld, const yaml_node_t *v, void *target);
qz_status on_char_set(loader *ld, const yaml_node_t *v, void *target);
/* Rebuilds unit_any, ignore_any and view_drop_any from the lists as they now stand. */
qz_status qz_rules_words_build(qz_rules *r, const char *name, qz_error *err);
/* Frees the words' rules and the patterns built from them. */
void qz_rules_words_clear(qz_rules *r);

/* ---- data/rules.yaml (rules_metrics.c) ---- */

/* Key handlers. on_checked_source: a pattern kept as written in the char * at target (compiled
 * later inside a larger one), checked alone now; on_units_list: a list of words appended to the
 * units of the qz_metric_rule at target (a sum's parts are read with it too); on_metrics,
 * on_rates: lists added to the qz_rules (target), a metric replacing the one of its key. */
qz_status on_checked_source(loader *ld, const yaml_node_t *v, void *target);
qz_status on_units_list(loader *ld, const yaml_node_t *v, void *target);
qz_status on_metrics(loader *ld, const yaml_node_t *v, void *target);
qz_status on_rates(loader *ld, const yaml_node_t *v, void *target);
/* Rebuilds each metric's unit_ok and each phrasing's patterns from the rules as they now stand
 * (the units first: after qz_rules_words_build), and resolves the keys that phrasings and rates
 * name: a key that is no metric is an error. */
qz_status qz_rules_metrics_build(qz_rules *r, const char *name, qz_error *err);
/* Frees plan_words, before_tail, the metrics and the rates. */
void qz_rules_metrics_clear(qz_rules *r);

/* ---- data/check.yaml (rules_checks.c) ---- */

/* Key handlers; target: the qz_rules. checks: a list of check rules; sums: a list of {whole,
 * parts}. */
qz_status on_checks(loader *ld, const yaml_node_t *v, void *target);
qz_status on_sums(loader *ld, const yaml_node_t *v, void *target);
/* Points the check's public view (c->info) at its strings. */
void check_info(qz_check_def *c);
/* Frees the checks and the sums. */
void qz_rules_checks_clear(qz_rules *r);

#endif
