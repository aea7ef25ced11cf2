/* image.c — the rules image (image.h): a loaded qz_rules written as bytes, and read back.
 *
 * This file is the only place that knows the image's stream. It holds ONE walk per struct type of
 * rules.h, and each walk serves both directions: an `io` either writes every field it is handed
 * or reads it back into the (zeroed) field, so the writer and the reader cannot drift apart. A
 * field added to a struct of rules.h needs a line in that struct's walk here (or a comment
 * saying why not: derived data that qz_rules_finish recomputes); the size checks below stop the
 * build until it has one.
 *
 * The compiled patterns do not go through the walk: they are written in one blob by
 * pcre2_serialize_encode (they share PCRE2's default character tables), in the order of
 * qz_rules_each_pattern, and given back to the patterns in that order after the walk. Strings
 * are copied to the heap when read, so that rules read from an image are like rules read from
 * YAML: qz_rules_free releases them, and a user's rules file may replace or append to anything. */
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "image.h"

/* What the walks below cover, struct by struct: a struct whose size changes has a field they do
 * not know yet (checked where the sizes are known, LP64). */
#if defined(__LP64__)
_Static_assert(sizeof(qz_pattern) == 32, "qz_pattern changed: update io_pattern");
_Static_assert(sizeof(qz_pattern_list) == 24, "qz_pattern_list changed: update io_pattern_list");
_Static_assert(sizeof(qz_heading_rule) == 40, "qz_heading_rule changed: update io_heading");
_Static_assert(sizeof(qz_unit_rule) == 40, "qz_unit_rule changed: update io_unit");
_Static_assert(sizeof(qz_phrasing) == 152, "qz_phrasing changed: update io_phrasing");
_Static_assert(sizeof(qz_metric_rule) == 152, "qz_metric_rule changed: update io_metric");
_Static_assert(sizeof(qz_rate_base) == 40, "qz_rate_base changed: update io_rate_base");
_Static_assert(sizeof(qz_rate_rule) == 48, "qz_rate_rule changed: update io_rate");
_Static_assert(sizeof(qz_check_find) == 40, "qz_check_find changed: update io_check_find");
_Static_assert(sizeof(qz_replacement) == 32, "qz_replacement changed: update io_replacement");
_Static_assert(sizeof(qz_check_def) == 128, "qz_check_def changed: update io_check");
_Static_assert(sizeof(qz_sum_rule) == 24, "qz_sum_rule changed: update io_sum");
_Static_assert(sizeof(qz_rules) == 1016, "qz_rules changed: update io_rules");
#endif

/* ---- the two directions ---- */

typedef struct {
    bool reading;
    qz_buf out;                    /* writing: the stream so far */
    const unsigned char *at, *end; /* reading: what is left of the stream */
    bool damaged;                  /* reading: the stream ended early or holds a bad value */
    bool nomem;                    /* an allocation failed */
} io;

static bool io_ok(const io *s)
{
    return !s->damaged && !s->nomem && !s->out.failed;
}

static size_t io_left(const io *s)
{
    return (size_t)(s->end - s->at);
}

/* n bytes as they are. */
static void io_raw(io *s, unsigned char *p, size_t n)
{
    if (!s->reading) {
        qz_buf_append(&s->out, (const char *)p, n);
        return;
    }
    if (!io_ok(s) || io_left(s) < n) {
        s->damaged = true;
        memset(p, 0, n);
        return;
    }
    memcpy(p, s->at, n);
    s->at += n;
}

/* A whole number, 7 bits a byte (LEB128): most counts and lengths take one byte. */
static void io_u64(io *s, uint64_t *v)
{
    if (!s->reading) {
        unsigned char b[10];
        size_t n = 0;
        uint64_t x = *v;
        do {
            b[n] = (unsigned char)(x & 0x7f);
            x >>= 7;
            b[n++] |= x ? 0x80 : 0;
        } while (x);
        qz_buf_append(&s->out, (const char *)b, n);
        return;
    }
    uint64_t x = 0;
    for (unsigned shift = 0;; shift += 7) {
        if (!io_ok(s) || s->at == s->end || shift > 63) {
            s->damaged = true;
            *v = 0;
            return;
        }
        unsigned char c = *s->at++;
        x |= (uint64_t)(c & 0x7f) << shift;
        if (!(c & 0x80))
            break;
    }
    *v = x;
}

static void io_size(io *s, size_t *v)
{
    uint64_t x = *v;
    io_u64(s, &x);
    if (s->reading) {
        if (x > SIZE_MAX)
            s->damaged = true, x = 0;
        *v = (size_t)x;
    }
}

static void io_unsigned(io *s, unsigned *v)
{
    uint64_t x = *v;
    io_u64(s, &x);
    if (s->reading) {
        if (x > UINT_MAX)
            s->damaged = true, x = 0;
        *v = (unsigned)x;
    }
}

/* Signed numbers (an index that may be -1) zigzagged: 0, -1, 1, -2… */
static void io_long(io *s, long *v)
{
    uint64_t x = *v < 0 ? ((uint64_t)-(*v + 1) << 1) | 1 : (uint64_t)*v << 1;
    io_u64(s, &x);
    if (s->reading) {
        uint64_t mag = x >> 1;
        if (mag > LONG_MAX)
            s->damaged = true, mag = 0;
        *v = x & 1 ? -(long)mag - 1 : (long)mag;
    }
}

/* An index into an array of n, or -1 for none. */
static void io_index(io *s, long *v, size_t n)
{
    io_long(s, v);
    if (s->reading && (*v < -1 || (*v >= 0 && (size_t)*v >= n)))
        s->damaged = true, *v = -1;
}

static void io_int(io *s, int *v)
{
    long x = *v;
    io_long(s, &x);
    if (s->reading) {
        if (x < INT_MIN || x > INT_MAX)
            s->damaged = true, x = 0;
        *v = (int)x;
    }
}

static void io_bool(io *s, bool *v)
{
    unsigned char b = *v;
    io_raw(s, &b, 1);
    if (s->reading) {
        if (b > 1)
            s->damaged = true;
        *v = b == 1;
    }
}

/* A string or NULL: its length + 1 (0 for NULL), then its bytes. */
static void io_str(io *s, char **str)
{
    size_t n = !s->reading && *str ? strlen(*str) + 1 : 0;
    io_size(s, &n);
    if (!s->reading) {
        if (n)
            qz_buf_append(&s->out, *str, n - 1);
        return;
    }
    *str = NULL;
    if (!n || !io_ok(s))
        return;
    if (io_left(s) < n - 1) {
        s->damaged = true;
        return;
    }
    if (!(*str = malloc(n))) {
        s->nomem = true;
        return;
    }
    memcpy(*str, s->at, n - 1);
    (*str)[n - 1] = '\0';
    s->at += n - 1;
}

/* An array's count; when reading, the array itself (zeroed, so that qz_rules_free can free it
 * however little of it was read) and its capacity (cap may be NULL: arrays that grow by count).
 * The walk of each element follows; false when there is nothing to walk. */
static bool io_array(io *s, void **items, size_t *n, size_t *cap, size_t elem)
{
    io_size(s, n);
    if (!s->reading)
        return *n > 0;
    *items = NULL;
    if (cap)
        *cap = 0;
    if (io_ok(s) && *n > io_left(s)) /* each element takes a byte at least */
        s->damaged = true;
    if (!io_ok(s)) {
        *n = 0;
        return false;
    }
    if (*n && !(*items = calloc(*n, elem))) {
        s->nomem = true;
        *n = 0;
        return false;
    }
    if (cap)
        *cap = *n;
    return *n > 0;
}

#define IO_ARRAY(s, arr, n, cap) io_array((s), (void **)&(arr), &(n), (cap), sizeof *(arr))

static void io_strv(io *s, char ***v, size_t *n)
{
    if (IO_ARRAY(s, *v, *n, NULL))
        for (size_t i = 0; i < *n; i++)
            io_str(s, &(*v)[i]);
}

/* A block of `size` bytes (a bitmap) or NULL. */
static void io_block(io *s, unsigned char **p, size_t size)
{
    bool present = !s->reading && *p;
    io_bool(s, &present);
    if (s->reading)
        *p = NULL;
    if (!present || !io_ok(s))
        return;
    if (s->reading && !(*p = malloc(size))) {
        s->nomem = true;
        return;
    }
    io_raw(s, *p, size);
}

/* ---- one walk per struct of rules.h ---- */

/* re: compiled, comes from the blob after the walk (or is compiled again from source).
 * id: numbered by qz_rules_finish. */
static void io_pattern(io *s, qz_pattern *p)
{
    io_str(s, &p->source);
    io_str(s, &p->origin);
    io_bool(s, &p->anchored);
    io_bool(s, &p->utf);
}

static void io_pattern_list(io *s, qz_pattern_list *l)
{
    if (IO_ARRAY(s, l->items, l->n, &l->cap))
        for (size_t i = 0; i < l->n; i++)
            io_pattern(s, &l->items[i]);
}

static void io_heading(io *s, qz_heading_rule *h)
{
    io_pattern(s, &h->pat);
    io_int(s, &h->level);
}

static void io_unit(io *s, qz_unit_rule *u)
{
    io_pattern(s, &u->pat);
    io_str(s, &u->name);
}

/* The indexes name metrics of the rules (rule_metrics of them). */
static void io_phrasing(io *s, qz_phrasing *p, size_t rule_metrics)
{
    io_str(s, &p->before_src);
    io_str(s, &p->after_src);
    io_pattern(s, &p->before);
    io_pattern(s, &p->after);
    io_str(s, &p->follows);
    io_str(s, &p->not_follows);
    io_str(s, &p->apart_with);
    io_str(s, &p->apart_key);
    io_index(s, &p->apart_with_rule, rule_metrics);
    io_index(s, &p->apart_rule, rule_metrics);
    io_str(s, &p->also);
    io_index(s, &p->also_rule, rule_metrics);
    io_unsigned(s, &p->number);
    io_bool(s, &p->cue_before);
    io_bool(s, &p->cue_after);
}

/* unit_ok has one byte per measure word of the rules, then % and pp (rules_metrics.c
 * build_unit_ok). */
static void io_metric(io *s, qz_metric_rule *m, const qz_rules *r)
{
    io_str(s, &m->key);
    io_strv(s, &m->units, &m->nunits);
    io_block(s, &m->unit_ok, r->nunits + 2);
    io_unsigned(s, &m->parts);
    if (IO_ARRAY(s, m->phrasings, m->nphrasings, NULL))
        for (size_t i = 0; i < m->nphrasings; i++)
            io_phrasing(s, &m->phrasings[i], r->nmetrics);
    io_pattern(s, &m->not_before);
    io_pattern(s, &m->not_in_sentence);
    io_str(s, &m->follows);
    io_str(s, &m->zh);
    io_str(s, &m->en);
    io_str(s, &m->kind);
}

static void io_rate_base(io *s, qz_rate_base *b)
{
    io_pattern(s, &b->before);
    io_str(s, &b->key);
}

static void io_rate(io *s, qz_rate_rule *r)
{
    io_str(s, &r->key);
    io_str(s, &r->numerator);
    io_strv(s, &r->denominators, &r->ndenominators);
    if (IO_ARRAY(s, r->named, r->nnamed, NULL))
        for (size_t i = 0; i < r->nnamed; i++)
            io_rate_base(s, &r->named[i]);
}

static void io_check_find(io *s, qz_check_find *f)
{
    io_pattern(s, &f->pat);
    io_str(s, &f->fix);
}

static void io_replacement(io *s, qz_replacement *r)
{
    io_str(s, &r->from);
    io_str(s, &r->to);
    io_str(s, &r->zh);
    io_str(s, &r->en);
}

/* info's strings point at the fields below: qz_rules_finish points them again. */
static void io_check(io *s, qz_check_def *c)
{
    int severity = (int)c->info.severity;
    io_int(s, &severity);
    if (s->reading) {
        if (severity < QZ_SEV_OFF || severity > QZ_SEV_ERROR)
            s->damaged = true;
        c->info.severity = (qz_severity)severity;
    }
    io_bool(s, &c->info.fixable);
    io_str(s, &c->id);
    io_str(s, &c->standard);
    io_str(s, &c->title_zh);
    io_str(s, &c->title_en);
    io_str(s, &c->msg_zh);
    io_str(s, &c->msg_en);
    if (IO_ARRAY(s, c->finds, c->nfinds, NULL))
        for (size_t i = 0; i < c->nfinds; i++)
            io_check_find(s, &c->finds[i]);
    if (IO_ARRAY(s, c->replace, c->nreplace, NULL))
        for (size_t i = 0; i < c->nreplace; i++)
            io_replacement(s, &c->replace[i]);
    if (s->reading && !c->id)
        s->damaged = true; /* rules_checks.c finds checks by id */
}

static void io_sum(io *s, qz_sum_rule *u)
{
    io_str(s, &u->whole);
    io_strv(s, &u->parts, &u->nparts);
}

static void io_u32s(io *s, uint32_t **v, size_t *n)
{
    if (IO_ARRAY(s, *v, *n, NULL))
        for (size_t i = 0; i < *n; i++)
            io_unsigned(s, &(*v)[i]);
}

static void io_cue(io *s, qz_cue *c)
{
    io_str(s, &c->word);
    io_size(s, &c->len);
    io_unsigned(s, &c->first);
    io_unsigned(s, &c->second);
    io_u32s(s, &c->refs, &c->nrefs);
}

/* The cue index (cue.c), stored rather than built again: reading every phrasing's patterns
 * for their cue words takes longer than the rest of the image. */
static void io_cue_index(io *s, qz_rules *r)
{
    if (IO_ARRAY(s, r->cues, r->ncues, NULL))
        for (size_t i = 0; i < r->ncues; i++)
            io_cue(s, &r->cues[i]);
    io_size(s, &r->cue_mask);
    if (s->reading && r->cue_mask >= ((size_t)1 << 28))
        s->damaged = true;
    io_block(s, (unsigned char **)&r->cue_table, (r->cue_mask + 1) * sizeof *r->cue_table);
    io_block(s, &r->cue_first, 0x10000 / 8);
    io_u32s(s, &r->phrasing_metric, &r->nphrasings);
    io_u32s(s, &r->always, &r->nalways);
}

/* traditional: a bitmap of the BMP (rules_words.c on_char_set). npatterns: qz_rules_finish. */
static void io_rules(io *s, qz_rules *r)
{
    if (IO_ARRAY(s, r->headings, r->nheadings, &r->cap_headings))
        for (size_t i = 0; i < r->nheadings; i++)
            io_heading(s, &r->headings[i]);
    io_pattern_list(s, &r->part_review);
    io_pattern_list(s, &r->part_plan);
    io_pattern_list(s, &r->part_dated);
    io_pattern_list(s, &r->date);
    io_pattern_list(s, &r->speaker);
    io_pattern_list(s, &r->salutation);
    io_pattern_list(s, &r->title);
    io_pattern_list(s, &r->opening_year);
    io_pattern_list(s, &r->body);
    for (size_t i = 0; i < QZ_LEVELS; i++)
        io_pattern(s, &r->level[i]);
    io_pattern(s, &r->address);
    io_pattern(s, &r->sentence_end);
    io_pattern(s, &r->table_row);
    io_pattern_list(s, &r->page_furniture);
    io_pattern(s, &r->topic);
    if (IO_ARRAY(s, r->units, r->nunits, &r->cap_units))
        for (size_t i = 0; i < r->nunits; i++)
            io_unit(s, &r->units[i]);
    io_pattern_list(s, &r->ignore);
    io_pattern(s, &r->not_units);
    io_pattern(s, &r->negative);
    io_pattern_list(s, &r->view_drop);
    io_block(s, &r->traditional, 0x10000 / 8);
    io_pattern(s, &r->plan_words);
    io_str(s, &r->before_tail);
    if (IO_ARRAY(s, r->metrics, r->nmetrics, &r->cap_metrics))
        for (size_t i = 0; i < r->nmetrics; i++)
            io_metric(s, &r->metrics[i], r);
    if (IO_ARRAY(s, r->rates, r->nrates, &r->cap_rates))
        for (size_t i = 0; i < r->nrates; i++)
            io_rate(s, &r->rates[i]);
    if (IO_ARRAY(s, r->checks, r->nchecks, &r->cap_checks))
        for (size_t i = 0; i < r->nchecks; i++)
            io_check(s, &r->checks[i]);
    if (IO_ARRAY(s, r->sums, r->nsums, &r->cap_sums))
        for (size_t i = 0; i < r->nsums; i++)
            io_sum(s, &r->sums[i]);
    io_pattern(s, &r->unit_any);
    io_pattern(s, &r->ignore_any);
    io_pattern(s, &r->view_drop_any);
    io_cue_index(s, r);
}

/* ---- the compiled patterns ---- */

typedef struct {
    pcre2_code **codes;
    size_t n, cap;
    bool missing; /* writing: a pattern that is not compiled */
} code_list;

static bool collect_code(void *arg, qz_pattern *p)
{
    code_list *l = arg;
    if (!p->re) {
        l->missing = true;
        return false;
    }
    if (!QZ_GROW(l->codes, l->cap, l->n + 1))
        return false;
    l->codes[l->n++] = p->re;
    return true;
}

static bool count_code(void *arg, qz_pattern *p)
{
    (void)p;
    ++*(size_t *)arg;
    return true;
}

static bool give_code(void *arg, qz_pattern *p)
{
    code_list *l = arg;
    p->re = l->codes[l->n++];
    return true;
}

static void put_u32(unsigned char *p, uint32_t v)
{
    for (int i = 0; i < 4; i++)
        p[i] = (unsigned char)(v >> (8 * i));
}

static void put_u64(unsigned char *p, uint64_t v)
{
    for (int i = 0; i < 8; i++)
        p[i] = (unsigned char)(v >> (8 * i));
}

static uint64_t get_u64(const unsigned char *p, int bytes)
{
    uint64_t v = 0;
    for (int i = 0; i < bytes; i++)
        v |= (uint64_t)p[i] << (8 * i);
    return v;
}

static const unsigned char magic[8] = {'Q', 'Z', 'I', 'M', 'A', 'G', 'E', '1'};

qz_status qz_image_write(qz_rules *r, unsigned char **out, size_t *len, qz_error *err)
{
    *out = NULL;
    *len = 0;
    code_list codes = {0};
    if (!qz_rules_each_pattern(r, collect_code, &codes)) {
        free(codes.codes);
        return codes.missing
                   ? qz_fail(err, QZ_ERR_INTERNAL, NULL, 0, 0, "a pattern is not compiled")
                   : qz_fail(err, QZ_ERR_NOMEM, NULL, 0, 0, "out of memory");
    }
    uint8_t *blob = NULL;
    PCRE2_SIZE blob_len = 0;
    if (codes.n) {
        int32_t rc = pcre2_serialize_encode((const pcre2_code **)codes.codes,
                                            (int32_t)codes.n, &blob, &blob_len, NULL);
        if (rc < 0) {
            PCRE2_UCHAR why[200];
            pcre2_get_error_message(rc, why, sizeof why);
            free(codes.codes);
            return qz_fail(err, QZ_ERR_INTERNAL, NULL, 0, 0, "pcre2_serialize_encode: %s",
                           (char *)why);
        }
    }
    io s = {.reading = false};
    io_rules(&s, r);
    size_t stream_len;
    char *stream = qz_buf_release(&s.out, &stream_len);
    unsigned char *img = stream ? malloc(QZ_IMAGE_HEADER + blob_len + stream_len) : NULL;
    if (img) {
        memset(img, 0, QZ_IMAGE_HEADER);
        memcpy(img, magic, sizeof magic);
        put_u32(img + 8, (uint32_t)codes.n);
        put_u64(img + 16, blob_len);
        put_u64(img + 24, stream_len);
        if (blob_len)
            memcpy(img + QZ_IMAGE_HEADER, blob, blob_len);
        memcpy(img + QZ_IMAGE_HEADER + blob_len, stream, stream_len);
        *out = img;
        *len = QZ_IMAGE_HEADER + blob_len + stream_len;
    }
    free(stream);
    if (blob)
        pcre2_serialize_free(blob);
    free(codes.codes);
    return img ? QZ_OK : qz_fail(err, QZ_ERR_NOMEM, NULL, 0, 0, "out of memory");
}

/* The blob's patterns, given to the rules' patterns in order; false when this PCRE2 cannot read
 * them (another version than the one that wrote them), which leaves every pattern to be
 * compiled from its source. */
static bool decode_patterns(qz_rules *r, const unsigned char *blob, size_t n)
{
    if (pcre2_serialize_get_number_of_codes(blob) != (int32_t)n)
        return false;
    code_list l = {.codes = malloc(n * sizeof *l.codes)};
    if (!l.codes)
        return false;
    int32_t got = pcre2_serialize_decode(l.codes, (int32_t)n, blob, NULL);
    if (got == (int32_t)n)
        qz_rules_each_pattern(r, give_code, &l);
    else
        for (int32_t i = 0; i < got; i++)
            pcre2_code_free(l.codes[i]);
    free(l.codes);
    return got == (int32_t)n;
}

static qz_status damaged(qz_error *err)
{
    return qz_fail(err, QZ_ERR_INTERNAL, NULL, 0, 0, "the built-in rules image is damaged");
}

qz_status qz_image_read(qz_rules **out, const unsigned char *img, size_t len, bool decode,
                        qz_error *err)
{
    *out = NULL;
    if (len < QZ_IMAGE_HEADER || memcmp(img, magic, sizeof magic) != 0)
        return damaged(err);
    uint64_t npatterns = get_u64(img + 8, 4), blob_len = get_u64(img + 16, 8),
             stream_len = get_u64(img + 24, 8);
    if (blob_len > len - QZ_IMAGE_HEADER || stream_len != len - QZ_IMAGE_HEADER - blob_len ||
        npatterns > INT32_MAX)
        return damaged(err);
    qz_rules *r = calloc(1, sizeof *r);
    if (!r)
        return qz_fail(err, QZ_ERR_NOMEM, NULL, 0, 0, "out of memory");
    const unsigned char *blob = img + QZ_IMAGE_HEADER;
    io s = {.reading = true, .at = blob + blob_len, .end = img + len};
    io_rules(&s, r);
    size_t counted = 0;
    if (io_ok(&s))
        qz_rules_each_pattern(r, count_code, &counted);
    qz_status st = QZ_OK;
    if (s.nomem)
        st = qz_fail(err, QZ_ERR_NOMEM, NULL, 0, 0, "out of memory");
    else if (!io_ok(&s) || s.at != s.end || counted != npatterns)
        st = damaged(err);
    if (st == QZ_OK && decode && npatterns)
        decode_patterns(r, blob, (size_t)npatterns);
    if (st == QZ_OK)
        st = qz_rules_finish(r, err); /* compiles what the blob did not give */
    if (st != QZ_OK) {
        qz_rules_free(r);
        return st;
    }
    *out = r;
    return QZ_OK;
}
