/* period_span.c — a plan's stated span of years (period_span.h).
 *
 * The title is scanned byte by byte for runs of exactly four digits; a run
 * followed by a separator and a second run is a span. The separators are
 * matched on the raw UTF-8 bytes ("–" is E2 80 93, "—" E2 80 94), so no
 * folding is needed; "năm" is matched in its NFC spelling and in ASCII. */
#include <string.h>
#include "core/period_span.h"

#define YEAR_LO 1900
#define YEAR_HI 2199

/* The year of a run of exactly 4 digits at S (not preceded by a digit: the
 * caller checks), with *END after it; -1 otherwise. */
static int year_at(const char *s, const char **end)
{
    int v = 0;
    for (int i = 0; i < 4; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    if (s[4] >= '0' && s[4] <= '9')
        return -1;
    *end = s + 4;
    return v >= YEAR_LO && v <= YEAR_HI ? v : -1;
}

static const char *blanks(const char *s)
{
    while (*s == ' ' || *s == '\t' || ((unsigned char)s[0] == 0xC2 && (unsigned char)s[1] == 0xA0))
        s += *s == ' ' || *s == '\t' ? 1 : 2;
    return s;
}

/* After a separator at S (and the blanks around it), or NULL. */
static const char *separator(const char *s)
{
    static const char *const seps[] = {"-", "\xE2\x80\x93", "\xE2\x80\x94", "đến", "tới", "to", "den", "toi"};
    s = blanks(s);
    for (size_t i = 0; i < sizeof seps / sizeof seps[0]; i++) {
        size_t n = strlen(seps[i]);
        if (strncmp(s, seps[i], n) == 0)
            return blanks(s + n);
    }
    return NULL;
}

int period_span_parse(const char *text, int *from, int *to)
{
    int single = 0;
    *from = *to = 0;
    if (!text)
        return 0;
    for (const char *p = text; *p; p++) {
        const char *e, *q, *e2;
        int a, b;
        if (p > text && p[-1] >= '0' && p[-1] <= '9')
            continue;
        if ((a = year_at(p, &e)) < 0)
            continue;
        if ((q = separator(e)) && (b = year_at(q, &e2)) >= 0 && b >= a && b - a < PERIOD_SPAN_MAX_YEARS) {
            *from = a;
            *to = b;
            return 1;
        }
        if (!single) {
            /* "năm 2026": the word just before the year */
            const char *w = p;
            while (w > text && (w[-1] == ' ' || w[-1] == '\t'))
                w--;
            if ((w - text >= 4 && (strncmp(w - 4, "năm", 4) == 0 || strncmp(w - 4, "Năm", 4) == 0 ||
                                   strncmp(w - 4, "NĂM", 4) == 0)) ||
                (w - text >= 3 && strncmp(w - 3, "nam", 3) == 0))
                single = a;
        }
    }
    if (single) {
        *from = *to = single;
        return 1;
    }
    return 0;
}
