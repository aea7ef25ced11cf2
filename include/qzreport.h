/* qzreport.h — the one public header of libqzreport, the library behind the qzreport command.
 * Build against the installed library with `pkg-config --cflags --libs qzreport` (README.md,
 * "Library"). Only the functions declared here are the library's interface (and its exported
 * symbols); everything else in libqzreport is private to it.
 *
 * Ownership, in one place:
 * - Every object a qz_*_new or qz_*_load function returns belongs to the caller, who releases
 *   it with the matching qz_*_free (which accepts NULL); a qz_report with qz_report_clear.
 * - Every buffer the library hands back through a char ** (qz_file_read's bytes, qz_fix_apply's
 *   and qz_fix_bytes's out) belongs to the caller, who releases it with qz_free (which accepts
 *   NULL): a program need not share the library's allocator.
 * - Byte offsets and spans handed out by a stage point into the qz_doc's text and stay valid
 *   until that qz_doc is freed; a stage's result (qz_outline, qz_metrics, qz_check) must not
 *   outlive the qz_doc it was made from.
 * - Strings borrowed from a qz_rules, valid until qz_rules_free and never freed by the caller:
 *   metric keys (qz_quantity.key, qz_rate.key, qz_rate.denominator_key, qz_compare_row.key,
 *   qz_compare_rate.key, qz_rules_key), units (qz_quantity.unit), check rule ids and texts
 *   (qz_diag.rule, every field of a qz_check_rule), and what qz_rules_key_title returns. So a
 *   report's results (qz_metrics, qz_check, qz_compare, qz_table) must not outlive the rules
 *   they were made with. A context's warnings (qz_context_warning) are the context's.
 * - The names the library returns (qz_encoding_name, qz_part_kind_name, qz_where_name,
 *   qz_severity_name, qz_qualifier_name, qz_header.level, qz_version) are static strings. */
#ifndef QZREPORT_H
#define QZREPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Marks the library's interface: libqzreport is built with -fvisibility=hidden, so only the
 * functions declared here with QZ_EXPORT are exported by libqzreport.so
 * (tests/lib_symbols.sh checks both ways). */
#if defined(__GNUC__) && __GNUC__ >= 4
#define QZ_EXPORT __attribute__((visibility("default")))
#else
#define QZ_EXPORT
#endif

/* ---- version ---- */

/* The version of this header; the shared library's soname carries its major number
 * (libqzreport.so.0). */
#define QZ_VERSION_MAJOR 0
#define QZ_VERSION_MINOR 1
#define QZ_VERSION_PATCH 0
#define QZ_VERSION_STR_(n) #n
#define QZ_VERSION_STR(n) QZ_VERSION_STR_(n)
/* "0.1.0", built from the three numbers */
#define QZ_VERSION                                                                             \
    QZ_VERSION_STR(QZ_VERSION_MAJOR) "." QZ_VERSION_STR(QZ_VERSION_MINOR) "."                  \
        QZ_VERSION_STR(QZ_VERSION_PATCH)

/* The version of the library that runs ("0.1.0"), which may be newer than the header the
 * program was built with: a static string. */
QZ_EXPORT const char *qz_version(void);

/* ---- memory ---- */

/* Releases a buffer the library returned (see "Ownership" above); NULL is ignored. */
QZ_EXPORT void qz_free(void *p);

/* ---- status and errors (the libyaml way: a status, details in an object the caller prints) ---- */

typedef enum {
    QZ_OK = 0,
    QZ_ERR_IO,       /* a file could not be read or written */
    QZ_ERR_ENCODING, /* the bytes are neither UTF-8 nor GB18030 text */
    QZ_ERR_LIMIT,    /* the input exceeds a documented limit */
    QZ_ERR_DATA,     /* a rules or configuration file is malformed */
    QZ_ERR_NOMEM,    /* out of memory */
    QZ_ERR_INTERNAL  /* a library (PCRE2, libyaml, cmark) failed unexpectedly */
} qz_status;

typedef struct {
    qz_status status;
    char path[1024]; /* the file the error is about, "" if none */
    size_t line;     /* 1-based, 0 if not about a position */
    size_t column;   /* 1-based, in Unicode code points; 0 if unknown */
    char message[512];
} qz_error;

/* Formats an error for people: "PATH:LINE:COL: message", "PATH: message" or "message". */
QZ_EXPORT void qz_error_format(const qz_error *err, char *buf, size_t size);

/* The gettext domain of the messages (qz_error.message, qz_context_warning): the library looks
 * them up with dgettext(QZ_TEXTDOMAIN, …) in the locale's language of messages, and never calls
 * textdomain. A program that wants them in Chinese calls setlocale and
 * bindtextdomain(QZ_TEXTDOMAIN, dir) where dir/zh_CN/LC_MESSAGES/qzreport.mo is (`make install`
 * puts it in $(PREFIX)/share/locale); otherwise they are English. */
#define QZ_TEXTDOMAIN "qzreport"

/* ---- limits (documented in README.md) ---- */

#define QZ_MAX_INPUT_BYTES ((size_t)256 * 1024 * 1024) /* larger inputs are refused */

/* ---- rules: the patterns and word lists of data/…yaml, compiled once ---- */

typedef struct qz_rules qz_rules;

/* Threads: a qz_rules, once loaded (qz_rules_new, then any qz_rules_add_*), is read-only and
 * may be shared by any number of threads; a qz_context belongs to one thread at a time. A
 * qz_doc and what the stages make of it are written only while they are made: the functions
 * that take them through a const pointer (positions, the renderers) only read them, so
 * several threads may read one finished report. tests/unit/test_threads.c, under `make tsan`,
 * checks both. */

/* The rules built into the binary (data/outline.yaml and friends), every pattern compiled. */
QZ_EXPORT qz_status qz_rules_new(qz_rules **out, qz_error *err);
/* Adds a user's rules file on top of the built-in ones (same schema; lists are appended).
 * After a failure the rules may hold part of the file: free them, do not use them. A context
 * made before rules are added runs every pattern uncached: make contexts afterwards. */
QZ_EXPORT qz_status qz_rules_add_file(qz_rules *rules, const char *path, qz_error *err);
/* Same, from bytes in memory; name is used in error messages. */
QZ_EXPORT qz_status qz_rules_add_yaml(qz_rules *rules, const char *name, const char *yaml,
                                      size_t len, qz_error *err);
QZ_EXPORT void qz_rules_free(qz_rules *rules);

/* ---- a context: what running the rules changes, owned by one thread ---- */

/* The stages match the rules through a context: its match data, the JIT-compiled copies of
 * the patterns it runs often, and its warnings. Make one per thread, after the rules are
 * loaded, and pass it to every stage; it may serve any number of reports in turn. */
typedef struct qz_context qz_context;
QZ_EXPORT qz_status qz_context_new(qz_context **out, const qz_rules *rules, qz_error *err);
QZ_EXPORT void qz_context_free(qz_context *ctx);
QZ_EXPORT const qz_rules *qz_context_rules(const qz_context *ctx);

/* Patterns run under PCRE2 match and depth limits, so that a user's pattern with
 * catastrophic backtracking ((a+)+$) cannot hang a run: a pattern that hits them is treated as
 * not matching for the rest of that report, and a warning naming it (once per context) is
 * kept here for the caller to print. */
#define QZ_MATCH_LIMIT 1000000
#define QZ_DEPTH_LIMIT 100000
QZ_EXPORT size_t qz_context_warning_count(const qz_context *ctx);
QZ_EXPORT const char *qz_context_warning(const qz_context *ctx, size_t i);

/* ---- stage 1, load: bytes → normalised UTF-8 text with a map back to the original lines ---- */

/* UTF-16 is read when a byte-order mark says so (FF FE, FE FF: what Windows Notepad saves as
 * "Unicode"), under QZ_ENC_AUTO; `fix` writes it back in UTF-16 with the same mark. */
typedef enum {
    QZ_ENC_AUTO = 0,
    QZ_ENC_UTF8,
    QZ_ENC_GB18030,
    QZ_ENC_UTF16LE,
    QZ_ENC_UTF16BE
} qz_encoding;

typedef enum {
    QZ_REPAIR_JOINED,     /* a line broken mid-sentence was joined to the next one */
    QZ_REPAIR_PAGE_NUMBER /* a line that was only a page number or a running header (the
                             title repeated) was dropped, with its line end */
} qz_repair_kind;

typedef struct {
    qz_repair_kind kind;
    size_t line;   /* original 1-based line whose end was repaired (joined), or that was
                      dropped (page-number) */
    size_t offset; /* byte offset in text where the removed bytes stood */
    size_t removed; /* bytes removed there: trailing spaces and the line end (joined); the
                       whole line and its line end (page-number) */
    size_t removed_before; /* bytes removed by the earlier repairs */
} qz_repair;

/* One place where the match view differs from the text: view[view_start, +view_len) stands
 * for text[text_start, +text_len) (view_len is 0 where something was left out). */
typedef struct qz_view_fold {
    size_t view_start, view_len;
    size_t text_start, text_len;
} qz_view_fold;

typedef struct {
    char *source;         /* the name given for the input ("-" is shown as "<stdin>") */
    qz_encoding encoding; /* what the input was decoded from */
    bool had_bom;
    bool had_cr;          /* CRLF or lone CR line ends were normalised */
    char *text;           /* UTF-8, LF line ends, broken lines joined, page numbers dropped,
                             NUL-terminated */
    size_t len;           /* bytes in text, without the NUL */
    size_t *line_start;   /* original line i+1 starts at text[line_start[i]] */
    size_t nlines;        /* number of original lines */
    size_t header_lines;  /* the first lines that are the header (date, title, speaker, up to
                             the salutation), never joined; 0 when loaded without rules */
    qz_repair *repairs;
    size_t nrepairs;
    char *src;            /* the text as decoded (BOM removed), line ends and breaks as they
                             were: what `fix` edits, so that untouched bytes stay as they are;
                             src == text (one buffer) when the two are the same bytes (no CR,
                             nothing repaired) */
    size_t src_len;
    size_t *cr_at;        /* text before joins: offsets of each LF that was a CRLF */
    size_t ncr;
    /* The match view: text as every matcher reads it, folded so that one rule reads every
     * copy of a phrase (traditional to simplified characters, full-width digits and letters,
     * spaces around a figure, pinyin after a character). Same lines as text; view == text when
     * nothing was folded. Offsets in it are turned back into offsets of text (qz_doc_text_offset)
     * before they leave a stage, so lines, columns and quotes are the original file's. */
    char *view;
    size_t view_len;
    qz_view_fold *folds;       /* where view and text differ, in order */
    size_t nfolds;
    bool traditional;     /* written in traditional script (folded through OpenCC t2s) */
} qz_doc;
/* Only the loader makes a qz_doc (qz_doc_load_bytes, qz_doc_load_file), and only qz_doc_free
 * releases it: the loader keeps private caches beside the public fields (a position index, so
 * that a column costs a count over at most 64 bytes however long its line), so a qz_doc is
 * never declared, allocated or copied by a program, which uses it through the pointer. */

/* Decodes and normalises len bytes. The context's rules (ctx may be NULL: no repairs, no
 * match view) say which lines are headings, so that broken-line repair never joins one. */
QZ_EXPORT qz_status qz_doc_load_bytes(qz_doc **out, const char *source, const char *bytes,
                                      size_t len, qz_encoding encoding, qz_context *ctx,
                                      qz_error *err);
/* Reads a whole file ("-" reads standard input) into *bytes (NUL-terminated; *len bytes without
 * the NUL), within QZ_MAX_INPUT_BYTES. The caller releases *bytes with qz_free. */
QZ_EXPORT qz_status qz_file_read(const char *path, char **bytes, size_t *len, qz_error *err);
/* Reads a whole file ("-" reads standard input) and loads it as above. */
QZ_EXPORT qz_status qz_doc_load_file(qz_doc **out, const char *path, qz_encoding encoding,
                                     qz_context *ctx, qz_error *err);
QZ_EXPORT void qz_doc_free(qz_doc *doc);

/* Turns a byte offset in doc->text into the original 1-based line and 1-based column (in
 * Unicode code points). Like every function that takes a const qz_doc *, it only reads it:
 * threads may share a loaded document for reading. */
QZ_EXPORT void qz_doc_position(const qz_doc *doc, size_t offset, size_t *line, size_t *column);
/* The 1-based original line that holds offset. */
QZ_EXPORT size_t qz_doc_line(const qz_doc *doc, size_t offset);
/* Where the span [start, end) ends: the line of its last character and the column just past
 * it. (qz_doc_position(end) would give the next line's column 1 for a span that ends a line
 * the loader joined to the next.) */
QZ_EXPORT void qz_doc_span_end(const qz_doc *doc, size_t start, size_t end, size_t *line,
                               size_t *column);
/* Original line `line` (1-based) as [*start, *end) of doc->text, without its line end; a line
 * joined to the next ends where the next one starts. */
QZ_EXPORT void qz_doc_line_bounds(const qz_doc *doc, size_t line, size_t *start, size_t *end);
/* The offset in doc->src of the byte at offset in doc->text (a joined line's first byte maps
 * past the removed line break). */
QZ_EXPORT size_t qz_doc_source_offset(const qz_doc *doc, size_t offset);

/* The offset in doc->text of offset `v` of doc->view. A start maps to the first byte of what
 * was folded into it; an end (`end` true: v is just past a span) to just past it. */
QZ_EXPORT size_t qz_doc_text_offset(const qz_doc *doc, size_t v, bool end);
/* The span [*start, *start + *len) of doc->view as a span of doc->text, in place (an empty span
 * stays empty). */
QZ_EXPORT void qz_doc_text_span(const qz_doc *doc, size_t *start, size_t *len);

QZ_EXPORT const char *qz_encoding_name(qz_encoding enc);
/* Parses "utf-8", "utf8", "gb18030", "gbk", "auto"; returns false for anything else. */
QZ_EXPORT bool qz_encoding_parse(const char *name, qz_encoding *out);

/* ---- stage 2, sections: the outline of parts, numbered sections and topics ---- */

typedef struct {
    size_t start; /* byte offset in doc->text */
    size_t len;   /* bytes; 0 when absent */
} qz_span;

typedef enum {
    QZ_PART_REVIEW, /* 过去一年的主要工作 */
    QZ_PART_PLAN,   /* 2023年主要任务 */
    QZ_PART_BODY    /* numbered sections with no recognised part title above them */
} qz_part_kind;

typedef struct {
    qz_span title;
    size_t start;       /* offset of the paragraph that opens with the topic */
    size_t section;     /* index into qz_outline.sections */
} qz_topic;

typedef struct {
    int level;          /* 1 for 一、, 2 for （一）, 3 for 1., 4 for （1） */
    int depth;          /* 0 for a part's top sections, 1 for their sub-sections, … */
    unsigned number;    /* the heading's own number: 三、 is 3 */
    qz_span marker;     /* "一、", "（一）" */
    qz_span title;      /* without marker and final punctuation */
    bool run_in;        /* the body continues on the heading's line */
    size_t start;       /* offset of the heading line */
    size_t end;         /* offset just past the section's last line (its line end excluded) */
    size_t part;        /* index into qz_outline.parts */
    long parent;        /* index of the enclosing section, -1 at the top */
    size_t ndesc;       /* sub-sections that follow this one, at any depth */
    size_t first_topic; /* topics [first_topic, first_topic + ntopics) */
    size_t ntopics;
} qz_section;

typedef struct {
    qz_part_kind kind;
    qz_span title;          /* empty for QZ_PART_BODY */
    qz_span marker;         /* "一、" when the part title is numbered, else empty */
    size_t start;           /* offset of the title line (or of the first section for BODY) */
    size_t end;             /* offset just past the part's last line */
    size_t first_section;   /* sections [first_section, first_section + nsections) */
    size_t nsections;       /* all of them, sub-sections included */
} qz_part;

typedef struct {
    qz_span date_text;      /* the date as written */
    int year, month, day;   /* 0 when no date was found */
    qz_span speaker;        /* 吴国升 */
    qz_span speaker_title;  /* 衢州市人大常委会主任 */
    qz_span salutation;     /* 各位代表: */
    qz_span title;          /* a document title line (…工作报告), if any */
    qz_span body;           /* whose report: 衢州市人大常委会 (title, speaker's title or opening) */
    qz_span region;         /* its region: 衢州市 */
    const char *level;      /* national, provincial, city, county, district; NULL if unknown */
} qz_header;

typedef struct {
    qz_header header;
    int year_reviewed;      /* 0 when unknown */
    int year_planned;
    qz_span preamble;       /* text before the first part (len 0 if none) */
    qz_span closing;        /* the closing address paragraph (各位代表、同志们!…) */
    qz_part *parts;
    size_t nparts;
    qz_section *sections;   /* every section in document order (pre-order) */
    size_t nsections;
    qz_topic *topics;       /* every topic in document order */
    size_t ntopics;
} qz_outline;

QZ_EXPORT qz_status qz_outline_new(qz_outline **out, const qz_doc *doc, qz_context *ctx,
                                   qz_error *err);
QZ_EXPORT void qz_outline_free(qz_outline *outline);

QZ_EXPORT const char *qz_part_kind_name(qz_part_kind kind);
/* The top-level section that holds section i (i itself at the top), or -1 for -1. */
QZ_EXPORT long qz_outline_top_section(const qz_outline *outline, long i);

/* ---- numbers: exact values, never binary floating point ---- */

/* An exact decimal: value = mant / 10^scale. Reports write 96.9 and mean 96.9, so values are
 * never held in binary floating point (0 <= scale <= 18). */
typedef struct {
    int64_t mant;
    int scale;
} qz_decimal;

typedef enum {
    QZ_QUAL_EXACT, /* 10次 */
    QZ_QUAL_MORE,  /* 30余条, 100多名, 超过1000家, 逾百万: value is the lower bound */
    QZ_QUAL_ABOUT, /* 约200人, 5.5%左右 */
    QZ_QUAL_NEAR,  /* 近千人, 将近: value is the upper bound */
    QZ_QUAL_LESS,  /* 不足5%, 不到 */
    QZ_QUAL_RANGE, /* 3至5, 三四十, 十七八: lo..hi */
    QZ_QUAL_VAGUE  /* 十几, 数十, 几百: lo..hi */
} qz_qualifier;

typedef enum {
    QZ_NUM_PLAIN,   /* a count or amount */
    QZ_NUM_PERCENT, /* 96.9%, 百分之九十五, 三成 (X成 = X*10%) */
    QZ_NUM_POINTS   /* 2.3个百分点: percentage points, never % */
} qz_number_kind;

/* Writes d exactly as a decimal string ("96.9", "38000", "-0.3", "0.5"), without trailing zeros
 * after the point and without exponent. Returns the length written (snprintf semantics). */
QZ_EXPORT int qz_decimal_format(qz_decimal d, char *buf, size_t size);
/* Compares two decimals exactly: <0, 0, >0. */
QZ_EXPORT int qz_decimal_cmp(qz_decimal a, qz_decimal b);
/* *out = a - b exactly, at the larger scale; false on overflow. */
QZ_EXPORT bool qz_decimal_sub(qz_decimal a, qz_decimal b, qz_decimal *out);
/* part / whole x 100 to one decimal, rounded half away from zero (2 of 3 is 66.7); false when
 * whole is 0 or on overflow. */
QZ_EXPORT bool qz_decimal_percent(qz_decimal part, qz_decimal whole, qz_decimal *out);

QZ_EXPORT const char *qz_qualifier_name(qz_qualifier q); /* "exact", "more", … */

/* ---- stage 3, metrics: every quantity, the ones rules name, and linked rates ---- */

typedef enum {
    QZ_WHERE_PREAMBLE, /* before the first part */
    QZ_WHERE_REVIEW,
    QZ_WHERE_PLAN,
    QZ_WHERE_BODY,
    QZ_WHERE_CLOSING
} qz_where;

QZ_EXPORT const char *qz_where_name(qz_where w); /* "preamble", "review", … */

typedef struct {
    const char *key;        /* the metric it is (owned by the rules), NULL if none */
    bool first;             /* the first mention of key: what `metrics` reports */
    qz_decimal lo, hi;      /* hi == lo except for ranges and vague numbers */
    qz_qualifier qualifier;
    qz_number_kind kind;
    const char *unit;       /* "次", "人次", "%" (percent) or "pp" (percentage points) */
    size_t start, end;      /* the number with its qualifiers and measure word */
    qz_span quote;          /* the clause it stands in */
    qz_where where;
    long section;           /* innermost section holding it (index into outline), or -1 */
} qz_quantity;

typedef struct {
    const char *key;        /* the rate's metric key */
    size_t stated;          /* indexes into qz_metrics.items */
    size_t numerator;
    size_t denominator;
    const char *denominator_key; /* which count it is over (owned by the rules): the rules may
                                    name several, the first the report states is taken */
    qz_decimal computed;    /* numerator / denominator x 100, to three decimals */
    bool consistent;        /* the stated figure is `computed` rounded to its own decimals */
} qz_rate;

typedef struct {
    qz_quantity *items;     /* every quantity, in document order; a figure that the rules
                               name under two keys (制定N件 is laws.enacted and laws.new) is
                               two items with the same span, one per key */
    size_t n;
    qz_rate *rates;
    size_t nrates;
} qz_metrics;

QZ_EXPORT qz_status qz_metrics_new(qz_metrics **out, const qz_doc *doc, const qz_outline *outline,
                                   qz_context *ctx, qz_error *err);
QZ_EXPORT void qz_metrics_free(qz_metrics *metrics);
/* Receives each quantity of a report as soon as its sentence is read (its key, first mention and
 * `also` copy settled), in text order; q lives only during the call. A status other than
 * QZ_OK (err filled) stops the scan, and qz_metrics_stream returns it. */
typedef qz_status (*qz_quantity_sink)(void *arg, const qz_quantity *q, qz_error *err);
/* The same scan as qz_metrics_new, but every quantity goes to sink instead of being kept:
 * *out holds only each key's first mention (items, all with first set) and the rates linked
 * among them. Memory holds one sentence's quantities, however many the text has. */
QZ_EXPORT qz_status qz_metrics_stream(qz_metrics **out, const qz_doc *doc,
                                      const qz_outline *outline, qz_context *ctx,
                                      qz_quantity_sink sink, void *arg, qz_error *err);
/* The first mention of key, or NULL. */
QZ_EXPORT const qz_quantity *qz_metrics_get(const qz_metrics *metrics, const char *key);
/* Writes a quantity's value: "10", "96.9", "3..5" for a range. */
QZ_EXPORT int qz_quantity_value(const qz_quantity *q, char *buf, size_t size);

/* Whether the rules define a metric with this key (a rate's key included). */
QZ_EXPORT bool qz_rules_has_key(const qz_rules *rules, const char *key);
/* The i-th metric key, in the rules' order; NULL past the end. */
QZ_EXPORT const char *qz_rules_key(const qz_rules *rules, size_t i);

/* ---- the rules as reference (`qzreport keys`, `qzreport rules`) ---- */

typedef enum {
    QZ_REFERENCE_TEXT, /* for people: a line per key or rule, then "  name: value" lines */
    QZ_REFERENCE_TSV,  /* a header line, then a line per key or rule; lists comma-joined */
    QZ_REFERENCE_JSON, /* one array of objects */
    QZ_REFERENCE_YAML  /* one sequence of mappings */
} qz_reference_format;

/* Every metric key of the rules, in their order: key, kind, units, zh, en, and the rates it
 * takes part in (as the stated rate, its numerator or one of its denominators). */
QZ_EXPORT qz_status qz_keys_render(const qz_rules *rules, qz_reference_format format, FILE *out,
                                   qz_error *err);
/* Every check rule: id, default severity, fixable, standard, zh, en. */
QZ_EXPORT qz_status qz_check_rules_render(const qz_rules *rules, qz_reference_format format,
                                          FILE *out, qz_error *err);

/* ---- stage 4, check: formatting faults a proofreader would mark ---- */

typedef enum { QZ_SEV_OFF = 0, QZ_SEV_WARNING, QZ_SEV_ERROR } qz_severity;
typedef enum { QZ_LANG_ZH = 0, QZ_LANG_EN } qz_lang;

/* A check rule as data/check.yaml describes it. */
typedef struct {
    const char *id;           /* "halfwidth-punct": ids are an interface */
    qz_severity severity;     /* its default */
    const char *standard;     /* the clause it enforces, "GB/T 15834-2011 4.x", or "" */
    const char *title_zh;     /* one line: what it finds */
    const char *title_en;
    bool fixable;             /* `qzreport fix` applies its fixes */
} qz_check_rule;

/* The check rules, in their documented order; NULL past the end. */
QZ_EXPORT const qz_check_rule *qz_rules_check_rule(const qz_rules *rules, size_t i);
QZ_EXPORT const qz_check_rule *qz_rules_find_check_rule(const qz_rules *rules, const char *id);

typedef struct {
    const char *rule;         /* the rule's id (owned by the rules) */
    qz_severity severity;     /* after configuration */
    size_t start, end;        /* the faulty text: a byte span of doc->text (a broken line's
                                 last character; a missing metric's is empty, at 0) */
    char *message;            /* in the chosen language, without the rule id */
    char *fix;                /* what replaces [start, end), "" to delete; NULL if no fix */
    bool join;                /* broken-line: the fix removes the line break after `end` */
} qz_diag;

typedef struct {
    qz_diag *items;           /* sorted by position, then rule */
    size_t n;
    size_t errors, warnings;
} qz_check;

typedef struct {
    const char *rule;
    qz_severity severity;
} qz_severity_override;

typedef struct {
    qz_lang lang;
    const qz_severity_override *overrides; /* applied in order: config first, then --rule */
    size_t noverrides;
    const char *const *allow;   /* exact strings that no rule flags */
    size_t nallow;
    const char *const *require; /* metric keys that must be present (missing-metric) */
    size_t nrequire;
} qz_check_options;

QZ_EXPORT qz_status qz_check_new(qz_check **out, const qz_doc *doc, const qz_outline *outline,
                                 const qz_metrics *metrics, qz_context *ctx,
                                 const qz_check_options *options, qz_error *err);
QZ_EXPORT void qz_check_free(qz_check *check);

QZ_EXPORT const char *qz_severity_name(qz_severity s); /* "off", "warning", "error" */
QZ_EXPORT bool qz_severity_parse(const char *name, qz_severity *out);

/* A place in a file: 1-based line and column (in Unicode code points). */
typedef struct {
    size_t line, column;
} qz_place;

/* .qzreport.yaml: how a drafting office configures `check` (see README.md). */
typedef struct {
    char *path;
    char *rules_file;                  /* resolved against the config's folder; NULL if none */
    qz_severity_override *overrides;   /* `rules:` id → severity */
    size_t noverrides;
    char **require;                    /* metric keys */
    size_t nrequire;
    char **allow;                      /* exact strings no rule flags */
    size_t nallow;
    qz_place *override_at, *require_at; /* where each rule id and metric key stands */
} qz_config;

QZ_EXPORT qz_status qz_config_load(qz_config **out, const char *path, qz_error *err);
/* Checks the rule ids and metric keys against the rules (the config's own rules file
 * included); errors name the config file's line and column. */
QZ_EXPORT qz_status qz_config_validate(const qz_config *config, const qz_rules *rules,
                                       qz_error *err);
QZ_EXPORT void qz_config_free(qz_config *config);
/* Looks for .qzreport.yaml in dir and its parents: its path (release with qz_free), or NULL
 * when there is none (or when out of memory). */
QZ_EXPORT char *qz_config_find(const char *dir);

/* The original text with every fix of the fixable rules applied (whatever their severity,
 * unless off), in the input's own encoding, BOM and line ends: text no fix touches comes out
 * byte for byte. *out (NUL-terminated, *len bytes without the NUL) is the caller's: release it
 * with qz_free. */
QZ_EXPORT qz_status qz_fix_apply(const qz_doc *doc, const qz_check *check, const qz_rules *rules,
                                 char **out, size_t *len, qz_error *err);
/* Loads bytes and applies the fixes until the text no longer changes: one fix can expose a
 * fault the next pass sees (deleting an invisible character can leave a half-width comma
 * between Han characters), so fixing the result again changes nothing. At most QZ_FIX_PASSES
 * passes. *out is in the input's encoding, like qz_fix_apply's, and the caller's: release it
 * with qz_free. */
#define QZ_FIX_PASSES 64
QZ_EXPORT qz_status qz_fix_bytes(const char *source, const char *bytes, size_t len, qz_encoding enc,
                                 qz_context *ctx, const qz_check_options *options, char **out,
                                 size_t *outlen, qz_error *err);

/* ---- every stage in one call ---- */

typedef struct {
    qz_doc *doc;
    qz_outline *outline;
    qz_metrics *metrics;
    qz_check *check; /* NULL unless check options were given */
} qz_report;

/* Loads a report and runs the stages on it: sections, metrics, and the checks when `check` is
 * not NULL. bytes[0..len) is the report's content; with bytes NULL, `source` is a file to read
 * ("-" reads standard input). On failure every part is NULL and err says why. */
QZ_EXPORT qz_status qz_report_load(qz_report *rep, qz_context *ctx, const char *source,
                                   const char *bytes, size_t len, qz_encoding enc,
                                   const qz_check_options *check, qz_error *err);
/* The first two stages only (load, sections): for a caller that scans the figures its own way
 * (qz_metrics_stream). */
QZ_EXPORT qz_status qz_report_load_sections(qz_report *rep, qz_context *ctx, const char *source,
                                            const char *bytes, size_t len, qz_encoding enc,
                                            qz_error *err);
/* Frees every part (qz_report_load's on success) and zeroes rep. */
QZ_EXPORT void qz_report_clear(qz_report *rep);

/* ---- many reports as one table (`qzreport table`) ---- */

/* A row per report: file, body, region, level, date, year_reviewed, error, then a column per
 * metric key that any report states, in the rules' order (its first mention's value). Each
 * report's keyed figures and rates are kept too, for the sheets of the workbook. */
typedef struct qz_table qz_table;
QZ_EXPORT qz_status qz_table_new(qz_table **out, const qz_rules *rules, qz_error *err);
/* Adds a report's row (rep may be NULL for a report that could not be read: then error says
 * why). Copies what it needs: rep may be freed at once. */
QZ_EXPORT qz_status qz_table_add(qz_table *t, const char *path, const qz_report *rep,
                                 const char *error, qz_error *err);
/* RFC 4180 CSV through libcsv (records end with CRLF); bom writes the UTF-8 byte-order mark
 * first, which Excel needs to read Chinese. */
QZ_EXPORT qz_status qz_table_render_csv(const qz_table *t, FILE *out, bool bom, qz_error *err);
/* The same columns as tab-separated lines (tabs and line ends in a field become spaces). */
QZ_EXPORT qz_status qz_table_render_tsv(const qz_table *t, FILE *out, qz_error *err);
/* An Excel workbook (XLSX, through libxlsxwriter) of three sheets, each with its header row
 * frozen: "reports", the same columns, numbers as numeric cells (a range such as 3..5 and the
 * date stay text); "figures", a row per keyed figure of each report, later mentions included
 * (file, key, value, unit, qualifier, line, first, quote; first marks the mention "reports"
 * holds); "rates", a row per stated rate (file, key, stated, numerator_key, numerator,
 * denominator_key, denominator, computed, consistent). The workbook is made whole in an
 * anonymous temporary file, then copied to out, which may be a pipe: on a failure before the
 * copy nothing has been written to out. */
QZ_EXPORT qz_status qz_table_render_xlsx(const qz_table *t, FILE *out, qz_error *err);
QZ_EXPORT void qz_table_free(qz_table *t);

/* ---- two reports of one body compared key by key (`qzreport compare`) ---- */

/* One metric key that either report states. */
typedef struct {
    const char *key;           /* owned by the rules */
    const qz_quantity *older;  /* its first mention in the older report, NULL if not stated */
    const qz_quantity *newer;
    bool has_change;           /* both are single values (not ranges) of the same kind */
    qz_decimal change;         /* newer - older; in percentage points when both are percents */
    bool approximate;          /* one of them is not exact (30余, 约200, 近千): so is change */
    bool has_change_pct;       /* a count's change relative to the older value (not for
                                  percents, nor when the older value is 0) */
    qz_decimal change_pct;     /* to one decimal */
} qz_compare_row;

/* A rate that either report states: its link to the counts in each year (NULL when that year
 * does not state it, or states it without both counts: consistency unknown). */
typedef struct {
    const char *key;
    const qz_quantity *older, *newer; /* the stated rates, NULL if not stated */
    const qz_rate *older_rate, *newer_rate;
} qz_compare_rate;

typedef struct {
    const qz_report *older, *newer; /* borrowed: the comparison must not outlive them */
    const char *older_path, *newer_path;
    int older_year, newer_year;     /* years reviewed, 0 when unknown */
    bool swapped;                   /* the arguments named the newer report first */
    bool same_body;                 /* false only when both name their region (else their
                                       body) and the two differ */
    qz_compare_row *rows;           /* every key either states, in the rules' order */
    size_t nrows;
    qz_compare_rate *rates;         /* every rate either states, in the rules' order */
    size_t nrates;
} qz_compare;

/* What a metric key counts, in one line of the language asked for (data/rules.yaml's zh or
 * en); NULL for a key the rules do not define. */
QZ_EXPORT const char *qz_rules_key_title(const qz_rules *rules, const char *key, qz_lang lang);

/* Compares two loaded reports (their metrics are needed), whichever order they come in: the
 * older is the one whose year reviewed is earlier, else whose date is earlier, else the first
 * given. Paths are borrowed, for the renderers to name the files. */
QZ_EXPORT qz_status qz_compare_new(qz_compare **out, const qz_rules *rules, const qz_report *a,
                                   const char *a_path, const qz_report *b, const char *b_path,
                                   qz_error *err);
QZ_EXPORT void qz_compare_free(qz_compare *c);

/* Renderers of a comparison; lang chooses the labels of Markdown and HTML (the machine formats
 * have none). Each writes to out as it goes, like the summary's. */
QZ_EXPORT qz_status qz_compare_render_markdown(const qz_compare *c, const qz_rules *rules,
                                               qz_lang lang, FILE *out, qz_error *err);
QZ_EXPORT qz_status qz_compare_render_yaml(const qz_compare *c, const qz_rules *rules, qz_lang lang,
                                           FILE *out, qz_error *err);
QZ_EXPORT qz_status qz_compare_render_json(const qz_compare *c, const qz_rules *rules, qz_lang lang,
                                           FILE *out, qz_error *err);
QZ_EXPORT qz_status qz_compare_render_tsv(const qz_compare *c, const qz_rules *rules, qz_lang lang,
                                          FILE *out, qz_error *err);
/* A standalone page (UTF-8, inline stylesheet, no script): the same tables as the Markdown,
 * and for each key both years state a bar chart, older above newer, as an SVG picture. */
QZ_EXPORT qz_status qz_compare_render_html(const qz_compare *c, const qz_rules *rules, qz_lang lang,
                                           FILE *out, qz_error *err);

/* Display width of text for aligning a caret under it: East Asian wide and full-width
 * characters count 2, others 1. */
QZ_EXPORT size_t qz_display_width(const char *s, size_t len);

/* ---- check output: one driver walks the files and their findings, leaves out the rules
 * turned off and calls the chosen format, which turns `start` of each diagnostic into line and
 * column (Unicode code points, 1-based) only here. The output is written to a stream file by
 * file, as the files are added: a run over many files holds one document at a time. ---- */

typedef enum {
    QZ_CHECK_TEXT,  /* for people: the gcc line, the source line, a caret, then a summary */
    QZ_CHECK_GCC,   /* FILE:LINE:COL: error: message [rule-id] */
    QZ_CHECK_GITHUB,/* ::error file=F,line=L,col=C,endColumn=E,title=RULE::message */
    QZ_CHECK_JSON,
    QZ_CHECK_SARIF
} qz_check_format;

typedef struct {
    qz_lang lang;
    bool color;          /* text only: ANSI colour */
    size_t max_per_rule; /* text only: list at most this many findings per rule and file
                            (0: all) */
    const qz_rules *rules; /* for the SARIF rules[] table; must outlive the renderer */
    FILE *summary; /* github only, may be NULL: finish also writes a Markdown summary of the
                      run here (the counts per rule, the first findings), as GitHub Actions'
                      GITHUB_STEP_SUMMARY wants it; its write errors are the stream's (ferror),
                      never the renderer's */
} qz_check_render_options;

typedef struct qz_check_renderer qz_check_renderer;

/* A renderer of `format` writing to `stream`, which stays the caller's (never closed). The
 * options are copied (NULL: all zero). Nothing is written yet. */
QZ_EXPORT qz_status qz_check_renderer_new(qz_check_renderer **out, qz_check_format format,
                                          const qz_check_render_options *options, FILE *stream,
                                          qz_error *err);
/* Renders one file's findings (check NULL: none) after those of the files added before: files
 * appear in the order they are added (from one thread; the renderer sorts nothing). Nothing of
 * doc or check is kept once it returns: both may be freed then. After a failure, every later
 * add or finish returns it again; a write error is QZ_ERR_IO with the system's reason and an
 * empty path, since the caller knows the stream's name. */
QZ_EXPORT qz_status qz_check_renderer_add(qz_check_renderer *r, const qz_doc *doc,
                                          const qz_check *check, qz_error *err);
/* A file that could not be checked, in its place among the files added: path is the name it
 * goes by ("<stdin>" for standard input), why what stopped it (its message is written; the
 * path in it is not). JSON lists it among the files as {"path", "error"}; SARIF as a
 * notification of the run's invocation (toolExecutionNotifications, level error, with the
 * file's location), the invocation then not successful; GitHub as an error annotation on the
 * file; text and gcc write nothing (the caller names it on stderr). */
QZ_EXPORT qz_status qz_check_renderer_add_failed(qz_check_renderer *r, const char *path,
                                                 const qz_error *why, qz_error *err);
/* Ends the output (text's summary, the closings of JSON and SARIF, with the totals of every
 * file added) and flushes the stream. Called once; a renderer that is freed unfinished leaves
 * the output cut short. */
QZ_EXPORT qz_status qz_check_renderer_finish(qz_check_renderer *r, qz_error *err);
QZ_EXPORT void qz_check_renderer_free(qz_check_renderer *r);

/* ---- output: a summary or the figures of one report, written to a stream as they are laid
 * out ---- */

typedef enum { QZ_FORMAT_YAML, QZ_FORMAT_MARKDOWN, QZ_FORMAT_HTML } qz_format;

typedef struct {
    const qz_doc *doc;
    const qz_outline *outline;
    const qz_metrics *metrics; /* may be NULL: no figures then */
    bool with_file;            /* one of several reports: the YAML document starts with --- */
    qz_lang lang;              /* the labels of Markdown and HTML (zero: Chinese); YAML and
                                  JSON have none, their field names are an interface */
    const qz_rules *rules;     /* may be NULL: what each key counts (data/rules.yaml's zh and
                                  en), in HTML's table of key figures */
} qz_summary;

/* The figures of one report, for `qzreport metrics`. */
typedef struct {
    const qz_doc *doc;
    const qz_outline *outline;
    const qz_metrics *metrics;
    bool all;       /* every quantity (keys' later mentions, generic ones) and not only each
                       key's first mention */
    bool with_file; /* one of several files: TSV lines start with the file name, YAML
                       documents start with --- */
} qz_metrics_view;

/* A writer of a report's figures, one quantity at a time (for qz_metrics_stream's sink): new
 * writes the beginning, add writes a quantity the view asks for (each key's first mention, or
 * every one with `all`), finish the rates of m and the end. Everything goes to stream as it
 * is laid out; a failure is returned again by every later call. */
typedef enum { QZ_METRICS_TSV, QZ_METRICS_JSON, QZ_METRICS_YAML, QZ_METRICS_ENV } qz_metrics_format;
typedef struct qz_metrics_writer qz_metrics_writer;
QZ_EXPORT qz_status qz_metrics_writer_new(qz_metrics_writer **out, qz_metrics_format format,
                                          const qz_metrics_view *view, FILE *stream, qz_error *err);
QZ_EXPORT qz_status qz_metrics_writer_add(qz_metrics_writer *w, const qz_quantity *q,
                                          qz_error *err);
QZ_EXPORT qz_status qz_metrics_writer_finish(qz_metrics_writer *w, const qz_metrics *m,
                                             qz_error *err);
QZ_EXPORT void qz_metrics_writer_free(qz_metrics_writer *w);
/* In place of a report that could not be read (path: the name it goes by; why: what stopped
 * it, whose message is written): JSON writes the line {"file": path, "error": message}; the
 * other formats write nothing (the caller names it on stderr). */
QZ_EXPORT qz_status qz_metrics_render_failed(qz_metrics_format format, const char *path,
                                             const qz_error *why, FILE *stream, qz_error *err);

/* Each writes its document to out as it goes (one record at a time: no copy of the whole
 * document is held in memory), and neither flushes nor closes out. A write that fails (ferror)
 * stops the renderer with QZ_ERR_IO and the system's reason as the message ("No space left on
 * device"; err->path is empty: the caller knows where it was writing). Whatever the error,
 * part of the document may already be in out: a caller that wants all or nothing renders into
 * a temporary file or an open_memstream buffer first. */
QZ_EXPORT qz_status qz_metrics_render_tsv(const qz_metrics_view *v, FILE *out, qz_error *err);
QZ_EXPORT qz_status qz_metrics_render_json(const qz_metrics_view *v, FILE *out, qz_error *err);
QZ_EXPORT qz_status qz_metrics_render_yaml(const qz_metrics_view *v, FILE *out, qz_error *err);
QZ_EXPORT qz_status qz_metrics_render_env(const qz_metrics_view *v, FILE *out, qz_error *err);

/* The same for the summary. Markdown and HTML are built as a cmark tree and rendered by cmark
 * into a buffer (the size of the outline, not of the text), which is then written to out.
 * HTML is a standalone page (<!DOCTYPE html>, its language, UTF-8, a title and an inline
 * stylesheet) built as a libxml2 tree: the outline rendered by cmark and parsed into it, the
 * key figures and rates as tables. */
QZ_EXPORT qz_status qz_summary_render_yaml(const qz_summary *s, FILE *out, qz_error *err);
QZ_EXPORT qz_status qz_summary_render_markdown(const qz_summary *s, FILE *out, qz_error *err);
QZ_EXPORT qz_status qz_summary_render_html(const qz_summary *s, FILE *out, qz_error *err);
/* The YAML summary's fields as one JSON line (JSON Lines with several reports), jansson's. */
QZ_EXPORT qz_status qz_summary_render_json(const qz_summary *s, FILE *out, qz_error *err);

#ifdef __cplusplus
}
#endif

#endif
