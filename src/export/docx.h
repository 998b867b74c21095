/* docx.h — a small WordprocessingML writer: paragraphs, runs, tables,
 * sections, written with libxml2's xmlTextWriter and zipped with libzip.
 *
 * The package's fixed parts (content types, relationships, styles,
 * settings, the page-number header, app properties) are the files under
 * templates/docx/, embedded in the binary (scripts/embed.sh); only
 * word/document.xml and the core and custom properties are written here.
 * The styles give Times New Roman everywhere (Nghị định 30/2020, Phụ lục I);
 * paragraphs name a style ("BodyText", "Heading1", "TableText", or NULL for
 * Normal) and may override alignment, indentation and spacing.
 *
 * Use: docx_new(); docx_p_begin()/docx_run()/docx_p_end() and the table
 * calls in document order; docx_section() to end a section (page size and
 * orientation of what came before it); docx_finish() for the .docx bytes;
 * docx_free(). The writer's error is sticky (as buf.h): calls after a
 * failure are no-ops and docx_finish() reports it. Units are twentieths of
 * a point (twips: 1 mm = 56.7) and half-points for font sizes. */
#ifndef DTI_EXPORT_DOCX_H
#define DTI_EXPORT_DOCX_H
#include <stddef.h>
#include "base/err.h"

typedef struct docx docx;   /* opaque */

/* A4 in twips, and the margins chosen within the decree's ranges: top and
 * bottom 20 mm, left 30 mm, right 15 mm. */
#define DOCX_A4_W 11906
#define DOCX_A4_H 16838
#define DOCX_MARGIN_TOP 1134
#define DOCX_MARGIN_BOTTOM 1134
#define DOCX_MARGIN_LEFT 1701
#define DOCX_MARGIN_RIGHT 851
/* The text width of a portrait and of a landscape A4 page. */
#define DOCX_TEXT_W (DOCX_A4_W - DOCX_MARGIN_LEFT - DOCX_MARGIN_RIGHT)
#define DOCX_TEXT_W_LANDSCAPE (DOCX_A4_H - DOCX_MARGIN_TOP - DOCX_MARGIN_BOTTOM)

#define DOCX_MAX_BYTES ((size_t)64 << 20)   /* of document.xml */
#define DOCX_TABLE_COLS_MAX 16

enum {
    DOCX_BOLD = 1,
    DOCX_ITALIC = 2,
    DOCX_UNDERLINE = 4
};

typedef enum { DOCX_AL_DEFAULT = 0, DOCX_AL_LEFT, DOCX_AL_CENTER, DOCX_AL_RIGHT, DOCX_AL_BOTH } docx_align;

/* A paragraph's format; zero means "the style's". */
typedef struct docx_pfmt {
    const char *style;      /* styleId, NULL = Normal */
    docx_align align;
    int first_line;         /* twips; -1 = none (0 = the style's) */
    int before, after;      /* twips; -1 = 0 (0 = the style's) */
    int keep_next;          /* keep with the next paragraph */
    int rule_top;           /* a solid rule above the paragraph (border) */
    int ind_left, ind_right;    /* twips */
} docx_pfmt;

/* The document properties (docProps/core.xml, custom.xml). Borrowed. */
typedef struct docx_props {
    const char *title, *subject, *creator, *description;
    const char *created;        /* ISO 8601 UTC "2026-11-23T03:00:00Z" */
    const char *const *custom_names, *const *custom_values;    /* NCUSTOM text properties */
    size_t ncustom;
} docx_props;

/* A new writer into *OUT (free with docx_free). DTI_ERR_NOMEM. */
dti_rc docx_new(docx **out, dti_err *e);
void docx_free(docx *d);

/* A paragraph: begin with format F (NULL = Normal), runs, end. */
void docx_p_begin(docx *d, const docx_pfmt *f);
/* A run of TEXT (UTF-8; '\n' becomes a line break) with FLAGS (DOCX_BOLD
 * ...) at SIZE half-points (0 = the style's). */
void docx_run(docx *d, const char *text, unsigned flags, int size);
/* A PAGE field in the current paragraph. */
void docx_page_field(docx *d);
void docx_p_end(docx *d);
/* A paragraph of one run. */
void docx_p(docx *d, const docx_pfmt *f, const char *text, unsigned flags, int size);
/* A short centred rule: an empty paragraph WIDTH twips wide with a solid
 * line on top, centred within SPAN twips. */
void docx_rule(docx *d, int width, int span);

/* A table of NCOLS columns of WIDTHS twips; BORDERS 1 for single lines
 * everywhere, 0 for none (the heading and signature blocks). HEADER_ROWS
 * rows repeat on each page. */
void docx_table_begin(docx *d, size_t ncols, const int *widths, int borders);
void docx_row_begin(docx *d, int header);
/* Cell COL of the row, spanning SPAN columns (1 normally). */
void docx_cell_begin(docx *d, size_t col, size_t span);
void docx_cell_end(docx *d);
void docx_row_end(docx *d);
void docx_table_end(docx *d);
/* One cell holding one TableText paragraph of TEXT aligned AL. */
void docx_cell_text(docx *d, size_t col, const char *text, docx_align al, unsigned flags);

/* End the section holding everything written since the last one: A4,
 * LANDSCAPE or portrait, the decree's margins, the page-number header;
 * TITLE_PAGE 1 leaves the first page of the section without it. The last
 * section is ended by docx_finish with the same arguments. */
void docx_section(docx *d, int landscape, int title_page);

/* The .docx package: the templates, word/document.xml ended by a section
 * (LANDSCAPE, TITLE_PAGE as docx_section) and the properties P, into *DATA
 * (caller frees) and *LEN. DTI_ERR_NOMEM, DTI_ERR_TOOBIG, DTI_ERR_INTERNAL
 * (a template missing from the binary). The writer is spent afterwards. */
dti_rc docx_finish(docx *d, int landscape, int title_page, const docx_props *p, void **data,
                   size_t *len, dti_err *e);

/* The print view. The same calls write an HTML page instead (the report
 * laid out once, two renderings): paragraphs, runs, tables and rules as
 * elements with classes only (the server's Content-Security-Policy allows
 * no inline style), the style sheet at CSS (a path the page links to,
 * web/print.css), sections as div.section (the next one starting a new
 * printed page). docx_new_html starts it with TITLE; docx_finish_html ends
 * it (LANDSCAPE: the last section prints on a landscape page) into *DATA
 * (caller frees, NUL-terminated) and *LEN. PAGE fields are left out: the
 * browser numbers printed pages. */
dti_rc docx_new_html(docx **out, const char *title, const char *css, dti_err *e);
dti_rc docx_finish_html(docx *d, int landscape, void **data, size_t *len, dti_err *e);

/* Zip NFILES named parts (NAMES[i], DATA[i], LENS[i]; borrowed) into *OUT
 * (caller frees) and *OUTLEN: the packaging shared by docx and tests. */
dti_rc docx_zip(size_t nfiles, const char *const *names, const void *const *data,
                const size_t *lens, void **out, size_t *outlen, dti_err *e);

#endif
