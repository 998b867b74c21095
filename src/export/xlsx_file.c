/* xlsx_file.c — the temporary file under a libxlsxwriter workbook
 * (xlsx_file.h). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "base/file.h"
#include "export/xlsx_file.h"

lxw_workbook *export_xlsx_new(char path[EXPORT_XLSX_PATH_MAX], dti_err *e)
{
    const char *tmp = getenv("TMPDIR");
    snprintf(path, EXPORT_XLSX_PATH_MAX, "%s/dti-xlsx-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    int fd = mkstemp(path);
    if (fd < 0) {
        dti_fail(e, DTI_ERR_IO, NULL, "không tạo được tệp tạm: %s", "cannot create a temporary file: %s",
                 strerror(errno));
        return NULL;
    }
    close(fd);
    lxw_workbook_options opt = {.constant_memory = LXW_FALSE, .tmpdir = tmp && *tmp ? (char *)tmp : NULL};
    lxw_workbook *wb = workbook_new_opt(path, &opt);
    if (!wb) {
        unlink(path);
        dti_fail(e, DTI_ERR_NOMEM, NULL, "hết bộ nhớ", "out of memory");
    }
    return wb;
}

dti_rc export_xlsx_finish(lxw_workbook *wb, const char *path, void **data, size_t *len, dti_err *e)
{
    dti_rc rc = DTI_OK;
    char *p = NULL;
    *data = NULL;
    *len = 0;
    lxw_error xe = workbook_close(wb);
    if (xe != LXW_NO_ERROR)
        rc = dti_fail(e, DTI_ERR_IO, NULL, "không viết được bảng tính: %s", "could not write the workbook: %s",
                      lxw_strerror(xe));
    else if (!(rc = file_read(path, EXPORT_XLSX_MAX_BYTES, &p, len, e)))
        *data = p;
    unlink(path);
    return rc;
}
