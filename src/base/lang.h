/* lang.h — the language of messages, per thread: Vietnamese first, English on request.
 * The CLI sets it once from --lang; the server sets it per request from
 * Accept-Language. TR(vi, en) picks one of two literals. */
#ifndef DTI_LANG_H
#define DTI_LANG_H

typedef enum { LANG_VI = 0, LANG_EN = 1 } dti_lang;

void lang_set(dti_lang l);
dti_lang lang_get(void);
/* Parse "vi", "en", "en-US" ...; unknown gives LANG_VI. */
dti_lang lang_parse(const char *s);
const char *lang_pick(const char *vi, const char *en);
#define TR(vi, en) lang_pick((vi), (en))

#endif
