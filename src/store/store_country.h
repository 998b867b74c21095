/* store_country.h — the country's communes in one read, for the national
 * ranking (app/score/score_country.h, issue 12 point 6).
 *
 * One batched statement instead of a query per commune: every commune in
 * force with its province and the plan that covers YEAR, chosen as the
 * province ranking chooses it (score_rank.c): the plan whose span
 * (year_from..year_to, NULL open) covers YEAR, of several the one made for
 * the shortest span, then the newest. */
#ifndef DTI_STORE_COUNTRY_H
#define DTI_STORE_COUNTRY_H
#include <stddef.h>
#include <stdint.h>
#include "store/store.h"

/* FN(CTX, row) once per commune in force on DAY ("YYYY-MM-DD", a period's
 * last day, as store_org_children_on judges it; NULL: the live ones), by
 * commune id; the row's columns: 0 commune id, 1 the commune's name on DAY
 * (org_names), 2 province id (NULL for a commune without a parent),
 * 3 province name, 4 the plan id covering YEAR (NULL when none), 5 the
 * current name of the commune it has been merged into since (NULL when
 * none). */
dti_rc store_country_communes(store *s, int year, const char *day, store_row_fn fn, void *ctx, dti_err *e);

#endif
