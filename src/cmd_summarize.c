/* cmd_summarize.c — `qzreport summarize`: load → sections → metrics → one rendered summary per
 * report. Reports are read on -j threads and written in argument order (batch.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char *opt_format = "yaml";
static const char *opt_output;
static const char *opt_encoding = "auto";
static const char *opt_rules;
static const char *opt_jobs;
static const char *opt_lang;
static const char *opt_config;

static const qz_option options[] = {
    {'f', "format", "FORMAT", N_("yaml (default), json, markdown or html"), QZ_OPT_STRING,
     &opt_format},
    QZ_OPTION_OUTPUT(opt_output),
    QZ_OPTION_ENCODING(opt_encoding),
    {0, "rules", "FILE", N_("add the patterns of a rules file to the built-in ones"), QZ_OPT_STRING,
     &opt_rules},
    QZ_OPTION_JOBS(opt_jobs),
    {0, "lang", "LANG", N_("labels in zh (default) or en (markdown, html)"), QZ_OPT_STRING,
     &opt_lang},
    QZ_OPTION_CONFIG(opt_config),
    {0, NULL, NULL, NULL, QZ_OPT_FLAG, NULL},
};

static const char *const formats[] = {"yaml", "json", "markdown", "html", NULL};

const qz_command_help qz_summarize_help = {
    .name = "summarize",
    .usage = "[OPTIONS] FILE...|-",
    .oneline = N_("outline, figures and rates of one report or many (YAML, Markdown, HTML)"),
    .summary = N_("Summarize each report: header, years, parts, numbered sections with their\n"
               "topics, the broken lines that were repaired, every metric with its quote,\n"
               "and the rates linked to their counts. FILE '-' reads stdin."),
    .details = N_("Formats:\n"
               "  yaml      keys: file, encoding, header, years, preamble, parts (kind, title,\n"
               "            line, end_line, sections: number, title, line, end_line, topics),\n"
               "            closing, repairs, metrics (key, value, unit, qualifier, line,\n"
               "            column, part, section, quote), rates\n"
               "  json      the same fields as one JSON object per line (JSON Lines)\n"
               "  markdown  an outline for people (CommonMark)\n"
               "  html      the same outline as a standalone HTML page, key figures and rates\n"
               "            as tables (one FILE only)\n"
               "Markdown and HTML are labelled in Chinese, or in English with --lang en; the\n"
               "report's own text is as written. YAML and JSON field names are always English.\n"
               "With several files: YAML documents, each starting with ---; Markdown outlines one\n"
               "after the other.\n"),
    .options = options,
    .formats = formats,
};

typedef qz_status (*renderer)(const qz_summary *, FILE *, qz_error *);

static renderer pick_renderer(const char *format)
{
    if (strcmp(format, "yaml") == 0 || strcmp(format, "yml") == 0)
        return qz_summary_render_yaml;
    if (strcmp(format, "markdown") == 0 || strcmp(format, "md") == 0)
        return qz_summary_render_markdown;
    if (strcmp(format, "html") == 0)
        return qz_summary_render_html;
    if (strcmp(format, "json") == 0 || strcmp(format, "jsonl") == 0)
        return qz_summary_render_json;
    return NULL;
}

typedef struct {
    qz_batch_files files; /* first: the batch's work reads it (qz_batch_load_report) */
    renderer render;
    bool many;
    qz_lang lang;
    const qz_rules *rules;
    qz_out *out;
    bool fatal; /* a write or rendering failed: part of a summary may be out, so no more */
    int rc;
} job;

/* On the calling thread, in argument order: writes report i's summary as it is laid out, or
 * names why it could not be read (the others still run). */
static void write_one(void *arg, size_t i, void *result)
{
    job *j = arg;
    qz_loaded *l = result;
    (void)i;
    if (!l) {
        qz_error nomem;
        qz_cli_nomem(&nomem);
        j->rc = qz_report_error(&nomem);
        return;
    }
    if (l->st != QZ_OK) {
        j->rc = qz_report_error(&l->err);
    } else if (!j->fatal) {
        qz_summary s = {.doc = l->rep.doc, .outline = l->rep.outline, .metrics = l->rep.metrics,
                        .with_file = j->many, .lang = j->lang, .rules = j->rules};
        if (qz_out_done(j->out, j->render(&s, qz_out_file(j->out), &l->err), &l->err) != QZ_OK) {
            j->fatal = true;
            j->rc = qz_report_error(&l->err);
        }
    }
    qz_loaded_free(l);
}

int cmd_summarize(int argc, char **argv)
{
    int first;
    int rc = qz_options_parse(argc, argv, &qz_summarize_help, &first);
    if (rc >= 0)
        return rc;
    renderer render = pick_renderer(opt_format);
    if (!render)
        return qz_cli_bad_value(&qz_summarize_help, "format", opt_format);
    qz_encoding enc;
    if (!qz_cli_encoding(&qz_summarize_help, opt_encoding, &enc))
        return QZ_EXIT_ERROR;
    if (opt_lang && strcmp(opt_lang, "zh") && strcmp(opt_lang, "en"))
        return qz_cli_bad_value(&qz_summarize_help, "lang", opt_lang);
    int nfiles = argc - first;
    if (nfiles == 0)
        return qz_usage_error(&qz_summarize_help, "missing FILE (use '-' for standard input)");
    if (nfiles > 1 && render == qz_summary_render_html)
        return qz_usage_error(&qz_summarize_help, "--format html takes one FILE");
    int jobs;
    if (!qz_batch_jobs(opt_jobs, &jobs))
        return qz_usage_error(&qz_summarize_help, "-j takes a number of threads from 1 to %d",
                              QZ_MAX_JOBS);
    qz_error err = {0};
    qz_rules *rules = NULL;
    qz_context *ctx = NULL;
    if (qz_cli_rules(opt_config, argv[first], opt_rules, &rules, &ctx, &err) != QZ_OK)
        return qz_report_error(&err);
    qz_context_free(ctx); /* each thread of the batch makes its own */
    /* written as each summary is laid out: to a temporary file with -o (renamed when every
     * report is done, removed if any failed, so FILE is whole or untouched), else to stdout */
    job j = {.files = {argv + first, enc}, .render = render, .many = nfiles > 1,
             .lang = opt_lang && strcmp(opt_lang, "en") == 0 ? QZ_LANG_EN : QZ_LANG_ZH,
             .rules = rules, .rc = QZ_EXIT_OK};
    qz_batch b = {.rules = rules, .jobs = jobs, .n = (size_t)nfiles, .work = qz_batch_load_report,
                  .emit = write_one, .arg = &j};
    rc = qz_batch_to_output(&b, opt_output, &j.out, &j.rc);
    qz_rules_free(rules);
    return rc;
}
