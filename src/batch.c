/* batch.c — many reports on N threads, their results handed back in argument order.
 *
 * Each worker thread has its own qz_context over the one shared qz_rules (read-only once
 * loaded, see qzreport.h), takes the next report, and leaves its result in that report's slot.
 * The calling thread hands each result to `emit` in argument order as soon as it and every
 * one before it are done, so the output is byte-identical to a run on one thread whatever
 * finishes first. A worker takes report i only when i < emitted + window: at most about
 * 2 × N reports are in memory at once, never the whole batch. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

typedef struct {
    const qz_batch *b;
    pthread_mutex_t lock;
    pthread_cond_t changed;   /* a result is ready, or a slot of the window freed */
    size_t next;              /* the next report to take */
    size_t emitted;           /* reports handed to emit */
    size_t window;
    void **results;           /* per report, once done */
    bool *done;
} pool;

typedef struct {
    pool *p;
    qz_context *ctx;
    pthread_t thread;
    bool started;
} worker;

int qz_batch_jobs(const char *opt, int *jobs)
{
    if (!opt) {
        long n = sysconf(_SC_NPROCESSORS_ONLN);
        *jobs = n < 1 ? 1 : n > QZ_MAX_JOBS ? QZ_MAX_JOBS : (int)n;
        return 1;
    }
    char *end;
    long n = strtol(opt, &end, 10);
    if (*opt == '\0' || *end != '\0' || n < 1 || n > QZ_MAX_JOBS)
        return 0;
    *jobs = (int)n;
    return 1;
}

static void *work_loop(void *arg)
{
    worker *w = arg;
    pool *p = w->p;
    pthread_mutex_lock(&p->lock);
    for (;;) {
        while (p->next < p->b->n && p->next >= p->emitted + p->window)
            pthread_cond_wait(&p->changed, &p->lock);
        if (p->next >= p->b->n)
            break;
        size_t i = p->next++;
        pthread_mutex_unlock(&p->lock);
        void *result = p->b->work(p->b->arg, w->ctx, i);
        pthread_mutex_lock(&p->lock);
        p->results[i] = result;
        p->done[i] = true;
        pthread_cond_broadcast(&p->changed);
    }
    pthread_mutex_unlock(&p->lock);
    return NULL;
}

/* One thread: the same work and emit calls, in order, without threads. */
static qz_status run_alone(const qz_batch *b, qz_error *err)
{
    qz_context *ctx;
    qz_status st = qz_context_new(&ctx, b->rules, err);
    if (st != QZ_OK)
        return st;
    for (size_t i = 0; i < b->n; i++)
        b->emit(b->arg, i, b->work(b->arg, ctx, i));
    qz_cli_warnings(ctx);
    qz_context_free(ctx);
    return QZ_OK;
}

/* Prints each worker's warnings once, in worker order, skipping repeats: two threads that met
 * the same runaway pattern warn about it once. */
static void print_warnings(worker *ws, int n)
{
    for (int k = 0; k < n; k++)
        for (size_t i = 0; i < qz_context_warning_count(ws[k].ctx); i++) {
            const char *w = qz_context_warning(ws[k].ctx, i);
            bool seen = false;
            for (int j = 0; j < k && !seen; j++)
                for (size_t m = 0; m < qz_context_warning_count(ws[j].ctx) && !seen; m++)
                    seen = strcmp(w, qz_context_warning(ws[j].ctx, m)) == 0;
            if (!seen)
                fprintf(stderr, _("qzreport: warning: %s\n"), w);
        }
}

qz_status qz_batch_run(const qz_batch *b, qz_error *err)
{
    int jobs = b->jobs < 1 ? 1 : b->jobs;
    if ((size_t)jobs > b->n)
        jobs = b->n ? (int)b->n : 1;
    if (jobs == 1)
        return run_alone(b, err);
    pool p = {.b = b, .window = 2 * (size_t)jobs};
    p.results = calloc(b->n, sizeof *p.results);
    p.done = calloc(b->n, sizeof *p.done);
    worker *ws = calloc((size_t)jobs, sizeof *ws);
    if (!p.results || !p.done || !ws) {
        free(p.results);
        free(p.done);
        free(ws);
        qz_cli_nomem(err);
        return QZ_ERR_NOMEM;
    }
    pthread_mutex_init(&p.lock, NULL);
    pthread_cond_init(&p.changed, NULL);
    /* a thread that cannot start (or a context that cannot be made) leaves the work to the
     * others; with none at all, the batch runs on this thread */
    int started = 0;
    for (int k = 0; k < jobs; k++) {
        ws[k].p = &p;
        if (qz_context_new(&ws[k].ctx, b->rules, err) == QZ_OK &&
            pthread_create(&ws[k].thread, NULL, work_loop, &ws[k]) == 0) {
            ws[k].started = true;
            started++;
        }
    }
    /* hand the results on in order, while the workers go on */
    for (size_t i = 0; started && i < b->n; i++) {
        pthread_mutex_lock(&p.lock);
        while (!p.done[i])
            pthread_cond_wait(&p.changed, &p.lock);
        void *result = p.results[i];
        pthread_mutex_unlock(&p.lock);
        b->emit(b->arg, i, result);
        pthread_mutex_lock(&p.lock);
        p.emitted = i + 1;
        pthread_cond_broadcast(&p.changed);
        pthread_mutex_unlock(&p.lock);
    }
    for (int k = 0; k < jobs; k++)
        if (ws[k].started)
            pthread_join(ws[k].thread, NULL);
    print_warnings(ws, jobs);
    for (int k = 0; k < jobs; k++)
        qz_context_free(ws[k].ctx);
    pthread_cond_destroy(&p.changed);
    pthread_mutex_destroy(&p.lock);
    free(p.results);
    free(p.done);
    free(ws);
    return started ? QZ_OK : run_alone(b, err);
}

int qz_batch_to_output(const qz_batch *b, const char *path, qz_out **out, int *rc)
{
    qz_error err = {0};
    if (qz_out_open(out, path, &err) != QZ_OK)
        return qz_report_error(&err);
    if (qz_batch_run(b, &err) != QZ_OK)
        *rc = qz_report_error(&err);
    if (*rc == QZ_EXIT_OK || !path) { /* standard output keeps what was written */
        if (qz_out_commit(*out, &err) != QZ_OK)
            *rc = qz_report_error(&err);
    } else {
        qz_out_abort(*out);
    }
    return *rc;
}

void *qz_batch_load_report(void *arg, qz_context *ctx, size_t i)
{
    const qz_batch_files *f = arg;
    qz_loaded *l = calloc(1, sizeof *l);
    if (l)
        l->st = qz_report_load(&l->rep, ctx, f->paths[i], NULL, 0, f->enc, NULL, &l->err);
    return l;
}

void qz_loaded_free(qz_loaded *l)
{
    if (!l)
        return;
    qz_report_clear(&l->rep);
    free(l);
}
