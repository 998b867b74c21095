/* extract.c — placeholder: an empty plan until the extractor lands. */
#include "base/lang.h"
#include "import/extract.h"

dti_rc extract_plan(const doc *d, plan **out, strlist *warn, dti_err *e)
{
    (void)d;
    *out = plan_new();
    if (!*out)
        return dti_fail(e, DTI_ERR_NOMEM, "", "hết bộ nhớ", "out of memory");
    if (warn)
        strlist_add(warn, TR("không tìm thấy nội dung kế hoạch", "no plan content found"));
    return DTI_OK;
}
