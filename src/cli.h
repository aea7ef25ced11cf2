/* cli.h — what the qzreport command's files share: the option table, the subcommands, output
 * files and error printing. Ownership: the CLI owns everything it allocates and frees it before
 * the command returns; option values point into argv. */
#ifndef QZ_CLI_H
#define QZ_CLI_H

#include <libintl.h>
#include <stdbool.h>
#include <stdio.h>

#include "qzreport.h"

/* Messages (README.md, "Language"): main.c sets the locale and makes QZ_TEXTDOMAIN the
 * program's text domain. _() translates a message where it is printed; N_() marks one in a
 * static table (the option tables, a command's oneline, summary and details), which cli.c and
 * main.c translate when they print it. Usage lines are syntax and stay as they are. */
#define _(msgid) gettext(msgid)
#define N_(msgid) msgid

/* Exit codes, the same for every subcommand (README.md, "Exit codes"). */
enum { QZ_EXIT_OK = 0, QZ_EXIT_FINDINGS = 1, QZ_EXIT_ERROR = 2 };

typedef enum { QZ_OPT_FLAG, QZ_OPT_STRING, QZ_OPT_LIST } qz_opt_type;

/* The values of a repeatable option (--rule A --rule B). */
#define QZ_OPT_LIST_MAX 64
typedef struct {
    const char *items[QZ_OPT_LIST_MAX];
    size_t n;
} qz_opt_list;

/* One row of a subcommand's option table: the table drives both parsing and --help. */
typedef struct {
    char short_name;       /* 0 if none */
    const char *long_name;
    const char *arg_name;  /* NULL for a flag */
    const char *help;
    qz_opt_type type;
    void *value;           /* bool * for a flag, const char ** for a string, qz_opt_list * */
} qz_option;

/* The --encoding row every command that reads a report shares. */
#define QZ_OPTION_ENCODING(var)                                                                \
    {'e', "encoding", "ENC", N_("auto (default), utf-8 or gb18030"), QZ_OPT_STRING, &(var)}

/* The --config row of every command that reads the configuration (qz_cli_rules). */
/* The -o row of every command that writes a report's output to a file (fix words its own). */
#define QZ_OPTION_OUTPUT(var)                                                                  \
    {'o', "output", "FILE", N_("write to FILE (whole or not at all) instead of stdout"),       \
     QZ_OPT_STRING, &(var)}

/* The --rules row of the commands that read figures (metrics, get, table, compare). */
#define QZ_OPTION_RULES(var)                                                                   \
    {0, "rules", "FILE", N_("add the metrics and words of a rules file to the built-in ones"),  \
     QZ_OPT_STRING, &(var)}

#define QZ_OPTION_CONFIG(var)                                                                  \
    {'c', "config", "FILE",                                                                    \
     N_("the configuration (default: .qzreport.yaml next to the first FILE\n"                  \
        "                             or in a parent folder)"),                                \
     QZ_OPT_STRING, &(var)}

typedef struct {
    const char *name;     /* "summarize" */
    const char *usage;    /* "[OPTIONS] FILE|-" */
    const char *oneline;  /* for the list of commands */
    const char *summary;  /* a paragraph */
    const char *details;  /* paragraphs after the options, or NULL */
    const qz_option *options;
    /* The names --format takes, NULL-terminated (aliases such as yml left out), or NULL: the
     * completions offer them and an unknown format's error lists them (qz_option_values). */
    const char *const *formats;
} qz_command_help;

/* The commands, in the order of `qzreport --help` (main.c); `help` is not one of them. */
typedef struct {
    const char *name;
    int (*run)(int argc, char **argv);
    const qz_command_help *help;
} qz_command;
extern const qz_command qz_commands[];
extern const size_t qz_ncommands;

/* Parses argv[1..] with the table. Returns -1 when parsing succeeded (operands start at
 * *first_operand), otherwise the exit code to return at once: 0 after printing --help, 2 after
 * printing a usage error. */
int qz_options_parse(int argc, char **argv, const qz_command_help *cmd, int *first_operand);
void qz_command_print_help(FILE *out, const qz_command_help *cmd);
/* The exit codes' line that ends every help (N_() marked: translate it where it is printed). */
extern const char *const qz_exit_codes_help;
/* Prints "qzreport: MESSAGE" and "Try 'qzreport CMD --help'." to stderr; returns 2. fmt is
 * translated here (xgettext's keyword qz_usage_error:2). */
int qz_usage_error(const qz_command_help *cmd, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
/* qz_usage_error with "; did you mean 'HINT'?" after the message when hint is not NULL (see
 * qz_suggest in internal.h). fmt is translated here (xgettext's keyword qz_usage_hint:3). */
int qz_usage_hint(const qz_command_help *cmd, const char *hint, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;
/* The values an option takes, NULL-terminated: the command's formats for --format, zh and en
 * for --lang, auto, utf-8 and gb18030 for --encoding; NULL for another option. */
const char *const *qz_option_values(const qz_command_help *cmd, const char *long_name);
/* The usage error of an option's value that is not one of qz_option_values ("unknown format
 * 'jsn' (tsv, json, yaml, env); did you mean 'json'?"); returns 2. */
int qz_cli_bad_value(const qz_command_help *cmd, const char *long_name, const char *value);
/* The usage error of a metric key the rules do not define, with the nearest one; returns 2. */
int qz_cli_unknown_key(const qz_command_help *cmd, const qz_rules *rules, const char *key);
/* Prints a library error as "qzreport: PATH:LINE:COL: message" to stderr; returns 2. */
int qz_report_error(const qz_error *err);
/* Fills err with QZ_ERR_NOMEM and "out of memory", translated. */
void qz_cli_nomem(qz_error *err);
/* The system's message for errno value e, in the language of the messages (libc's own catalog,
 * else the "qzreport" catalog, which has the common ones in libc's words). */
const char *qz_cli_strerror(int e);

/* An output written whole or not at all: a temporary file in the target's folder, renamed
 * over it by qz_out_commit; qz_out_abort (or SIGINT/SIGTERM/SIGHUP) removes it. NULL or "-"
 * is standard output, flushed after each write. */
typedef struct qz_out qz_out;
qz_status qz_out_open(qz_out **out, const char *path, qz_error *err);
/* The stream to write to (the temporary file, a device written directly, or standard output),
 * for the renderers to write into as they go; it stays the qz_out's. */
FILE *qz_out_file(qz_out *o);
/* After a part was written into qz_out_file(o) by something that returned st: a write that
 * failed becomes "PATH: reason" (the library's error has the reason but not the path), and
 * standard output is flushed, so that a reader sees each part as soon as it is done. Returns
 * the status to go on with (st when it was another error). */
qz_status qz_out_done(qz_out *o, qz_status st, qz_error *err);
qz_status qz_out_write(qz_out *o, const char *data, size_t len, qz_error *err);
qz_status qz_out_commit(qz_out *o, qz_error *err);
void qz_out_abort(qz_out *o);

/* Writes data to path whole or not at all (a temporary file in the same folder, then rename);
 * NULL or "-" writes to standard output. */
qz_status qz_output_write(const char *path, const char *data, size_t len, qz_error *err);
/* Installs the handlers that remove a half-written temporary file on SIGINT/SIGTERM. */
void qz_output_install_signals(void);

/* Prints the context's warnings (patterns skipped for hitting PCRE2's limits) to stderr. */
void qz_cli_warnings(const qz_context *ctx);

/* Operands with folders expanded (dirs.c): a folder is replaced by the *.txt files under it,
 * recursively (hidden entries skipped, links to folders not followed), sorted by path; "-",
 * files and paths that do not exist stay as given, in their place. A folder without any .txt
 * file gets a warning on stderr. *paths (malloc'd strings) is freed with qz_cli_free_paths;
 * *any_dir tells whether an operand was a folder. False when out of memory. */
bool qz_cli_expand_dirs(char *const *args, size_t n, char ***paths, size_t *npaths,
                        bool *any_dir);
void qz_cli_free_paths(char **paths, size_t n);

/* Sets the locale from the environment (LC_NUMERIC stays C), falls back to C.UTF-8 and LANGUAGE
 * for a zh_* locale the system lacks, and binds the "qzreport" catalog in $QZREPORT_LOCALEDIR or
 * the compiled-in QZ_LOCALEDIR (language.c; README.md, "Language"). Called first thing. */
void qz_cli_language(void);

/* The rules every command reads reports with, and a context to run them: the built-in rules,
 * then the rules_file of the configuration (config_path, or else .qzreport.yaml found from the
 * folder of first_file upwards: first_file itself when it is a folder, the current folder for
 * NULL or "-"), then rules_path (--rules). The configuration is checked as check reads it (its
 * rule ids and metric keys must exist), so that a typo in it fails every command alike. */
qz_status qz_cli_rules(const char *config_path, const char *first_file, const char *rules_path,
                       qz_rules **out, qz_context **ctx, qz_error *err);

/* Parses --encoding's value, or prints a usage error (then returns false). */
bool qz_cli_encoding(const qz_command_help *cmd, const char *name, qz_encoding *out);

/* What check and fix share: rules (built-in, the config's rules file, --rules), the
 * configuration (found from the first file's folder or given), and --rule overrides. */
typedef struct {
    qz_rules *rules;
    qz_context *ctx;
    qz_config *config;
    qz_severity_override overrides[128];
    size_t noverrides;
    qz_check_options options;
} qz_check_setup;

int qz_check_setup_open(qz_check_setup *s, const qz_command_help *cmd, const char *config_path,
                        const char *first_file, const char *rules_path,
                        const qz_opt_list *rule_opts, const char *lang);
void qz_check_setup_close(qz_check_setup *s);

/* ---- the files operands name, sorted (dirs.c) ---- */

/* Paths, each malloc'd; free with qz_path_list_free. */
typedef struct {
    char **items;
    size_t n, cap;
} qz_path_list;

/* The files named by operands[0..n): a FILE (or "-") as given, a DIR's *.txt files read
 * recursively as qz_cli_expand_dirs reads them, then the whole list sorted in path order
 * (strcmp). An operand that does not exist, or a folder that cannot be opened, is kept as it
 * is, so that reading it names it as unreadable. Returns false when out of memory (out is then
 * empty). */
bool qz_cli_collect_paths(char *const *operands, size_t n, qz_path_list *out);
void qz_path_list_free(qz_path_list *l);

/* ---- many reports on N threads (batch.c) ---- */

#define QZ_MAX_JOBS 256

/* A batch: work(arg, ctx, i) runs on a worker thread with that thread's context and returns
 * report i's result; emit(arg, i, result) runs on the calling thread, in order i = 0, 1, …,
 * and owns the result. */
typedef struct {
    const qz_rules *rules;
    int jobs;  /* threads; 1 runs everything on the calling thread */
    size_t n;
    void *(*work)(void *arg, qz_context *ctx, size_t i);
    void (*emit)(void *arg, size_t i, void *result);
    void *arg;
} qz_batch;

/* Runs the batch, then prints the contexts' warnings. Fails only when not even one context can
 * be made. */
qz_status qz_batch_run(const qz_batch *b, qz_error *err);
/* The files of a batch whose work is every stage of a report: the first member of a batch's
 * arg when its work is qz_batch_load_report. */
typedef struct {
    char **paths;
    qz_encoding enc;
} qz_batch_files;

/* One report loaded on a worker through every stage (rep), or the error that stopped it. */
typedef struct {
    qz_report rep;
    qz_status st;
    qz_error err;
} qz_loaded;

/* A batch's work: loads report i of the qz_batch_files arg starts with; NULL when out of
 * memory. The emit step frees it with qz_loaded_free. */
void *qz_batch_load_report(void *arg, qz_context *ctx, size_t i);
void qz_loaded_free(qz_loaded *l);

/* Runs b with its results written to the output at path (NULL or "-": standard output) whole
 * or not at all: *out is opened before the batch starts, for b's emit to write into, then
 * committed, or removed when *rc (which emit sets) is not 0. Returns the exit code. */
int qz_batch_to_output(const qz_batch *b, const char *path, qz_out **out, int *rc);
/* Parses -j's value (1..QZ_MAX_JOBS); NULL gives the number of online CPUs. 0 if invalid. */
int qz_batch_jobs(const char *opt, int *jobs);
/* The -j row every command that reads many reports shares. */
#define QZ_OPTION_JOBS(var)                                                                    \
    {'j', "jobs", "N", N_("read N reports at a time (default: the number of CPUs)"),          \
     QZ_OPT_STRING, &(var)}

/* `keys` and `rules`: loads the rules (and rules_path), then writes the list render makes of
 * them in the format named (text, tsv, json, yaml) to standard output; the exit code. */
typedef qz_status (*qz_reference_fn)(const qz_rules *, qz_reference_format, FILE *, qz_error *);
int qz_cli_reference(const qz_command_help *cmd, const char *format, const char *config_path,
                     const char *rules_path, qz_reference_fn render);

int cmd_summarize(int argc, char **argv);
int cmd_metrics(int argc, char **argv);
int cmd_get(int argc, char **argv);
int cmd_check(int argc, char **argv);
int cmd_fix(int argc, char **argv);
int cmd_keys(int argc, char **argv);
int cmd_table(int argc, char **argv);
int cmd_rules(int argc, char **argv);
int cmd_compare(int argc, char **argv);
int cmd_completion(int argc, char **argv);
extern const qz_command_help qz_summarize_help, qz_metrics_help, qz_get_help, qz_check_help,
    qz_fix_help, qz_keys_help, qz_rules_help, qz_table_help, qz_compare_help,
    qz_completion_help;

#endif
