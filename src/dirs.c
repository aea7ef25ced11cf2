/* dirs.c — folders given as operands (`check reports/`, `metrics reports/`, `table`, `fix -i`):
 * each is replaced by the *.txt files under it, read recursively and sorted by path.
 * Hidden entries (a name starting with '.') are skipped, and a symbolic link to a folder is not
 * followed, so that a link back up the tree cannot make the walk endless (grep -r does the
 * same); a link to a file is read like the file. */
#define _DEFAULT_SOURCE /* lstat */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"

typedef struct {
    char **items;
    size_t n, cap;
} path_list;

static bool add_path(path_list *l, const char *p)
{
    if (l->n == l->cap) {
        size_t cap = l->cap ? 2 * l->cap : 16;
        char **items = realloc(l->items, cap * sizeof *items);
        if (!items)
            return false;
        l->items = items;
        l->cap = cap;
    }
    return (l->items[l->n++] = strdup(p)) != NULL;
}

static bool is_txt(const char *name)
{
    size_t n = strlen(name);
    return n > 4 && strcmp(name + n - 4, ".txt") == 0;
}

/* Adds the *.txt files under dir, recursively; false when out of memory. */
static bool add_dir(path_list *l, const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        return add_path(l, dir); /* named as unreadable when it is read */
    size_t dlen = strlen(dir);
    bool slash = dlen > 0 && dir[dlen - 1] == '/';
    bool ok = true;
    struct dirent *e;
    while (ok && (e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        size_t size = dlen + strlen(e->d_name) + 2;
        char *p = malloc(size);
        if (!p) {
            ok = false;
            break;
        }
        snprintf(p, size, "%s%s%s", dir, slash ? "" : "/", e->d_name);
        struct stat link, target;
        if (lstat(p, &link) == 0 && S_ISDIR(link.st_mode))
            ok = add_dir(l, p);
        else if (is_txt(e->d_name) && !(stat(p, &target) == 0 && S_ISDIR(target.st_mode)))
            ok = add_path(l, p);
        free(p);
    }
    closedir(d);
    return ok;
}

static int by_path(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

bool qz_cli_expand_dirs(char *const *args, size_t n, char ***paths, size_t *npaths,
                        bool *any_dir)
{
    path_list l = {0};
    bool ok = true;
    *any_dir = false;
    for (size_t i = 0; ok && i < n; i++) {
        struct stat st;
        if (strcmp(args[i], "-") == 0 || stat(args[i], &st) != 0 || !S_ISDIR(st.st_mode)) {
            ok = add_path(&l, args[i]);
            continue;
        }
        *any_dir = true;
        size_t from = l.n;
        ok = add_dir(&l, args[i]);
        if (ok && l.n > from)
            qsort(l.items + from, l.n - from, sizeof *l.items, by_path);
        if (ok && l.n == from)
            fprintf(stderr, _("qzreport: warning: %s: no *.txt file in this folder\n"), args[i]);
    }
    if (!ok) {
        qz_cli_free_paths(l.items, l.n);
        *paths = NULL;
        *npaths = 0;
        return false;
    }
    *paths = l.items;
    *npaths = l.n;
    return true;
}

void qz_cli_free_paths(char **paths, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(paths[i]);
    free(paths);
}

bool qz_cli_collect_paths(char *const *operands, size_t n, qz_path_list *out)
{
    bool any_dir;
    *out = (qz_path_list){0};
    if (!qz_cli_expand_dirs(operands, n, &out->items, &out->n, &any_dir))
        return false;
    out->cap = out->n;
    qsort(out->items, out->n, sizeof *out->items, by_path);
    return true;
}

void qz_path_list_free(qz_path_list *l)
{
    qz_cli_free_paths(l->items, l->n);
    *l = (qz_path_list){0};
}
