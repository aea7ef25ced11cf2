/* cmd_metrics.c — `qzreport metrics`: the figures of one report or thousands, for scripts.
 * Reports are read on -j threads and written in argument order (batch.c): memory holds a few
 * reports per thread, never the batch; a report that cannot be read is named on stderr, in
 * its place in the order, the others are still done, and the exit code is 2. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char *opt_format = "tsv";
static const char *opt_output;
static const char *opt_encoding = "auto";
static const char *opt_rules;
static bool opt_all;
static const char *opt_jobs;
static bool opt_with_filename;
static bool opt_no_filename;
static const char *opt_config;

static const qz_option options[] = {
    {'f', "format", "FORMAT", N_("tsv (default), json, yaml or env"), QZ_OPT_STRING, &opt_format},
    {'a', "all", NULL, N_("every quantity, not only each metric's first mention"), QZ_OPT_FLAG,
     &opt_all},
    {'H', "with-filename", NULL, N_("tsv: start each line with the file name, even for one file"),
     QZ_OPT_FLAG, &opt_with_filename},
    {0, "no-filename", NULL, N_("tsv: no file name column, even for several files"), QZ_OPT_FLAG,
     &opt_no_filename},
    QZ_OPTION_OUTPUT(opt_output),
    QZ_OPTION_ENCODING(opt_encoding),
    QZ_OPTION_RULES(opt_rules),
    QZ_OPTION_JOBS(opt_jobs),
    QZ_OPTION_CONFIG(opt_config),
    {0, NULL, NULL, NULL, QZ_OPT_FLAG, NULL},
};

static const char *const formats[] = {"tsv", "json", "yaml", "env", NULL};
const qz_command_help qz_metrics_help = {
    .name = "metrics",
    .usage = "[OPTIONS] FILE...|DIR...|-",
    .oneline = N_("the figures of one report or many (TSV, JSON, YAML, env)"),
    .summary = N_("Print the figures of each report: each metric's first mention (with --all,\n"
                  "every quantity). A DIR is read recursively (*.txt, in path order). FILE '-'\n"
                  "reads stdin."),
    .details =
        N_("Formats:\n"
           "  tsv   KEY<TAB>VALUE<TAB>QUALIFIER<TAB>UNIT<TAB>LINE<TAB>QUOTE, one figure a line;\n"
           "        with several files or a DIR a first column holds the file name (like\n"
           "        grep; -H and --no-filename force it on or off); a generic quantity's KEY\n"
           "        is 'quantity'; a range's VALUE is LO..HI; QUALIFIER is exact, more\n"
           "        (10多件), about, near, less, range or vague\n"
           "  json  one JSON object per file per line (JSON Lines): {file, body, region,\n"
           "        level, metrics: [{key, value, unit, qualifier, line, column, part,\n"
           "        section, quote}], rates: [{key, stated, numerator, denominator,\n"
           "        denominator_key, computed, consistent}]}; a file that cannot be read is\n"
           "        the line {file, error}\n"
           "  yaml  one YAML document per file (file, body, region, level, metrics, rates)\n"
           "  env   QZ_MEETINGS_STANDING_COMMITTEE=10 lines, safe to eval (one FILE only); a\n"
           "        figure that is not exact adds QZ_<KEY>_QUALIFIER=more (about, near, ...)\n"),
    .options = options,
    .formats = formats,
};

/* The format named, or false. */
static bool pick(const char *format, qz_metrics_format *out)
{
    static const struct {
        const char *name;
        qz_metrics_format format;
    } formats[] = {{"tsv", QZ_METRICS_TSV},   {"json", QZ_METRICS_JSON}, {"jsonl", QZ_METRICS_JSON},
                   {"yaml", QZ_METRICS_YAML}, {"yml", QZ_METRICS_YAML},  {"env", QZ_METRICS_ENV}};
    for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++)
        if (strcmp(format, formats[i].name) == 0) {
            *out = formats[i].format;
            return true;
        }
    return false;
}

/* A report larger than this is not scanned for figures on a worker, which would hold every
 * quantity until the report's turn to be written: the writing thread scans it and writes each
 * figure as its sentence is read (qz_metrics_stream), so memory holds one sentence of them. */
#define QZ_STREAM_BYTES ((size_t)4 << 20)

/* One report loaded on a worker (its figures too, unless it is to be streamed), or the error
 * that stopped it. */
typedef struct {
    qz_report rep;
    qz_status st;
    qz_error err;
} loaded;

typedef struct {
    char **paths;
    qz_encoding enc;
    qz_metrics_format format;
    bool many;
    qz_out *out;
    qz_context *ctx; /* the writing thread's, for the reports it scans itself */
    bool fatal; /* a write or rendering failed: part of a document may be out, so no more */
    int rc;
} job;

/* On a worker: reads report i, its sections, and its figures when it is not too large. */
static void *load_one(void *arg, qz_context *ctx, size_t i)
{
    job *j = arg;
    loaded *l = calloc(1, sizeof *l);
    if (!l)
        return NULL;
    l->st = qz_report_load_sections(&l->rep, ctx, j->paths[i], NULL, 0, j->enc, &l->err);
    if (l->st == QZ_OK && l->rep.doc->len <= QZ_STREAM_BYTES)
        l->st = qz_metrics_new(&l->rep.metrics, l->rep.doc, l->rep.outline, ctx, &l->err);
    return l;
}

static qz_status add_to_writer(void *writer, const qz_quantity *q, qz_error *err)
{
    return qz_metrics_writer_add(writer, q, err);
}

/* Writes a loaded report's figures: those kept, or those its scan finds now, as it finds
 * them. */
static qz_status write_figures(job *j, loaded *l, qz_error *err)
{
    qz_report *rep = &l->rep;
    qz_metrics_view v = {.doc = rep->doc, .outline = rep->outline, .metrics = rep->metrics,
                         .all = opt_all, .with_file = j->many};
    qz_metrics_writer *w;
    qz_status st = qz_metrics_writer_new(&w, j->format, &v, qz_out_file(j->out), err);
    if (st != QZ_OK)
        return st;
    if (rep->metrics) {
        for (size_t i = 0; st == QZ_OK && i < rep->metrics->n; i++)
            st = qz_metrics_writer_add(w, &rep->metrics->items[i], err);
    } else {
        st = qz_metrics_stream(&rep->metrics, rep->doc, rep->outline, j->ctx, add_to_writer, w,
                               err);
    }
    if (st == QZ_OK)
        st = qz_metrics_writer_finish(w, rep->metrics, err);
    qz_metrics_writer_free(w);
    return st;
}

/* On the calling thread, in argument order: writes report i's figures to the output as they
 * are laid out, or names why it could not be read (the others still run). */
static void write_one(void *arg, size_t i, void *result)
{
    job *j = arg;
    loaded *l = result;
    qz_error e = {0};
    if (!l) {
        qz_error nomem;
        qz_cli_nomem(&nomem);
        j->rc = qz_report_error(&nomem);
        return;
    }
    if (l->st != QZ_OK) {
        /* named on stderr, and in the output where the format has a place for it (JSON) */
        const char *name = strcmp(j->paths[i], "-") != 0 ? j->paths[i] : "<stdin>";
        if (!j->fatal &&
            qz_out_done(j->out, qz_metrics_render_failed(j->format, name, &l->err,
                                                         qz_out_file(j->out), &e),
                        &e) != QZ_OK) {
            j->fatal = true;
            qz_report_error(&e);
        }
        j->rc = qz_report_error(&l->err);
    } else if (!j->fatal &&
               qz_out_done(j->out, write_figures(j, l, &l->err), &l->err) != QZ_OK) {
        j->fatal = true;
        j->rc = qz_report_error(&l->err);
    }
    qz_report_clear(&l->rep);
    free(l);
}

int cmd_metrics(int argc, char **argv)
{
    int first;
    int rc = qz_options_parse(argc, argv, &qz_metrics_help, &first);
    if (rc >= 0)
        return rc;
    qz_metrics_format format;
    if (!pick(opt_format, &format))
        return qz_cli_bad_value(&qz_metrics_help, "format", opt_format);
    qz_encoding enc;
    if (!qz_cli_encoding(&qz_metrics_help, opt_encoding, &enc))
        return QZ_EXIT_ERROR;
    if (argc == first)
        return qz_usage_error(&qz_metrics_help, "missing FILE (use '-' for standard input)");
    if (opt_with_filename && opt_no_filename)
        return qz_usage_error(&qz_metrics_help, "-H and --no-filename exclude each other");
    int jobs;
    if (!qz_batch_jobs(opt_jobs, &jobs))
        return qz_usage_error(&qz_metrics_help, "-j takes a number of threads from 1 to %d",
                              QZ_MAX_JOBS);
    /* a folder is its *.txt files, recursively, in path order */
    char **paths;
    size_t nfiles;
    bool any_dir;
    qz_error err = {0};
    if (!qz_cli_expand_dirs(argv + first, (size_t)(argc - first), &paths, &nfiles, &any_dir)) {
        qz_cli_nomem(&err);
        return qz_report_error(&err);
    }
    if (nfiles != 1 && format == QZ_METRICS_ENV) {
        qz_cli_free_paths(paths, nfiles);
        return qz_usage_error(&qz_metrics_help, "--format env takes one FILE");
    }
    qz_rules *rules = NULL;
    qz_context *ctx = NULL;
    if (qz_cli_rules(opt_config, paths && nfiles ? paths[0] : argv[first], opt_rules, &rules, &ctx, &err) != QZ_OK) {
        qz_cli_free_paths(paths, nfiles);
        return qz_report_error(&err);
    }
    /* several reports, or a folder's, are told apart by a file name column (grep -r's rule);
     * -H and --no-filename say so for TSV whatever the count (YAML's documents need their ---
     * separators, JSON always has "file") */
    bool many = nfiles > 1 || any_dir;
    if (format == QZ_METRICS_TSV && (opt_with_filename || opt_no_filename))
        many = opt_with_filename;
    /* reports are read on -j threads and written here in argument order as they are laid
     * out: to a temporary file with -o (renamed when every file is done, removed if any
     * failed, so FILE is whole or untouched), else to stdout */
    job j = {.paths = paths, .enc = enc, .format = format, .many = many, .ctx = ctx,
             .rc = QZ_EXIT_OK};
    qz_batch b = {.rules = rules, .jobs = jobs, .n = nfiles, .work = load_one,
                  .emit = write_one, .arg = &j};
    rc = qz_batch_to_output(&b, opt_output, &j.out, &j.rc);
    qz_cli_warnings(ctx); /* the writing thread's, for the reports it scanned */
    qz_context_free(ctx);
    qz_rules_free(rules);
    qz_cli_free_paths(paths, nfiles);
    return rc;
}
