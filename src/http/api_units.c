/* api_units.c — a commune's units from the web, over app/plan/units.h:
 *
 *   POST  /api/v1/orgs/:oid/units   {"name": "…"}: add a unit to commune :oid
 *   PATCH /api/v1/orgs/:oid         {"name": "…"}: rename unit :oid (the old
 *                                   name stays as an alias)
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
    const char *name = NULL;
    dti_err_clear(&e);
    app *a = http_app(r, &e);
    if (!a || http_param_id(r, "oid", &id, &e) != DTI_OK || name_of(r, &body, &name, &e) ||
        units_rename(a, id, name, &e) != DTI_OK) {
        http_reply_error(r, &e);
        return;
    }
    http_reply_json(r, 200, json_pack("{s:I, s:s}", "id", (json_int_t)id, "name", name));
}
