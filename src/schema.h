/* schema.h — reading a libyaml document against a schema, for the rules files (rules.c and the
 * readers of each file, rules_*.c) and .qzreport.yaml (config.c): mappings walked through a
 * table of known keys, lists item by item, typed scalars; every error names the file and the
 * line and column libyaml marked on the offending node, and an unknown key is an error, so that
 * a typo is reported rather than silently ignored. Nothing here allocates except scalar_dup and
 * on_string, whose strings belong to the caller. */
#ifndef QZ_SCHEMA_H
#define QZ_SCHEMA_H

#include <yaml.h>

#include "internal.h"

/* The readers call these helpers by their short names; the library's symbols all carry the qz_
 * prefix, so the short names stand for these. */
#define fail_at qz_schema_fail_at
#define nomem qz_schema_nomem
#define scalar_is qz_schema_scalar_is
#define scalar_dup qz_schema_scalar_dup
#define unknown_key qz_schema_unknown_key
#define walk_mapping qz_schema_walk_mapping
#define each_item qz_schema_each_item
#define each_pair qz_schema_each_pair
#define on_string qz_schema_on_string
#define on_bool qz_schema_on_bool
#define on_severity qz_schema_on_severity

/* A document being read. */
typedef struct {
    qz_rules *rules;      /* a rules file: the rules it adds to (NULL for other files) */
    const char *name;     /* the file, as errors name it */
    yaml_document_t *doc;
    qz_error *err;
    bool deferred; /* built-in data: compiled in one pass once every file is read */
} loader;

/* An error at node (its line and column; none when node is NULL), formatted as qz_fail does:
 * fmt is translated first (xgettext's keyword fail_at:4). */
qz_status fail_at(loader *ld, const yaml_node_t *node, qz_status st, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;
qz_status nomem(loader *ld);

/* Whether n is the scalar s. */
bool scalar_is(const yaml_node_t *n, const char *s);
/* A scalar's text, NUL-terminated (malloc'd); NULL when out of memory. */
char *scalar_dup(const yaml_node_t *n);

/* A mapping's keys: the handler of each known key gets its value and the entry's target. */
typedef qz_status (*key_handler)(loader *ld, const yaml_node_t *value, void *target);

typedef struct {
    const char *key;
    key_handler handle;
    void *target;
} key_entry;

/* "unknown key 'K'" at k, for the readers that walk a mapping by hand. */
qz_status unknown_key(loader *ld, const yaml_node_t *k);
/* Runs the handler of each key of map; a node that is not a mapping, or a key not in keys, is
 * an error that lists the keys (unknown key 'reveiw' (review, plan, dated)). */
qz_status walk_mapping(loader *ld, const yaml_node_t *map, const key_entry *keys,
                       size_t nkeys);

/* Runs item() on each element of a sequence; `what` is the error when seq is not one (marked
 * N_() where it is written, translated here). */
typedef qz_status (*item_handler)(loader *ld, const yaml_node_t *item, void *target);
qz_status each_item(loader *ld, const yaml_node_t *seq, const char *what, item_handler item,
                    void *target);

/* Runs pair() on each key and value of a mapping whose keys are not known in advance (a
 * severity for each rule id); `what` is the error when map is not one (marked N_(), translated
 * here; NULL: "expected a mapping"). */
typedef qz_status (*pair_handler)(loader *ld, const yaml_node_t *key, const yaml_node_t *value,
                                  void *target);
qz_status each_pair(loader *ld, const yaml_node_t *map, const char *what, pair_handler pair,
                    void *target);

/* Key handlers for typed scalars. target: a char * (replaced by a copy of the string), a bool
 * (true or false), a qz_severity (error, warning or off). */
qz_status on_string(loader *ld, const yaml_node_t *v, void *target);
qz_status on_bool(loader *ld, const yaml_node_t *v, void *target);
qz_status on_severity(loader *ld, const yaml_node_t *v, void *target);

#endif
