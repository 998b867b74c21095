/* lang.c — per-thread language choice. */
#include <strings.h>
#include "base/lang.h"

static _Thread_local dti_lang cur = LANG_VI;

void lang_set(dti_lang l) { cur = l; }
dti_lang lang_get(void) { return cur; }
const char *lang_pick(const char *vi, const char *en) { return cur == LANG_EN ? en : vi; }
dti_lang lang_parse(const char *s)
{
    if (s && (s[0] == 'e' || s[0] == 'E') && (s[1] == 'n' || s[1] == 'N'))
        return LANG_EN;
    return LANG_VI;
}
