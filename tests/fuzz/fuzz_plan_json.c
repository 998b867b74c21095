/* fuzz_plan_json.c — libFuzzer target for plan_from_json (core/plan.c): the
 * dti.plan/1 JSON a coordinator's corrected import preview sends back.
 *
 * Any bytes are parsed by jansson; a JSON value goes to plan_from_json, and a
 * plan it accepts must print (plan_to_string) and read back the same way.
 * Nothing may crash or leak; errors are expected. */
#include <jansson.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "core/plan.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    json_error_t je;
    json_t *j = json_loadb((const char *)data, size, JSON_DECODE_ANY, &je);
    if (!j)
        return 0;
    plan *p = NULL;
    dti_err e;
    dti_err_clear(&e);
    if (plan_from_json(j, &p, &e) == DTI_OK) {
        if (!p)
            abort();
        char *s = plan_to_string(p);
        if (s) {
            json_t *j2 = json_loads(s, 0, &je);
            plan *q = NULL;
            if (!j2 || plan_from_json(j2, &q, &e) != DTI_OK)
                abort();   /* what dti prints, dti reads */
            char *s2 = plan_to_string(q);
            if (s2 && strcmp(s, s2) != 0)
                abort();   /* and prints the same again */
            free(s2);
            plan_free(q);
            json_decref(j2);
            free(s);
        }
        plan_free(p);
    }
    json_decref(j);
    return 0;
}
