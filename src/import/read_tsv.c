/* read_tsv.c — placeholder until the tsv reader lands; refuses every document. */
#include "import/reader.h"

static int sniff(const char *data, size_t n, const char *filename)
{
    (void)data; (void)n; (void)filename;
    return 0;
}

static dti_rc rd(const char *data, size_t n, const char *name, doc **out, dti_err *e)
{
    (void)data; (void)n; *out = NULL;
    return dti_fail(e, DTI_ERR_FORMAT, name, "%s: chưa đọc được định dạng này", "%s: format not readable yet", name);
}

const reader_ops reader_tsv = {"tsv", sniff, rd};
