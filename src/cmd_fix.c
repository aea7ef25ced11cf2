/* cmd_fix.c — `qzreport fix`: applies the fixes that cannot change meaning and prints the text
 * (a unix filter), writes it to a file or over the inputs (temporary file and rename, the
 * original's permissions kept), lists the files it would change (--check, for CI), or shows
 * the change as a unified diff, made by diff(1) from diffutils (on every Debian system) rather
 * than by hand: run with posix_spawnp and an argument list, no shell, on the file's own bytes,
 * so that any file name works and patch(1) applies the diff to the file. No buffer of a fixed
 * size holds a path or text here. */
#include <errno.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cli.h"

extern char **environ;

static const char *opt_output;
static const char *opt_config;
static const char *opt_encoding = "auto";
static const char *opt_rules;
static bool opt_in_place;
static bool opt_diff;
static bool opt_check;
static qz_opt_list opt_rule;

static const qz_option options[] = {
    {'o', "output", "FILE", N_("write the fixed text (or the diff) to FILE (whole or not at all)"),
     QZ_OPT_STRING, &opt_output},
    {0, "check", NULL, N_("write nothing: list the files fix would change, one per line\n"
                          "                             (exit code 1 if there is one)"),
     QZ_OPT_FLAG, &opt_check},
    {'i', "in-place", NULL, N_("fix each FILE in its place (temporary file and rename,\n"
                               "                             permissions kept); one with nothing to fix is left alone"),
     QZ_OPT_FLAG, &opt_in_place},
    {'d', "diff", NULL, N_("print the fixes as a unified diff (diff -u) in each file's own\n"
                           "                             encoding and line ends, for patch(1) (exit code 1 if any)"),
     QZ_OPT_FLAG, &opt_diff},
    {'c', "config", "FILE", N_("the configuration (rules turned off there are not fixed)"),
     QZ_OPT_STRING, &opt_config},
    {'r', "rule", "ID=SEV", N_("set a rule to error, warning or off (off: not fixed)"), QZ_OPT_LIST,
     &opt_rule},
    QZ_OPTION_ENCODING(opt_encoding),
    {0, "rules", "FILE", N_("add the rules of a rules file to the built-in ones"), QZ_OPT_STRING,
     &opt_rules},
    {0, NULL, NULL, NULL, QZ_OPT_FLAG, NULL},
};

const qz_command_help qz_fix_help = {
    .name = "fix",
    .usage = "[--check | --in-place | --diff] [OPTIONS] FILE...|DIR...|-",
    .oneline = N_("apply the fixes that cannot change meaning"),
    .summary = N_("Apply the fixes that cannot change meaning: halfwidth-punct, quote-form,\n"
                  "ellipsis-form, dash-form, repeated-punct, seq-marker, fullwidth-alnum,\n"
                  "invisible-char and broken-line joins. Prints the text; text no fix touches is\n"
                  "output byte for byte (same encoding, BOM and line ends)."),
    .details = N_("Without --check, --in-place or --diff, fix takes one FILE ('-' reads stdin).\n"
                  "With them it takes many: a DIR is read recursively (*.txt), files in path\n"
                  "order. Exit code 1: --check or --diff found a file to fix.\n"),
    .options = options,
};

/* Writes text to a fresh temporary file in $TMPDIR (or /tmp); its name, malloc'd, is returned,
 * NULL on failure (errno says why). */
static char *temp_with(const char *text, size_t len)
{
    const char *dir = getenv("TMPDIR");
    if (!dir || !*dir)
        dir = "/tmp";
    size_t size = strlen(dir) + sizeof "/qzreport-diff.XXXXXX";
    char *path = malloc(size);
    if (!path)
        return NULL;
    snprintf(path, size, "%s/qzreport-diff.XXXXXX", dir);
    int fd = mkstemp(path);
    if (fd < 0) {
        free(path);
        return NULL;
    }
    FILE *f = fdopen(fd, "wb");
    bool ok = f && fwrite(text, 1, len, f) == len;
    if (f)
        ok = fclose(f) == 0 && ok;
    else
        close(fd);
    if (!ok) {
        int e = errno;
        unlink(path);
        free(path);
        errno = e;
        return NULL;
    }
    return path;
}

/* "prefix" followed by s, malloc'd. */
static char *prefixed(const char *prefix, const char *s)
{
    size_t pl = strlen(prefix), sl = strlen(s);
    char *r = malloc(pl + sl + 1);
    if (r) {
        memcpy(r, prefix, pl);
        memcpy(r + pl, s, sl + 1);
    }
    return r;
}

static qz_status diff_failed(qz_error *err, const char *why, int e)
{
    *err = (qz_error){.status = QZ_ERR_INTERNAL};
    if (e)
        snprintf(err->message, sizeof err->message, "%s: %s", why, qz_cli_strerror(e));
    else
        snprintf(err->message, sizeof err->message, "%s", why);
    return QZ_ERR_INTERNAL;
}

/* Runs diff(1) on argv (no shell: any file name is one argument, whole) and takes its output.
 * diff exits 0 (no change) or 1 (changes); anything else is trouble, which it has named on
 * standard error. */
static qz_status run_diff(char *const *dargv, char **out, size_t *len, qz_error *err)
{
    int fds[2];
    if (pipe(fds) != 0)
        return diff_failed(err, _("cannot run diff(1)"), errno);
    posix_spawn_file_actions_t fa;
    pid_t pid;
    int e = posix_spawn_file_actions_init(&fa);
    if (e == 0) {
        if (!(e = posix_spawn_file_actions_adddup2(&fa, fds[1], STDOUT_FILENO)) &&
            !(e = posix_spawn_file_actions_addclose(&fa, fds[0])) &&
            !(e = posix_spawn_file_actions_addclose(&fa, fds[1])))
            e = posix_spawnp(&pid, "diff", &fa, NULL, dargv, environ);
        posix_spawn_file_actions_destroy(&fa);
    }
    close(fds[1]);
    if (e != 0) {
        close(fds[0]);
        return diff_failed(err, _("cannot run diff(1)"), e);
    }
    char *text = NULL;
    size_t n = 0;
    FILE *mem = open_memstream(&text, &n);
    char chunk[65536];
    ssize_t k;
    bool ok = mem != NULL;
    while ((k = read(fds[0], chunk, sizeof chunk)) != 0) {
        if (k < 0) {
            if (errno == EINTR)
                continue;
            ok = false;
            break;
        }
        if (ok && fwrite(chunk, 1, (size_t)k, mem) != (size_t)k)
            ok = false;
    }
    close(fds[0]);
    if (mem && fclose(mem) != 0)
        ok = false;
    int status;
    while (waitpid(pid, &status, 0) < 0)
        if (errno != EINTR) {
            ok = false;
            status = -1;
            break;
        }
    if (!ok || !text) {
        free(text);
        return diff_failed(err, _("cannot read the output of diff(1)"), 0);
    }
    if (!WIFEXITED(status) || WEXITSTATUS(status) > 1) {
        free(text);
        return diff_failed(err, _("diff(1) failed"), 0);
    }
    *out = text;
    *len = n;
    return QZ_OK;
}

/* diff -u between the original bytes and the fixed ones, as they are: in the file's own
 * encoding, BOM and line ends, so that patch(1) applies it to the file. */
static qz_status unified_diff(const char *label, const char *before, size_t blen,
                              const char *after, size_t alen, char **out, size_t *len,
                              qz_error *err)
{
    char *pa = temp_with(before, blen);
    char *pb = pa ? temp_with(after, alen) : NULL;
    if (!pb) {
        int e = errno;
        if (pa)
            unlink(pa);
        free(pa);
        *err = (qz_error){.status = QZ_ERR_IO};
        snprintf(err->message, sizeof err->message, _("cannot write a temporary file for diff: %s"),
                 qz_cli_strerror(e));
        return QZ_ERR_IO;
    }
    char *la = prefixed("a/", label), *lb = prefixed("b/", label);
    qz_status st;
    if (la && lb) {
        /* --text: a text with a control character is still a text to patch */
        char *dargv[] = {"diff", "-u", "--text", "--label", la, "--label", lb, "--", pa, pb,
                         NULL};
        st = run_diff(dargv, out, len, err);
    } else {
        qz_cli_nomem(err);
        st = QZ_ERR_NOMEM;
    }
    free(la);
    free(lb);
    unlink(pa);
    unlink(pb);
    free(pa);
    free(pb);
    return st;
}

typedef struct {
    qz_check_setup *setup;
    qz_encoding enc;
    qz_out *out;      /* standard output or -o; NULL with --in-place */
    bool changed;     /* some file would change (or did, with --in-place) */
} run;

/* One file through fix, as the options say; false after printing its error. */
static bool fix_one(run *r, const char *path)
{
    qz_error err = {0};
    char *bytes = NULL, *fixed = NULL, *diff = NULL;
    size_t len = 0, flen = 0, dlen = 0;
    const char *name = strcmp(path, "-") ? path : "<stdin>";
    qz_status st = qz_file_read(path, &bytes, &len, &err);
    if (st == QZ_OK)
        st = qz_fix_bytes(path, bytes, len, r->enc, r->setup->ctx, &r->setup->options, &fixed,
                          &flen, &err);
    bool changed = st == QZ_OK && (flen != len || memcmp(fixed, bytes, len) != 0);
    if (changed)
        r->changed = true;
    if (st != QZ_OK) {
        /* named below */
    } else if (opt_check) {
        if (changed && (st = qz_out_write(r->out, name, strlen(name), &err)) == QZ_OK)
            st = qz_out_write(r->out, "\n", 1, &err);
    } else if (opt_in_place) {
        if (changed) /* a file fix leaves as it is is not rewritten */
            st = qz_output_write(path, fixed, flen, &err);
    } else if (opt_diff) {
        if (changed)
            st = unified_diff(name, bytes, len, fixed, flen, &diff, &dlen, &err);
        if (st == QZ_OK && dlen)
            st = qz_out_write(r->out, diff, dlen, &err);
    } else {
        st = qz_out_write(r->out, fixed, flen, &err);
    }
    free(bytes);
    free(fixed);
    free(diff);
    if (st != QZ_OK)
        qz_report_error(&err);
    return st == QZ_OK;
}

int cmd_fix(int argc, char **argv)
{
    int first;
    int rc = qz_options_parse(argc, argv, &qz_fix_help, &first);
    if (rc >= 0)
        return rc;
    qz_encoding enc;
    if (!qz_cli_encoding(&qz_fix_help, opt_encoding, &enc))
        return QZ_EXIT_ERROR;
    size_t n = (size_t)(argc - first);
    if (n == 0)
        return qz_usage_error(&qz_fix_help, "missing FILE");
    if (opt_check + opt_in_place + opt_diff > 1)
        return qz_usage_error(&qz_fix_help, "--check, --in-place and --diff go one at a time");
    if (opt_output && (opt_check || opt_in_place))
        return qz_usage_error(&qz_fix_help, "-o goes with neither --check nor --in-place");
    bool many = opt_check || opt_in_place || opt_diff;
    if (!many && n != 1)
        return qz_usage_error(&qz_fix_help,
                              "fix takes one FILE (many with --check, --in-place or --diff)");
    for (size_t i = 0; i < n; i++) {
        if (strcmp(argv[first + (int)i], "-") != 0)
            continue;
        if (opt_in_place)
            return qz_usage_error(&qz_fix_help, "--in-place takes FILEs, not '-'");
        if (n > 1)
            return qz_usage_error(&qz_fix_help, "'-' is the only FILE when it is given");
    }
    qz_path_list paths;
    qz_error err = {0};
    if (!qz_cli_collect_paths(argv + first, n, &paths)) {
        qz_cli_nomem(&err);
        return qz_report_error(&err);
    }
    qz_check_setup s;
    if ((rc = qz_check_setup_open(&s, &qz_fix_help, opt_config,
                                  paths.n ? paths.items[0] : argv[first], opt_rules, &opt_rule,
                                  NULL)) >= 0) {
        qz_path_list_free(&paths);
        return rc;
    }
    run r = {.setup = &s, .enc = enc};
    bool ok = true;
    if (!opt_in_place && qz_out_open(&r.out, opt_output, &err) != QZ_OK) {
        qz_report_error(&err);
        ok = false;
    } else {
        for (size_t i = 0; i < paths.n; i++)
            ok = fix_one(&r, paths.items[i]) && ok;
        /* with -o, all or nothing: the output of files fixed is not written when one failed */
        if (r.out && ok && qz_out_commit(r.out, &err) != QZ_OK) {
            qz_report_error(&err);
            ok = false;
        } else if (r.out && !ok) {
            qz_out_abort(r.out);
        }
    }
    qz_cli_warnings(s.ctx);
    qz_check_setup_close(&s);
    qz_path_list_free(&paths);
    if (!ok)
        return QZ_EXIT_ERROR;
    return (opt_check || opt_diff) && r.changed ? QZ_EXIT_FINDINGS : QZ_EXIT_OK;
}
