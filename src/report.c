/* report.c — every stage of one report in one call (load → sections → metrics → checks), for
 * the CLI and `fix` alike, so that the order of the stages is written once. */
#include "internal.h"

qz_status qz_report_load_sections(qz_report *rep, qz_context *ctx, const char *source,
                                  const char *bytes, size_t len, qz_encoding enc, qz_error *err)
{
    *rep = (qz_report){0};
    qz_status st = bytes ? qz_doc_load_bytes(&rep->doc, source, bytes, len, enc, ctx, err)
                         : qz_doc_load_file(&rep->doc, source, enc, ctx, err);
    if (st == QZ_OK)
        st = qz_outline_new(&rep->outline, rep->doc, ctx, err);
    if (st != QZ_OK)
        qz_report_clear(rep);
    return st;
}

qz_status qz_report_load(qz_report *rep, qz_context *ctx, const char *source, const char *bytes,
                         size_t len, qz_encoding enc, const qz_check_options *check,
                         qz_error *err)
{
    qz_status st = qz_report_load_sections(rep, ctx, source, bytes, len, enc, err);
    if (st == QZ_OK)
        st = qz_metrics_new(&rep->metrics, rep->doc, rep->outline, ctx, err);
    if (st == QZ_OK && check)
        st = qz_check_new(&rep->check, rep->doc, rep->outline, rep->metrics, ctx, check, err);
    if (st != QZ_OK)
        qz_report_clear(rep);
    return st;
}

void qz_report_clear(qz_report *rep)
{
    qz_check_free(rep->check);
    qz_metrics_free(rep->metrics);
    qz_outline_free(rep->outline);
    qz_doc_free(rep->doc);
    *rep = (qz_report){0};
}
