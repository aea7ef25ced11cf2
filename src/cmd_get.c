/* cmd_get.c — `qzreport get KEY... FILE`: each key's value on its own line, for shell
 * scripts. Like `git config --get`: exit 1, and an empty line in its place, when a key has no
 * figure in the report; exit 2 for a key no rule defines (a typo is not an absent figure).
 * With --qualifier each line is VALUE<TAB>QUALIFIER (exact included, and an absent figure's
 * line is a lone tab), so every line has two fields. */
#include <stdio.h>
#include <string.h>

#include "cli.h"

static const char *opt_encoding = "auto";
static const char *opt_rules;
static bool opt_qualifier;
static const char *opt_config;

static const qz_option options[] = {
    {'q', "qualifier", NULL, N_("print VALUE<TAB>QUALIFIER (exact, more, about, ...)"), QZ_OPT_FLAG,
     &opt_qualifier},
    QZ_OPTION_ENCODING(opt_encoding),
    {0, "rules", "FILE", N_("add the metrics and words of a rules file to the built-in ones"),
     QZ_OPT_STRING, &opt_rules},
    QZ_OPTION_CONFIG(opt_config),
    {0, NULL, NULL, NULL, QZ_OPT_FLAG, NULL},
};

const qz_command_help qz_get_help = {
    .name = "get",
    .usage = "[OPTIONS] KEY... FILE|-",
    .oneline = N_("the values of given metric keys, one per line"),
    .summary = N_("Print the value of each KEY (e.g. meetings.standing_committee) in one report,\n"
                  "one line per key, in the order given. FILE '-' reads stdin."),
    .details = N_("A key with no figure in the report prints an empty line and makes the exit\n"
                  "code 1. A range prints as LO..HI. With --qualifier each line is\n"
                  "VALUE<TAB>QUALIFIER, the qualifier printed even when exact (30余件 is\n"
                  "'30<TAB>more', 10件 '10<TAB>exact'); an absent figure's line is a lone tab.\n"
                  "`qzreport metrics FILE` lists every key.\n"),
    .options = options,
};

static void print_values(const qz_metrics *m, char **keys, int nkeys, int *rc)
{
    for (int i = 0; i < nkeys; i++) {
        const qz_quantity *q = qz_metrics_get(m, keys[i]);
        char value[100] = "";
        if (q)
            qz_quantity_value(q, value, sizeof value);
        else
            *rc = QZ_EXIT_FINDINGS;
        if (opt_qualifier)
            printf("%s\t%s\n", value, q ? qz_qualifier_name(q->qualifier) : "");
        else
            printf("%s\n", value);
    }
}

int cmd_get(int argc, char **argv)
{
    int first;
    int rc = qz_options_parse(argc, argv, &qz_get_help, &first);
    if (rc >= 0)
        return rc;
    qz_encoding enc;
    if (!qz_cli_encoding(&qz_get_help, opt_encoding, &enc))
        return QZ_EXIT_ERROR;
    if (argc - first < 2)
        return qz_usage_error(&qz_get_help, "expected KEY... FILE");
    qz_error err = {0};
    qz_rules *rules = NULL;
    qz_context *ctx = NULL;
    if (qz_cli_rules(opt_config, argv[argc - 1], opt_rules, &rules, &ctx, &err) != QZ_OK)
        return qz_report_error(&err);
    char **keys = argv + first;
    int nkeys = argc - first - 1;
    for (int i = 0; i < nkeys; i++) {
        if (!qz_rules_has_key(rules, keys[i])) {
            rc = qz_cli_unknown_key(&qz_get_help, rules, keys[i]);
            qz_context_free(ctx);
            qz_rules_free(rules);
            return rc;
        }
    }
    qz_report rep;
    if (qz_report_load(&rep, ctx, argv[argc - 1], NULL, 0, enc, NULL, &err) != QZ_OK) {
        qz_context_free(ctx);
        qz_rules_free(rules);
        return qz_report_error(&err);
    }
    rc = QZ_EXIT_OK;
    print_values(rep.metrics, keys, nkeys, &rc);
    qz_report_clear(&rep);
    qz_cli_warnings(ctx);
    qz_context_free(ctx);
    qz_rules_free(rules);
    if (fflush(stdout) != 0)
        return QZ_EXIT_ERROR;
    return rc;
}
