/* main.c — the qzreport command: global options, then dispatch to one cmd_NAME per
 * subcommand. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "internal.h" /* qz_suggest */

const qz_command qz_commands[] = {
    {"summarize", cmd_summarize, &qz_summarize_help},
    {"metrics", cmd_metrics, &qz_metrics_help},
    {"get", cmd_get, &qz_get_help},
    {"check", cmd_check, &qz_check_help},
    {"fix", cmd_fix, &qz_fix_help},
    {"table", cmd_table, &qz_table_help},
    {"compare", cmd_compare, &qz_compare_help},
    {"keys", cmd_keys, &qz_keys_help},
    {"rules", cmd_rules, &qz_rules_help},
    {"completion", cmd_completion, &qz_completion_help},
};
#define NCOMMANDS (sizeof qz_commands / sizeof qz_commands[0])
const size_t qz_ncommands = NCOMMANDS;

static void print_usage(FILE *out)
{
    fputs(_("Usage: qzreport COMMAND [OPTIONS] FILE...\n"
            "       qzreport help COMMAND | --help | --version\n\n"
            "Reads People's Congress standing committee work reports (UTF-8, GB18030, or\n"
            "UTF-16 with a byte-order mark).\n\n"
            "Commands:\n"),
          out);
    for (size_t i = 0; i < NCOMMANDS; i++)
        fprintf(out, "  %-10s %s\n", qz_commands[i].name, _(qz_commands[i].help->oneline));
    fprintf(out, "  %-10s %s\n", "help", _("show the help of a command"));
    fprintf(out, "\n%s", _(qz_exit_codes_help));
}

static const qz_command *find_command(const char *name)
{
    for (size_t i = 0; i < NCOMMANDS; i++)
        if (strcmp(qz_commands[i].name, name) == 0)
            return &qz_commands[i];
    return NULL;
}

/* "unknown command 'sumarize'; did you mean 'summarize'?" */
static int unknown_command(const char *name)
{
    qz_suggestion s;
    qz_suggest_start(&s, name);
    for (size_t i = 0; i < NCOMMANDS; i++)
        qz_suggest_offer(&s, qz_commands[i].name);
    qz_suggest_offer(&s, "help");
    return qz_usage_hint(NULL, qz_suggest_result(&s), "unknown command '%s'", name);
}

int main(int argc, char **argv)
{
    qz_cli_language();
    if (argc < 2) {
        print_usage(stderr);
        return QZ_EXIT_ERROR;
    }
    const char *arg = argv[1];
    if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0) {
        print_usage(stdout);
        return QZ_EXIT_OK;
    }
    if (strcmp(arg, "--version") == 0 || strcmp(arg, "-V") == 0) {
        printf("qzreport %s\n", qz_version());
        return QZ_EXIT_OK;
    }
    if (strcmp(arg, "help") == 0) {
        /* `help help`, `help --help`: help's own help is the general one */
        if (argc < 3 || strcmp(argv[2], "help") == 0 || strcmp(argv[2], "--help") == 0 ||
            strcmp(argv[2], "-h") == 0) {
            print_usage(stdout);
            return QZ_EXIT_OK;
        }
        const qz_command *c = find_command(argv[2]);
        if (!c)
            return unknown_command(argv[2]);
        qz_command_print_help(stdout, c->help);
        return QZ_EXIT_OK;
    }
    const qz_command *c = find_command(arg);
    if (!c)
        return unknown_command(arg);
    qz_output_install_signals();
    return c->run(argc - 1, argv + 1);
}
