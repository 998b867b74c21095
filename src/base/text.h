/* text.h — UTF-8 text for Vietnamese documents (utf8proc underneath).
 *
 * Three forms of a string matter in dti:
 *   clean  — what is stored and shown: NFC, every run of white space (line
 *            breaks, tabs, NBSP, zero-width space) folded to one space, trimmed.
 *   fold   — what is compared: clean, lower case, tone marks and other
 *            diacritics removed, đ→d, every run of non-letters/digits → one
 *            space. "Phòng Văn hoá-Xã hội" and "phong van hoa - xa hoi" fold alike.
 *   upper1 — clean with its first letter in upper case (names in dti.plan/1).
 * Every function returning char * returns a new string the caller frees, or
 * NULL when out of memory or when the input is NULL. Invalid UTF-8 bytes are
 * replaced by U+FFFD, never passed through. */
#ifndef DTI_TEXT_H
#define DTI_TEXT_H
#include <stddef.h>

char *text_clean(const char *s);
char *text_clean_n(const char *s, size_t n);
char *text_fold(const char *s);
/* text_fold() computed the long way, for every code point through utf8proc
 * (text_fold() keeps a table of folded code points: tests compare the two). */
char *text_fold_reference(const char *s);
char *text_upper1(const char *s);
/* NFC only, white space untouched. */
char *text_nfc(const char *s);
/* Same text after folding (text_fold both, compare). */
int text_fold_eq(const char *a, const char *b);
/* Non-zero when the N bytes at S are valid UTF-8. */
int text_utf8_valid(const char *s, size_t n);
/* Non-zero when the folded form of S starts with the folded PREFIX. */
int text_fold_starts(const char *s, const char *prefix);
/* Non-zero when the folded form of S contains the folded NEEDLE as whole words. */
int text_fold_contains(const char *s, const char *needle);
/* strdup that returns NULL for NULL. */
char *text_dup(const char *s);
/* Trim ASCII white space and the characters in EXTRA from both ends, in place. */
char *text_trim(char *s, const char *extra);

#endif
