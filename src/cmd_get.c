/* cmd_get.c — `qzreport get KEY... FILE...`: each key's value on its own line, for shell
 * scripts. Like `git config --get`: exit 1, and an empty line in its place, when a key has no
 * figure in the report; exit 2 for a key no rule defines (a typo is not an absent figure).
 * With --qualifier each line is VALUE<TAB>QUALIFIER (exact included, and an absent figure's
 * line is a lone tab), so every line has two fields. With several files each line starts with
 * the file's name and a tab, as grep's lines do (-H and --no-filename force it on or off).
 *
 * Which operands are keys: those before `--` when there is one (then every one must be a key
 * the rules define), else the leading operands that are keys the rules define; the rest are
 * files. An operand among the files that looks like a key (dotted lower-case words whose first
 * is a key's first, no slash, no such file) is an error: "unknown key", or, for a known key
 * after a file, keys first. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"

static const char *opt_encoding = "auto";
static const char *opt_rules;
static bool opt_qualifier;
static bool opt_with_filename;
static bool opt_no_filename;
static const char *opt_config;

static const qz_option options[] = {
    {'q', "qualifier", NULL, N_("print VALUE<TAB>QUALIFIER (exact, more, about, ...)"), QZ_OPT_FLAG,
     &opt_qualifier},
    {'H', "with-filename", NULL, N_("start each line with FILE<TAB>, even for one file"),
     QZ_OPT_FLAG, &opt_with_filename},
    {0, "no-filename", NULL, N_("no FILE<TAB> before the values, even for several files"),
     QZ_OPT_FLAG, &opt_no_filename},
    QZ_OPTION_ENCODING(opt_encoding),
    QZ_OPTION_RULES(opt_rules),
    QZ_OPTION_CONFIG(opt_config),
    {0, NULL, NULL, NULL, QZ_OPT_FLAG, NULL},
};

const qz_command_help qz_get_help = {
    .name = "get",
    .usage = "[OPTIONS] KEY... [--] FILE...|-",
    .oneline = N_("the values of given metric keys, one per line"),
    .summary = N_("Print the value of each KEY (e.g. meetings.standing_committee) in each report,\n"
                  "one line per key, in the order given. FILE '-' reads stdin."),
    .details = N_("The leading arguments that are metric keys are the keys, the rest the files;\n"
                  "'--' ends the keys explicitly (KEY... -- FILE...). An argument among the\n"
                  "files that looks like a key but is none is an error (exit code 2).\n"
                  "A key with no figure in the report prints an empty line and makes the exit\n"
                  "code 1. A range prints as LO..HI. With --qualifier each line is\n"
                  "VALUE<TAB>QUALIFIER, the qualifier printed even when exact (30余件 is\n"
                  "'30<TAB>more', 10件 '10<TAB>exact'); an absent figure's line is a lone tab.\n"
                  "With several files each line starts with FILE<TAB> (like grep), the files\n"
                  "in the order given; one that cannot be read is named on stderr and makes\n"
                  "the exit code 2, the others are still printed.\n"
                  "`qzreport metrics FILE` lists every key.\n"),
    .options = options,
};

static void print_values(const char *file, const qz_metrics *m, char **keys, size_t nkeys,
                         int *rc)
{
    for (size_t i = 0; i < nkeys; i++) {
        const qz_quantity *q = qz_metrics_get(m, keys[i]);
        char value[100] = "";
        if (q)
            qz_quantity_value(q, value, sizeof value);
        else if (*rc == QZ_EXIT_OK)
            *rc = QZ_EXIT_FINDINGS;
        if (file)
            printf("%s\t", file);
        if (opt_qualifier)
            printf("%s\t%s\n", value, q ? qz_qualifier_name(q->qualifier) : "");
        else
            printf("%s\n", value);
    }
}

/* Whether some key the rules define starts with the len bytes of s and a dot. */
static bool key_family(const qz_rules *rules, const char *s, size_t len)
{
    const char *k;
    for (size_t i = 0; (k = qz_rules_key(rules, i)) != NULL; i++)
        if (strncmp(k, s, len) == 0 && k[len] == '.')
            return true;
    return false;
}

/* Whether a file operand was rather meant as a key: dotted lower-case words (meetings.
 * standing_comittee) whose first word is a key's, and no file of that name. */
static bool looks_like_key(const qz_rules *rules, const char *arg)
{
    const char *dot = strchr(arg, '.');
    if (!dot || dot == arg || strspn(arg, "abcdefghijklmnopqrstuvwxyz0123456789_.") != strlen(arg))
        return false;
    struct stat st;
    return key_family(rules, arg, (size_t)(dot - arg)) && stat(arg, &st) != 0;
}

/* The original place of operand p among argv's (getopt moves the options first). */
static int place_of(char *const *orig, int argc, const char *p)
{
    for (int i = 0; i < argc; i++)
        if (orig[i] == p)
            return i;
    return argc;
}

/* Splits the operands into keys and files (see the top of the file); -1, or the exit code of a
 * usage error. */
static int split_operands(const qz_rules *rules, char **ops, int nops, int dd, char *const *orig,
                          int argc, int *nkeys)
{
    int k = 0;
    if (dd >= 0) { /* KEY... -- FILE... */
        while (k < nops && place_of(orig, argc, ops[k]) < dd)
            k++;
        for (int i = 0; i < k; i++)
            if (!qz_rules_has_key(rules, ops[i]))
                return qz_cli_unknown_key(&qz_get_help, rules, ops[i]);
    } else {
        while (k < nops && qz_rules_has_key(rules, ops[k]))
            k++;
        for (int i = k; i < nops; i++) {
            if (!looks_like_key(rules, ops[i]))
                continue;
            if (qz_rules_has_key(rules, ops[i]))
                return qz_usage_error(&qz_get_help, "key '%s' after a FILE: give the keys "
                                      "first, or '--' before the files", ops[i]);
            return qz_cli_unknown_key(&qz_get_help, rules, ops[i]);
        }
    }
    struct stat st;
    if (k == nops && stat(ops[k - 1], &st) == 0) /* a file named like a key */
        return qz_usage_error(&qz_get_help, "expected KEY... FILE ('%s' is read as a key: "
                              "put '--' before the files)", ops[k - 1]);
    if (k == 0 || k == nops)
        return qz_usage_error(&qz_get_help, "expected KEY... FILE");
    *nkeys = k;
    return -1;
}

int cmd_get(int argc, char **argv)
{
    /* where `--` stood among the arguments: getopt takes it away, and moves the operands */
    char **orig = malloc((size_t)argc * sizeof *orig);
    if (!orig) {
        qz_error nomem;
        qz_cli_nomem(&nomem);
        return qz_report_error(&nomem);
    }
    memcpy(orig, argv, (size_t)argc * sizeof *orig);
    int first;
    int rc = qz_options_parse(argc, argv, &qz_get_help, &first);
    if (rc >= 0) {
        free(orig);
        return rc;
    }
    /* getopt leaves the `--` it took just before the operands */
    int dd = first > 1 && strcmp(argv[first - 1], "--") == 0
                 ? place_of(orig, argc, argv[first - 1])
                 : -1;
    qz_encoding enc;
    if (!qz_cli_encoding(&qz_get_help, opt_encoding, &enc)) {
        free(orig);
        return QZ_EXIT_ERROR;
    }
    if (opt_with_filename && opt_no_filename) {
        free(orig);
        return qz_usage_error(&qz_get_help, "-H and --no-filename exclude each other");
    }
    if (argc - first < 2) {
        free(orig);
        return qz_usage_error(&qz_get_help, "expected KEY... FILE");
    }
    qz_error err = {0};
    qz_rules *rules = NULL;
    qz_context *ctx = NULL;
    if (qz_cli_rules(opt_config, argv[argc - 1], opt_rules, &rules, &ctx, &err) != QZ_OK) {
        free(orig);
        return qz_report_error(&err);
    }
    char **keys = argv + first;
    int nkeys = 0;
    rc = split_operands(rules, keys, argc - first, dd, orig, argc, &nkeys);
    free(orig);
    if (rc >= 0) {
        qz_context_free(ctx);
        qz_rules_free(rules);
        return rc;
    }
    char **files = keys + nkeys;
    int nfiles = argc - first - nkeys;
    bool with_file = opt_with_filename || (nfiles > 1 && !opt_no_filename);
    rc = QZ_EXIT_OK;
    bool failed = false;
    for (int i = 0; i < nfiles; i++) {
        qz_report rep;
        if (qz_report_load(&rep, ctx, files[i], NULL, 0, enc, NULL, &err) != QZ_OK) {
            fflush(stdout); /* the lines of the files before it come first */
            qz_report_error(&err);
            failed = true;
            continue;
        }
        const char *name = strcmp(files[i], "-") != 0 ? files[i] : "<stdin>";
        print_values(with_file ? name : NULL, rep.metrics, keys, (size_t)nkeys, &rc);
        qz_report_clear(&rep);
    }
    qz_cli_warnings(ctx);
    qz_context_free(ctx);
    qz_rules_free(rules);
    if (fflush(stdout) != 0 || failed)
        return QZ_EXIT_ERROR;
    return rc;
}
