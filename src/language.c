/* language.c — the language of the command's messages (README.md, "Language"): the locale the
 * environment names, the "qzreport" catalog, and Chinese for a zh_* locale that the system does
 * not have.
 *
 * glibc's gettext takes the language from LC_MESSAGES, and from LANGUAGE (a list, such as
 * zh_CN:en) before it, except when LC_MESSAGES is exactly "C" or "POSIX", where it ignores
 * LANGUAGE and answers in English. A minimal Debian system has no locale but C, C.UTF-8 and
 * POSIX: there, LANG=zh_CN.UTF-8 makes setlocale fail, every category stays "C", and a user who
 * asked for Chinese would get English. So when the environment names a zh_* locale for
 * messages and the system cannot give it, LC_MESSAGES becomes C.UTF-8 (which is not "C", so
 * LANGUAGE counts), LC_CTYPE too when it was left in ASCII (gettext converts a translation to
 * LC_CTYPE's character set), and, when LANGUAGE is not set, it is set to the language the
 * environment named: the zh_CN catalog is used. */
#include <langinfo.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

#ifndef QZ_LOCALEDIR
#define QZ_LOCALEDIR "/usr/local/share/locale"
#endif

/* The locale the environment names for messages, in POSIX's order: LC_ALL, then LC_MESSAGES,
 * then LANG, the first that is set and not empty; NULL when none is. */
static const char *messages_locale_named(void)
{
    static const char *const vars[] = {"LC_ALL", "LC_MESSAGES", "LANG"};
    for (size_t i = 0; i < sizeof vars / sizeof vars[0]; i++) {
        const char *v = getenv(vars[i]);
        if (v && *v)
            return v;
    }
    return NULL;
}

/* Whether a locale name is Chinese: zh, zh_CN, zh_CN.UTF-8, zh_TW.Big5, zh_SG@… */
static bool is_chinese(const char *name)
{
    return name && name[0] == 'z' && name[1] == 'h' &&
           (name[2] == '\0' || name[2] == '_' || name[2] == '.' || name[2] == '@');
}

/* LANGUAGE for a Chinese locale name: its language and territory (zh_CN.UTF-8 is zh_CN), then
 * zh_CN, the one Chinese catalog, for a territory that has none of its own (zh_TW:zh_CN). */
static void language_of(const char *name, char *out, size_t size)
{
    size_t n = strcspn(name, ".@");
    if (n == 5 && strncmp(name, "zh_CN", 5) == 0)
        snprintf(out, size, "zh_CN");
    else
        snprintf(out, size, "%.*s:zh_CN", (int)(n < 32 ? n : 32), name);
}

void qz_cli_language(void)
{
    if (!setlocale(LC_ALL, "")) {
        /* a category names a locale the system lacks, and setlocale changed none: the two
         * that matter to messages may still be there */
        setlocale(LC_CTYPE, "");
        setlocale(LC_MESSAGES, "");
    }
    /* numbers are read and written the C way whatever the locale (strtod reads "96.9") */
    setlocale(LC_NUMERIC, "C");
    const char *named = messages_locale_named();
    if (is_chinese(named)) {
        const char *messages = setlocale(LC_MESSAGES, NULL);
        bool fallback = !is_chinese(messages);
        if (fallback && setlocale(LC_MESSAGES, "C.UTF-8")) {
            const char *codeset = nl_langinfo(CODESET);
            if (strcmp(codeset, "ANSI_X3.4-1968") == 0 || strcmp(codeset, "ASCII") == 0)
                setlocale(LC_CTYPE, "C.UTF-8");
        } else if (fallback) {
            named = NULL; /* no C.UTF-8 either: gettext would ignore LANGUAGE, English it is */
        }
        const char *language = getenv("LANGUAGE");
        if (named && !(language && *language)) {
            char value[64];
            language_of(named, value, sizeof value);
            setenv("LANGUAGE", value, 1);
        }
    }
    const char *dir = getenv("QZREPORT_LOCALEDIR");
    bindtextdomain(QZ_TEXTDOMAIN, dir && *dir ? dir : QZ_LOCALEDIR);
    textdomain(QZ_TEXTDOMAIN);
}
