/* width.c — how many terminal columns a run of UTF-8 text takes, so that the text format can
 * put a caret under the right character of a Chinese line. East Asian wide and full-width
 * characters take two columns, combining marks and zero-width characters none, everything
 * else (a tab included) one. libc's wcwidth would do this, but its answer depends on the
 * process locale (LC_CTYPE), which a library must neither set nor rely on; so the ranges are
 * our own table. */
#include "internal.h"

typedef struct {
    uint32_t first, last; /* inclusive */
    unsigned char width;
} width_range;

/* Sorted and disjoint, for the binary search below; a code point in no range is 1 wide. The
 * wide ranges follow Unicode's East Asian Width W and F classes for the scripts and symbols a
 * report uses (Hangul Jamo, CJK radicals to CJK compatibility, CJK ideographs and their
 * extensions, Yi, Hangul syllables, vertical and small forms, full-width forms, emoji). */
static const width_range ranges[] = {
    {0x0300, 0x036F, 0},   /* combining diacritical marks */
    {0x1100, 0x115F, 2},   /* Hangul Jamo initial consonants */
    {0x200B, 0x200F, 0},   /* zero-width space, joiners, direction marks */
    {0x2E80, 0x303E, 2},   /* CJK radicals, ideographic description, CJK symbols and punctuation */
    {0x3041, 0x33FF, 2},   /* kana, bopomofo, Hangul compatibility Jamo, CJK compatibility */
    {0x3400, 0x4DBF, 2},   /* CJK extension A */
    {0x4E00, 0x9FFF, 2},   /* CJK unified ideographs */
    {0xA000, 0xA4CF, 2},   /* Yi */
    {0xAC00, 0xD7A3, 2},   /* Hangul syllables */
    {0xF900, 0xFAFF, 2},   /* CJK compatibility ideographs */
    {0xFE00, 0xFE0F, 0},   /* variation selectors */
    {0xFE30, 0xFE4F, 2},   /* CJK compatibility forms */
    {0xFF00, 0xFF60, 2},   /* full-width forms */
    {0xFFE0, 0xFFE6, 2},   /* full-width signs */
    {0x1F300, 0x1F64F, 2}, /* pictographs, emoticons */
    {0x1F900, 0x1F9FF, 2}, /* supplemental pictographs */
    {0x20000, 0x3FFFD, 2}, /* CJK extensions B and later, planes 2 and 3 */
};

static unsigned code_point_width(uint32_t cp)
{
    size_t lo = 0, hi = sizeof ranges / sizeof ranges[0];
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (cp < ranges[mid].first)
            hi = mid;
        else if (cp > ranges[mid].last)
            lo = mid + 1;
        else
            return ranges[mid].width;
    }
    return 1;
}

size_t qz_display_width(const char *s, size_t len)
{
    size_t width = 0;
    for (size_t i = 0; i < len;) {
        size_t n;
        width += code_point_width(qz_utf8_decode(s + i, len - i, &n));
        i += n;
    }
    return width;
}
