/* outfile.c — output written whole or not at all: a temporary file beside the target, renamed
 * over it once complete, and removed if the run fails or is interrupted. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

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
}

static qz_status fail(qz_error *err, const char *path, const char *what, int e)
{
    err->status = QZ_ERR_IO;
    snprintf(err->path, sizeof err->path, "%s", path);
    err->line = err->column = 0;
    snprintf(err->message, sizeof err->message, "%s%s", what, strerror(e));
    return QZ_ERR_IO;
}

static qz_status write_all(int fd, const char *data, size_t len)
{
    while (len > 0) {
        ssize_t n = write(fd, data, len);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return QZ_ERR_IO;
        }
        data += n;
        len -= (size_t)n;
    }
    return QZ_OK;
}

static qz_status write_stdout(const char *data, size_t len, qz_error *err)
{
    if (fwrite(data, 1, len, stdout) != len || fflush(stdout) != 0)
        return fail(err, "<stdout>", "", errno);
    return QZ_OK;
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

qz_status qz_output_write(const char *path, const char *data, size_t len, qz_error *err)
{
    if (!path || strcmp(path, "-") == 0)
        return write_stdout(data, len, err);
    const char *slash = strrchr(path, '/');
    int dirlen = slash ? (int)(slash - path + 1) : 0;
    int n = snprintf(pending_path, sizeof pending_path, "%.*s.%s.XXXXXX", dirlen, path,
                     slash ? slash + 1 : path);
    if (n < 0 || (size_t)n >= sizeof pending_path)
        return fail(err, path, "", ENAMETOOLONG);
    int fd = mkstemp(pending_path);
    if (fd < 0)
        return fail(err, path, "cannot create a temporary file: ", errno);
    pending = 1;
    qz_status st = write_all(fd, data, len);
    int e = errno;
    if (st == QZ_OK && fchmod(fd, target_mode(path)) != 0)
        st = QZ_ERR_IO, e = errno;
    if (close(fd) != 0 && st == QZ_OK)
        st = QZ_ERR_IO, e = errno;
    if (st == QZ_OK && rename(pending_path, path) != 0)
        st = QZ_ERR_IO, e = errno;
    if (st != QZ_OK)
        unlink(pending_path);
    pending = 0;
    if (st != QZ_OK)
        return fail(err, path, "", e);
    return QZ_OK;
}
