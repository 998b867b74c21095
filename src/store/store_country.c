/* store_country.c — the country's communes with their plan of a year in
 * one statement; see store_country.h. */
#include "store/store_country.h"

dti_rc store_country_communes(store *s, int year, const char *day, store_row_fn fn, void *ctx, dti_err *e)
{
    const char *d = day ? day : "9999-12-31";
    store_val p[] = {SV_T(d), SV_T(d), SV_I(year), SV_I(year), SV_T(d), SV_T(d)};
    /* engine: correlated subqueries with ORDER BY ... LIMIT 1 (SQLite and
     * PostgreSQL alike); the indexes plans(org_id), org_names(org_id,
     * valid_from) and org_change_before(org_id) keep each one probe per
     * commune. In force on DAY as store_org_children_on (store_org_change.h) */
    return store_query(s,
                       "SELECT c.id, COALESCE((SELECT n.name FROM org_names n WHERE n.org_id = c.id "
                       "AND n.valid_from <= ? AND n.valid_to > ? ORDER BY n.valid_from DESC, n.id DESC LIMIT 1), "
                       "c.name), pr.id, pr.name, "
                       "(SELECT pl.id FROM plans pl WHERE pl.org_id = c.id "
                       "AND (pl.year_from IS NULL OR pl.year_from <= ?) "
                       "AND (pl.year_to IS NULL OR pl.year_to >= ?) "
                       "ORDER BY COALESCE(pl.year_to, 9999) - COALESCE(pl.year_from, 0), pl.id DESC LIMIT 1), "
                       "(SELECT so.name FROM org_change_before b JOIN org_changes x ON x.id = b.change_id "
                       "JOIN orgs so ON so.id = x.org_after WHERE b.org_id = c.id AND x.kind = 'merge' "
                       "AND x.org_after <> c.id ORDER BY x.effective DESC, x.id DESC LIMIT 1) "
                       "FROM orgs c LEFT JOIN orgs pr ON pr.id = c.parent_id "
                       "WHERE c.kind = 'commune' AND (c.valid_to IS NULL OR c.valid_to > ?) "
                       "AND NOT EXISTS (SELECT 1 FROM org_changes x WHERE x.org_after = c.id AND x.kind = 'merge' "
                       "AND x.effective = c.valid_from AND x.effective > ?) ORDER BY c.id",
                       p, 6, fn, ctx, e);
}
