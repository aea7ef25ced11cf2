/* cmd_fix.c — `qzreport fix`: applies the fixes that cannot change meaning and prints the text
 * (a unix filter), writes it to a file or over the input (temporary file and rename, the
 * original's permissions kept), or shows the change as a unified diff, made by diff(1) from
 * diffutils (on every Debian system) rather than by hand. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cli.h"

static const char *opt_output;
static const char *opt_config;
static const char *opt_encoding = "auto";
static const char *opt_rules;
static bool opt_in_place;
static bool opt_diff;
static qz_opt_list opt_rule;

static const qz_option options[] = {
    {'o', "output", "FILE", N_("write the fixed text to FILE (whole or not at all)"),
     QZ_OPT_STRING, &opt_output},
    {'i', "in-place", NULL, N_("replace FILE with the fixed text (temporary file and rename,\n"
                               "                             permissions kept)"),
     QZ_OPT_FLAG, &opt_in_place},
    {'d', "diff", NULL, N_("print the fixes as a unified diff (diff -u) instead"), QZ_OPT_FLAG,
     &opt_diff},
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
    .usage = "[-o FILE | --in-place | --diff] [OPTIONS] FILE|-",
    .oneline = N_("apply the fixes that cannot change meaning"),
    .summary = N_("Apply the fixes that cannot change meaning: halfwidth-punct, quote-form,\n"
                  "ellipsis-form, dash-form, repeated-punct, seq-marker, fullwidth-alnum,\n"
                  "invisible-char and broken-line joins. Prints the text; text no fix touches is\n"
                  "output byte for byte (same encoding, BOM and line ends)."),
    .details = NULL,
    .options = options,
};

/* Writes text to a fresh temporary file; its name goes to path. */
static bool temp_with(const char *text, size_t len, char *path, size_t size)
{
    const char *dir = getenv("TMPDIR");
    snprintf(path, size, "%s/qzreport-diff.XXXXXX", dir && *dir ? dir : "/tmp");
    int fd = mkstemp(path);
    if (fd < 0)
        return false;
    FILE *f = fdopen(fd, "wb");
    bool ok = f && fwrite(text, 1, len, f) == len;
    if (f)
        ok = fclose(f) == 0 && ok;
    else
        close(fd);
    if (!ok)
        unlink(path);
    return ok;
}

/* The UTF-8 text of bytes as decoded, line ends as they are (for the diff). */
static qz_status decoded(const char *bytes, size_t len, qz_encoding enc, qz_doc **doc,
                         qz_error *err)
{
    return qz_doc_load_bytes(doc, "-", bytes, len, enc, NULL, err);
}

/* diff -u between the original and the fixed text, both as UTF-8. */
static qz_status unified_diff(const char *label, const char *before, size_t blen,
                              const char *after, size_t alen, qz_encoding enc, char **out,
                              size_t *len, qz_error *err)
{
    qz_doc *a = NULL, *b = NULL;
    qz_status st = decoded(before, blen, enc, &a, err);
    if (st == QZ_OK)
        st = decoded(after, alen, a->encoding, &b, err);
    char pa[4096], pb[4096];
    bool files = st == QZ_OK && temp_with(a->src, a->src_len, pa, sizeof pa);
    if (files && !temp_with(b->src, b->src_len, pb, sizeof pb)) {
        unlink(pa);
        files = false;
    }
    qz_doc_free(a);
    qz_doc_free(b);
    if (st != QZ_OK)
        return st;
    if (!files) {
        *err = (qz_error){.status = QZ_ERR_IO};
        snprintf(err->message, sizeof err->message, _("cannot write a temporary file for diff: %s"),
                 qz_cli_strerror(errno));
        return QZ_ERR_IO;
    }
    char cmd[10000];
    snprintf(cmd, sizeof cmd, "diff -u --label 'a/%s' --label 'b/%s' '%s' '%s'", label, label,
             pa, pb);
    FILE *p = strchr(label, '\'') ? NULL : popen(cmd, "r");
    char *text = NULL;
    size_t n = 0;
    FILE *mem = open_memstream(&text, &n);
    char chunk[65536];
    size_t k;
    while (p && mem && (k = fread(chunk, 1, sizeof chunk, p)) > 0)
        fwrite(chunk, 1, k, mem);
    int rc = p ? pclose(p) : -1;
    if (mem)
        fclose(mem);
    unlink(pa);
    unlink(pb);
    /* diff exits 0 (no change) or 1 (changes); anything else is trouble */
    if (!text || rc == -1 || !WIFEXITED(rc) || WEXITSTATUS(rc) > 1) {
        free(text);
        snprintf(err->message, sizeof err->message, "%s",
                 strchr(label, '\'') ? _("diff(1) failed: the file name has a quote")
                                     : _("diff(1) failed"));
        err->status = QZ_ERR_INTERNAL;
        err->path[0] = '\0';
        return QZ_ERR_INTERNAL;
    }
    *out = text;
    *len = n;
    return QZ_OK;
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
    if (argc == first)
        return qz_usage_error(&qz_fix_help, "missing FILE");
    if (argc - first != 1)
        return qz_usage_error(&qz_fix_help, "fix takes one FILE");
    const char *path = argv[first];
    if (opt_in_place && (opt_output || opt_diff || strcmp(path, "-") == 0))
        return qz_usage_error(&qz_fix_help, "--in-place takes a FILE, without -o or --diff");
    qz_check_setup s;
    if ((rc = qz_check_setup_open(&s, &qz_fix_help, opt_config, path, opt_rules, &opt_rule,
                                  NULL)) >= 0)
        return rc;
    qz_error err = {0};
    char *bytes = NULL, *fixed = NULL, *out = NULL;
    size_t len = 0, flen = 0, olen = 0;
    const char *name = strcmp(path, "-") ? path : "<stdin>";
    qz_status st = qz_file_read(path, &bytes, &len, &err);
    if (st == QZ_OK)
        st = qz_fix_bytes(path, bytes, len, enc, s.ctx, &s.options, &fixed, &flen, &err);
    if (st == QZ_OK && opt_diff)
        st = unified_diff(name, bytes, len, fixed, flen, enc, &out, &olen, &err);
    if (st == QZ_OK)
        st = qz_output_write(opt_in_place ? path : opt_output, opt_diff ? out : fixed,
                             opt_diff ? olen : flen, &err);
    free(bytes);
    free(fixed);
    free(out);
    qz_cli_warnings(s.ctx);
    qz_check_setup_close(&s);
    return st == QZ_OK ? QZ_EXIT_OK : qz_report_error(&err);
}
