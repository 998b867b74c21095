/* store_country.c — the country's communes with their plan of a year in
 * one statement; see store_country.h. */
#include "store/store_country.h"

dti_rc store_country_communes(store *s, int year, store_row_fn fn, void *ctx, dti_err *e)
{
    store_val p[] = {SV_I(year), SV_I(year)};
    /* engine: a correlated subquery with ORDER BY ... LIMIT 1 (SQLite and
     * PostgreSQL alike); the index plans(org_id) keeps it one probe per commune */
    return store_query(s,
                       "SELECT c.id, c.name, pr.id, pr.name, "
                       "(SELECT pl.id FROM plans pl WHERE pl.org_id = c.id "
                       "AND (pl.year_from IS NULL OR pl.year_from <= ?) "
                       "AND (pl.year_to IS NULL OR pl.year_to >= ?) "
                       "ORDER BY COALESCE(pl.year_to, 9999) - COALESCE(pl.year_from, 0), pl.id DESC LIMIT 1) "
                       "FROM orgs c LEFT JOIN orgs pr ON pr.id = c.parent_id "
                       "WHERE c.kind = 'commune' AND c.valid_to IS NULL ORDER BY c.id",
                       p, 2, fn, ctx, e);
}
