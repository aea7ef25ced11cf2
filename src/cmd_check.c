/* cmd_check.c — `qzreport check`: the formatting gate of a drafting office's CI. Every file is
 * checked (a bad one is reported and the others still are) and rendered as soon as it is,
 * in path order, then freed: JSON and SARIF describe the whole run in one document, which the
 * renderer writes file by file. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

/* The human format lists this many findings per rule and file, then a count. */
#define QZ_TEXT_PER_RULE 10

static const char *opt_format;
static const char *opt_config;
static const char *opt_encoding = "auto";
static const char *opt_rules;
static const char *opt_lang;
static const char *opt_max_warnings;
static const char *opt_output;
static const char *opt_jobs;
static bool opt_strict;
static qz_opt_list opt_rule;

static const qz_option options[] = {
    /* TRANSLATORS: an option's help is printed after a column of 29 characters; a second line
       starts with 29 spaces, to stand under the first */
    {'f', "format", "FORMAT", N_("text, gcc, github, json or sarif (default: text on a terminal,\n"
                                 "                             gcc otherwise)"),
     QZ_OPT_STRING, &opt_format},
    {'c', "config", "FILE", N_("the configuration (default: .qzreport.yaml next to the first FILE\n"
                               "                             or in a parent folder)"),
     QZ_OPT_STRING, &opt_config},
    {'r', "rule", "ID=SEV", N_("set a rule to error, warning or off (repeatable; wins over the\n"
                               "                             configuration)"),
     QZ_OPT_LIST, &opt_rule},
    {0, "strict", NULL, N_("warnings fail too"), QZ_OPT_FLAG, &opt_strict},
    {0, "max-warnings", "N", N_("fail when there are more than N warnings"), QZ_OPT_STRING,
     &opt_max_warnings},
    {0, "lang", "LANG", N_("messages in zh (default) or en"), QZ_OPT_STRING, &opt_lang},
    QZ_OPTION_OUTPUT(opt_output),
    QZ_OPTION_ENCODING(opt_encoding),
    {0, "rules", "FILE", N_("add the rules of a rules file to the built-in ones"), QZ_OPT_STRING,
     &opt_rules},
    QZ_OPTION_JOBS(opt_jobs),
    {0, NULL, NULL, NULL, QZ_OPT_FLAG, NULL},
};

static const char *const formats[] = {"text", "gcc", "github", "json", "sarif", NULL};
const qz_command_help qz_check_help = {
    .name = "check",
    .usage = "[OPTIONS] FILE...|DIR...|-",
    .oneline = N_("formatting faults with FILE:LINE:COL, for CI (GB/T rules)"),
    .summary =
        N_("Check reports for the faults a proofreader would mark (GB/T 15834-2011 punctuation,\n"
           "GB/T 15835-2011 numerals, GB/T 9704-2012 layout, and rates that contradict\n"
           "their own counts), with FILE:LINE:COL positions. A DIR is read recursively\n"
           "(*.txt). FILE '-' reads stdin."),
    .details =
        N_("Positions: lines of the file as given, columns in Unicode code points, from 1.\n"
           "Findings fail (exit code 1) when they are errors, or warnings with --strict or\n"
           "over --max-warnings. A file that cannot be read is named on stderr (exit code\n"
           "2), and in the output too: json {path, error} among the files, sarif a\n"
           "notification of the invocation, github an annotation on the file.\n"
           "Under GitHub Actions (GITHUB_STEP_SUMMARY set), --format github also appends a\n"
           "Markdown summary of the run to that file: the findings per rule, the first 10.\n"
           "The rules, their ids and default severities: README.md, \"Rules of check\".\n"),
    .options = options,
    .formats = formats,
};

static bool pick(const char *name, qz_check_format *format)
{
    static const struct {
        const char *name;
        qz_check_format format;
    } formats[] = {{"text", QZ_CHECK_TEXT},
                   {"gcc", QZ_CHECK_GCC},
                   {"github", QZ_CHECK_GITHUB},
                   {"json", QZ_CHECK_JSON},
                   {"sarif", QZ_CHECK_SARIF}};
    for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++)
        if (strcmp(name, formats[i].name) == 0) {
            *format = formats[i].format;
            return true;
        }
    return false;
}

/* One file checked on a worker: its report with the findings, or why it could not be. */
typedef struct {
    qz_report rep;
    qz_status st;
    qz_error err;
} checked;

/* 1 when the findings fail the run. */
static int verdict(size_t errors, size_t warnings, long max_warnings)
{
    if (errors || (opt_strict && warnings) || (max_warnings >= 0 && warnings > (size_t)max_warnings))
        return QZ_EXIT_FINDINGS;
    return QZ_EXIT_OK;
}

static int parse_max_warnings(long *out)
{
    *out = -1;
    if (!opt_max_warnings)
        return -1;
    char *end;
    long n = strtol(opt_max_warnings, &end, 10);
    if (*opt_max_warnings == '\0' || *end || n < 0)
        return qz_usage_error(&qz_check_help, "--max-warnings takes a whole number, not '%s'",
                              opt_max_warnings);
    *out = n;
    return -1;
}

/* A FILE operand, by the name its findings are under. */
typedef struct {
    const char *path;
    const char *name; /* as the document will name it: "-" is "<stdin>" */
    size_t arg;       /* its place among the operands */
} operand;

/* Files in path order, as the JSON format promises (sorted by file, line, column); the same
 * file given twice stays in argument order. */
static int by_path(const void *a, const void *b)
{
    const operand *x = a, *y = b;
    int c = strcmp(x->name, y->name);
    return c ? c : (x->arg > y->arg) - (x->arg < y->arg);
}

/* The output and its renderer; whether it still goes well. */
typedef struct {
    qz_out *out;
    qz_check_renderer *r;
    qz_status st;
    qz_error err;
    FILE *summary;            /* github under GitHub Actions: the step's summary, appended to */
    const char *summary_path;
} output;

static void summary_warning(const char *path, int e)
{
    fprintf(stderr, _("qzreport: warning: %s (GITHUB_STEP_SUMMARY): %s: no summary written\n"),
            path, qz_cli_strerror(e));
}

/* Under GitHub Actions, GITHUB_STEP_SUMMARY names a file that the job's summary page shows;
 * `--format github` appends a Markdown summary of the run to it. A file that cannot be opened
 * is a warning: the annotations and the exit code are what the step is judged by. */
static FILE *open_summary(qz_check_format format, const char **path)
{
    *path = format == QZ_CHECK_GITHUB ? getenv("GITHUB_STEP_SUMMARY") : NULL;
    if (!*path || !**path)
        return NULL;
    FILE *f = fopen(*path, "a");
    if (!f)
        summary_warning(*path, errno);
    return f;
}

static void close_summary(output *o)
{
    if (!o->summary)
        return;
    errno = 0;
    bool bad = fflush(o->summary) != 0 || ferror(o->summary);
    int e = errno;
    errno = 0;
    if (fclose(o->summary) != 0) {
        bad = true;
        e = e ? e : errno;
    }
    if (bad)
        summary_warning(o->summary_path, e ? e : EIO);
    o->summary = NULL;
}

static void output_open(output *o, qz_check_format format, const qz_check_setup *s,
                        bool terminal)
{
    const char *no_color = getenv("NO_COLOR"); /* no-color.org: set and not empty */
    qz_check_render_options ro = {
        .lang = s->options.lang,
        .color = terminal && !opt_output && !(no_color && *no_color),
        .max_per_rule = QZ_TEXT_PER_RULE,
        .rules = s->rules,
    };
    *o = (output){0};
    ro.summary = o->summary = open_summary(format, &o->summary_path);
    o->st = qz_out_open(&o->out, opt_output, &o->err);
    if (o->st == QZ_OK)
        o->st = qz_check_renderer_new(&o->r, format, &ro, qz_out_file(o->out), &o->err);
}

static void output_add(output *o, const checked *c)
{
    if (o->st == QZ_OK)
        o->st = qz_check_renderer_add(o->r, c->rep.doc, c->rep.check, &o->err);
    if (o->st == QZ_OK) /* standard output is flushed after each file, a file only at the end */
        o->st = qz_out_write(o->out, "", 0, &o->err);
}

/* A file that could not be checked, in its place: JSON, SARIF and GitHub name it in the output
 * too (it is named on stderr all the same). */
static void output_add_failed(output *o, const char *name, const qz_error *why)
{
    if (o->st == QZ_OK)
        o->st = qz_check_renderer_add_failed(o->r, name, why, &o->err);
    if (o->st == QZ_OK)
        o->st = qz_out_write(o->out, "", 0, &o->err);
}

/* What the batch of files shares. */
typedef struct {
    const operand *files;
    qz_encoding enc;
    const qz_check_setup *s;
    output *o;
    qz_error **failed; /* by argument: why a file was left out */
    size_t errors, warnings;
    int rc;
} run;

/* On a worker: loads and checks file i (in path order). */
static void *check_one(void *arg, qz_context *ctx, size_t i)
{
    run *r = arg;
    checked *c = calloc(1, sizeof *c);
    if (c)
        c->st = qz_report_load(&c->rep, ctx, r->files[i].path, NULL, 0, r->enc, &r->s->options,
                               &c->err);
    return c;
}

/* On the calling thread, in path order: renders file i and frees it, or keeps its error for
 * the end. */
static void render_one(void *arg, size_t i, void *result)
{
    run *r = arg;
    checked *c = result;
    if (!c || c->st != QZ_OK) {
        qz_error nomem;
        if (!c)
            qz_cli_nomem(&nomem);
        const qz_error *err = c ? &c->err : &nomem;
        output_add_failed(r->o, r->files[i].name, err);
        if ((r->failed[r->files[i].arg] = malloc(sizeof *err)) != NULL)
            *r->failed[r->files[i].arg] = *err;
        else
            qz_report_error(err); /* no room to keep it: at once, then */
        r->rc = QZ_EXIT_ERROR;
        free(c);
        return;
    }
    r->errors += c->rep.check->errors;
    r->warnings += c->rep.check->warnings;
    output_add(r->o, c);
    qz_report_clear(&c->rep);
    free(c);
}

/* Finishes and commits the output, or removes it; -1, or 2 when it failed (o->err says why). */
static int output_close(output *o)
{
    if (o->st == QZ_OK)
        o->st = qz_check_renderer_finish(o->r, &o->err);
    qz_check_renderer_free(o->r);
    close_summary(o);
    if (o->st == QZ_OK)
        o->st = qz_out_commit(o->out, &o->err); /* frees it, failed or not */
    else
        qz_out_abort(o->out);
    if (o->st == QZ_OK)
        return -1;
    if (o->st == QZ_ERR_IO && !*o->err.path) /* the renderer's write error names no stream */
        snprintf(o->err.path, sizeof o->err.path, "%s",
                 opt_output && strcmp(opt_output, "-") != 0 ? opt_output : "<stdout>");
    return QZ_EXIT_ERROR;
}

int cmd_check(int argc, char **argv)
{
    int first;
    int rc = qz_options_parse(argc, argv, &qz_check_help, &first);
    if (rc >= 0)
        return rc;
    bool terminal = isatty(STDOUT_FILENO);
    qz_check_format format;
    if (!pick(opt_format ? opt_format : terminal ? "text" : "gcc", &format))
        return qz_cli_bad_value(&qz_check_help, "format", opt_format);
    qz_encoding enc;
    long max_warnings;
    if (!qz_cli_encoding(&qz_check_help, opt_encoding, &enc))
        return QZ_EXIT_ERROR;
    if ((rc = parse_max_warnings(&max_warnings)) >= 0)
        return rc;
    int jobs;
    if (!qz_batch_jobs(opt_jobs, &jobs))
        return qz_usage_error(&qz_check_help, "-j takes a number of threads from 1 to %d",
                              QZ_MAX_JOBS);
    if (argc == first)
        return qz_usage_error(&qz_check_help, "missing FILE (use '-' for standard input)");
    /* a folder is its *.txt files, recursively */
    char **paths;
    size_t n;
    bool any_dir;
    if (!qz_cli_expand_dirs(argv + first, (size_t)(argc - first), &paths, &n, &any_dir)) {
        qz_error nomem;
        qz_cli_nomem(&nomem);
        return qz_report_error(&nomem);
    }
    qz_check_setup s;
    if ((rc = qz_check_setup_open(&s, &qz_check_help, opt_config, n ? paths[0] : argv[first],
                                  opt_rules, &opt_rule, opt_lang)) >= 0) {
        qz_cli_free_paths(paths, n);
        return rc;
    }
    operand *files = calloc(n ? n : 1, sizeof *files);
    qz_error **failed = calloc(n ? n : 1, sizeof *failed); /* by argument: why left out */
    if (!files || !failed) {
        free(files);
        free(failed);
        qz_cli_free_paths(paths, n);
        qz_check_setup_close(&s);
        qz_error nomem;
        qz_cli_nomem(&nomem);
        return qz_report_error(&nomem);
    }
    for (size_t i = 0; i < n; i++) {
        const char *path = paths[i];
        files[i] = (operand){path, strcmp(path, "-") != 0 ? path : "<stdin>", i};
    }
    qsort(files, n, sizeof *files, by_path);
    /* Files are loaded and checked on -j threads and rendered in path order, each freed once
     * rendered (batch.c), so that memory holds a few documents per thread whatever the number
     * of files. A file that cannot be checked is left out and reported at the end, in argument
     * order; every file is checked even once the output has failed, so that the messages are
     * those of the whole run. */
    output o;
    output_open(&o, format, &s, terminal);
    run r = {.files = files, .enc = enc, .s = &s, .o = &o, .failed = failed, .rc = rc};
    qz_batch b = {.rules = s.rules, .jobs = jobs, .n = n, .work = check_one,
                  .emit = render_one, .arg = &r};
    qz_error err = {0};
    if (qz_batch_run(&b, &err) != QZ_OK)
        r.rc = qz_report_error(&err);
    rc = r.rc;
    size_t errors = r.errors, warnings = r.warnings;
    int written = output_close(&o);
    for (size_t i = 0; i < n; i++)
        if (failed[i])
            qz_report_error(failed[i]);
    if (written >= 0)
        rc = qz_report_error(&o.err);
    else if (rc < 0)
        rc = verdict(errors, warnings, max_warnings);
    for (size_t i = 0; i < n; i++)
        free(failed[i]);
    free(failed);
    free(files);
    qz_cli_free_paths(paths, n);
    qz_check_setup_close(&s);
    return rc;
}
