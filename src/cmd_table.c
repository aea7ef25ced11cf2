/* cmd_table.c — `qzreport table FILE...|DIR...`: one row per report, for pandas, R or Excel.
 * A folder is read recursively (its *.txt files: qz_cli_collect_paths, paths.c); the rows are
 * in path order. Reports are read on -j threads (batch.c) and their rows kept as copies; the
 * table is written once every report is in, since its columns are the keys any of them states. A report that cannot be
 * read gets a row with its error and is named on stderr; the exit code is then 2. An XLSX
 * workbook is binary: it is refused to a terminal (as gzip refuses), before any report is
 * read when that terminal is standard output. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

static const char *opt_format = "csv";
static const char *opt_output;
static const char *opt_encoding = "auto";
static const char *opt_rules;
static const char *opt_jobs;
static bool opt_bom;
static const char *opt_config;

static const qz_option options[] = {
    {'f', "format", "FORMAT", N_("csv (default), tsv or xlsx"), QZ_OPT_STRING, &opt_format},
    {0, "bom", NULL, N_("csv: start with the UTF-8 byte-order mark (for Excel)"), QZ_OPT_FLAG,
     &opt_bom},
    QZ_OPTION_OUTPUT(opt_output),
    QZ_OPTION_ENCODING(opt_encoding),
    QZ_OPTION_RULES(opt_rules),
    QZ_OPTION_JOBS(opt_jobs),
    QZ_OPTION_CONFIG(opt_config),
    {0, NULL, NULL, NULL, QZ_OPT_FLAG, NULL},
};

static const char *const formats[] = {"csv", "tsv", "xlsx", NULL};

const qz_command_help qz_table_help = {
    .name = "table",
    .usage = "[OPTIONS] FILE...|DIR...",
    .oneline = N_("many reports as one table, a row each (CSV, TSV, XLSX)"),
    .summary = N_("Write one row per report: file, body, region, level, date, year_reviewed,\n"
               "error, then one column per metric key any report states (catalogue order),\n"
               "each its first mention's value. A DIR is read recursively (*.txt); rows are\n"
               "in path order."),
    .details = N_("Formats: csv (RFC 4180 through libcsv, records end with CRLF; --bom for Excel),\n"
               "tsv, xlsx (an Excel workbook: the sheet reports, the same columns with numbers\n"
               "as numbers; figures, every keyed figure of each report with its unit,\n"
               "qualifier, line and quote; rates, each stated rate with its counts; never\n"
               "written to a terminal). A report that cannot be read gets a row with its error\n"
               "in the error column, is named on stderr, and makes the exit code 2.\n"),
    .options = options,
    .formats = formats,
};

typedef struct {
    qz_batch_files files; /* first: the batch's work reads it (qz_batch_load_report) */
    qz_table *table;
    int rc;
} job;

/* In path order: the report's row, or its error's. */
static void add_row(void *arg, size_t i, void *result)
{
    job *j = arg;
    qz_loaded *l = result;
    qz_error err = {0};
    if (!l) {
        qz_error nomem;
        qz_cli_nomem(&nomem);
        j->rc = qz_report_error(&nomem);
        return;
    }
    char why[2048] = "";
    if (l->st != QZ_OK) {
        qz_error_format(&l->err, why, sizeof why);
        j->rc = qz_report_error(&l->err);
    }
    if (qz_table_add(j->table, j->files.paths[i], l->st == QZ_OK ? &l->rep : NULL,
                     l->st == QZ_OK ? NULL : why, &err) != QZ_OK)
        j->rc = qz_report_error(&err);
    qz_loaded_free(l);
}

typedef enum { TABLE_CSV, TABLE_TSV, TABLE_XLSX } table_format;

/* A binary workbook on a terminal would be noise, and could upset the terminal: the error;
 * returns 2. */
static int refuse_terminal(void)
{
    qz_error err = {.status = QZ_ERR_IO};
    snprintf(err.message, sizeof err.message, "%s",
             _("an XLSX workbook is binary and is not written to a terminal: use -o FILE or "
               "redirect standard output"));
    return qz_report_error(&err);
}

static qz_status render(const qz_table *table, table_format format, FILE *f, qz_error *err)
{
    switch (format) {
    case TABLE_TSV:
        return qz_table_render_tsv(table, f, err);
    case TABLE_XLSX:
        return qz_table_render_xlsx(table, f, err);
    case TABLE_CSV:
        break;
    }
    return qz_table_render_csv(table, f, opt_bom, err);
}

int cmd_table(int argc, char **argv)
{
    int first;
    int rc = qz_options_parse(argc, argv, &qz_table_help, &first);
    if (rc >= 0)
        return rc;
    table_format format;
    if (strcmp(opt_format, "csv") == 0)
        format = TABLE_CSV;
    else if (strcmp(opt_format, "tsv") == 0)
        format = TABLE_TSV;
    else if (strcmp(opt_format, "xlsx") == 0)
        format = TABLE_XLSX;
    else
        return qz_cli_bad_value(&qz_table_help, "format", opt_format);
    qz_encoding enc;
    if (!qz_cli_encoding(&qz_table_help, opt_encoding, &enc))
        return QZ_EXIT_ERROR;
    if (argc == first)
        return qz_usage_error(&qz_table_help, "missing FILE or DIR");
    int jobs;
    if (!qz_batch_jobs(opt_jobs, &jobs))
        return qz_usage_error(&qz_table_help, "-j takes a number of threads from 1 to %d",
                              QZ_MAX_JOBS);
    bool to_stdout = !opt_output || strcmp(opt_output, "-") == 0;
    if (format == TABLE_XLSX && to_stdout && isatty(STDOUT_FILENO))
        return refuse_terminal();
    qz_path_list paths;
    bool ok = qz_cli_collect_paths(argv + first, (size_t)(argc - first), &paths);
    qz_error err = {0};
    qz_rules *rules = NULL;
    qz_context *ctx = NULL;
    qz_table *table = NULL;
    rc = QZ_EXIT_OK;
    if (!ok) {
        qz_cli_nomem(&err);
        rc = qz_report_error(&err);
    } else if (qz_cli_rules(opt_config, argv[first], opt_rules, &rules, &ctx, &err) != QZ_OK ||
             qz_table_new(&table, rules, &err) != QZ_OK)
        rc = qz_report_error(&err);
    qz_context_free(ctx);
    if (rc == QZ_EXIT_OK) {
        job j = {.files = {paths.items, enc}, .table = table, .rc = QZ_EXIT_OK};
        qz_batch b = {.rules = rules, .jobs = jobs, .n = paths.n, .work = qz_batch_load_report,
                      .emit = add_row, .arg = &j};
        if (qz_batch_run(&b, &err) != QZ_OK)
            j.rc = qz_report_error(&err);
        /* every row is written, failed ones with their error; -o is replaced all the same */
        qz_out *out;
        if (qz_out_open(&out, opt_output, &err) != QZ_OK) {
            rc = qz_report_error(&err);
        } else if (format == TABLE_XLSX && isatty(fileno(qz_out_file(out)))) {
            qz_out_abort(out); /* -o /dev/tty: a device, opened to be written directly */
            rc = refuse_terminal();
        } else {
            qz_status st = render(table, format, qz_out_file(out), &err);
            st = qz_out_done(out, st, &err);
            if (st == QZ_OK && qz_out_commit(out, &err) != QZ_OK)
                rc = qz_report_error(&err);
            else if (st != QZ_OK) {
                qz_out_abort(out);
                rc = qz_report_error(&err);
            }
        }
        if (rc == QZ_EXIT_OK)
            rc = j.rc;
    }
    qz_table_free(table);
    qz_rules_free(rules);
    qz_path_list_free(&paths);
    return rc;
}
