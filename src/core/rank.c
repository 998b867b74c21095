/* rank.c — sorting entities into a ranking (rank.h).
 *
 * Names are folded once into a side array, then qsort runs over indices
 * with a comparator that is a total order (it ends in the caller's index),
 * so the unstable qsort gives one result only. An ascending order negates
 * the keys: no global state, safe in the server's threads. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "core/rank.h"
#include "base/text.h"

typedef struct sort_ctx_item {
    rank_item it;
    char *fold;
    double k1, k2;          /* rounded keys, negated when ascending: larger first */
} sort_ctx_item;


static double rounded(double v)
{
    return round(v / RANK_PRECISION) * RANK_PRECISION;
}

static int cmp_key(int ha, double a, int hb, double b)
{
    if (ha != hb)
        return ha ? -1 : 1;
    if (!ha || a == b)
        return 0;
    return a > b ? -1 : 1;
}

static int cmp_items(const void *pa, const void *pb)
{
    const sort_ctx_item *a = pa, *b = pb;
    int c = cmp_key(a->it.has_key, a->k1, b->it.has_key, b->k1);
    if (!c)
        c = cmp_key(a->it.has_key2, a->k2, b->it.has_key2, b->k2);
    if (!c && (a->fold || b->fold)) {
        if (!a->fold || !b->fold)
            c = a->fold ? -1 : 1;
        else
            c = strcmp(a->fold, b->fold);
    }
    if (!c)
        c = a->it.index < b->it.index ? -1 : a->it.index > b->it.index ? 1 : 0;
    return c;
}

static int same_keys(const sort_ctx_item *a, const sort_ctx_item *b)
{
    return cmp_key(a->it.has_key, a->k1, b->it.has_key, b->k1) == 0 &&
           cmp_key(a->it.has_key2, a->k2, b->it.has_key2, b->k2) == 0;
}

dti_rc rank_sort(rank_item *items, size_t n, rank_order order, dti_err *e)
{
    dti_rc rc = DTI_OK;
    sort_ctx_item *s = NULL;
    size_t i;
    if (n == 0)
        return DTI_OK;
    if (n > RANK_ITEMS_MAX)
        return dti_fail(e, DTI_ERR_TOOBIG, "rank", "Quá %d mục để xếp hạng",
                        "More than %d items to rank", RANK_ITEMS_MAX);
    for (i = 0; i < n; i++)
        if ((items[i].has_key && !isfinite(items[i].key)) ||
            (items[i].has_key2 && !isfinite(items[i].key2)))
            return dti_fail(e, DTI_ERR_INPUT, "rank", "Giá trị xếp hạng thứ %zu không phải là số hữu hạn",
                            "Ranking value %zu is not a finite number", i + 1);
    s = calloc(n, sizeof *s);
    if (!s)
        return dti_fail(e, DTI_ERR_NOMEM, NULL, "Hết bộ nhớ", "Out of memory");
    for (i = 0; i < n; i++) {
        s[i].it = items[i];
        double sign = order == RANK_ASCENDING ? -1 : 1;
        s[i].k1 = items[i].has_key ? sign * rounded(items[i].key) : 0;
        s[i].k2 = items[i].has_key2 ? sign * rounded(items[i].key2) : 0;
        if (items[i].name && !(s[i].fold = text_fold(items[i].name))) {
            rc = dti_fail(e, DTI_ERR_NOMEM, NULL, "Hết bộ nhớ", "Out of memory");
            goto out;
        }
    }
    qsort(s, n, sizeof *s, cmp_items);
    for (i = 0; i < n; i++) {
        items[i] = s[i].it;
        if (!items[i].has_key)
            items[i].rank = 0;
        else if (i > 0 && same_keys(&s[i - 1], &s[i]))
            items[i].rank = items[i - 1].rank;
        else
            items[i].rank = (int)i + 1;
    }
out:
    for (i = 0; i < n; i++)
        free(s[i].fold);
    free(s);
    return rc;
}
