/* check_sarif.c — the findings as SARIF 2.1.0, the format GitHub code scanning and editors'
 * SARIF viewers import, built with jansson: one run whose driver lists every check rule, one
 * result per finding with its region (columns in code points, as columnKind says), the
 * faulty text as snippet, a fingerprint that survives edits elsewhere in the file, and the fix
 * as a replacement where there is one. Indented, for it is read by people too and its size
 * does not matter. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "internal.h"

#define SARIF_SCHEMA "https://json.schemastore.org/sarif-2.1.0.json"

/* json_object_set_new that remembers a failure instead of checking at every call (jansson
 * releases value when obj is NULL, so a failed json_object() leaks nothing). */
static void set(json_t *obj, const char *key, json_t *value, bool *ok)
{
    if (!value || json_object_set_new(obj, key, value) != 0)
        *ok = false;
}

static void append(json_t *arr, json_t *value, bool *ok)
{
    if (!value || json_array_append_new(arr, value) != 0)
        *ok = false;
}

/* {"text": s}: SARIF's message, description and snippet objects all have this shape. */
static json_t *text_object(json_t *s, bool *ok)
{
    json_t *o = json_object();
    set(o, "text", s, ok);
    return o;
}

/* A file name as a JSON string. Names are bytes, and a report copied from Windows may well
 * have a GBK one, which jansson refuses as a string: its invalid bytes become U+FFFD rather
 * than the whole output failing. */
static json_t *path_string(const char *path)
{
    json_t *s = json_string(path);
    if (s)
        return s;
    qz_buf b = {0};
    size_t len = strlen(path);
    for (size_t i = 0; i < len;) {
        size_t n;
        uint32_t cp = qz_utf8_decode(path + i, len - i, &n);
        bool bad = cp == 0xFFFD || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF ||
                   (n == 2 && cp < 0x80) || (n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000);
        if (bad)
            qz_buf_puts(&b, "\xEF\xBF\xBD");
        else
            qz_buf_append(&b, path + i, n);
        i += n;
    }
    char *clean = qz_buf_release(&b, NULL);
    s = clean ? json_string(clean) : NULL;
    free(clean);
    return s;
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
    set(o, "id", json_string(r->id), ok);
    set(o, "name", json_string(r->id), ok); /* ids are already names: halfwidth-punct */
    set(o, "shortDescription", text_object(json_string(title), ok), ok);
    qz_buf full = {0};
    qz_buf_puts(&full, title);
    if (*standard) {
        qz_buf_puts(&full, " (");
        qz_buf_puts(&full, standard);
        qz_buf_puts(&full, ")");
    }
    char *full_text = qz_buf_release(&full, NULL);
    set(o, "fullDescription", text_object(full_text ? json_string(full_text) : NULL, ok), ok);
    free(full_text);
    set(config, "level", json_string(level(r->severity)), ok);
    set(o, "defaultConfiguration", config, ok);
    set(props, "standard", json_string(standard), ok);
    set(props, "fixable", json_boolean(r->fixable), ok);
    set(o, "properties", props, ok);
    return o;
}

static json_t *rules_table(const qz_rules *rules, qz_lang lang, bool *ok)
{
    json_t *arr = json_array();
    const qz_check_rule *r;
    for (size_t i = 0; rules && (r = qz_rules_check_rule(rules, i)) != NULL; i++)
        append(arr, rule_entry(r, lang, ok), ok);
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

/* The original line `line` as [*start, *end) of doc->text, without its line end. A line that
 * was joined to the next ends where the next one starts, its break being gone. */
static void line_bounds(const qz_doc *doc, size_t line, size_t *start, size_t *end)
{
    size_t s = doc->nlines ? doc->line_start[line - 1] : 0;
    size_t limit = line < doc->nlines ? doc->line_start[line] : doc->len;
    const char *nl = memchr(doc->text + s, '\n', limit - s);
    *start = s;
    *end = nl ? (size_t)(nl - doc->text) : limit;
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
        line_bounds(doc, line, &ls, &le);
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

/* Where [start, end) ends: the line of its last character and the column just past it. Not
 * qz_doc_position(end) when the span ends a joined line: that is the next line's column 1,
 * and a region up to there would take in the line break the loader removed. */
static void end_position(const qz_doc *doc, size_t start, size_t end, size_t *line,
                         size_t *col)
{
    if (end <= start || doc->text[end - 1] == '\n') {
        qz_doc_position(doc, end, line, col);
        return;
    }
    size_t last = end - 1;
    while (last > start && ((unsigned char)doc->text[last] & 0xC0) == 0x80)
        last--;
    qz_doc_position(doc, last, line, col);
    *col += 1;
}

/* A region's four numbers; SARIF's end column is the one just past the region. */
static json_t *region(size_t line, size_t col, size_t end_line, size_t end_col, bool *ok)
{
    json_t *o = json_object();
    set(o, "startLine", json_integer((json_int_t)line), ok);
    set(o, "startColumn", json_integer((json_int_t)col), ok);
    set(o, "endLine", json_integer((json_int_t)end_line), ok);
    set(o, "endColumn", json_integer((json_int_t)end_col), ok);
    return o;
}

/* The faulty text's region, or (join) the line break after it, which the loader removed: from
 * just past the line's last character to the start of the next line. */
static json_t *diag_region(const qz_doc *doc, const qz_diag *d, bool join, bool *ok)
{
    size_t line, col, end_line, end_col;
    end_position(doc, d->start, d->end, &end_line, &end_col);
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
    set(o, "uri", path_string(doc->source), ok);
    return o;
}

static json_t *location(const qz_doc *doc, const qz_diag *d, bool *ok)
{
    json_t *loc = json_object(), *phys = json_object();
    set(phys, "artifactLocation", artifact(doc, ok), ok);
    json_t *r = diag_region(doc, d, false, ok);
    set(r, "snippet", text_object(json_stringn(doc->text + d->start, d->end - d->start), ok), ok);
    set(phys, "region", r, ok);
    set(loc, "physicalLocation", phys, ok);
    return loc;
}

static json_t *fix_entry(const qz_doc *doc, const qz_diag *d, qz_lang lang, bool *ok)
{
    json_t *fix = json_object(), *changes = json_array(), *change = json_object(),
           *replacements = json_array(), *replacement = json_object();
    set(fix, "description", text_object(json_string(lang == QZ_LANG_EN ? "fix" : "修正"), ok),
        ok);
    /* a broken line's fix is not to delete its last character but the break after it */
    set(replacement, "deletedRegion", diag_region(doc, d, d->join, ok), ok);
    set(replacement, "insertedContent", text_object(json_string(d->fix), ok), ok);
    append(replacements, replacement, ok);
    set(change, "artifactLocation", artifact(doc, ok), ok);
    set(change, "replacements", replacements, ok);
    append(changes, change, ok);
    set(fix, "artifactChanges", changes, ok);
    return fix;
}

static json_t *result(const qz_doc *doc, const qz_diag *d, const char *fp,
                      const qz_check_render_options *o, bool *ok)
{
    json_t *r = json_object(), *locations = json_array(), *prints = json_object();
    set(r, "ruleId", json_string(d->rule), ok);
    long index = rule_index(o->rules, d->rule);
    if (index >= 0) /* SARIF forbids a ruleIndex that points nowhere */
        set(r, "ruleIndex", json_integer(index), ok);
    set(r, "level", json_string(level(d->severity)), ok);
    set(r, "message", text_object(json_string(d->message), ok), ok);
    append(locations, location(doc, d, ok), ok);
    set(r, "locations", locations, ok);
    set(prints, "qzreport/v1", json_string(fp), ok);
    set(r, "partialFingerprints", prints, ok);
    if (d->fix) {
        json_t *fixes = json_array();
        append(fixes, fix_entry(doc, d, o->lang, ok), ok);
        set(r, "fixes", fixes, ok);
    }
    return r;
}

static void file_results(json_t *results, const qz_check_file *f,
                         const qz_check_render_options *o, bool *ok)
{
    const qz_check *check = f->check;
    if (!check || check->n == 0)
        return;
    char(*fp)[17] = calloc(check->n, sizeof *fp);
    if (!fp || !fingerprints(f->doc, check, fp)) {
        free(fp);
        *ok = false;
        return;
    }
    for (size_t i = 0; *ok && i < check->n; i++)
        if (check->items[i].severity != QZ_SEV_OFF)
            append(results, result(f->doc, &check->items[i], fp[i], o, ok), ok);
    free(fp);
}

static json_t *document(const qz_check_file *files, size_t n, const qz_check_render_options *o,
                        bool *ok)
{
    json_t *root = json_object(), *runs = json_array(), *run = json_object(),
           *tool = json_object(), *driver = json_object(), *results = json_array();
    set(root, "$schema", json_string(SARIF_SCHEMA), ok);
    set(root, "version", json_string("2.1.0"), ok);
    set(driver, "name", json_string("qzreport"), ok);
    set(driver, "version", json_string(QZ_VERSION), ok);
    set(driver, "rules", rules_table(o->rules, o->lang, ok), ok);
    set(tool, "driver", driver, ok);
    set(run, "tool", tool, ok);
    set(run, "columnKind", json_string("unicodeCodePoints"), ok);
    for (size_t f = 0; *ok && f < n; f++)
        file_results(results, &files[f], o, ok);
    set(run, "results", results, ok);
    append(runs, run, ok);
    set(root, "runs", runs, ok);
    return root;
}

qz_status qz_check_render_sarif(const qz_check_file *files, size_t n,
                                const qz_check_render_options *o, char **out, size_t *len,
                                qz_error *err)
{
    static const qz_check_render_options defaults = {0};
    bool ok = true;
    json_t *root = document(files, n, o ? o : &defaults, &ok);
    char *text = ok ? json_dumps(root, JSON_INDENT(2)) : NULL;
    json_decref(root);
    if (!text)
        return qz_fail(err, QZ_ERR_NOMEM, NULL, 0, 0, "out of memory");
    qz_buf b = {0};
    qz_buf_puts(&b, text);
    qz_buf_puts(&b, "\n");
    free(text);
    *out = qz_buf_release(&b, len);
    return *out ? QZ_OK : qz_fail(err, QZ_ERR_NOMEM, NULL, 0, 0, "out of memory");
}
