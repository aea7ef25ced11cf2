/* reference.c — the rules as reference, for `qzreport keys` and `qzreport rules`: every metric
 * key of the catalogue (its descriptions, units and the rates it takes part in) and every check
 * rule, read from the loaded rules (the data files and any --rules file), never from a list in C.
 * Text and TSV lines are written as they go; JSON through jansson and YAML through libyaml,
 * one record at a time. Ownership: nothing is kept; every string is the rules'. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>
#include <yaml.h>

#include "rules.h"

/* ---- what a key takes part in ---- */

static bool rate_names(const qz_rate_rule *rate, const char *key)
{
    if (strcmp(rate->key, key) == 0 || strcmp(rate->numerator, key) == 0)
        return true;
    for (size_t i = 0; i < rate->ndenominators; i++)
        if (strcmp(rate->denominators[i], key) == 0)
            return true;
    return false;
}

/* ---- one writer per format: a list begins, takes records of fields, and ends ---- */

typedef enum { FIELD_STR, FIELD_LIST, FIELD_BOOL } field_type;

typedef struct {
    const char *name;
    field_type type;
    const char *str;                 /* FIELD_STR (NULL: none) */
    const char *const *items;        /* FIELD_LIST */
    size_t nitems;
    const qz_rate_rule *rates;       /* FIELD_LIST of the rates naming `key`, when set */
    size_t nrates;
    const char *key;
    bool flag;                       /* FIELD_BOOL */
} field;

typedef struct {
    qz_reference_format format;
    FILE *out;
    yaml_emitter_t em;
    bool em_open, ok, first;
    json_t *array;
} writer;

static int yaml_write(void *data, unsigned char *buffer, size_t size)
{
    writer *w = data;
    return fwrite(buffer, 1, size, w->out) == size;
}

static void yaml_event(writer *w, yaml_event_t *ev, int initialised)
{
    if (!initialised || !w->ok || !yaml_emitter_emit(&w->em, ev))
        w->ok = false;
}

/* A plain scalar: a name, true, false, or null for NULL. */
static void yaml_str(writer *w, const char *s)
{
    yaml_event_t ev;
    yaml_event(w, &ev,
               yaml_scalar_event_initialize(&ev, NULL, NULL, (yaml_char_t *)(s ? s : "null"),
                                            -1, 1, 0, YAML_PLAIN_SCALAR_STYLE));
}

static void yaml_quoted(writer *w, const char *s)
{
    yaml_event_t ev;
    yaml_event(w, &ev,
               yaml_scalar_event_initialize(&ev, NULL, NULL, (yaml_char_t *)s, -1, 0, 1,
                                            YAML_SINGLE_QUOTED_SCALAR_STYLE));
}

static void begin(writer *w)
{
    w->ok = true;
    w->first = true;
    if (w->format == QZ_REFERENCE_JSON) {
        w->array = json_array();
        w->ok = w->array != NULL;
    } else if (w->format == QZ_REFERENCE_YAML) {
        if (!yaml_emitter_initialize(&w->em)) {
            w->ok = false;
            return;
        }
        w->em_open = true;
        yaml_emitter_set_output(&w->em, yaml_write, w);
        yaml_emitter_set_unicode(&w->em, 1);
        yaml_emitter_set_width(&w->em, -1);
        yaml_event_t ev;
        yaml_event(w, &ev, yaml_stream_start_event_initialize(&ev, YAML_UTF8_ENCODING));
        yaml_event(w, &ev, yaml_document_start_event_initialize(&ev, NULL, NULL, NULL, 1));
        yaml_event(w, &ev, yaml_sequence_start_event_initialize(&ev, NULL, NULL, 1,
                                                                YAML_BLOCK_SEQUENCE_STYLE));
    }
}

static size_t list_count(const field *f)
{
    if (!f->rates)
        return f->nitems;
    size_t n = 0;
    for (size_t i = 0; i < f->nrates; i++)
        n += rate_names(&f->rates[i], f->key);
    return n;
}

static const char *list_item(const field *f, size_t k)
{
    if (!f->rates)
        return f->items[k];
    for (size_t i = 0; i < f->nrates; i++)
        if (rate_names(&f->rates[i], f->key) && k-- == 0)
            return f->rates[i].key;
    return "";
}

/* TSV and text: a list's items joined by commas. */
static void put_list(writer *w, const field *f)
{
    for (size_t k = 0, n = list_count(f); k < n; k++)
        w->ok = w->ok && fprintf(w->out, "%s%s", k ? "," : "", list_item(f, k)) >= 0;
}

/* A field for a line: tabs and line ends become spaces (a description is one line, but a
 * user's rules file may say otherwise). */
static void put_str(writer *w, const char *s)
{
    for (const char *p = s ? s : ""; *p && w->ok; p++)
        w->ok = putc(*p == '\t' || *p == '\n' || *p == '\r' ? ' ' : *p, w->out) != EOF;
}

/* A field's value on a line (TSV and text). */
static void put_value(writer *w, const field *f)
{
    if (f->type == FIELD_LIST)
        put_list(w, f);
    else if (f->type == FIELD_BOOL)
        put_str(w, f->flag ? "yes" : "no");
    else
        put_str(w, f->str);
}

static void record(writer *w, const field *fs, size_t n)
{
    if (!w->ok)
        return;
    switch (w->format) {
    case QZ_REFERENCE_TSV:
        if (w->first) { /* the header line names the columns */
            for (size_t i = 0; i < n; i++)
                w->ok = w->ok && fprintf(w->out, "%s%s", i ? "\t" : "", fs[i].name) >= 0;
            w->ok = w->ok && putc('\n', w->out) != EOF;
        }
        for (size_t i = 0; i < n && w->ok; i++) {
            if (i)
                w->ok = putc('\t', w->out) != EOF;
            put_value(w, &fs[i]);
        }
        w->ok = w->ok && putc('\n', w->out) != EOF;
        break;
    case QZ_REFERENCE_TEXT:
        /* the first field on a line of its own, then "  name: value" lines */
        w->ok = fprintf(w->out, "%s%s\n", w->first ? "" : "\n", fs[0].str) >= 0;
        for (size_t i = 1; i < n && w->ok; i++) {
            if (fs[i].type == FIELD_STR && !fs[i].str)
                continue;
            if (fs[i].type == FIELD_LIST && list_count(&fs[i]) == 0)
                continue;
            w->ok = fprintf(w->out, "  %-9s ", fs[i].name) >= 0;
            put_value(w, &fs[i]);
            w->ok = w->ok && putc('\n', w->out) != EOF;
        }
        break;
    case QZ_REFERENCE_JSON: {
        json_t *o = json_object();
        bool ok = o != NULL;
        for (size_t i = 0; ok && i < n; i++) {
            json_t *v;
            if (fs[i].type == FIELD_LIST) {
                v = json_array();
                for (size_t k = 0, m = list_count(&fs[i]); v && k < m; k++)
                    qz_json_append(v, json_string(list_item(&fs[i], k)), &ok);
            } else if (fs[i].type == FIELD_BOOL) {
                v = json_boolean(fs[i].flag);
            } else {
                v = fs[i].str ? json_string(fs[i].str) : json_null();
            }
            qz_json_set(o, fs[i].name, v, &ok);
        }
        qz_json_append(w->array, o, &ok);
        w->ok = ok;
        break;
    }
    case QZ_REFERENCE_YAML: {
        yaml_event_t ev;
        yaml_event(w, &ev, yaml_mapping_start_event_initialize(&ev, NULL, NULL, 1,
                                                               YAML_BLOCK_MAPPING_STYLE));
        for (size_t i = 0; i < n; i++) {
            yaml_str(w, fs[i].name);
            if (fs[i].type == FIELD_LIST) {
                yaml_event(w, &ev, yaml_sequence_start_event_initialize(
                                       &ev, NULL, NULL, 1, YAML_FLOW_SEQUENCE_STYLE));
                for (size_t k = 0, m = list_count(&fs[i]); k < m; k++)
                    yaml_quoted(w, list_item(&fs[i], k));
                yaml_event(w, &ev, yaml_sequence_end_event_initialize(&ev));
            } else if (fs[i].type == FIELD_BOOL) {
                yaml_str(w, fs[i].flag ? "true" : "false");
            } else if (fs[i].str) {
                yaml_quoted(w, fs[i].str);
            } else {
                yaml_str(w, NULL);
            }
        }
        yaml_event(w, &ev, yaml_mapping_end_event_initialize(&ev));
        break;
    }
    }
    w->first = false;
}

static qz_status end(writer *w, qz_error *err)
{
    if (w->format == QZ_REFERENCE_JSON) {
        if (w->ok)
            w->ok = json_dumpf(w->array, w->out, JSON_INDENT(2)) == 0 &&
                    putc('\n', w->out) != EOF;
        json_decref(w->array);
    } else if (w->format == QZ_REFERENCE_YAML && w->em_open) {
        yaml_event_t ev;
        yaml_event(w, &ev, yaml_sequence_end_event_initialize(&ev));
        yaml_event(w, &ev, yaml_document_end_event_initialize(&ev, 1));
        yaml_event(w, &ev, yaml_stream_end_event_initialize(&ev));
        if (w->ok && !yaml_emitter_flush(&w->em))
            w->ok = false;
        yaml_emitter_delete(&w->em);
    }
    if (w->ok && !ferror(w->out))
        return QZ_OK;
    return ferror(w->out) ? qz_write_fail(err, errno)
                          : qz_fail(err, QZ_ERR_NOMEM, NULL, 0, 0, "out of memory");
}

qz_status qz_keys_render(const qz_rules *rules, qz_reference_format format, FILE *out,
                         qz_error *err)
{
    writer w = {.format = format, .out = out};
    begin(&w);
    for (size_t i = 0; i < rules->nmetrics; i++) {
        const qz_metric_rule *m = &rules->metrics[i];
        field fs[] = {
            {.name = "key", .type = FIELD_STR, .str = m->key},
            {.name = "kind", .type = FIELD_STR, .str = m->kind},
            {.name = "units", .type = FIELD_LIST, .items = (const char *const *)m->units,
             .nitems = m->nunits},
            {.name = "zh", .type = FIELD_STR, .str = m->zh},
            {.name = "en", .type = FIELD_STR, .str = m->en},
            {.name = "rates", .type = FIELD_LIST, .rates = rules->rates,
             .nrates = rules->nrates, .key = m->key},
        };
        record(&w, fs, sizeof fs / sizeof fs[0]);
    }
    return end(&w, err);
}

qz_status qz_check_rules_render(const qz_rules *rules, qz_reference_format format, FILE *out,
                                qz_error *err)
{
    writer w = {.format = format, .out = out};
    begin(&w);
    for (size_t i = 0; i < rules->nchecks; i++) {
        const qz_check_rule *c = &rules->checks[i].info;
        field fs[] = {
            {.name = "id", .type = FIELD_STR, .str = c->id},
            {.name = "severity", .type = FIELD_STR, .str = qz_severity_name(c->severity)},
            {.name = "fixable", .type = FIELD_BOOL, .flag = c->fixable},
            {.name = "standard", .type = FIELD_STR, .str = *c->standard ? c->standard : NULL},
            {.name = "zh", .type = FIELD_STR, .str = c->title_zh},
            {.name = "en", .type = FIELD_STR, .str = c->title_en},
        };
        record(&w, fs, sizeof fs / sizeof fs[0]);
    }
    return end(&w, err);
}
