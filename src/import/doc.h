/* doc.h — a document as the readers see it: a sequence of paragraphs and tables.
 *
 * Every reader (Markdown, tab-separated text with HTML cells, PDF text, .docx,
 * .xlsx) turns its format into a doc; the one extractor (extract.h) works on
 * docs only, so layout knowledge lives in one place and format knowledge in
 * the readers.
 *
 * Text invariants: every string is clean (text.h: NFC, white space folded)
 * except that a cell's paragraphs are joined by '\n' — a paragraph break or a
 * list item in the source, never a line wrapped by the page width. Markup
 * (**, <b>, <p>, <li>) never reaches the text; a list item keeps its marker
 * as "- " at the start of its paragraph.
 *
 * Tables are rectangular grids. A slot covered by a merged cell has
 * merged = DOC_MERGE_LEFT (covered by the cell to its left, gridSpan/colspan)
 * or DOC_MERGE_UP (covered by the cell above, vMerge/rowspan) and text "".
 * A table that continues the previous one across a page break (Markdown
 * fragments, a header row repeated by Word) is a separate doc_table with
 * `continued` set by the reader when it can tell; the extractor joins them.
 *
 * Ownership: the doc owns everything reachable from it; doc_free() frees all. */
#ifndef DTI_DOC_H
#define DTI_DOC_H
#include <stddef.h>

enum { DOC_MERGE_NONE = 0, DOC_MERGE_LEFT = 1, DOC_MERGE_UP = 2 };

typedef struct doc_cell {
    char *text;         /* never NULL; "" for empty or covered */
    int merged;         /* DOC_MERGE_* */
    int bold;           /* the whole cell is bold */
} doc_cell;

typedef struct doc_table {
    size_t nrows, ncols;
    doc_cell *cells;    /* nrows * ncols, row-major: cells[r * ncols + c] */
    int continued;      /* reader believes this continues the previous table */
    int line;           /* source line of the first row, 1-based; 0 unknown */
} doc_table;

enum { DOC_PARA = 1, DOC_TABLE = 2 };

typedef struct doc_block {
    int kind;           /* DOC_PARA or DOC_TABLE */
    int line;           /* source line, 1-based; 0 unknown */
    /* DOC_PARA */
    char *text;         /* clean paragraph text; "- " kept for list items */
    int bold;           /* the whole paragraph is bold (often a heading) */
    int heading;        /* 1..6 where the source marks a heading, else 0 */
    int center;         /* centred (title lines in Word) */
    /* DOC_TABLE */
    doc_table *table;
} doc_block;

typedef struct doc {
    doc_block *blocks;
    size_t n, cap;
    char *name;         /* the file name, for messages */
} doc;

/* Limits on what a reader accepts (STYLE.md rule 5). */
#define DOC_MAX_BLOCKS   200000
#define DOC_MAX_ROWS     20000
#define DOC_MAX_COLS     64
#define DOC_MAX_CELL     (256 * 1024)

doc *doc_new(const char *name);
void doc_free(doc *d);
/* Append a paragraph with a copy of TEXT cleaned (text_clean); empty
 * paragraphs are skipped. Returns the block or NULL (out of memory). */
doc_block *doc_add_para(doc *d, const char *text, int line);
/* Append a new table of NROWS x NCOLS empty cells. Returns it or NULL. */
doc_table *doc_add_table(doc *d, size_t nrows, size_t ncols, int line);
/* Append an empty row; returns its index or -1 (out of memory, over DOC_MAX_ROWS). */
long doc_table_add_row(doc_table *t);
/* Widen the table to NCOLS columns (no-op if already that wide); 0 or -1. */
int doc_table_widen(doc_table *t, size_t ncols);
/* Cell accessor; NULL out of range. */
doc_cell *doc_cell_at(doc_table *t, size_t r, size_t c);
/* Replace a cell's text with a copy of TEXT, cleaning each '\n'-separated
 * paragraph and dropping empty ones. Returns 0 or -1. */
int doc_cell_set(doc_table *t, size_t r, size_t c, const char *text);
/* Paragraph I with the paragraphs after it that only continue it, as a
 * document made from a PDF keeps every printed line apart: a plain (not
 * bold, not heading) paragraph that starts in lower case and is not a
 * lettered item ("a) …"), after one that ends no sentence (. ; : ! ?).
 * Returns the joined text (one space at each join; caller frees) and sets
 * *LAST to the last block joined (I when none), or NULL (out of memory). */
char *doc_para_joined(const doc *d, size_t i, size_t *last);
/* Print the doc in a readable debugging form (dti extract --doc). */
void doc_dump(const doc *d, void *file /* FILE * */);

#endif
