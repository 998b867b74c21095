/* fuzz_num.c — libFuzzer target for the number parser (base/num.c): every
 * value read is finite, within the limits num.h states, and reads the same
 * when printed back the Vietnamese way; the checks never fail on what the
 * parser accepts, whatever the kind. */
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "base/num.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *s = malloc(size + 1);
    if (!s)
        return 0;
    memcpy(s, data, size);
    s[size] = 0;
    num_read r;
    dti_err e;
    if (num_parse(s, &r, &e) == DTI_OK && r.has) {
        if (!isfinite(r.value) || fabs(r.value) >= 1e16 || r.decimals > NUM_DECIMALS_MAX)
            abort();
        if (r.has_alt && !isfinite(r.alt))
            abort();
        for (int k = NUM_MEASURE; k <= NUM_TARGET; k++) {
            dti_rc rc = num_check(&r, (num_kind)k, &e);
            if (rc != DTI_OK && rc != DTI_ERR_INPUT)
                abort();
            if (rc == DTI_OK && num_check_value(r.value, (num_kind)k, NULL) != DTI_OK)
                abort();        /* what is accepted as text is accepted as a number */
        }
        /* printed back without grouping, it reads as the same value */
        char out[NUM_FMT_LEN];
        num_format(r.value, 9, out);
        num_read back;
        if (fabs(r.value) < 1e15 && r.value != 0 && num_parse(out, &back, NULL) == DTI_OK && back.has &&
            fabs(back.value - r.value) > 1e-9 * fmax(1, fabs(r.value)))
            abort();
    } else if (num_parse(s, &r, NULL) == DTI_OK && r.has) {
        abort();        /* the same input, the same answer */
    }
    free(s);
    return 0;
}
