/* units.h — a commune's units added and renamed from the web (units_edit.c;
 * issue 13 §6): an import flags names matching no unit, the coordinator
 * expands an abbreviation ("Phòng VH-XH") into the unit's full name, or
 * adds a unit the plan does not name.
 *
 * Decision: renaming keeps the old name as an alias (org_aliases), so a
 * later document that still writes it matches the same unit, and is the
 * org change of app/orgs/ (dated, in the history: a renamed unit's past
 * periods keep the name they had); the matching
 * key of the new name is checked against the commune's other live units
 * (one unit per key, as an import makes them). Both are audited
 * ("org.create", "org.rename"). Who may: an admin, or a coordinator whose
 * scope holds the commune (AUTH_PLAN_WRITE, as for importing its plans). */
#ifndef DTI_APP_UNITS_H
#define DTI_APP_UNITS_H
#include <stdint.h>
#include "app/app.h"

#define UNITS_NAME_MAX 300      /* bytes of a unit's name */

/* Add a unit named NAME under commune COMMUNE_ID; *ID gets it.
 * DTI_ERR_INPUT for an empty, too long or invalid name or when COMMUNE_ID
 * is no commune; DTI_ERR_CONFLICT when the commune has a unit of that
 * name (by its matching key). */
dti_rc units_add(app *a, int64_t commune_id, const char *name, int64_t *id, dti_err *e);

/* Rename unit ID to NAME from DATE ("YYYY-MM-DD" or "dd/mm/yyyy"; NULL or
 * "": today, Vietnam's, at A's now) with NOTE (may be NULL): the same dated
 * change as `dti org rename` (orgs_change, app/orgs/orgs.h: recorded in the
 * org-change history with its day, audited "org.rename"; the old name stays
 * in the name history, so periods before DATE keep it, and as an alias).
 * The same errors as units_add, DTI_ERR_INPUT when ID is no unit in force,
 * and orgs_change's (a future DATE, one before an earlier change of the
 * unit, a name over ORGS_NAME_MAX bytes). */
dti_rc units_rename(app *a, int64_t id, const char *name, const char *date, const char *note, dti_err *e);

#endif
