/* html_page.c — an HTML page as a libxml2 tree (html_page.h). Ownership: the page owns its
 * document and the SVG documents made for it; every string handed in is copied by libxml2. */
#include <dlfcn.h>
#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/parser.h>
#include <libxml/globals.h>
#include <libxml/uri.h>
#include <libxml/xmlIO.h>

#include "html_page.h"
#include "internal.h"

/* Readable without network or JavaScript: a measure of about 40 characters of Chinese, a
 * font stack that finds a CJK face on macOS, Windows and Linux, bordered tables. */
static const char stylesheet[] =
    "body{max-width:60em;margin:2em auto;padding:0 1em;line-height:1.6;color:#222;"
    "font-family:\"PingFang SC\",\"Hiragino Sans GB\",\"Noto Sans CJK SC\","
    "\"Source Han Sans SC\",\"Microsoft YaHei\",\"WenQuanYi Micro Hei\",sans-serif}"
    "table{border-collapse:collapse;margin:1em 0}"
    "th,td{border:1px solid #999;padding:.2em .6em;vertical-align:top}"
    "th{background:#eee}"
    ".num{text-align:right;font-variant-numeric:tabular-nums}"
    "code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.9em}";

struct qz_html_page {
    xmlDocPtr doc;
    xmlNodePtr body;
    xmlDocPtr *svgs; /* the documents of qz_html_svg_new not yet added */
    size_t nsvgs, cap_svgs;
    qz_status st;    /* the first failure, QZ_OK while there is none */
    char message[128];
};

/* ---- libxml2, loaded when the first page is made ----
 *
 * libxml2 brings ICU, liblzma and libstdc++ with it: linked, it would be loaded by every run
 * (bench/README.md measured 3 ms of a 7 ms report), while only the HTML formats use it. So
 * it is opened with dlopen by its soname (QZ_LIBXML2_SONAME, read from the installed library
 * at build time, the way src/view.c opens OpenCC), and only its headers are used at build
 * time. Every function of it this file calls is in QZ_LIBXML_FUNCS: the table qz_libxml holds
 * a pointer to each, of the type its header declares (__typeof__), filled by dlsym; the
 * macros after xml_load make the calls below go through them. xmlFree is a variable of
 * libxml2's (a pointer to its free function): dlsym gives its address, and the macro reads it
 * at each call. xmlGenericError and its kin are macros of libxml2's over __xmlGenericError()
 * and the like, which the table holds.
 *
 * Threads: qz_libxml, xml_ready and xml_why are written only inside pthread_once, and read
 * only after it has returned; xmlInitParser, which sets libxml2's global state up and is not
 * meant to run twice at once, runs there too, once per process. */
#ifndef QZ_LIBXML2_SONAME
#define QZ_LIBXML2_SONAME "libxml2.so.2"
#endif

#define QZ_LIBXML_FUNCS(X) \
    X(xmlInitParser) \
    X(xmlSetGenericErrorFunc) \
    X(xmlSetStructuredErrorFunc) \
    X(__xmlGenericError) \
    X(__xmlGenericErrorContext) \
    X(__xmlStructuredError) \
    X(__xmlStructuredErrorContext) \
    X(xmlFree) \
    X(xmlSetProp) \
    X(xmlNewDocText) \
    X(xmlAddChild) \
    X(xmlFreeNode) \
    X(xmlNewChild) \
    X(xmlParseInNodeContext) \
    X(xmlFreeNodeList) \
    X(xmlAddChildList) \
    X(xmlNewDoc) \
    X(xmlNewDocNode) \
    X(xmlFreeDoc) \
    X(xmlDocSetRootElement) \
    X(xmlNewNs) \
    X(xmlSetNs) \
    X(xmlDocGetRootElement) \
    X(xmlBufferCreate) \
    X(xmlNodeDump) \
    X(xmlBufferContent) \
    X(xmlURIEscapeStr) \
    X(xmlBufferFree) \
    X(htmlNewDocNoDtD) \
    X(xmlCreateIntSubset) \
    X(xmlStrdup) \
    X(xmlOutputBufferCreateIO) \
    X(htmlDocContentDumpFormatOutput) \
    X(xmlOutputBufferClose)

static struct {
#define X(f) __typeof__(f) *f;
    QZ_LIBXML_FUNCS(X)
#undef X
} qz_libxml;
static pthread_once_t xml_once = PTHREAD_ONCE_INIT;
static bool xml_ready;
static char xml_why[256]; /* dlerror's words when libxml2 could not be loaded */

static void xml_load(void)
{
    void *h = dlopen(QZ_LIBXML2_SONAME, RTLD_NOW | RTLD_LOCAL);
    bool all = h != NULL;
    /* POSIX: a void * from dlsym converts to a function pointer */
#define X(f) all = all && (*(void **)&qz_libxml.f = dlsym(h, #f)) != NULL;
    QZ_LIBXML_FUNCS(X)
#undef X
    if (!all) {
        const char *why = dlerror();
        snprintf(xml_why, sizeof xml_why, "%s", why ? why : "a function is missing");
        return;
    }
    qz_libxml.xmlInitParser();
    xml_ready = true;
}

/* QZ_OK once libxml2 is loaded and set up, else QZ_ERR_INTERNAL saying what to install. */
static qz_status xml_available(qz_error *err)
{
    if (pthread_once(&xml_once, xml_load) == 0 && xml_ready)
        return QZ_OK;
    return qz_fail(err, QZ_ERR_INTERNAL, NULL, 0, 0,
                   "cannot load %s (%s): %s; install the Debian package %s", "libxml2",
                   QZ_LIBXML2_SONAME, xml_why, "libxml2");
}

#define xmlInitParser (*qz_libxml.xmlInitParser)
#define xmlSetGenericErrorFunc (*qz_libxml.xmlSetGenericErrorFunc)
#define xmlSetStructuredErrorFunc (*qz_libxml.xmlSetStructuredErrorFunc)
#define __xmlGenericError (*qz_libxml.__xmlGenericError)
#define __xmlGenericErrorContext (*qz_libxml.__xmlGenericErrorContext)
#define __xmlStructuredError (*qz_libxml.__xmlStructuredError)
#define __xmlStructuredErrorContext (*qz_libxml.__xmlStructuredErrorContext)
#define xmlFree (*qz_libxml.xmlFree)
#define xmlSetProp (*qz_libxml.xmlSetProp)
#define xmlNewDocText (*qz_libxml.xmlNewDocText)
#define xmlAddChild (*qz_libxml.xmlAddChild)
#define xmlFreeNode (*qz_libxml.xmlFreeNode)
#define xmlNewChild (*qz_libxml.xmlNewChild)
#define xmlParseInNodeContext (*qz_libxml.xmlParseInNodeContext)
#define xmlFreeNodeList (*qz_libxml.xmlFreeNodeList)
#define xmlAddChildList (*qz_libxml.xmlAddChildList)
#define xmlNewDoc (*qz_libxml.xmlNewDoc)
#define xmlNewDocNode (*qz_libxml.xmlNewDocNode)
#define xmlFreeDoc (*qz_libxml.xmlFreeDoc)
#define xmlDocSetRootElement (*qz_libxml.xmlDocSetRootElement)
#define xmlNewNs (*qz_libxml.xmlNewNs)
#define xmlSetNs (*qz_libxml.xmlSetNs)
#define xmlDocGetRootElement (*qz_libxml.xmlDocGetRootElement)
#define xmlBufferCreate (*qz_libxml.xmlBufferCreate)
#define xmlNodeDump (*qz_libxml.xmlNodeDump)
#define xmlBufferContent (*qz_libxml.xmlBufferContent)
#define xmlURIEscapeStr (*qz_libxml.xmlURIEscapeStr)
#define xmlBufferFree (*qz_libxml.xmlBufferFree)
#define htmlNewDocNoDtD (*qz_libxml.htmlNewDocNoDtD)
#define xmlCreateIntSubset (*qz_libxml.xmlCreateIntSubset)
#define xmlStrdup (*qz_libxml.xmlStrdup)
#define xmlOutputBufferCreateIO (*qz_libxml.xmlOutputBufferCreateIO)
#define htmlDocContentDumpFormatOutput (*qz_libxml.htmlDocContentDumpFormatOutput)
#define xmlOutputBufferClose (*qz_libxml.xmlOutputBufferClose)

/* ---- libxml2 prints nothing ----
 * libxml2 reports its own errors (out of memory in the tree functions, a failed write, a
 * parser's complaint) through error handlers that print to stderr by default; the library
 * never prints, and tells its caller through qz_error instead. So while a function here runs,
 * the handlers are a silent one, and the caller's are put back before it returns. libxml2
 * keeps them per thread (the main thread's in its globals, each other thread's in its own
 * state), so this touches no other thread's. */

static void silent(void *ctx, const char *msg, ...)
{
    (void)ctx;
    (void)msg;
}

typedef struct {
    xmlGenericErrorFunc generic;
    void *generic_ctx;
    xmlStructuredErrorFunc structured;
    void *structured_ctx;
} handlers;

static handlers quiet(void)
{
    handlers h = {xmlGenericError, xmlGenericErrorContext, xmlStructuredError,
                  xmlStructuredErrorContext};
    xmlSetStructuredErrorFunc(NULL, NULL);
    xmlSetGenericErrorFunc(NULL, silent);
    return h;
}

static void loud(handlers h)
{
    xmlSetGenericErrorFunc(h.generic_ctx, h.generic);
    xmlSetStructuredErrorFunc(h.structured_ctx, h.structured);
}

static void *fail(qz_html_page *p, qz_status st, const char *message)
{
    if (p && p->st == QZ_OK) {
        p->st = st;
        snprintf(p->message, sizeof p->message, "%s", _(message)); /* marked N_() by callers */
    }
    return NULL;
}

static void *nomem(qz_html_page *p)
{
    return fail(p, QZ_ERR_NOMEM, N_("out of memory"));
}

/* ---- text: UTF-8 that HTML can hold ---- */

/* The length of the valid UTF-8 sequence at s[0..n) that HTML may hold, or 0. */
static size_t good_char(const unsigned char *s, size_t n)
{
    unsigned c = s[0];
    if (c < 0x80)
        return c >= 0x20 || c == '\t' || c == '\n' || c == '\r' ? 1 : 0;
    size_t len = c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3
                                          : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
    if (!len || len > n)
        return 0;
    uint32_t cp = c & (0x7f >> len);
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xc0) != 0x80)
            return 0;
        cp = cp << 6 | (s[i] & 0x3f);
    }
    if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10ffff)) ||
        (cp >= 0xd800 && cp <= 0xdfff) || cp == 0xfffe || cp == 0xffff)
        return 0;
    return len;
}

/* s[0..n) itself when every character is good (*copy NULL), else a copy (*copy, to free) with
 * U+FFFD for each bad byte; NULL when out of memory. */
static const char *clean(const char *s, size_t n, char **copy)
{
    *copy = NULL;
    size_t i = 0, k;
    while (i < n && (k = good_char((const unsigned char *)s + i, n - i)))
        i += k;
    if (i == n)
        return s;
    qz_buf b = {0};
    qz_buf_append(&b, s, i);
    while (i < n) {
        k = good_char((const unsigned char *)s + i, n - i);
        if (k)
            qz_buf_append(&b, s + i, k);
        else
            qz_buf_puts(&b, "\xef\xbf\xbd");
        i += k ? k : 1;
    }
    *copy = qz_buf_release(&b, NULL);
    return *copy;
}

/* ---- building: each public function runs its static twin between quiet() and loud() ---- */

static void set_attr(qz_html_page *p, xmlNodePtr node, const char *name, const char *value)
{
    if (!node) {
        fail(p, QZ_ERR_NOMEM, N_("out of memory"));
        return;
    }
    char *copy;
    const char *v = clean(value, strlen(value), &copy);
    if (!v || !xmlSetProp(node, (const xmlChar *)name, (const xmlChar *)v))
        nomem(p);
    free(copy);
}

static void add_text(qz_html_page *p, xmlNodePtr parent, const char *text)
{
    if (!parent) {
        fail(p, QZ_ERR_NOMEM, N_("out of memory"));
        return;
    }
    char *copy;
    const char *t = clean(text, strlen(text), &copy);
    xmlNodePtr n = t ? xmlNewDocText(p->doc, (const xmlChar *)t) : NULL;
    free(copy);
    if (!n)
        nomem(p);
    else if (!xmlAddChild(parent, n)) {
        xmlFreeNode(n);
        nomem(p);
    }
}

static xmlNodePtr add_element(qz_html_page *p, xmlNodePtr parent, const char *name,
                              const char *text)
{
    if (!parent)
        return fail(p, QZ_ERR_NOMEM, N_("out of memory"));
    /* no content here: xmlNewChild would read entities in it; the text is a node of its own */
    xmlNodePtr n = xmlNewChild(parent, NULL, (const xmlChar *)name, NULL);
    if (!n)
        return nomem(p);
    if (text)
        add_text(p, n, text);
    return n;
}

static void add_fragment(qz_html_page *p, xmlNodePtr parent, const char *html, size_t len)
{
    if (!parent) {
        fail(p, QZ_ERR_NOMEM, N_("out of memory"));
        return;
    }
    char *copy;
    const char *h = clean(html, len, &copy);
    if (!h) {
        nomem(p);
        return;
    }
    if (copy)
        len = strlen(copy);
    if (len > INT_MAX) {
        free(copy);
        fail(p, QZ_ERR_INTERNAL, N_("an HTML fragment larger than 2 GiB"));
        return;
    }
    /* the document's encoding (UTF-8) is the fragment's; libxml2 reports nothing (NOERROR,
     * NOWARNING), reads nothing from the network, and takes long text nodes (HUGE) */
    xmlNodePtr list = NULL;
    xmlParserErrors e = len ? xmlParseInNodeContext(parent, h, (int)len,
                                                    (int)HTML_PARSE_NOERROR |
                                                        (int)HTML_PARSE_NOWARNING |
                                                        (int)HTML_PARSE_NONET |
                                                        (int)XML_PARSE_HUGE,
                                                    &list)
                            : XML_ERR_OK;
    free(copy);
    if (e != XML_ERR_OK) {
        xmlFreeNodeList(list);
        if (e == XML_ERR_NO_MEMORY)
            nomem(p);
        else
            fail(p, QZ_ERR_INTERNAL, N_("libxml2 could not parse an HTML fragment"));
    } else if (list && !xmlAddChildList(parent, list)) {
        xmlFreeNodeList(list);
        nomem(p);
    }
}

xmlNodePtr qz_html_add(qz_html_page *p, xmlNodePtr parent, const char *name, const char *text)
{
    handlers h = quiet();
    xmlNodePtr n = add_element(p, parent, name, text);
    loud(h);
    return n;
}

void qz_html_add_text(qz_html_page *p, xmlNodePtr parent, const char *text)
{
    handlers h = quiet();
    add_text(p, parent, text);
    loud(h);
}

void qz_html_set(qz_html_page *p, xmlNodePtr node, const char *name, const char *value)
{
    handlers h = quiet();
    set_attr(p, node, name, value);
    loud(h);
}

void qz_html_add_fragment(qz_html_page *p, xmlNodePtr parent, const char *html, size_t len)
{
    handlers h = quiet();
    add_fragment(p, parent, html, len);
    loud(h);
}

void qz_html_table_new(qz_html_page *p, xmlNodePtr parent, qz_html_table *t,
                       const qz_html_column *columns, size_t ncolumns)
{
    handlers h = quiet();
    *t = (qz_html_table){.columns = columns, .ncolumns = ncolumns};
    t->table = add_element(p, parent, "table", NULL);
    xmlNodePtr head = t->table ? add_element(p, t->table, "thead", NULL) : NULL;
    xmlNodePtr row = head ? add_element(p, head, "tr", NULL) : NULL;
    for (size_t i = 0; row && i < ncolumns; i++) {
        xmlNodePtr th = add_element(p, row, "th", columns[i].head);
        if (th && columns[i].numeric)
            set_attr(p, th, "class", "num");
    }
    t->body = t->table ? add_element(p, t->table, "tbody", NULL) : NULL;
    loud(h);
}

void qz_html_table_row(qz_html_page *p, qz_html_table *t, const char *const *cells)
{
    handlers h = quiet();
    xmlNodePtr row = add_element(p, t->body, "tr", NULL);
    for (size_t i = 0; row && i < t->ncolumns; i++) {
        const qz_html_column *c = &t->columns[i];
        const char *cell = cells[i] ? cells[i] : "";
        xmlNodePtr td = add_element(p, row, "td", c->code || !*cell ? NULL : cell);
        if (td && c->numeric)
            set_attr(p, td, "class", "num");
        if (td && c->code && *cell)
            add_element(p, td, "code", cell);
    }
    loud(h);
}

/* ---- SVG pictures ---- */

static xmlNodePtr svg_new(qz_html_page *p, unsigned width, unsigned height)
{
    if (!QZ_GROW(p->svgs, p->cap_svgs, p->nsvgs + 1))
        return nomem(p);
    xmlDocPtr d = xmlNewDoc((const xmlChar *)"1.0");
    xmlNodePtr svg = d ? xmlNewDocNode(d, NULL, (const xmlChar *)"svg", NULL) : NULL;
    if (!svg) {
        xmlFreeDoc(d);
        return nomem(p);
    }
    xmlDocSetRootElement(d, svg);
    p->svgs[p->nsvgs++] = d;
    xmlNsPtr ns = xmlNewNs(svg, (const xmlChar *)"http://www.w3.org/2000/svg", NULL);
    if (!ns)
        return nomem(p);
    xmlSetNs(svg, ns);
    char n[64];
    snprintf(n, sizeof n, "%u", width);
    set_attr(p, svg, "width", n);
    snprintf(n, sizeof n, "%u", height);
    set_attr(p, svg, "height", n);
    snprintf(n, sizeof n, "0 0 %u %u", width, height);
    set_attr(p, svg, "viewBox", n);
    return svg;
}

static xmlNodePtr add_svg(qz_html_page *p, xmlNodePtr parent, xmlNodePtr svg, const char *alt)
{
    if (!svg)
        return fail(p, QZ_ERR_NOMEM, N_("out of memory"));
    size_t k = 0;
    while (k < p->nsvgs && p->svgs[k] != svg->doc)
        k++;
    if (k == p->nsvgs || svg != xmlDocGetRootElement(p->svgs[k]))
        return fail(p, QZ_ERR_INTERNAL, N_("an SVG picture not made by qz_html_svg_new"));
    xmlDocPtr d = p->svgs[k];
    p->svgs[k] = p->svgs[--p->nsvgs];
    /* the picture as XML, then as a URI: every byte but letters, digits and -_.!~*'() escaped
     * by libxml2's escaper */
    xmlBufferPtr xml = xmlBufferCreate();
    xmlChar *escaped = NULL;
    if (xml && xmlNodeDump(xml, d, svg, 0, 0) >= 0)
        escaped = xmlURIEscapeStr(xmlBufferContent(xml), (const xmlChar *)"");
    xmlBufferFree(xml);
    xmlFreeDoc(d);
    if (!escaped)
        return nomem(p);
    qz_buf src = {0};
    qz_buf_puts(&src, "data:image/svg+xml;charset=utf-8,");
    qz_buf_puts(&src, (const char *)escaped);
    xmlFree(escaped);
    char *uri = qz_buf_release(&src, NULL);
    if (!uri)
        return nomem(p);
    xmlNodePtr img = add_element(p, parent, "img", NULL);
    if (img) {
        set_attr(p, img, "alt", alt ? alt : "");
        set_attr(p, img, "src", uri);
    }
    free(uri);
    return img;
}

xmlNodePtr qz_html_svg_new(qz_html_page *p, unsigned width, unsigned height)
{
    handlers h = quiet();
    xmlNodePtr svg = svg_new(p, width, height);
    loud(h);
    return svg;
}

xmlNodePtr qz_html_add_svg(qz_html_page *p, xmlNodePtr parent, xmlNodePtr svg, const char *alt)
{
    handlers h = quiet();
    xmlNodePtr img = add_svg(p, parent, svg, alt);
    loud(h);
    return img;
}

/* ---- the page ---- */

static qz_status page_new(qz_html_page **out, const char *title, qz_lang lang, qz_error *err)
{
    qz_html_page *p = calloc(1, sizeof *p);
    if (!p)
        return qz_fail(err, QZ_ERR_NOMEM, NULL, 0, 0, "out of memory");
    /* no DTD of HTML 4 (htmlNewDoc's default) but <!DOCTYPE html>, HTML5's; the encoding,
     * UTF-8, is what xmlParseInNodeContext reads fragments in */
    p->doc = htmlNewDocNoDtD(NULL, NULL);
    xmlNodePtr html = p->doc ? xmlNewDocNode(p->doc, NULL, (const xmlChar *)"html", NULL) : NULL;
    if (!html || !xmlCreateIntSubset(p->doc, (const xmlChar *)"html", NULL, NULL) ||
        !(p->doc->encoding = xmlStrdup((const xmlChar *)"UTF-8"))) {
        xmlFreeNode(html);
        qz_html_page_free(p);
        return qz_fail(err, QZ_ERR_NOMEM, NULL, 0, 0, "out of memory");
    }
    xmlDocSetRootElement(p->doc, html);
    set_attr(p, html, "lang", lang == QZ_LANG_EN ? "en" : "zh-CN");
    xmlNodePtr head = add_element(p, html, "head", NULL);
    set_attr(p, add_element(p, head, "meta", NULL), "charset", "utf-8");
    add_element(p, head, "title", title ? title : "");
    set_attr(p, add_element(p, head, "style", stylesheet), "type", "text/css");
    p->body = add_element(p, html, "body", NULL);
    if (p->st != QZ_OK) {
        qz_html_page_free(p);
        return qz_fail(err, QZ_ERR_NOMEM, NULL, 0, 0, "out of memory");
    }
    *out = p;
    return QZ_OK;
}

qz_status qz_html_page_new(qz_html_page **out, const char *title, qz_lang lang, qz_error *err)
{
    *out = NULL;
    qz_status ready = xml_available(err);
    if (ready != QZ_OK)
        return ready;
    handlers h = quiet();
    qz_status st = page_new(out, title, lang, err);
    loud(h);
    return st;
}

void qz_html_page_free(qz_html_page *p)
{
    if (!p)
        return;
    for (size_t i = 0; i < p->nsvgs; i++)
        xmlFreeDoc(p->svgs[i]);
    free(p->svgs);
    xmlFreeDoc(p->doc);
    free(p);
}

xmlNodePtr qz_html_page_body(qz_html_page *p)
{
    return p ? p->body : NULL;
}

/* Where libxml2's serialiser writes: the caller's stream. A failed write is kept (its errno)
 * and the rest dropped, but never reported to libxml2, which would only print it. */
typedef struct {
    FILE *f;
    bool failed;
    int e; /* errno of the failed write (0: none given) */
} sink;

static int sink_write(void *ctx, const char *buf, int len)
{
    sink *s = ctx;
    if (!s->failed && len > 0 && !qz_write(s->f, buf, (size_t)len)) {
        s->failed = true;
        s->e = errno;
    }
    return len;
}

qz_status qz_html_page_write(qz_html_page *p, FILE *out, qz_error *err)
{
    if (p->st != QZ_OK)
        return qz_fail(err, p->st, NULL, 0, 0, QZ_VERBATIM, p->message);
    handlers h = quiet();
    sink s = {.f = out};
    /* no encoder: the tree's UTF-8 goes out as it is (the HTML serialiser escapes & < > and
     * the quotes of attributes, and leaves the Chinese text as text) */
    xmlOutputBufferPtr buf = xmlOutputBufferCreateIO(sink_write, NULL, &s, NULL);
    int rc = -1;
    if (buf) {
        errno = 0;
        htmlDocContentDumpFormatOutput(buf, p->doc, NULL, 1);
        rc = xmlOutputBufferClose(buf);
    }
    loud(h);
    if (s.failed)
        return qz_write_fail(err, s.e);
    if (rc < 0)
        return qz_fail(err, QZ_ERR_NOMEM, NULL, 0, 0, "out of memory");
    return QZ_OK;
}
