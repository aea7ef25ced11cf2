/* check_sarif.c — the findings as SARIF 2.1.0, the format GitHub code scanning and editors'
 * SARIF viewers import, built with jansson: one run whose driver lists every check rule, one
 * result per finding with its region (columns in code points, as columnKind says), the
 * faulty text as snippet, a fingerprint that survives edits elsewhere in the file, and the fix
 * as a replacement where there is one. Indented, for it is read by people too and its size
 * does not matter. Written file by file, result by result (see "the steps" below). */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "check_render.h"

#define SARIF_SCHEMA "https://json.schemastore.org/sarif-2.1.0.json"

/* {"text": s}: SARIF's message, description and snippet objects all have this shape. */
static json_t *text_object(json_t *s, bool *ok)
{
    json_t *o = json_object();
    qz_json_set(o, "text", s, ok);
    return o;
}

static const char *level(qz_severity s)
{
    return s == QZ_SEV_ERROR ? "error" : s == QZ_SEV_WARNING ? "warning" : "none";
}

/* ---- tool.driver.rules ---- */

static json_t *rule_entry(const qz_check_rule *r, qz_lang lang, bool *ok)
{
    const char *title = lang == QZ_LANG_EN ? r->title_en : r->title_zh;
    const char *standard = r->standard ? r->standard : "";
    json_t *o = json_object(), *config = json_object(), *props = json_object();
    qz_json_set(o, "id", json_string(r->id), ok);
    qz_json_set(o, "name", json_string(r->id), ok); /* ids are already names: halfwidth-punct */
    qz_json_set(o, "shortDescription", text_object(json_string(title), ok), ok);
    qz_buf full = {0};
    qz_buf_puts(&full, title);
    if (*standard) {
        qz_buf_puts(&full, " (");
        qz_buf_puts(&full, standard);
        qz_buf_puts(&full, ")");
    }
    char *full_text = qz_buf_release(&full, NULL);
    qz_json_set(o, "fullDescription", text_object(full_text ? json_string(full_text) : NULL, ok), ok);
    free(full_text);
    qz_json_set(config, "level", json_string(level(r->severity)), ok);
    qz_json_set(o, "defaultConfiguration", config, ok);
    qz_json_set(props, "standard", json_string(standard), ok);
    qz_json_set(props, "fixable", json_boolean(r->fixable), ok);
    qz_json_set(o, "properties", props, ok);
    return o;
}

static json_t *rules_table(const qz_rules *rules, qz_lang lang, bool *ok)
{
    json_t *arr = json_array();
    const qz_check_rule *r;
    for (size_t i = 0; rules && (r = qz_rules_check_rule(rules, i)) != NULL; i++)
        qz_json_append(arr, rule_entry(r, lang, ok), ok);
    return arr;
}

/* The rule's index in rules[], or -1 when the rules given do not know it. */
static long rule_index(const qz_rules *rules, const char *id)
{
    const qz_check_rule *r;
    for (size_t i = 0; rules && (r = qz_rules_check_rule(rules, i)) != NULL; i++)
        if (strcmp(r->id, id) == 0)
            return (long)i;
    return -1;
}

/* ---- fingerprints ---- */

/* 64-bit FNV-1a, continued from h (start from FNV_BASIS). */
#define FNV_BASIS UINT64_C(0xcbf29ce484222325)

static uint64_t fnv1a(uint64_t h, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= UINT64_C(0x100000001b3);
    }
    return h;
}

typedef struct {
    uint64_t hash; /* of rule, line text and faulty text */
    size_t index;  /* in check->items */
} finding_key;

static int compare_keys(const void *a, const void *b)
{
    const finding_key *x = a, *y = b;
    if (x->hash != y->hash)
        return x->hash < y->hash ? -1 : 1;
    return x->index < y->index ? -1 : x->index > y->index;
}

/* What identifies a finding for code scanning, which matches results of two runs by it: the
 * rule, the whole text of its line and the faulty text, never the line number, so that a
 * finding keeps its fingerprint when lines are added above it; and, to tell apart the same
 * fault repeated on identical lines, how many times that triple occurred earlier in the file.
 * Fills fp[i] (17 bytes each) for every finding that is reported; false if out of memory. */
static bool fingerprints(const qz_doc *doc, const qz_check *check, char (*fp)[17])
{
    finding_key *keys = malloc((check->n ? check->n : 1) * sizeof *keys);
    if (!keys)
        return false;
    size_t nkeys = 0;
    for (size_t i = 0; i < check->n; i++) {
        const qz_diag *d = &check->items[i];
        if (d->severity == QZ_SEV_OFF)
            continue;
        size_t line, col, ls, le;
        qz_doc_position(doc, d->start, &line, &col);
        qz_doc_line_bounds(doc, line, &ls, &le);
        uint64_t h = fnv1a(FNV_BASIS, d->rule, strlen(d->rule) + 1); /* with its NUL */
        h = fnv1a(h, doc->text + ls, le - ls);
        h = fnv1a(h, "", 1);
        h = fnv1a(h, doc->text + d->start, d->end - d->start);
        h = fnv1a(h, "", 1);
        keys[nkeys++] = (finding_key){h, i};
    }
    /* Sorted by hash, then position, the same triples sit together in document order: the
     * occurrence number is the rank within the group (two different triples sharing a 64-bit
     * hash is not a case worth code). */
    qsort(keys, nkeys, sizeof *keys, compare_keys);
    for (size_t k = 0, occurrence = 0; k < nkeys; k++) {
        occurrence = k > 0 && keys[k].hash == keys[k - 1].hash ? occurrence + 1 : 0;
        char num[32];
        int n = snprintf(num, sizeof num, "%zu", occurrence);
        uint64_t h = fnv1a(keys[k].hash, num, (size_t)n);
        snprintf(fp[keys[k].index], sizeof fp[0], "%016" PRIx64, h);
    }
    free(keys);
    return true;
}

/* ---- results ---- */

/* A region's four numbers; SARIF's end column is the one just past the region. */
static json_t *region(size_t line, size_t col, size_t end_line, size_t end_col, bool *ok)
{
    json_t *o = json_object();
    qz_json_set(o, "startLine", json_integer((json_int_t)line), ok);
    qz_json_set(o, "startColumn", json_integer((json_int_t)col), ok);
    qz_json_set(o, "endLine", json_integer((json_int_t)end_line), ok);
    qz_json_set(o, "endColumn", json_integer((json_int_t)end_col), ok);
    return o;
}

/* The faulty text's region, or (join) the line break after it, which the loader removed: from
 * just past the line's last character to the start of the next line. */
static json_t *diag_region(const qz_doc *doc, const qz_diag *d, bool join, bool *ok)
{
    size_t line, col, end_line, end_col;
    qz_doc_span_end(doc, d->start, d->end, &end_line, &end_col);
    if (join) {
        line = end_line;
        col = end_col;
        qz_doc_position(doc, d->end, &end_line, &end_col);
    } else {
        qz_doc_position(doc, d->start, &line, &col);
    }
    return region(line, col, end_line, end_col, ok);
}

static json_t *artifact(const qz_doc *doc, bool *ok)
{
    json_t *o = json_object();
    qz_json_set(o, "uri", qz_json_path(doc->source), ok);
    return o;
}

static json_t *location(const qz_doc *doc, const qz_diag *d, bool *ok)
{
    json_t *loc = json_object(), *phys = json_object();
    qz_json_set(phys, "artifactLocation", artifact(doc, ok), ok);
    json_t *r = diag_region(doc, d, false, ok);
    qz_json_set(r, "snippet", text_object(json_stringn(doc->text + d->start, d->end - d->start), ok), ok);
    qz_json_set(phys, "region", r, ok);
    qz_json_set(loc, "physicalLocation", phys, ok);
    return loc;
}

static json_t *fix_entry(const qz_doc *doc, const qz_diag *d, qz_lang lang, bool *ok)
{
    json_t *fix = json_object(), *changes = json_array(), *change = json_object(),
           *replacements = json_array(), *replacement = json_object();
    qz_json_set(fix, "description", text_object(json_string(lang == QZ_LANG_EN ? "fix" : "修正"), ok),
        ok);
    /* a broken line's fix is not to delete its last character but the break after it */
    qz_json_set(replacement, "deletedRegion", diag_region(doc, d, d->join, ok), ok);
    qz_json_set(replacement, "insertedContent", text_object(json_string(d->fix), ok), ok);
    qz_json_append(replacements, replacement, ok);
    qz_json_set(change, "artifactLocation", artifact(doc, ok), ok);
    qz_json_set(change, "replacements", replacements, ok);
    qz_json_append(changes, change, ok);
    qz_json_set(fix, "artifactChanges", changes, ok);
    return fix;
}

static json_t *result(const qz_doc *doc, const qz_diag *d, const char *fp,
                      const qz_check_render_options *o, bool *ok)
{
    json_t *r = json_object(), *locations = json_array(), *prints = json_object();
    qz_json_set(r, "ruleId", json_string(d->rule), ok);
    long index = rule_index(o->rules, d->rule);
    if (index >= 0) /* SARIF forbids a ruleIndex that points nowhere */
        qz_json_set(r, "ruleIndex", json_integer(index), ok);
    qz_json_set(r, "level", json_string(level(d->severity)), ok);
    qz_json_set(r, "message", text_object(json_string(d->message), ok), ok);
    qz_json_append(locations, location(doc, d, ok), ok);
    qz_json_set(r, "locations", locations, ok);
    qz_json_set(prints, "qzreport/v1", json_string(fp), ok);
    qz_json_set(r, "partialFingerprints", prints, ok);
    if (d->fix) {
        json_t *fixes = json_array();
        qz_json_append(fixes, fix_entry(doc, d, o->lang, ok), ok);
        qz_json_set(r, "fixes", fixes, ok);
    }
    return r;
}

/* ---- the steps ----
 *
 * The enclosing objects and arrays are written here, indented as jansson indents them; the
 * tool's object and each result are dumped by jansson as they come (shifted right to their
 * depth), so the bytes are those of the one tree this format used to build, without holding
 * it:
 *
 * {"$schema", "version", "runs": [{"tool", "columnKind", "results": [ … ], "invocations"}]}
 *
 * The invocation comes last, once the files that could not be checked are known: each is a
 * notification of level error that names the file, and any makes the execution unsuccessful. */

typedef struct {
    char (*fp)[17];  /* the current file's fingerprints, by index in check->items */
    size_t results;  /* results written so far, all files */
    json_t *notes;   /* the files that could not be checked, as notifications (NULL: none) */
} state;

#define RESULT_INDENT 8 /* root > runs > run > results > result */

static bool begin(qz_check_ctx *c)
{
    bool ok = true;
    json_t *tool = json_object(), *driver = json_object();
    qz_json_set(driver, "name", json_string("qzreport"), &ok);
    qz_json_set(driver, "version", json_string(qz_version()), &ok);
    qz_json_set(driver, "rules", rules_table(c->o->rules, c->o->lang, &ok), &ok);
    qz_json_set(tool, "driver", driver, &ok);
    if (!ok) {
        json_decref(tool);
        return false;
    }
    qz_buf_puts(c->out, "{\n  \"$schema\": \"" SARIF_SCHEMA "\",\n  \"version\": \"2.1.0\",\n"
                        "  \"runs\": [\n    {\n      \"tool\": ");
    if (!qz_json_dump_into(c->out, tool, JSON_INDENT(2), 6))
        return false;
    qz_buf_puts(c->out, ",\n      \"columnKind\": \"unicodeCodePoints\",\n      \"results\": [");
    return true;
}

static bool file_begin(qz_check_ctx *c)
{
    state *s = c->data;
    free(s->fp);
    s->fp = NULL;
    if (c->check->n == 0)
        return true;
    s->fp = calloc(c->check->n, sizeof *s->fp);
    return s->fp && fingerprints(c->doc, c->check, s->fp);
}

static bool finding(qz_check_ctx *c, const qz_diag *d, size_t i)
{
    state *s = c->data;
    bool ok = true;
    json_t *r = result(c->doc, d, s->fp[i], c->o, &ok);
    if (!ok) {
        json_decref(r);
        return false;
    }
    qz_buf_puts(c->out, s->results++ > 0 ? ",\n        " : "\n        ");
    return qz_json_dump_into(c->out, r, JSON_INDENT(2), RESULT_INDENT);
}

static bool file_end(qz_check_ctx *c)
{
    state *s = c->data;
    free(s->fp); /* nothing of the file outlives it */
    s->fp = NULL;
    return true;
}

/* A notification: the file, and why it could not be checked. */
static bool failed(qz_check_ctx *c, const char *path, const qz_error *why)
{
    state *s = c->data;
    bool ok = true;
    if (!s->notes && !(s->notes = json_array()))
        return false;
    qz_buf text = {0};
    qz_check_failure_text(&text, why);
    char *message = qz_buf_release(&text, NULL);
    json_t *note = json_object(), *locations = json_array(), *loc = json_object(),
           *phys = json_object(), *art = json_object();
    qz_json_set(note, "level", json_string("error"), &ok);
    qz_json_set(note, "message", text_object(message ? qz_json_path(message) : NULL, &ok), &ok);
    free(message);
    qz_json_set(art, "uri", qz_json_path(path), &ok);
    qz_json_set(phys, "artifactLocation", art, &ok);
    qz_json_set(loc, "physicalLocation", phys, &ok);
    qz_json_append(locations, loc, &ok);
    qz_json_set(note, "locations", locations, &ok);
    qz_json_append(s->notes, note, &ok);
    return ok;
}

static bool end(qz_check_ctx *c)
{
    state *s = c->data;
    qz_buf_puts(c->out, s->results > 0 ? "\n      ]" : "]"); /* jansson writes [] when empty */
    bool ok = true;
    json_t *invocations = json_array(), *inv = json_object();
    qz_json_set(inv, "executionSuccessful", json_boolean(s->notes == NULL), &ok);
    if (s->notes) {
        qz_json_set(inv, "toolExecutionNotifications", s->notes, &ok);
        s->notes = NULL; /* the invocation's now */
    }
    qz_json_append(invocations, inv, &ok);
    if (!ok) {
        json_decref(invocations);
        return false;
    }
    qz_buf_puts(c->out, ",\n      \"invocations\": ");
    if (!qz_json_dump_into(c->out, invocations, JSON_INDENT(2), 6))
        return false;
    qz_buf_puts(c->out, "\n    }\n  ]\n}\n");
    return true;
}

static void release(qz_check_ctx *c)
{
    state *s = c->data;
    free(s->fp);
    json_decref(s->notes);
}

const qz_check_format_ops qz_check_sarif_format = {
    .data_size = sizeof(state),
    .begin = begin,
    .file_begin = file_begin,
    .finding = finding,
    .file_end = file_end,
    .failed = failed,
    .end = end,
    .release = release,
};
