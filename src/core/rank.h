/* rank.h — rankings of units and communes.
 *
 * Units of a commune are ranked by their on-time rate (key) with their
 * achievement as the second key, or by achievement with the on-time rate
 * second; communes of a province by their index. The caller fills one
 * rank_item per entity; rank_sort() orders them and numbers the ranks.
 *
 * Order, every step documented so that a published ranking can be checked:
 *   1. items with a key before items without one (no data is not ranked:
 *      rank 0, listed last, never as a zero);
 *   2. key, larger first (or smaller first with RANK_ASCENDING);
 *   3. second key likewise, items with one first;
 *   4. name, byte order of its folded form (text.h), so that "Xã Vĩnh Trụ"
 *      and "xa vinh tru" sort alike; NULL names last;
 *   5. the caller's order (index), so the result is the same every time.
 * Keys are compared after rounding to 6 decimals (RANK_PRECISION), so that
 * 1/3 and 2/6 computed by different paths tie. Items equal on both keys
 * share a rank and the next rank skips ("1, 2, 2, 4": standard competition
 * ranking); the name only orders them on the page. */
#ifndef DTI_RANK_H
#define DTI_RANK_H
#include <stddef.h>
#include "base/err.h"

#define RANK_PRECISION 1e-6
#define RANK_ITEMS_MAX 1000000      /* entities in one ranking */

typedef struct rank_item {
    const char *name;       /* borrowed; for the tie-break; may be NULL */
    int has_key;
    double key;
    int has_key2;
    double key2;
    size_t index;           /* the caller's position; kept through the sort */
    int rank;               /* out: 1.., or 0 when !has_key */
} rank_item;

typedef enum { RANK_DESCENDING = 0, RANK_ASCENDING } rank_order;

/* Sort the N ITEMS in place as above and set each rank. DTI_ERR_INPUT for
 * a NaN or infinite key, DTI_ERR_TOOBIG over RANK_ITEMS_MAX, DTI_ERR_NOMEM
 * when the names cannot be folded. */
dti_rc rank_sort(rank_item *items, size_t n, rank_order order, dti_err *e);

#endif
