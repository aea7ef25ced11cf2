/* cmd_keys.c — `qzreport keys`: every metric key of the catalogue (data/rules.yaml and any
 * --rules file), with its descriptions, units and rates: the reference at hand once the README
 * is not. */
#include <stdio.h>
#include <string.h>

#include "cli.h"

static const char *opt_format = "text";
static const char *opt_rules;
static const char *opt_config;

static const qz_option options[] = {
    {'f', "format", "FORMAT", N_("text (default), tsv, json or yaml"), QZ_OPT_STRING, &opt_format},
    {0, "rules", "FILE", N_("list the metrics of a rules file too"), QZ_OPT_STRING, &opt_rules},
    {'c', "config", "FILE", N_("the configuration, whose rules_file is listed too (default:\n"
                               "                             .qzreport.yaml in this folder or a parent)"),
     QZ_OPT_STRING, &opt_config},
    {0, NULL, NULL, NULL, QZ_OPT_FLAG, NULL},
};

static const char *const formats[] = {"text", "tsv", "json", "yaml", NULL};

const qz_command_help qz_keys_help = {
    .name = "keys",
    .usage = "[OPTIONS]",
    .oneline = N_("every metric key, with its descriptions, units and rates"),
    .summary = N_("List every metric key of the catalogue, in the rules' order: its kind (count,\n"
                  "persons or percent), its units, what it counts in Chinese and English, and the\n"
                  "rates it takes part in (as the rate, its numerator or a denominator)."),
    .details = N_("Formats: text (a block per key), tsv (a header line: key, kind, units, zh, en,\n"
                  "rates; lists comma-joined), json (an array), yaml (a sequence).\n"),
    .options = options,
    .formats = formats,
};

int cmd_keys(int argc, char **argv)
{
    int first;
    int rc = qz_options_parse(argc, argv, &qz_keys_help, &first);
    if (rc >= 0)
        return rc;
    if (first < argc)
        return qz_usage_error(&qz_keys_help, "keys takes no FILE");
    return qz_cli_reference(&qz_keys_help, opt_format, opt_config, opt_rules, qz_keys_render);
}
