/* check_github.c — the findings as GitHub Actions workflow commands,
 * ::error file=F,line=L,col=C,endLine=EL,endColumn=E,title=RULE::MESSAGE, which the runner
 * turns into annotations on the pull request's diff. Escaping follows @actions/core's
 * escapeData and escapeProperty exactly, so that a message with a newline or a file name with
 * a comma cannot end the command early or forge another property. Columns count code
 * points from 1; the end is the column just past the finding.
 *
 * GitHub shows only a few annotations of a step, so with options->summary the run is also
 * summed up in Markdown for the job's summary page (GITHUB_STEP_SUMMARY): the totals, a table
 * of the findings per rule (what lies beyond the annotations shown), the first findings and
 * the files that could not be read. It is a cmark tree rendered by cmark, as the other
 * Markdown; the table is a paragraph of pipe-table lines, as in compare_markdown.c (cmark has
 * no table node), which GitHub shows as a table. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmark.h>

#include "check_render.h"
#include "cmark_build.h"

/* escapeData: what may not appear in a command's message. */
static void put_data(qz_buf *b, const char *s, bool property)
{
    for (; *s; s++) {
        switch (*s) {
        case '%':
            qz_buf_puts(b, "%25");
            break;
        case '\r':
            qz_buf_puts(b, "%0D");
            break;
        case '\n':
            qz_buf_puts(b, "%0A");
            break;
        case ':': /* escapeProperty adds these two: they end a property list and a value */
            qz_buf_puts(b, property ? "%3A" : ":");
            break;
        case ',':
            qz_buf_puts(b, property ? "%2C" : ",");
            break;
        default:
            qz_buf_append(b, s, 1);
        }
    }
}

static void put_number(qz_buf *b, const char *name, size_t v)
{
    char s[48];
    snprintf(s, sizeof s, ",%s=%zu", name, v);
    qz_buf_puts(b, s);
}

static void put_command(qz_buf *b, const qz_doc *doc, const qz_diag *d)
{
    size_t line, col, end_line, end_col;
    qz_doc_position(doc, d->start, &line, &col);
    qz_doc_span_end(doc, d->start, d->end, &end_line, &end_col);
    qz_buf_puts(b, "::");
    qz_buf_puts(b, qz_severity_name(d->severity));
    qz_buf_puts(b, " file=");
    put_data(b, doc->source, true);
    put_number(b, "line", line);
    /* GitHub's annotations take columns only within one line and reject them otherwise, so a
     * finding across lines is marked by its lines alone. */
    if (end_line == line)
        put_number(b, "col", col);
    put_number(b, "endLine", end_line);
    if (end_line == line)
        put_number(b, "endColumn", end_col);
    qz_buf_puts(b, ",title=");
    put_data(b, d->rule, true);
    qz_buf_puts(b, "::");
    put_data(b, d->message, false);
    qz_buf_puts(b, "\n");
}

/* ---- what the summary needs, gathered as the findings go by ---- */

/* The summary lists this many findings, and this many files that could not be read. */
#define FIRST_FINDINGS 10
#define FIRST_FAILED 10

typedef struct {
    char *rule;
    qz_severity severity;
    size_t count;
} rule_count;

typedef struct {
    char *where;   /* FILE:LINE:COL */
    char *rule;
    qz_severity severity;
    char *message; /* a file's, that could not be read: why */
} noted;

typedef struct {
    rule_count *rules;
    size_t nrules, cap;
    noted first[FIRST_FINDINGS];
    size_t nfirst;
    noted failed[FIRST_FAILED];
    size_t nfailed;
    bool nomem;
} state;

static char *copy(state *s, const char *text)
{
    char *p = strdup(text ? text : "");
    if (!p)
        s->nomem = true;
    return p;
}

static void count_rule(state *s, const qz_diag *d)
{
    for (size_t i = 0; i < s->nrules; i++)
        if (strcmp(s->rules[i].rule, d->rule) == 0) {
            s->rules[i].count++;
            return;
        }
    if (!QZ_GROW(s->rules, s->cap, s->nrules + 1)) {
        s->nomem = true;
        return;
    }
    s->rules[s->nrules++] = (rule_count){copy(s, d->rule), d->severity, 1};
}

static void note_finding(state *s, const qz_doc *doc, const qz_diag *d)
{
    count_rule(s, d);
    if (s->nfirst == FIRST_FINDINGS)
        return;
    size_t line, col;
    qz_doc_position(doc, d->start, &line, &col);
    char *where = qz_printf("%s:%zu:%zu", doc->source, line, col);
    if (!where)
        s->nomem = true;
    s->first[s->nfirst++] = (noted){where, copy(s, d->rule), d->severity, copy(s, d->message)};
}

/* Annotations have no colour, and every finding is shown. */
static bool finding(qz_check_ctx *c, const qz_diag *d, size_t i)
{
    (void)i;
    put_command(c->out, c->doc, d);
    if (c->o->summary)
        note_finding(c->data, c->doc, d);
    return true;
}

/* A file that could not be checked: an error annotation on the file, with no line. */
static bool failed(qz_check_ctx *c, const char *path, const qz_error *why)
{
    qz_buf text = {0};
    qz_check_failure_text(&text, why);
    qz_buf_puts(c->out, "::error file=");
    put_data(c->out, path, true);
    qz_buf_puts(c->out, "::");
    put_data(c->out, text.data ? text.data : "", false);
    qz_buf_puts(c->out, "\n");
    bool ok = !text.failed;
    state *s = c->data;
    if (ok && c->o->summary && s->nfailed < FIRST_FAILED)
        s->failed[s->nfailed++] = (noted){copy(s, path), NULL, QZ_SEV_ERROR, copy(s, text.data)};
    qz_buf_free(&text);
    return ok;
}

/* ---- the summary, built as a cmark tree ---- */

typedef struct {
    cmark_node *doc;
    bool en;
    bool ok; /* building stops quietly at the first failed allocation */
} tree;

static cmark_node *add(tree *t, cmark_node *parent, cmark_node_type type)
{
    return qz_cm_add(&t->ok, parent, type);
}

static void add_literal(tree *t, cmark_node *parent, cmark_node_type type, const char *s)
{
    qz_cm_add_literal(&t->ok, parent, type, s);
}

static void add_text(tree *t, cmark_node *parent, const char *s)
{
    add_literal(t, parent, CMARK_NODE_TEXT, s);
}

static void add_printf(tree *t, cmark_node *parent, const char *fmt, size_t a, size_t b)
{
    char *s = qz_printf(fmt, a, b);
    if (!s)
        t->ok = false;
    else
        add_text(t, parent, s);
    free(s);
}

static const char *severity_word(const tree *t, qz_severity sev)
{
    if (sev == QZ_SEV_ERROR)
        return t->en ? "error" : "错误";
    return t->en ? "warning" : "警告";
}

/* "## qzreport check: 12 errors, 3 warnings" */
static void add_title(tree *t, const qz_check_ctx *c)
{
    cmark_node *h = qz_cm_add_heading(&t->ok, t->doc, 2);
    add_literal(t, h, CMARK_NODE_CODE, "qzreport check");
    if (c->errors == 0 && c->warnings == 0)
        add_text(t, h, t->en ? ": no problems found" : "：未发现问题");
    else if (t->en) {
        char *s = qz_printf(": %zu error%s, %zu warning%s", c->errors, c->errors == 1 ? "" : "s",
                            c->warnings, c->warnings == 1 ? "" : "s");
        if (!s)
            t->ok = false;
        add_text(t, h, s);
        free(s);
    } else
        add_printf(t, h, "：%zu 个错误，%zu 个警告", c->errors, c->warnings);
}

/* "4 files checked; 1 could not be read." */
static void add_files(tree *t, const qz_check_ctx *c)
{
    cmark_node *p = add(t, t->doc, CMARK_NODE_PARAGRAPH);
    size_t checked = c->file - c->failed;
    const char *fmt = c->failed ? (t->en ? checked == 1 ? "%zu file checked; %zu could not be read."
                                                        : "%zu files checked; %zu could not be read."
                                         : "检查了 %zu 个文件，%zu 个无法读取。")
                                : (t->en ? checked == 1 ? "%zu file checked." : "%zu files checked."
                                         : "检查了 %zu 个文件。");
    add_printf(t, p, fmt, checked, c->failed);
}

static int by_count(const void *a, const void *b)
{
    const rule_count *x = a, *y = b;
    if (x->count != y->count)
        return x->count > y->count ? -1 : 1;
    return strcmp(x->rule, y->rule);
}

/* The findings per rule, most first, as a pipe table: | rule | severity | count | */
static void add_rules(tree *t, state *s)
{
    qsort(s->rules, s->nrules, sizeof *s->rules, by_count);
    cmark_node *p = add(t, t->doc, CMARK_NODE_PARAGRAPH);
    add_text(t, p, t->en ? "| rule | severity | count |" : "| 规则 | 级别 | 数量 |");
    add(t, p, CMARK_NODE_SOFTBREAK);
    add_text(t, p, "| --- | --- | ---: |");
    for (size_t i = 0; i < s->nrules; i++) {
        add(t, p, CMARK_NODE_SOFTBREAK);
        add_text(t, p, "| ");
        add_literal(t, p, CMARK_NODE_CODE, s->rules[i].rule);
        char *cells = qz_printf(" | %s | %zu |", severity_word(t, s->rules[i].severity),
                                s->rules[i].count);
        if (!cells)
            t->ok = false;
        add_text(t, p, cells);
        free(cells);
    }
}

/* The first findings: `FILE:LINE:COL` error `rule`: message */
static void add_first(tree *t, const state *s, size_t findings)
{
    cmark_node *p = add(t, t->doc, CMARK_NODE_PARAGRAPH);
    if (findings > s->nfirst)
        add_printf(t, p, t->en ? "The first %zu findings:" : "前 %zu 处问题：", s->nfirst, 0);
    else
        add_text(t, p, t->en ? "The findings:" : "全部问题：");
    cmark_node *list = add(t, t->doc, CMARK_NODE_LIST);
    if (list)
        cmark_node_set_list_tight(list, 1);
    for (size_t i = 0; i < s->nfirst; i++) {
        const noted *n = &s->first[i];
        cmark_node *item = add(t, list, CMARK_NODE_ITEM);
        cmark_node *ip = add(t, item, CMARK_NODE_PARAGRAPH);
        add_literal(t, ip, CMARK_NODE_CODE, n->where);
        add_text(t, ip, " ");
        add_text(t, ip, severity_word(t, n->severity));
        add_text(t, ip, " ");
        add_literal(t, ip, CMARK_NODE_CODE, n->rule);
        add_text(t, ip, t->en ? ": " : "：");
        add_text(t, ip, n->message);
    }
    if (findings > s->nfirst) {
        p = add(t, t->doc, CMARK_NODE_PARAGRAPH);
        add_printf(t, p, t->en ? "… and %zu more: every finding is an annotation in this "
                                 "step's log."
                               : "……另有 %zu 处：每处问题都是本步骤日志中的一条注释。",
                   findings - s->nfirst, 0);
    }
}

static void add_failed(tree *t, const state *s, size_t failed)
{
    cmark_node *p = add(t, t->doc, CMARK_NODE_PARAGRAPH);
    add_text(t, p, t->en ? "Could not be read:" : "无法读取的文件：");
    cmark_node *list = add(t, t->doc, CMARK_NODE_LIST);
    if (list)
        cmark_node_set_list_tight(list, 1);
    for (size_t i = 0; i < s->nfailed; i++) {
        cmark_node *ip = add(t, add(t, list, CMARK_NODE_ITEM), CMARK_NODE_PARAGRAPH);
        add_literal(t, ip, CMARK_NODE_CODE, s->failed[i].where);
        add_text(t, ip, t->en ? ": " : "：");
        add_text(t, ip, s->failed[i].message);
    }
    if (failed > s->nfailed) {
        p = add(t, t->doc, CMARK_NODE_PARAGRAPH);
        add_printf(t, p, t->en ? "… and %zu more." : "……另有 %zu 个。", failed - s->nfailed, 0);
    }
}

/* Writes the summary to options->summary; false only when out of memory (a write error is the
 * stream's, which its owner checks: the annotations are what the run is judged by). */
static bool end(qz_check_ctx *c)
{
    state *s = c->data;
    FILE *out = c->o->summary;
    if (!out)
        return true;
    if (s->nomem)
        return false;
    tree t = {.doc = cmark_node_new(CMARK_NODE_DOCUMENT), .en = c->o->lang == QZ_LANG_EN,
              .ok = true};
    if (!t.doc)
        return false;
    add_title(&t, c);
    add_files(&t, c);
    if (s->nrules) {
        add_rules(&t, s);
        add_first(&t, s, c->errors + c->warnings);
    }
    if (c->failed)
        add_failed(&t, s, c->failed);
    char *text = t.ok ? cmark_render_commonmark(t.doc, CMARK_OPT_DEFAULT, 0) : NULL;
    cmark_node_free(t.doc);
    if (!text)
        return false;
    /* after whatever the step's summary holds already, a blank line apart */
    if (fseek(out, 0, SEEK_END) == 0 && ftell(out) > 0)
        fputs("\n", out);
    fputs(text, out); /* flushed by its owner, who checks it */
    free(text);
    return true;
}

static void release(qz_check_ctx *c)
{
    state *s = c->data;
    for (size_t i = 0; i < s->nrules; i++)
        free(s->rules[i].rule);
    free(s->rules);
    for (size_t i = 0; i < s->nfirst; i++) {
        free(s->first[i].where);
        free(s->first[i].rule);
        free(s->first[i].message);
    }
    for (size_t i = 0; i < s->nfailed; i++) {
        free(s->failed[i].where);
        free(s->failed[i].message);
    }
}

const qz_check_format_ops qz_check_github_format = {
    .data_size = sizeof(state),
    .finding = finding,
    .failed = failed,
    .end = end,
    .release = release,
};
