/* gen_int.h — what the generators of the gen wing share (gen.c, the
 * country; gen_province.c, one province). Not part of app/'s contract. */
#ifndef DTI_GEN_INT_H
#define DTI_GEN_INT_H
#include <time.h>
#include "app/app.h"
#include "app/plan/plans.h"
#include "core/plan.h"

/* Read TEXT (a plan document named FNAME) with the real reader and
 * extractor and import it as A's acting user at the instant AT (A->now is
 * AT meanwhile: the import records the time of the context), as a person
 * uploading it would. *IR (released by the caller with
 * plans_import_result_release) gets what the import made; *P (may be NULL;
 * else freed by the caller with plan_free) the extracted plan. */
dti_rc gen_import_text(app *a, const char *text, const char *fname, time_t at, plans_import_result *ir, plan **p,
                       dti_err *e);

#endif
