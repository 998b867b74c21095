/* fuzz_calendar.c — libFuzzer target for the reporting regime read from a
 * plan's prose (import/extract_calendar.c): every rule it proposes must be
 * one core/period accepts. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "core/period.h"
#include "import/extract_calendar.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *s = malloc(size + 1);
    if (!s)
        return 0;
    memcpy(s, data, size);
    s[size] = 0;
    calendar_found f = CALENDAR_FOUND_INIT;
    dti_err e;
    if (extract_calendar_text(s, &f, &e) == DTI_OK) {
        period_regime r;
        if (f.rules.n != f.sources.n ||
            period_regime_parse((const char *const *)f.rules.v, f.rules.n, &r, &e) != DTI_OK)
            abort();
    }
    calendar_found_release(&f);
    free(s);
    return 0;
}
