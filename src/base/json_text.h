/* json_text.h — JSON text written straight into a buf, byte for byte as
 * jansson's json_dumps(..., JSON_COMPACT | JSON_SORT_KEYS) writes the same
 * values, for the hot paths where building a json_t tree only to dump it
 * costs more than the work around it (the audit entry of a report save:
 * issue 12, point 6).
 *
 * Decision. dti writes JSON with jansson everywhere else and keeps doing
 * so; these three verbs exist because the audit chain hashes a canonical
 * text that embeds the before and after images as JSON strings, and
 * jansson walks every code point of those (utf8_iterate, a callback per
 * run) to escape them a second time. The rules copied from jansson 2.14's
 * dump.c and strconv.c (the build's libjansson4):
 *   - strings: '"' and '\\' escaped with a backslash; \b \f \n \r \t by
 *     name; every other byte below 0x20 as \u00XX (upper-case hex);
 *     nothing else escaped ('/' and non-ASCII kept as is); a string that
 *     is not valid UTF-8 (jansson's utf8_check: no overlong forms, no
 *     surrogates, nothing above U+10FFFF) is refused, as json_string()
 *     refuses it;
 *   - integers: "%lld";
 *   - reals: "%.17g", then ".0" when that has neither '.' nor 'e', then
 *     the exponent's '+' and leading zeros dropped (1e+20 -> 1e20,
 *     1e-05 -> 1e-5); NaN and infinities refused (json_real() refuses
 *     them).
 * tests/unit/test_json_text.c holds each verb to jansson's own output on
 * fixed and random inputs: if a jansson upgrade ever changed its output,
 * that test fails before any audit entry could hash differently. Keys are
 * written by the caller, in sorted order. */
#ifndef DTI_JSON_TEXT_H
#define DTI_JSON_TEXT_H
#include <stddef.h>
#include "base/buf.h"

/* Append S (NUL-terminated) to B as a JSON string with its quotes: 0, or
 * -1 when S is not valid UTF-8 (B then holds a partial string: the caller
 * discards it); a failure of B itself is B's sticky error (buf_failed). */
int json_text_str(buf *b, const char *s);
/* Append the integer V. */
void json_text_int(buf *b, long long v);
/* Append the real V as jansson writes a json_real: 0, or -1 when V is NaN
 * or infinite (nothing appended). */
int json_text_real(buf *b, double v);

#endif
