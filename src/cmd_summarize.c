/* cmd_summarize.c — `qzreport summarize`: load → sections → one rendered summary. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char *opt_format = "yaml";
static const char *opt_output;
static const char *opt_encoding = "auto";
static const char *opt_rules;

static const qz_option options[] = {
    {'f', "format", "FORMAT", "yaml (default), markdown or html", QZ_OPT_STRING, &opt_format},
    {'o', "output", "FILE", "write to FILE (whole or not at all) instead of stdout",
     QZ_OPT_STRING, &opt_output},
    QZ_OPTION_ENCODING(opt_encoding),
    {0, "rules", "FILE", "add the patterns of a rules file to the built-in ones", QZ_OPT_STRING,
     &opt_rules},
    {0, NULL, NULL, NULL, QZ_OPT_FLAG, NULL},
};

const qz_command_help qz_summarize_help = {
    .name = "summarize",
    .usage = "[OPTIONS] FILE|-",
    .oneline = "outline, figures and rates of one report (YAML, Markdown, HTML)",
    .summary = "Summarize one report: header, years, parts, numbered sections with their\n"
               "topics, the broken lines that were repaired, every metric with its quote,\n"
               "and the rates linked to their counts. FILE '-' reads stdin.",
    .details = "Formats:\n"
               "  yaml      keys: source, encoding, header, years, preamble, parts (kind, title,\n"
               "            line, end_line, sections: number, title, line, end_line, topics),\n"
               "            closing, repairs, metrics (key, value, unit, qualifier, line,\n"
               "            column, part, section, quote), rates\n"
               "  markdown  an outline for people (CommonMark)\n"
               "  html      the same outline as an HTML page\n",
    .options = options,
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
    return NULL;
}

/* Reads the report, then writes its summary to the output as it is laid out: whole or not at
 * all with -o (a temporary file renamed when complete), so the output is opened only once the
 * report was read. */
static qz_status summarize(const char *path, qz_encoding enc, renderer render, qz_error *err)
{
    qz_rules *rules = NULL;
    qz_context *ctx = NULL;
    qz_report rep;
    qz_status st = qz_cli_rules(opt_rules, &rules, &ctx, err);
    if (st == QZ_OK)
        st = qz_report_load(&rep, ctx, path, NULL, 0, enc, NULL, err);
    qz_cli_warnings(ctx); /* before the output, as when it was written in one piece */
    qz_context_free(ctx);
    if (st == QZ_OK) {
        qz_summary s = {.doc = rep.doc, .outline = rep.outline, .metrics = rep.metrics};
        qz_out *out = NULL;
        st = qz_out_open(&out, opt_output, err);
        if (st == QZ_OK)
            st = qz_out_done(out, render(&s, qz_out_file(out), err), err);
        if (st == QZ_OK)
            st = qz_out_commit(out, err);
        else if (out)
            qz_out_abort(out);
        qz_report_clear(&rep);
    }
    qz_rules_free(rules);
    return st;
}

int cmd_summarize(int argc, char **argv)
{
    int first;
    int rc = qz_options_parse(argc, argv, &qz_summarize_help, &first);
    if (rc >= 0)
        return rc;
    renderer render = pick_renderer(opt_format);
    if (!render)
        return qz_usage_error(&qz_summarize_help, "unknown format '%s' (yaml, markdown, html)",
                              opt_format);
    qz_encoding enc;
    if (!qz_cli_encoding(&qz_summarize_help, opt_encoding, &enc))
        return QZ_EXIT_ERROR;
    if (argc - first != 1)
        return qz_usage_error(&qz_summarize_help, "%s",
                              argc == first ? "missing FILE (use '-' for standard input)"
                                            : "summarize takes one FILE");
    qz_error err = {0};
    qz_status st = summarize(argv[first], enc, render, &err);
    return st == QZ_OK ? QZ_EXIT_OK : qz_report_error(&err);
}
