/* outfile.c — output written whole or not at all: a temporary file beside the target, renamed
 * over it once complete, and removed if the run fails or is interrupted. A target that exists
 * and is not a regular file (a terminal, a pipe, /dev/null) is written directly: renaming over
 * a device would replace it. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

struct qz_out {
    FILE *f;
    const char *path;    /* the target; NULL for standard output */
    bool temporary;      /* f is pending_path, to be renamed to path */
};

/* The temporary file being written, for the signal handler; one output at a time. */
static char pending_path[4096];
static volatile sig_atomic_t pending;

static void on_signal(int sig)
{
    if (pending)
        unlink(pending_path); /* async-signal-safe */
    signal(sig, SIG_DFL);
    raise(sig);
}

void qz_output_install_signals(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
    /* a reader that stops early (| head) ends the run quietly, as with any unix filter, even
     * when the caller left SIGPIPE ignored */
    signal(SIGPIPE, SIG_DFL);
}

/* "PATH: reason", the system's reason for errno e; with temporary, the reason a temporary file
 * could not be made in PATH's folder. */
static qz_status fail_as(qz_error *err, const char *path, int e, bool temporary)
{
    err->status = QZ_ERR_IO;
    snprintf(err->path, sizeof err->path, "%s", path ? path : "<stdout>");
    err->line = err->column = 0;
    if (temporary)
        snprintf(err->message, sizeof err->message, _("cannot create a temporary file: %s"),
                 qz_cli_strerror(e));
    else
        snprintf(err->message, sizeof err->message, "%s", qz_cli_strerror(e));
    return QZ_ERR_IO;
}

static qz_status fail(qz_error *err, const char *path, int e)
{
    return fail_as(err, path, e, false);
}

/* The mode a new file would get (0666 less the umask), or the existing target's mode. */
static mode_t target_mode(const char *path)
{
    struct stat sb;
    if (stat(path, &sb) == 0)
        return sb.st_mode & 07777;
    mode_t mask = umask(0);
    umask(mask);
    return 0666 & ~mask;
}

qz_status qz_out_open(qz_out **out, const char *path, qz_error *err)
{
    *out = NULL;
    qz_out *o = calloc(1, sizeof *o);
    if (!o)
        return fail(err, path, ENOMEM);
    o->path = path && strcmp(path, "-") ? path : NULL;
    struct stat sb;
    if (!o->path) {
        o->f = stdout;
    } else if (stat(o->path, &sb) == 0 && !S_ISREG(sb.st_mode)) {
        if (S_ISDIR(sb.st_mode)) {
            free(o);
            return fail(err, path, EISDIR);
        }
        o->f = fopen(o->path, "wb");
    } else {
        const char *slash = strrchr(o->path, '/');
        int dirlen = slash ? (int)(slash - o->path + 1) : 0;
        int n = snprintf(pending_path, sizeof pending_path, "%.*s.%s.XXXXXX", dirlen, o->path,
                         slash ? slash + 1 : o->path);
        if (n < 0 || (size_t)n >= sizeof pending_path) {
            free(o);
            return fail(err, path, ENAMETOOLONG);
        }
        /* pending before the file exists: a signal between its creation and the next line
         * would otherwise leave it behind (unlinking a name not yet created is harmless) */
        pending = 1;
        int fd = mkstemp(pending_path);
        if (fd < 0) {
            int e = errno;
            pending = 0;
            free(o);
            return fail_as(err, path, e, true);
        }
        o->temporary = true;
        o->f = fdopen(fd, "wb");
        if (!o->f)
            close(fd);
    }
    if (!o->f) {
        int e = errno;
        qz_out_abort(o);
        return fail(err, path, e);
    }
    *out = o;
    return QZ_OK;
}

FILE *qz_out_file(qz_out *o)
{
    return o->f;
}

qz_status qz_out_done(qz_out *o, qz_status st, qz_error *err)
{
    if (ferror(o->f)) {
        if (st != QZ_ERR_IO) /* the writer did not say why */
            return fail(err, o->path, EIO);
        /* the library's message is the system's reason; the path is the output's */
        snprintf(err->path, sizeof err->path, "%s", o->path ? o->path : "<stdout>");
        err->line = err->column = 0;
        return st;
    }
    if (st != QZ_OK)
        return st;
    if (!o->path && fflush(stdout) != 0) /* a reader sees each file's part as soon as done */
        return fail(err, o->path, errno);
    return QZ_OK;
}

qz_status qz_out_write(qz_out *o, const char *data, size_t len, qz_error *err)
{
    if (len && fwrite(data, 1, len, o->f) != len)
        return fail(err, o->path, errno ? errno : EIO);
    return qz_out_done(o, QZ_OK, err);
}

qz_status qz_out_commit(qz_out *o, qz_error *err)
{
    int e = 0;
    if (fflush(o->f) != 0)
        e = errno;
    else if (ferror(o->f)) /* a write through qz_out_file failed and was not seen */
        e = EIO;
    if (!o->temporary) {
        const char *path = o->path; /* a device written directly, or NULL for stdout */
        if (path && fclose(o->f) != 0 && !e)
            e = errno;
        free(o);
        return e ? fail(err, path, e) : QZ_OK;
    }
    if (!e && fchmod(fileno(o->f), target_mode(o->path)) != 0)
        e = errno;
    if (fclose(o->f) != 0 && !e)
        e = errno;
    o->f = NULL;
    if (!e && rename(pending_path, o->path) != 0)
        e = errno;
    const char *path = o->path;
    if (e) {
        qz_out_abort(o);
        return fail(err, path, e);
    }
    pending = 0;
    free(o);
    return QZ_OK;
}

void qz_out_abort(qz_out *o)
{
    if (!o)
        return;
    if (o->f && o->f != stdout)
        fclose(o->f);
    if (o->temporary) {
        unlink(pending_path);
        pending = 0;
    }
    free(o);
}

qz_status qz_output_write(const char *path, const char *data, size_t len, qz_error *err)
{
    qz_out *o;
    qz_status st = qz_out_open(&o, path, err);
    if (st != QZ_OK)
        return st;
    st = qz_out_write(o, data, len, err);
    if (st != QZ_OK) {
        qz_out_abort(o);
        return st;
    }
    return qz_out_commit(o, err);
}
