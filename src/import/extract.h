/* extract.h — from a doc (paragraphs and tables) to a plan (dti.plan/1).
 *
 * One extractor for every format: it finds the heading fields (title,
 * commune, province, number, issued), header rows and the role of each
 * column, joins rows split across page breaks, recognises group rows,
 * splits unit names, tells indicators from tasks, parses targets and due
 * dates (target.h), and reads prose targets under "Mục tiêu cụ thể" and
 * like headings. See ../shared/spec/plan-json.md for every rule.
 *
 * Warnings (for people, in the thread's language) are appended to WARN when
 * WARN is not NULL; a doc with no plan content gives an empty plan and a
 * warning, not an error. */
#ifndef DTI_EXTRACT_H
#define DTI_EXTRACT_H
#include "base/err.h"
#include "base/strlist.h"
#include "core/plan.h"
#include "import/doc.h"

dti_rc extract_plan(const doc *d, plan **out, strlist *warn, dti_err *e);

/* Column roles the coordinator set in the import preview ("set a column's
 * role and re-run"): a table column whose header text folds like HEADER[i]
 * gets ROLE[i] instead of the role its header words give. The roles are
 * the words EXTRACT_ROLES lists; "none" leaves the column unread. The
 * extractor lists every table column it read in the plan's x.columns as
 * {"header", "role"} (first appearance of each header), so the preview can
 * offer them. */
#define EXTRACT_ROLES "code name target baseline unit lead support parent_lead lead_support due outputs " \
                      "funding basis action scope group note year none"
#define EXTRACT_MAX_ROLES 64
typedef struct extract_opts {
    const char *const *header;  /* NROLES header texts, borrowed */
    const char *const *role;    /* NROLES words of EXTRACT_ROLES, borrowed */
    size_t nroles;
} extract_opts;
dti_rc extract_plan_opts(const doc *d, const extract_opts *o, plan **out, strlist *warn, dti_err *e);
/* Non-zero when WORD is one of EXTRACT_ROLES. */
int extract_role_known(const char *word);

/* The role the table model gives a column headed TEXT (one of
 * EXTRACT_ROLES; "none" when no header word says), and in *YEAR (may be
 * NULL) the year its header names, else 0. The one header vocabulary, for
 * readers that must tell header cells from body cells (pdf_plain.c). */
const char *extract_header_role(const char *text, int *year);

/* Read the file at PATH (any format reader.h knows, at most
 * IMPORT_MAX_BYTES) and extract its plan. When DATA_OUT is not NULL the raw
 * bytes are handed over (*DATA_OUT, *LEN_OUT; caller frees) so the caller
 * can keep the source document. */
dti_rc extract_file(const char *path, plan **out, strlist *warn,
                    char **data_out, size_t *len_out, dti_err *e);

#endif
