/* docx_blocks.h — the heading block (issuing body, number, national name,
 * motto, place and date) and the closing block (Nơi nhận, signature) of an
 * administrative document, as Nghị định 30/2020/NĐ-CP, Phụ lục I lays them
 * out: borderless two-column tables, the rules under the body's name and
 * the motto, the sizes and styles of ../shared/spec/report-docx.md. */
#ifndef DTI_EXPORT_DOCX_BLOCKS_H
#define DTI_EXPORT_DOCX_BLOCKS_H
#include "export/docx.h"
#include "export/report.h"

/* The heading of a document issued by SET's body on DAY/MONTH/YEAR (the
 * date written "ngày 05 tháng 01 năm 2027": a leading 0 for days 1–9 and
 * months 1–2). */
void export_doc_heading(docx *d, const export_settings *set, int day, int month, int year);
/* "Nơi nhận:" and its list on the left, the signature block on the right. */
void export_doc_closing(docx *d, const export_settings *set);

#endif
