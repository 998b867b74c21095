/* fuzz_target.c — libFuzzer target for the target, due-date and date parser
 * (core/target.c): every entry point on a NUL-terminated copy of the input,
 * the strings it returns released, and a few invariants checked. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "core/target.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *s = malloc(size + 1);
    if (!s)
        return 0;
    memcpy(s, data, size);
    s[size] = 0;

    plan_target t[4];
    size_t n = target_parse(s, 2026, 1, t, 4);
    if (n > 4)
        abort();
    for (size_t i = 0; i < n; i++) {
        if (!t[i].unit || !t[i].text || (i && t[i].year < t[i - 1].year))
            abort();
        if ((t[i].op == TARGET_TEXT) == (t[i].has_value != 0))
            abort();
        target_release(&t[i]);
    }
    int m = target_is_measurable(s);
    if (m && !target_is_goal(s))
        abort();

    char *name = NULL, *phrase = NULL;
    int r = target_split_name(s, &name, &phrase);
    if ((r == 1) != (name != NULL && phrase != NULL))
        abort();
    free(name);
    free(phrase);

    char due[16], date[11];
    if (due_parse(s, due) == 0 && !due[0])
        abort();
    if (date_parse(s, date) == 0 && strlen(date) != 10)
        abort();
    roman_value(s, size < 8 ? size : 8);
    free(s);
    return 0;
}
