/* lib.c — the library's version and the release of the buffers it hands back (qzreport.h,
 * "Ownership"), so that a program linked against libqzreport.so need not share its allocator. */
#include <stdlib.h>

#include "qzreport.h"

const char *qz_version(void)
{
    return QZ_VERSION;
}

void qz_free(void *p)
{
    free(p);
}
