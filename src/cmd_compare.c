/* cmd_compare.c — `qzreport compare OLD NEW`: two reports of one body, key by key. The two are
 * put in order by the years they review (so swapping the arguments changes nothing); reports of
 * different bodies are compared all the same, after a warning on stderr. */
#include <stdio.h>
#include <string.h>

#include "cli.h"

static const char *opt_format = "markdown";
static const char *opt_lang;
static const char *opt_output;
static const char *opt_encoding = "auto";
static const char *opt_rules;
static const char *opt_config;

static const qz_option options[] = {
    {'f', "format", "FORMAT", N_("markdown (default), yaml, json, tsv or html"), QZ_OPT_STRING,
     &opt_format},
    {0, "lang", "LANG", N_("labels in zh (default) or en (markdown, html)"), QZ_OPT_STRING, &opt_lang},
    QZ_OPTION_OUTPUT(opt_output),
    QZ_OPTION_ENCODING(opt_encoding),
    QZ_OPTION_RULES(opt_rules),
    QZ_OPTION_CONFIG(opt_config),
    {0, NULL, NULL, NULL, QZ_OPT_FLAG, NULL},
};

static const char *const formats[] = {"markdown", "yaml", "json", "tsv", "html", NULL};

const qz_command_help qz_compare_help = {
    .name = "compare",
    .usage = "[OPTIONS] OLD NEW",
    .oneline = N_("two years of one body, key by key (Markdown, YAML, JSON, TSV, HTML)"),
    .summary = N_("Compare two reports of the same body, usually consecutive years: each key's\n"
               "value in both, the change and the change in %, the keys only one states, and\n"
               "each stated rate checked against its counts in both years. The older report\n"
               "(by years.reviewed, else by date) comes first whatever the argument order."),
    .details = N_("Formats:\n"
               "  markdown  tables for people (pipe tables, as GitHub shows them)\n"
               "  yaml      keys: older, newer (file, year_reviewed, body, region, level),\n"
               "            same_body, figures (key, stated_in, older, newer, change,\n"
               "            change_pct, approximate), rates (key, older, newer)\n"
               "  json      the same fields as one JSON object\n"
               "  tsv       a header line, then a line per key\n"
               "  html      a standalone page: the tables, and a bar chart per key (SVG)\n"
               "A change is given when both years state a single value of the same kind; a\n"
               "percent's change is in percentage points and has no change in %. Reports of\n"
               "different bodies give a warning on stderr, and are compared all the same.\n"),
    .options = options,
    .formats = formats,
};

typedef qz_status (*renderer)(const qz_compare *, const qz_rules *, qz_lang, FILE *,
                              qz_error *);

static renderer pick_renderer(const char *format)
{
    if (strcmp(format, "markdown") == 0 || strcmp(format, "md") == 0)
        return qz_compare_render_markdown;
    if (strcmp(format, "yaml") == 0 || strcmp(format, "yml") == 0)
        return qz_compare_render_yaml;
    if (strcmp(format, "json") == 0)
        return qz_compare_render_json;
    if (strcmp(format, "tsv") == 0)
        return qz_compare_render_tsv;
    if (strcmp(format, "html") == 0)
        return qz_compare_render_html;
    return NULL;
}

static void warn_bodies(const qz_compare *c)
{
    const qz_span a = c->older->outline->header.body, b = c->newer->outline->header.body;
    fprintf(stderr,
            _("qzreport: warning: %s and %s are reports of different bodies (%.*s, %.*s); "
              "comparing them anyway\n"),
            c->older_path, c->newer_path, (int)a.len, c->older->doc->text + a.start,
            (int)b.len, c->newer->doc->text + b.start);
}

/* Loads both reports, compares and writes them: the exit code. */
static int compare_files(qz_context *ctx, const qz_rules *rules, char **paths, qz_encoding enc,
                         renderer render, qz_lang lang)
{
    qz_error err = {0};
    qz_report rep[2] = {{0}};
    for (int i = 0; i < 2; i++) {
        if (qz_report_load(&rep[i], ctx, paths[i], NULL, 0, enc, NULL, &err) != QZ_OK) {
            qz_report_clear(&rep[0]);
            return qz_report_error(&err);
        }
    }
    qz_compare *c = NULL;
    int rc = QZ_EXIT_OK;
    qz_out *out = NULL;
    if (qz_compare_new(&c, rules, &rep[0], paths[0], &rep[1], paths[1], &err) != QZ_OK ||
        qz_out_open(&out, opt_output, &err) != QZ_OK) {
        rc = qz_report_error(&err);
    } else {
        if (!c->same_body)
            warn_bodies(c);
        if (qz_out_done(out, render(c, rules, lang, qz_out_file(out), &err), &err) != QZ_OK ||
            qz_out_commit(out, &err) != QZ_OK) {
            qz_out_abort(out);
            rc = qz_report_error(&err);
        }
    }
    qz_compare_free(c);
    qz_report_clear(&rep[0]);
    qz_report_clear(&rep[1]);
    return rc;
}

int cmd_compare(int argc, char **argv)
{
    int first;
    int rc = qz_options_parse(argc, argv, &qz_compare_help, &first);
    if (rc >= 0)
        return rc;
    renderer render = pick_renderer(opt_format);
    if (!render)
        return qz_cli_bad_value(&qz_compare_help, "format", opt_format);
    if (opt_lang && strcmp(opt_lang, "zh") && strcmp(opt_lang, "en"))
        return qz_cli_bad_value(&qz_compare_help, "lang", opt_lang);
    qz_lang lang = opt_lang && strcmp(opt_lang, "en") == 0 ? QZ_LANG_EN : QZ_LANG_ZH;
    qz_encoding enc;
    if (!qz_cli_encoding(&qz_compare_help, opt_encoding, &enc))
        return QZ_EXIT_ERROR;
    if (argc - first != 2)
        return qz_usage_error(&qz_compare_help, "expected two files, OLD and NEW");
    if (strcmp(argv[first], "-") == 0 && strcmp(argv[first + 1], "-") == 0)
        return qz_usage_error(&qz_compare_help, "standard input can be only one of the two");
    qz_error err = {0};
    qz_rules *rules = NULL;
    qz_context *ctx = NULL;
    if (qz_cli_rules(opt_config, argv[first], opt_rules, &rules, &ctx, &err) != QZ_OK)
        return qz_report_error(&err);
    rc = compare_files(ctx, rules, argv + first, enc, render, lang);
    qz_cli_warnings(ctx);
    qz_context_free(ctx);
    qz_rules_free(rules);
    return rc;
}
