/* cmd_metrics.c — `qzreport metrics`: the figures of one report or thousands, for scripts.
 * Reports are read one at a time (memory does not grow with their number); a report that
 * cannot be read is named on stderr, the others are still done, and the exit code is 2. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char *opt_format = "tsv";
static const char *opt_output;
static const char *opt_encoding = "auto";
static const char *opt_rules;
static bool opt_all;

static const qz_option options[] = {
    {'f', "format", "FORMAT", "tsv (default), json, yaml or env", QZ_OPT_STRING, &opt_format},
    {'a', "all", NULL, "every quantity, not only each metric's first mention", QZ_OPT_FLAG,
     &opt_all},
    {'o', "output", "FILE", "write to FILE (whole or not at all) instead of stdout",
     QZ_OPT_STRING, &opt_output},
    QZ_OPTION_ENCODING(opt_encoding),
    {0, "rules", "FILE", "add the metrics and words of a rules file to the built-in ones",
     QZ_OPT_STRING, &opt_rules},
    {0, NULL, NULL, NULL, QZ_OPT_FLAG, NULL},
};

const qz_command_help qz_metrics_help = {
    .name = "metrics",
    .usage = "[OPTIONS] FILE...|-",
    .oneline = "the figures of one report or many (TSV, JSON, YAML, env)",
    .summary = "Print the figures of each report: each metric's first mention (with --all,\n"
               "every quantity). FILE '-' reads stdin.",
    .details =
        "Formats:\n"
        "  tsv   KEY<TAB>VALUE<TAB>QUALIFIER<TAB>UNIT<TAB>LINE<TAB>QUOTE, one figure a line;\n"
        "        with several files a first column holds the file name (like grep -H); a\n"
        "        generic quantity's KEY is 'quantity'; a range's VALUE is LO..HI; QUALIFIER is\n"
        "        exact, more (10多件), about, near, less, range or vague\n"
        "  json  one JSON object per file per line (JSON Lines): {file, metrics: [{key,\n"
        "        value, unit, qualifier, line, column, part, section, quote}], rates: [{key,\n"
        "        stated, numerator, denominator, denominator_key, computed, consistent}]}\n"
        "  yaml  one YAML document per file (source, metrics, rates)\n"
        "  env   QZ_MEETINGS_STANDING_COMMITTEE=10 lines, safe to eval (one FILE only); a\n"
        "        figure that is not exact adds QZ_<KEY>_QUALIFIER=more (about, near, ...)\n",
    .options = options,
};

typedef qz_status (*renderer)(const qz_metrics_view *, FILE *, qz_error *);

static renderer pick(const char *format)
{
    static const struct {
        const char *name;
        renderer fn;
    } formats[] = {{"tsv", qz_metrics_render_tsv},
                   {"json", qz_metrics_render_json},
                   {"jsonl", qz_metrics_render_json},
                   {"yaml", qz_metrics_render_yaml},
                   {"yml", qz_metrics_render_yaml},
                   {"env", qz_metrics_render_env}};
    for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++)
        if (strcmp(format, formats[i].name) == 0)
            return formats[i].fn;
    return NULL;
}

/* Reads one file and writes its figures to out as they are laid out. A file that cannot be read
 * is reported and the run goes on (*fatal stays false); a failed write or rendering stops it
 * (*fatal): part of a document may be out. */
static qz_status one_file(const char *path, qz_encoding enc, const qz_rules *rules,
                          renderer render, bool many, qz_out *out, bool *fatal, qz_error *err)
{
    qz_report rep;
    qz_status st = qz_report_open(&rep, path, enc, rules, err);
    if (st != QZ_OK)
        return st;
    qz_metrics_view v = {.doc = rep.doc, .outline = rep.outline, .metrics = rep.metrics,
                         .all = opt_all, .with_file = many};
    st = qz_out_done(out, render(&v, qz_out_file(out), err), err);
    *fatal = st != QZ_OK;
    qz_report_close(&rep);
    return st;
}

int cmd_metrics(int argc, char **argv)
{
    int first;
    int rc = qz_options_parse(argc, argv, &qz_metrics_help, &first);
    if (rc >= 0)
        return rc;
    renderer render = pick(opt_format);
    if (!render)
        return qz_usage_error(&qz_metrics_help, "unknown format '%s' (tsv, json, yaml, env)",
                              opt_format);
    qz_encoding enc;
    if (!qz_cli_encoding(&qz_metrics_help, opt_encoding, &enc))
        return QZ_EXIT_ERROR;
    int nfiles = argc - first;
    if (nfiles == 0)
        return qz_usage_error(&qz_metrics_help, "missing FILE (use '-' for standard input)");
    if (nfiles > 1 && render == qz_metrics_render_env)
        return qz_usage_error(&qz_metrics_help, "--format env takes one FILE");
    qz_error err = {0};
    qz_rules *rules = NULL;
    if (qz_cli_rules(opt_rules, &rules, &err) != QZ_OK)
        return qz_report_error(&err);
    /* one document at a time, written as it is laid out: to a temporary file with -o (renamed
     * when every file is done, removed if any failed, so FILE is whole or untouched), else to
     * stdout */
    qz_out *out;
    if (qz_out_open(&out, opt_output, &err) != QZ_OK) {
        qz_rules_free(rules);
        return qz_report_error(&err);
    }
    rc = QZ_EXIT_OK;
    bool fatal = false;
    for (int i = first; i < argc && !fatal; i++)
        if (one_file(argv[i], enc, rules, render, nfiles > 1, out, &fatal, &err) != QZ_OK)
            rc = qz_report_error(&err); /* an unreadable file is reported; the others run */
    if (rc == QZ_EXIT_OK || !opt_output) {
        if (qz_out_commit(out, &err) != QZ_OK)
            rc = qz_report_error(&err);
    } else {
        qz_out_abort(out);
    }
    qz_cli_warnings(rules);
    qz_rules_free(rules);
    return rc;
}
