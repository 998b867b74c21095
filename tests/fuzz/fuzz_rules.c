/* fuzz_rules.c — libFuzzer target for the rule readers: the calendar rule
 * syntax (core/period.h) and the point-table steps/levels phrases
 * (core/rules.h). The first byte picks the reader; the rest is the text.
 * Invariants checked: a regime that reads formats back to text that reads
 * to the same regime, and listing, finding and scoring never fault. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "core/period.h"
#include "core/rules.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void fuzz_regime(const char *text)
{
    period_regime r, again;
    char out[PERIOD_REGIME_TEXT_MAX], out2[PERIOD_REGIME_TEXT_MAX];
    if (period_regime_parse_text(text, &r, NULL) != DTI_OK)
        return;
    if (period_regime_format(&r, out, sizeof out) < 0)
        return;
    if (period_regime_parse_text(out, &again, NULL) != DTI_OK)
        abort();
    if (period_regime_format(&again, out2, sizeof out2) < 0 || strcmp(out, out2) != 0)
        abort();
    period_entry list[PERIOD_LIST_MAX], e;
    size_t n = period_list(&r, 2026, list, PERIOD_LIST_MAX);
    for (size_t i = 0; i < n; i++)
        if (list[i].start > list[i].end)
            abort();
    (void)period_regime_find(&r, PERIOD_MONTH, period_days(2026, 12, 20), &e);
    (void)period_regime_find(&r, PERIOD_QUARTER, period_days(2028, 2, 29), &e);
}

static void fuzz_score_rule(const char *kind, const char *text)
{
    score_rule r;
    char d[1024];
    if (score_rule_parse(kind, text, 20, &r, NULL) != DTI_OK)
        return;
    (void)score_rule_describe(&r, d, sizeof d);
    static const double xs[] = {-1, 0, 1, 2, 3, 4, 5, 49.9, 50, 80, 100, 1e9};
    for (size_t i = 0; i < sizeof xs / sizeof xs[0]; i++) {
        score_rule_input in = {0};
        double p;
        in.x = xs[i];
        in.a = xs[i] < 0 ? 0 : xs[i];
        in.b = 50;
        in.level = (int)i % 4;
        in.given = 0.5;
        if (score_rule_points(&r, 20, &in, &p, NULL) == DTI_OK && (p < 0 || p > 20))
            abort();
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1 || size > 8192)
        return 0;
    char *text = malloc(size);
    if (!text)
        return 0;
    memcpy(text, data + 1, size - 1);
    text[size - 1] = 0;
    switch (data[0] % 4) {
    case 0: fuzz_regime(text); break;
    case 1: fuzz_score_rule(NULL, text); break;
    case 2: fuzz_score_rule("steps", text); break;
    default: fuzz_score_rule("ratio", text); break;
    }
    free(text);
    return 0;
}
