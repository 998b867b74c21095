/* xlsx_file.h — libxlsxwriter writes files only: a workbook opened on a
 * private temporary file (in $TMPDIR, else /tmp), closed and read back into
 * memory, the file removed whatever happens. */
#ifndef DTI_EXPORT_XLSX_FILE_H
#define DTI_EXPORT_XLSX_FILE_H
#include <stddef.h>
#include <xlsxwriter.h>
#include "base/err.h"

#define EXPORT_XLSX_MAX_BYTES ((size_t)64 << 20)
#define EXPORT_XLSX_PATH_MAX 4096

/* A new workbook on a fresh temporary file named into PATH. NULL (E
 * filled) when the file or the workbook cannot be made. */
lxw_workbook *export_xlsx_new(char path[EXPORT_XLSX_PATH_MAX], dti_err *e);
/* Close WB, read PATH into *DATA (caller frees) and *LEN, remove PATH. */
dti_rc export_xlsx_finish(lxw_workbook *wb, const char *path, void **data, size_t *len, dti_err *e);

#endif
