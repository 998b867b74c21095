/* api_units.c — a commune's units from the web, over app/plan/units.h:
 *
 *   POST  /api/v1/orgs/:oid/units   {"name": "…"}: add a unit to commune :oid
 *   PATCH /api/v1/orgs/:oid         {"name": "…", "date"?: "…", "note"?: "…"}:
 *                                   rename unit :oid from date (default
 *                                   today): the org change of app/orgs/, as
 *                                   `dti org rename` (the old name stays in
 *                                   the history and as an alias)
 *
 * app/ decides every permission; this file only translates. */
#include <string.h>
#include "app/app.h"
#include "app/plan/units.h"
#include "http/api.h"
#include "http/server.h"

/* The "name" member of R's JSON body into *NAME (borrowed from *BODY). */
static int name_of(http_req *r, json_t **body, const char **name, dti_err *e)
{
    if (http_json_body(r, body, e) != DTI_OK)
        return -1;
    json_t *n = json_object_get(*body, "name");
    if (!json_is_string(n)) {
        dti_fail(e, DTI_ERR_INPUT, "name", "Hãy ghi tên đơn vị.", "Write the unit's name.");
        return -1;
    }
    *name = json_string_value(n);
    return 0;
}

/* The optional string member KEY of BODY into *OUT (borrowed; NULL when
 * absent or null). */
static int opt_text(json_t *body, const char *key, const char **out, dti_err *e)
{
    json_t *v = json_object_get(body, key);
    *out = NULL;
    if (!v || json_is_null(v))
        return 0;
    if (!json_is_string(v)) {
        dti_fail(e, DTI_ERR_INPUT, key, "«%s» phải là một chuỗi.", "«%s» must be a string.", key);
        return -1;
    }
    *out = json_string_value(v);
    return 0;
}

void api_unit_add(http_req *r)
{
    dti_err e;
    int64_t commune, id = 0;
    json_t *body = NULL;
    const char *name = NULL;
    dti_err_clear(&e);
    app *a = http_app(r, &e);
    if (!a || http_param_id(r, "oid", &commune, &e) != DTI_OK || name_of(r, &body, &name, &e) ||
        units_add(a, commune, name, &id, &e) != DTI_OK) {
        http_reply_error(r, &e);
        return;
    }
    http_reply_json(r, 201, json_pack("{s:I, s:s, s:I, s:s}", "id", (json_int_t)id, "name", name,
                                      "parent_id", (json_int_t)commune, "kind", "unit"));
}

void api_unit_rename(http_req *r)
{
    dti_err e;
    int64_t id;
    json_t *body = NULL;
    const char *name = NULL, *date = NULL, *note = NULL;
    dti_err_clear(&e);
    app *a = http_app(r, &e);
    if (!a || http_param_id(r, "oid", &id, &e) != DTI_OK || name_of(r, &body, &name, &e) ||
        opt_text(body, "date", &date, &e) || opt_text(body, "note", &note, &e) ||
        units_rename(a, id, name, date, note, &e) != DTI_OK) {
        http_reply_error(r, &e);
        return;
    }
    http_reply_json(r, 200, json_pack("{s:I, s:s}", "id", (json_int_t)id, "name", name));
}
