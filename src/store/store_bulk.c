/* store_bulk.c — the bulk load of one store into another; store_bulk.h has
 * the why and the contract.
 *
 * The schema is read from each engine's catalog (information_schema and
 * pg_constraint on PostgreSQL, sqlite_master with pragma_table_info and
 * pragma_foreign_key_list on SQLite: the only engine-specific SQL here,
 * marked), into a list of tables with their columns, whether a column holds
 * bytes (bytea / BLOB: sent hex-encoded to COPY) and, on PostgreSQL, which
 * column is an identity. The destination's tables are sorted parents first
 * along its foreign keys; each is emptied (children first) and loaded
 * (parents first) from a SELECT of the same columns on the source, whose
 * rows a callback turns into COPY text in a buffer sent every few
 * megabytes. schema_version is the migrations' own record: compared, not
 * copied. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "base/buf.h"
#include "store/store_bulk.h"
#include "store/store_pg.h"

#define SEND_AT ((size_t)4 << 20)   /* bytes of COPY text buffered before a send */

typedef struct bcol {
    char *name;             /* owned */
    int bytes;              /* bytea / BLOB */
    int identity;           /* PostgreSQL GENERATED ... AS IDENTITY */
} bcol;

typedef struct btable {
    char *name;             /* owned */
    bcol *cols;             /* owned, ncols */
    size_t ncols, cap;
    char **parents;         /* owned: the tables its foreign keys point to */
    size_t nparents;
    int placed;
} btable;

typedef struct bschema {
    btable *t;              /* owned, n, by name */
    size_t n, cap;
    int nomem;
} bschema;

static dti_rc nomem(dti_err *e)
{
    return dti_fail(e, DTI_ERR_NOMEM, "", "hết bộ nhớ", "out of memory");
}

static void schema_free(bschema *sc)
{
    for (size_t i = 0; i < sc->n; i++) {
        for (size_t k = 0; k < sc->t[i].ncols; k++)
            free(sc->t[i].cols[k].name);
        for (size_t k = 0; k < sc->t[i].nparents; k++)
            free(sc->t[i].parents[k]);
        free(sc->t[i].cols);
        free(sc->t[i].parents);
        free(sc->t[i].name);
    }
    free(sc->t);
    memset(sc, 0, sizeof *sc);
}

static btable *table_find(const bschema *sc, const char *name)
{
    for (size_t i = 0; i < sc->n; i++)
        if (strcmp(sc->t[i].name, name) == 0)
            return &sc->t[i];
    return NULL;
}

static const bcol *col_find(const btable *t, const char *name)
{
    for (size_t i = 0; i < t->ncols; i++)
        if (strcmp(t->cols[i].name, name) == 0)
            return &t->cols[i];
    return NULL;
}

static const char *text_of(const store_val *v)
{
    return v->t == SV_TEXT && v->s ? v->s : "";
}

/* Row: table, column, type, is_identity ("YES"/1). */
static int col_row(void *ctx, const store_row *row)
{
    bschema *sc = ctx;
    const char *tn = text_of(&row->v[0]), *cn = text_of(&row->v[1]), *ty = text_of(&row->v[2]);
    if (!strcmp(tn, "schema_version"))
        return 0;
    btable *t = sc->n ? &sc->t[sc->n - 1] : NULL;
    if (!t || strcmp(t->name, tn)) {
        if (sc->n == sc->cap) {
            size_t cap = sc->cap ? sc->cap * 2 : 64;
            btable *nt = realloc(sc->t, cap * sizeof *nt);
            if (!nt)
                return sc->nomem = 1;
            sc->t = nt;
            sc->cap = cap;
        }
        t = &sc->t[sc->n];
        memset(t, 0, sizeof *t);
        if (!(t->name = strdup(tn)))
            return sc->nomem = 1;
        sc->n++;
    }
    if (t->ncols == t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 16;
        bcol *nc = realloc(t->cols, cap * sizeof *nc);
        if (!nc)
            return sc->nomem = 1;
        t->cols = nc;
        t->cap = cap;
    }
    bcol *c = &t->cols[t->ncols];
    if (!(c->name = strdup(cn)))
        return sc->nomem = 1;
    c->bytes = !strcasecmp(ty, "bytea") || !strcasecmp(ty, "blob");
    c->identity = row->n > 3 && row->v[3].t == SV_TEXT && !strcmp(row->v[3].s, "YES");
    t->ncols++;
    return 0;
}

/* Row: child table, parent table. */
static int fk_row(void *ctx, const store_row *row)
{
    bschema *sc = ctx;
    btable *t = table_find(sc, text_of(&row->v[0]));
    const char *parent = text_of(&row->v[1]);
    if (!t || !strcmp(t->name, parent))
        return 0;
    for (size_t i = 0; i < t->nparents; i++)
        if (!strcmp(t->parents[i], parent))
            return 0;
    char **np = realloc(t->parents, (t->nparents + 1) * sizeof *np);
    if (!np)
        return sc->nomem = 1;
    t->parents = np;
    if (!(t->parents[t->nparents] = strdup(parent)))
        return sc->nomem = 1;
    t->nparents++;
    return 0;
}

static dti_rc schema_read(store *s, bschema *sc, dti_err *e)
{
    dti_rc rc;
    memset(sc, 0, sizeof *sc);
    if (store_is_pg(s)) {
        /* engine: postgres — the catalog */
        rc = store_query(s, "SELECT c.table_name::text, c.column_name::text, c.data_type::text, c.is_identity::text "
                            "FROM information_schema.columns c JOIN information_schema.tables t "
                            "ON t.table_schema = c.table_schema AND t.table_name = c.table_name "
                            "WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE' "
                            "ORDER BY c.table_name, c.ordinal_position", NULL, 0, col_row, sc, e);
        if (!rc && !sc->nomem)
            rc = store_query(s, "SELECT DISTINCT cl.relname::text, cf.relname::text FROM pg_constraint k "
                                "JOIN pg_class cl ON cl.oid = k.conrelid JOIN pg_class cf ON cf.oid = k.confrelid "
                                "WHERE k.contype = 'f' AND cl.relnamespace = "
                                "(SELECT oid FROM pg_namespace WHERE nspname = current_schema())",
                             NULL, 0, fk_row, sc, e);
    } else {
        /* engine: sqlite — the catalog */
        rc = store_query(s, "SELECT m.name, p.name, p.type, 'NO' FROM sqlite_master m, pragma_table_info(m.name) p "
                            "WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite~_%' ESCAPE '~' "
                            "ORDER BY m.name, p.cid", NULL, 0, col_row, sc, e);
        if (!rc && !sc->nomem)
            rc = store_query(s, "SELECT m.name, f.\"table\" FROM sqlite_master m, pragma_foreign_key_list(m.name) f "
                                "WHERE m.type = 'table'", NULL, 0, fk_row, sc, e);
    }
    if (!rc && sc->nomem)
        rc = nomem(e);
    if (rc)
        schema_free(sc);
    return rc;
}

/* SC's tables parents first (by name among equals) into ORDER (SC->n). */
static void schema_order(bschema *sc, btable **order)
{
    size_t k = 0;
    while (k < sc->n) {
        size_t before = k;
        for (size_t i = 0; i < sc->n; i++) {
            btable *t = &sc->t[i];
            if (t->placed)
                continue;
            int ready = 1;
            for (size_t p = 0; p < t->nparents && ready; p++) {
                const btable *pt = table_find(sc, t->parents[p]);
                ready = !pt || pt->placed;
            }
            if (ready) {
                t->placed = 1;
                order[k++] = t;
            }
        }
        if (k == before)        /* a cycle: the rest by name; their keys will say what fails */
            for (size_t i = 0; i < sc->n; i++)
                if (!sc->t[i].placed) {
                    sc->t[i].placed = 1;
                    order[k++] = &sc->t[i];
                }
    }
}

static int version_row(void *ctx, const store_row *row)
{
    buf_printf(ctx, "%lld,", (long long)row->v[0].i);
    return 0;
}

/* The migrations of S as "1,2,...," into B. */
static dti_rc versions_of(store *s, buf *b, dti_err *e)
{
    buf_init(b, (size_t)1 << 20);
    dti_rc rc = store_query(s, "SELECT version FROM schema_version ORDER BY version", NULL, 0, version_row, b, e);
    if (!rc && buf_failed(b))
        rc = nomem(e);
    return rc;
}

static dti_rc same_versions(store *a, store *b, dti_err *e)
{
    buf va, vb;
    dti_rc rc = versions_of(a, &va, e);
    if (!rc)
        rc = versions_of(b, &vb, e);
    else
        buf_init(&vb, 1);
    if (!rc && strcmp(va.ptr ? va.ptr : "", vb.ptr ? vb.ptr : ""))
        rc = dti_fail(e, DTI_ERR_CONFLICT, "schema_version",
                      "hai cơ sở dữ liệu khác phiên bản lược đồ (%s / %s): hãy dùng cùng một phiên bản dti",
                      "the two databases are at different schema versions (%s / %s): use one dti version",
                      va.ptr ? va.ptr : "", vb.ptr ? vb.ptr : "");
    buf_release(&va);
    buf_release(&vb);
    return rc;
}

static dti_rc count_rows(store *s, const char *table, int64_t *n, dti_err *e)
{
    char sql[256];
    snprintf(sql, sizeof sql, "SELECT COUNT(*) FROM \"%s\"", table);
    return store_query_int(s, sql, NULL, 0, n, NULL, e);
}

dti_rc store_bulk_pristine(store *dst, store *fresh, dti_err *e)
{
    bschema d;
    dti_rc rc = same_versions(dst, fresh, e);
    if (rc || (rc = schema_read(dst, &d, e)))
        return rc;
    for (size_t i = 0; i < d.n && !rc; i++) {
        int64_t nd = 0, nf = 0;
        if ((rc = count_rows(dst, d.t[i].name, &nd, e)))
            break;
        if (nd == 0)
            continue;
        if ((rc = count_rows(fresh, d.t[i].name, &nf, e)))
            break;
        if (nd > nf)
            rc = dti_fail(e, DTI_ERR_CONFLICT, d.t[i].name,
                          "cơ sở dữ liệu không trống: bảng %s có %lld dòng; chỉ nạp vào cơ sở dữ liệu mới. "
                          "Không có gì bị thay đổi.",
                          "the database is not empty: table %s holds %lld rows; the load goes only into a new "
                          "database. Nothing was changed.", d.t[i].name, (long long)nd);
    }
    schema_free(&d);
    return rc;
}

/* ---- the load ---- */

typedef struct loader {
    store *dst;
    int pg;
    const btable *t;        /* the destination's table */
    buf b;                  /* COPY text not yet sent */
    char *insert;           /* SQLite destination: the INSERT (owned) */
    int64_t rows;
    dti_rc rc;
    dti_err *e;
} loader;

static void copy_escape(buf *b, const char *s, size_t n)
{
    size_t from = 0;
    for (size_t i = 0; i < n; i++) {
        const char *rep = NULL;
        switch (s[i]) {
        case '\\': rep = "\\\\"; break;
        case '\n': rep = "\\n"; break;
        case '\r': rep = "\\r"; break;
        case '\t': rep = "\\t"; break;
        default: continue;
        }
        buf_add(b, s + from, i - from);
        buf_adds(b, rep);
        from = i + 1;
    }
    buf_add(b, s + from, n - from);
}

static void copy_hex(buf *b, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    buf_adds(b, "\\\\x");
    for (size_t i = 0; i < n; i++) {
        char two[2] = {hex[(unsigned char)s[i] >> 4], hex[(unsigned char)s[i] & 15]};
        buf_add(b, two, 2);
    }
}

static int load_row(void *ctx, const store_row *row)
{
    loader *l = ctx;
    if (!l->pg) {
        if ((l->rc = store_exec(l->dst, l->insert, row->v, row->n, l->e)))
            return 1;
        l->rows++;
        return 0;
    }
    for (size_t i = 0; i < row->n; i++) {
        const store_val *v = &row->v[i];
        if (i)
            buf_addc(&l->b, '\t');
        switch (v->t) {
        case SV_NULL: buf_adds(&l->b, "\\N"); break;
        case SV_INT: buf_printf(&l->b, "%lld", (long long)v->i); break;
        case SV_REAL: buf_printf(&l->b, "%.17g", v->d); break;
        case SV_TEXT:
        case SV_BLOB:
            if (l->t->cols[i].bytes)
                copy_hex(&l->b, v->s, v->n);
            else
                copy_escape(&l->b, v->s, v->n);
            break;
        }
    }
    buf_addc(&l->b, '\n');
    l->rows++;
    if (buf_failed(&l->b)) {
        l->rc = nomem(l->e);
        return 1;
    }
    if (l->b.len >= SEND_AT) {
        if ((l->rc = store_pg_copy_put(l->dst, l->b.ptr, l->b.len, l->e)))
            return 1;
        buf_reset(&l->b);
    }
    return 0;
}

/* "a", "b", ... of T's columns into B. */
static void col_list(buf *b, const btable *t)
{
    for (size_t i = 0; i < t->ncols; i++)
        buf_printf(b, "%s\"%s\"", i ? ", " : "", t->cols[i].name);
}

/* ALTER TABLE T ENABLE / DISABLE TRIGGER USER (PostgreSQL; the
 * foreign keys' own triggers stay: USER leaves the system's). */
static dti_rc triggers(store *dst, const btable *t, int on, dti_err *e)
{
    char sql[256];
    /* engine: postgres */
    snprintf(sql, sizeof sql, "ALTER TABLE \"%s\" %s TRIGGER USER", t->name, on ? "ENABLE" : "DISABLE");
    return store_exec(dst, sql, NULL, 0, e);
}

static dti_rc load_table(store *src, store *dst, const btable *t, int defer, int64_t *rows, dti_err *e)
{
    loader l;
    buf sel, cmd;
    dti_rc rc;
    memset(&l, 0, sizeof l);
    l.dst = dst;
    l.pg = store_is_pg(dst);
    l.t = t;
    l.e = e;
    buf_init(&l.b, (size_t)1 << 31);      /* a row may be large (a document's bytes, hex) */
    buf_init(&sel, (size_t)1 << 20);
    buf_init(&cmd, (size_t)1 << 20);
    buf_adds(&sel, "SELECT ");
    col_list(&sel, t);
    buf_printf(&sel, " FROM \"%s\"", t->name);
    if (l.pg) {
        buf_printf(&cmd, "COPY \"%s\" (", t->name);
        col_list(&cmd, t);
        buf_adds(&cmd, ") FROM STDIN");
    } else {
        buf_printf(&cmd, "INSERT INTO \"%s\" (", t->name);
        col_list(&cmd, t);
        buf_adds(&cmd, ") VALUES (");
        for (size_t i = 0; i < t->ncols; i++)
            buf_adds(&cmd, i ? ", ?" : "?");
        buf_adds(&cmd, ")");
    }
    if (buf_failed(&sel) || buf_failed(&cmd)) {
        rc = nomem(e);
        goto out;
    }
    l.insert = cmd.ptr;
    if (defer && (rc = triggers(dst, t, 0, e)))
        goto out;
    if (l.pg && (rc = store_pg_copy_begin(dst, cmd.ptr, e)))
        goto out;
    rc = store_query(src, sel.ptr, NULL, 0, load_row, &l, e);
    if (!rc)
        rc = l.rc;
    if (l.pg) {
        if (!rc && l.b.len)
            rc = store_pg_copy_put(dst, l.b.ptr, l.b.len, e);
        dti_err ignored;
        if (rc)
            store_pg_copy_end(dst, "dti: the load failed", &ignored);
        else
            rc = store_pg_copy_end(dst, NULL, e);
    }
    if (rc) {
        dti_err inner = *e;
        rc = dti_fail(e, rc, t->name, "bảng %s: %s", "table %s: %s", t->name, inner.msg);
        goto out;
    }
    for (size_t i = 0; l.pg && i < t->ncols && !rc; i++) {
        if (!t->cols[i].identity)
            continue;
        char sql[512];
        /* engine: postgres — the identity continues after the loaded ids */
        snprintf(sql, sizeof sql, "SELECT setval(pg_get_serial_sequence('\"%s\"', '%s'), m) "
                 "FROM (SELECT MAX(\"%s\") AS m FROM \"%s\") x WHERE m IS NOT NULL",
                 t->name, t->cols[i].name, t->cols[i].name, t->name);
        int64_t v = 0;
        int found = 0;
        rc = store_query_int(dst, sql, NULL, 0, &v, &found, e);
    }
    if (!rc && defer)
        rc = triggers(dst, t, 1, e);
    *rows = l.rows;
out:
    buf_release(&l.b);
    buf_release(&sel);
    buf_release(&cmd);
    return rc;
}

dti_rc store_bulk_copy(store *src, store *dst, store *fresh, store_bulk_progress fn, void *ctx, int64_t *rows,
                       dti_err *e)
{
    bschema s, d;
    btable **order = NULL;
    int open = 0;
    int64_t total = 0;
    dti_rc rc;
    memset(&s, 0, sizeof s);
    memset(&d, 0, sizeof d);
    if (rows)
        *rows = 0;
    if ((rc = same_versions(src, dst, e)) || (rc = schema_read(src, &s, e)) || (rc = schema_read(dst, &d, e)))
        goto out;
    /* every column of the destination comes from the source */
    for (size_t i = 0; i < d.n; i++) {
        const btable *st = table_find(&s, d.t[i].name);
        if (!st) {
            rc = dti_fail(e, DTI_ERR_CONFLICT, d.t[i].name, "nguồn không có bảng %s", "the source has no table %s",
                          d.t[i].name);
            goto out;
        }
        for (size_t k = 0; k < d.t[i].ncols; k++)
            if (!col_find(st, d.t[i].cols[k].name)) {
                rc = dti_fail(e, DTI_ERR_CONFLICT, d.t[i].name, "nguồn không có cột %s.%s",
                              "the source has no column %s.%s", d.t[i].name, d.t[i].cols[k].name);
                goto out;
            }
    }
    /* nothing of the source is left behind */
    for (size_t i = 0; i < s.n; i++) {
        int64_t n = 0;
        if (table_find(&d, s.t[i].name))
            continue;
        if ((rc = count_rows(src, s.t[i].name, &n, e)))
            goto out;
        if (n) {
            rc = dti_fail(e, DTI_ERR_CONFLICT, s.t[i].name, "đích không có bảng %s (%lld dòng ở nguồn)",
                          "the destination has no table %s (%lld rows in the source)", s.t[i].name, (long long)n);
            goto out;
        }
    }
    if (!(order = calloc(d.n ? d.n : 1, sizeof *order))) {
        rc = nomem(e);
        goto out;
    }
    schema_order(&d, order);
    if ((rc = store_begin(dst, e)))
        goto out;
    open = 1;
    /* under the destination's writer lock: nothing was written since the
     * caller looked, so the DELETEs below remove only the migrations' rows */
    if (fresh && (rc = store_bulk_pristine(dst, fresh, e)))
        goto out;
    for (size_t i = d.n; i-- > 0;) {
        char sql[256];
        snprintf(sql, sizeof sql, "DELETE FROM \"%s\"", order[i]->name);
        if ((rc = store_exec(dst, sql, NULL, 0, e)))
            goto out;
    }
    /* PostgreSQL: the generation triggers (row triggers of migration 014
     * bump plan_generation once per row) are off while a table is copied,
     * when this role owns every table (ALTER TABLE needs it; else they
     * fire, slower and as correct); one bump of each counter follows. */
    int defer = 0;
    if (store_is_pg(dst)) {
        int64_t foreign = 0;
        /* engine: postgres */
        if ((rc = store_query_int(dst, "SELECT COUNT(*) FROM pg_tables WHERE schemaname = current_schema() "
                                       "AND NOT pg_has_role(tableowner, 'MEMBER')", NULL, 0, &foreign, NULL, e)))
            goto out;
        defer = foreign == 0;
    }
    for (size_t i = 0; i < d.n; i++) {
        int64_t n = 0;
        if ((rc = load_table(src, dst, order[i], defer, &n, e)))
            goto out;
        total += n;
        if (fn)
            fn(ctx, order[i]->name, n, i + 1, d.n);
    }
    /* one bump of the generations (store_generation.h) for the whole load:
     * every cached figure keyed on them is older than these rows */
    const btable *sg = table_find(&d, "score_generation"), *pgen = table_find(&d, "plan_generation");
    if (sg && col_find(sg, "gen") &&
        (rc = store_exec(dst, col_find(sg, "shared") ? "UPDATE score_generation SET gen = gen + 1, shared = shared + 1"
                                                     : "UPDATE score_generation SET gen = gen + 1", NULL, 0, e)))
        goto out;
    if (pgen && col_find(pgen, "gen") && (rc = store_exec(dst, "UPDATE plan_generation SET gen = gen + 1", NULL, 0, e)))
        goto out;
    /* engine: both — the planner's statistics on the loaded sizes */
    if ((rc = store_exec(dst, "ANALYZE", NULL, 0, e)))
        goto out;
    open = 0;
    if ((rc = store_commit(dst, e)))
        goto out;
    if (rows)
        *rows = total;
out:
    if (open)
        store_rollback(dst);
    free(order);
    schema_free(&s);
    schema_free(&d);
    return rc;
}
