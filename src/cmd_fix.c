/* cmd_fix.c — `qzreport fix`: applies the fixes that cannot change meaning and prints the text
 * (a unix filter), writes it to a file or over the input (temporary file and rename, the
 * original's permissions kept), or prints them as a unified diff. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char *opt_output;
static const char *opt_config;
static const char *opt_encoding = "auto";
static const char *opt_rules;
static bool opt_in_place;
static bool opt_diff;
static qz_opt_list opt_rule;

static const qz_option options[] = {
    {'o', "output", "FILE", "write the fixed text to FILE (whole or not at all)",
     QZ_OPT_STRING, &opt_output},
    {'i', "in-place", NULL, "replace FILE with the fixed text (temporary file and rename,\n"
                            "                             permissions kept)",
     QZ_OPT_FLAG, &opt_in_place},
    {'d', "diff", NULL, "print the fixes as a unified diff instead", QZ_OPT_FLAG, &opt_diff},
    {'c', "config", "FILE", "the configuration (rules turned off there are not fixed)",
     QZ_OPT_STRING, &opt_config},
    {'r', "rule", "ID=SEV", "set a rule to error, warning or off (off: not fixed)", QZ_OPT_LIST,
     &opt_rule},
    {'e', "encoding", "ENC", "auto (default), utf-8 or gb18030", QZ_OPT_STRING, &opt_encoding},
    {0, "rules", "FILE", "add the rules of a rules file to the built-in ones", QZ_OPT_STRING,
     &opt_rules},
    {0, NULL, NULL, NULL, QZ_OPT_FLAG, NULL},
};

const qz_command_help qz_fix_help = {
    .name = "fix",
    .usage = "[-o FILE | --in-place | --diff] [OPTIONS] FILE|-",
    .summary = "Apply the fixes that cannot change meaning: halfwidth-punct, quote-form,\n"
               "ellipsis-form, dash-form, repeated-punct, seq-marker, fullwidth-alnum,\n"
               "invisible-char and broken-line joins. Prints the text; text no fix touches is\n"
               "output byte for byte (same encoding, BOM and line ends).",
    .details = NULL,
    .options = options,
};

int cmd_fix(int argc, char **argv)
{
    int first;
    int rc = qz_options_parse(argc, argv, &qz_fix_help, &first);
    if (rc >= 0)
        return rc;
    qz_encoding enc;
    if (!qz_cli_encoding(&qz_fix_help, opt_encoding, &enc))
        return QZ_EXIT_ERROR;
    if (argc - first != 1)
        return qz_usage_error(&qz_fix_help, "%s", argc == first ? "missing FILE" : "fix takes one FILE");
    const char *path = argv[first];
    if (opt_in_place && (opt_output || opt_diff || strcmp(path, "-") == 0))
        return qz_usage_error(&qz_fix_help, "--in-place takes a FILE, without -o or --diff");
    qz_check_setup s;
    if ((rc = qz_check_setup_open(&s, &qz_fix_help, opt_config, path, opt_rules, &opt_rule,
                                  NULL)) >= 0)
        return rc;
    qz_report rep;
    qz_check *check = NULL;
    qz_error err = {0};
    char *out = NULL;
    size_t len = 0;
    qz_status st = qz_report_open(&rep, path, enc, s.rules, &err);
    if (st == QZ_OK) {
        st = qz_check_new(&check, rep.doc, rep.outline, rep.metrics, s.rules, &s.options, &err);
        if (st == QZ_OK)
            st = opt_diff ? qz_fix_diff(rep.doc, check, s.rules, &out, &len, &err)
                          : qz_fix_apply(rep.doc, check, s.rules, &out, &len, &err);
        qz_check_free(check);
        qz_report_close(&rep);
    }
    if (st == QZ_OK)
        st = qz_output_write(opt_in_place ? path : opt_output, out, len, &err);
    free(out);
    qz_check_setup_close(&s);
    return st == QZ_OK ? QZ_EXIT_OK : qz_report_error(&err);
}
