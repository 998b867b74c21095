/* target.c — placeholder until the target parser lands. */
#include <stdlib.h>
#include <string.h>
#include "core/target.h"

size_t target_parse(const char *text, int default_year, int want_text, plan_target *out, size_t max)
{
    (void)text; (void)default_year; (void)want_text; (void)out; (void)max;
    return 0;
}
int target_is_measurable(const char *text) { (void)text; return 0; }
void target_release(plan_target *t)
{
    if (!t)
        return;
    free(t->unit);
    free(t->text);
    memset(t, 0, sizeof *t);
}
int due_parse(const char *text, char out[16]) { (void)text; out[0] = 0; return -1; }
int date_parse(const char *text, char out[11]) { (void)text; out[0] = 0; return -1; }
int roman_value(const char *s, size_t n) { (void)s; (void)n; return 0; }
