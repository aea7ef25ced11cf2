/* load.c — stage 1: bytes → UTF-8 text with LF line ends, broken lines joined and page numbers
 * dropped, plus the map from byte offsets back to the original file's lines. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "rules.h" /* and PCRE2 */

/* A header longer than this many lines is not a header: the salutation is looked for only
 * among the first lines, so that a 各位代表: deep in the text does not swallow the report. */
#define QZ_HEADER_MAX_LINES 20
/* cp_index holds the code points before every this many bytes of the text (the header says
 * 64): 6% of the text in memory, and a column never costs more than a count over as many
 * bytes */
#define QZ_CP_STRIDE 64

/* What the loader allocates: the public qz_doc first (a qz_doc * points to it), then the caches
 * that are not part of the interface (qzreport.h: only the loader makes a qz_doc). */
typedef struct {
    qz_doc pub;
    /* cp_index[k]: the code points in text[0, k * QZ_CP_STRIDE), built once loaded, so that
     * a column costs a count over at most QZ_CP_STRIDE bytes however long its line (many
     * findings on one long line stay linear), and the document never changes once loaded */
    uint32_t *cp_index;
} loaded_doc;
#define LOADED(doc) ((const loaded_doc *)(doc))

typedef qz_span line_span; /* in the normalised buffer, without the line end */

/* ---- decoding ---- */

/* Number of the original line that holds byte offset off (CRLF, LF and lone CR all end a
 * line, as the normaliser will see them). */
static size_t raw_line_of(const char *b, size_t off)
{
    size_t line = 1;
    for (size_t i = 0; i < off; i++) {
        if (b[i] == '\n')
            line++;
        else if (b[i] == '\r' && !(i + 1 < off && b[i + 1] == '\n'))
            line++;
    }
    return line;
}

/* Decodes in[0..len) from GB18030 into fresh UTF-8. QZ_ERR_ENCODING on bad input, with *bad
 * the offset of the first byte that could not be decoded. A NUL byte counts as bad: it is valid
 * in both encodings but never in a report, and it marks binary data. */
static qz_status from_gb18030(const char *in, size_t len, char **out, size_t *outlen,
                              size_t *bad)
{
    const char *nul = memchr(in, '\0', len);
    size_t limit = nul ? (size_t)(nul - in) : len;
    qz_status st = qz_iconv("UTF-8", "GB18030", in, limit, out, outlen, bad);
    if (st == QZ_OK && nul) {
        free(*out);
        *out = NULL;
        *bad = limit;
        st = QZ_ERR_ENCODING;
    }
    return st;
}

/* ---- UTF-16 (what Windows Notepad saves as "Unicode") ---- */

/* The 16-bit code unit at byte offset i. */
static unsigned utf16_unit(const unsigned char *u, size_t i, bool big)
{
    return big ? (unsigned)u[i] << 8 | u[i + 1] : (unsigned)u[i + 1] << 8 | u[i];
}

/* The original line of byte offset off in UTF-16 bytes u[0, len) that start at `from` (after
 * the BOM): LF, CRLF and lone CR end a line, as in the other encodings. */
static size_t utf16_line_of(const unsigned char *u, size_t len, size_t from, size_t off, bool big)
{
    size_t line = 1;
    for (size_t i = from; i + 1 < len && i < off; i += 2) {
        unsigned c = utf16_unit(u, i, big);
        if (c == '\n' || (c == '\r' && !(i + 3 < len && utf16_unit(u, i + 2, big) == '\n')))
            line++;
    }
    return line;
}

/* Decodes UTF-16 (enc: QZ_ENC_UTF16LE or QZ_ENC_UTF16BE; a BOM of that order is skipped)
 * through iconv. A NUL character is refused, as in the other encodings: it marks binary
 * data. */
static qz_status from_utf16(const char *source, const char *bytes, size_t len, qz_encoding enc,
                            qz_doc *doc, char **text, size_t *tlen, qz_error *err)
{
    bool big = enc == QZ_ENC_UTF16BE;
    const char *name = big ? "UTF-16BE" : "UTF-16LE";
    const unsigned char *u = (const unsigned char *)bytes;
    bool has_bom = len >= 2 && u[0] == (big ? 0xFE : 0xFF) && u[1] == (big ? 0xFF : 0xFE);
    size_t skip = has_bom ? 2 : 0, bad = len;
    for (size_t i = skip; i + 1 < len; i += 2)
        if (u[i] == 0 && u[i + 1] == 0) {
            bad = i;
            break;
        }
    qz_status st = QZ_ERR_ENCODING;
    if (bad == len) {
        st = qz_iconv("UTF-8", name, bytes + skip, bad - skip, text, tlen, &bad);
        bad += skip;
    }
    if (st == QZ_OK) {
        doc->encoding = enc;
        doc->had_bom = has_bom;
        return QZ_OK;
    }
    if (st == QZ_ERR_NOMEM)
        return qz_fail(err, st, source, 0, 0, "out of memory");
    if (st != QZ_ERR_ENCODING)
        return qz_fail(err, st, source, 0, 0, "iconv cannot convert from %s", name);
    return qz_fail(err, QZ_ERR_ENCODING, source, 0, 0, "not %s text (first bad byte at line %zu)",
                   name, utf16_line_of(u, len, skip, bad, big));
}

/* Whether bytes look like UTF-16 written without a BOM: text whose ASCII characters (line
 * ends, digits, punctuation) leave a zero byte in every other place, and mostly only there (a
 * few characters, such as 一 U+4E00, have a zero byte of their own). QZ_ENC_AUTO if not, else
 * QZ_ENC_UTF16LE or QZ_ENC_UTF16BE. */
static qz_encoding utf16_without_bom(const char *bytes, size_t len)
{
    size_t zero[2] = {0, 0}, n = len < 4096 ? len & ~(size_t)1 : 4096;
    for (size_t i = 0; i < n; i++)
        zero[i & 1] += bytes[i] == '\0';
    if (zero[1] >= 4 && zero[1] > 3 * zero[0])
        return QZ_ENC_UTF16LE;
    if (zero[0] >= 4 && zero[0] > 3 * zero[1])
        return QZ_ENC_UTF16BE;
    return QZ_ENC_AUTO;
}

/* ---- files that are not text ---- */

static bool contains(const char *hay, size_t n, const char *needle)
{
    size_t m = strlen(needle);
    for (size_t i = 0; m <= n && i <= n - m; i++)
        if (hay[i] == needle[0] && memcmp(hay + i, needle, m) == 0)
            return true;
    return false;
}

/* Writes s to b quoted for a POSIX shell when it needs to be. */
static void shell_word(qz_buf *b, const char *s)
{
    if (*s && !strpbrk(s, " \t\n'\"`$\\!*?[](){}<>|&;#~")) {
        qz_buf_puts(b, s);
        return;
    }
    qz_buf_puts(b, "'");
    for (; *s; s++)
        qz_buf_puts(b, *s == '\'' ? "'\\''" : (char[]){*s, '\0'});
    qz_buf_puts(b, "'");
}

/* The file's name with its extension replaced by ext (FILE + ext for standard input). */
static char *txt_name(const char *source, bool is_stdin, const char *ext)
{
    if (is_stdin)
        source = "FILE";
    const char *slash = strrchr(source, '/');
    const char *dot = strrchr(slash ? slash + 1 : source, '.');
    size_t keep = dot && dot != (slash ? slash + 1 : source) ? (size_t)(dot - source)
                                                             : strlen(source);
    qz_buf b = {0};
    qz_buf_append(&b, source, keep);
    qz_buf_puts(&b, ext);
    if (b.data && strcmp(b.data, source) == 0) /* x.txt, not text: never the input itself */
        qz_buf_puts(&b, ext);
    return qz_buf_release(&b, NULL);
}

/* A document format that is not text, told by its first bytes (and, for a zip archive, the
 * names of its parts, which stand in the clear): a refusal naming it and the command that turns
 * it into text, or QZ_OK when the bytes are none of these. The command names the file itself
 * (shell-quoted), and a FILE.txt beside it. */
static qz_status refuse_binary(const char *source, bool is_stdin, const char *bytes, size_t len,
                               qz_error *err)
{
    static const char ole[] = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
    bool pdf = len >= 5 && memcmp(bytes, "%PDF-", 5) == 0;
    bool zip = len >= 4 && memcmp(bytes, "PK\x03\x04", 4) == 0;
    bool doc = len >= 8 && memcmp(bytes, ole, 8) == 0;
    bool png = len >= 8 && memcmp(bytes, "\x89PNG\r\n\x1A\n", 8) == 0;
    bool jpeg = len >= 3 && memcmp(bytes, "\xFF\xD8\xFF", 3) == 0;
    if (!pdf && !zip && !doc && !png && !jpeg)
        return QZ_OK;
    const char *in_name = is_stdin ? (pdf ? "FILE.pdf" : zip ? "FILE.docx" : doc ? "FILE.doc"
                                                                             : "FILE.png")
                                   : source;
    char *out_name = txt_name(source, is_stdin, ".txt");
    qz_buf in = {0}, out = {0};
    shell_word(&in, in_name);
    shell_word(&out, out_name ? out_name : "FILE.txt");
    free(out_name);
    const char *i = in.data ? in.data : "", *o = out.data ? out.data : "";
    /* the parts of an Office Open XML or OpenDocument file, near the start of the archive */
    size_t head = len < 65536 ? len : 65536;
    bool word = zip && contains(bytes, head, "word/");
    bool odt = zip && contains(bytes, head, "application/vnd.oasis.opendocument.text");
    qz_status st;
    if (pdf)
        st = qz_fail(err, QZ_ERR_ENCODING, source, 0, 0,
                     "a PDF file, not text: convert it first, e.g. pdftotext -layout %s %s", i, o);
    else if (word)
        st = qz_fail(err, QZ_ERR_ENCODING, source, 0, 0,
                     "a Word document (.docx), not text: convert it first, e.g. pandoc -t plain "
                     "%s -o %s (or libreoffice --headless --convert-to txt:Text %s)", i, o, i);
    else if (odt)
        st = qz_fail(err, QZ_ERR_ENCODING, source, 0, 0,
                     "an OpenDocument text (.odt), not text: convert it first, e.g. pandoc -t "
                     "plain %s -o %s (or libreoffice --headless --convert-to txt:Text %s)", i, o,
                     i);
    else if (zip)
        st = qz_fail(err, QZ_ERR_ENCODING, source, 0, 0,
                     "a zip archive, not text: unpack it first (unzip %s), or convert it if it "
                     "is an office document", i);
    else if (doc)
        st = qz_fail(err, QZ_ERR_ENCODING, source, 0, 0,
                     "a Word 97-2003 document (.doc) or another old Office file, not text: "
                     "convert it first, e.g. libreoffice --headless --convert-to txt:Text %s", i);
    else
        st = qz_fail(err, QZ_ERR_ENCODING, source, 0, 0,
                     "a %s image, not text: read its text with OCR first, e.g. tesseract %s - "
                     "-l chi_sim > %s", png ? "PNG" : "JPEG", i, o);
    qz_buf_free(&in);
    qz_buf_free(&out);
    return st;
}

/* Whether s is valid UTF-8 (RFC 3629: no overlong forms, no surrogates, nothing past
 * U+10FFFF) and free of NUL; *bad gets the offset of the first bad byte. PCRE2 checks a whole
 * subject before matching in UTF mode, several times faster than a UTF-8 to UTF-8 pass through
 * iconv, so the empty pattern is matched once for its check. */
static qz_status utf8_check(const char *s, size_t len, bool *valid, size_t *bad)
{
    int code;
    PCRE2_SIZE at;
    pcre2_code *re = pcre2_compile((PCRE2_SPTR) "", 0, PCRE2_UTF, &code, &at, NULL);
    pcre2_match_data *md = re ? pcre2_match_data_create(1, NULL) : NULL;
    if (!md) {
        pcre2_code_free(re);
        return QZ_ERR_NOMEM;
    }
    int rc = pcre2_match(re, (PCRE2_SPTR)s, len, 0, 0, md, NULL);
    qz_status st = QZ_OK;
    if (rc >= 0) {
        const char *nul = memchr(s, '\0', len);
        *valid = !nul;
        *bad = nul ? (size_t)(nul - s) : 0;
    } else if (rc <= PCRE2_ERROR_UTF8_ERR1 && rc >= PCRE2_ERROR_UTF8_ERR21) {
        *valid = false;
        *bad = pcre2_get_startchar(md);
    } else {
        st = QZ_ERR_INTERNAL;
    }
    pcre2_match_data_free(md);
    pcre2_code_free(re);
    return st;
}

/* Decodes bytes into *text (malloc'd). When *own holds the bytes themselves (a buffer the
 * loader may reuse), valid UTF-8 is kept in place rather than copied, and *own becomes NULL. */
static qz_status decode_text(const char *source, const char *bytes, size_t len, char **own,
                             qz_encoding want, qz_doc *doc, char **text, size_t *tlen,
                             qz_error *err)
{
    static const char bom[] = "\xEF\xBB\xBF";
    bool has_bom = len >= 3 && memcmp(bytes, bom, 3) == 0;
    size_t bad_utf8 = 0, bad_gb = 0;
    qz_status st = QZ_OK;
    /* UTF-16 with a BOM (Notepad's "Unicode", "Unicode big endian") is told by the BOM */
    const unsigned char *u = (const unsigned char *)bytes;
    if (want == QZ_ENC_AUTO && len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) ||
                                            (u[0] == 0xFE && u[1] == 0xFF)))
        want = u[0] == 0xFF ? QZ_ENC_UTF16LE : QZ_ENC_UTF16BE;
    if (want == QZ_ENC_UTF16LE || want == QZ_ENC_UTF16BE)
        return from_utf16(source, bytes, len, want, doc, text, tlen, err);
    if (want != QZ_ENC_GB18030) {
        size_t skip = has_bom ? 3 : 0;
        bool valid;
        st = utf8_check(bytes + skip, len - skip, &valid, &bad_utf8);
        if (st == QZ_OK && valid) {
            if (*own) { /* the bytes are the text: no second copy of the input */
                *text = *own;
                *own = NULL;
                memmove(*text, *text + skip, len - skip);
            } else {
                *text = malloc(len - skip + 1);
                if (!*text)
                    return qz_fail(err, QZ_ERR_NOMEM, source, 0, 0, "out of memory");
                memcpy(*text, bytes + skip, len - skip);
            }
            (*text)[len - skip] = '\0';
            *tlen = len - skip;
            doc->encoding = QZ_ENC_UTF8;
            doc->had_bom = has_bom;
            return QZ_OK;
        }
        bad_utf8 += skip;
    }
    if (st == QZ_OK && want != QZ_ENC_UTF8 && !(want == QZ_ENC_AUTO && has_bom)) {
        st = from_gb18030(bytes, len, text, tlen, &bad_gb);
        if (st == QZ_OK) {
            doc->encoding = QZ_ENC_GB18030;
            return QZ_OK;
        }
        if (st == QZ_ERR_ENCODING)
            st = QZ_OK; /* reported below, with the UTF-8 attempt's stopping point */
    }
    if (st == QZ_ERR_NOMEM)
        return qz_fail(err, st, source, 0, 0, "out of memory");
    if (st != QZ_OK)
        return qz_fail(err, st, source, 0, 0, "iconv cannot convert from %s",
                       want == QZ_ENC_UTF8 ? "UTF-8" : "GB18030");
    /* The decoder that got further is the likelier intent, so its stopping point is the byte
     * worth showing. */
    size_t line = raw_line_of(bytes, bad_utf8 > bad_gb ? bad_utf8 : bad_gb);
    if (want == QZ_ENC_UTF8)
        return qz_fail(err, QZ_ERR_ENCODING, source, 0, 0,
                       "not UTF-8 text (first bad byte at line %zu)", line);
    if (want == QZ_ENC_GB18030)
        return qz_fail(err, QZ_ERR_ENCODING, source, 0, 0,
                       "not GB18030 text (first bad byte at line %zu)", line);
    qz_encoding wide = utf16_without_bom(bytes, len);
    if (wide != QZ_ENC_AUTO) {
        const char *name = wide == QZ_ENC_UTF16LE ? "UTF-16LE" : "UTF-16BE";
        bool is_stdin = strcmp(source, "<stdin>") == 0;
        char *out = txt_name(source, is_stdin, "-utf8.txt");
        qz_buf i = {0}, o = {0};
        shell_word(&i, is_stdin ? "FILE.txt" : source);
        shell_word(&o, out ? out : "FILE-utf8.txt");
        free(out);
        qz_status st = qz_fail(err, QZ_ERR_ENCODING, source, 0, 0,
                               "not UTF-8 or GB18030 text: it looks like %s without a byte-order "
                               "mark; convert it first, e.g. iconv -f %s -t UTF-8 %s > %s", name,
                               name, i.data ? i.data : "", o.data ? o.data : "");
        qz_buf_free(&i);
        qz_buf_free(&o);
        return st;
    }
    return qz_fail(err, QZ_ERR_ENCODING, source, 0, 0,
                   "not UTF-8 or GB18030 text (first bad byte at line %zu)", line);
}

/* ---- lines ---- */

/* CRLF and lone CR become LF, in place; returns the new length. Each CRLF's position in the
 * result is recorded in doc->cr_at, to map offsets back to the source. */
static qz_status normalise_newlines(qz_doc *doc, char *t, size_t *len)
{
    /* up to the first CR nothing moves (and a text without one is left as it is) */
    const char *cr = memchr(t, '\r', *len);
    size_t w = cr ? (size_t)(cr - t) : *len, cap = 0;
    for (size_t r = w; r < *len; r++) {
        if (t[r] != '\r') {
            t[w++] = t[r];
            continue;
        }
        doc->had_cr = true;
        if (r + 1 < *len && t[r + 1] == '\n') {
            r++;
            if (!QZ_GROW(doc->cr_at, cap, doc->ncr + 1))
                return QZ_ERR_NOMEM;
            doc->cr_at[doc->ncr++] = w;
        }
        t[w++] = '\n';
    }
    t[w] = '\0';
    *len = w;
    return QZ_OK;
}

static bool line_blank(const char *t, line_span l)
{
    return qz_skip_space(t + l.start, l.len) == l.len;
}

static bool matches_any(qz_context *cx, const qz_pattern_list *list, const char *s,
                        size_t len)
{
    qz_match m;
    return qz_pattern_list_match(cx, list, s, len, &m) != NULL;
}

/* What the rules say of a line's start, asked once: joining asks it of each line twice (as
 * the line before a break and as the one after), the header once more. */
typedef struct {
    bool known, table_known;
    bool table_row;  /* a row of a table copied as text (its trailing spaces aside) */
    bool starts;     /* it opens with a heading marker or is a part title */
    bool standalone; /* a heading on a line of its own: a part title, or a heading marker with
                        no 。 after it (a run-in heading carries its body after the 。) */
} line_kind;

static const line_kind *kind_of(qz_context *cx, const char *t, line_span l, line_kind *k)
{
    if (k->known)
        return k;
    size_t sk = qz_skip_space(t + l.start, l.len);
    const char *s = t + l.start + sk;
    size_t len = l.len - sk;
    qz_heading_match h;
    bool part = qz_line_part_title(cx, s, len) != QZ_TITLE_NONE;
    bool heading = !part && qz_line_heading(cx, s, len, &h);
    k->starts = part || heading;
    k->standalone = part || (heading && qz_find_period(s, len) >= qz_trim_title_end(s, len));
    k->known = true;
    return k;
}

/* Whether line l is a table row (table_row), asked once per line. */
static bool table_row_of(qz_context *cx, const char *t, line_span l, line_kind *k)
{
    if (!k->table_known) {
        size_t len = l.len - qz_trim_space_end(t + l.start, l.len);
        k->table_row = qz_line_table_row(cx, t + l.start, len);
        k->table_known = true;
    }
    return k->table_row;
}

/* Whether a line looks like a header line: a date, a title or the speaker (or, with
 * blank_too, empty). */
static bool header_like(qz_context *cx, const char *t, line_span l, bool blank_too)
{
    size_t sk = qz_skip_space(t + l.start, l.len);
    const char *s = t + l.start + sk;
    size_t len = l.len - sk;
    const qz_rules *r = cx->rules;
    if (len == 0)
        return blank_too;
    return matches_any(cx, &r->date, s, len) || matches_any(cx, &r->title, s, len) ||
           matches_any(cx, &r->speaker, s, len);
}

/* Lines [0, result) are the header: up to the salutation (各位代表:) when one stands among the
 * first lines; otherwise the leading lines that look like header lines (a date, a title, the
 * speaker), and a line between two of them. */
static size_t header_lines(qz_context *cx, const char *t, const line_span *lines, size_t n,
                           line_kind *kinds)
{
    size_t limit = n < QZ_HEADER_MAX_LINES ? n : QZ_HEADER_MAX_LINES;
    for (size_t i = 0; i < limit; i++) {
        size_t sk = qz_skip_space(t + lines[i].start, lines[i].len);
        const char *s = t + lines[i].start + sk;
        size_t len = lines[i].len - sk;
        if (matches_any(cx, &cx->rules->salutation, s, len))
            return i + 1;
        if (kind_of(cx, t, lines[i], &kinds[i])->standalone)
            break;
    }
    size_t i = 0;
    while (i < limit) {
        if (!header_like(cx, t, lines[i], true) &&
            /* the second half of a header line broken by copying (——2024年1月10日在…大会 /
             * 第四次会议上) lies between two header lines: it is one too, and is never joined
             * to the speaker's line after it */
            !(i > 0 && i + 1 < limit && header_like(cx, t, lines[i + 1], false)))
            break;
        i++;
    }
    return i;
}

/* The header's title line (…工作报告), trimmed; len 0 when the header has none. */
static line_span header_title(qz_context *cx, const char *t, const line_span *lines,
                              size_t header_end)
{
    for (size_t i = 0; i < header_end; i++) {
        line_span l = qz_trim_span(t, lines[i]);
        if (l.len && matches_any(cx, &cx->rules->title, t + l.start, l.len))
            return l;
    }
    return (line_span){0, 0};
}

/* Which lines are page furniture that copying a PDF left in the text: a page number
 * (page_furniture in data/outline.yaml) or the header's title line repeated as a running
 * header. Header lines never are. NULL when out of memory. */
static bool *page_furniture(qz_context *cx, const char *t, const line_span *lines, size_t n,
                            size_t header_end)
{
    bool *drop = calloc(n ? n : 1, sizeof *drop);
    if (!drop)
        return NULL;
    line_span title = header_title(cx, t, lines, header_end);
    for (size_t i = header_end; i < n; i++) {
        line_span l = qz_trim_span(t, lines[i]);
        if (l.len == 0)
            continue;
        drop[i] = (title.len && l.len == title.len &&
                   memcmp(t + l.start, t + title.start, l.len) == 0) ||
                  matches_any(cx, &cx->rules->page_furniture, t + l.start, l.len);
    }
    return drop;
}

/* Whether line i was broken mid-sentence and continues on line `next` (i + 1, or the first
 * line after the page furniture that follows i). */
static bool broken_after(qz_context *cx, const char *t, const line_span *lines, size_t n,
                         size_t i, size_t next, size_t header_end, line_kind *kinds)
{
    if (i < header_end || next >= n)
        return false;
    line_span a = lines[i], b = lines[next];
    if (line_blank(t, a) || line_blank(t, b))
        return false;
    if (kind_of(cx, t, a, &kinds[i])->standalone || kind_of(cx, t, b, &kinds[next])->starts)
        return false;
    /* a label over a table (【决定任免篇】) is not the first cell of its first row */
    if (table_row_of(cx, t, b, &kinds[next]))
        return false;
    /* a line is complete when it ends a sentence, or is a table's row, whatever its end
     * (asked last: the search for a cell separator stops at every full-width mark, whose
     * UTF-8 starts like ｜'s) */
    size_t alen = a.len - qz_trim_space_end(t + a.start, a.len);
    return !qz_line_ends_sentence(cx, t + a.start, alen) && !table_row_of(cx, t, a, &kinds[i]);
}

static bool add_repair(qz_doc *doc, size_t *cap, qz_repair_kind kind, size_t line, size_t at,
                       size_t removed)
{
    if (!QZ_GROW(doc->repairs, *cap, doc->nrepairs + 1))
        return false;
    const qz_repair *last = doc->nrepairs ? &doc->repairs[doc->nrepairs - 1] : NULL;
    size_t before = last ? last->removed_before + last->removed : 0;
    doc->repairs[doc->nrepairs++] = (qz_repair){kind, line, at, removed, before};
    return true;
}

/* The lines as the rules judge them: the decoded text, or its conversion to simplified
 * script when it is written in traditional script (same lines, same characters), so that
 * 過去一年的主要工作 is a part title as 过去一年的主要工作 is. */
typedef struct {
    const char *t;
    const line_span *lines;
} judged;

/* Appends the first len bytes of line l to out at *w (the text and its conversion are
 * assembled by the same steps); with no out, the text is still t itself up to *w. */
static void put_line(char *out, size_t *w, const char *t, line_span l, size_t len)
{
    if (out)
        memcpy(out + *w, t + l.start, len);
    *w += len;
}

/* The text parts from t at w, where the first repair is: from here on it is a copy. */
static bool start_copy(qz_doc *doc, const char *t, size_t tlen, size_t w)
{
    if (doc->text)
        return true;
    if (!(doc->text = malloc(tlen + 1)))
        return false;
    memcpy(doc->text, t, w);
    return true;
}

/* Copies the lines into the document text, dropping the line end (and trailing spaces) of each
 * broken line and every page-furniture line with its line end, and records each original
 * line's start (a dropped line starts where the text after it does). When the text was
 * converted (conv), the conversion is joined the same way into *jconv, for the match view.
 * A text with nothing to repair is t as it is: doc->text stays NULL then, and no copy is
 * made. */
static qz_status assemble(qz_doc *doc, const char *t, size_t tlen, const line_span *lines,
                          size_t n, const judged *conv, size_t clen, char **jconv,
                          size_t *jclen, qz_context *cx)
{
    doc->line_start = malloc((n ? n : 1) * sizeof *doc->line_start);
    char *jc = conv ? malloc(clen + 1) : NULL;
    *jconv = jc;
    if (!doc->line_start || (conv && !jc))
        return QZ_ERR_NOMEM;
    const char *jt = conv ? conv->t : t;
    const line_span *jl = conv ? conv->lines : lines;
    line_kind *kinds = cx ? calloc(n ? n : 1, sizeof *kinds) : NULL;
    if (cx && !kinds)
        return QZ_ERR_NOMEM;
    size_t header_end = cx ? header_lines(cx, jt, jl, n, kinds) : 0;
    doc->header_lines = header_end;
    bool *drop = cx ? page_furniture(cx, jt, jl, n, header_end) : NULL;
    if (cx && !drop) {
        free(kinds);
        return QZ_ERR_NOMEM;
    }
    size_t cap = 0, w = 0, cw = 0;
    bool ok = true;
    for (size_t i = 0; ok && i < n; i++) {
        doc->line_start[i] = w;
        bool has_end = lines[i].start + lines[i].len < tlen;
        if (drop && drop[i]) {
            ok = start_copy(doc, t, tlen, w) &&
                 add_repair(doc, &cap, QZ_REPAIR_PAGE_NUMBER, i + 1, w, lines[i].len + has_end);
            continue;
        }
        size_t next = i + 1;
        while (drop && next < n && drop[next])
            next++;
        bool join = cx && broken_after(cx, jt, jl, n, i, next, header_end, kinds);
        if (join && !start_copy(doc, t, tlen, w)) {
            ok = false;
            break;
        }
        size_t trailing = join ? qz_trim_space_end(t + lines[i].start, lines[i].len) : 0;
        put_line(doc->text, &w, t, lines[i], lines[i].len - trailing);
        if (jc) /* trailing spaces are the same characters in the conversion */
            put_line(jc, &cw, conv->t, jl[i], jl[i].len - trailing);
        if (join) {
            ok = add_repair(doc, &cap, QZ_REPAIR_JOINED, i + 1, w, trailing + 1);
        } else if (has_end) {
            if (doc->text)
                doc->text[w] = '\n';
            w++;
            if (jc)
                jc[cw++] = '\n';
        }
    }
    free(drop);
    free(kinds);
    if (!ok)
        return QZ_ERR_NOMEM;
    if (doc->text)
        doc->text[w] = '\0';
    doc->len = w;
    doc->nlines = n;
    if (jc) {
        jc[cw] = '\0';
        *jclen = cw;
    }
    return QZ_OK;
}

/* The code points before every QZ_CP_STRIDE-th byte of the text: qz_doc_position counts from
 * there (the text is at most 1.5 times QZ_MAX_INPUT_BYTES, GB18030 grown into UTF-8, so the
 * counts fit 32 bits). */
static bool index_code_points(loaded_doc *ld)
{
    const qz_doc *doc = &ld->pub;
    size_t n = doc->len / QZ_CP_STRIDE + 1;
    ld->cp_index = malloc(n * sizeof *ld->cp_index);
    if (!ld->cp_index)
        return false;
    size_t count = 0;
    for (size_t k = 0; k < n; k++) {
        ld->cp_index[k] = (uint32_t)count;
        size_t from = k * QZ_CP_STRIDE;
        size_t to = from + QZ_CP_STRIDE < doc->len ? from + QZ_CP_STRIDE : doc->len;
        count += qz_utf8_count(doc->text + from, to - from);
    }
    return true;
}

/* qz_doc_load_bytes, where *own may hold the bytes for the loader to reuse (see decode_text). */
static qz_status load(qz_doc **out, const char *source, const char *bytes, size_t len,
                      char **own, qz_encoding encoding, qz_context *ctx, qz_error *err)
{
    *out = NULL;
    qz_context_begin_doc(ctx);
    const char *name = source && strcmp(source, "-") != 0 ? source : "<stdin>";
    if (len > QZ_MAX_INPUT_BYTES)
        return qz_fail(err, QZ_ERR_LIMIT, name, 0, 0, "larger than the limit of %zu MiB",
                       QZ_MAX_INPUT_BYTES >> 20);
    loaded_doc *ld = calloc(1, sizeof *ld);
    qz_doc *doc = ld ? &ld->pub : NULL;
    if (!doc || !(doc->source = strdup(name))) {
        free(ld);
        return qz_fail(err, QZ_ERR_NOMEM, name, 0, 0, "out of memory");
    }
    char *t = NULL;
    size_t tlen = 0;
    qz_status st = refuse_binary(name, strcmp(name, "<stdin>") == 0, bytes, len, err);
    if (st == QZ_OK)
        st = decode_text(name, bytes, len, own, encoding, doc, &t, &tlen, err);
    if (st != QZ_OK) {
        qz_doc_free(doc);
        return st;
    }
    /* doc->src is the text as decoded: a copy of its own only when CRs are to be normalised in
     * t; otherwise t itself, kept once the text is assembled from it (below) */
    bool cr = memchr(t, '\r', tlen) != NULL;
    if (cr && (doc->src = malloc(tlen + 1))) {
        memcpy(doc->src, t, tlen + 1);
        doc->src_len = tlen;
    }
    st = !cr || doc->src ? normalise_newlines(doc, t, &tlen) : QZ_ERR_NOMEM;
    line_span *lines = NULL, *clines = NULL;
    size_t n = 0, cn = 0;
    if (st == QZ_OK)
        st = qz_split_lines(t, tlen, &lines, &n);
    char *conv = NULL, *jconv = NULL;
    size_t clen = 0, jclen = 0;
    qz_status vst = st == QZ_OK ? qz_view_simplify(ctx, t, tlen, name, &conv, &clen, err)
                                : QZ_OK;
    if (vst != QZ_OK) {
        free(lines);
        free(t);
        qz_doc_free(doc);
        return vst;
    }
    if (st == QZ_OK && conv)
        st = qz_split_lines(conv, clen, &clines, &cn);
    if (st == QZ_OK && conv && cn != n)
        st = QZ_ERR_INTERNAL; /* cannot happen: the conversion keeps every character */
    judged j = {conv, clines};
    if (st == QZ_OK)
        st = assemble(doc, t, tlen, lines, n, conv ? &j : NULL, clen, &jconv, &jclen, ctx);
    if (st == QZ_OK) {
        if (!doc->had_cr) { /* t is the text as decoded */
            doc->src = t;
            doc->src_len = tlen;
        }
        if (!doc->text) /* nothing was repaired: t is the text too, one copy serves both */
            doc->text = t;
        if (doc->src == t || doc->text == t)
            t = NULL;
    }
    free(lines);
    free(clines);
    free(conv);
    free(t);
    if (st != QZ_OK) {
        free(jconv);
        qz_doc_free(doc);
        return st == QZ_ERR_NOMEM ? qz_fail(err, st, name, 0, 0, "out of memory")
                                  : qz_fail(err, st, name, 0, 0, "internal error in loading");
    }
    st = qz_view_build(doc, ctx, jconv, jclen, err);
    free(jconv);
    if (st == QZ_OK && !index_code_points(ld))
        st = qz_fail(err, QZ_ERR_NOMEM, name, 0, 0, "out of memory");
    if (st != QZ_OK) {
        qz_doc_free(doc);
        return st;
    }
    *out = doc;
    return QZ_OK;
}

qz_status qz_doc_load_bytes(qz_doc **out, const char *source, const char *bytes, size_t len,
                            qz_encoding encoding, qz_context *ctx, qz_error *err)
{
    char *own = NULL; /* the caller's bytes: copied */
    return load(out, source, bytes, len, &own, encoding, ctx, err);
}

qz_status qz_doc_load_file(qz_doc **out, const char *path, qz_encoding encoding,
                           qz_context *ctx, qz_error *err)
{
    *out = NULL;
    char *bytes = NULL;
    size_t len = 0;
    qz_status st = qz_file_read(path, &bytes, &len, err);
    if (st != QZ_OK)
        return st;
    st = load(out, path, bytes, len, &bytes, encoding, ctx, err); /* may keep the bytes */
    free(bytes);
    return st;
}

void qz_doc_free(qz_doc *doc)
{
    if (!doc)
        return;
    free(doc->source);
    if (doc->view != doc->text)
        free(doc->view);
    free(doc->folds);
    if (doc->src != doc->text)
        free(doc->src);
    free(doc->text);
    free(doc->line_start);
    free(doc->repairs);
    free(doc->cr_at);
    free(LOADED(doc)->cp_index);
    free(doc);
}

size_t qz_doc_line(const qz_doc *doc, size_t offset)
{
    if (doc->nlines == 0)
        return 1;
    size_t lo = 0, hi = doc->nlines; /* find the last line whose start <= offset */
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (doc->line_start[mid] <= offset)
            lo = mid;
        else
            hi = mid;
    }
    return lo + 1;
}

/* The code points in doc->text[0, offset), from the index and at most one stride. */
static size_t code_points_before(const qz_doc *doc, size_t offset)
{
    size_t k = offset / QZ_CP_STRIDE;
    return LOADED(doc)->cp_index[k] +
           qz_utf8_count(doc->text + k * QZ_CP_STRIDE, offset - k * QZ_CP_STRIDE);
}

/* Only reads doc: it once kept the last position asked for in the document (a cache written
 * through the const pointer), which two threads reading one document would race on. */
void qz_doc_position(const qz_doc *doc, size_t offset, size_t *line, size_t *column)
{
    if (offset > doc->len)
        offset = doc->len;
    size_t l = qz_doc_line(doc, offset);
    size_t start = doc->nlines ? doc->line_start[l - 1] : 0;
    if (offset - start <= 2 * QZ_CP_STRIDE || !LOADED(doc)->cp_index)
        *column = 1 + qz_utf8_count(doc->text + start, offset - start);
    else
        *column = 1 + code_points_before(doc, offset) - code_points_before(doc, start);
    *line = l;
}

void qz_doc_span_end(const qz_doc *doc, size_t start, size_t end, size_t *line, size_t *column)
{
    if (end <= start || doc->text[end - 1] == '\n') {
        qz_doc_position(doc, end, line, column);
        return;
    }
    qz_doc_position(doc, qz_utf8_prev(doc->text, end), line, column);
    *column += 1;
}

void qz_doc_line_bounds(const qz_doc *doc, size_t line, size_t *start, size_t *end)
{
    size_t s = doc->nlines ? doc->line_start[line - 1] : 0;
    size_t limit = line < doc->nlines ? doc->line_start[line] : doc->len;
    const char *nl = memchr(doc->text + s, '\n', limit - s);
    *start = s;
    *end = nl ? (size_t)(nl - doc->text) : limit;
}

size_t qz_doc_source_offset(const qz_doc *doc, size_t offset)
{
    size_t lo = 0, hi = doc->nrepairs; /* repairs at or before offset: [0, lo) */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (doc->repairs[mid].offset <= offset)
            lo = mid + 1;
        else
            hi = mid;
    }
    size_t norm = offset;
    if (lo)
        norm += doc->repairs[lo - 1].removed_before + doc->repairs[lo - 1].removed;
    lo = 0, hi = doc->ncr; /* CRLFs before norm: the first index with cr_at >= norm */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (doc->cr_at[mid] < norm)
            lo = mid + 1;
        else
            hi = mid;
    }
    return norm + lo;
}

const char *qz_encoding_name(qz_encoding enc)
{
    switch (enc) {
    case QZ_ENC_UTF8:
        return "utf-8";
    case QZ_ENC_GB18030:
        return "gb18030";
    case QZ_ENC_UTF16LE:
        return "utf-16le";
    case QZ_ENC_UTF16BE:
        return "utf-16be";
    default:
        return "auto";
    }
}

bool qz_encoding_parse(const char *name, qz_encoding *out)
{
    static const struct {
        const char *name;
        qz_encoding enc;
    } names[] = {{"auto", QZ_ENC_AUTO},       {"utf-8", QZ_ENC_UTF8}, {"utf8", QZ_ENC_UTF8},
                 {"gb18030", QZ_ENC_GB18030}, {"gbk", QZ_ENC_GB18030}, {"gb2312", QZ_ENC_GB18030}};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        if (strcasecmp(name, names[i].name) == 0) {
            *out = names[i].enc;
            return true;
        }
    }
    return false;
}
