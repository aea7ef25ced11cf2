/* test_threads.c — one qz_rules shared by threads (include/qzreport.h, "Threads"): four
 * threads, each with its own qz_context, run every stage (qz_report_load with the checks, and
 * qz_fix_bytes) over the sample, the GB18030 copy and every metrics fixture, several times and
 * each in its own order, and every result must be the single-threaded one, field by field.
 * The second case adds a user's rules file with patterns that backtrack catastrophically, so
 * that the per-context "pattern skipped" path runs in every thread at once.
 *
 * The threads also read the single-threaded reports themselves, through const pointers, at
 * the same time (positions, the JSON renderers and the HTML summary): a finished report may be
 * read by several threads. Before any of that, four threads meet their first traditional text
 * together, so that OpenCC is opened (dlopen, once per process) by concurrent callers, and
 * write their first HTML summary together, so that libxml2 is set up (xmlInitParser, once per
 * process) by concurrent callers too.
 *
 * `make tsan` runs this under ThreadSanitizer; `make check` and `make sanitize` run it too.
 * QZ_THREAD_ROUNDS=N makes each thread go through its list N times (default 3). */
#define _GNU_SOURCE /* RTLD_NOLOAD */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <dlfcn.h>
#include <glob.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "qzreport.h"

#ifndef QZ_OPENCC_SONAME
#define QZ_OPENCC_SONAME "libopencc.so.1.1"
#endif

#define NTHREADS 4
#define DEFAULT_ROUNDS 3

/* One report of the list, with what the single-threaded run made of it. */
typedef struct {
    char *name;            /* its path (or a made-up name for a built text) */
    bool on_disk;          /* qz_report_load may read it itself */
    char *bytes;
    size_t len;
    qz_report ref;         /* every stage, single-threaded */
    char *fixed;           /* qz_fix_bytes, single-threaded */
    size_t fixed_len;
    size_t *pos;           /* line and column of each reference quantity's start */
    char *check_json;      /* the reference rendered, for the threads to render again */
    char *metrics_json;
    char *html;            /* its HTML summary (English, what each key counts included) */
} item;

typedef struct {
    const qz_rules *rules;
    const qz_check_options *options;
    item *items;
    size_t n;
    unsigned rounds;
    char **warnings;       /* the single-threaded context's, sorted */
    size_t nwarnings;
} suite;

typedef struct {
    suite *s;
    unsigned id;
    pthread_barrier_t *start;
    qz_context *ctx;       /* kept for its warnings, freed by the main thread */
    size_t runs;           /* reports loaded and fixed */
    qz_report cold;        /* the cold start's report */
    char *cold_html;       /* and its HTML summary */
    size_t cold_item;
    char failure[1536];    /* the first difference, "" if none */
} worker;

static const char *const required[] = {"meetings.standing_committee", "proposals.total"};
static const qz_check_options check_options = {
    .lang = QZ_LANG_ZH, .require = required, .nrequire = 2};

/* ---- the list ---- */

static char *read_all(const char *path, size_t *len)
{
    char *bytes;
    qz_error err = {0};
    if (qz_file_read(path, &bytes, len, &err) != QZ_OK)
        fail_msg("%s: %s", path, err.message);
    return bytes;
}

static void add_item(item **items, size_t *n, const char *name, bool on_disk, char *bytes,
                     size_t len)
{
    *items = realloc(*items, (*n + 1) * sizeof **items);
    assert_non_null(*items);
    (*items)[(*n)++] = (item){.name = strdup(name), .on_disk = on_disk, .bytes = bytes,
                              .len = len};
}

static void add_file(item **items, size_t *n, const char *path)
{
    size_t len;
    char *bytes = read_all(path, &len);
    add_item(items, n, path, true, bytes, len);
}

/* The sample, its GB18030 copy, every metrics fixture (traditional and GB18030 ones among
 * them) and, with the catastrophic rules, texts that make their patterns hit PCRE2's limits. */
static void make_list(item **items, size_t *n, bool catastrophic)
{
    *items = NULL;
    *n = 0;
    add_file(items, n, "data/quzhou-2023.txt");
    add_file(items, n, QZ_TESTS_DIR "/fixtures/quzhou-2023.gb18030.txt");
    glob_t g;
    assert_int_equal(glob(QZ_TESTS_DIR "/fixtures/metrics/*.txt", 0, NULL, &g), 0);
    assert_true(g.gl_pathc >= 10);
    for (size_t i = 0; i < g.gl_pathc; i++)
        add_file(items, n, g.gl_pathv[i]);
    globfree(&g);
    if (!catastrophic)
        return;
    add_file(items, n, QZ_TESTS_DIR "/fixtures/hostile/aaaa.txt");
    /* the sample with a line of a's before a figure: the check's (a+)+$ and the phrasing's
     * (a+)+b both hit the match limit in the middle of a report that has figures (the b
     * further on keeps PCRE2 from seeing at once that (a+)+b cannot match) */
    size_t len;
    char *sample = read_all("data/quzhou-2023.txt", &len);
    char line[200] = "开会";
    memset(line + strlen(line), 'a', 60);
    strcpy(line + strlen("开会") + 60, "b召开会议10次。\n");
    size_t cut = (size_t)(strchr(sample + len / 3, '\n') - sample) + 1;
    char *bytes = malloc(len + strlen(line) + 1);
    assert_non_null(bytes);
    memcpy(bytes, sample, cut);
    memcpy(bytes + cut, line, strlen(line));
    memcpy(bytes + cut + strlen(line), sample + cut, len - cut + 1);
    add_item(items, n, "built/quzhou-with-aaaa.txt", false, bytes, len + strlen(line));
    free(sample);
}

static bool is_traditional_fixture(const item *it)
{
    return strstr(it->name, "trad") != NULL;
}

/* ---- one run of every stage ---- */

static qz_status run(qz_context *ctx, const item *it, bool from_disk, qz_report *rep,
                     char **fixed, size_t *fixed_len, qz_error *err)
{
    qz_status st = qz_report_load(rep, ctx, it->name, from_disk ? NULL : it->bytes, it->len,
                                  QZ_ENC_AUTO, &check_options, err);
    if (st == QZ_OK && fixed)
        st = qz_fix_bytes(it->name, it->bytes, it->len, QZ_ENC_AUTO, ctx, &check_options,
                          fixed, fixed_len, err);
    return st;
}

/* The text a stream into memory got (*out is set when the stream is closed), or NULL when ok
 * is false. */
static char *closed(FILE *f, char **out, bool ok)
{
    if (fclose(f) != 0 || !ok) {
        free(*out);
        return NULL;
    }
    return *out;
}

static char *render_check(const qz_report *rep)
{
    char *out = NULL;
    size_t len;
    FILE *f = open_memstream(&out, &len);
    if (!f)
        return NULL;
    qz_error err = {0};
    qz_check_renderer *r = NULL;
    bool ok = qz_check_renderer_new(&r, QZ_CHECK_JSON, NULL, f, &err) == QZ_OK &&
              qz_check_renderer_add(r, rep->doc, rep->check, &err) == QZ_OK &&
              qz_check_renderer_finish(r, &err) == QZ_OK;
    qz_check_renderer_free(r);
    return closed(f, &out, ok);
}

static char *render_metrics(const qz_report *rep)
{
    qz_metrics_view v = {rep->doc, rep->outline, rep->metrics, .all = true};
    char *out = NULL;
    size_t len;
    FILE *f = open_memstream(&out, &len);
    if (!f)
        return NULL;
    qz_error err = {0};
    bool ok = qz_metrics_render_json(&v, f, &err) == QZ_OK;
    return closed(f, &out, ok);
}

/* The HTML summary, a libxml2 page (src/html_page.c), in English, with what each key counts. */
static char *render_html(const qz_report *rep, const qz_rules *rules)
{
    qz_summary sm = {.doc = rep->doc, .outline = rep->outline, .metrics = rep->metrics,
                     .lang = QZ_LANG_EN, .rules = rules};
    char *out = NULL;
    size_t len;
    FILE *f = open_memstream(&out, &len);
    if (!f)
        return NULL;
    qz_error err = {0};
    bool ok = qz_summary_render_html(&sm, f, &err) == QZ_OK;
    return closed(f, &out, ok);
}

/* ---- comparing with the single-threaded results ---- */

static bool same_str(const char *a, const char *b)
{
    return a == b || (a && b && strcmp(a, b) == 0);
}

static bool same_span(qz_span a, qz_span b)
{
    return a.start == b.start && a.len == b.len;
}

/* Writes "FILE: FIELD: …" into why and returns false. */
static bool differ(char *why, size_t size, const item *it, const char *fmt, ...)
{
    int used = snprintf(why, size, "%s: ", it->name);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(why + used, size - (size_t)used, fmt, ap);
    va_end(ap);
    return false;
}

#define DIFFER(...) return differ(why, size, it, __VA_ARGS__)

static bool same_doc(const item *it, const qz_doc *a, const qz_doc *b, char *why, size_t size)
{
    if (a->len != b->len || memcmp(a->text, b->text, a->len) != 0)
        DIFFER("doc.text differs (%zu bytes, single-threaded %zu)", b->len, a->len);
    if (a->view_len != b->view_len || memcmp(a->view, b->view, a->view_len) != 0)
        DIFFER("doc.view differs (%zu bytes, single-threaded %zu)", b->view_len, a->view_len);
    if (a->encoding != b->encoding || a->traditional != b->traditional)
        DIFFER("doc.encoding/traditional: %d/%d, single-threaded %d/%d", b->encoding,
               b->traditional, a->encoding, a->traditional);
    if (a->nlines != b->nlines || a->nrepairs != b->nrepairs || a->nfolds != b->nfolds)
        DIFFER("doc.nlines/nrepairs/nfolds: %zu/%zu/%zu, single-threaded %zu/%zu/%zu",
               b->nlines, b->nrepairs, b->nfolds, a->nlines, a->nrepairs, a->nfolds);
    for (size_t i = 0; i < a->nrepairs; i++)
        if (a->repairs[i].kind != b->repairs[i].kind || a->repairs[i].line != b->repairs[i].line ||
            a->repairs[i].offset != b->repairs[i].offset)
            DIFFER("doc.repairs[%zu] differs", i);
    return true;
}

static bool same_outline(const item *it, const qz_doc *doc, const qz_outline *a,
                         const qz_outline *b, char *why, size_t size)
{
    if (a->nparts != b->nparts)
        DIFFER("outline.nparts: %zu, single-threaded %zu", b->nparts, a->nparts);
    for (size_t i = 0; i < a->nparts; i++)
        if (a->parts[i].kind != b->parts[i].kind || a->parts[i].start != b->parts[i].start ||
            a->parts[i].end != b->parts[i].end || !same_span(a->parts[i].title, b->parts[i].title))
            DIFFER("outline.parts[%zu] differs", i);
    if (a->nsections != b->nsections)
        DIFFER("outline.nsections: %zu, single-threaded %zu", b->nsections, a->nsections);
    for (size_t i = 0; i < a->nsections; i++) {
        const qz_section *x = &a->sections[i], *y = &b->sections[i];
        if (!same_span(x->title, y->title))
            DIFFER("outline.sections[%zu].title: '%.*s', single-threaded '%.*s'", i,
                   (int)y->title.len, doc->text + y->title.start, (int)x->title.len,
                   doc->text + x->title.start);
        if (x->start != y->start || x->end != y->end)
            DIFFER("outline.sections[%zu] start/end: %zu/%zu, single-threaded %zu/%zu", i,
                   y->start, y->end, x->start, x->end);
        if (x->number != y->number || x->level != y->level || x->parent != y->parent ||
            x->part != y->part || x->ntopics != y->ntopics)
            DIFFER("outline.sections[%zu] number/level/parent/part/ntopics differ", i);
    }
    if (a->ntopics != b->ntopics)
        DIFFER("outline.ntopics: %zu, single-threaded %zu", b->ntopics, a->ntopics);
    for (size_t i = 0; i < a->ntopics; i++)
        if (!same_span(a->topics[i].title, b->topics[i].title) ||
            a->topics[i].start != b->topics[i].start)
            DIFFER("outline.topics[%zu] differs", i);
    if (a->year_reviewed != b->year_reviewed || a->year_planned != b->year_planned ||
        !same_span(a->header.speaker, b->header.speaker) || a->header.year != b->header.year)
        DIFFER("outline.header/years differ");
    return true;
}

static bool same_metrics(const item *it, const qz_metrics *a, const qz_metrics *b, char *why,
                         size_t size)
{
    if (a->n != b->n)
        DIFFER("metrics.n: %zu, single-threaded %zu", b->n, a->n);
    for (size_t i = 0; i < a->n; i++) {
        const qz_quantity *x = &a->items[i], *y = &b->items[i];
        char vx[64], vy[64];
        qz_quantity_value(x, vx, sizeof vx);
        qz_quantity_value(y, vy, sizeof vy);
        if (!same_str(x->key, y->key))
            DIFFER("metrics[%zu].key: %s, single-threaded %s", i, y->key ? y->key : "(none)",
                   x->key ? x->key : "(none)");
        if (strcmp(vx, vy) != 0)
            DIFFER("metrics[%zu].value (%s): %s, single-threaded %s", i, x->key, vy, vx);
        if (!same_str(x->unit, y->unit))
            DIFFER("metrics[%zu].unit (%s): %s, single-threaded %s", i, x->key, y->unit, x->unit);
        if (x->qualifier != y->qualifier || x->kind != y->kind)
            DIFFER("metrics[%zu].qualifier (%s): %s, single-threaded %s", i, x->key,
                   qz_qualifier_name(y->qualifier), qz_qualifier_name(x->qualifier));
        if (x->start != y->start || x->end != y->end)
            DIFFER("metrics[%zu].start/end (%s): %zu/%zu, single-threaded %zu/%zu", i, x->key,
                   y->start, y->end, x->start, x->end);
        if (!same_span(x->quote, y->quote))
            DIFFER("metrics[%zu].quote (%s) differs", i, x->key);
        if (x->first != y->first || x->where != y->where || x->section != y->section)
            DIFFER("metrics[%zu].first/where/section (%s) differ", i, x->key);
    }
    if (a->nrates != b->nrates)
        DIFFER("rates.n: %zu, single-threaded %zu", b->nrates, a->nrates);
    for (size_t i = 0; i < a->nrates; i++) {
        const qz_rate *x = &a->rates[i], *y = &b->rates[i];
        char cx[64], cy[64];
        qz_decimal_format(x->computed, cx, sizeof cx);
        qz_decimal_format(y->computed, cy, sizeof cy);
        if (!same_str(x->key, y->key) || !same_str(x->denominator_key, y->denominator_key))
            DIFFER("rates[%zu].key/denominator_key: %s/%s, single-threaded %s/%s", i, y->key,
                   y->denominator_key, x->key, x->denominator_key);
        if (x->stated != y->stated || x->numerator != y->numerator ||
            x->denominator != y->denominator)
            DIFFER("rates[%zu].stated/numerator/denominator (%s) differ", i, x->key);
        if (strcmp(cx, cy) != 0 || x->consistent != y->consistent)
            DIFFER("rates[%zu].computed/consistent (%s): %s/%d, single-threaded %s/%d", i,
                   x->key, cy, y->consistent, cx, x->consistent);
    }
    return true;
}

static bool same_check(const item *it, const qz_check *a, const qz_check *b, char *why,
                       size_t size)
{
    if (a->n != b->n || a->errors != b->errors || a->warnings != b->warnings)
        DIFFER("check.n/errors/warnings: %zu/%zu/%zu, single-threaded %zu/%zu/%zu", b->n,
               b->errors, b->warnings, a->n, a->errors, a->warnings);
    for (size_t i = 0; i < a->n; i++) {
        const qz_diag *x = &a->items[i], *y = &b->items[i];
        if (!same_str(x->rule, y->rule))
            DIFFER("check[%zu].rule: %s, single-threaded %s", i, y->rule, x->rule);
        if (x->start != y->start || x->end != y->end)
            DIFFER("check[%zu].start/end (%s): %zu/%zu, single-threaded %zu/%zu", i, x->rule,
                   y->start, y->end, x->start, x->end);
        if (!same_str(x->message, y->message))
            DIFFER("check[%zu].message (%s): '%s', single-threaded '%s'", i, x->rule,
                   y->message, x->message);
        if (!same_str(x->fix, y->fix) || x->severity != y->severity || x->join != y->join)
            DIFFER("check[%zu].fix/severity/join (%s) differ", i, x->rule);
    }
    return true;
}

static bool same_report(const item *it, const qz_report *got, const char *fixed,
                        size_t fixed_len, char *why, size_t size)
{
    const qz_report *ref = &it->ref;
    if (!same_doc(it, ref->doc, got->doc, why, size) ||
        !same_outline(it, ref->doc, ref->outline, got->outline, why, size) ||
        !same_metrics(it, ref->metrics, got->metrics, why, size) ||
        !same_check(it, ref->check, got->check, why, size))
        return false;
    if (fixed && (fixed_len != it->fixed_len || memcmp(fixed, it->fixed, fixed_len) != 0))
        DIFFER("fixed bytes differ (%zu bytes, single-threaded %zu)", fixed_len, it->fixed_len);
    return true;
}

/* Reads the single-threaded report, which every thread reads at once: positions and the JSON
 * renderers must give what they gave before the threads started. */
static bool same_reading(const suite *s, const item *it, char *why, size_t size)
{
    const qz_report *ref = &it->ref;
    for (size_t i = 0; i < ref->metrics->n; i++) {
        size_t line, col;
        qz_doc_position(ref->doc, ref->metrics->items[i].start, &line, &col);
        if (line != it->pos[2 * i] || col != it->pos[2 * i + 1])
            DIFFER("position of metrics[%zu] in the shared report: %zu:%zu, single-threaded "
                   "%zu:%zu", i, line, col, it->pos[2 * i], it->pos[2 * i + 1]);
    }
    char *check = render_check(ref), *metrics = render_metrics(ref);
    bool ok = check && metrics && strcmp(check, it->check_json) == 0 &&
              strcmp(metrics, it->metrics_json) == 0;
    free(check);
    free(metrics);
    if (!ok)
        DIFFER("the JSON of the shared report differs from the single-threaded one");
    char *html = render_html(ref, s->rules);
    ok = html && strcmp(html, it->html) == 0;
    free(html);
    if (!ok)
        DIFFER("the HTML summary of the shared report differs from the single-threaded one");
    return true;
}

/* ---- the suite ---- */

static unsigned rounds(void)
{
    const char *env = getenv("QZ_THREAD_ROUNDS");
    long n = env ? strtol(env, NULL, 10) : 0;
    return n > 0 && n < 1000 ? (unsigned)n : DEFAULT_ROUNDS;
}

static int by_string(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The warnings of ctx, copied and sorted (threads meet the reports in other orders). */
static char **warnings_of(const qz_context *ctx, size_t *n)
{
    *n = qz_context_warning_count(ctx);
    char **w = calloc(*n + 1, sizeof *w);
    assert_non_null(w);
    for (size_t i = 0; i < *n; i++)
        w[i] = strdup(qz_context_warning(ctx, i));
    qsort(w, *n, sizeof *w, by_string);
    return w;
}

static void free_strings(char **s, size_t n)
{
    for (size_t i = 0; s && i < n; i++)
        free(s[i]);
    free(s);
}

/* Every stage of every report, single-threaded: the results the threads must give. */
static void reference(suite *s)
{
    qz_context *ctx;
    qz_error err = {0};
    assert_int_equal(qz_context_new(&ctx, s->rules, &err), QZ_OK);
    for (size_t i = 0; i < s->n; i++) {
        item *it = &s->items[i];
        if (run(ctx, it, false, &it->ref, &it->fixed, &it->fixed_len, &err) != QZ_OK)
            fail_msg("%s: %s", it->name, err.message);
        it->pos = malloc((2 * it->ref.metrics->n + 1) * sizeof *it->pos);
        assert_non_null(it->pos);
        for (size_t k = 0; k < it->ref.metrics->n; k++)
            qz_doc_position(it->ref.doc, it->ref.metrics->items[k].start, &it->pos[2 * k],
                            &it->pos[2 * k + 1]);
        it->check_json = render_check(&it->ref);
        it->metrics_json = render_metrics(&it->ref);
        it->html = render_html(&it->ref, s->rules);
        assert_non_null(it->html);
        assert_non_null(it->check_json);
        assert_non_null(it->metrics_json);
    }
    s->warnings = warnings_of(ctx, &s->nwarnings);
    qz_context_free(ctx);
}

/* A different order for each thread and round (xorshift, seeded by both: no shared state). */
static void shuffle(size_t *order, size_t n, unsigned id, unsigned round)
{
    uint32_t x = 2654435761u * (id + 1) + 40503u * (round + 1);
    for (size_t i = 0; i < n; i++)
        order[i] = i;
    for (size_t i = n; i > 1; i--) {
        x ^= x << 13, x ^= x >> 17, x ^= x << 5;
        size_t k = x % i, t = order[i - 1];
        order[i - 1] = order[k];
        order[k] = t;
    }
}

static void *work(void *arg)
{
    worker *w = arg;
    suite *s = w->s;
    qz_error err = {0};
    size_t *order = malloc(s->n * sizeof *order);
    if (qz_context_new(&w->ctx, s->rules, &err) != QZ_OK || !order) {
        snprintf(w->failure, sizeof w->failure, "thread %u: context: %s", w->id, err.message);
        pthread_barrier_wait(w->start);
        free(order);
        return NULL;
    }
    pthread_barrier_wait(w->start);
    for (unsigned round = 0; round < s->rounds && !w->failure[0]; round++) {
        shuffle(order, s->n, w->id, round);
        for (size_t k = 0; k < s->n && !w->failure[0]; k++) {
            const item *it = &s->items[order[k]];
            qz_report rep;
            char *fixed = NULL;
            size_t fixed_len = 0;
            /* every other round reads the file itself */
            bool from_disk = it->on_disk && (round + w->id) % 2 == 1;
            if (run(w->ctx, it, from_disk, &rep, &fixed, &fixed_len, &err) != QZ_OK)
                snprintf(w->failure, sizeof w->failure, "%s: %s", it->name, err.message);
            else if (same_report(it, &rep, fixed, fixed_len, w->failure, sizeof w->failure))
                same_reading(w->s, it, w->failure, sizeof w->failure);
            qz_report_clear(&rep);
            free(fixed);
            w->runs++;
        }
    }
    free(order);
    return NULL;
}

/* Runs NTHREADS workers over the suite and fails with every thread's first difference. */
static void run_threads(suite *s)
{
    pthread_barrier_t start;
    pthread_t tid[NTHREADS];
    worker w[NTHREADS];
    assert_int_equal(pthread_barrier_init(&start, NULL, NTHREADS), 0);
    for (unsigned i = 0; i < NTHREADS; i++) {
        w[i] = (worker){.s = s, .id = i, .start = &start};
        assert_int_equal(pthread_create(&tid[i], NULL, work, &w[i]), 0);
    }
    for (unsigned i = 0; i < NTHREADS; i++)
        assert_int_equal(pthread_join(tid[i], NULL), 0);
    pthread_barrier_destroy(&start);
    char failures[4 * sizeof w[0].failure + 64] = "";
    for (unsigned i = 0; i < NTHREADS; i++) {
        size_t n;
        char **got = warnings_of(w[i].ctx, &n);
        bool same = n == s->nwarnings;
        for (size_t k = 0; same && k < n; k++)
            same = strcmp(got[k], s->warnings[k]) == 0;
        if (same && !w[i].failure[0] && w[i].runs != (size_t)s->rounds * s->n)
            snprintf(w[i].failure, sizeof w[i].failure, "ran %zu reports, not %zu", w[i].runs,
                     (size_t)s->rounds * s->n);
        if (!same && !w[i].failure[0])
            snprintf(w[i].failure, sizeof w[i].failure,
                     "context warnings: %zu, single-threaded %zu (%s)", n, s->nwarnings,
                     n ? got[0] : "none");
        free_strings(got, n);
        qz_context_free(w[i].ctx);
        if (w[i].failure[0]) {
            size_t used = strlen(failures);
            snprintf(failures + used, sizeof failures - used, "\n  thread %u: %s", i,
                     w[i].failure);
        }
    }
    if (failures[0])
        fail_msg("threads differ from the single-threaded run:%s", failures);
    printf("threads: %u threads x %u rounds x %zu reports, same as single-threaded\n",
           NTHREADS, s->rounds, s->n);
}

static void free_suite(suite *s)
{
    for (size_t i = 0; i < s->n; i++) {
        item *it = &s->items[i];
        qz_report_clear(&it->ref);
        free(it->name);
        free(it->bytes);
        free(it->fixed);
        free(it->pos);
        free(it->check_json);
        free(it->metrics_json);
        free(it->html);
    }
    free(s->items);
    free_strings(s->warnings, s->nwarnings);
}

/* ---- the cold start: OpenCC opened by concurrent callers ---- */

static void *cold(void *arg)
{
    worker *w = arg;
    qz_error err = {0};
    if (qz_context_new(&w->ctx, w->s->rules, &err) != QZ_OK) {
        pthread_barrier_wait(w->start);
        snprintf(w->failure, sizeof w->failure, "context: %s", err.message);
        return NULL;
    }
    pthread_barrier_wait(w->start);
    const item *it = &w->s->items[w->cold_item];
    if (run(w->ctx, it, false, &w->cold, NULL, NULL, &err) != QZ_OK)
        snprintf(w->failure, sizeof w->failure, "%s: %s", it->name, err.message);
    else if (!(w->cold_html = render_html(&w->cold, w->s->rules)))
        snprintf(w->failure, sizeof w->failure, "%s: no HTML summary", it->name);
    return NULL;
}

/* Before anything in the process opened OpenCC, NTHREADS threads load a traditional report
 * each at the same moment (view.c opens OpenCC once, on first need). Their reports are
 * compared once the single-threaded ones exist. */
static void cold_start(suite *s, worker *w)
{
    void *already = dlopen(QZ_OPENCC_SONAME, RTLD_NOW | RTLD_NOLOAD);
    if (already)
        dlclose(already);
    assert_null(already); /* else the first opening would not be concurrent */
    size_t trad[8], ntrad = 0;
    for (size_t i = 0; i < s->n && ntrad < 8; i++)
        if (is_traditional_fixture(&s->items[i]))
            trad[ntrad++] = i;
    assert_true(ntrad >= 2);
    pthread_barrier_t start;
    pthread_t tid[NTHREADS];
    assert_int_equal(pthread_barrier_init(&start, NULL, NTHREADS), 0);
    for (unsigned i = 0; i < NTHREADS; i++) {
        w[i] = (worker){.s = s, .id = i, .start = &start, .cold_item = trad[i % ntrad]};
        assert_int_equal(pthread_create(&tid[i], NULL, cold, &w[i]), 0);
    }
    for (unsigned i = 0; i < NTHREADS; i++)
        assert_int_equal(pthread_join(tid[i], NULL), 0);
    pthread_barrier_destroy(&start);
    void *loaded = dlopen(QZ_OPENCC_SONAME, RTLD_NOW | RTLD_NOLOAD);
    assert_non_null(loaded);
    dlclose(loaded);
}

static void check_cold(suite *s, worker *w)
{
    for (unsigned i = 0; i < NTHREADS; i++) {
        const item *it = &s->items[w[i].cold_item];
        if (!w[i].failure[0])
            same_report(it, &w[i].cold, NULL, 0, w[i].failure, sizeof w[i].failure);
        if (!w[i].failure[0] && strcmp(w[i].cold_html, it->html))
            snprintf(w[i].failure, sizeof w[i].failure, "%s: the HTML summary differs", it->name);
        free(w[i].cold_html);
        qz_report_clear(&w[i].cold);
        qz_context_free(w[i].ctx);
        if (w[i].failure[0])
            fail_msg("cold start, thread %u: %s", i, w[i].failure);
    }
}

/* What the list must hold for the test to mean anything. */
static void check_list(const suite *s, bool catastrophic)
{
    size_t trad = 0, gb = 0;
    for (size_t i = 0; i < s->n; i++) {
        const item *it = &s->items[i];
        if (is_traditional_fixture(it)) {
            if (!it->ref.doc->traditional)
                fail_msg("%s: not read as traditional script", it->name);
            trad++;
        }
        gb += it->ref.doc->encoding == QZ_ENC_GB18030;
    }
    assert_true(trad >= 2);
    assert_true(gb >= 2);
    if (catastrophic) {
        /* both slow patterns were skipped, with a warning each */
        assert_int_equal(s->nwarnings, 2);
        for (size_t i = 0; i < s->nwarnings; i++)
            assert_non_null(strstr(s->warnings[i], "match limit exceeded"));
    } else {
        assert_int_equal(s->nwarnings, 0);
    }
}

static double seconds(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* ---- the cases ---- */

static void test_builtin_rules_shared(void **state)
{
    (void)state;
    double t0 = seconds();
    qz_rules *rules;
    qz_error err = {0};
    assert_int_equal(qz_rules_new(&rules, &err), QZ_OK);
    suite s = {.rules = rules, .options = &check_options, .rounds = rounds()};
    make_list(&s.items, &s.n, false);
    worker cold_workers[NTHREADS];
    cold_start(&s, cold_workers);
    reference(&s);
    check_cold(&s, cold_workers);
    check_list(&s, false);
    run_threads(&s);
    free_suite(&s);
    qz_rules_free(rules);
    printf("threads: built-in rules: %.1f s\n", seconds() - t0);
}

static void test_user_rules_shared(void **state)
{
    (void)state;
    double t0 = seconds();
    qz_rules *rules;
    qz_error err = {0};
    assert_int_equal(qz_rules_new(&rules, &err), QZ_OK);
    size_t len;
    char *yaml = read_all(QZ_TESTS_DIR "/fixtures/rules/catastrophic.yaml", &len);
    if (qz_rules_add_yaml(rules, "catastrophic.yaml", yaml, len, &err) != QZ_OK)
        fail_msg("user rules: %s", err.message);
    free(yaml);
    suite s = {.rules = rules, .options = &check_options, .rounds = rounds()};
    make_list(&s.items, &s.n, true);
    reference(&s);
    check_list(&s, true);
    run_threads(&s);
    free_suite(&s);
    qz_rules_free(rules);
    printf("threads: user rules with catastrophic patterns: %.1f s\n", seconds() - t0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_builtin_rules_shared),
        cmocka_unit_test(test_user_rules_shared),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
