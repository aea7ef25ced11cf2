/* paths.c — the files a command's operands name: a FILE as given, a DIR's *.txt files read
 * recursively, all in path order (table, fix; README.md). */
#define _DEFAULT_SOURCE /* DT_DIR, d_type */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"

static bool add_path(qz_path_list *l, const char *p)
{
    if (l->n == l->cap) {
        size_t cap = l->cap ? 2 * l->cap : 64;
        char **items = realloc(l->items, cap * sizeof *items);
        if (!items)
            return false;
        l->items = items;
        l->cap = cap;
    }
    return (l->items[l->n++] = strdup(p)) != NULL;
}

static bool ends_with_txt(const char *name)
{
    size_t n = strlen(name);
    return n > 4 && strcmp(name + n - 4, ".txt") == 0;
}

/* Adds dir's *.txt files, and those of its folders, recursively; names starting with a dot
 * are skipped. A folder that cannot be opened is added itself, to be named as unreadable when
 * it is read. */
static bool add_dir(qz_path_list *l, const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        return add_path(l, dir);
    bool ok = true;
    struct dirent *e;
    while (ok && (e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        size_t len = strlen(dir) + strlen(e->d_name) + 2;
        char *p = malloc(len);
        if (!p) {
            ok = false;
            break;
        }
        snprintf(p, len, "%s/%s", dir, e->d_name);
        struct stat st;
        if (stat(p, &st) == 0 && S_ISDIR(st.st_mode))
            ok = add_dir(l, p);
        else if (ends_with_txt(e->d_name))
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

bool qz_cli_collect_paths(char *const *operands, size_t n, qz_path_list *out)
{
    *out = (qz_path_list){0};
    bool ok = true;
    for (size_t i = 0; ok && i < n; i++) {
        struct stat st;
        ok = strcmp(operands[i], "-") != 0 && stat(operands[i], &st) == 0 &&
                     S_ISDIR(st.st_mode)
                 ? add_dir(out, operands[i])
                 : add_path(out, operands[i]);
    }
    if (!ok) {
        qz_path_list_free(out);
        return false;
    }
    qsort(out->items, out->n, sizeof *out->items, by_path);
    return true;
}

void qz_path_list_free(qz_path_list *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->items[i]);
    free(l->items);
    *l = (qz_path_list){0};
}
