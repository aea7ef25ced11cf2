/* cmd_rules.c — `qzreport rules`: every check rule (data/check.yaml and any --rules file), with
 * its id, default severity, whether fix repairs it, and its descriptions. */
#include <stdio.h>
#include <string.h>

#include "cli.h"

static const char *opt_format = "text";
static const char *opt_rules;
static const char *opt_config;

static const qz_option options[] = {
    {'f', "format", "FORMAT", N_("text (default), tsv, json or yaml"), QZ_OPT_STRING, &opt_format},
    {0, "rules", "FILE", N_("list the check rules of a rules file too"), QZ_OPT_STRING, &opt_rules},
    {'c', "config", "FILE", N_("the configuration, whose rules_file is listed too (default:\n"
                               "                             .qzreport.yaml in this folder or a parent)"),
     QZ_OPT_STRING, &opt_config},
    {0, NULL, NULL, NULL, QZ_OPT_FLAG, NULL},
};

static const char *const formats[] = {"text", "tsv", "json", "yaml", NULL};

const qz_command_help qz_rules_help = {
    .name = "rules",
    .usage = "[OPTIONS]",
    .oneline = N_("every check rule, with its severity, fix and descriptions"),
    .summary = N_("List every check rule of `qzreport check`: its id (for --rule ID=SEV and the\n"
                  "configuration), its default severity, whether `qzreport fix` repairs it, the\n"
                  "standard it enforces, and what it finds in Chinese and English."),
    .details = N_("Formats: text (a block per rule), tsv (a header line: id, severity, fixable,\n"
                  "standard, zh, en), json (an array), yaml (a sequence).\n"),
    .options = options,
    .formats = formats,
};

int cmd_rules(int argc, char **argv)
{
    int first;
    int rc = qz_options_parse(argc, argv, &qz_rules_help, &first);
    if (rc >= 0)
        return rc;
    if (first < argc)
        return qz_usage_error(&qz_rules_help, "rules takes no FILE");
    return qz_cli_reference(&qz_rules_help, opt_format, opt_config, opt_rules, qz_check_rules_render);
}
