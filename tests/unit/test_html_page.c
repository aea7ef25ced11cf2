/* test_html_page.c — the HTML page module (src/html_page.c): the page libxml2 writes parses
 * back with libxml2's HTML parser without a single complaint (what `xmllint --html --noout`
 * checks), whatever bytes its text was given; tables, fragments and SVG pictures land where
 * they are put; a failed write is QZ_ERR_IO; and nothing is ever printed. */
#define _GNU_SOURCE
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/uri.h>

#include "html_page.h"

static char *page_text(qz_html_page *page, qz_status *st)
{
    char *out = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&out, &n);
    assert_non_null(f);
    qz_error err = {0};
    *st = qz_html_page_write(page, f, &err);
    assert_int_equal(fclose(f), 0);
    return out;
}

/* libxml2's HTML parser's complaints about text, counted (xmllint --html prints each one) */
static void count_error(void *ctx, xmlErrorPtr e)
{
    (void)e;
    ++*(int *)ctx;
}

static int html_errors(const char *text)
{
    int errors = 0;
    xmlSetStructuredErrorFunc(&errors, count_error);
    htmlDocPtr d = htmlReadMemory(text, (int)strlen(text), "page.html", NULL, HTML_PARSE_NONET);
    xmlSetStructuredErrorFunc(NULL, NULL);
    assert_non_null(d);
    xmlFreeDoc(d);
    return errors;
}

static void test_page(void **state)
{
    (void)state;
    qz_html_page *page;
    qz_error err = {0};
    /* a title with markup, a control character and a byte that is not UTF-8 */
    assert_int_equal(qz_html_page_new(&page, "A <b>&</b> \x01title\xff", QZ_LANG_EN, &err), QZ_OK);
    xmlNodePtr body = qz_html_page_body(page);
    assert_non_null(body);
    qz_html_add_fragment(page, body, "<h1>Head &amp; \x0c<em>one</em></h1>\n<p>x\xc3</p>\n",
                         strlen("<h1>Head &amp; \x0c<em>one</em></h1>\n<p>x\xc3</p>\n"));
    xmlNodePtr p = qz_html_add(page, body, "p", "text <not a tag> & more");
    qz_html_set(page, p, "title", "say \"hi\" & <go>");
    qz_html_add_text(page, p, " 中文");
    const qz_html_column cols[] = {{.head = "name"}, {.head = "key", .code = true},
                                   {.head = "n", .numeric = true}};
    qz_html_table t;
    qz_html_table_new(page, body, &t, cols, 3);
    qz_html_table_row(page, &t, (const char *const[]){"会议", "meetings.total", "12"});
    qz_html_table_row(page, &t, (const char *const[]){NULL, NULL, NULL});
    xmlNodePtr svg = qz_html_svg_new(page, 120, 20);
    xmlNodePtr rect = qz_html_add(page, svg, "rect", NULL);
    qz_html_set(page, rect, "width", "60");
    qz_html_set(page, rect, "height", "20");
    qz_html_add(page, svg, "text", "十次 & <more>");
    qz_html_add_svg(page, body, svg, "bars");
    qz_html_svg_new(page, 10, 10); /* never added: freed with the page */
    qz_status st;
    char *text = page_text(page, &st);
    assert_int_equal(st, QZ_OK);
    qz_html_page_free(page);

    assert_int_equal(html_errors(text), 0);
    assert_true(strncmp(text, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
                              "<meta charset=\"utf-8\">\n", 63) == 0);
    assert_non_null(strstr(text, "<title>A &lt;b&gt;&amp;&lt;/b&gt; \xef\xbf\xbdtitle\xef\xbf\xbd</title>"));
    assert_non_null(strstr(text, "<h1>Head &amp; \xef\xbf\xbd<em>one</em>"));
    assert_non_null(strstr(text, "<p>x\xef\xbf\xbd</p>"));
    /* an attribute holding " is quoted with ' by libxml2's serialiser */
    assert_non_null(strstr(text, "<p title='say \"hi\" &amp; &lt;go&gt;'>"
                                 "text &lt;not a tag&gt; &amp; more 中文</p>"));
    assert_non_null(strstr(text, "<th class=\"num\">n</th>"));
    assert_non_null(strstr(text, "<td>会议</td>\n<td><code>meetings.total</code></td>\n"
                                 "<td class=\"num\">12</td>"));
    assert_non_null(strstr(text, "<td></td>\n<td></td>\n<td class=\"num\"></td>"));
    assert_null(strstr(text, "<svg"));

    /* the picture is an <img> whose src is the SVG document */
    const char *src = strstr(text, "<img alt=\"bars\" src=\"data:image/svg+xml;charset=utf-8,");
    assert_non_null(src);
    src = strchr(strstr(src, "src=\"") + 5, ',') + 1;
    const char *end = strchr(src, '"');
    char *svgtext = xmlURIUnescapeString(src, (int)(end - src), NULL);
    assert_non_null(svgtext);
    xmlDocPtr d = xmlReadMemory(svgtext, (int)strlen(svgtext), "bars.svg", NULL,
                                XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    assert_non_null(d);
    xmlNodePtr root = xmlDocGetRootElement(d);
    assert_string_equal((const char *)root->name, "svg");
    assert_string_equal((const char *)root->ns->href, "http://www.w3.org/2000/svg");
    assert_non_null(strstr(svgtext, "viewBox=\"0 0 120 20\""));
    assert_non_null(strstr(svgtext, "<rect width=\"60\" height=\"20\"/>"));
    assert_non_null(strstr(svgtext, "<text>十次 &amp; &lt;more&gt;</text>"));
    xmlFreeDoc(d);
    xmlFree(svgtext);
    free(text);
}

/* A page that could not be built says why and writes nothing: a NULL parent (what a failed
 * builder hands on), a fragment libxml2's HTML parser refuses. */
static void test_failures(void **state)
{
    (void)state;
    qz_html_page *page;
    qz_error err = {0};
    assert_int_equal(qz_html_page_new(&page, "t", QZ_LANG_ZH, &err), QZ_OK);
    assert_null(qz_html_add(page, NULL, "p", "x"));
    qz_status st;
    char *text = page_text(page, &st);
    assert_int_equal(st, QZ_ERR_NOMEM);
    assert_string_equal(text, "");
    free(text);
    qz_html_page_free(page);

    assert_int_equal(qz_html_page_new(&page, "t", QZ_LANG_ZH, &err), QZ_OK);
    const char bad[] = "<p>an HTML5 tag: <svg></svg></p>";
    qz_html_add_fragment(page, qz_html_page_body(page), bad, sizeof bad - 1);
    text = page_text(page, &st);
    assert_int_equal(st, QZ_ERR_INTERNAL);
    assert_string_equal(text, "");
    free(text);
    qz_html_page_free(page);
}

/* A stream that refuses bytes: QZ_ERR_IO with the system's reason, and libxml2, which would
 * print "I/O error : write error", says nothing on standard error. */
static void test_write_error(void **state)
{
    (void)state;
    FILE *full = fopen("/dev/full", "w");
    if (!full)
        skip();
    setvbuf(full, NULL, _IONBF, 0);
    qz_html_page *page;
    qz_error err = {0};
    assert_int_equal(qz_html_page_new(&page, "t", QZ_LANG_ZH, &err), QZ_OK);
    qz_html_add(page, qz_html_page_body(page), "p", "text");
    fflush(stderr);
    FILE *caught = tmpfile();
    assert_non_null(caught);
    int saved = dup(2);
    assert_true(saved >= 0);
    assert_int_equal(dup2(fileno(caught), 2), 2);
    qz_status st = qz_html_page_write(page, full, &err);
    fflush(stderr);
    dup2(saved, 2);
    close(saved);
    assert_int_equal(st, QZ_ERR_IO);
    assert_string_equal(err.message, strerror(ENOSPC));
    assert_int_equal(ftell(caught), 0);
    fseek(caught, 0, SEEK_END);
    assert_int_equal(ftell(caught), 0);
    fclose(caught);
    fclose(full);
    qz_html_page_free(page);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_page),
        cmocka_unit_test(test_failures),
        cmocka_unit_test(test_write_error),
    };
    return cmocka_run_group_tests_name("html_page", tests, NULL, NULL);
}
