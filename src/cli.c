/* cli.c — the option table machinery (parsing with getopt_long, and --help from the same
 * table), and error printing for every subcommand. */
#include <getopt.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "internal.h" /* qz_suggest */

#define QZ_MAX_OPTIONS 32

const char *const qz_exit_codes_help = N_("Exit codes: 0 done; 1 findings (a failing check, an "
                                          "absent key); 2 usage, input, output or internal "
                                          "error.\n"
                                          "The manual, qzreport(1), tells every command, option, "
                                          "format and exit code: man qzreport\n");

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

/* The long option nearest to an unknown one ("--formt", "--formt=json"): "--format", or NULL. */
static const char *nearest_option(const qz_command_help *cmd, const char *what)
{
    static char found[64];
    char word[256];
    if (strncmp(what, "--", 2) != 0)
        return NULL;
    snprintf(word, sizeof word, "%.*s", (int)strcspn(what + 2, "="), what + 2);
    qz_suggestion s;
    qz_suggest_start(&s, word);
    for (size_t i = 0; i < count_options(cmd->options); i++)
        qz_suggest_offer(&s, cmd->options[i].long_name);
    qz_suggest_offer(&s, "help");
    const char *best = qz_suggest_result(&s);
    if (!best)
        return NULL;
    snprintf(found, sizeof found, "--%s", best);
    return found;
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
            return qz_usage_hint(cmd, nearest_option(cmd, what), "unknown option '%s'", what);
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

static int usage_error(const qz_command_help *cmd, const char *hint, const char *fmt,
                       va_list ap)
{
    fputs("qzreport: ", stderr);
    vfprintf(stderr, _(fmt), ap);
    if (hint)
        /* TRANSLATORS: appended to a message about an unknown name (a command, an option, a
           format, a key, a rule id): the known name nearest to it */
        fprintf(stderr, _("; did you mean '%s'?"), hint);
    fputc('\n', stderr);
    if (cmd)
        fprintf(stderr, _("Try 'qzreport %s --help'.\n"), cmd->name);
    else
        fputs(_("Try 'qzreport --help'.\n"), stderr);
    return QZ_EXIT_ERROR;
}

int qz_usage_error(const qz_command_help *cmd, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    usage_error(cmd, NULL, fmt, ap);
    va_end(ap);
    return QZ_EXIT_ERROR;
}

int qz_usage_hint(const qz_command_help *cmd, const char *hint, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    usage_error(cmd, hint, fmt, ap);
    va_end(ap);
    return QZ_EXIT_ERROR;
}

static const char *const languages[] = {"zh", "en", NULL};
static const char *const encodings[] = {"auto", "utf-8", "gb18030", NULL};

const char *const *qz_option_values(const qz_command_help *cmd, const char *long_name)
{
    if (strcmp(long_name, "format") == 0)
        return cmd ? cmd->formats : NULL;
    if (strcmp(long_name, "lang") == 0)
        return languages;
    if (strcmp(long_name, "encoding") == 0)
        return encodings;
    return NULL;
}

int qz_cli_bad_value(const qz_command_help *cmd, const char *long_name, const char *value)
{
    const char *const *values = qz_option_values(cmd, long_name);
    qz_buf list = {0};
    for (size_t i = 0; values && values[i]; i++) {
        if (i)
            /* TRANSLATORS: between the names of a list of values: (tsv, json, yaml, env) */
            qz_buf_puts(&list, _(", "));
        qz_buf_puts(&list, values[i]);
    }
    const char *names = list.data && !list.failed ? list.data : "";
    const char *hint = qz_suggest(value, values, (size_t)-1);
    if (strcmp(long_name, "lang") == 0)
        qz_usage_hint(cmd, hint, "unknown language '%s' (%s)", value, names);
    else if (strcmp(long_name, "encoding") == 0)
        qz_usage_hint(cmd, hint, "unknown encoding '%s' (%s)", value, names);
    else
        qz_usage_hint(cmd, hint, "unknown format '%s' (%s)", value, names);
    qz_buf_free(&list);
    return QZ_EXIT_ERROR;
}

int qz_cli_unknown_key(const qz_command_help *cmd, const qz_rules *rules, const char *key)
{
    qz_suggestion s;
    qz_suggest_start(&s, key);
    const char *k;
    for (size_t i = 0; (k = qz_rules_key(rules, i)) != NULL; i++)
        qz_suggest_offer(&s, k);
    return qz_usage_hint(cmd, qz_suggest_result(&s), "unknown key '%s'", key);
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

/* The folder of path ("." for a bare name or standard input). */
/* The folder a report is in, malloc'd ("." for a bare name or standard input). */
static char *folder_of(const char *path)
{
    const char *slash = path && strcmp(path, "-") ? strrchr(path, '/') : NULL;
    if (!slash)
        return strdup(".");
    return strndup(path, slash == path ? 1 : (size_t)(slash - path));
}

/* What every command that reads reports loads (qz_cli_rules); *config is NULL when there is no
 * configuration. On an error nothing is left allocated. */
static qz_status load_rules(const char *config_path, const char *first_file,
                            const char *rules_path, qz_config **config, qz_rules **rules,
                            qz_context **ctx, qz_error *err)
{
    *config = NULL;
    *rules = NULL;
    *ctx = NULL;
    char *found = NULL;
    if (!config_path) {
        struct stat sb;
        bool folder = first_file && strcmp(first_file, "-") != 0 &&
                      stat(first_file, &sb) == 0 && S_ISDIR(sb.st_mode);
        /* a folder of reports: from itself; a report: from its folder */
        char *dir = folder ? strdup(first_file) : folder_of(first_file);
        config_path = found = dir ? qz_config_find(dir) : NULL;
        free(dir);
    }
    qz_status st = QZ_OK;
    if (config_path)
        st = qz_config_load(config, config_path, err);
    free(found); /* the configuration keeps its own copy of its path */
    if (st == QZ_OK)
        st = qz_rules_new(rules, err);
    if (st == QZ_OK && *config && (*config)->rules_file)
        st = qz_rules_add_file(*rules, (*config)->rules_file, err);
    if (st == QZ_OK && rules_path)
        st = qz_rules_add_file(*rules, rules_path, err);
    if (st == QZ_OK && *config)
        st = qz_config_validate(*config, *rules, err);
    if (st == QZ_OK)
        st = qz_context_new(ctx, *rules, err);
    if (st != QZ_OK) {
        qz_config_free(*config);
        qz_rules_free(*rules);
        *config = NULL;
        *rules = NULL;
    }
    return st;
}

qz_status qz_cli_rules(const char *config_path, const char *first_file, const char *rules_path,
                       qz_rules **out, qz_context **ctx, qz_error *err)
{
    qz_config *config;
    qz_status st = load_rules(config_path, first_file, rules_path, &config, out, ctx, err);
    qz_config_free(config);
    return st;
}

bool qz_cli_encoding(const qz_command_help *cmd, const char *name, qz_encoding *out)
{
    if (qz_encoding_parse(name, out))
        return true;
    qz_cli_bad_value(cmd, "encoding", name);
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
        qz_suggestion near;
        qz_suggest_start(&near, id);
        const qz_check_rule *r;
        for (size_t i = 0; (r = qz_rules_check_rule(s->rules, i)) != NULL; i++)
            qz_suggest_offer(&near, r->id);
        qz_usage_hint(cmd, qz_suggest_result(&near), "unknown rule '%s'", id);
        free(id);
        return QZ_EXIT_ERROR;
    }
    s->overrides[s->noverrides++] = (qz_severity_override){id, sev};
    return -1;
}

int qz_check_setup_open(qz_check_setup *s, const qz_command_help *cmd, const char *config_path,
                        const char *first_file, const char *rules_path,
                        const qz_opt_list *rule_opts, const char *lang)
{
    *s = (qz_check_setup){0};
    if (lang && strcmp(lang, "zh") && strcmp(lang, "en"))
        return qz_cli_bad_value(cmd, "lang", lang);
    s->options.lang = lang && strcmp(lang, "en") == 0 ? QZ_LANG_EN : QZ_LANG_ZH;
    qz_error err = {0};
    if (load_rules(config_path, first_file, rules_path, &s->config, &s->rules, &s->ctx, &err) !=
        QZ_OK)
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

int qz_cli_reference(const qz_command_help *cmd, const char *format, const char *config_path,
                     const char *rules_path, qz_reference_fn render)
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
        return qz_cli_bad_value(cmd, "format", format);
    qz_error err = {0};
    qz_rules *rules = NULL;
    qz_context *ctx = NULL;
    if (qz_cli_rules(config_path, NULL, rules_path, &rules, &ctx, &err) != QZ_OK)
        return qz_report_error(&err);
    qz_context_free(ctx);
    qz_status st = render(rules, formats[f].format, stdout, &err);
    qz_rules_free(rules);
    if (st == QZ_OK && fflush(stdout) != 0)
        return QZ_EXIT_ERROR;
    return st == QZ_OK ? QZ_EXIT_OK : qz_report_error(&err);
}
