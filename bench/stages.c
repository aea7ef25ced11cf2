/* stages.c — time each stage of the library on one report, in one process, without process
 * start or rule loading: where a report's time goes. `make bench` builds and runs it.
 * Usage: stages FILE [ROUNDS] */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "qzreport.h"

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0, k;
    char *b = malloc(cap);
    while (b && (k = fread(b + n, 1, cap - n, f)) > 0) {
        n += k;
        if (n == cap)
            b = realloc(b, cap *= 2);
    }
    fclose(f);
    *len = n;
    return b;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: stages FILE [ROUNDS]\n");
        return 2;
    }
    int rounds = argc > 2 ? atoi(argv[2]) : 1000;
    size_t len;
    char *bytes = slurp(argv[1], &len);
    qz_rules *rules;
    qz_context *ctx = NULL;
    qz_error err;
    double t0 = now();
    if (!bytes || qz_rules_new(&rules, &err) != QZ_OK ||
        qz_context_new(&ctx, rules, &err) != QZ_OK) {
        fprintf(stderr, "stages: cannot read %s or the rules\n", argv[1]);
        return 2;
    }
    double t_rules = now() - t0, t[5] = {0};
    for (int i = 0; i < rounds; i++) {
        qz_doc *doc;
        qz_outline *o;
        qz_metrics *m;
        char *out = NULL;
        size_t n = 0;
        double a = now();
        if (qz_doc_load_bytes(&doc, argv[1], bytes, len, QZ_ENC_AUTO, ctx, &err) != QZ_OK)
            return 2;
        double b = now();
        qz_outline_new(&o, doc, ctx, &err);
        double c = now();
        qz_metrics_new(&m, doc, o, ctx, &err);
        double d = now();
        qz_metrics_view v = {doc, o, m, false, false};
        FILE *f = open_memstream(&out, &n); /* the bytes in memory, as before streaming */
        if (!f || qz_metrics_render_json(&v, f, &err) != QZ_OK || fclose(f) != 0)
            return 2;
        double e = now();
        free(out);
        qz_metrics_free(m);
        qz_outline_free(o);
        qz_doc_free(doc);
        t[0] += b - a, t[1] += c - b, t[2] += d - c, t[3] += e - d, t[4] += now() - a;
    }
    printf("stages of one report (%zu bytes, mean of %d rounds in one process):\n", len, rounds);
    printf("  load rules (once, first call) %8.1f us\n", t_rules * 1e6);
    const char *names[] = {"load (decode, lines, joins)", "sections", "metrics",
                           "json rendering", "all, with frees"};
    for (int k = 0; k < 5; k++)
        printf("  %-29s %8.1f us  (%.0f MB/s)\n", names[k], t[k] / rounds * 1e6,
               (double)len / (t[k] / rounds) / 1e6);
    /* issue 9's target: a 32 KB report in 60 us of library time, about 500 MB/s */
    double per = t[4] / rounds * 1e6 * 32768.0 / (double)len;
    printf("  library time per 32 KB report: %.1f us (target <= 60 us): %s\n", per,
           per <= 60 ? "met" : "MISSED");
    qz_context_free(ctx);
    qz_rules_free(rules);
    free(bytes);
    return 0;
}
