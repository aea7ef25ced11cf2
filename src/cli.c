/* cli.c — the option table machinery (parsing with getopt_long, and --help from the same
 * table), and error printing for every subcommand. */
#include <getopt.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

#define QZ_MAX_OPTIONS 32

const char *const qz_exit_codes_help = N_("Exit codes: 0 done; 1 findings (a failing check, an "
                                          "absent key); 2 usage, input, output or internal "
                                          "error.\n");

static size_t count_options(const qz_option *opts)
{
    size_t n = 0;
    while (opts && opts[n].long_name)
        n++;
    return n;
}

/* Returns false when a repeatable option was given too often. */
static bool set_value(const qz_option *o, const char *arg)
{
    if (o->type == QZ_OPT_FLAG) {
        *(bool *)o->value = true;
    } else if (o->type == QZ_OPT_STRING) {
        *(const char **)o->value = arg;
    } else {
        qz_opt_list *l = o->value;
        if (l->n == QZ_OPT_LIST_MAX)
            return false;
        l->items[l->n++] = arg;
    }
    return true;
}

int qz_options_parse(int argc, char **argv, const qz_command_help *cmd, int *first_operand)
{
    size_t n = count_options(cmd->options);
    struct option longs[QZ_MAX_OPTIONS + 2];
    /* ':' first: a missing value is reported as ':'. Options may follow operands
     * (`summarize FILE -o out`), as with most GNU tools, so getopt's permutation stays on. */
    char shorts[QZ_MAX_OPTIONS * 2 + 4] = ":h";
    size_t sl = 2;
    if (n > QZ_MAX_OPTIONS)
        n = QZ_MAX_OPTIONS;
    for (size_t i = 0; i < n; i++) {
        const qz_option *o = &cmd->options[i];
        longs[i] = (struct option){o->long_name, o->type == QZ_OPT_FLAG ? no_argument
                                                                         : required_argument,
                                   NULL, 256 + (int)i};
        if (o->short_name) {
            shorts[sl++] = o->short_name;
            if (o->type != QZ_OPT_FLAG)
                shorts[sl++] = ':';
        }
    }
    shorts[sl] = '\0';
    longs[n] = (struct option){"help", no_argument, NULL, 'h'};
    longs[n + 1] = (struct option){NULL, 0, NULL, 0};
    optind = 0; /* 0 makes glibc start afresh, whatever an earlier parse left */
    opterr = 0;
    int c;
    while ((c = getopt_long(argc, argv, shorts, longs, NULL)) != -1) {
        if (c == 'h') {
            qz_command_print_help(stdout, cmd);
            return QZ_EXIT_OK;
        }
        if (c == '?' || c == ':') {
            const char *what = argv[optind - 1];
            if (c == ':')
                return qz_usage_error(cmd, "option '%s' needs a value", what);
            if (optopt)
                return qz_usage_error(cmd, "unknown option '-%c'", optopt);
            return qz_usage_error(cmd, "unknown option '%s'", what);
        }
        const qz_option *o = NULL;
        for (size_t i = 0; i < n; i++)
            if (c == 256 + (int)i || cmd->options[i].short_name == c)
                o = &cmd->options[i];
        if (o && !set_value(o, optarg))
            return qz_usage_error(cmd, "too many --%s options", o->long_name);
    }
    *first_operand = optind;
    return -1;
}

void qz_command_print_help(FILE *out, const qz_command_help *cmd)
{
    fprintf(out, _("Usage: qzreport %s %s\n\n%s\n\nOptions:\n"), cmd->name, cmd->usage,
            _(cmd->summary));
    size_t n = count_options(cmd->options);
    for (size_t i = 0; i <= n; i++) {
        const qz_option *o = i < n ? &cmd->options[i] : NULL;
        char left[64];
        if (o && o->short_name)
            snprintf(left, sizeof left, "-%c, --%s%s%s", o->short_name, o->long_name,
                     o->arg_name ? " " : "", o->arg_name ? o->arg_name : "");
        else if (o)
            snprintf(left, sizeof left, "    --%s%s%s", o->long_name, o->arg_name ? " " : "",
                     o->arg_name ? o->arg_name : "");
        else
            snprintf(left, sizeof left, "-h, --help");
        fprintf(out, "  %-26s %s\n", left, o ? _(o->help) : _("show this help and exit"));
    }
    if (cmd->details)
        fprintf(out, "\n%s", _(cmd->details));
    fprintf(out, "\n%s", _(qz_exit_codes_help));
}

int qz_usage_error(const qz_command_help *cmd, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("qzreport: ", stderr);
    vfprintf(stderr, _(fmt), ap);
    va_end(ap);
    fputc('\n', stderr);
    fprintf(stderr, _("Try 'qzreport %s --help'.\n"), cmd ? cmd->name : "");
    return QZ_EXIT_ERROR;
}

int qz_report_error(const qz_error *err)
{
    char buf[2048];
    qz_error_format(err, buf, sizeof buf);
    fprintf(stderr, "qzreport: %s\n", buf);
    return QZ_EXIT_ERROR;
}

void qz_cli_nomem(qz_error *err)
{
    *err = (qz_error){.status = QZ_ERR_NOMEM};
    snprintf(err->message, sizeof err->message, "%s", _("out of memory"));
}

const char *qz_cli_strerror(int e)
{
    /* libc's text, in the locale's language when libc has a catalog for it; otherwise its
     * English words, which the "qzreport" catalog may have (the library's qz_strerror) */
    return _(strerror(e));
}

qz_status qz_cli_rules(const char *rules_path, qz_rules **out, qz_context **ctx,
                       qz_error *err)
{
    *ctx = NULL;
    qz_status st = qz_rules_new(out, err);
    if (st == QZ_OK && rules_path)
        st = qz_rules_add_file(*out, rules_path, err);
    if (st == QZ_OK)
        st = qz_context_new(ctx, *out, err);
    if (st != QZ_OK) {
        qz_rules_free(*out);
        *out = NULL;
    }
    return st;
}

bool qz_cli_encoding(const qz_command_help *cmd, const char *name, qz_encoding *out)
{
    if (qz_encoding_parse(name, out))
        return true;
    qz_usage_error(cmd, "unknown encoding '%s' (auto, utf-8, gb18030)", name);
    return false;
}

/* ---- check and fix ---- */

static int setup_error(qz_check_setup *s, const qz_error *err)
{
    qz_check_setup_close(s);
    return qz_report_error(err);
}

/* Parses ID=error|warning|off. */
static int parse_rule_option(qz_check_setup *s, const qz_command_help *cmd, const char *arg)
{
    const char *eq = strchr(arg, '=');
    qz_severity sev;
    if (!eq || eq == arg || !qz_severity_parse(eq + 1, &sev))
        return qz_usage_error(cmd, "--rule takes ID=error|warning|off, not '%s'", arg);
    if (s->noverrides == sizeof s->overrides / sizeof s->overrides[0])
        return qz_usage_error(cmd, "too many --rule options");
    char *id = strndup(arg, (size_t)(eq - arg));
    if (!id)
        return qz_usage_error(cmd, "out of memory");
    if (!qz_rules_find_check_rule(s->rules, id)) {
        qz_usage_error(cmd, "unknown rule '%s'", id);
        free(id);
        return QZ_EXIT_ERROR;
    }
    s->overrides[s->noverrides++] = (qz_severity_override){id, sev};
    return -1;
}

/* The folder of path ("." for a bare name or standard input). */
static void folder_of(const char *path, char *dir, size_t size)
{
    const char *slash = path && strcmp(path, "-") ? strrchr(path, '/') : NULL;
    if (!slash)
        snprintf(dir, size, ".");
    else if (slash == path)
        snprintf(dir, size, "/");
    else
        snprintf(dir, size, "%.*s", (int)(slash - path), path);
}

int qz_check_setup_open(qz_check_setup *s, const qz_command_help *cmd, const char *config_path,
                        const char *first_file, const char *rules_path,
                        const qz_opt_list *rule_opts, const char *lang)
{
    *s = (qz_check_setup){0};
    if (lang && strcmp(lang, "zh") && strcmp(lang, "en"))
        return qz_usage_error(cmd, "unknown language '%s' (zh, en)", lang);
    s->options.lang = lang && strcmp(lang, "en") == 0 ? QZ_LANG_EN : QZ_LANG_ZH;
    qz_error err = {0};
    char found[4096], dir[4096];
    folder_of(first_file, dir, sizeof dir);
    if (!config_path && qz_config_find(dir, found, sizeof found))
        config_path = found;
    if (config_path && qz_config_load(&s->config, config_path, &err) != QZ_OK)
        return setup_error(s, &err);
    if (qz_rules_new(&s->rules, &err) != QZ_OK)
        return setup_error(s, &err);
    if (s->config && s->config->rules_file &&
        qz_rules_add_file(s->rules, s->config->rules_file, &err) != QZ_OK)
        return setup_error(s, &err);
    if (rules_path && qz_rules_add_file(s->rules, rules_path, &err) != QZ_OK)
        return setup_error(s, &err);
    if (s->config && qz_config_validate(s->config, s->rules, &err) != QZ_OK)
        return setup_error(s, &err);
    if (qz_context_new(&s->ctx, s->rules, &err) != QZ_OK)
        return setup_error(s, &err);
    /* the config's severities first, then --rule, which wins */
    for (size_t i = 0; s->config && i < s->config->noverrides; i++) {
        char *id = strdup(s->config->overrides[i].rule);
        if (!id || s->noverrides == sizeof s->overrides / sizeof s->overrides[0]) {
            free(id);
            qz_check_setup_close(s);
            return qz_usage_error(cmd, "too many rule settings");
        }
        s->overrides[s->noverrides++] = (qz_severity_override){id, s->config->overrides[i].severity};
    }
    for (size_t i = 0; rule_opts && i < rule_opts->n; i++) {
        int rc = parse_rule_option(s, cmd, rule_opts->items[i]);
        if (rc >= 0) {
            qz_check_setup_close(s);
            return rc;
        }
    }
    s->options.overrides = s->overrides;
    s->options.noverrides = s->noverrides;
    if (s->config) {
        s->options.allow = (const char *const *)s->config->allow;
        s->options.nallow = s->config->nallow;
        s->options.require = (const char *const *)s->config->require;
        s->options.nrequire = s->config->nrequire;
    }
    return -1;
}

void qz_check_setup_close(qz_check_setup *s)
{
    for (size_t i = 0; i < s->noverrides; i++)
        free((char *)s->overrides[i].rule);
    qz_config_free(s->config);
    qz_context_free(s->ctx);
    qz_rules_free(s->rules);
    *s = (qz_check_setup){0};
}

void qz_cli_warnings(const qz_context *ctx)
{
    for (size_t i = 0; i < qz_context_warning_count(ctx); i++)
        fprintf(stderr, _("qzreport: warning: %s\n"), qz_context_warning(ctx, i));
}

int qz_cli_reference(const qz_command_help *cmd, const char *format, const char *rules_path,
                     qz_reference_fn render)
{
    static const struct {
        const char *name;
        qz_reference_format format;
    } formats[] = {{"text", QZ_REFERENCE_TEXT},
                   {"tsv", QZ_REFERENCE_TSV},
                   {"json", QZ_REFERENCE_JSON},
                   {"yaml", QZ_REFERENCE_YAML},
                   {"yml", QZ_REFERENCE_YAML}};
    size_t f = 0;
    while (f < sizeof formats / sizeof formats[0] && strcmp(format, formats[f].name) != 0)
        f++;
    if (f == sizeof formats / sizeof formats[0])
        return qz_usage_error(cmd, "unknown format '%s' (text, tsv, json, yaml)", format);
    qz_error err = {0};
    qz_rules *rules = NULL;
    qz_context *ctx = NULL;
    if (qz_cli_rules(rules_path, &rules, &ctx, &err) != QZ_OK)
        return qz_report_error(&err);
    qz_context_free(ctx);
    qz_status st = render(rules, formats[f].format, stdout, &err);
    qz_rules_free(rules);
    if (st == QZ_OK && fflush(stdout) != 0)
        return QZ_EXIT_ERROR;
    return st == QZ_OK ? QZ_EXIT_OK : qz_report_error(&err);
}
