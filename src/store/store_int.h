/* store_int.h — private to src/store/: the base of every backend's handle.
 *
 * A backend's handle embeds struct store first (as h2o's handlers embed
 * their base), so store.c can keep the transaction depth for every engine
 * and the backend can cast back to its own type. */
#ifndef DTI_STORE_INT_H
#define DTI_STORE_INT_H
#include "store/store.h"

struct store {
    const struct store_ops *ops;
    int depth;      /* nesting of store_begin() */
    int aborted;    /* rolled back inside a nested transaction; outer levels must unwind */
};

extern const struct store_ops store_sqlite_ops;

#endif
