/* cmd_check.c — `qzreport check`: the formatting gate of a drafting office's CI. Every file is
 * checked (a bad one is reported and the others still are), then all findings are rendered
 * at once, since JSON and SARIF describe the whole run in one document. */
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
static bool opt_strict;
static qz_opt_list opt_rule;

static const qz_option options[] = {
    {'f', "format", "FORMAT", "text, gcc, github, json or sarif (default: text on a terminal,\n"
                              "                             gcc otherwise)",
     QZ_OPT_STRING, &opt_format},
    {'c', "config", "FILE", "the configuration (default: .qzreport.yaml next to the first FILE\n"
                            "                             or in a parent folder)",
     QZ_OPT_STRING, &opt_config},
    {'r', "rule", "ID=SEV", "set a rule to error, warning or off (repeatable; wins over the\n"
                            "                             configuration)",
     QZ_OPT_LIST, &opt_rule},
    {0, "strict", NULL, "warnings fail too", QZ_OPT_FLAG, &opt_strict},
    {0, "max-warnings", "N", "fail when there are more than N warnings", QZ_OPT_STRING,
     &opt_max_warnings},
    {0, "lang", "LANG", "messages in zh (default) or en", QZ_OPT_STRING, &opt_lang},
    {'o', "output", "FILE", "write to FILE (whole or not at all) instead of stdout",
     QZ_OPT_STRING, &opt_output},
    QZ_OPTION_ENCODING(opt_encoding),
    {0, "rules", "FILE", "add the rules of a rules file to the built-in ones", QZ_OPT_STRING,
     &opt_rules},
    {0, NULL, NULL, NULL, QZ_OPT_FLAG, NULL},
};

const qz_command_help qz_check_help = {
    .name = "check",
    .usage = "[OPTIONS] FILE...|-",
    .oneline = "formatting faults with FILE:LINE:COL, for CI (GB/T rules)",
    .summary = "Check reports for the faults a proofreader would mark (GB/T 15834-2011 punctuation,\n"
               "GB/T 15835-2011 numerals, GB/T 9704-2012 layout, and rates that contradict\n"
               "their own counts), with FILE:LINE:COL positions. FILE '-' reads stdin.",
    .details =
        "Positions: lines of the file as given, columns in Unicode code points, from 1.\n"
        "Findings fail (exit code 1) when they are errors, or warnings with --strict or\n"
        "over --max-warnings.\n"
        "The rules, their ids and default severities: README.md, \"Rules of check\".\n",
    .options = options,
};

typedef qz_status (*renderer)(const qz_check_file *, size_t, const qz_check_render_options *,
                              char **, size_t *, qz_error *);

static renderer pick(const char *format)
{
    static const struct {
        const char *name;
        renderer fn;
    } formats[] = {{"text", qz_check_render_text},
                   {"gcc", qz_check_render_gcc},
                   {"github", qz_check_render_github},
                   {"json", qz_check_render_json},
                   {"sarif", qz_check_render_sarif}};
    for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++)
        if (strcmp(format, formats[i].name) == 0)
            return formats[i].fn;
    return NULL;
}

typedef struct {
    qz_report rep;
    qz_check *check;
} checked;

static qz_status check_one(checked *c, const char *path, qz_encoding enc,
                           const qz_check_setup *s, qz_error *err)
{
    qz_status st = qz_report_load(&c->rep, s->ctx, path, NULL, 0, enc, &s->options, err);
    c->check = c->rep.check;
    return st;
}

/* 1 when the findings fail the run. */
static int verdict(const checked *files, size_t n, long max_warnings)
{
    size_t errors = 0, warnings = 0;
    for (size_t i = 0; i < n; i++)
        if (files[i].check)
            errors += files[i].check->errors, warnings += files[i].check->warnings;
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

/* Files in path order, as the JSON format promises (sorted by file, line, column). */
static int by_path(const void *a, const void *b)
{
    const checked *x = a, *y = b;
    if (!x->check || !y->check)
        return (x->check == NULL) - (y->check == NULL);
    return strcmp(x->rep.doc->source, y->rep.doc->source);
}

static int render_all(checked *files, size_t n, const qz_check_setup *s, renderer render,
                      bool terminal)
{
    qsort(files, n, sizeof *files, by_path);
    qz_check_file *view = calloc(n + 1, sizeof *view);
    if (!view)
        return qz_report_error(&(qz_error){.message = "out of memory"});
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (files[i].check)
            view[k++] = (qz_check_file){files[i].rep.doc, files[i].check};
    const char *no_color = getenv("NO_COLOR"); /* no-color.org: set and not empty */
    qz_check_render_options ro = {
        .lang = s->options.lang,
        .color = terminal && !opt_output && !(no_color && *no_color),
        .max_per_rule = QZ_TEXT_PER_RULE,
        .rules = s->rules,
    };
    char *out = NULL;
    size_t len = 0;
    qz_error err = {0};
    qz_status st = render(view, k, &ro, &out, &len, &err);
    if (st == QZ_OK)
        st = qz_output_write(opt_output, out, len, &err);
    free(out);
    free(view);
    return st == QZ_OK ? -1 : qz_report_error(&err);
}

int cmd_check(int argc, char **argv)
{
    int first;
    int rc = qz_options_parse(argc, argv, &qz_check_help, &first);
    if (rc >= 0)
        return rc;
    bool terminal = isatty(STDOUT_FILENO);
    renderer render = pick(opt_format ? opt_format : terminal ? "text" : "gcc");
    if (!render)
        return qz_usage_error(&qz_check_help,
                              "unknown format '%s' (text, gcc, github, json, sarif)", opt_format);
    qz_encoding enc;
    long max_warnings;
    if (!qz_cli_encoding(&qz_check_help, opt_encoding, &enc))
        return QZ_EXIT_ERROR;
    if ((rc = parse_max_warnings(&max_warnings)) >= 0)
        return rc;
    size_t n = (size_t)(argc - first);
    if (n == 0)
        return qz_usage_error(&qz_check_help, "missing FILE (use '-' for standard input)");
    qz_check_setup s;
    if ((rc = qz_check_setup_open(&s, &qz_check_help, opt_config, argv[first], opt_rules,
                                  &opt_rule, opt_lang)) >= 0)
        return rc;
    checked *files = calloc(n, sizeof *files);
    if (!files) {
        qz_check_setup_close(&s);
        return qz_report_error(&(qz_error){.message = "out of memory"});
    }
    bool failed = false;
    for (size_t i = 0; i < n; i++) {
        qz_error err = {0};
        if (check_one(&files[i], argv[first + (int)i], enc, &s, &err) != QZ_OK) {
            qz_report_error(&err);
            failed = true;
        }
    }
    rc = render_all(files, n, &s, render, terminal);
    if (rc < 0)
        rc = failed ? QZ_EXIT_ERROR : verdict(files, n, max_warnings);
    for (size_t i = 0; i < n; i++)
        qz_report_clear(&files[i].rep);
    free(files);
    qz_cli_warnings(s.ctx);
    qz_check_setup_close(&s);
    return rc;
}
