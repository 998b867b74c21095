#include "app/outputs.h"
dti_rc outputs_province(store *s, const auth_user *u, int64_t province, const char *period,
                        outputs_format format, time_t now, void **data, size_t *len, char **name,
                        dti_err *e)
{
    return dti_fail(e, DTI_ERR_INTERNAL, NULL, "chưa làm", "not yet");
}
