/* pdf_layout.c — paragraphs and tables rebuilt from a PDF's words and boxes.
 *
 * A PDF has no paragraphs or tables, only words at positions (and, for
 * tables, border strokes that poppler-glib does not expose). The plans dti
 * reads are Word documents printed to PDF, so the layout is rebuilt with
 * what such a page always has:
 *
 * Lines. Words are sorted by their vertical centre and grouped into lines
 * (centres within 0.3 of a word's height), each line sorted left to right.
 * A line is cut into chunks where the gap between two words is wider than
 * 1.6 usual spaces (poppler sizes the blank between two words to the gap, so
 * the page's median blank is its usual space): inside a paragraph words are
 * one space apart, between two cells or two letterhead columns they are not.
 * Lines holding only a page number at the top or bottom of a page are
 * dropped, and so is the furniture a browser prints in the margins (a date
 * and time stamp and title on top, a web address and a page counter at the
 * foot: furniture).
 *
 * Tables. A run of lines starts a table at a line with three chunks or more;
 * it goes on while lines are table-like (two chunks or more, or narrower than
 * half the text width: a cell's wrapped line) and the next line is no farther
 * than 1.5 line heights below. Columns are the vertical rivers of the body:
 * x positions that no chunk of a body line covers (a line may cross a river
 * when few do: a group row merged across the table). A chunk that crosses a
 * river is one cell spanning those columns (the others merged into it). The
 * header is the lines before the first body row (see below); a header chunk
 * spanning columns over sub-headers makes a second header row (Word's
 * merged "Phân công" over "Chủ trì | Phối hợp"); read directly, its first
 * line may stand alone above the header's first line of three cells
 * (spanning_head), and a chunk across a border is never cut into packed
 * cells (that is pdftotext -layout's doing).
 *
 * Rows. Without borders, a row is found by its code: the anchor column is
 * the first of the first three whose body lines are mostly codes ("1",
 * "2.3", "IV", "a)"); each code line anchors a row. Word cells are either
 * top-aligned (every cell of a row starts on the code's line: a line belongs
 * to the last anchor at or above it) or centred (HTML-made tables, many
 * administrative templates: the code sits in the middle of its row, so the
 * lines between two codes are split, column by column, so that each cell is
 * centred on its code). Which one is tested on the table: top-aligned is
 * assumed unless cells start away from their row's code line too often.
 * Without an anchor column a row starts where the first column starts a new
 * block of lines.
 *
 * Group letters ("A", "B.") and codes of letters and digits ("CT1", "1a")
 * are codes, a group row led by a letter across the table leaving the
 * rivers alone as a roman one does; codes opening the first column's names
 * ("1.1. Tỷ lệ …") are the anchors of a table with no code column
 * (t->led; a code column among the first three wins, the first then holding
 * group names merged down, "I. Chính quyền số"), such a row centred on its name's lines (a column of list
 * markers alone joins the column on its right). Read directly (not
 * page->grid), a PDF also has: a group row (letter or roman code and a
 * name, nothing else on its line) given no line of the columns after its
 * name; a code-led group row across the code's border kept whole; a column
 * where no chunk starts merged into its neighbour; a group
 * name merged down a first column whose cell a page break cuts placed at
 * the top of its first row, and a centred one never taking a row wholly on
 * a page before its own.
 *
 * Year rows. A table of one row per (indicator, year) whose indicator cells
 * are merged down over the year rows is printed with each merged cell once,
 * centred on its rows: a row whose "Năm" cell holds several year lines is
 * cut into one row per year (year_rows, below table_page's rows).
 *
 * Pages. A table left open at the bottom of a page continues on the next
 * page when that page's first lines fit its columns (read directly, a line
 * may reach half the last column's width past the widest text so far): a repeated header is
 * dropped, lines before the first code continue the last row (top-aligned),
 * the rest are new rows. Read directly, a border moves right into what is
 * left of its river when a continued page's row reaches past it, clear of
 * the next column's starts (widen_direct: a first page of one row). Columns are the first page's; text from pdftotext
 * -layout (pdf_text.c) moves them from page to page, so each continued page
 * is laid on the table again (regrid: by its rivers when it shows as many,
 * else by matching its cell starts to the table's, edge_match; when no one
 * linear map fits, in order with the least change of shift from column to
 * column, order_match, or for a page holding only the last row's tail,
 * tail_match; a list item alone at the top, marker_tail). Moved by cell
 * starts, a chunk moves as one but for values packed one blank apart and
 * words right at a column's start (chunk_shifts); moved by rivers, no two
 * cells of a line come closer than two blanks (keep_gaps). And under a
 * header a column the rivers miss (cells packed one blank apart, or slid
 * left) starts where a header chunk or three body cells start with almost
 * no word across (header_starts); header cells packed one blank apart are
 * cut at the borders (packed_header), but not before a word in lower case
 * over sub-headers on both sides (sub_heads). A header held over from the
 * previous page's foot moves onto the page by one slide (held_dx) or, set
 * out otherwise than the body, its cells in order (held_order).
 *
 * Rows on their own (pdftotext -layout text only, page->grid). pdftotext
 * places each table row anew: a cell may start several characters left of
 * its column, or one blank after its neighbour; rows are set apart by blank
 * lines. Each band of lines with no blank line between gets its own borders
 * (band_bounds: every border moves into a strip of the band that no word
 * covers and a cell starts after); a word across a border in a cell slid
 * left is no crossing (slid_cell); a centred row's lines stay in its band.
 * The header is cut at its own band's borders where one moves left onto
 * a header cell slid into the river (head_bounds). Columns are found with
 * the header ending at the blank line above the first code's row band
 * (row_band_start): a centred first row's cells rise above its code. A
 * header cell's start makes a column when every row band agrees with it,
 * its cell at a different place in each (bands_agree).
 * A line fits a table when it fits its band's borders. Packed columns: a
 * wide table printed one blank between cells on every line, each line
 * laid out on its own, has no border for a whole band; a header cell of
 * two lines makes its column where the lines may be cut near it
 * (packed_cut), and each body line is cut on its own just before the word
 * that starts the next cell (packed_bounds).
 * docs/internals/import.md has the measured effect.
 *
 * Cells. A cell's lines are joined by a space, or by '\n' (a paragraph break
 * in the source) when the line starts a list item ("- ", "+ ") or the
 * previous line ended early (its next word would have fitted); in a column
 * of units (header "chủ trì", "phối hợp", "đơn vị", "cơ quan") also when a
 * line starts with a capital and the previous one does not end in a joining
 * word ("và", "của", "-", ","): one unit per line is how those cells are
 * written. A word cut by a narrow column ("Phòn" / "g") is glued back when
 * the first piece fills the column alone and the second starts in lower case
 * or with a digit. A line opening with a label ("Chủ trì: …", "Phối hợp:
 * …") starts a paragraph in any column.
 *
 * Two columns. A run of lines of at most two chunks split at one river that
 * most of them share (the letterhead: "ỦY BAN NHÂN DÂN … | CỘNG HÒA XÃ HỘI
 * …", the signature block) is a 1x2 table, each side's lines as paragraphs,
 * as Word's letterhead table reads from a .docx.
 *
 * Paragraphs. Other lines join into paragraphs; a new one starts after a gap
 * wider than usual, at a list marker or heading number, after a line that
 * ended early, or when boldness changes. A paragraph is bold when all its
 * words are, centred when its lines are centred on the text area. */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "base/buf.h"
#include "base/vec.h"
#include "base/text.h"
#include "import/pdf.h"

#define MAXC DOC_MAX_COLS
/* pdftotext -layout rows (band_bounds): strips looked at in one row, how
 * far a cell may slide left or right of its column (characters), what a
 * border with no strip costs (characters) */
#define BAND_GAPS 48
#define BAND_LEFT 9.0
#define BAND_RIGHT 3.0
#define BAND_NONE 6.0
#define BAND_WEAK 2.0

/* ---- lines ------------------------------------------------------------- */

typedef struct line {
    const pdf_word **w;   /* borrowed: into the page's sorted word pointers */
    size_t n;
    double x0, y0, x1, y1, yc;
    int nchunks;
    int bold;             /* every word bold */
} line;

typedef struct page_ctx {
    const pdf_page *pg;
    const pdf_word **w;   /* owned array of pointers */
    line *ln;             /* owned */
    size_t nln;
    double h;             /* median word height */
    double sp;            /* usual space */
    double gap;           /* chunk gap */
    double left, right;   /* text area */
} page_ctx;

static int cmp_d(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static int cmp_wy(const void *a, const void *b)
{
    const pdf_word *x = *(const pdf_word *const *)a, *y = *(const pdf_word *const *)b;
    double cx = (x->y0 + x->y1) / 2, cy = (y->y0 + y->y1) / 2;
    if (cx != cy)
        return (cx > cy) - (cx < cy);
    return (x->x0 > y->x0) - (x->x0 < y->x0);
}

static int cmp_wx(const void *a, const void *b)
{
    const pdf_word *x = *(const pdf_word *const *)a, *y = *(const pdf_word *const *)b;
    return (x->x0 > y->x0) - (x->x0 < y->x0);
}

static int all_digits(const char *s)
{
    if (!*s)
        return 0;
    for (; *s; s++)
        if (*s < '0' || *s > '9')
            return 0;
    return 1;
}

/* A word of the form D/M/YY or DD/MM/YYYY (a trailing comma allowed). */
static int date_word(const char *s)
{
    int part = 0, digits = 0;
    for (; *s && *s != ','; s++) {
        if (*s >= '0' && *s <= '9') {
            if (++digits > 4)
                return 0;
        } else if (*s == '/' && digits && digits <= 2 && part < 2) {
            part++, digits = 0;
        } else {
            return 0;
        }
    }
    return part == 2 && (digits == 2 || digits == 4) && (!*s || !s[1]);
}

/* A word of the form H:MM or H:MM:SS. */
static int time_word(const char *s)
{
    int part = 0, digits = 0;
    for (; *s; s++) {
        if (*s >= '0' && *s <= '9') {
            if (++digits > 2)
                return 0;
        } else if (*s == ':' && digits && part < 2) {
            part++, digits = 0;
        } else {
            return 0;
        }
    }
    return part >= 1 && digits == 2;
}

/* A page counter "3/12" (page at most the count). */
static int counter_word(const char *s)
{
    char *e;
    if (*s < '1' || *s > '9')
        return 0;
    long a = strtol(s, &e, 10);
    if (*e != '/' || e[1] < '1' || e[1] > '9')
        return 0;
    long b = strtol(e + 1, &e, 10);
    return !*e && a <= b && b <= PDF_MAX_PAGES;
}

/* Line K of C (the first, TOP, or the last) is page furniture that a
 * browser or a spreadsheet prints in the margin of every page, never part
 * of the plan: set apart from the text by more than 1.5 line heights, and
 * either holding a web address ("file:///…/ke-hoach.html", "https://…"),
 * or, at the top, opening with a date and time stamp ("12/7/26, 8:59 AM
 * title"), or, at the foot, ending with a page counter ("1/3", "Page 1 of
 * 3", "Trang 1/3"). A Chromium print with its header and footer on has
 * both on every page (docs/internals/import.md, "PDFs from other
 * programs"); the foot line would otherwise join a table's body and its
 * long address cover the code column's river. */
static int furniture(const page_ctx *c, size_t k, int top)
{
    const line *L = &c->ln[k];
    const line *N = top ? &c->ln[k + 1] : &c->ln[k - 1];
    double gap = top ? N->y0 - L->y1 : L->y0 - N->y1;
    if (!(gap > 0) || L->n > 40)
        return 0;
    int url = 0;
    for (size_t w = 0; w < L->n; w++) {
        const char *s = L->w[w]->text;
        url |= strncmp(s, "file://", 7) == 0 || strncmp(s, "http://", 7) == 0 || strncmp(s, "https://", 8) == 0;
    }
    /* a stamp or a counter is never how a plan's text starts or ends a
     * page: it needs no gap (a table row continued on a new page may start
     * right under the browser's header) */
    if (top)
        return (L->n >= 2 && date_word(L->w[0]->text) && time_word(L->w[1]->text)) ||
               (url && gap > 1.5 * c->h);
    const char *last = L->w[L->n - 1]->text;
    if (counter_word(last))
        return 1;
    /* "Page 1 of 3", "Trang 1 / 3" */
    if (L->n >= 4 && all_digits(last) && all_digits(L->w[L->n - 3]->text) &&
        (strcmp(L->w[L->n - 2]->text, "of") == 0 || strcmp(L->w[L->n - 2]->text, "/") == 0) &&
        (strcmp(L->w[L->n - 4]->text, "Page") == 0 || strcmp(L->w[L->n - 4]->text, "Trang") == 0))
        return 1;
    return url && gap > 1.5 * c->h;
}

static int page_lines(page_ctx *c, const pdf_page *pg)
{
    memset(c, 0, sizeof *c);
    c->pg = pg;
    if (!pg->n)
        return 0;
    c->w = malloc(pg->n * sizeof *c->w);
    double *hs = malloc(pg->n * sizeof *hs);
    if (!c->w || !hs) {
        free(hs);
        return -1;
    }
    size_t nw = 0;
    for (size_t i = 0; i < pg->n; i++) {
        const pdf_word *w = &pg->words[i];
        if (!(w->x1 >= w->x0) || !(w->y1 > w->y0) || !isfinite(w->x0) || !isfinite(w->y0) ||
            !isfinite(w->x1) || !isfinite(w->y1))
            continue;
        hs[nw] = w->y1 - w->y0;
        c->w[nw++] = w;
    }
    if (!nw) {
        free(hs);
        return 0;
    }
    qsort(hs, nw, sizeof *hs, cmp_d);
    c->h = hs[nw / 2];
    free(hs);
    c->sp = pg->space > 0 ? pg->space : c->h * 0.25;
    c->gap = c->sp * 1.6;
    if (c->gap < 4.0)
        c->gap = 4.0;
    qsort(c->w, nw, sizeof *c->w, cmp_wy);
    c->ln = calloc(nw, sizeof *c->ln);
    if (!c->ln)
        return -1;
    size_t i = 0;
    while (i < nw) {
        line *L = &c->ln[c->nln];
        L->w = &c->w[i];
        double yc = (c->w[i]->y0 + c->w[i]->y1) / 2;
        size_t j = i + 1;
        while (j < nw && (c->w[j]->y0 + c->w[j]->y1) / 2 - yc < 0.3 * c->h)
            j++;
        L->n = j - i;
        qsort(L->w, L->n, sizeof *L->w, cmp_wx);
        L->x0 = L->w[0]->x0, L->x1 = L->w[0]->x1, L->y0 = L->w[0]->y0, L->y1 = L->w[0]->y1;
        L->bold = 1;
        L->nchunks = 1;
        for (size_t k = 0; k < L->n; k++) {
            const pdf_word *w = L->w[k];
            if (w->x0 < L->x0) L->x0 = w->x0;
            if (w->x1 > L->x1) L->x1 = w->x1;
            if (w->y0 < L->y0) L->y0 = w->y0;
            if (w->y1 > L->y1) L->y1 = w->y1;
            L->bold &= w->bold;
            if (k && w->x0 - L->w[k - 1]->x1 > c->gap)
                L->nchunks++;
        }
        L->yc = (L->y0 + L->y1) / 2;
        c->nln++;
        i = j;
    }
    /* page numbers: a line of digits (or "- 3 -", "Trang 3") first or last on the page */
    for (int end = 0; end < 2 && c->nln; end++) {
        size_t k = end ? c->nln - 1 : 0;
        line *L = &c->ln[k];
        int num = 0;
        if (L->n == 1 && all_digits(L->w[0]->text))
            num = 1;
        else if (L->n == 3 && strcmp(L->w[0]->text, "-") == 0 && all_digits(L->w[1]->text) &&
                 strcmp(L->w[2]->text, "-") == 0)
            num = 1;
        else if (L->n == 2 && (strcmp(L->w[0]->text, "Trang") == 0 || strcmp(L->w[0]->text, "Page") == 0) &&
                 all_digits(L->w[1]->text))
            num = 1;
        if (num) {
            memmove(&c->ln[k], &c->ln[k + 1], (c->nln - k - 1) * sizeof *c->ln);
            c->nln--;
        }
    }
    /* a browser's or a spreadsheet's page furniture, alone in the margin */
    while (c->nln >= 2 && furniture(c, c->nln - 1, 0))
        c->nln--;
    if (c->nln >= 2 && furniture(c, 0, 1)) {
        memmove(&c->ln[0], &c->ln[1], (c->nln - 1) * sizeof *c->ln);
        c->nln--;
    }
    c->left = 1e9, c->right = -1e9;
    for (size_t k = 0; k < c->nln; k++) {
        if (c->ln[k].x0 < c->left) c->left = c->ln[k].x0;
        if (c->ln[k].x1 > c->right) c->right = c->ln[k].x1;
    }
    return 0;
}

static void page_release(page_ctx *c)
{
    free(c->w);
    free(c->ln);
}

/* Chunk K of line L: words [*a, *b). Returns 0 when there is no chunk K. */
static int chunk(const page_ctx *c, const line *L, int k, size_t *a, size_t *b)
{
    size_t s = 0;
    for (int i = 0; i <= k; i++) {
        if (s >= L->n)
            return 0;
        size_t e = s + 1;
        while (e < L->n && L->w[e]->x0 - L->w[e - 1]->x1 <= c->gap)
            e++;
        if (i == k) {
            *a = s, *b = e;
            return 1;
        }
        s = e;
    }
    return 0;
}

/* Words [a, b) of L joined by spaces into B. */
static void words_text(buf *b, const line *L, size_t a, size_t e)
{
    for (size_t i = a; i < e; i++) {
        if (i > a)
            buf_addc(b, ' ');
        buf_adds(b, L->w[i]->text);
    }
}

/* ---- small text tests --------------------------------------------------- */

static int is_roman(const char *s, size_t n)
{
    if (!n || n > 6)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (!strchr("IVXL", s[i]))
            return 0;
    return 1;
}

/* A row code: "1", "1.", "1.2", "1.2.3", "IV", "IV.", "a)", "a.", "đ)"; "(1)" and a
 * bare number of four digits or more ("2026") are not. */
static int is_code(const char *s)
{
    size_t n = strlen(s);
    if (!n || n > 10)
        return 0;
    if (n > 1 && (s[n - 1] == '.' || s[n - 1] == ')'))
        n--;
    if (is_roman(s, n))
        return 1;
    if (n == 1 && s[0] >= 'a' && s[0] <= 'z' && s[n] == ')')
        return 1;
    if (n == 2 && (unsigned char)s[0] == 0xC4 && (unsigned char)s[1] == 0x91 && s[n] == ')') /* đ) */
        return 1;
    int digits = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] >= '0' && s[i] <= '9')
            digits++;
        else if (s[i] != '.' || i == 0 || s[i - 1] == '.')
            return 0;
    }
    if (digits >= 4 && (size_t)digits == n)
        return 0;   /* "2026": a year in a header ("Mục tiêu năm / 2026"), no table has 1000 rows */
    return digits > 0 && digits <= 6;
}

/* A numbering row under a header: "(1) (2) (3)" or "1 2 3 4". */
static int is_numbering(const char *s)
{
    if (*s == '(')
        s++;
    size_t n = strlen(s);
    if (n && s[n - 1] == ')')
        n--;
    if (!n || n > 3)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return 0;
    return 1;
}

/* The code point at S (0 at the end or for a broken sequence). */
static unsigned cp_at(const char *s)
{
    const unsigned char *u = (const unsigned char *)s;
    if (u[0] < 0x80)
        return u[0];
    if ((u[0] & 0xE0) == 0xC0 && u[1])
        return ((u[0] & 0x1Fu) << 6) | (u[1] & 0x3Fu);
    if ((u[0] & 0xF0) == 0xE0 && u[1] && u[2])
        return ((u[0] & 0x0Fu) << 12) | ((u[1] & 0x3Fu) << 6) | (u[2] & 0x3Fu);
    return 0;
}

/* A Vietnamese capital letter first (A-Z, Đ, Ă, Â, Ơ, Ư and their accented forms). */
static int starts_upper(const char *s)
{
    unsigned cp = cp_at(s);
    if (cp >= 'A' && cp <= 'Z')
        return 1;
    if (cp >= 0xC0 && cp <= 0xDD && cp != 0xD7)
        return 1;
    if (cp == 0x110 || cp == 0x102 || cp == 0x128 || cp == 0x168 || cp == 0x1A0 || cp == 0x1AF)
        return 1;
    return cp >= 0x1EA0 && cp <= 0x1EF9 && cp % 2 == 0;
}

static int starts_lower_or_digit(const char *s)
{
    unsigned char c = (unsigned char)*s;
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
        return 1;
    if (c < 0x80)
        return 0;
    return !starts_upper(s);
}

/* A list item or a heading number starts here: "- ", "+ ", "• ", "a) ", "1. ", "II. ". */
static int list_marker_start(const char *s)
{
    if ((s[0] == '-' || s[0] == '+' || s[0] == '*') && s[1] == ' ')
        return 1;
    if (strncmp(s, "\xE2\x80\xA2", 3) == 0 || strncmp(s, "\xE2\x80\x93 ", 4) == 0)
        return 1;
    return 0;
}

/* A word that starts a list item or a numbered heading: "-", "+", "•", "1.", "II.", "a)". */
static int marker_word(const char *w)
{
    return strcmp(w, "-") == 0 || strcmp(w, "+") == 0 || strcmp(w, "*") == 0 ||
           strcmp(w, "\xE2\x80\xA2") == 0 || strcmp(w, "\xE2\x80\x93") == 0;
}

static int heading_word(const char *w)
{
    size_t n = strlen(w);
    return n >= 2 && n <= 8 && (w[n - 1] == '.' || w[n - 1] == ')') && is_code(w);
}

/* The line ends in a word that joins it to the next: "và", "của", "-", ",". */
/* A line opening with a label: a capitalised word or two and a colon
 * ("Chủ trì: …", "Phối hợp: …", "Sản phẩm: …"): a paragraph of its own. */
static int label_start(const char *s)
{
    if (!starts_upper(s))
        return 0;
    int words = 1;
    for (const char *p = s; *p && words <= 3; p++) {
        if (*p == ' ')
            words++;
        else if (*p == ':')
            return p > s && (p[1] == ' ' || p[1] == 0) && !(p[-1] >= '0' && p[-1] <= '9');
    }
    return 0;
}

static int joining_end(const char *s)
{
    size_t n = strlen(s);
    static const char *const ends[] = {" và", " của", " các", " -", ",", " với", " và các", "&"};
    for (size_t i = 0; i < sizeof ends / sizeof *ends; i++) {
        size_t k = strlen(ends[i]);
        if (n >= k && strcmp(s + n - k, ends[i]) == 0)
            return 1;
    }
    return 0;
}

static int ends_alnum(const char *s)
{
    size_t n = strlen(s);
    if (!n)
        return 0;
    unsigned char c = (unsigned char)s[n - 1];
    return c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Letters of the first word of S folded (no marks, đ → d, lower case). */
static int first_word_vowels(const char *s, int *vowel_first, int *vowels, size_t *len)
{
    const char *sp = strchr(s, ' ');
    size_t n = sp ? (size_t)(sp - s) : strlen(s);
    char tmp[64];
    if (n >= sizeof tmp)
        n = sizeof tmp - 1;
    memcpy(tmp, s, n);
    tmp[n] = 0;
    char *f = text_fold(tmp);
    if (!f)
        return -1;
    *vowels = 0;
    *vowel_first = f[0] && strchr("aeiouy", f[0]) != NULL;
    for (char *p = f; *p; p++)
        *vowels += *p && strchr("aeiouy", *p) != NULL;
    *len = strlen(f);
    free(f);
    return 0;
}

static int last_is_vowel(const char *s)
{
    char *f = text_fold(s);
    if (!f)
        return 0;
    size_t n = strlen(f);
    int v = n && strchr("aeiouy", f[n - 1]) != NULL;
    free(f);
    return v;
}

/* S opens with a year, 19xx or 20xx, ending there or before a blank. */
static int whole_year(const char *s)
{
    return (strncmp(s, "19", 2) == 0 || strncmp(s, "20", 2) == 0) && isdigit((unsigned char)s[2]) &&
           isdigit((unsigned char)s[3]) && (s[4] == '\0' || s[4] == ' ');
}

/* A word cut by a narrow column: "Chuy" + "ển", "10/202" + "6", "ST" + "T";
 * not two whole years, one a line ("2026" / "2027": a cell of year rows). */

static int cut_word(const char *prev, const char *next)
{
    size_t n = strlen(prev);
    if (!n)
        return 0;
    unsigned char last = (unsigned char)prev[n - 1];
    unsigned char first = (unsigned char)next[0];
    if ((last >= '0' && last <= '9') || last == '/')
        return first >= '0' && first <= '9' && !(whole_year(prev) && whole_year(next));   /* "2026" / "2027 …" */
    if (last >= '0' && last <= '9')
        return 0;
    if (!ends_alnum(prev))
        return 0;
    if (first >= '0' && first <= '9')
        return 0;
    if (starts_upper(next)) {   /* "ST" + "T": both all capitals */
        for (const char *p = prev; *p; p++) {
            unsigned cp = ((unsigned char)*p & 0xC0) == 0x80 ? 0 : cp_at(p);
            if (((cp >= 'a' && cp <= 'z') || cp >= 0xC0) && !starts_upper(p))
                return 0;   /* "Số" + "TT" are two words */
        }
        const char *sp = strchr(next, ' ');
        size_t k = sp ? (size_t)(sp - next) : strlen(next);
        for (size_t i = 0; i < k; i++)
            if (next[i] >= 'a' && next[i] <= 'z')
                return 0;
        return k <= 3;
    }
    if (!starts_lower_or_digit(next))
        return 0;
    int vf, nv;
    size_t len;
    if (first_word_vowels(next, &vf, &nv, &len))
        return 0;
    if (nv == 0)                 /* "Phòn" + "g", "chuẩ" + "n" */
        return 1;
    return vf && len <= 3 && last_is_vowel(prev);   /* "Chuy" + "ển" */
}

/* A line of a unit column that starts a unit's name (one unit per line). */
static int unit_head(const char *s)
{
    static const char *const heads[] = {
        "Phòng ", "Văn phòng ", "Trung tâm ", "Công an ", "Trạm ", "Các ", "Đoàn ", "Hội ",
        "Ủy ban ", "Ban ", "Sở ", "Bưu điện ", "Kho bạc ", "Trường ", "Hợp tác xã ",
        "Doanh nghiệp ", "Ngân hàng ", "Đảng ủy ", "Mặt trận ", "Cơ quan ", "Chi nhánh ",
        "Viettel", "VNPT", "Tổ ", "Ngành ", "Thôn ", "Ấp ", "Khu phố ", "Ban chỉ huy ", "Quân sự ",
        "Công chức ", "Bộ phận ", "Đài ", "Chi cục ", "Cục ", "Liên đoàn ", "Tổ chức ", "Mạng lưới ",
        "Trưởng ",   /* "Trưởng các thôn", "Trưởng ấp": the heads of hamlets as a unit */
    };
    for (size_t i = 0; i < sizeof heads / sizeof *heads; i++) {
        size_t n = strlen(heads[i]);
        if (heads[i][n - 1] == ' ')
            n--;
        if (strncmp(s, heads[i], n) == 0 && (s[n] == ' ' || s[n] == 0))
            return 1;
        /* the line holds only the head's first words, cut by the column
         * ("Doanh" / "nghiệp viễn thông") */
        size_t m = strlen(s);
        if (m >= 3 && m < n && strncmp(heads[i], s, m) == 0 && heads[i][m] == ' ')
            return 1;
    }
    return 0;
}

/* A line that is only the head of a unit's name ("Văn phòng", "Trung tâm"):
 * its name goes on on the next line. */
static int bare_head(const char *s)
{
    static const char *const bare[] = {"Văn phòng", "Phòng", "Trung tâm", "Sở", "Ban", "Trạm", "Ủy ban",
                                       "Ủy ban nhân dân", "Công an", "Các", "Đoàn", "Hội", "Chi nhánh",
                                       "Ban công tác"};   /* "Ban công tác" / "Mặt trận các thôn" */
    if (list_marker_start(s))   /* "- Văn phòng" / "Hội đồng nhân dân …" */
        s += strncmp(s, "\xE2\x80", 2) == 0 ? (s[3] == ' ' ? 4 : 3) : 2;
    if (label_start(s)) {   /* "Chủ trì: Văn phòng" / "Hội đồng nhân dân và" */
        const char *colon = strchr(s, ':');
        s = colon + (colon[1] == ' ' ? 2 : 1);
    }
    for (size_t i = 0; i < sizeof bare / sizeof *bare; i++)
        if (strcmp(s, bare[i]) == 0)
            return 1;
    return 0;
}

/* ---- tables ------------------------------------------------------------- */

typedef struct cline {
    char *text;           /* owned */
    double x0, x1, y;     /* extent and centre of this piece of a line */
    double w0;            /* width of its first word */
    int nwords;
    int page;
} cline;

typedef struct tcell {
    cline *v;
    size_t n, cap;
    int span;             /* > 1: this cell covers the next span-1 columns */
    int covered;          /* merged into the cell on its left */
    int up;               /* merged into the cell above (a group column) */
} tcell;

typedef struct trow {
    tcell c[MAXC];
    int header;
} trow;

typedef struct otable {
    trow *rows;
    size_t n, cap;
    size_t ncols;
    double bound[MAXC];   /* bound[i]: x between column i and i+1 */
    double colw[MAXC];    /* widest line seen in each column */
    double colx1[MAXC];   /* rightmost end of a line seen in each column */
    int units[MAXC];      /* column of unit names */
    int anchor;           /* anchor column or -1 */
    int centered;
    size_t pairs, bad;    /* alignment evidence: (row, column) cells seen, not starting on the code line */
    double xmin, xmax;    /* extent of the table's text */
    double h;             /* word height on the table's first page */
    char *head_sig;       /* header text, to drop repeated headers */
    int open;             /* may continue on the next page */
    int grid;             /* from pdftotext -layout: widths in character cells */
    int led;              /* the anchor column's codes open its names ("1.1. Tỷ lệ …") */
    int bottom;           /* cells bottom-aligned (a spreadsheet): a row ends on its code's line */
    size_t bpairs, bbad;  /* the same evidence for bottom alignment: cells not ending on the code line */
} otable;

static void table_release(otable *t)
{
    for (size_t r = 0; r < t->n; r++)
        for (size_t k = 0; k < MAXC; k++) {
            for (size_t i = 0; i < t->rows[r].c[k].n; i++)
                free(t->rows[r].c[k].v[i].text);
            free(t->rows[r].c[k].v);
        }
    free(t->rows);
    free(t->head_sig);
    memset(t, 0, sizeof *t);
    t->anchor = -1;
}

static trow *add_row(otable *t)
{
    if (t->n >= DOC_MAX_ROWS)
        return NULL;
    trow *v = vec_grow(t->rows, t->n, &t->cap, sizeof *v, 32);
    if (!v)
        return NULL;
    t->rows = v;
    memset(&v[t->n], 0, sizeof *v);
    return &v[t->n++];
}

static int cell_add(tcell *c, const char *text, double x0, double x1, double y, double w0,
                    int nwords, int page)
{
    cline *v = vec_grow(c->v, c->n, &c->cap, sizeof *v, 4);
    if (!v)
        return -1;
    c->v = v;
    char *t = strdup(text);
    if (!t)
        return -1;
    v[c->n++] = (cline){t, x0, x1, y, w0, nwords, page};
    return 0;
}

static size_t col_of(const otable *t, double x)
{
    size_t k = 0;
    while (k + 1 < t->ncols && x > t->bound[k])
        k++;
    return k;
}

/* One line cut into column pieces: piece[k] text (or empty), with extent. */
typedef struct piece {
    buf text;
    double x0, x1, w0;
    int nwords;
    int span;             /* columns covered from this one */
} piece;

static void pieces_release(piece *p, size_t n)
{
    for (size_t k = 0; k < n; k++)
        buf_release(&p[k].text);
}

static double chunk_x(const page_ctx *c, const line *L, int k);
static int code_led(const page_ctx *c, const line *L);

/* Whether the lines below header line L, in its band (no blank line
 * between) and before a line led by a row code, have words in both columns
 * K and K + 1: sub-headers under a cell spanning the two ("Cơ quan chủ
 * trì/phối hợp" over "Chủ trì | Phối hợp"). */
static int sub_heads(const page_ctx *c, const otable *t, const line *L, size_t k)
{
    int left = 0, right = 0;
    if (L < c->ln || L >= c->ln + c->nln || code_led(c, L))   /* a row read as a group row: no header */
        return 0;
    for (size_t j = (size_t)(L - c->ln) + 1; j < c->nln && !(left && right); j++) {
        const line *M = &c->ln[j];
        if (M->yc - c->ln[j - 1].yc > 1.3 * c->h || code_led(c, M))
            break;
        for (size_t w = 0; w < M->n; w++) {
            size_t q = col_of(t, (M->w[w]->x0 + M->w[w]->x1) / 2);
            left |= q == k, right |= q == k + 1;
        }
    }
    return left && right;
}

/* Whether words [a, b) of L, a chunk from column K0 to K1, break at every
 * border between: a word ends left of it and the next starts within two
 * and a half usual spaces right of it — not before a word in lower case
 * over sub-headers on both sides (sub_heads: a cell spanning them, which
 * the border happens to cut after its first words, "Cơ quan | chủ
 * trì/phối hợp"). */
static int packed_header(const page_ctx *c, const otable *t, const line *L, size_t a, size_t b, size_t k0,
                         size_t k1)
{
    for (size_t k = k0; k < k1; k++) {
        double x = t->bound[k];
        int cut = 0;
        for (size_t i = a + 1; i < b && !cut; i++)
            cut = L->w[i - 1]->x1 < x && L->w[i]->x0 >= x && L->w[i]->x0 <= x + 2.5 * c->sp &&
                  !(starts_lower_or_digit(L->w[i]->text) && !isdigit((unsigned char)L->w[i]->text[0]) &&
                    sub_heads(c, t, L, k));
        if (!cut)
            return 0;
    }
    return 1;
}

/* A header year ("2026"): 19xx or 20xx alone. */
static int year_word(const char *w)
{
    return strlen(w) == 4 && (strncmp(w, "19", 2) == 0 || strncmp(w, "20", 2) == 0) && isdigit((unsigned char)w[2]) &&
           isdigit((unsigned char)w[3]);
}

/* Put words [a, b) of L into piece P[k]. */
static void piece_add(const line *L, size_t a, size_t b, piece *q)
{
    for (size_t i = a; i < b; i++) {
        const pdf_word *w = L->w[i];
        if (q->nwords) {
            buf_addc(&q->text, ' ');
        } else {
            q->x0 = w->x0;
            q->w0 = w->x1 - w->x0;
        }
        buf_adds(&q->text, w->text);
        q->x1 = w->x1;
        q->nwords++;
    }
}

/* pdftotext -layout packs a long header line to one blank between words
 * ("2026 2027 2028 2029 2030 Chủ trì" over year columns set wider apart by
 * their values): words [a, b) of L, a chunk from column K0 to K1 that no
 * border cuts (packed_header), opening with two or more years, every word
 * one blank after the last. The years go one to a column from K0 in order,
 * the words after them to the next column; 1 when so placed in P. */
static int packed_years(const page_ctx *c, const otable *t, const line *L, size_t a, size_t b, size_t k0,
                        size_t k1, piece *p)
{
    size_t ny = 0;
    while (a + ny < b && year_word(L->w[a + ny]->text))
        ny++;
    size_t cells = ny + (a + ny < b);
    if (ny < 2 || k0 + cells > t->ncols || k1 - k0 + 1 > cells)
        return 0;
    for (size_t i = a + 1; i < b; i++)
        if (L->w[i]->x0 - L->w[i - 1]->x1 > c->gap)
            return 0;
    for (size_t i = 0; i < ny; i++)
        if (p[k0 + i].nwords)
            return 0;
    for (size_t i = 0; i < ny; i++)
        piece_add(L, a + i, a + i + 1, &p[k0 + i]);
    if (a + ny < b)
        piece_add(L, a + ny, b, &p[k0 + ny]);
    return 1;
}

/* The column of the header word nearest above word W of header line L (one
 * or two lines up) that overlaps it, or T->ncols when none. */
static size_t head_above_col(const page_ctx *c, const otable *t, const line *L, const pdf_word *w)
{
    size_t j = (size_t)(L - c->ln);
    for (size_t u = j; u-- > 0 && j - u <= 2;) {
        const line *U = &c->ln[u];
        if (L->yc - U->yc > 3.0 * c->h)
            break;
        for (size_t i = 0; i < U->n; i++)
            if (U->w[i]->x0 < w->x1 && U->w[i]->x1 > w->x0)
                return col_of(t, U->w[i]->x0 + 0.5);
    }
    return t->ncols;
}

static int line_pieces(const page_ctx *c, const otable *t, const line *L, piece *p, int header)
{
    for (size_t k = 0; k < t->ncols; k++) {
        buf_init(&p[k].text, DOC_MAX_CELL);
        p[k].x0 = p[k].x1 = p[k].w0 = 0;
        p[k].nwords = 0;
        p[k].span = 1;
    }
    size_t a, b;
    /* a group row (its code, then one piece of text) spans what it crosses */
    int group = 0;
    if (L->nchunks <= 2 && code_led(c, L)) {
        /* in -layout text only when the code and its name are one chunk
         * ("I. Hạ tầng số" across the code's border): a code alone before
         * its row's cells ("3      chính … toàn Trên 60%") is no group row */
        header = 1, group = !t->grid;
        if (t->grid && chunk(c, L, 0, &a, &b) && b - a >= 2 && is_code(L->w[a]->text))
            group = 1;
    }
    for (int ch = 0; chunk(c, L, ch, &a, &b); ch++) {
        size_t k0 = col_of(t, L->w[a]->x0 + 0.5);
        size_t k1 = col_of(t, L->w[b - 1]->x1 - 0.5);
        int straddle = header;
        /* header cells packed one blank apart ("Thời hạn Kinh phí"): the
         * chunk is cut where a word starts just right of each border it
         * crosses, left-aligned as its column's cells are; a header centred
         * over sub-headers ("Phân công") does not line up so; nor does a
         * group row read directly ("I. Hạ tầng số" across the code's border).
         * Read directly, cells are never one blank apart (a Word cell's
         * margins part them): a chunk across a border is one cell spanning
         * columns ("Kinh phí (triệu" over "Ngân sách | Xã hội hóa", its
         * "(triệu" wrapped just right of the border) */
        if (header && !group && k1 != k0 && t->grid && packed_header(c, t, L, a, b, k0, k1))
            straddle = 0;
        /* in -layout text a header word alone across one border goes to the
         * column of the header word it lies under: "hạn" of "Thời / hạn", set
         * two characters left of "Thời" under a header held over from the
         * page before (else to where most of it lies) */
        else if (header && !group && t->grid && b - a == 1 && k1 == k0 + 1 && !code_led(c, L)) {
            size_t k = head_above_col(c, t, L, L->w[a]);
            k0 = k1 = k < t->ncols ? k : col_of(t, (L->w[a]->x0 + L->w[a]->x1) / 2);
        }
        else if (header && !group && k1 != k0 && t->grid && packed_years(c, t, L, a, b, k0, k1, p))
            continue;
        for (size_t i = a; i < b && k1 != k0; i++)
            if (col_of(t, L->w[i]->x0 + 1.0) != col_of(t, L->w[i]->x1 - 1.0))
                straddle = 1;
        if (k1 == k0 || !straddle) {
            /* words of one chunk may still sit in two columns when the gap is narrow */
            for (size_t i = a; i < b; i++) {
                const pdf_word *w = L->w[i];
                size_t k = b - a == 1 ? k0 : col_of(t, (w->x0 + w->x1) / 2);
                piece *q = &p[k];
                if (q->nwords) {
                    buf_addc(&q->text, ' ');
                } else {
                    q->x0 = w->x0;
                    q->w0 = w->x1 - w->x0;
                }
                buf_adds(&q->text, w->text);
                q->x1 = w->x1;
                q->nwords++;
            }
        } else {
            piece *q = &p[k0];
            if (q->nwords)
                buf_addc(&q->text, ' ');
            else
                q->x0 = L->w[a]->x0, q->w0 = L->w[a]->x1 - L->w[a]->x0;
            words_text(&q->text, L, a, b);
            q->x1 = L->w[b - 1]->x1;
            q->nwords += (int)(b - a);
            if ((int)(k1 - k0 + 1) > q->span)
                q->span = (int)(k1 - k0 + 1);
        }
    }
    for (size_t k = 0; k < t->ncols; k++)
        if (buf_failed(&p[k].text))
            return -1;
    return 0;
}

/* How many rivers of T the chunks of L cross. */
static int slid_cell(const page_ctx *c, size_t j, size_t a, size_t b, double x, double l);
static int slid_at(const page_ctx *c, size_t j, size_t a, size_t b, double x, double l, int need);
static int slid_word(const page_ctx *c, const line *L, size_t w, size_t j, size_t a, size_t b, double x, double lb);

/* How many rivers of T the words of L cross (in pdftotext -layout text, a
 * cell slid left across its border, see band_bounds, crosses none). */
static int crossings(const page_ctx *c, const otable *t, const line *L)
{
    int n = 0;
    for (size_t i = 0; i < L->n; i++) {
        size_t k0 = col_of(t, L->w[i]->x0 + 1.0), k1 = col_of(t, L->w[i]->x1 - 1.0);
        if (k1 > k0 && c->pg->grid && k1 == k0 + 1 &&
            slid_word(c, L, i, (size_t)(L - c->ln), 0, c->nln, t->bound[k0], k0 ? t->bound[k0 - 1] : t->xmin))
            continue;
        n += (int)(k1 - k0);
    }
    return n;
}

static double chunk_x(const page_ctx *c, const line *L, int k);
static int code_led(const page_ctx *c, const line *L);

/* How many chunks of L run from one column into another. */
static int chunk_crossings(const page_ctx *c, const otable *t, const line *L)
{
    int n = 0;
    size_t a, b;
    for (int ch = 0; chunk(c, L, ch, &a, &b); ch++)
        n += col_of(t, L->w[a]->x0 + 1.0) != col_of(t, L->w[b - 1]->x1 - 1.0);
    return n;
}

/* Columns the rivers missed, from the header's chunk starts: a header chunk
 * that starts inside a column, clear of its borders, where body lines [a, b)
 * often start a word and almost never run a word across, starts a column of
 * its own. pdftotext -layout keeps a cell's left edge but may close the gap
 * before it to one blank when the cell to its left is full ("… chữ ký số
 * Văn phòng HĐND"), or slide a cell a few characters left, so no river
 * shows there although the header and most rows agree on the column. The
 * border goes a usual space before the start (the least-cost split of the
 * line's words then places the packed ones). */
/* Add a border a usual space before HX when it lies inside a column, clear
 * of its borders, and body lines [a, b) start at least MIN words (MIN
 * chunks when CHUNKS) there, at least a third of them (HX from a header),
 * with almost no word running across. 1 when added. */
/* Lines [*j0, *j1) around line J with no blank line between: one row as
 * pdftotext -layout laid it out. */
static void band_of(const page_ctx *c, size_t j, size_t a, size_t b, size_t *j0, size_t *j1)
{
    size_t s = j, e = j + 1;
    while (s > a && c->ln[s].yc - c->ln[s - 1].yc <= 1.6 * c->h)
        s--;
    while (e < b && c->ln[e].yc - c->ln[e - 1].yc <= 1.6 * c->h)
        e++;
    *j0 = s, *j1 = e;
}

/* Line L opens with a row code ending left of X (a code column before it). */
static int row_code_line(const line *L, double x)
{
    return L->n && L->w[0]->x1 < x && is_code(L->w[0]->text);
}

/* Whether a word of line J (lines [a, b)) starting at X, inside a column
 * whose left border is L, is a cell slid left across a border by
 * pdftotext -layout (see band_bounds): in J's row some line starts a chunk
 * at X, no word covers the character before X, and the column holds text
 * left of it. */
static int slid_cell(const page_ctx *c, size_t j, size_t a, size_t b, double x, double l)
{
    return slid_at(c, j, a, b, x, l, 1);
}

/* slid_cell(), with no chunk needed to start at X when not NEED (a cell
 * packed one blank after its neighbour). */
static int slid_at(const page_ctx *c, size_t j, size_t a, size_t b, double x, double l, int need)
{
    size_t j0, j1, s0, s1;
    int start = !need, left = 0;
    band_of(c, j, a, b, &j0, &j1);
    /* a band of two rows or more laid out with no blank line between
     * (centred rows): on a line led by its row's code left of the column,
     * the rows of the codes above and below are not its own (row 6's "có kết
     * nối" over the border that row 7's "7 … tổ" slid left of) */
    if (c->pg->grid && row_code_line(&c->ln[j], l)) {
        for (size_t i = j; i-- > j0;)
            if (row_code_line(&c->ln[i], l)) {
                j0 = i + 1;
                break;
            }
        for (size_t i = j + 1; i < j1; i++)
            if (row_code_line(&c->ln[i], l)) {
                j1 = i;
                break;
            }
    }
    for (size_t i = j0; i < j1; i++) {
        const line *L = &c->ln[i];
        for (int ch = 0; chunk(c, L, ch, &s0, &s1); ch++)
            start |= fabs(L->w[s0]->x0 - x) < 0.5 * c->sp;
        for (size_t w = 0; w < L->n; w++) {
            if (L->w[w]->x0 < x - 0.5 * c->sp && L->w[w]->x1 > x - c->sp + 0.5)
                return 0;
            left |= L->w[w]->x0 >= l && L->w[w]->x1 < x - 0.5 * c->sp;
        }
    }
    return start && left;
}

/* Left end of the chunk of L holding word W. */
static double chunk_left(const page_ctx *c, const line *L, size_t w)
{
    while (w > 0 && L->w[w]->x0 - L->w[w - 1]->x1 <= c->gap)
        w--;
    return L->w[w]->x0;
}

/* Whether word W of line J (L; lines [a, b)), lying across border X of a
 * column whose left border is LB, belongs to a cell slid left across it
 * (slid_cell), from its own start ("… xử lý Bộ phận Một", one blank apart)
 * or from its chunk's ("01 cuộc"). */
static int slid_word(const page_ctx *c, const line *L, size_t w, size_t j, size_t a, size_t b, double x, double lb)
{
    double s = L->w[w]->x0, k = chunk_left(c, L, w);
    return (x - s <= BAND_LEFT * c->sp && slid_cell(c, j, a, b, s, lb)) ||
           (k < s && x - k <= BAND_LEFT * c->sp && slid_cell(c, j, a, b, k, lb));
}

/* Packed columns (pdftotext -layout text only): a wide table whose cells
 * pdftotext printed one blank apart on every line, each line laid out on
 * its own, so one column's lines start a few characters apart in one row
 * ("Wi-Fi công cộng Văn phòng" / "tại trụ sở UBND   HĐND và" / "xã và nhà
 * văn hóa UBND xã": the lead cell at 23, 25 and 25 under a header at 27).
 * No border fits the row; each line is cut on its own. Where line L may be
 * cut for border B between a column starting at LB and one ending at R: the
 * start of a word after another, up to BAND_LEFT characters left of B or
 * BAND_RIGHT right, that starts a chunk (two blanks) or a cell as
 * band_bounds tells one packed a blank after its neighbour (a capital, a
 * digit, "%"), the word before it in the left column and its chunk ending
 * before R; the nearest to B (a chunk start wins a tie). -1 when none. */
static double packed_cut(const page_ctx *c, const line *L, double B, double lb, double r)
{
    double best = -1, bd = 1e18;
    for (size_t i = 1; i < L->n; i++) {
        const pdf_word *w = L->w[i];
        if (w->x0 < B - BAND_LEFT * c->sp || w->x0 > B + BAND_RIGHT * c->sp || L->w[i - 1]->x0 < lb)
            continue;
        int chunk_start = w->x0 - L->w[i - 1]->x1 > c->gap;
        if (!chunk_start && !(starts_upper(w->text) || (w->text[0] >= '0' && w->text[0] <= '9') ||
                              strcmp(w->text, "%") == 0))
            continue;
        size_t e = i + 1;
        while (e < L->n && L->w[e]->x0 - L->w[e - 1]->x1 <= c->gap)
            e++;
        if (L->w[e - 1]->x1 >= r)
            continue;
        double d = fabs(w->x0 - B) - (chunk_start ? 0.25 * c->sp : 0);
        if (d < bd)
            bd = d, best = w->x0;
    }
    return best;
}

/* In -layout text, whether every row band of lines [a, b) with text between
 * L and R agrees with a column starting at HX (a header cell's start), three
 * bands or more: in each, either no word covers HX and the blank strip
 * holding it ends where a chunk starts before R (the row's cell set right of
 * the header: "Cụm loa thông", "- Dữ liệu"), or a cell starts a few
 * characters left of HX (up to BAND_LEFT), after two blanks or, for a
 * capital or a digit, one ("… du lịch cộng Bản đồ số"), no other word of
 * the band across HX. pdftotext lays each row out on its own, so the cells
 * of one column may start at a different place in every row, and few right
 * under the header. */
static int bands_agree(const page_ctx *c, size_t a, size_t b, double hx, double l, double r)
{
    if (!c->pg->grid)
        return 0;
    int agree = 0;
    size_t j = a;
    while (j < b) {
        size_t j0, j1;
        band_of(c, j, a, b, &j0, &j1);
        j = j1;
        int any = 0, covered = 0;
        double free_to = r, slid = -1;
        for (size_t i = j0; i < j1; i++) {
            const line *L = &c->ln[i];
            for (size_t w = 0; w < L->n; w++) {
                const pdf_word *x = L->w[w];
                if (x->x1 <= l || x->x0 >= r)
                    continue;
                any = 1;
                int start = w == 0 || x->x0 - L->w[w - 1]->x1 > c->gap;
                int weak = !start && (starts_upper(x->text) || isdigit((unsigned char)x->text[0]));
                if (x->x0 < hx - 0.5 * c->sp && x->x1 > hx - 0.5 * c->sp) {
                    if ((start || weak) && x->x0 >= hx - BAND_LEFT * c->sp && x->x0 > l + 4.0 * c->sp)
                        slid = x->x0;
                    else
                        covered = 1;
                } else if (x->x0 >= hx - 0.5 * c->sp && x->x0 < free_to) {
                    free_to = start ? x->x0 : -1;
                }
            }
        }
        if (!any)
            continue;
        /* a slid cell: every word across HX starts there */
        if (slid >= 0 && !covered) {
            for (size_t i = j0; i < j1 && !covered; i++)
                for (size_t w = 0; w < c->ln[i].n && !covered; w++) {
                    const pdf_word *x = c->ln[i].w[w];
                    covered = x->x0 < slid - 0.5 * c->sp && x->x1 > slid;
                }
            if (covered)
                return 0;
            agree++;
            continue;
        }
        if (covered || free_to < 0 || free_to >= r)
            return 0;
        agree++;
    }
    return agree >= 3;
}

static int try_start(const page_ctx *c, otable *t, size_t a, size_t b, double hx, int min, int chunks, size_t ha,
                     size_t hb)
{
    size_t k = col_of(t, hx), s0, s1;
    double l = k ? t->bound[k - 1] : t->xmin, r = k + 1 < t->ncols ? t->bound[k] : t->xmax;
    if (t->ncols >= MAXC || hx - l < 4.0 * c->sp || r - hx < 2.0 * c->sp)
        return 0;
    int starts = 0, cross = 0, used = 0, bands = 0;
    size_t band_end = a;   /* end of the last row band with a cell start at HX */
    size_t hband_end = a;  /* likewise, a word starting right under the header's */
    int hbands = 0, hard = 0;
    size_t xb0 = b, xb1 = b;   /* the row band of the first word across HX */
    int xbands = 0;            /* row bands with a word across HX */
    for (size_t j = a; j < b; j++) {
        const line *L = &c->ln[j];
        if (L->n == 0)
            continue;
        /* a header's column: of the lines with text in it */
        int reach = chunks;
        for (size_t w = 0; w < L->n && !reach; w++)
            reach = L->w[w]->x1 > hx && L->w[w]->x0 < r;
        used += reach;
        if (chunks) {
            int here = 0;
            for (int ch = 0; chunk(c, L, ch, &s0, &s1); ch++)
                here += fabs(L->w[s0]->x0 - hx) < 0.5 * c->sp;
            starts += here;
            if (here && j >= band_end) {
                size_t j0;
                band_of(c, j, a, b, &j0, &band_end);
                bands++;
            }
        } else {
            /* under a header cell, a cell slid left of it in its row (see
             * band_bounds) starts there too: a chunk, or under a header
             * cell of one line a word packed one blank after its neighbour
             * that starts a cell as band_bounds tells ("… sử dụng %") */
            for (size_t w = 1; w < L->n; w++) {
                double x = L->w[w]->x0;
                int chunk_start = x - L->w[w - 1]->x1 > c->gap;
                if (x >= hx - 0.5 * c->sp || x < hx - BAND_LEFT * c->sp || x <= l + 4.0 * c->sp)
                    continue;
                if (chunk_start)
                    starts += slid_cell(c, j, a, b, x, l);
                else if (min > 1 && (starts_upper(L->w[w]->text) || strcmp(L->w[w]->text, "%") == 0 ||
                                     (L->w[w]->text[0] >= '0' && L->w[w]->text[0] <= '9')))
                    starts += slid_at(c, j, a, b, x, l, 0);
            }
        }
        for (size_t w = 0; w < L->n; w++) {
            if (fabs(L->w[w]->x0 - hx) < 0.5 * c->sp) {
                starts += !chunks;
                if (!chunks && j >= hband_end) {
                    size_t j0;
                    band_of(c, j, a, b, &j0, &hband_end);
                    hbands++;
                }
            } else if (L->w[w]->x0 < hx - 0.5 * c->sp && L->w[w]->x1 > hx + 0.5 * c->sp &&
                     !slid_word(c, L, w, j, a, b, hx, l)) {
                /* under a header cell of two lines or more, a line that may
                 * be cut near its start at a cell packed one blank after its
                 * neighbour (packed_cut) starts the column there */
                if (!chunks && min == 1 && packed_cut(c, L, hx, l, r) >= 0) {
                    starts++;
                    continue;
                }
                cross++;
                if (xb0 == b || j >= xb1) {
                    band_of(c, j, a, b, &xb0, &xb1);
                    xbands++;
                }
                /* a cell packed one blank after its neighbour, slid left
                 * of the header in its row ("… trực tuyến dịch / vụ") */
                hard += chunks || hx - L->w[w]->x0 > BAND_LEFT * c->sp ||
                        !slid_at(c, j, a, b, L->w[w]->x0, l, 0);
            }
        }
    }
    if (getenv("DTI_PDF_DEBUG") && strcmp(getenv("DTI_PDF_DEBUG"), "3") == 0)
        fprintf(stderr, "pdf: try %s start %.1f (min %d): %d starts, %d across, of %d lines\n", chunks ? "cell" : "header",
                hx, min, starts, cross, used);
    /* a header cell of one line over a short page (a table's first page
     * of two rows: "ĐVT" over "%" and "%"): words starting right under it
     * in two row bands or more make the column, when nothing runs across
     * its start but at most one cell packed one blank after its neighbour
     * and slid left of it in its row ("… trực tuyến dịch" / "… trình vụ") */
    if (!chunks && min == 3 && hbands >= 2 && hard == 0 && cross <= 1)
        min = 2, cross = 0;
    /* under a header cell of two lines or more, words across its start all
     * in one row band, while words start right under it in two bands or
     * more: that row was laid out on its own, its cell slid left ("Tối /
     * thiểu / 95%" packed one blank after the name, under "Mục tiêu năm
     * 2026" over "Từ 02" and "100%"); band_bounds places its border */
    if (!chunks && min == 1 && hbands >= 2 && xbands == 1 && starts >= 3)
        cross = 0;
    if ((starts < min || cross * (chunks ? 4 : 3) > starts || (!chunks && starts * 3 < used)) &&
        !(!chunks && bands_agree(c, a, b, hx, l, r)))
        return 0;
    /* body cell starts all in one row band are that row's own layout, not
     * a column: pdftotext lays each row out on its own and may set a
     * narrow cell's lines well right of its column ("Văn phòng / Hội đồng /
     * nhân dân và" 12 characters into "Đơn vị phối hợp", cutting the header
     * before "hợp") */
    if (chunks && bands < 2)
        return 0;
    /* a header packed one blank apart ("Cơ quan Cơ quan") says where the
     * column starts: the border goes just before its word */
    double at = hx - c->sp;
    for (size_t i = ha; i < hb && chunks; i++) {
        const line *L = &c->ln[i];
        for (size_t w = 1; w < L->n; w++)
            if (L->w[w]->x0 < hx - 0.5 * c->sp && L->w[w]->x0 > hx - 4.0 * c->sp &&
                L->w[w]->x0 - 0.5 > l + 4.0 * c->sp && L->w[w - 1]->x1 < L->w[w]->x0 - 0.5 &&
                L->w[w]->x0 - 0.5 < at)
                at = L->w[w]->x0 - 0.5;
    }
    /* the column left of the new border must keep body text: a header
     * cell set off its column's start by pdftotext ("Đơn vị phối / hợp"
     * one character right of its cells "Các phòng,") would leave only
     * header words there, an empty column that takes the header */
    int kept = 0;
    for (size_t j = a; j < b && !kept; j++)
        for (size_t w = 0; w < c->ln[j].n && !kept; w++)
            kept = c->ln[j].w[w]->x0 >= l && c->ln[j].w[w]->x1 <= at;
    if (!kept)
        return 0;
    if (getenv("DTI_PDF_DEBUG"))
        fprintf(stderr, "pdf: %s start %.1f: %d starts, %d across, of %d lines\n", chunks ? "cell" : "header", hx,
                starts, cross, used);
    memmove(&t->bound[k + 1], &t->bound[k], (t->ncols - 1 - k) * sizeof *t->bound);
    t->bound[k] = at;
    t->ncols++;
    return 1;
}

/* Columns the rivers missed, from the header's chunk starts: a header chunk
 * that starts inside a column, clear of its borders, where body lines [a, b)
 * often start a word and almost never run a word across, starts a column of
 * its own. pdftotext -layout keeps a cell's left edge but may close the gap
 * before it to one blank when the cell to its left is full ("… chữ ký số
 * Văn phòng HĐND"), or slide a cell a few characters left, so no river
 * shows there although the header and most rows agree on the column. The
 * border goes a usual space before the start (the least-cost split of the
 * line's words then places the packed ones). Then the same from the body's
 * own cell starts (a chunk after two blanks or more), three or more in one
 * place, for a header packed or centred away from its column ("Cơ quan Cơ
 * quan" over "chủ trì | phối hợp"); a column left without a header word of
 * its own is merged back by find_columns, so this needs a header (a page
 * without one is matched to its table by edge_match). */
static void header_starts(const page_ctx *c, otable *t, size_t a, size_t b, size_t ha, size_t hb)
{
    size_t s0, s1, q0, q1;
    for (size_t i = ha; i < hb; i++)
        for (int ch = 0; chunk(c, &c->ln[i], ch, &s0, &s1); ch++) {
            /* a header cell of two lines or more starting at one place
             * ("Kết quả / thực hiện / năm 2025") is a column however few
             * body rows (a short page) start there */
            double hx = c->ln[i].w[s0]->x0;
            int lines = 0;
            for (size_t u = ha; u < hb; u++)
                for (int cu = 0; chunk(c, &c->ln[u], cu, &q0, &q1); cu++)
                    lines += fabs(c->ln[u].w[q0]->x0 - hx) < 0.5 * c->sp;
            try_start(c, t, a, b, hx, lines >= 2 ? 1 : 3, 0, ha, hb);
        }
    for (size_t i = a; i < b && hb > ha; i++)
        for (int ch = 1; chunk(c, &c->ln[i], ch, &s0, &s1); ch++)
            try_start(c, t, a, b, c->ln[i].w[s0]->x0, 3, 1, ha, hb);
}

/* Columns from the rivers of lines [a, b): x positions covered by the chunks
 * of at most a few lines. Fills t->ncols, t->bound. */
/* A PDF read directly: a column in which no chunk of lines [a, b) (header
 * and body) starts holds only the ends of chunks begun on its left ("Phòng
 * Văn | hóa -": one line wider than the others, a usual space on a river,
 * the line taken for the header's when the rows are centred): it is part of
 * the column on its left. An empty column under a header of its own ("Ghi
 * chú") starts a chunk there and stays. */
static void orphan_columns(const page_ctx *c, otable *t, size_t a, size_t b)
{
    size_t k = 1;
    while (k < t->ncols) {
        double l = t->bound[k - 1], r = k + 1 < t->ncols ? t->bound[k] : 1e9;
        size_t n = 0, starts = 0;
        for (size_t i = a; i < b; i++) {
            const line *L = &c->ln[i];
            for (size_t w = 0; w < L->n; w++) {
                double x = (L->w[w]->x0 + L->w[w]->x1) / 2;
                if (x < l || x >= r)
                    continue;
                n++;
                starts += w == 0 || L->w[w]->x0 - L->w[w - 1]->x1 > c->gap;
            }
        }
        if (n && !starts) {
            memmove(&t->bound[k - 1], &t->bound[k], (t->ncols - 1 - k) * sizeof *t->bound);
            t->ncols--;
            continue;
        }
        k++;
    }
}

/* A PDF read directly: a column whose body words are all list markers is
 * the bullets of the column on its right ("-" hanging before "Các ấp", the
 * indent wide enough to leave a river): the two are one column. */
static void marker_columns(const page_ctx *c, otable *t, size_t a, size_t b)
{
    size_t k = 0;
    while (k + 1 < t->ncols) {
        double l = k ? t->bound[k - 1] : -1e9, r = t->bound[k];
        size_t n = 0, marks = 0;
        for (size_t i = a; i < b; i++)
            for (size_t w = 0; w < c->ln[i].n; w++) {
                const pdf_word *pw = c->ln[i].w[w];
                double x = (pw->x0 + pw->x1) / 2;
                if (x < l || x >= r)
                    continue;
                n++;
                marks += marker_word(pw->text);
            }
        if (n && marks == n) {
            memmove(&t->bound[k], &t->bound[k + 1], (t->ncols - 2 - k) * sizeof *t->bound);
            t->ncols--;
            continue;
        }
        k++;
    }
}

/* Whether header line L has, over the column [L0, R), a run of years
 * packed one blank apart ("2026 2027 2028 2029 2030 Chủ trì", the values
 * under them set wider apart, see packed_years): the column's middle lies
 * under the run. Such a column has a header word of its own though none
 * fits inside it. */
static int packed_year_over(const page_ctx *c, const line *L, double l0, double r)
{
    double m = (l0 + r) / 2;
    for (size_t i = 0; i < L->n; i++) {
        size_t e = i;
        while (e < L->n && year_word(L->w[e]->text) && (e == i || L->w[e]->x0 - L->w[e - 1]->x1 <= c->gap))
            e++;
        if (e - i >= 2 && m >= L->w[i]->x0 && m <= L->w[e - 1]->x1)
            return 1;
        if (e > i)
            i = e - 1;
    }
    return 0;
}

/* Read directly, word K of header line L lies over a river but the header
 * chunk it starts goes on over body text (COV, from LO) more than half its
 * width: a header centred in its cell and wider than the cell's body text
 * ("Đơn vị phối hợp" over "Các ấp", printed by a browser from an HTML table),
 * not a column of its own. */
static int centred_head_word(const page_ctx *c, const line *L, size_t k, double lo, const unsigned *cov,
                             size_t nbins)
{
    if (k > 0 && L->w[k]->x0 - L->w[k - 1]->x1 <= c->gap)
        return 0;   /* only a chunk's first word */
    size_t e = k + 1;
    while (e < L->n && L->w[e]->x0 - L->w[e - 1]->x1 <= c->gap)
        e++;
    if (e == k + 1)
        return 0;
    double x0 = L->w[k]->x0, x1 = L->w[e - 1]->x1;
    size_t covered = 0, all = 0;
    for (size_t x = (size_t)(x0 - lo + 0.5); x <= (size_t)(x1 - lo) && x < nbins; x++, all++)
        covered += cov[x] > 0;
    return all && covered * 2 > all;
}

static int find_columns(const page_ctx *c, otable *t, size_t a, size_t b, size_t ha, size_t hb)
{
    double lo = 1e9, hi = -1e9;
    for (size_t i = a; i < b; i++) {
        if (c->ln[i].x0 < lo) lo = c->ln[i].x0;
        if (c->ln[i].x1 > hi) hi = c->ln[i].x1;
    }
    for (size_t i = ha; i < hb; i++) {   /* header columns with an empty body ("Ghi chú") */
        if (c->ln[i].x0 < lo) lo = c->ln[i].x0;
        if (c->ln[i].x1 > hi) hi = c->ln[i].x1;
    }
    if (!(hi > lo) || hi - lo > 5000)
        return -1;
    size_t nbins = (size_t)(hi - lo) + 2;
    unsigned *cov = calloc(nbins, sizeof *cov);
    if (!cov)
        return -1;
    double span_x = -1;
    size_t used = 0;
    for (size_t i = a; i < b; i++) {
        const line *L = &c->ln[i];
        /* group rows merged across the table, and their wrapped lines, say
         * nothing of the columns */
        if (L->nchunks <= 2 && code_led(c, L)) {
            span_x = chunk_x(c, L, L->nchunks - 1);
            continue;
        }
        if (span_x >= 0 && L->nchunks == 1 && fabs(L->x0 - span_x) < 3.0)
            continue;
        span_x = -1;
        used++;
        for (size_t k = 0; k < L->n; k++) {
            /* a word and the blank after it when that blank is a usual space */
            double r = L->w[k]->x1;
            if (k + 1 < L->n && L->w[k + 1]->x0 - r < 0.6 * c->sp)
                r = L->w[k + 1]->x0;
            size_t x0 = (size_t)(L->w[k]->x0 - lo + 0.5), x1 = (size_t)(r - lo);
            for (size_t x = x0; x <= x1 && x < nbins; x++)
                cov[x]++;
        }
    }
    /* header words where no body line has any: they cover their own bins.
     * In -layout text (grid) a word followed, one blank apart, by words of
     * its header cell that do reach body text is not alone: pdftotext slid
     * the cell left into the river before its column ("Sản phẩm" five
     * characters left of its cells). Whether a word is alone is judged on
     * the body's coverage only, not on other header words' (the order of
     * the header's lines decides nothing: "trì" over no body text does
     * not keep "hóa" of a row raised into the header from covering its
     * own bins) */
    unsigned char *hcov = calloc(nbins, 1);
    if (!hcov) {
        free(cov);
        return -1;
    }
    for (size_t i = ha; i < hb; i++) {
        const line *L = &c->ln[i];
        for (size_t k = 0; k < L->n; k++) {
            size_t e = k + 1;
            while (c->pg->grid && e < L->n && L->w[e]->x0 - L->w[e - 1]->x1 <= c->gap)
                e++;
            size_t x0 = (size_t)(L->w[k]->x0 - lo + 0.5), x1 = (size_t)(L->w[e - 1]->x1 - lo);
            int empty = 1;
            for (size_t x = x0 > 3 ? x0 - 3 : 0; x <= x1 + 3 && x < nbins; x++)
                if (cov[x])
                    empty = 0;
            if (empty && !c->pg->grid && centred_head_word(c, L, k, lo, cov, nbins))
                empty = 0;
            x1 = (size_t)(L->w[k]->x1 - lo);
            /* in -layout text, an alone word one blank after a word of its
             * cell ("Tiến độ" over "Quý" alone) covers that blank too: the
             * cell's words are one column, not two */
            if (c->pg->grid && k > 0 && L->w[k]->x0 - L->w[k - 1]->x1 <= c->gap)
                x0 = (size_t)(L->w[k - 1]->x1 - lo);
            if (empty)
                for (size_t x = x0; x <= x1 && x < nbins; x++)
                    hcov[x] = 1;
        }
    }
    for (size_t x = 0; x < nbins; x++)
        cov[x] += hcov[x];
    free(hcov);
    unsigned allow = 0;   /* group rows are left out above; a sparse column (codes) must not vanish */
    (void)used;
    t->ncols = 1;
    size_t x = 0;
    while (x < nbins && cov[x] <= allow)
        x++;
    while (x < nbins) {
        while (x < nbins && cov[x] > allow)
            x++;
        size_t r0 = x;
        while (x < nbins && cov[x] <= allow)
            x++;
        if (x >= nbins)
            break;   /* right edge */
        /* wider than a space between two words: the gap between two cells */
        if ((double)(x - r0) > 1.25 * c->sp && x - r0 >= 2 && t->ncols < MAXC) {
            /* the border lies in the river and clear of the header's words
             * that reach into it ("STT" wider than the codes under it);
             * a word over the whole river is a merged header cell */
            double rl = lo + (double)r0, rr = lo + (double)x;
            for (size_t i = ha; i < hb; i++)
                for (size_t k = 0; k < c->ln[i].n; k++) {
                    const pdf_word *w = c->ln[i].w[k];
                    if (w->x0 <= rl && w->x1 > rl && w->x1 < rr - 1.0)
                        rl = w->x1;
                    else if (w->x1 >= rr && w->x0 < rr && w->x0 > rl + 1.0)
                        rr = w->x0;
                    else if (!c->pg->grid && w->x0 < rr && w->x0 > rl + 1.0 &&
                             (k == 0 || w->x0 - c->ln[i].w[k - 1]->x1 > c->gap)) {
                        /* a centred header chunk starting in the river and
                         * going on over the next column (centred_head_word) */
                        size_t e = k + 1;
                        while (e < c->ln[i].n && c->ln[i].w[e]->x0 - c->ln[i].w[e - 1]->x1 <= c->gap)
                            e++;
                        if (c->ln[i].w[e - 1]->x1 >= rr)
                            rr = w->x0;
                    }
                }
            double at = (rl + rr) / 2.0;
            /* pdftotext -layout may slide a header word into the river
             * ("Sản phẩm" three characters left of its cells): the border
             * goes just before a header word lying across it in the river */
            for (size_t i = ha; i < hb && c->pg->grid; i++)
                for (size_t k = 0; k < c->ln[i].n; k++) {
                    const pdf_word *w = c->ln[i].w[k];
                    if (!(w->x0 < at && w->x1 > at && w->x0 >= rl - 0.5))
                        continue;
                    /* but a word in lower case one blank after a header
                     * word ending before the river, itself ending in it,
                     * continues that word's cell: the border goes after
                     * it ("Thời hạn | Kinh phí", a header held over from
                     * the page before and moved a character off; "Lĩnh
                     * vực STT" is two cells) */
                    if (k > 0 && !starts_upper(w->text) && w->x0 - c->ln[i].w[k - 1]->x1 <= c->gap &&
                        c->ln[i].w[k - 1]->x1 <= rl + 0.5 && w->x1 + 0.5 < rr)
                        at = w->x1 + 0.5;
                    else
                        at = w->x0 - 0.5;
                }
            t->bound[t->ncols - 1] = at;
            t->ncols++;
        }
    }
    free(cov);
    t->xmin = lo, t->xmax = hi;
    if (c->pg->grid)   /* a PDF read directly has its real gaps: rivers do */
        header_starts(c, t, a, b, ha, hb);
    if (getenv("DTI_PDF_DEBUG")) {
        fprintf(stderr, "pdf: rivers (lines %zu..%zu, header %zu..%zu, allow %u):", a, b, ha, hb, allow);
        for (size_t q = 0; q + 1 < t->ncols; q++)
            fprintf(stderr, " %.1f", t->bound[q]);
        fprintf(stderr, "\n");
    }
    /* every column has a header word of its own: merge those that do not
     * into their left neighbour (a river inside a column of short values) */
    if (hb > ha) {
        size_t k = 0;
        while (k < t->ncols && t->ncols > 1) {
            double l = k ? t->bound[k - 1] : -1e9, r = k + 1 < t->ncols ? t->bound[k] : 1e9;
            int own = 0;
            for (size_t i = ha; i < hb && !own; i++)
                for (size_t w = 0; w < c->ln[i].n && !own; w++)
                    own = c->ln[i].w[w]->x0 >= l - 1.0 && c->ln[i].w[w]->x1 <= r + 1.0;
            for (size_t i = ha; i < hb && !own && c->pg->grid; i++)
                own = packed_year_over(c, &c->ln[i], l, r);
            if (own) {
                k++;
                continue;
            }
            /* merge towards the side a header word crosses; else left */
            int right = k == 0;
            for (size_t i = ha; i < hb && k + 1 < t->ncols; i++)
                for (size_t w = 0; w < c->ln[i].n; w++)
                    if (c->ln[i].w[w]->x0 < r && c->ln[i].w[w]->x1 > r + 1.0 && c->ln[i].w[w]->x0 >= l - 1.0)
                        right = 1;
            size_t drop = right ? k : k - 1;
            memmove(&t->bound[drop], &t->bound[drop + 1], (t->ncols - 2 - drop) * sizeof *t->bound);
            t->ncols--;
            if (k)
                k--;
        }
    }
    marker_columns(c, t, a, b);
    if (!c->pg->grid)
        orphan_columns(c, t, ha < a ? ha : a, b);
    return 0;
}

/* The widest line of CELL. */
static double cell_width(const tcell *cell)
{
    double w = 0;
    for (size_t i = 0; i < cell->n; i++)
        if (cell->v[i].x1 - cell->v[i].x0 > w)
            w = cell->v[i].x1 - cell->v[i].x0;
    return w;
}

/* Whether NEXT opens with a lower-case piece with no vowel after PREV ends
 * in a letter: the tail of a word cut ("nă" + "m", "thá" + "ng"). */
static int no_vowel_piece(const char *prev, const char *next)
{
    size_t n = strlen(prev);
    int vf, nv;
    size_t len;
    if (!n || !ends_alnum(prev) || isdigit((unsigned char)prev[n - 1]) || !starts_lower_or_digit(next) ||
        isdigit((unsigned char)next[0]) || first_word_vowels(next, &vf, &nv, &len))
        return 0;
    return nv == 0;
}

/* The paragraph B ends with is only the head of a unit's name (bare_head),
 * its lines cut inside the head by a narrow column ("Văn" / "phòng" /
 * "Hội đồng nhân dân …"), after a label if any ("Chủ trì: Văn phòng"). */
static int bare_para(const buf *b)
{
    size_t s = b->len;
    while (s > 0 && b->ptr[s - 1] != '\n')
        s--;
    char tmp[64];
    if (!b->ptr || b->len - s >= sizeof tmp)
        return 0;
    memcpy(tmp, b->ptr + s, b->len - s);
    tmp[b->len - s] = 0;
    const char *h = tmp, *colon = strchr(tmp, ':');
    if (colon && label_start(tmp))   /* "Chủ trì: Văn phòng" / "Hội đồng …" */
        h = colon[1] == ' ' ? colon + 2 : colon + 1;
    return bare_head(h);
}

/* Text of one cell from its lines. */
static int dotted_code_cut(const char *prev, const char *next);

static char *cell_text(const otable *t, size_t col, const tcell *cell)
{
    buf b;
    buf_init(&b, DOC_MAX_CELL);
    double W = t->colw[col];
    for (size_t i = 0; i < cell->n; i++) {
        const cline *cl = &cell->v[i];
        if (i) {
            const cline *pv = &cell->v[i - 1];
            double pw = pv->x1 - pv->x0;
            int brk = 0, glue = 0;
            /* "- Xã hội" under a full line is "Phòng Văn hóa - Xã hội" wrapped
             * before its hyphen; a list item follows an ended line */
            size_t pl = strlen(pv->text);
            int ended = pl && strchr(";.:", pv->text[pl - 1]);
            /* in -layout text a unit's name wrapped before its dash ("Văn phòng
             * HĐND" / "- UBND xã") is no list item when the cell's first line
             * opens with no marker and the line before ends no clause */
            int wrapped_dash = t->grid && t->units[col] && !ended && cl->text[0] == '-' &&
                               !list_marker_start(cell->v[0].text);
            if (cl->text[0] && list_marker_start(cl->text) && (ended || pw + 4.0 + 6.0 < W - 6.0) && !wrapped_dash)
                brk = 1;
            else if (!list_marker_start(cl->text) && pw + 4.0 + cl->w0 < W - 6.0 &&
                     pv->x1 + 4.0 + cl->w0 < t->colx1[col] - 6.0 &&
                     !(t->grid && (starts_lower_or_digit(cl->text) || (t->units[col] && !unit_head(cl->text)))))
                brk = 1;    /* ended early: the next word would have fitted (an indented line, a list item's
                               hanging indent, has less room than the widest line) */
            else if (t->units[col] && unit_head(cl->text) && !joining_end(pv->text) && !bare_head(pv->text) &&
                     !bare_para(&b))
                brk = 1;
            else if (label_start(cl->text) && !joining_end(pv->text))
                brk = 1;
            if (!brk && pv->nwords == 1 && pw >= W - 9.0 && cut_word(pv->text, cl->text))
                glue = 1;
            /* pdftotext -layout sets each row's columns anew: a word cut at
             * the row's own width ("cuộc/nă" / "m", the column wider in
             * other rows) is glued when it was the cell's widest line and
             * the piece after has no vowel (no Vietnamese word has none) */
            if (!brk && !glue && t->grid && pv->nwords == 1 && pw >= cell_width(cell) - 1.0 &&
                no_vowel_piece(pv->text, cl->text))
                glue = 1;
            if (!brk && !t->grid && pv->nwords == 1 && cl->nwords == 1 && dotted_code_cut(pv->text, cl->text))
                glue = 1;   /* "1." + "1": a code cut by a narrow column (cut_letter_code) */
            if (!brk && pl >= 2 && (pv->text[pl - 1] == '-' || pv->text[pl - 1] == '/') &&
                pv->text[pl - 2] != ' ')
                glue = 1;   /* "HĐND-" + "UBND", "nghiệp/" + "1.000 dân" */
            if (!brk && cl->text[0] == '/')
                glue = 1;   /* "doanh nghiệp" + "/1.000 dân" */
            if (brk)
                buf_addc(&b, '\n');
            else if (!glue)
                buf_addc(&b, ' ');
        }
        buf_adds(&b, cl->text);
    }
    if (buf_failed(&b)) {
        buf_release(&b);
        return NULL;
    }
    return buf_detach(&b);
}

/* Header words joined, for telling a repeated header on the next page. */
static int head_has_line(const otable *t, const line *L)
{
    if (!t->head_sig || !L->n)
        return 0;
    for (size_t i = 0; i < L->n; i++) {
        char pat[256];
        int k = snprintf(pat, sizeof pat, " %s ", L->w[i]->text);
        if (k <= 0 || (size_t)k >= sizeof pat || !strstr(t->head_sig, pat))
            return 0;
    }
    return 1;
}

/* A group letter: "A", "B.", "Đ" — one capital alone in the code column
 * (the group rows of an appendix lettered A, B, C over numbered rows). The
 * piece is one cell's words (read directly) or the words of a line inside
 * the code column's borders (-layout text), so a lone capital is not a word
 * cut from a sentence; it counts where the column's other codes do. */
static int is_letter_code(const char *s)
{
    size_t n = strlen(s);
    if (n > 1 && s[n - 1] == '.')
        n--;
    if (n == 1 && s[0] >= 'A' && s[0] <= 'Z')
        return 1;
    return n == 2 && (unsigned char)s[0] == 0xC4 && (unsigned char)s[1] == 0x90;   /* Đ */
}

static int piece_is_code_in(const otable *t, const piece *q);

/* A code of letters and digits (a PDF read directly or its -layout text): one to three capitals
 * then one to three digits ("CT1", "CT12", "KT3"), or one or two digits and
 * one small letter ("1a", "12b"), an optional '.' after. */
static int is_alnum_code(const char *s)
{
    size_t n = strlen(s), i = 0, l = 0, d = 0;
    if (n > 1 && s[n - 1] == '.')
        n--;
    while (i < n && s[i] >= 'A' && s[i] <= 'Z')
        i++, l++;
    while (i < n && s[i] >= '0' && s[i] <= '9')
        i++, d++;
    if (i == n && l >= 1 && l <= 3 && d >= 1 && d <= 3)
        return 1;
    return !l && d >= 1 && d <= 2 && n == d + 1 && s[d] >= 'a' && s[d] <= 'z';
}

/* The code shapes of a PDF (read directly or as -layout text): is_code's, a group letter ("A",
 * "B.") and is_alnum_code's. */
static int direct_code(const char *s)
{
    return is_code(s) || is_letter_code(s) || is_alnum_code(s);
}

/* PRED of piece Q's code: its one word, or the first word of a piece
 * spanning columns ("I. HẠ TẦNG SỐ" merged across the row). */
static int piece_code_by(const piece *q, int (*pred)(const char *))
{
    if (!q->nwords || !q->text.ptr)
        return 0;
    if (q->nwords == 1)
        return pred(q->text.ptr);
    if (q->span > 1) {
        const char *sp = strchr(q->text.ptr, ' ');
        char tok[12];
        size_t n = sp ? (size_t)(sp - q->text.ptr) : 0;
        if (!n || n >= sizeof tok)
            return 0;
        memcpy(tok, q->text.ptr, n);
        tok[n] = 0;
        return pred(tok);
    }
    return 0;
}

static int piece_is_code(const piece *q)
{
    return piece_code_by(q, is_code);
}

/* piece_is_code, or a group letter or a code of letters and digits
 * ("A. CHÍNH QUYỀN SỐ", "CT1"). */
static int piece_is_code_in(const otable *t, const piece *q)
{
    (void)t;
    return piece_is_code(q) || piece_code_by(q, direct_code);
}

/* A piece of the first column opening with a numbered code ("1.1. Tỷ lệ …",
 * "2. Chính quyền số"): a table with no code column numbers its rows inside
 * the name (PDF read directly). The code ends in '.' or ')' ("1.000 hộ" and
 * "30 ngày" are no codes). */
static int piece_code_led(const otable *t, const piece *q)
{
    if (q->nwords < 2 || !q->text.ptr)
        return 0;
    const char *sp = strchr(q->text.ptr, ' ');
    char tok[12];
    size_t n = sp ? (size_t)(sp - q->text.ptr) : 0;
    if (n < 2 || n >= sizeof tok || (q->text.ptr[n - 1] != '.' && q->text.ptr[n - 1] != ')'))
        return 0;
    memcpy(tok, q->text.ptr, n);
    tok[n] = 0;
    return is_code(tok) || is_letter_code(tok);
}

/* The pieces PL of a line hold a group row's code: a letter ("A", "B.") or
 * roman numeral in the anchor column, words in the column after it and in no
 * other. */
static int group_line(const page_ctx *c, const otable *t, const piece *pl)
{
    (void)c;
    if (t->anchor < 0)
        return 0;
    const piece *q = &pl[t->anchor];
    if (q->nwords != 1 || !q->text.ptr)
        return 0;
    const char *s = q->text.ptr;
    size_t n = strlen(s);
    if (n > 1 && (s[n - 1] == '.' || s[n - 1] == ')'))
        n--;
    if (!is_letter_code(s) && !is_roman(s, n))
        return 0;
    for (size_t k = 0; k < t->ncols; k++)
        if ((int)k != t->anchor && (int)k != t->anchor + 1 && pl[k].nwords)
            return 0;
    return 1;
}

static int put_piece(trow *r, size_t k, const piece *q, double y, int page)
{
    if (!q->nwords)
        return 0;
    if (cell_add(&r->c[k], q->text.ptr, q->x0, q->x1, y, q->w0, q->nwords, page))
        return -1;
    if (q->span > r->c[k].span)
        r->c[k].span = q->span;
    return 0;
}

/* Borders of T for one row laid out on its own: lines [a, b) of C, a band
 * of lines with no blank line between (pdftotext -layout text only).
 * pdftotext -layout places each row's cells anew, so a cell may start up to
 * several characters left of where its column starts on the rest of the page
 * ("Phòng Văn hóa -" at 55 under a header at 61), sometimes one blank after
 * the cell on its left ("… chữ ký số Văn phòng HĐND"). Inside the band a
 * cell's lines still start at one place, after a vertical strip that no word
 * of the band covers. So each border of T is moved into such a strip, one
 * that some line of the band starts a chunk just right of (a cell's left
 * edge): the one holding the border, else one up to BAND_LEFT characters left
 * or BAND_RIGHT right of it; borders stay in order and take a strip each,
 * chosen for the least total move (a border with no strip stays, at a cost
 * of BAND_NONE characters). Fills OUT[0 .. ncols-2]. */
/* Whether word W of L is the first of its chunk and a word of letters (a
 * capital after it, one blank apart, continues its cell: "Phòng VHXH",
 * "Văn phòng", not "% Công an xã"). */
static int first_of_chunk(const page_ctx *c, const line *L, size_t w)
{
    const char *s = L->w[w]->text;
    if (w > 0 && L->w[w]->x0 - L->w[w - 1]->x1 <= c->gap)
        return 0;
    return starts_upper(s) || (starts_lower_or_digit(s) && !isdigit((unsigned char)*s));
}

/* A word written in title case ("Phú", not "PVHCC" nor "chè"): a capital
 * one blank after it, opening no unit's name, goes on a proper name ("Phú
 * Lạc", "Tân Phong"), it starts no cell (band_bounds). */
static int unit_head_at(const line *L, size_t s, size_t e);

static int title_word(const char *s)
{
    if (!starts_upper(s))
        return 0;
    size_t n = 1;
    while (s[n] && ((unsigned char)s[n] & 0xC0) == 0x80)
        n++;
    return s[n] && starts_lower_or_digit(s + n) && !isdigit((unsigned char)s[n]);
}

static void band_bounds(const page_ctx *c, const otable *t, size_t a, size_t b, double *out)
{
    size_t K = t->ncols - 1, s0, s1;
    for (size_t k = 0; k < K; k++)
        out[k] = t->bound[k];
    double lo = 1e18, hi = -1e18, sp = c->sp;
    for (size_t i = a; i < b; i++)
        if (c->ln[i].n) {
            if (c->ln[i].x0 < lo) lo = c->ln[i].x0;
            if (c->ln[i].x1 > hi) hi = c->ln[i].x1;
        }
    if (K == 0 || K > MAXC || !(hi > lo) || !(sp > 0) || (hi - lo) / sp > 2000)
        return;
    size_t nb = (size_t)((hi - lo) / sp) + 3;
    unsigned char *cov = calloc(nb, 3);
    double *reach = calloc(nb, sizeof *reach);   /* lower-case starts (start 3): their words' rightmost middle */
    if (!cov || !reach) {
        free(cov);
        free(reach);
        return;   /* the page's borders serve */
    }
    unsigned char *start = cov + nb, *cross = cov + 2 * nb;   /* cross[x]: a word covers x - 1 and x */
    for (size_t i = a; i < b; i++) {
        const line *L = &c->ln[i];
        for (size_t w = 0; w < L->n; w++) {
            size_t x0 = (size_t)((L->w[w]->x0 - lo) / sp + 0.5), x1 = (size_t)((L->w[w]->x1 - lo) / sp + 0.5);
            for (size_t x = x0; x < x1 && x < nb; x++)
                cov[x] = 1, cross[x] |= x > x0;
        }
        for (int ch = 0; chunk(c, L, ch, &s0, &s1); ch++) {
            size_t x = (size_t)((L->w[s0]->x0 - lo) / sp + 0.5);
            if (x < nb)
                start[x] = 2;
        }
        /* a word one blank after another may start a cell too ("… đơn vị có
         * Công an xã", "… có chữ %"): a capital, a digit or a lone "%" (a
         * unit), in a row of two lines or more */
        for (size_t w = 1; w < L->n && b - a >= 2; w++) {
            size_t x = (size_t)((L->w[w]->x0 - lo) / sp + 0.5);
            if (x < nb && !start[x] && !starts_lower_or_digit(L->w[w]->text) && starts_upper(L->w[w]->text) &&
                !first_of_chunk(c, L, w - 1) && !(title_word(L->w[w - 1]->text) && !unit_head_at(L, w, L->n)))
                start[x] = 1;
            else if (x < nb && !start[x] && ((L->w[w]->text[0] >= '0' && L->w[w]->text[0] <= '9') ||
                                             strcmp(L->w[w]->text, "%") == 0))
                start[x] = 1;
        }
    }
    /* a word in lower case one blank after another and ending its chunk
     * starts a cell too when another line of the band has one so at the
     * same place ("trực tuyến dịch" / "toàn trình vụ": a unit packed after
     * its row's name, "dịch vụ" under "ĐVT"); only where no word runs
     * across, as any strip */
    for (size_t i = a; i < b && b - a >= 2; i++) {
        const line *L = &c->ln[i];
        for (size_t w = 1; w < L->n; w++) {
            size_t x = (size_t)((L->w[w]->x0 - lo) / sp + 0.5);
            if (x >= nb || (start[x] && start[x] != 3) || L->w[w]->x0 - L->w[w - 1]->x1 > c->gap ||
                (w + 1 < L->n && L->w[w + 1]->x0 - L->w[w]->x1 <= c->gap))
                continue;
            int again = 0;
            for (size_t u = a; u < b && !again; u++) {
                const line *U = &c->ln[u];
                for (size_t v = 1; u != i && v < U->n && !again; v++)
                    again = fabs(U->w[v]->x0 - L->w[w]->x0) < 0.5 * sp && U->w[v]->x0 - U->w[v - 1]->x1 <= c->gap &&
                            (v + 1 == U->n || U->w[v + 1]->x0 - U->w[v]->x1 > c->gap);
            }
            if (again) {
                start[x] = 3;
                if ((L->w[w]->x0 + L->w[w]->x1) / 2 > reach[x])
                    reach[x] = (L->w[w]->x0 + L->w[w]->x1) / 2;
            }
        }
    }
    double gl[BAND_GAPS], gr[BAND_GAPS], gw[BAND_GAPS];   /* strips: [gl, gr), a cell starting at gr; extra cost */
    int near[BAND_GAPS];  /* only for a border within BAND_RIGHT characters (a lower-case start) */
    double nr[BAND_GAPS]; /* and left of the middle of one of its words (the cell lies mostly past it) */
    size_t G = 0;
    for (size_t x = 1; x < nb && G < BAND_GAPS; x++) {
        if (cov[x] && cov[x - 1] && start[x] && !cross[x]) {
            /* no blank column, but no word across either: a cell packed one
             * blank after its neighbour on one line, and on another a word
             * of the cell on the left ending just before it ("Dữ liệu
             * Tháng" over "cập nhật"), at a cost */
            gl[G] = gr[G] = lo + (double)x * sp;
            near[G] = start[x] == 3, nr[G] = reach[x];
            gw[G++] = (start[x] == 2 ? 1.0 : BAND_WEAK + 1.0) * sp;
            continue;
        }
        if (cov[x] || !cov[x - 1])
            continue;
        size_t e = x;
        while (e < nb && !cov[e])
            e++;
        if (e < nb && start[e]) {
            gl[G] = lo + (double)x * sp, gr[G] = lo + (double)e * sp;
            near[G] = start[e] == 3, nr[G] = reach[e];
            gw[G++] = start[e] == 2 ? 0 : BAND_WEAK * sp;
        }
        x = e;
    }
    free(cov);
    free(reach);
    if (!G)
        return;
    /* dp[k][j]: least cost of borders 0..k with border k in strip j (j == G:
     * none); from[k][j]: the choice for border k-1 */
    double dp[MAXC][BAND_GAPS + 1], at[MAXC][BAND_GAPS + 1];
    int from[MAXC][BAND_GAPS + 1], real[MAXC];   /* real[k]: a strip with a blank in reach of border k */
    for (size_t k = 0; k < K; k++) {
        real[k] = 0;
        for (size_t j = 0; j < G; j++)
            real[k] |= !near[j] && gl[j] < gr[j] && t->bound[k] >= gr[j] - 0.5 * sp - (gr[j] - gl[j]) &&
                       t->bound[k] - gr[j] <= BAND_LEFT * sp && gl[j] - t->bound[k] <= BAND_RIGHT * sp;
    }
    for (size_t k = 0; k < K; k++)
        for (size_t j = 0; j <= G; j++) {
            double B = t->bound[k], cost, x;
            if (j == G) {
                cost = BAND_NONE * sp, x = B;
            } else if ((gl[j] == gr[j] && (fabs(B - gr[j]) > BAND_RIGHT * sp || real[k])) ||
                       (near[j] && (fabs(B - gr[j]) > BAND_RIGHT * sp || nr[j] <= B))) {
                dp[k][j] = 1e18;   /* no blank: only a border a few characters off, with no strip */
                continue;
            } else if (near[j]) {
                /* a lower-case start: weak, never free (a strip with a
                 * blank before a chunk nearby wins) */
                cost = fabs(B - gr[j]) + BAND_WEAK * sp, x = gr[j] - 0.5 * sp;
            } else if (B >= gl[j] - 0.5 * sp && B <= gr[j]) {
                cost = 0, x = B;
            } else if (gr[j] < B && B - gr[j] <= BAND_LEFT * sp) {
                cost = B - gr[j] + gw[j], x = gr[j] - 0.5 * sp;
            } else if (gl[j] > B && gl[j] - B <= BAND_RIGHT * sp) {
                cost = gl[j] - B + gw[j], x = gr[j] - 0.5 * sp;
            } else {
                dp[k][j] = 1e18;
                continue;
            }
            if (j < G && gl[j] == gr[j])
                x = gr[j] - 0.5;   /* no blank: the border just before the cell */
            at[k][j] = x;
            from[k][j] = -1;
            if (k == 0) {
                dp[k][j] = cost;
                continue;
            }
            dp[k][j] = 1e18;
            for (size_t q = 0; q <= G; q++) {
                if (dp[k - 1][q] >= 1e17 || at[k - 1][q] >= x - 1.0 || (q < G && j < G && q >= j))
                    continue;
                if (dp[k - 1][q] + cost < dp[k][j])
                    dp[k][j] = dp[k - 1][q] + cost, from[k][j] = (int)q;
            }
        }
    size_t best = G;
    for (size_t j = 0; j <= G; j++)
        if (dp[K - 1][j] < dp[K - 1][best])
            best = j;
    if (dp[K - 1][best] >= 1e17)
        return;
    for (size_t k = K; k-- > 0;) {
        out[k] = at[k][best];
        if (k)
            best = (size_t)from[k][best];
    }
}

/* Whether chunk [s0, s1) of line L, starting at X left of border B (the
 * column before B starts at LB, the one after it ends at R), may be a cell
 * slid left across B: it starts at most BAND_LEFT characters left of B,
 * clear of LB, ends before R and is the line's only text between LB and R. */
static int slid_line(const page_ctx *c, const line *L, size_t s0, size_t s1, double x, double lb, double B, double r)
{
    if (x >= B - 0.5 * c->sp || x < B - BAND_LEFT * c->sp || x <= lb + 4.0 * c->sp || L->w[s1 - 1]->x1 >= r)
        return 0;
    for (size_t w = 0; w < L->n; w++)
        if (!(w >= s0 && w < s1) && L->w[w]->x1 >= lb && L->w[w]->x0 < r)
            return 0;
    return 1;
}

/* One line's own borders: pdftotext -layout lays each row out on its own,
 * and inside a row band two rows' cells of one column may start a few
 * characters apart ("%" of row 4 one character left of the border that
 * row 5's "hợp tác xã" keeps). A chunk of line J (lines [a, b)) starting up
 * to BAND_LEFT characters left of a border of T (the band's), where no word
 * of its row band covers the character before it and its column holds text
 * left of it (slid_cell), is a cell slid left: for line J only the border
 * moves just before it, when every line of the band starting a chunk there
 * may move too (a cell's lines stay together) and no line above it in the
 * band has a word over it that is not such a chunk (a cell's next line, not
 * its first). Text pages only (grid). Fills OUT[0 .. ncols-2]. */
static void line_bounds(const page_ctx *c, const otable *t, size_t a, size_t b, size_t j, double *out)
{
    const line *L = &c->ln[j];
    size_t s0, s1, q0, q1, j0, j1;
    for (size_t k = 0; k + 1 < t->ncols; k++)
        out[k] = t->bound[k];
    band_of(c, j, a, b, &j0, &j1);
    for (int ch = 0; chunk(c, L, ch, &s0, &s1); ch++) {
        double x = L->w[s0]->x0;
        for (size_t k = 0; k + 1 < t->ncols; k++) {
            double B = t->bound[k], l = k ? out[k - 1] : t->xmin;
            double r = k + 2 < t->ncols ? t->bound[k + 1] : t->xmax + 1.0;
            if (!slid_line(c, L, s0, s1, x, l, B, r))
                continue;
            /* every line of the band starting a chunk there moves with it:
             * a cell's lines stay together */
            int ok = 1;
            for (size_t i = j0; i < j1 && ok; i++)
                for (int cu = 0; i != j && ok && chunk(c, &c->ln[i], cu, &q0, &q1); cu++)
                    if (fabs(c->ln[i].w[q0]->x0 - x) < 0.5 * c->sp)
                        ok = slid_line(c, &c->ln[i], q0, q1, x, l, B, r);
            /* nor a cell's next line: a line above in the band has a word
             * over it that is not a chunk starting with it ("- Hệ" over
             * "thống / họp trực / tuyến", "Báo cáo" over "kết quả") */
            double wd = L->w[s1 - 1]->x1 - x;
            for (size_t i = j; i-- > j0 && ok;) {
                const line *U = &c->ln[i];
                int over = 0, here = 0;
                for (size_t w = 0; w < U->n; w++) {
                    const pdf_word *u = U->w[w];
                    if (u->x0 < x + wd && u->x1 > x) {
                        over = 1;
                        here |= fabs(u->x0 - x) < 0.5 * c->sp && (w == 0 || u->x0 - U->w[w - 1]->x1 > c->gap);
                    }
                }
                if (over && !here)
                    ok = 0;
            }
            if (ok && slid_cell(c, j, a, b, x, l)) {
                if (getenv("DTI_PDF_DEBUG") && strcmp(getenv("DTI_PDF_DEBUG"), "3") == 0)
                    fprintf(stderr, "pdf: line %zu: border %.1f moved to %.1f (\"%s\" slid left)\n", j, B, x - 0.5,
                            L->w[s0]->text);
                out[k] = x - 0.5;
            }
        }
    }
}

/* Borders for header lines [a, b) of T (pdftotext -layout text): T's,
 * but where band_bounds moves one border alone, left, to just before words
 * that start two header lines or more at one place (a header cell slid
 * left: "Chỉ tiêu / năm / 2026" seven characters left of its values, its
 * first line packed one blank after "Thời hạn"; "Cơ quan Cơ quan / chủ trì
 * phối hợp" packed, the second cell over the river), that one. Into OUT. */
static void head_bounds(const page_ctx *c, const otable *t, size_t a, size_t b, double *out)
{
    double bb[MAXC];
    size_t moved = 0, mk = 0;
    for (size_t k = 0; k + 1 < t->ncols; k++)
        out[k] = t->bound[k];
    band_bounds(c, t, a, b, bb);
    for (size_t k = 0; k + 1 < t->ncols; k++)
        if (fabs(bb[k] - t->bound[k]) > 0.5)
            moved++, mk = k;
    if (moved != 1 || bb[mk] > t->bound[mk])
        return;
    int lines = 0;
    for (size_t i = a; i < b; i++) {
        for (size_t w = 0; w < c->ln[i].n; w++)
            if (c->ln[i].w[w]->x0 > bb[mk] && c->ln[i].w[w]->x0 - bb[mk] <= c->sp) {
                lines++;
                break;
            }
    }
    if (lines >= 2)
        out[mk] = bb[mk];
}

/* Whether word I of L may start a cell packed one blank after its
 * neighbour (see band_bounds): a chunk start, a capital, a digit, "%". */
static int packed_start(const page_ctx *c, const line *L, size_t i)
{
    const char *s = L->w[i]->text;
    return (i > 0 && L->w[i]->x0 - L->w[i - 1]->x1 > c->gap) || starts_upper(s) || (s[0] >= '0' && s[0] <= '9') ||
           strcmp(s, "%") == 0;
}

/* Words S..E of L (to the chunk's end) open a unit's name (unit_head). */
static int unit_head_at(const line *L, size_t s, size_t e)
{
    char head[256];
    size_t n = 0;
    for (size_t q = s; q < e && n + strlen(L->w[q]->text) + 2 < sizeof head; q++)
        n += (size_t)snprintf(head + n, sizeof head - n, "%s%s", n ? " " : "", L->w[q]->text);
    return n && unit_head(head);
}

/* Where packed_bounds cuts line L for border B of a column starting at LB
 * (its first two rules); -1 when it does not. */
static double packed_line_cut(const page_ctx *c, const line *L, double B, double lb)
{
    size_t s0, s1;
    for (int ch = 0; chunk(c, L, ch, &s0, &s1); ch++) {
        if (!(L->w[s0]->x0 < B && L->w[s1 - 1]->x1 > B))
            continue;
        for (size_t i = s0 ? s0 : 1; i < s1; i++) {
            const pdf_word *w = L->w[i];
            if (w->x0 < B - BAND_LEFT * c->sp || L->w[i - 1]->x0 < lb)
                continue;
            if (w->x0 < B && w->x1 > B) {
                /* words laid over each other (a page moved onto the
                 * table, regrid) say nothing of where a cell starts */
                int clear = i + 1 >= L->n || L->w[i + 1]->x0 > w->x1;
                if ((w->x0 >= B - 0.5 * c->sp && clear) || ((w->x0 + w->x1) / 2 > B && packed_start(c, L, i)) ||
                    (starts_upper(w->text) && i + 1 < s1 && unit_head_at(L, i, s1)))
                    return w->x0;
                return -1;
            }
            if (w->x0 > B && L->w[i - 1]->x1 < B) {
                const pdf_word *v = L->w[i - 1];
                if (i - 1 > s0 && starts_lower_or_digit(w->text) && !(w->text[0] >= '0' && w->text[0] <= '9') &&
                    starts_upper(v->text) && v->x0 >= B - BAND_LEFT * c->sp && unit_head_at(L, i - 1, s1))
                    return v->x0;
                return -1;
            }
        }
    }
    return -1;
}

/* Packed columns, one line at a time (text pages only, see packed_cut).
 * Where a chunk of line J (lines [a, b)) runs across border k of OUT (the
 * line's borders so far), pdftotext packed two cells one blank apart and
 * the border moves, for J only, just before the right one's first word,
 * borders staying in order and that word no more than BAND_LEFT characters
 * left of the border:
 *   - a word across the border starting within half a character of it
 *     ("4   dụng   %", "cuộc/năm cuộc/năm"), or mostly right of it and
 *     such as may start a cell (a chunk start, a capital, a digit, "%"):
 *     "… hóa UBND xã", "… rà soát Tháng", "… lõm sóng 10/2026", or a
 *     capital opening a unit's name with the words after it ("Hội đồng
 *     nhân Các phòng,"); else it ends its cell ("Hội Liên" over a last
 *     column stays whole);
 *   - the border between two words, the one after it in lower case (no
 *     cell starts so) and the one before it opening a unit's name with the
 *     rest of the chunk ("… công cộng Văn | phòng": "Văn phòng" is the
 *     lead cell, slid left of the border);
 *   - a word starting where another line of its row band is cut so, one
 *     blank or more after its neighbour (the cell's next line: "Các
 *     phòng," / "ban, đơn vị" under it).
 * Every other line keeps its borders. */
static void packed_bounds(const page_ctx *c, const otable *t, size_t a, size_t b, size_t j, double *out)
{
    const line *L = &c->ln[j];
    size_t j0, j1;
    band_of(c, j, a, b, &j0, &j1);
    for (size_t k = 0; k + 1 < t->ncols; k++) {
        double B = out[k], lb = k ? out[k - 1] : t->xmin;
        double r = k + 2 < t->ncols ? out[k + 1] : t->xmax + BAND_LEFT * c->sp;
        double x = packed_line_cut(c, L, B, lb);
        for (size_t i = j0; x < 0 && i < j1; i++) {
            if (i == j)
                continue;
            double xi = packed_line_cut(c, &c->ln[i], B, lb);
            if (xi < 0)
                continue;
            for (size_t w = 1; w < L->n && x < 0; w++)
                if (fabs(L->w[w]->x0 - xi) < 0.5 * c->sp && L->w[w - 1]->x0 >= lb && L->w[w]->x1 > B - 0.5 * c->sp &&
                    L->w[w - 1]->x1 < B)
                    x = L->w[w]->x0;
        }
        if (x < 0 || x - 0.5 <= lb || x - 0.5 >= r)
            continue;
        if (getenv("DTI_PDF_DEBUG") && strcmp(getenv("DTI_PDF_DEBUG"), "3") == 0)
            fprintf(stderr, "pdf: packed line at %.1f (\"%s\" …): border %.1f moved to %.1f\n", L->yc, L->w[0]->text, B,
                    x - 0.5);
        out[k] = x - 0.5;
    }
}

/* Lines [a, b) of page C into table T. FIRST: the table starts here (find its
 * anchor column, header and alignment). */
/* PREV ("1.", "2.3.") and NEXT ("1", "12") are one row code cut after
 * its dot by a narrow column: "1." + "1" is "1.1". */
static int dotted_code_cut(const char *prev, const char *next)
{
    size_t n = strlen(prev);
    if (n < 2 || n > 6 || prev[n - 1] != '.' || !all_digits(next) || strlen(next) > 2)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (!(prev[i] >= '0' && prev[i] <= '9') && prev[i] != '.')
            return 0;
    return prev[0] >= '0' && prev[0] <= '9';
}

/* Line J opens with the lower piece of a word cut by a narrow column
 * (cut_letter_code below): 1, with *UPPER
 * the line of the upper piece and *LETTERS set for "STT"/"TT". */
static int cut_lower(const page_ctx *c, size_t j, size_t *upper, int *letters)
{
    if (c->pg->grid || j == 0)
        return 0;
    const line *L = &c->ln[j];
    size_t a, b;
    if (!chunk(c, L, 0, &a, &b) || b - a != 1)
        return 0;
    const pdf_word *w = L->w[a];
    size_t n = strlen(w->text);
    if (n < 1 || n > 2)
        return 0;
    int digits = all_digits(w->text);
    for (size_t i = 0; i < n && !digits; i++)
        if (w->text[i] < 'A' || w->text[i] > 'Z')
            return 0;
    /* the line above in this column: the next line up may belong to a
     * centred neighbour ("ST" / "Nội dung" / "T") */
    for (size_t u = j; u-- > 0 && L->yc - c->ln[u].yc <= 2.0 * c->h;) {
        const line *U = &c->ln[u];
        for (int k = 0; chunk(c, U, k, &a, &b); k++) {
            const pdf_word *p = U->w[b - 1];
            if (p->x1 < w->x0 || p->x0 > w->x1)
                continue;
            if (b - a != 1 || w->y0 - p->y1 > 0.25 * c->h)
                return 0;   /* not the next line of one cell: "TT" over a row "A" */
            *upper = u;
            *letters = !digits;
            if (digits)
                return dotted_code_cut(p->text, w->text);
            for (const char *q = p->text; *q; q++)
                if (*q < 'A' || *q > 'Z')
                    return 0;
            /* the code column's own header word, nothing else: "TT" over
             * a group row "I" is two lines */
            char glued[8];
            snprintf(glued, sizeof glued, "%s%s", p->text, w->text);
            return (strcmp(glued, "STT") == 0 || strcmp(glued, "TT") == 0) && cut_word(p->text, w->text);
        }
    }
    return 0;
}

/* Read directly, line J of C opens with a piece of a word that a narrow
 * column cut ("ST" / "T", "T" / "T" in 13 pt type; cut_lower): the piece
 * below is one or two capitals alone in their chunk, under a word of
 * capitals alone in its chunk on the line just above in that column
 * (boxes overlapping, less than a quarter line apart), the two making the
 * code column's header word ("STT", "TT") that cut_word glues; or a row
 * code cut after its dot ("1." / "1", dotted_code_cut), the second piece
 * no row of its own. Such a "T" (either piece of "T" / "T") is no group
 * letter: the table's body does not start there, and the cell glues the
 * pieces back (cell_text). */
static int cut_letter_code(const page_ctx *c, size_t j)
{
    size_t u;
    int letters;
    if (cut_lower(c, j, &u, &letters))
        return 1;
    /* or the first piece of a cut "TT" ("T" / "T"): itself a letter */
    for (size_t d = j + 1; d < c->nln && c->ln[d].yc - c->ln[j].yc <= 2.0 * c->h; d++)
        if (cut_lower(c, d, &u, &letters) && u == j && letters)
            return 1;
    return 0;
}

/* Read directly, a table whose first page holds one row (or none) cannot
 * tell its alignment yet (no two codes to compare): its first row's cells
 * may rise above its code (fa, the first code's line, A + FA on the page)
 * when centred. The body starts at the widest gap before the code when
 * the lines below that gap are not bold (a header is) and the gap is wider
 * than the code line's own by half a line: a browser's print of an HTML
 * table whose header and first row close a page (docs/internals/import.md,
 * "PDFs from other programs"); the table is then taken as centred (one
 * row seen rising), which the next pages' rows may overturn. Else FA. */
static size_t first_row_top(const page_ctx *c, size_t a, size_t fa)
{
    double best = -1;
    size_t at = fa;
    for (size_t i = 1; i <= fa; i++) {
        double g = c->ln[a + i].yc - c->ln[a + i - 1].yc;
        if (g > best + 0.01)
            best = g, at = i;
    }
    if (at == fa || best < c->ln[a + fa].yc - c->ln[a + fa - 1].yc + 0.5 * c->h)
        return fa;
    for (size_t i = at; i < fa; i++)
        if (c->ln[a + i].bold)
            return fa;
    return at;
}


/* ---- bottom-aligned cells (a spreadsheet printed to PDF; branch pdfcalc) --
 *
 * Excel and Calc set a cell's text at the bottom of its row unless told
 * otherwise: the code "1" sits on the last line of its row, every other
 * cell ends on that line, the lines above a code belong to it. A table is
 * taken as bottom-aligned when it would otherwise be taken as centred
 * (cells often start away from their code's line) and, over the pages read
 * so far, at most a quarter of its cells fail to end on their code's line
 * in lines one after the other (a centred cell of two lines or more ends
 * below its code). When the codes open the names (t->led: "1.1. Tỷ lệ …"),
 * a row ends on its name's last line instead. pdf_sheet.c has made the
 * sheet's columns readable; this is only about rows. Not for -layout
 * text. */

/* The last line of the row anchored at line I: the code's line, or, when
 * the codes open the names (t->led), the last line of the name that
 * follows it in the first column, one line pitch after another. */
static size_t bottom_of(const page_ctx *c, const otable *t, size_t a, size_t n, const int *anch, size_t i,
                        const piece *P)
{
    if (!t->led)
        return i;
    size_t e = i;
    for (size_t j = i + 1; j < n && !anch[j]; j++) {
        if (!P[j * t->ncols].nwords)
            continue;
        if (c->ln[a + j].yc - c->ln[a + e].yc > 1.6 * c->h)
            break;
        e = j;
    }
    return e;
}

/* Evidence on this page's lines [0, n) of table T (from line A): do cells
 * end on their code's line? Added to t->bpairs / t->bbad; non-zero when the
 * table reads as bottom-aligned. */
static int bottom_aligned(const page_ctx *c, otable *t, size_t a, size_t n, const int *anch, size_t fa,
                          const piece *P)
{
    size_t prev = n;
    for (size_t i0 = fa; i0 < n; i0++) {
        if (!anch[i0])
            continue;
        size_t i = bottom_of(c, t, a, n, anch, i0, P);
        if (prev < n)
            for (size_t k = 0; k < t->ncols; k++) {
                if ((int)k == t->anchor)
                    continue;
                double last = -1, y = 0;
                int any = 0, viol = 0, nitems = 0;
                for (size_t j = prev + 1; j <= i; j++) {
                    if (!P[j * t->ncols + k].nwords)
                        continue;
                    y = c->ln[a + j].yc;
                    if (any && y - last > 1.6 * c->h)
                        viol = 1;
                    any = 1;
                    nitems++;
                    last = y;
                }
                if (any && fabs(y - c->ln[a + i].yc) > 1.5)
                    viol = 1;
                t->bpairs += any && (viol || nitems >= 2);
                t->bbad += viol;
            }
        prev = i;
    }
    return t->bpairs >= 2 && t->bbad * 4 <= t->bpairs;
}

/* The first body line of a bottom-aligned table's first page: after the
 * header's last line, which holds a word in more columns than any line
 * between it and the first code FA (all header cells end on it; the first
 * row's cells above its code are fewer). */
static size_t bottom_header_end(const page_ctx *c, const otable *t, size_t n, size_t fa, const piece *P)
{
    (void)c;
    (void)n;
    size_t best = 0, at = 0;
    for (size_t i = 0; i < fa; i++) {
        size_t cols = 0;
        for (size_t k = 0; k < t->ncols; k++)
            cols += P[i * t->ncols + k].nwords > 0;
        if (cols >= best && cols)
            best = cols, at = i + 1;
    }
    return at;
}

/* In a sheet (pdf_sheet.c) whose header cells are bottom-aligned, a line
 * above the header's first line of three cells is the header's only when
 * it lies one line pitch above the next and each of its words has a word
 * of the same column on the next line (the cell goes on down to the
 * header's last line); else it is the end of a title written in the cells
 * above ("(Kèm theo …" / "xã An Thịnh)"). */
static int sheet_head_goes_on(const page_ctx *c, const otable *t, size_t j)
{
    const line *L = &c->ln[j], *N = &c->ln[j + 1];
    /* and one line pitch above it (the smallest step between two lines
     * of the page): rows are set apart by their cells' padding as well */
    double pitch = 1e18;
    for (size_t i = 1; i < c->nln; i++) {
        double g = c->ln[i].yc - c->ln[i - 1].yc;
        if (g >= 0.5 * c->h && g < pitch)
            pitch = g;
    }
    if (N->yc - L->yc > 1.08 * pitch)
        return 0;
    for (size_t w = 0; w < L->n; w++) {
        size_t k = col_of(t, (L->w[w]->x0 + L->w[w]->x1) / 2);
        int below = 0;
        for (size_t v = 0; v < N->n && !below; v++)
            below = col_of(t, (N->w[v]->x0 + N->w[v]->x1) / 2) == k;
        if (!below)
            return 0;
    }
    return 1;
}

/* In a sheet, a line whose every chunk lies across a border: cells merged
 * over the sub-headers below ("Mục tiêu" over "Năm 2026 | Đến năm 2030"),
 * the first row of a two-row header, set a row's padding above the next. */
static int sheet_spanning(const page_ctx *c, const otable *t, size_t j)
{
    const line *L = &c->ln[j];
    size_t a, b;
    int k = 0;
    for (; chunk(c, L, k, &a, &b); k++)
        if (col_of(t, L->w[a]->x0) == col_of(t, L->w[b - 1]->x1))
            return 0;
    return k > 0;
}

/* Rows of a bottom-aligned table: the lines after one code's line down to
 * the next code's line are that code's row; lines after the last code (a
 * row the page break cut, or a note under the table that fits its
 * columns) go to the last row. */
static int bottom_rows(const page_ctx *c, otable *t, size_t a, size_t n, size_t body, const int *anch,
                       const piece *P, int page)
{
    size_t s0 = body;
    for (size_t i0 = body; i0 < n; i0++) {
        if (!anch[i0])
            continue;
        size_t i = bottom_of(c, t, a, n, anch, i0, P);
        trow *r = add_row(t);
        if (!r)
            return -1;
        for (size_t j = s0; j <= i; j++)
            for (size_t k = 0; k < t->ncols; k++)
                if (put_piece(r, k, &P[j * t->ncols + k], c->ln[a + j].yc, page))
                    return -1;
        s0 = i + 1;
    }
    if (s0 < n) {
        trow *r = t->n && !t->rows[t->n - 1].header ? &t->rows[t->n - 1] : add_row(t);
        if (!r)
            return -1;
        for (size_t j = s0; j < n; j++)
            for (size_t k = 0; k < t->ncols; k++)
                if (put_piece(r, k, &P[j * t->ncols + k], c->ln[a + j].yc, page))
                    return -1;
    }
    return 0;
}

static int table_page(const page_ctx *c, otable *t, size_t a, size_t b, int page, int first)
{
    int rc = -1;
    size_t n = b - a;
    piece *P = calloc(n * t->ncols + 1, sizeof *P);
    int *anch = calloc(n + 1, sizeof *anch);
    if (!P || !anch)
        goto out;
    {
        otable band = *t;   /* borrowed rows: only the borders are read */
        for (size_t i = 0; i < n; i++) {
            if (t->grid && (i == 0 || c->ln[a + i].yc - c->ln[a + i - 1].yc > 1.6 * c->h)) {
                size_t e = i + 1;
                while (e < n && c->ln[a + e].yc - c->ln[a + e - 1].yc <= 1.6 * c->h)
                    e++;
                band_bounds(c, t, a + i, a + e, band.bound);
                if (getenv("DTI_PDF_DEBUG") && strcmp(getenv("DTI_PDF_DEBUG"), "3") == 0) {
                    fprintf(stderr, "pdf: band lines %zu..%zu:", a + i, a + e);
                    for (size_t q = 0; q + 1 < t->ncols; q++)
                        fprintf(stderr, " %.1f", band.bound[q]);
                    fprintf(stderr, "\n");
                }
            }
            otable own = band;
            if (t->grid) {
                line_bounds(c, &band, a, b, a + i, own.bound);
                packed_bounds(c, &own, a, b, a + i, own.bound);
            }
            if (line_pieces(c, &own, &c->ln[a + i], &P[i * t->ncols], 0))
                goto out;
        }
    }
#define PC(i, k) (&P[(i) * t->ncols + (k)])
    if (first) {
        t->anchor = -1;
        int led0 = 0;
        for (size_t k = 0; k < t->ncols && k < 3 && t->anchor < 0; k++) {
            size_t codes = 0, full = 0;
            size_t led = 0;
            for (size_t i = 0; i < n; i++) {
                if (!PC(i, k)->nwords)
                    continue;
                full++;
                codes += piece_is_code_in(t, PC(i, k));
                led += k == 0 && piece_code_led(t, PC(i, k));
            }
            if ((codes >= 2 && codes * 3 >= full) || (codes == 1 && full <= 2))
                t->anchor = (int)k;
            else if (k == 0 && !codes && led >= 2 && led * 4 >= full)
                led0 = 1;   /* codes inside the names, unless a code column follows */
            if (getenv("DTI_PDF_DEBUG"))
                fprintf(stderr, "pdf: anchor? column %zu: %zu codes of %zu\n", k, codes, full);
        }
        /* a group name merged down the first column ("I. Chính quyền số")
         * leads with its code too: a code column after it is the anchor */
        if (t->anchor < 0 && led0)
            t->anchor = 0, t->led = 1;
    }
    size_t fa = n;   /* first anchor line */
    for (size_t i = 0; i < n; i++) {
        anch[i] = t->anchor >= 0 && (t->led ? piece_code_led(t, PC(i, 0)) : piece_is_code_in(t, PC(i, (size_t)t->anchor))) &&
                  !cut_letter_code(c, a + i);
        if (anch[i] && fa == n)
            fa = i;
    }
    size_t body = 0;
    {
        /* alignment: top unless cells often start away from their code line
         * (counted over the pages read so far) */
        size_t pairs = 0, bad = 0;
        size_t prev = n;
        for (size_t i = fa; i < n; i++) {
            if (!anch[i])
                continue;
            if (prev < n) {
                for (size_t k = 0; k < t->ncols; k++) {
                    if ((int)k == t->anchor)
                        continue;
                    double last = -1;
                    int any = 0, viol = 0, nitems = 0;
                    for (size_t j = prev; j < i; j++) {
                        if (!PC(j, k)->nwords)
                            continue;
                        double y = c->ln[a + j].yc;
                        if (!any && fabs(y - c->ln[a + prev].yc) > 1.5)
                            viol = 1;
                        if (any && y - last > 1.6 * c->h)
                            viol = 1;
                        any = 1;
                        nitems++;
                        last = y;
                    }
                    /* a lone line at the code's height says nothing either way */
                    pairs += any && (viol || nitems >= 2);
                    bad += viol;
                }
            }
            prev = i;
        }
        t->pairs += pairs;
        t->bad += bad;
        t->centered = t->pairs && t->bad * 4 > t->pairs;
        if (t->centered && !t->grid && bottom_aligned(c, t, a, n, anch, fa, P)) {
            t->centered = 0;
            t->bottom = 1;
        }
    }
    if (first) {
        /* header: lines before the first code; when centred, only those above
         * the widest gap before it (the first row's cells rise above its code) */
        body = fa;
        if (!t->centered && !t->pairs && !t->grid && fa < n && fa > 0 &&
            (body = first_row_top(c, a, fa)) < fa) {
            /* the first row rising above its code is what centred means */
            t->pairs++, t->bad++;
            t->centered = 1;
        }
        if (t->centered && fa < n && fa > 0) {
            double best = -1;
            size_t at = fa;
            for (size_t i = 1; i <= fa; i++) {
                double g = c->ln[a + i].yc - c->ln[a + i - 1].yc;
                if (g > best + 0.01)
                    best = g, at = i;
            }
            body = at;
        }
        if (t->bottom && fa < n)
            body = bottom_header_end(c, t, n, fa, P);
        if (fa == n)
            body = 0;   /* no codes: no header can be told */
        /* in -layout text the header is cut at its own band's borders when
         * they are the table's but for one moved left onto the start of a
         * header cell slid into the river (head_bounds) */
        otable hb = *t;
        if (t->grid && body > 0)
            head_bounds(c, t, a, a + body, hb.bound);
        for (size_t i = 0; i < body; i++) {
            pieces_release(&P[i * t->ncols], t->ncols);
            if (line_pieces(c, &hb, &c->ln[a + i], &P[i * t->ncols], 1))
                goto out;
        }
        /* header rows */
        if (body > 0) {
            buf sig;
            buf_init(&sig, 1 << 16);
            buf_addc(&sig, ' ');
            double span_bottom = -1;
            int covered[MAXC] = {0};
            for (size_t i = 0; i < body; i++) {
                const line *L = &c->ln[a + i];
                for (size_t w = 0; w < L->n; w++) {
                    buf_adds(&sig, L->w[w]->text);
                    buf_addc(&sig, ' ');
                }
                for (size_t k = 0; k < t->ncols; k++)
                    if (PC(i, k)->span > 1) {
                        if (L->y1 > span_bottom)
                            span_bottom = L->y1;
                        for (int s = 1; s < PC(i, k)->span && k + (size_t)s < t->ncols; s++)
                            covered[k + (size_t)s] = 1, covered[k] = 1;
                    }
            }
            if (buf_failed(&sig)) {
                buf_release(&sig);
                goto out;
            }
            t->head_sig = buf_detach(&sig);
            trow *h0 = add_row(t);
            if (!h0)
                goto out;
            h0->header = 1;
            trow *h1 = NULL;
            if (span_bottom > 0) {
                if (!(h1 = add_row(t)))
                    goto out;
                h0 = h1 - 1;
                h1->header = 1;
            }
            for (size_t i = 0; i < body; i++) {
                const line *L = &c->ln[a + i];
                int numbering = 1;
                for (size_t w = 0; w < L->n; w++)
                    numbering &= is_numbering(L->w[w]->text);
                if (numbering && L->n >= 3)
                    continue;
                for (size_t k = 0; k < t->ncols; k++) {
                    trow *r = h1 && covered[k] && L->y0 >= span_bottom - 0.5 && PC(i, k)->span == 1 ? h1 : h0;
                    if (put_piece(r, k, PC(i, k), L->yc, page))
                        goto out;
                }
            }
        }
    } else {
        /* a continued page: drop a repeated header before the first code */
        while (body < fa && head_has_line(t, &c->ln[a + body]))
            body++;
    }
    /* units columns, from the header words */
    if (first)
        for (size_t r = 0; r < t->n; r++)
            for (size_t k = 0; k < t->ncols; k++) {
                char *h = cell_text(t, k, &t->rows[r].c[k]);
                if (h && (text_fold_contains(h, "chu tri") || text_fold_contains(h, "phoi hop") ||
                          text_fold_contains(h, "don vi") || text_fold_contains(h, "co quan") ||
                          text_fold_contains(h, "phong ban")))
                    t->units[k] = 1;
                free(h);
            }
    /* body rows */
    size_t row0 = t->n;   /* index of this page's first new row */
    size_t nanch = 0;
    for (size_t i = body; i < n; i++)
        nanch += anch[i];
    if (t->anchor < 0) {
        /* no codes: a row starts where every cell of a line starts afresh */
        trow *cur = t->n && !t->rows[t->n - 1].header ? &t->rows[t->n - 1] : NULL;
        for (size_t i = body; i < n; i++) {
            int cols = 0, fresh = 1;
            for (size_t k = 0; k < t->ncols; k++) {
                if (!PC(i, k)->nwords)
                    continue;
                cols++;
                if (i > body && PC(i - 1, k)->nwords)
                    fresh = 0;
            }
            if (!cur || (cols >= 2 && fresh && i > body)) {
                if (!(cur = add_row(t)))
                    goto out;
            }
            for (size_t k = 0; k < t->ncols; k++)
                if (put_piece(cur, k, PC(i, k), c->ln[a + i].yc, page))
                    goto out;
        }
    } else if (t->bottom && nanch) {
        if (bottom_rows(c, t, a, n, body, anch, P, page))
            goto out;
    } else if (!t->centered || !nanch) {
        trow *cur = t->n && !t->rows[t->n - 1].header ? &t->rows[t->n - 1] : NULL;
        for (size_t i = body; i < n; i++) {
            if (anch[i] || !cur) {
                if (!(cur = add_row(t)))
                    goto out;
            }
            for (size_t k = 0; k < t->ncols; k++)
                if (put_piece(cur, k, PC(i, k), c->ln[a + i].yc, page))
                    goto out;
        }
    } else {
        size_t *ai = malloc(nanch * sizeof *ai);
        size_t *items = malloc(2 * (n + 1) * sizeof *items);   /* and, after n + 1, each line's band */
        if (!ai || !items) {
            free(ai);
            free(items);
            goto out;
        }
        /* the line pitch inside a cell: the smallest step between two lines
         * of one column (a row's gap is wider by the cells' padding) */
        double pitch = 1e9;
        for (size_t k = 0; k < t->ncols; k++) {
            double last = -1e9;
            for (size_t i = body; i < n; i++)
                if (PC(i, k)->nwords) {
                    double g = c->ln[a + i].yc - last;
                    if (g >= 0.8 * c->h && g < pitch)
                        pitch = g;
                    last = c->ln[a + i].yc;
                }
        }
        double rise = pitch < 1.3 * c->h ? 1.2 * pitch : 1.6 * c->h;
        size_t m = 0;
        /* a continued page: the block of lines that reaches the first code
         * with no line missing between (in any column) is that code's row;
         * the previous row's tail is set off from it by a row's gap */
        size_t *band = items + n + 1;   /* row band of each line: blank lines part them */
        band[0] = 0;
        for (size_t i = 1; i < n; i++)
            band[i] = band[i - 1] + (c->ln[a + i].yc - c->ln[a + i - 1].yc > 1.6 * c->h);
        double block_top = 1e18;
        for (size_t i = body; i < n; i++)
            if (anch[i]) {
                size_t i0 = i;
                while (i0 > body && c->ln[a + i0].yc - c->ln[a + i0 - 1].yc <= rise)
                    i0--;
                block_top = c->ln[a + i0].yc - 1.0;
                break;
            }
        for (size_t i = body; i < n; i++)
            if (anch[i]) {
                ai[m++] = i;
                if (!add_row(t)) {
                    free(ai);
                    free(items);
                    goto out;
                }
            }
        /* where each row is centred: its code's line, or, when the codes open
         * the names (t->led), the middle of the name's lines */
        double *yc = malloc(nanch * sizeof *yc);
        if (!yc) {
            free(ai);
            free(items);
            goto out;
        }
        for (size_t j = 0; j < nanch; j++) {
            double top = c->ln[a + ai[j]].yc, last = top;
            for (size_t i = ai[j] + 1; t->led && i < n && !anch[i]; i++) {
                if (!PC(i, (size_t)t->anchor)->nwords)
                    continue;
                if (c->ln[a + i].yc - last > rise)
                    break;
                last = c->ln[a + i].yc;
            }
            yc[j] = (top + last) / 2;
        }
        for (size_t k = 0; k < t->ncols; k++) {
            size_t ni = 0;
            for (size_t i = body; i < n; i++)
                if (PC(i, k)->nwords)
                    items[ni++] = i;
            size_t p = 0;
            /* a continued page: a row cut by the page break ends at its top.
             * The first code's cell rises from it in lines one pitch apart;
             * lines above a wider gap finish the row of the page before. */
            if (!first && row0 > 0 && !t->rows[row0 - 1].header) {
                double Y0 = yc[0];
                size_t above = 0;
                while (above < ni && c->ln[a + items[above]].yc <= Y0 + 1.0)
                    above++;
                size_t r0 = above;
                if (above && c->ln[a + items[above - 1]].yc >= Y0 - 1.3 * c->h) {
                    r0 = above - 1;
                    while (r0 > 0 && c->ln[a + items[r0]].yc - c->ln[a + items[r0 - 1]].yc <= rise)
                        r0--;
                }
                while (r0 > 0 && c->ln[a + items[r0 - 1]].yc >= block_top)
                    r0--;
                for (size_t q = 0; q < r0; q++)
                    if (put_piece(&t->rows[row0 - 1], k, PC(items[q], k), c->ln[a + items[q]].yc, page)) {
                        free(ai);
                        free(items);
                        free(yc);
                        goto out;
                    }
                p = r0;
            }
            /* a group row (a letter or roman code and its name, nothing else
             * on its line: PDF read directly) holds no line of the columns
             * after its name; those lines are split between the rows around */
            int skip = !t->grid && (int)k != t->anchor && (int)k != t->anchor + 1;
            for (size_t j = 0; j < nanch; j++) {
                if (skip && group_line(c, t, &P[ai[j] * t->ncols]))
                    continue;
                double Y = yc[j];
                size_t s0 = p;
                while (p < ni && c->ln[a + items[p]].yc <= Y + 1.0)
                    p++;
                size_t take = p;
                size_t jn = j + 1;
                while (skip && jn < nanch && group_line(c, t, &P[ai[jn] * t->ncols]))
                    jn++;
                if (jn >= nanch) {
                    take = ni;
                } else {
                    double Yn = yc[jn];
                    size_t e = p;
                    while (e < ni && c->ln[a + items[e]].yc < Yn - 1.0)
                        e++;
                    /* pdftotext -layout sets rows apart by a blank line: when
                     * the two codes lie in different bands, a line in the
                     * band of one is that one's */
                    size_t from = p, to = e;
                    if (t->grid && band[ai[j]] != band[ai[j + 1]]) {
                        size_t lo = p, hi = p;
                        while (lo < e && band[items[lo]] <= band[ai[j]])
                            lo++;
                        hi = lo;
                        while (hi < e && band[items[hi]] < band[ai[j + 1]])
                            hi++;
                        from = lo, to = hi;
                    }
                    double best = 1e18;
                    take = from;
                    for (size_t s = from; s <= to; s++) {
                        double cost;
                        /* a band between the two codes' goes whole to one
                         * row ("Chủ trì: Phòng Kinh" / "tế, Hạ tầng và Đô
                         * thị", a paragraph of the next row's cell set off
                         * by a blank line) */
                        if (t->grid && band[ai[j]] != band[ai[j + 1]] && s > from && s < to &&
                            band[items[s - 1]] == band[items[s]])
                            continue;
                        if (s == s0)
                            cost = 0.6 * c->h;
                        else
                            cost = fabs((c->ln[a + items[s0]].yc + c->ln[a + items[s - 1]].yc) / 2 - Y);
                        if (cost < best - 0.01)
                            best = cost, take = s;
                    }
                }
                trow *r = &t->rows[row0 + j];
                for (size_t q = s0; q < take; q++)
                    if (put_piece(r, k, PC(items[q], k), c->ln[a + items[q]].yc, page)) {
                        free(ai);
                        free(items);
                        free(yc);
                        goto out;
                    }
                p = take;
            }
        }
        free(ai);
        free(items);
        free(yc);
    }
    rc = 0;
out:
    if (P)
        for (size_t i = 0; i < n; i++)
            pieces_release(&P[i * t->ncols], t->ncols);
    free(P);
    free(anch);
    return rc;
#undef PC
}

/* First line of cell C (page, y) or 0. */
static int cell_top(const tcell *c, int *page, double *y)
{
    if (!c->n)
        return 0;
    *page = c->v[0].page;
    *y = c->v[0].y;
    return 1;
}

/* Extent of row R's lines on page PG, columns 1.. (*top, *bot); 0 when it
 * has none there. */
static int row_extent(const otable *t, size_t r, int pg, double *top, double *bot)
{
    int any = 0;
    for (size_t k = 1; k < t->ncols; k++) {
        const tcell *c = &t->rows[r].c[k];
        for (size_t i = 0; i < c->n; i++) {
            if (c->v[i].page != pg)
                continue;
            if (!any || c->v[i].y < *top)
                *top = c->v[i].y;
            if (!any || c->v[i].y > *bot)
                *bot = c->v[i].y;
            any = 1;
        }
    }
    return any;
}

/* Centred names (RUNS, NR of them, in order) over the body rows from BODY.
 * Name g lies over its rows: the first row reaching down to the name's
 * first line (R[g]) is in its group, and so is, when the name sits in the
 * gap above R[g], the row before. From the last group back, a group ends
 * where the next begins and begins, after R[g-1], where the middle of its
 * rows on the name's page comes nearest the name's middle: a page break
 * cutting the group leaves the name in the first piece, so only that
 * page's lines count. */
/* Every line of row R is on a page before PG (and it has one). */
static int row_before(const otable *t, size_t r, int pg)
{
    int any = 0;
    for (size_t k = 0; k < t->ncols; k++)
        for (size_t i = 0; i < t->rows[r].c[k].n; i++) {
            if (t->rows[r].c[k].v[i].page >= pg)
                return 0;
            any = 1;
        }
    return any;
}

static void centred_groups(otable *t, size_t body, tcell *runs, size_t nr)
{
    size_t R[MAXC * 8], S[MAXC * 8];
    if (nr > sizeof R / sizeof *R)
        nr = sizeof R / sizeof *R;
    size_t from = body;
    for (size_t g = 0; g < nr; g++) {
        const tcell *nm = &runs[g];
        int pg = nm->v[0].page;
        R[g] = t->n - 1;
        for (size_t r = from; r < t->n; r++) {
            double top, bot;
            if (row_extent(t, r, pg, &top, &bot) && bot >= nm->v[0].y - 0.5 * t->h) {
                R[g] = r;
                break;
            }
            if (t->rows[r].c[t->anchor].n && t->rows[r].c[t->anchor].v[0].page > pg) {
                R[g] = r;
                break;
            }
        }
        if (R[g] < from)
            R[g] = from;
        from = R[g] + 1 < t->n ? R[g] + 1 : R[g];
    }
    size_t e = t->n - 1;
    for (size_t g = nr; g-- > 0;) {
        const tcell *nm = &runs[g];
        int pg = nm->v[0].page;
        double C = (nm->v[0].y + nm->v[nm->n - 1].y) / 2;
        size_t lo = g ? R[g - 1] + 1 : body, hi = R[g] < e ? R[g] : e;
        /* a merged cell's text lies within its rows: a row holding a line of
         * the name before is that name's ("Kinh tế" / "số" over rows 4 and 5) */
        for (size_t r = lo; g && r <= hi; r++) {
            const tcell *pn = &runs[g - 1];
            double top, bot;
            for (size_t i = 0; i < pn->n; i++)
                if (row_extent(t, r, pn->v[i].page, &top, &bot) && pn->v[i].y >= top - 0.3 * t->h &&
                    pn->v[i].y <= bot + 0.3 * t->h && r + 1 <= hi)
                    lo = r + 1;
        }
        size_t best_s = g ? hi : body;
        double best = 1e18;
        for (size_t s = lo; g && s <= hi; s++) {
            double top = 0, bot = 0, t0, b0;
            int any = 0;
            /* a row wholly on a page before the name's is not its group's
             * (the name would be on that page): read directly, and in
             * -layout text since layout6 (vinh-thanh's row 3 went to the
             * next page's "Kinh tế số", a tie of centres on that page) */
            if (row_before(t, s, pg))
                continue;
            for (size_t r = s; r <= e; r++)
                if (row_extent(t, r, pg, &t0, &b0)) {
                    if (!any || t0 < top) top = t0;
                    if (!any || b0 > bot) bot = b0;
                    any = 1;
                }
            double cost = any ? fabs((top + bot) / 2 - C) : 1e9;
            if (cost < best - 0.01)
                best = cost, best_s = s;
        }
        /* a PDF read directly: a merged cell cut by a page break has its name
         * at the top of its first row, not centred (LibreOffice, Word) */
        int cut = 0;
        for (size_t r = lo; !t->grid && g && r < t->n && r <= e && !cut; r++)
            for (size_t k = 1; k < t->ncols && !cut; k++)
                for (size_t i = 0; i < t->rows[r].c[k].n; i++)
                    cut |= t->rows[r].c[k].v[i].page > pg;
        for (size_t s = lo; cut && s <= hi; s++) {
            double top = 0, bot = 0;
            if (row_extent(t, s, pg, &top, &bot) && fabs(top - nm->v[0].y) < 0.6 * t->h) {
                best_s = s;
                break;
            }
        }
        S[g] = best_s;
        e = best_s ? best_s - 1 : 0;
    }
    for (size_t g = 0; g < nr; g++) {
        size_t s = S[g], end = g + 1 < nr ? S[g + 1] : t->n;
        if (s >= t->n || t->rows[s].c[0].n)
            continue;
        t->rows[s].c[0] = runs[g];
        memset(&runs[g], 0, sizeof runs[g]);
        for (size_t r = s + 1; r < end; r++)
            t->rows[r].c[0].up = 1;
    }
}

/* Whether lines A and B (A above, on one page) of a -layout table lie in
 * one row band: the table's body lines (rows from BODY) between them follow
 * one another with no blank line. pdftotext sets the other columns' lines
 * between a centred name's lines ("Chính" / row 2's code line / "quyền số"). */
static int same_band(const otable *t, size_t body, const cline *A, const cline *B)
{
    double last = A->y;
    for (;;) {
        double next = B->y;   /* the nearest line below LAST, up to B */
        for (size_t r = body; r < t->n; r++)
            for (size_t k = 0; k < t->ncols; k++)
                for (size_t i = 0; i < t->rows[r].c[k].n; i++) {
                    const cline *l = &t->rows[r].c[k].v[i];
                    if (l->page == A->page && l->y > last + 0.5 && l->y < next)
                        next = l->y;
                }
        if (next - last > 1.6 * t->h)
            return 0;
        if (next >= B->y)
            return 1;
        last = next;
    }
}

/* A first column merged down over each group's rows (Word vMerge: "Lĩnh
 * vực" left of the code column, its name once per group). The PDF shows
 * the name once, top-aligned on its first row or centred over its rows;
 * the rows' anchors tell which: a name whose first line sits on a code's
 * line starts at that row, else it starts after the previous group and
 * spans the rows whose middle it is nearest. The name moves to its first
 * row and the rows under it are marked merged up, as a .docx reads. */
/* A bottom-aligned sheet's group name merged down a first column (branch
 * pdfcalc) sits at the foot of its range: its last line is on the last
 * row of its group. Each name NAMES[g] takes the rows after the previous
 * group's down to the first row whose code lies on or below the name's
 * last line; it is put in the first of them, the others merged up into
 * it. Rows after the last name are its group's. */
static void bottom_groups(otable *t, size_t body, tcell *runs, size_t nr)
{
    size_t start = body;
    for (size_t g = 0; g < nr && start < t->n; g++) {
        const cline *last = &runs[g].v[runs[g].n - 1];
        size_t e = start;
        while (e + 1 < t->n) {
            const tcell *a = &t->rows[e].c[t->anchor];
            if (a->n) {
                const cline *al = &a->v[a->n - 1];
                if (al->page > last->page || (al->page == last->page && al->y >= last->y - 0.6 * t->h))
                    break;
            }
            e++;
        }
        t->rows[start].c[0] = runs[g];
        memset(&runs[g], 0, sizeof runs[g]);
        for (size_t r = start + 1; r <= e; r++)
            t->rows[r].c[0].up = 1;
        start = e + 1;
    }
    for (size_t r = start; r < t->n; r++)
        t->rows[r].c[0].up = 1;
}

static int group_column(otable *t)
{
    if (t->anchor < 1 || t->ncols < 3)
        return 0;
    size_t body = 0, with = 0;
    while (body < t->n && t->rows[body].header)
        body++;
    size_t nb = t->n - body;
    for (size_t r = body; r < t->n; r++)
        with += t->rows[r].c[0].n > 0;
    if (nb < 3 || !with || with * 10 > nb * 6)
        return 0;
    /* take the column's lines out, in page order, and cut them into names
     * where lines stop following one another */
    size_t nl = 0;
    for (size_t r = body; r < t->n; r++)
        nl += t->rows[r].c[0].n;
    tcell *runs = calloc(nl, sizeof *runs);
    cline *all = calloc(nl, sizeof *all);
    size_t nr = 0, k = 0;
    if (!runs || !all) {
        free(runs);
        free(all);
        return -1;
    }
    for (size_t r = body; r < t->n; r++) {
        tcell *c0 = &t->rows[r].c[0];
        for (size_t i = 0; i < c0->n; i++)
            all[k++] = c0->v[i];
        free(c0->v);
        memset(c0, 0, sizeof *c0);
    }
    for (size_t i = 1; i < nl; i++)   /* insertion sort by (page, y): few lines */
        for (size_t j = i; j > 0 && (all[j].page < all[j - 1].page ||
                                     (all[j].page == all[j - 1].page && all[j].y < all[j - 1].y)); j--) {
            cline tmp = all[j];
            all[j] = all[j - 1];
            all[j - 1] = tmp;
        }
    for (size_t i = 0; i < nl; i++) {
        if (!i || all[i].page != all[i - 1].page ||
            (all[i].y - all[i - 1].y > 1.6 * t->h && !(t->grid && same_band(t, body, &all[i - 1], &all[i]))))
            nr++;
        tcell *run = &runs[nr - 1];
        cline *v = vec_grow(run->v, run->n, &run->cap, sizeof *v, 4);
        if (!v) {
            for (size_t j = i; j < nl; j++)
                free(all[j].text);
            nl = i;
            break;
        }
        run->v = v;
        v[run->n++] = all[i];
    }
    free(all);
    if (t->centered && nr >= 2 && nr <= t->n - body) {
        centred_groups(t, body, runs, nr);
        goto done;
    }
    if (t->bottom && nr >= 1) {
        bottom_groups(t, body, runs, nr);
        goto done;
    }
    size_t start = body;
    for (size_t g = 0; g < nr && start < t->n; g++) {
        int pg = 0;
        double top = 0, C;
        cell_top(&runs[g], &pg, &top);
        C = (runs[g].v[0].y + runs[g].v[runs[g].n - 1].y) / 2;
        size_t s = start;
        /* top-aligned: the name's first line is the first line of a row */
        int topal = 0;
        for (size_t r = start; r < t->n && !topal; r++) {
            for (size_t k2 = 1; k2 < t->ncols; k2++) {
                int rp;
                double ry;
                if (cell_top(&t->rows[r].c[k2], &rp, &ry) && rp == pg && fabs(ry - top) < 0.6 * t->h) {
                    s = r;
                    topal = 1;
                    break;
                }
            }
        }
        if (g == 0)
            s = body;
        /* the rows before S belong to the group before (already marked) */
        for (size_t r = start; r < s; r++)
            t->rows[r].c[0].up = 1;
        t->rows[s].c[0] = runs[g];
        memset(&runs[g], 0, sizeof runs[g]);
        /* its rows: centred, while the middle of its rows comes nearer C */
        size_t e = s;
        int sp;
        double sy;
        if (!topal && cell_top(&t->rows[s].c[t->anchor], &sp, &sy)) {
            for (size_t r = s + 1; r < t->n; r++) {
                int rp;
                double ry, ey;
                int ep;
                if (!cell_top(&t->rows[r].c[t->anchor], &rp, &ry) || rp != sp ||
                    !cell_top(&t->rows[e].c[t->anchor], &ep, &ey))
                    break;
                if (fabs((sy + ry) / 2 - C) < fabs((sy + ey) / 2 - C) - 0.01)
                    e = r;
                else
                    break;
            }
        }
        for (size_t r = s + 1; r <= e; r++)
            t->rows[r].c[0].up = 1;
        start = e + 1;
    }
    for (size_t r = start; r < t->n && nr; r++)
        t->rows[r].c[0].up = 1;   /* rows after the last name: its group */
done:
    for (size_t g = 0; g < nr; g++) {
        for (size_t i = 0; i < runs[g].n; i++)
            free(runs[g].v[i].text);
        free(runs[g].v);
    }
    free(runs);
    return 0;
}

/* ---- year rows ------------------------------------------------------------
 *
 * A table of one row per (indicator, year) ("Năm" column: 2026, 2027, 2028
 * under one indicator) whose indicator cells (code, name, unit, lead,
 * support) are merged down over the item's year rows: a PDF prints each
 * merged cell once, centred on (or at the top of) its rows, so the rows
 * anchored on codes above hold one item each with every year in one cell.
 * Such a row is cut back into one row per year line: the year column and the
 * columns whose cells follow the years (each block of lines centred on, or
 * starting at, a year's line: the target "Tối thiểu / 70") give each year
 * its own lines; every other column is a merged cell, its lines on the first
 * year row and the rows under it marked merged up, as the .docx gives them.
 * A column follows the years when its cells do so in at least half of the
 * rows where it has lines over two years or more (a single block says
 * nothing). Rows with one year line, group rows and headers are left alone.
 * Probed on ia-phin-2026-2028 (.pdf read directly). */

#define YR_MAX 16

/* Whether every line of CELL is a year alone and there are two or more. */
static size_t year_lines(const tcell *cell)
{
    if (cell->n < 2 || cell->n > YR_MAX)
        return 0;
    for (size_t i = 0; i < cell->n; i++)
        if (strlen(cell->v[i].text) != 4 || !whole_year(cell->v[i].text))
            return 0;
    return cell->n;
}

/* Vertical key of a line: its page then its centre. */
static double yr_key(const cline *l)
{
    return l->page * 1e5 + l->y;
}

/* The year column of T, or -1: a column where two body rows or more hold
 * year lines only, and no body row holds anything else. */
static int year_column(const otable *t)
{
    for (size_t k = 0; k < t->ncols; k++) {
        size_t good = 0, bad = 0;
        for (size_t r = 0; r < t->n; r++) {
            const tcell *cl = &t->rows[r].c[k];
            if (t->rows[r].header || !cl->n)
                continue;
            if (year_lines(cl))
                good++;
            else if (cl->n != 1 || strlen(cl->v[0].text) != 4 || !whole_year(cl->v[0].text))
                bad++;
        }
        if (good >= 2 && !bad)
            return (int)k;
    }
    return -1;
}

/* Year row (0 .. ny-1) of each line of CELL, the year whose line is nearest
 * (YK: the year lines' keys, in order): OUT[i]. Returns 1 when the lines
 * fall in two year rows or more and, in each, are centred on the year's line
 * or start on it (a cell of each year's own); otherwise 0. */
static int yr_blocks(const otable *t, const tcell *cell, const double *yk, size_t ny, size_t *out)
{
    for (size_t i = 0; i < cell->n; i++) {
        double y = yr_key(&cell->v[i]);
        size_t q = 0;
        while (q + 1 < ny && y > (yk[q] + yk[q + 1]) / 2)
            q++;
        out[i] = q;
    }
    size_t nb = 0;
    for (size_t i = 0; i < cell->n;) {
        size_t j = i + 1;
        while (j < cell->n && out[j] == out[i])
            j++;
        double top = yr_key(&cell->v[i]), mid = (top + yr_key(&cell->v[j - 1])) / 2, y = yk[out[i]];
        if (fabs(y - mid) >= 0.5 * t->h && fabs(y - top) >= 0.5 * t->h)
            return 0;
        nb++;
        i = j;
    }
    return nb >= 2;
}

static int cmp_cline(const void *a, const void *b)
{
    double ka = yr_key(a), kb = yr_key(b);
    return (ka > kb) - (ka < kb);
}

/* Span of row R of T (keys of its first and last year line, or of its code
 * lines when it has no year lines): *LO, *HI; 0 when it has neither. */
static int yr_span(const otable *t, size_t r, int Y, double *lo, double *hi)
{
    const trow *row = &t->rows[r];
    const tcell *cl = year_lines(&row->c[Y]) ? &row->c[Y] : t->anchor >= 0 ? &row->c[t->anchor] : NULL;
    if (row->header || !cl || !cl->n)
        return 0;
    *lo = 1e18, *hi = -1e18;
    for (size_t i = 0; i < cl->n; i++) {
        double k = yr_key(&cl->v[i]);
        *lo = k < *lo ? k : *lo;
        *hi = k > *hi ? k : *hi;
    }
    return 1;
}

static double yr_dist(double y, double lo, double hi)
{
    return y < lo ? lo - y : y > hi ? y - hi : 0;
}

/* A merged cell is printed centred on its item's year rows, so its lines lie
 * within the span of those rows' year lines; when rows are split between two
 * codes (pdf_layout's centred rows), a cell's wrapped line may land in the row
 * above or below ("số", a group name's second line, read as the first line
 * of the next item's name; "Tỷ lệ hồ sơ …" as the last of the item's above).
 * In a centred table, each line of a year row (two year lines or more) in a
 * column that does not follow the years (FOLLOWS) goes to the row, of its
 * own and the two beside it, whose span is nearest (inside: 0), when that
 * one is strictly nearer; a top-aligned table's lines already follow their
 * code, and rows without years keep theirs. Returns 0, or -1 when out of
 * memory. */
static int yr_home(otable *t, int Y, const int *follows)
{
    if (!t->centered)
        return 0;
    for (size_t r = 0; r < t->n; r++) {
        double lo, hi;
        if (t->rows[r].header || !year_lines(&t->rows[r].c[Y]) || !yr_span(t, r, Y, &lo, &hi))
            continue;
        for (size_t k = 0; k < t->ncols; k++) {
            tcell *cl = &t->rows[r].c[k];
            if (follows[k] || (int)k == t->anchor || cl->span > 1 || cl->up || cl->covered)
                continue;
            for (size_t i = 0; i < cl->n;) {
                double y = yr_key(&cl->v[i]), best = yr_dist(y, lo, hi), l2, h2;
                size_t to = r;
                for (size_t d = 0; d < 2; d++) {
                    size_t o = d ? r + 1 : r - 1;
                    if ((d ? r + 1 >= t->n : r == 0) || !yr_span(t, o, Y, &l2, &h2))
                        continue;
                    tcell *oc = &t->rows[o].c[k];
                    if (oc->span > 1 || oc->up || oc->covered)
                        continue;
                    if (yr_dist(y, l2, h2) < best - 1.0)
                        best = yr_dist(y, l2, h2), to = o;
                }
                if (to == r) {
                    i++;
                    continue;
                }
                tcell *dst = &t->rows[to].c[k];
                cline *v = vec_grow(dst->v, dst->n, &dst->cap, sizeof *v, 4);
                if (!v)
                    return -1;
                dst->v = v;
                v[dst->n++] = cl->v[i];
                qsort(dst->v, dst->n, sizeof *dst->v, cmp_cline);
                memmove(&cl->v[i], &cl->v[i + 1], (cl->n - i - 1) * sizeof *cl->v);
                cl->n--;
            }
        }
    }
    return 0;
}

/* T's rows with years merged in one cell cut into one row per year (see
 * above). Returns 0, or -1 when out of memory (T unchanged then). */
static int year_rows(otable *t)
{
    int Y = year_column(t);
    if (Y < 0)
        return 0;
    int follows[MAXC] = {0};
    size_t yes[MAXC] = {0}, seen[MAXC] = {0}, extra = 0, most = 0;
    for (size_t r = 0; r < t->n; r++)
        for (size_t k = 0; k < t->ncols; k++)
            if (t->rows[r].c[k].n > most)
                most = t->rows[r].c[k].n;
    size_t *at = malloc((most ? most : 1) * sizeof *at);   /* owned: year row of each line of a cell */
    trow *nr = NULL;                                        /* owned until it becomes T's rows */
    if (!at)
        return -1;
    for (size_t r = 0; r < t->n; r++) {
        trow *row = &t->rows[r];
        size_t ny = row->header ? 0 : year_lines(&row->c[Y]);
        if (!ny)
            continue;
        extra += ny - 1;
        double yk[YR_MAX];
        qsort(row->c[Y].v, ny, sizeof *row->c[Y].v, cmp_cline);
        for (size_t q = 0; q < ny; q++)
            yk[q] = yr_key(&row->c[Y].v[q]);
        for (size_t k = 0; k < t->ncols; k++) {
            tcell *cl = &row->c[k];
            if ((int)k == Y || !cl->n || cl->span > 1)
                continue;
            qsort(cl->v, cl->n, sizeof *cl->v, cmp_cline);
            seen[k]++;
            yes[k] += yr_blocks(t, cl, yk, ny, at);
        }
    }
    if (!extra || t->n + extra > DOC_MAX_ROWS)
        goto done;
    for (size_t k = 0; k < t->ncols; k++)
        follows[k] = (int)k == Y || (yes[k] && yes[k] * 2 >= seen[k]);
    if (yr_home(t, Y, follows))
        goto fail;
    nr = calloc(t->n + extra, sizeof *nr);
    if (!nr)
        goto fail;
    /* room first, so that moving the lines cannot fail half way */
    for (size_t r = 0, n = 0; r < t->n; r++) {
        const trow *row = &t->rows[r];
        size_t ny = row->header ? 0 : year_lines(&row->c[Y]);
        if (!ny) {
            n++;
            continue;
        }
        for (size_t k = 0; k < t->ncols; k++) {
            const tcell *cl = &row->c[k];
            if (!follows[k] || cl->span > 1 || !cl->n)
                continue;
            for (size_t q = 0; q < ny; q++) {
                nr[n + q].c[k].v = malloc(cl->n * sizeof *cl->v);
                if (!nr[n + q].c[k].v)
                    goto fail;
                nr[n + q].c[k].cap = cl->n;
            }
        }
        n += ny;
    }
    size_t n = 0;
    for (size_t r = 0; r < t->n; r++) {
        trow *row = &t->rows[r];
        size_t ny = row->header ? 0 : year_lines(&row->c[Y]);
        if (!ny) {
            nr[n++] = *row;
            continue;
        }
        double yk[YR_MAX];
        for (size_t q = 0; q < ny; q++)
            yk[q] = yr_key(&row->c[Y].v[q]);
        trow *sub = &nr[n];
        n += ny;
        for (size_t k = 0; k < t->ncols; k++) {
            tcell *cl = &row->c[k];
            if (!follows[k] || cl->span > 1) {
                sub[0].c[k] = *cl;
                for (size_t q = 1; q < ny; q++)
                    sub[q].c[k].up = 1;
                continue;
            }
            if ((int)k == Y)
                for (size_t i = 0; i < cl->n; i++)
                    at[i] = i;
            else
                (void)yr_blocks(t, cl, yk, ny, at);
            for (size_t i = 0; i < cl->n; i++) {
                tcell *dst = &sub[at[i]].c[k];
                dst->v[dst->n++] = cl->v[i];
            }
            free(cl->v);
        }
    }
    if (getenv("DTI_PDF_DEBUG"))
        fprintf(stderr, "pdf: year rows in column %d: %zu rows more\n", Y, extra);
    free(t->rows);
    t->rows = nr;
    t->n = t->cap = n;
done:
    free(at);
    return 0;
fail:
    if (nr)
        for (size_t r = 0; r < t->n + extra; r++)
            for (size_t k = 0; k < MAXC; k++)
                free(nr[r].c[k].v);
    free(nr);
    free(at);
    return -1;
}

/* The table T as a doc_table of D; T is released. */
static int table_flush(doc *d, otable *t)
{
    int rc = -1;
    if (!t->n) {
        table_release(t);
        return 0;
    }
    if (group_column(t) || year_rows(t))
        goto out;
    /* widest line of each column, headers and spanning pieces apart */
    for (size_t k = 0; k < t->ncols; k++) {
        t->colw[k] = 0;
        t->colx1[k] = -1e9;
        for (size_t r = 0; r < t->n; r++) {
            const tcell *cl = &t->rows[r].c[k];
            if (t->rows[r].header || cl->span > 1)
                continue;
            for (size_t i = 0; i < cl->n; i++) {
                if (cl->v[i].x1 - cl->v[i].x0 > t->colw[k])
                    t->colw[k] = cl->v[i].x1 - cl->v[i].x0;
                if (cl->v[i].x1 > t->colx1[k])
                    t->colx1[k] = cl->v[i].x1;
            }
        }
    }
    if (getenv("DTI_PDF_DEBUG")) {
        fprintf(stderr, "pdf: table %zux%zu anchor %d centered %d bottom %d widths", t->n, t->ncols, t->anchor,
                t->centered, t->bottom);
        for (size_t k = 0; k < t->ncols; k++)
            fprintf(stderr, " %.1f%s", t->colw[k], t->units[k] ? "u" : "");
        fprintf(stderr, "\n");
    }
    doc_table *dt = doc_add_table(d, t->n, t->ncols, 0);
    if (!dt)
        goto out;
    for (size_t r = 0; r < t->n; r++) {
        trow *row = &t->rows[r];
        for (size_t k = 0; k < t->ncols; k++) {
            tcell *cl = &row->c[k];
            if (cl->span > 1)
                for (int s = 1; s < cl->span && k + (size_t)s < t->ncols; s++)
                    if (!row->c[k + (size_t)s].n)
                        row->c[k + (size_t)s].covered = 1;
        }
        for (size_t k = 0; k < t->ncols; k++) {
            tcell *cl = &row->c[k];
            doc_cell *dc = doc_cell_at(dt, r, k);
            if (cl->covered) {
                dc->merged = DOC_MERGE_LEFT;
                continue;
            }
            if (cl->up && !cl->n) {
                dc->merged = DOC_MERGE_UP;
                continue;
            }
            if (row->header && r > 0 && t->rows[r - 1].header && !cl->n && t->rows[r - 1].c[k].n &&
                !t->rows[r - 1].c[k].covered && t->rows[r - 1].c[k].span <= 1) {
                dc->merged = DOC_MERGE_UP;
                continue;
            }
            if (!cl->n)
                continue;
            char *s = cell_text(t, k, cl);
            if (!s)
                goto out;
            if (getenv("DTI_PDF_DEBUG") && strcmp(getenv("DTI_PDF_DEBUG"), "4") == 0)
                fprintf(stderr, "pdf: cell %zu,%zu%s: %s\n", r, k, t->rows[r].header ? " (header)" : "", s);
            int bad = doc_cell_set(dt, r, k, s);
            free(s);
            if (bad)
                goto out;
        }
    }
    rc = 0;
out:
    table_release(t);
    return rc;
}

/* ---- paragraphs --------------------------------------------------------- */

typedef struct para {
    buf text;
    int open;
    int bold, center;
    double last_w, last_x1, last_yc, h;
    double left, right;
} para;

static int para_flush(doc *d, para *p)
{
    if (!p->open)
        return 0;
    p->open = 0;
    if (buf_failed(&p->text))
        return -1;
    if (!p->text.len)
        return 0;
    doc_block *b = doc_add_para(d, p->text.ptr, 0);
    buf_reset(&p->text);
    if (!b)
        return d->n >= DOC_MAX_BLOCKS ? -1 : 0;
    b->bold = p->bold;
    b->center = p->center;
    return 0;
}

static void line_text(buf *b, const line *L)
{
    words_text(b, L, 0, L->n);
}

static int para_line(doc *d, para *p, const page_ctx *c, const line *L, int newpage)
{
    double width = L->x1 - L->x0;
    double area = c->right - c->left;
    int center = L->x0 > c->left + 15 && fabs((L->x0 + L->x1) / 2 - (c->left + c->right) / 2) < 0.06 * area;
    const char *first = L->w[0]->text;
    double w0 = L->w[0]->x1 - L->w[0]->x0;
    int brk = !p->open;
    if (!brk) {
        double pitch = L->yc - p->last_yc;
        if (!newpage && (pitch > 1.45 * c->h || pitch < 0))
            brk = 1;
        else if (marker_word(first) || heading_word(first))
            brk = 1;
        else if (p->bold != L->bold)
            brk = 1;
        else if (p->center && center)
            brk = p->last_w + c->sp + w0 < area * 0.9;
        else if (p->last_x1 + c->sp + w0 < c->right - 2.0)
            brk = 1;
    }
    if (brk) {
        if (para_flush(d, p))
            return -1;
        p->open = 1;
        p->bold = L->bold;
        p->center = center;
    } else {
        buf_addc(&p->text, ' ');
    }
    line_text(&p->text, L);
    p->last_w = width;
    p->last_x1 = L->x1;
    p->last_yc = L->yc;
    return 0;
}

/* ---- two columns (letterhead, signature) ---------------------------------- */

/* Lines [i, *end) form a two-column block; returns 1 and the river's x. */
static int two_columns(const page_ctx *c, size_t i, size_t *end, double *river)
{
    double lo = -1e9, hi = 1e9;
    size_t two = 0, j = i;
    for (; j < c->nln; j++) {
        const line *L = &c->ln[j];
        if (L->nchunks > 2)
            break;
        if (j > i && L->yc - c->ln[j - 1].yc > 1.6 * c->h)
            break;
        double nlo = lo, nhi = hi;
        if (L->nchunks == 2) {
            size_t a = 0, b = 1;
            chunk(c, L, 0, &a, &b);
            if (b >= L->n)
                break;
            double gl = L->w[b - 1]->x1, gr = L->w[b]->x0;
            if (gl > nlo) nlo = gl;
            if (gr < nhi) nhi = gr;
        } else {
            /* one chunk: wholly on one side of the river */
            if (L->x1 <= hi && L->x1 > nlo)
                nlo = L->x1;
            else if (L->x0 >= lo && L->x0 < nhi)
                nhi = L->x0;
            else if (!(L->x1 <= lo || L->x0 >= hi))
                break;
        }
        if (nhi - nlo < 2.0)
            break;
        lo = nlo, hi = nhi;
        two += L->nchunks == 2;
    }
    if (two < 2 || j - i < 2)
        return 0;
    *end = j;
    *river = (lo + hi) / 2;
    return 1;
}

static int emit_two_columns(doc *d, const page_ctx *c, size_t a, size_t b, double river)
{
    buf side[2];
    buf_init(&side[0], DOC_MAX_CELL);
    buf_init(&side[1], DOC_MAX_CELL);
    double last_x1[2] = {0, 0}, right[2] = {river, c->right};
    for (size_t i = a; i < b; i++) {
        const line *L = &c->ln[i];
        for (size_t w = 0; w < L->n; w++) {
            int s = L->w[w]->x0 >= river;
            size_t e = w;
            while (e + 1 < L->n && (L->w[e + 1]->x0 >= river) == s)
                e++;
            if (side[s].len) {
                double w0 = L->w[w]->x1 - L->w[w]->x0;
                /* a line that wraps the one above (centred text): join */
                buf_addc(&side[s], last_x1[s] + c->sp + w0 < right[s] - 2.0 || starts_upper(L->w[w]->text) ? '\n' : ' ');
            }
            words_text(&side[s], L, w, e + 1);
            last_x1[s] = L->w[e]->x1;
            w = e;
        }
    }
    int rc = -1;
    if (buf_failed(&side[0]) || buf_failed(&side[1]))
        goto out;
    doc_table *t = doc_add_table(d, 1, 2, 0);
    if (!t || doc_cell_set(t, 0, 0, side[0].ptr ? side[0].ptr : "") ||
        doc_cell_set(t, 0, 1, side[1].ptr ? side[1].ptr : ""))
        goto out;
    rc = 0;
out:
    buf_release(&side[0]);
    buf_release(&side[1]);
    return rc;
}

/* ---- the document --------------------------------------------------------- */

/* Line J may be part of a table's run of lines. */
static int tablelike(const page_ctx *c, size_t j)
{
    const line *L = &c->ln[j];
    return L->nchunks >= 2 || (L->x1 - L->x0) < 0.5 * (c->right - c->left);
}

static int appendix_title(const line *L);

/* Line J, just above a table's header, is the first line of a header
 * cell spanning columns (PDF read directly): "Kinh phí (triệu" over
 * "Ngân sách | Xã hội hóa" crosses the river between them. One chunk,
 * inside the table, starting in a column after the first. */
static int spanning_head(const page_ctx *c, const otable *t, size_t j)
{
    const line *L = &c->ln[j];
    if (c->pg->grid || L->nchunks != 1 || t->ncols < 2 || appendix_title(L))
        return 0;
    if (L->x0 < t->bound[0] || L->x1 > t->xmax + 12)
        return 0;
    return crossings(c, t, L) >= 1;
}

/* In -layout text, line J just above a table's header lines [J+1, HB) is
 * a header cell spanning columns over sub-headers ("Cơ quan chủ / trì/phối
 * hợp" over "Chủ trì | Phối hợp", "Chỉ tiêu theo năm" over the years): each
 * of its chunks that runs across a border has, in the header lines below,
 * words in two or more of the columns it spans, and the line has at most
 * two chunks. */
static int text_span_head(const page_ctx *c, const otable *t, size_t j, size_t hb)
{
    const line *L = &c->ln[j];
    size_t a, b;
    if (!c->pg->grid || L->nchunks > 2)
        return 0;
    for (int ch = 0; chunk(c, L, ch, &a, &b); ch++) {
        size_t k0 = col_of(t, L->w[a]->x0 + 1.0), k1 = col_of(t, L->w[b - 1]->x1 - 1.0);
        if (k0 == k1)
            continue;
        unsigned seen = 0;
        for (size_t i = j + 1; i < hb; i++)
            for (size_t w = 0; w < c->ln[i].n; w++) {
                size_t k = col_of(t, (c->ln[i].w[w]->x0 + c->ln[i].w[w]->x1) / 2);
                if (k >= k0 && k <= k1 && k - k0 < 32)
                    seen |= 1u << (k - k0);
            }
        if (!seen || !(seen & (seen - 1)))
            return 0;
    }
    return 1;
}

/* Left of chunk K of L, or -1. */
static double chunk_x(const page_ctx *c, const line *L, int k)
{
    size_t a, b;
    return chunk(c, L, k, &a, &b) ? L->w[a]->x0 : -1;
}

/* L is an appendix's title alone on its line ("Phụ lục 2", "PHỤ LỤC II",
 * "Phụ lục:"): it ends any table, even when it lies inside one column (a
 * centred title over a narrow table). */
static int appendix_title(const line *L)
{
    if (L->n < 2 || L->n > 3)
        return 0;
    const char *a = L->w[0]->text, *b = L->w[1]->text;
    if (strcmp(a, "Phụ") != 0 && strcmp(a, "PHỤ") != 0)
        return 0;
    return strncmp(b, "lục", strlen("lục")) == 0 || strncmp(b, "LỤC", strlen("LỤC")) == 0;
}

/* First chunk or second is a row code: where a table's body starts. In
 * -layout text a code of letters and digits ("CT1") leads a row too, and a
 * group letter with its dot ("B. KINH TẾ SỐ"); a bare capital does not (a
 * name's line may start with "A"). */
static int code_led(const page_ctx *c, const line *L)
{
    size_t a, b;
    for (int k = 0; k < 2 && chunk(c, L, k, &a, &b); k++) {
        const char *w = L->w[a]->text;
        if (!c->pg->grid ? direct_code(w)
                         : is_code(w) || is_alnum_code(w) ||
                               (is_letter_code(w) && w[strlen(w) - 1] == '.' && strlen(w) > 1))
            return 1;
    }
    return 0;
}

/* Line J belongs to table T: it crosses no river, or is a group row merged
 * across columns (led by its code, or wrapping such a row: starting where
 * the spanning text of the line above starts). */
static int fits(const page_ctx *c, const otable *t, size_t j)
{
    const line *L = &c->ln[j];
    /* pdftotext -layout sets a row's last cell up to BAND_LEFT characters
     * off its column, and a page moved onto the table (regrid) is placed by
     * its cell starts: its lines may end further right. Read directly, the
     * table's right edge is only its widest text so far: a last column's
     * cell may reach further on a later page (half that column's width) */
    double slack = c->pg->grid ? BAND_LEFT * c->sp : 12;
    double right = slack;
    if (!c->pg->grid && t->ncols >= 2 && 0.5 * (t->xmax - t->bound[t->ncols - 2]) > right)
        right = 0.5 * (t->xmax - t->bound[t->ncols - 2]);
    if (L->x0 < t->xmin - slack || L->x1 > t->xmax + right)
        return 0;
    if (appendix_title(L))
        return 0;
    int x = crossings(c, t, L);
    if (x == 0 || (code_led(c, L) && x < (int)t->ncols - 1) || (x == 1 && L->nchunks >= 2))
        return 1;
    /* pdftotext -layout lays each row out on its own: a line crossing the
     * table's borders fits when it crosses none of its row band's own
     * (band_bounds: a lead cell one character wider on the next page, "…
     * Phòng Kinh tế,   Trung tâm Phục   Cơ sở dữ") */
    if (c->pg->grid && L->nchunks >= 2 && t->ncols >= 2) {
        otable bt = *t;   /* borrowed rows: only the borders are read */
        size_t j0, j1;
        band_of(c, j, 0, c->nln, &j0, &j1);
        band_bounds(c, t, j0, j1, bt.bound);
        if (crossings(c, &bt, L) == 0)
            return 1;
    }
    if (j == 0)
        return 0;
    /* pdftotext -layout packs a cell one blank after its neighbour ("… tốc
     * độ 100%"): one crossing inside a row band (no blank line above) */
    if (c->pg->grid && x == 1 && c->ln[j].yc - c->ln[j - 1].yc <= 1.6 * c->h)
        return 1;
    /* the text of a group row above, wrapped under itself: up over lines of
     * one chunk starting where this one starts, to the group row */
    if (L->nchunks != 1)
        return 0;
    for (size_t u = j; u-- > 0;) {
        const line *U = &c->ln[u];
        if (c->ln[u + 1].yc - U->yc > 1.6 * c->h)
            return 0;
        if (U->nchunks == 1 && fabs(U->x0 - L->x0) < 3.0)
            continue;
        return U->nchunks == 2 && code_led(c, U) && fabs(chunk_x(c, U, 1) - L->x0) < 3.0;
    }
    return 0;
}

/* A table read directly (not -layout text) and continued on a new page: its
 * borders lie mid-river between the cells seen so far, and a table's first
 * page may hold only a row or two, so a later row's longer line ("… Wi-Fi
 * công" past the name column's widest line, "Tổ công nghệ số" past the
 * support's) reaches over a border into a river no cell of the next column
 * has ever started in, and the continued page was taken for another table.
 * Each border moves right, to the middle of what is left of its river, when a
 * chunk of a line of two chunks or more on page C starts in the column on its
 * left and ends past it, at least two usual spaces before where any body cell
 * of the next column starts (in the table so far or on this page). */
static void widen_direct(const page_ctx *c, otable *t)
{
    if (c->pg->grid || t->ncols < 2)
        return;
    for (size_t k = 0; k + 1 < t->ncols; k++) {
        double r = 1e9, e = -1e9;
        for (size_t i = 0; i < t->n; i++)
            if (!t->rows[i].header)
                for (size_t v = 0; v < t->rows[i].c[k + 1].n; v++)
                    if (t->rows[i].c[k + 1].v[v].x0 < r)
                        r = t->rows[i].c[k + 1].v[v].x0;
        for (size_t j = 0; j < c->nln; j++) {
            const line *L = &c->ln[j];
            size_t a, b;
            for (int ch = 0; L->nchunks >= 2 && chunk(c, L, ch, &a, &b); ch++) {
                size_t k0 = col_of(t, L->w[a]->x0 + 1.0);
                if (k0 == k + 1 && L->w[a]->x0 < r)
                    r = L->w[a]->x0;
                if (k0 == k && L->w[b - 1]->x1 > t->bound[k] && L->w[b - 1]->x1 > e)
                    e = L->w[b - 1]->x1;
            }
        }
        double nb = 0.5 * (e + r);
        if (e < 0 || r > 1e8 || e + 2.0 * c->sp > r || (k + 2 < t->ncols && nb >= t->bound[k + 1]))
            continue;
        if (getenv("DTI_PDF_DEBUG"))
            fprintf(stderr, "pdf: widen border %zu %.1f -> %.1f\n", k, t->bound[k], nb);
        t->bound[k] = nb;
    }
}

/* Line K, after the one above, still belongs to table T: it follows closely,
 * or (centred rows leave blank bands) a row code follows it closely among
 * lines that fit. A title after the table ("Phụ lục 2") does not. */
static int after_gap(const page_ctx *c, const otable *t, size_t k)
{
    double gap = c->ln[k].yc - c->ln[k - 1].yc;
    if (gap < 1.6 * c->h)
        return 1;
    if (gap > 8.0 * c->h)
        return 0;
    size_t m = k;
    for (; m < c->nln && m < k + 40; m++) {
        if (m > k && (c->ln[m].yc - c->ln[m - 1].yc >= 8.0 * c->h || !fits(c, t, m)))
            return 0;
        if (code_led(c, &c->ln[m]))
            return 1;
    }
    return m == c->nln;   /* fitting lines to the foot of the page: the row goes on */
}

/* Where the body of a table starting at line I begins, its first row code
 * at line BODY (J when none) of the run [i, j): at BODY; in -layout text
 * (grid) at the top of BODY's row band when a blank line sets that band off
 * from the header: a centred row's cells rise above its code ("Kế hoạch /
 * được ban / hành" beside "1" on the middle line), and read as header lines
 * they would make columns of their own ("Kế" cut from "hoạch"). */
static size_t row_band_start(const page_ctx *c, size_t i, size_t j, size_t body)
{
    if (body >= j)
        return i;
    if (!c->pg->grid || body <= i)
        return body;
    size_t j0, j1;
    band_of(c, body, i, j, &j0, &j1);
    return j0 > i ? j0 : body;
}

/* The first lines of page C that repeat table T's header (Word's "repeat
 * as header row" on a table cut by a page break): how many, or 0. Each of
 * them holds only words of the header (head_has_line), one of them three
 * cells or more, and no row code leads any; they lie close together (2.5
 * word heights apart at most: a header row's lines and the padding between
 * its two rows), within the table's width, and a line across the merged
 * header cells ("Chỉ tiêu theo năm" over the year columns) need not fit the
 * body's rivers. table_page drops them again (first == 0); counted here they let
 * the table go on instead of a second table starting under the same header,
 * whose first row would take the cut row's tail. */
static size_t repeated_head(const page_ctx *c, const otable *t)
{
    size_t j = 0;
    int rich = 0;
    while (j < c->nln && head_has_line(t, &c->ln[j]) && !code_led(c, &c->ln[j]) &&
           (j == 0 || c->ln[j].yc - c->ln[j - 1].yc <= 2.5 * c->h)) {
        const line *L = &c->ln[j];
        double slack = c->pg->grid ? 2 * BAND_LEFT * c->sp : 12;   /* -layout pages slide */
        if (L->x0 < t->xmin - slack || L->x1 > t->xmax + slack)
            return 0;
        rich |= L->nchunks >= 3;
        j++;
    }
    return rich && j >= 2 ? j : 0;
}

/* Line I - 1 of page C, just above table T's first line, is a header line
 * the table did not take: a cell merged across columns ("Chỉ tiêu theo năm"
 * over the year columns, which pdftotext -layout text leaves out of the
 * header, spanning_head being for direct reading). Its words join T's
 * header signature, so that the header repeated on the next page is known
 * whole (repeated_head, table_page). 0, or -1 out of memory. */
static int head_above(const page_ctx *c, otable *t, size_t i)
{
    if (i == 0 || !t->head_sig)
        return 0;
    const line *U = &c->ln[i - 1];
    if (c->ln[i].yc - U->yc >= 1.3 * c->h || !tablelike(c, i - 1) || appendix_title(U) || code_led(c, U) ||
        U->x0 < t->xmin - 12 || U->x1 > t->xmax + 12 || !crossings(c, t, U))
        return 0;
    buf sig;
    buf_init(&sig, 1 << 16);
    buf_adds(&sig, t->head_sig);
    for (size_t w = 0; w < U->n; w++) {
        buf_adds(&sig, U->w[w]->text);
        buf_addc(&sig, ' ');
    }
    if (buf_failed(&sig)) {
        buf_release(&sig);
        return -1;
    }
    free(t->head_sig);
    t->head_sig = buf_detach(&sig);
    return 0;
}

/* A table's header printed alone at the foot of page C (Word keeps a
 * header row with its table only when told to): the last lines, all bold
 * (in pdftotext text, which has no bold: one of them with a "STT"/"TT"),
 * one line apart, none led by a row code, one of them of three cells or
 * more, after a wider gap; followed by at most two group rows
 * (group_row_line: a code and a name alone), held over with it. Their words are copied to *HELD (*NHELD; the
 * texts stay borrowed from the page) and the lines taken off C, to be put
 * on top of the next page, where the table's body starts. 0, or -1 out of
 * memory. */
/* Line L is a group row read directly: a code ("I", "1", "A.") and one
 * chunk of name, nothing else; or one chunk led by a code ending in a dot
 * ("I. Hạ tầng số", the code column merged into the name). Bold or not
 * (hold_header holds it only under a bold header). */
static int group_row_line(const page_ctx *c, const line *L)
{
    size_t a, b;
    if (!chunk(c, L, 0, &a, &b))
        return 0;
    const char *w = L->w[a]->text;
    size_t n = strlen(w);
    if (L->nchunks == 1)
        return b - a >= 2 && n >= 2 && w[n - 1] == '.' && direct_code(w);
    return L->nchunks == 2 && b - a == 1 && direct_code(w);
}

static int hold_header(page_ctx *c, pdf_word **held, size_t *nheld)
{
    if (!c->nln)
        return 0;
    size_t a = c->nln - 1;
    int rich = 0, stt = 0;
    /* a group row or two may follow the header ("I  Hạ tầng số": a browser
     * breaks an HTML table after any row; a group name merged down over its
     * rows, cut by the page break after its first line: pdftotext -layout
     * of ia-phin-2026-2028) */
    for (int g = 0; g < 2 && a > 0 && group_row_line(c, &c->ln[a]) &&
                    c->ln[a].yc - c->ln[a - 1].yc < 4.0 * c->h;
         g++)
        a--;
    for (;; a--) {
        const line *L = &c->ln[a];
        /* text from pdftotext has no bold: a header there is told by its
         * "STT"/"TT" column instead */
        if ((!L->bold && !c->pg->grid) || code_led(c, L) || appendix_title(L))
            return 0;
        rich |= L->nchunks >= 3;
        for (size_t w = 0; w < L->n; w++)
            stt |= strcmp(L->w[w]->text, "STT") == 0 || strcmp(L->w[w]->text, "TT") == 0;
        if (a == 0 || c->ln[a].yc - c->ln[a - 1].yc >= 1.3 * c->h)
            break;
    }
    if (!rich || a == 0 || (c->pg->grid && !stt))
        return 0;
    size_t n = 0;
    for (size_t k = a; k < c->nln; k++)
        n += c->ln[k].n;
    *held = malloc(n * sizeof **held);
    if (!*held)
        return -1;
    for (size_t k = a; k < c->nln; k++)
        for (size_t w = 0; w < c->ln[k].n; w++)
            (*held)[(*nheld)++] = *c->ln[k].w[w];
    if (getenv("DTI_PDF_DEBUG"))
        fprintf(stderr, "pdf: header of %zu lines held over to the next page\n", c->nln - a);
    c->nln = a;
    return 0;
}

/* Where each column's cells start: the most frequent left end of a cell
 * line of column K in T (2-point bins), or -1 when it has none. */
static double table_edge(const otable *t, size_t k)
{
    double best = -1;
    int bestn = 0;
    for (size_t r = 0; r < t->n; r++) {
        const tcell *cl = &t->rows[r].c[k];
        for (size_t i = 0; i < cl->n; i++) {
            int n = 0;
            for (size_t r2 = 0; r2 < t->n; r2++)
                for (size_t i2 = 0; i2 < t->rows[r2].c[k].n; i2++)
                    n += fabs(t->rows[r2].c[k].v[i2].x0 - cl->v[i].x0) < 2.0;
            if (n > bestn || (n == bestn && cl->v[i].x0 < best))
                bestn = n, best = cl->v[i].x0;
        }
    }
    return best;
}

/* Match the cell starts of the first M lines of page C (chunk starts seen
 * twice or more) to the column starts of T: a map x' = s x + d (s within
 * 15% of 1) fixed by two starts, every other column taking the page start
 * nearest its mapped place, within two usual spaces. Fills PE (page) and
 * TE (table) for every column; 1 when all but at most one column found a
 * start of their own (that one is placed by the map), else 0. */
/* How many columns of T (starts TE) the map x' = S x + D puts a page start
 * ST[q] (seen CNT[q] times, at least MINCNT) within two usual spaces of;
 * *ERR the summed misses; the starts matched to SX, SY (when not NULL). */
static int edge_count(const page_ctx *c, const otable *t, const double *st, const int *cnt, size_t ns,
                      const double *te, double s, double d, int mincnt, double *err, double *sx, double *sy)
{
    int match = 0;
    *err = 0;
    for (size_t k = 0; k < t->ncols; k++) {
        double bestd = 2.0 * c->sp, bx = 0;
        int hit = 0;
        for (int need = 2; need >= mincnt && !hit; need--)   /* starts seen twice first */
            for (size_t q = 0; q < ns; q++)
                if (cnt[q] >= need && fabs(s * st[q] + d - te[k]) < bestd)
                    bestd = fabs(s * st[q] + d - te[k]), hit = 1, bx = st[q];
        if (hit && sx)
            sx[match] = bx, sy[match] = te[k];
        match += hit;
        *err += hit ? bestd : 2.0 * c->sp;
    }
    return match;
}

/* edge_count() for the map *S, *D; in pdftotext text, a start seen once
 * counts too (a column few rows fill: a group column merged down), and the
 * map is fitted again by least squares to the starts it matched, kept when
 * it matches no fewer with less error. */
static int edge_fit(const page_ctx *c, const otable *t, const double *st, const int *cnt, size_t ns,
                    const double *te, double *S, double *D, double *ERR)
{
    double sx[MAXC], sy[MAXC];
    int mincnt = c->pg->grid ? 1 : 2;
    int m = edge_count(c, t, st, cnt, ns, te, *S, *D, mincnt, ERR, sx, sy);
    if (!c->pg->grid || m < 3)
        return m;
    double ax = 0, ay = 0, axx = 0, axy = 0;
    for (int i = 0; i < m; i++)
        ax += sx[i], ay += sy[i], axx += sx[i] * sx[i], axy += sx[i] * sy[i];
    double den = m * axx - ax * ax;
    if (fabs(den) < 1e-9)
        return m;
    double s2 = (m * axy - ax * ay) / den, d2 = (ay - s2 * ax) / m, e2;
    if (s2 < 0.85 || s2 > 1.15)
        return m;
    int m2 = edge_count(c, t, st, cnt, ns, te, s2, d2, mincnt, &e2, NULL, NULL);
    if (m2 > m || (m2 == m && e2 < *ERR)) {
        *S = s2, *D = d2, *ERR = e2;
        return m2;
    }
    return m;
}

static int edge_match(const page_ctx *c, const otable *t, size_t m, double *pe, double *te, int *found)
{
    double st[256];
    int cnt[256];
    size_t ns = 0, a, b;
    for (size_t k = 0; k < t->ncols; k++)
        if ((te[k] = table_edge(t, k)) < 0 || (k && te[k] <= te[k - 1]))
            return 0;
    for (size_t j = 0; j < m; j++)
        for (int ch = 0; chunk(c, &c->ln[j], ch, &a, &b); ch++) {
            double x = c->ln[j].w[a]->x0;
            size_t q = 0;
            while (q < ns && fabs(st[q] - x) >= 2.0)
                q++;
            if (q < ns)
                cnt[q]++;
            else if (ns < 256)
                st[ns] = x, cnt[ns++] = 1;
        }
    double bs = 0, bd = 0, berr = 1e18;
    int bmatch = -1, bwt = 0;
    for (size_t i = 0; i < ns; i++)
        for (size_t j = 0; j < ns; j++) {
            if (cnt[i] < 2 || cnt[j] < 2 || st[j] <= st[i] + 4.0 * c->sp)
                continue;
            for (size_t k0 = 0; k0 < t->ncols; k0++)
                for (size_t k1 = k0 + 1; k1 < t->ncols; k1++) {
                    double s = (te[k1] - te[k0]) / (st[j] - st[i]);
                    if (s < 0.85 || s > 1.15)
                        continue;
                    double d = te[k0] - s * st[i], err;
                    int match = edge_fit(c, t, st, cnt, ns, te, &s, &d, &err);
                    /* in pdftotext text, of two maps matching as many
                     * columns, the one placing more of the page's cell
                     * lines on a column start */
                    int wt = 0;
                    for (size_t q = 0; q < ns && c->pg->grid; q++)
                        for (size_t k = 0; k < t->ncols; k++)
                            if (fabs(s * st[q] + d - te[k]) < 2.0 * c->sp) {
                                wt += cnt[q];
                                break;
                            }
                    if (match > bmatch || (match == bmatch && (wt > bwt || (wt == bwt && err < berr))))
                        bmatch = match, berr = err, bs = s, bd = d, bwt = wt;
                }
        }
    /* all columns but one (in pdftotext text, one in five of a wide table) */
    if (bmatch < 0 || bmatch + (c->pg->grid && t->ncols >= 10 ? (int)t->ncols / 5 : 1) < (int)t->ncols)
        return 0;
    for (size_t k = 0; k < t->ncols; k++) {
        double bestd = 2.0 * c->sp;
        pe[k] = (te[k] - bd) / bs;
        int hit = 0;
        for (int need = 2; need >= (c->pg->grid ? 1 : 2) && !hit; need--)
            for (size_t q = 0; q < ns; q++)
                if (cnt[q] >= need && fabs(bs * st[q] + bd - te[k]) < bestd)
                    bestd = fabs(bs * st[q] + bd - te[k]), pe[k] = st[q], hit = 1;
        found[k] = hit;
        if (k && pe[k] <= pe[k - 1])
            return 0;
    }
    /* in pdftotext text, a cell start seen in three lines or more that the
     * map leaves between two columns matched to starts seen as often, over
     * two usual spaces from every column's start, is a column it skipped: the
     * page's columns are not spaced as the table's (year columns set evenly
     * on one page, unevenly on the other); order_match places them */
    for (size_t q = 0; q < ns && c->pg->grid; q++) {
        int own = 0;
        for (size_t k = 0; k < t->ncols && !own; k++)
            own = fabs(pe[k] - st[q]) < 2.0 * c->sp + 0.5;
        size_t r = 1;
        while (r + 1 < t->ncols && pe[r] < st[q])
            r++;
        int firm = found[r - 1] && found[r];   /* both neighbours matched to starts seen 3 times or more */
        for (size_t u = 0; u < ns && firm; u++)
            if ((st[u] == pe[r - 1] || st[u] == pe[r]) && cnt[u] < 3)
                firm = 0;
        if (!own && firm && cnt[q] >= 3 && st[q] > pe[0] && st[q] < pe[r]) {
            if (getenv("DTI_PDF_DEBUG")) {
                fprintf(stderr, "pdf: page cell start %.1f (%d lines) left out by the map (s %.3f d %.1f):", st[q], cnt[q], bs, bd);
                for (size_t k = 0; k < t->ncols; k++)
                    fprintf(stderr, " %.1f->%.1f", pe[k], te[k]);
                fprintf(stderr, "\n");
            }
            return 0;
        }
    }
    if (getenv("DTI_PDF_DEBUG")) {
        fprintf(stderr, "pdf: page cell starts matched (s %.3f d %.1f):", bs, bd);
        for (size_t k = 0; k < t->ncols; k++)
            fprintf(stderr, " %.1f->%.1f", pe[k], te[k]);
        fprintf(stderr, "\n");
    }
    return 1;
}

/* The first M lines of page C are the tail of the table's last row, too few
 * for edge_match (pdftotext laid them out alone, closing the gaps: "được
 * hướng dẫn sử" at the page's left edge, "50%   hợp: Hội …" far left of
 * their columns): at most six lines, no row code, two to five cell starts.
 * The starts, left to right, go to columns of T left to right (not the
 * code column: a code does not continue), the choice whose shifts (table
 * start minus page start) vary least. Fills PE, TE, FOUND as edge_match
 * does (a column with no start is placed by its nearest found neighbour's
 * shift); 1 when matched. */
static int tail_match(const page_ctx *c, const otable *t, size_t m, double *pe, double *te, int *found)
{
    double st[8];
    size_t ns = 0, a, b;
    if (m > 6 || t->ncols > MAXC)
        return 0;
    for (size_t k = 0; k < t->ncols; k++)
        if ((te[k] = table_edge(t, k)) < 0 || (k && te[k] <= te[k - 1]))
            return 0;
    for (size_t j = 0; j < m; j++) {
        if (code_led(c, &c->ln[j]))
            return 0;
        for (int ch = 0; chunk(c, &c->ln[j], ch, &a, &b); ch++) {
            double x = c->ln[j].w[a]->x0;
            size_t q = 0;
            while (q < ns && fabs(st[q] - x) >= 2.0)
                q++;
            if (q < ns)
                continue;
            if (ns == 5)
                return 0;
            st[ns++] = x;
        }
    }
    if (ns < 2)
        return 0;
    qsort(st, ns, sizeof *st, cmp_d);
    /* every increasing choice of NS columns (few: NS <= 5, columns <= MAXC) */
    size_t pick[8], best[8];
    double bestv = 1e18;
    size_t nk = t->ncols;
    for (size_t q = 0; q < ns; q++)
        pick[q] = q;
    for (;;) {
        int ok = 1;
        for (size_t q = 0; q < ns; q++)
            ok &= (int)pick[q] != t->anchor;
        if (ok) {
            double mean = 0, v = 0;
            for (size_t q = 0; q < ns; q++)
                mean += te[pick[q]] - st[q];
            mean /= (double)ns;
            for (size_t q = 0; q < ns; q++)
                v += (te[pick[q]] - st[q] - mean) * (te[pick[q]] - st[q] - mean);
            if (v < bestv - 0.01)
                bestv = v, memcpy(best, pick, sizeof pick);
        }
        /* next combination */
        size_t q = ns;
        while (q > 0 && pick[q - 1] == nk - ns + q - 1)
            q--;
        if (q == 0)
            break;
        pick[q - 1]++;
        for (size_t r = q; r < ns; r++)
            pick[r] = pick[r - 1] + 1;
    }
    if (bestv >= 1e17)
        return 0;
    for (size_t k = 0; k < t->ncols; k++)
        found[k] = 0;
    for (size_t q = 0; q < ns; q++)
        pe[best[q]] = st[q], found[best[q]] = 1;
    for (size_t k = 0; k < t->ncols; k++) {
        if (found[k])
            continue;
        size_t n = 0;
        double d = 1e18;
        for (size_t q = 0; q < ns; q++)
            if (fabs((double)best[q] - (double)k) < d)
                d = fabs((double)best[q] - (double)k), n = best[q];
        pe[k] = te[k] - (te[n] - pe[n]);
    }
    if (getenv("DTI_PDF_DEBUG")) {
        fprintf(stderr, "pdf: a row's tail matched:");
        for (size_t k = 0; k < t->ncols; k++)
            fprintf(stderr, " %.1f->%.1f%s", pe[k], te[k], found[k] ? "" : "?");
        fprintf(stderr, "\n");
    }
    return 1;
}

/* When no one map x' = s x + d fits (pdftotext -layout closed some columns
 * up more than others on the page: a wide table's year columns 6 characters
 * apart instead of 8, the units columns 10 characters left), the page's cell
 * starts (chunk starts of the first M lines, seen CNT times) go to the
 * table's columns in order, each column to at most one start: the least
 * total change of shift (table start minus page start) from one matched
 * column to the next, a column with no start costing ORDER_COL, a start
 * left over ORDER_START each time seen (a cell slid off its column), no two
 * neighbours' shifts apart by more than ORDER_JUMP. Fills PE, TE, FOUND as
 * edge_match does; 1 when all but a quarter of the columns found a start. */
#define ORDER_COL 3.0
#define ORDER_START 2.0   /* 1.0 before layout7: a support column 13 characters left (dong-linh) was left over */
#define ORDER_JUMP 20.0
#define ORDER_NS 48   /* the most distinct cell starts one page may show */

/* The matching in order that order_match and held_order share: the NS
 * starts ST (each seen CNT times; sorted here in place, CNT along) go to
 * the K sorted columns COL, each column to at most one start, at the least
 * cost as order_match's comment sets it out (a column left over ORDER_COL,
 * a start left over ORDER_START each time seen, the change of shift from
 * one matched column to the next, none over ORDER_JUMP). Fills MATCH[k]
 * with the start matched to column k or -1; returns how many matched. */
static size_t order_path(double *st, int *cnt, size_t ns, const double *col, size_t K, double sp, int *match)
{
    for (size_t i = 1; i < ns; i++)   /* insertion sort, counts along */
        for (size_t j = i; j > 0 && st[j] < st[j - 1]; j--) {
            double x = st[j];
            int n = cnt[j];
            st[j] = st[j - 1], cnt[j] = cnt[j - 1];
            st[j - 1] = x, cnt[j - 1] = n;
        }
    double pre[ORDER_NS + 1];
    pre[0] = 0;
    for (size_t q = 0; q < ns; q++)
        pre[q + 1] = pre[q] + cnt[q] * ORDER_START * sp;
    /* dp[q][k]: start q matched to column k, the last match so far */
    double dp[ORDER_NS][MAXC];
    int from[ORDER_NS][MAXC];
    double best = 1e18;
    int bq = -1, bk = -1;
    for (size_t q = 0; q < ns; q++)
        for (size_t k = 0; k < K; k++) {
            double sh = col[k] - st[q];
            dp[q][k] = (double)k * ORDER_COL * sp + pre[q];
            from[q][k] = -1;
            for (size_t q0 = 0; q0 < q; q0++)
                for (size_t k0 = 0; k0 < k; k0++) {
                    double d = fabs(sh - (col[k0] - st[q0]));
                    if (dp[q0][k0] >= 1e17 || d > ORDER_JUMP * sp)
                        continue;
                    double v = dp[q0][k0] + (double)(k - k0 - 1) * ORDER_COL * sp + (pre[q] - pre[q0 + 1]) + d;
                    if (v < dp[q][k])
                        dp[q][k] = v, from[q][k] = (int)(q0 * MAXC + k0);
                }
            double end = dp[q][k] + (double)(K - 1 - k) * ORDER_COL * sp + (pre[ns] - pre[q + 1]);
            if (end < best)
                best = end, bq = (int)q, bk = (int)k;
        }
    for (size_t k = 0; k < K; k++)
        match[k] = -1;
    size_t nf = 0;
    for (int q = bq, k = bk; q >= 0;) {
        match[k] = q, nf++;
        int f = from[q][k];
        if (f < 0)
            break;
        q = f / MAXC, k = f % MAXC;
    }
    return nf;
}

static int order_match(const page_ctx *c, const otable *t, size_t m, double *pe, double *te, int *found)
{
    enum { NS = ORDER_NS };
    double st[NS];
    int cnt[NS];
    size_t ns = 0, a, b, K = t->ncols;
    if (K < 3 || K > MAXC)
        return 0;
    for (size_t k = 0; k < K; k++)
        if ((te[k] = table_edge(t, k)) < 0 || (k && te[k] <= te[k - 1]))
            return 0;
    for (size_t j = 0; j < m; j++)
        for (int ch = 0; chunk(c, &c->ln[j], ch, &a, &b); ch++) {
            double x = c->ln[j].w[a]->x0;
            size_t q = 0;
            while (q < ns && fabs(st[q] - x) >= 2.0)
                q++;
            if (q < ns)
                cnt[q]++;
            else if (ns < NS)
                st[ns] = x, cnt[ns++] = 1;
            else
                return 0;
        }
    if (ns < 2)
        return 0;
    int match[MAXC];
    size_t nf = order_path(st, cnt, ns, te, K, c->sp, match);
    if (!nf)
        return 0;
    for (size_t k = 0; k < K; k++)
        if ((found[k] = match[k] >= 0))
            pe[k] = st[match[k]];
    if (nf + K / 4 < K)
        return 0;
    for (size_t k = 0; k < K; k++) {
        if (found[k])
            continue;
        size_t n = k;
        for (size_t d = 1; d < K && n == k; d++)
            if (k >= d && found[k - d])
                n = k - d;
            else if (k + d < K && found[k + d])
                n = k + d;
        pe[k] = te[k] - (te[n] - pe[n]);
    }
    for (size_t k = 1; k < K; k++)
        if (pe[k] <= pe[k - 1])
            return 0;
    if (getenv("DTI_PDF_DEBUG")) {
        fprintf(stderr, "pdf: page cell starts matched in order:");
        for (size_t k = 0; k < K; k++)
            fprintf(stderr, " %.1f->%.1f%s", pe[k], te[k], found[k] ? "" : "?");
        fprintf(stderr, "\n");
    }
    return 1;
}

/* A table value as pdftotext prints it: a number ("1.500", "48,5", "90%")
 * or a dash for no value. */
static int value_word(const char *s)
{
    if (strcmp(s, "-") == 0)
        return 1;
    if (!isdigit((unsigned char)*s))
        return 0;
    for (; *s; s++)
        if (!isdigit((unsigned char)*s) && *s != '.' && *s != ',' && *s != '%')
            return 0;
    return 1;
}

/* The shift of every word of page C (words of BASE) into CSH (indexed as
 * BASE->words; NAN for a word on no line): a chunk (a cell's line) moves as
 * one, by SH[k] of the page's cell start PE[k] nearest its first word
 * (pdftotext slides cells left) — but values packed one blank apart
 * ("1.000 1.200 1.500" under year columns set six characters apart, "4.500
 * Văn hóa") are cells of their own: a value or a capitalised word after a
 * number takes the shift of the start nearest it when that is a column
 * further right (not after a dash: "Văn hóa - Các phòng" is a name's); so
 * does any word starting right at the page's start of a column further
 * right ("cuộc/năm cuộc/năm", the second under "12"). 1 when no two chunks of
 * a line end up closer than they were or a usual space, whichever is less
 * (a row's strips survive: band_bounds finds a border one blank before a
 * capital), else 0; lines of the repeated header at the top and chunks
 * across three of the page's cell starts or more (a merged header cell, a
 * footnote under the table) are not cells and are not looked at. */
static int chunk_shifts(const page_ctx *c, const otable *t, const pdf_page *base, const double *pe,
                        const int *found, const double *sh, double *csh)
{
    int keep = 1;
    size_t s0, s1;
    size_t head = repeated_head(c, t);   /* header lines repeated at the top: not cells */
    for (size_t i = 0; i < base->n; i++)
        csh[i] = NAN;
    for (size_t j = 0; j < c->nln; j++) {
        const line *L = &c->ln[j];
        double prev_x1 = 0, prev_sh = 0;
        for (int ch = 0; chunk(c, L, ch, &s0, &s1); ch++) {
            size_t k = 0;
            /* a line across the table (a repeated header cell merged over
             * the years, a footnote under the table: a chunk over three of
             * the page's cell starts or more) is no cell: its gaps are not
             * the row's strips */
            int across = 0;
            for (size_t r = 0; r < t->ncols; r++)
                across += found[r] && pe[r] > L->w[s0]->x0 + 0.5 * c->sp && pe[r] < L->w[s1 - 1]->x1;
            int check = j >= head && across < 3;
            for (size_t w = s0; w < s1; w++) {
                double x = L->w[w]->x0;
                size_t q = 0;
                for (size_t r = 1; r < t->ncols; r++)
                    if (fabs(x - pe[r]) < fabs(x - pe[q]))
                        q = r;
                if (w == s0)
                    k = q;
                else if (q > k && ((value_word(L->w[w - 1]->text) && strcmp(L->w[w - 1]->text, "-") != 0 &&
                                    (value_word(L->w[w]->text) || starts_upper(L->w[w]->text))) ||
                                   (found[q] && fabs(x - pe[q]) < 0.5 * c->sp)))
                    k = q;
                if ((w > s0 || ch > 0) && check) {
                    double was = x - prev_x1, now = was + sh[k] - prev_sh;
                    if (now < fmin(was, c->sp) - 0.5) {
                        keep = 0;
                        if (getenv("DTI_PDF_DEBUG") && strcmp(getenv("DTI_PDF_DEBUG"), "3") == 0)
                            fprintf(stderr, "pdf: falling shifts close the gap before \"%s\" (%.1f -> %.1f)\n",
                                    L->w[w]->text, was, now);
                    }
                }
                size_t at = (size_t)(L->w[w] - base->words);
                if (at < base->n)
                    csh[at] = sh[k];
                prev_x1 = L->w[w]->x1, prev_sh = sh[k];
            }
        }
    }
    return keep;
}

/* The first lines of page C are one list item left over from the last
 * row's cell of list items ("• Hội Nông dân xã" / page break / "• Các hợp
 * tác xã" alone at the page's left edge, where pdftotext laid it out): one
 * to three lines of one chunk each, one band (nothing closely below), no
 * row code, the first opening with a list marker, under a table whose last
 * row has exactly one cell (not the anchor's) with a line opening with a
 * marker. The whole page moves so that the item starts where that cell's
 * items do: PE, TE filled for every column with that one shift; 1 when so. */
static size_t marker_tail(const page_ctx *c, const otable *t, double *d)
{
    size_t m = 1;
    if (!c->nln || !t->n || t->ncols > MAXC)
        return 0;
    while (m < c->nln && c->ln[m].yc - c->ln[m - 1].yc <= 1.6 * c->h)
        m++;
    if (m > 3)
        return 0;
    for (size_t j = 0; j < m; j++)
        if (c->ln[j].nchunks != 1 || code_led(c, &c->ln[j]))
            return 0;
    const line *L = &c->ln[0];
    if (!marker_word(L->w[0]->text))
        return 0;
    const trow *r = &t->rows[t->n - 1];
    double x = 0;
    int hits = 0;
    for (size_t k = 0; k < t->ncols; k++) {
        if ((int)k == t->anchor)
            continue;
        for (size_t i = 0; i < r->c[k].n; i++)
            if (list_marker_start(r->c[k].v[i].text) || marker_word(r->c[k].v[i].text)) {
                x = r->c[k].v[i].x0;
                hits++;
                break;
            }
    }
    if (hits != 1)
        return 0;
    *d = x - L->w[0]->x0;
    if (getenv("DTI_PDF_DEBUG"))
        fprintf(stderr, "pdf: a list item left over (%zu lines) moved by %.1f to its cell\n", m, *d);
    return m;
}

/* Page C's words moved: *MERGED becomes BASE with the words NW (owned,
 * taken), *PG points at it and C's lines are read again; 1, or -1 out of
 * memory (move_lines, regrid). */
static int page_moved(page_ctx *c, const pdf_page *base, pdf_word *nw, const pdf_page **pg, pdf_page *merged)
{
    pdf_page np = *base;
    np.words = nw;
    np.cap = np.n;
    if (base == merged)
        free(merged->words);
    *merged = np;
    *pg = merged;
    page_release(c);
    return page_lines(c, merged) ? -1 : 1;
}

/* Lines [0, N) of page C (words of *PG) moved by D, into *MERGED as regrid
 * does; 1, or -1 out of memory. */
static int move_lines(page_ctx *c, size_t n, double d, const pdf_page **pg, pdf_page *merged)
{
    const pdf_page *base = *pg;
    pdf_word *nw = malloc((base->n ? base->n : 1) * sizeof *nw);
    if (!nw)
        return -1;
    memcpy(nw, base->words, base->n * sizeof *nw);
    for (size_t j = 0; j < n && j < c->nln; j++)
        for (size_t w = 0; w < c->ln[j].n; w++) {
            size_t at = (size_t)(c->ln[j].w[w] - base->words);
            if (at < base->n)
                nw[at].x0 += d, nw[at].x1 += d;
        }
    return page_moved(c, base, nw, pg, merged);
}

/* Words NW (page BASE's, moved by regrid column by column): a column
 * narrower in the table than on page C would lay a long cell line over the
 * next cell ("Dữ liệu hộ tịch điện" / "Tháng"); on each line, a chunk moved
 * closer to the one before it than they were, or than two usual spaces, is
 * moved right again by the difference (band_bounds then moves the border
 * for its row). */
static void keep_gaps(const page_ctx *c, const pdf_page *base, pdf_word *nw)
{
    size_t s0, s1;
    for (size_t j = 0; j < c->nln; j++) {
        const line *L = &c->ln[j];
        size_t pb = 0;   /* end of the chunk before */
        for (int ch = 0; chunk(c, L, ch, &s0, &s1); ch++) {
            if (ch > 0) {
                size_t p = (size_t)(L->w[pb - 1] - base->words), q = (size_t)(L->w[s0] - base->words);
                if (p >= base->n || q >= base->n)
                    continue;
                double was = L->w[s0]->x0 - L->w[pb - 1]->x1, now = nw[q].x0 - nw[p].x1;
                double need = fmin(was, 2.0 * c->sp);
                if (now < need - 0.5)
                    for (size_t w = s0; w < s1; w++) {
                        size_t at = (size_t)(L->w[w] - base->words);
                        if (at < base->n)
                            nw[at].x0 += need - now, nw[at].x1 += need - now;
                    }
            }
            pb = s1;
        }
    }
}

/* pdftotext -layout lays each page out on its own: a table's columns move
 * and stretch a few characters from page to page. When the lines at the
 * top of page C (*PG) show as many columns as the open table T, each word
 * is moved by how far its column's border moved, into a copy of the page
 * (*MERGED, replacing what it held; *PG then points to it) and C is laid
 * out again. 1 when moved, 0 when not, -1 out of memory. */
static int regrid(page_ctx *c, const otable *t, const pdf_page **pg, pdf_page *merged)
{
    size_t m = 0;
    while (m < c->nln && tablelike(c, m))
        m++;
    otable pt;
    memset(&pt, 0, sizeof pt);
    double pe[MAXC], te[MAXC];
    int by_edges = 0, found[MAXC];
    if (t->ncols < 2)
        return 0;
    if (m < 2) {
        double d;
        size_t n = marker_tail(c, t, &d);
        return n ? move_lines(c, n, d, pg, merged) : 0;
    }
    if (find_columns(c, &pt, 0, m, 0, 0) || pt.ncols != t->ncols) {
        /* cells that bleed over a river (or sit one blank apart) hide it:
         * match the page's cell starts to the table's instead */
        if (!edge_match(c, t, m, pe, te, found) && !tail_match(c, t, m, pe, te, found) &&
            !order_match(c, t, m, pe, te, found))
            return 0;
        by_edges = 1;
    }
    int moved = 0, fell = 0;   /* FELL: a wider page's falling shifts kept */
    for (size_t k = 0; k < t->ncols; k++)
        moved |= by_edges ? fabs(pe[k] - te[k]) > 1.0 : k + 1 < t->ncols && fabs(pt.bound[k] - t->bound[k]) > 1.0;
    if (!moved)
        return 0;
    const pdf_page *base = *pg;
    pdf_word *nw = malloc((base->n ? base->n : 1) * sizeof *nw);
    if (!nw)
        return -1;
    /* by edges, a chunk (a cell's line) moves as one: its words take the
     * shift of the cell start nearest its first word */
    double *csh = NULL;
    if (by_edges) {
        csh = malloc((base->n ? base->n : 1) * sizeof *csh);
        if (!csh) {
            free(nw);
            return -1;
        }
        for (size_t i = 0; i < base->n; i++)
            csh[i] = NAN;
        /* no gap between two cells may close (a blank strip of a row stays
         * one): shifts that fall from left to right (the whole page laid
         * out wider than the table) are kept when no two cells of a line
         * come closer than a blank (chunk_shifts); otherwise one below its
         * left neighbour's is raised to it */
        double sh[MAXC];
        for (size_t k = 0; k < t->ncols; k++) {
            sh[k] = te[k] - pe[k];
            if (!found[k]) {   /* a column the page did not show: its neighbour's */
                size_t q = k;
                while (q > 0 && !found[q])
                    q--;
                if (!found[q])
                    for (q = k; q + 1 < t->ncols && !found[q];)
                        q++;
                if (found[q])
                    sh[k] = te[q] - pe[q];
            }
        }
        int wider = 1;
        for (size_t k = 1; k < t->ncols; k++)
            wider &= sh[k] <= sh[k - 1];
        if (!wider) {
            /* a page set wider whose shifts rise here and there (a narrow
             * column of centred values, "%" under "ĐVT"; a last column
             * whose cells start right of its header): wider when the
             * shift falls by two usual spaces or more from the first
             * matched column to the lowest, and is lower at the last
             * than at the first */
            size_t kf = 0, kl = t->ncols - 1;
            while (kf < kl && !found[kf])
                kf++;
            while (kl > kf && !found[kl])
                kl--;
            double low = sh[kl];
            for (size_t k = kf; k <= kl; k++)
                if (found[k] && sh[k] < low)
                    low = sh[k];
            wider = kf < kl && sh[kf] - low >= 2.0 * c->sp && sh[kf] - sh[kl] > 0;
        }
        if (getenv("DTI_PDF_DEBUG") && strcmp(getenv("DTI_PDF_DEBUG"), "3") == 0) {
            fprintf(stderr, "pdf: page shifts (wider %d):", wider);
            for (size_t k = 0; k < t->ncols; k++)
                fprintf(stderr, " %.1f%s", sh[k], found[k] ? "" : "?");
            fprintf(stderr, "\n");
        }
        fell = wider && chunk_shifts(c, t, base, pe, found, sh, csh);
        if (!fell) {
            /* (pdfthan kept a fall where the left column's cells, moved,
             * still ended before the table's border: with layout7's path it
             * took hop-thanh-2026 from 92.0 to 38.8; layout8's wider test
             * above gives both plans, docs/internals/import.md) */
            for (size_t k = 1; k < t->ncols; k++)
                if (sh[k] < sh[k - 1])
                    sh[k] = sh[k - 1];
            chunk_shifts(c, t, base, pe, found, sh, csh);
        }
    }
    for (size_t i = 0; i < base->n; i++) {
        nw[i] = base->words[i];
        double sh;
        if (by_edges && !isnan(csh[i])) {
            sh = csh[i];
        } else if (by_edges) {
            /* a word takes the shift of the last cell start at or left of it */
            size_t k = 0;
            while (k + 1 < t->ncols && nw[i].x0 >= pe[k + 1] - 0.5 * c->sp)
                k++;
            sh = te[k] - pe[k];
        } else {
            size_t k = col_of(&pt, (nw[i].x0 + nw[i].x1) / 2);
            sh = k ? t->bound[k - 1] - pt.bound[k - 1] : t->bound[0] - pt.bound[0];
        }
        nw[i].x0 += sh, nw[i].x1 += sh;
    }
    free(csh);
    /* moved by rivers, or a wider page's falls kept (chunk_shifts let two
     * cells come within a blank): no two cells of a line closer than two
     * blanks, so that they stay two chunks ("… Hợp tác" / "Gian hàng") */
    if (!by_edges || fell)
        keep_gaps(c, base, nw);
    if (getenv("DTI_PDF_DEBUG"))
        fprintf(stderr, "pdf: page columns moved to the table's\n");
    return page_moved(c, base, nw, pg, merged);
}

/* Whether word W of page PG starts a chunk: no word of its line ends less
 * than two blanks before it (pdftotext -layout text: lines share y). */
static int grid_chunk_start(const pdf_page *pg, const pdf_word *w)
{
    for (size_t i = 0; i < pg->n; i++) {
        const pdf_word *v = &pg->words[i];
        if (v != w && v->y0 == w->y0 && v->x1 < w->x0 && w->x0 - v->x1 <= 1.6 * pg->space)
            return 0;
    }
    return 1;
}

/* pdftotext -layout lays each page out anew, so a header held over from the
 * previous page (hold_header) sits a few characters off the columns of
 * this page PG: the median move from each held chunk start to the nearest
 * cell start seen twice or more on the page, within four characters (0
 * when none). */
static double held_dx(const pdf_page *pg, const pdf_word *held, size_t nheld)
{
    double mv[64];
    size_t nm = 0;
    double sp = pg->space > 0 ? pg->space : 5.0;
    for (size_t k = 0; k < nheld && nm < 64; k++) {
        int start = 1;
        for (size_t i = 0; i < nheld && start; i++)
            start = !(i != k && held[i].y0 == held[k].y0 && held[i].x1 < held[k].x0 &&
                      held[k].x0 - held[i].x1 <= 1.6 * sp);
        if (!start)
            continue;
        double best = 4.5 * sp, at = 0;
        int hit = 0;
        for (size_t i = 0; i < pg->n; i++) {
            const pdf_word *w = &pg->words[i];
            if (fabs(w->x0 - held[k].x0) >= best || !grid_chunk_start(pg, w))
                continue;
            int n = 0;
            for (size_t j = 0; j < pg->n && n < 2; j++)
                n += fabs(pg->words[j].x0 - w->x0) < 0.5 && grid_chunk_start(pg, &pg->words[j]);
            if (n >= 2)
                best = fabs(w->x0 - held[k].x0), at = w->x0 - held[k].x0, hit = 1;
        }
        if (hit)
            mv[nm++] = at;
    }
    if (nm < 2)
        return 0;
    qsort(mv, nm, sizeof *mv, cmp_d);
    return mv[nm / 2];
}

/* Whether held word K starts a chunk among the held words (HELD, NHELD):
 * no held word of its line ends less than two blanks before it. */
static int held_start(const pdf_word *held, size_t nheld, size_t k, double sp)
{
    for (size_t i = 0; i < nheld; i++)
        if (i != k && held[i].y0 == held[k].y0 && held[i].x1 < held[k].x0 && held[k].x0 - held[i].x1 <= 1.6 * sp)
            return 0;
    return 1;
}

/* A header held over from the previous page (hold_header) that pdftotext
 * laid out with that page, its cells spread otherwise than the body's
 * below: "Lĩnh vực | TT | Nhiệm vụ | Chủ trì | Phối hợp | Thời gian | Kết
 * quả" at 1, 14, 20, 42, 55, 76, 86 over cells starting at 0, 10, 14, 36,
 * 46, 65, 76 (moves of -1 to -11 characters, which no one shift mends).
 * The header's chunk starts go in order to the page PG's cell starts
 * (chunk starts, seen CNT times), as order_match places a continued page's
 * on a table's columns: the least total change of move from one matched
 * header start to the next, a header start left over costing ORDER_COL, a
 * page start left over ORDER_START each time seen, no two neighbours' moves
 * apart by more than ORDER_JUMP. Taken when every header start is matched
 * and the moves spread over more than four usual spaces (else held_dx's
 * one move does: pdftotext's slide of a few characters); then each held
 * word moves by its chunk's start's move, into HSH (NHELD). 1 when so. */
static int held_order(const pdf_page *pg, const pdf_word *held, size_t nheld, double *hsh)
{
    enum { NS = ORDER_NS };
    double sp = pg->space > 0 ? pg->space : 5.0;
    double hs[MAXC], st[NS];
    int cnt[NS];
    size_t K = 0, ns = 0;
    for (size_t k = 0; k < nheld; k++) {
        if (!held_start(held, nheld, k, sp))
            continue;
        size_t q = 0;
        while (q < K && fabs(hs[q] - held[k].x0) >= 2.0)
            q++;
        if (q == K) {
            if (K == MAXC)
                return 0;
            hs[K++] = held[k].x0;
        }
    }
    for (size_t i = 0; i < pg->n; i++) {
        if (!grid_chunk_start(pg, &pg->words[i]))
            continue;
        double x = pg->words[i].x0;
        size_t q = 0;
        while (q < ns && fabs(st[q] - x) >= 2.0)
            q++;
        if (q < ns)
            cnt[q]++;
        else if (ns < NS)
            st[ns] = x, cnt[ns++] = 1;
        else
            return 0;
    }
    if (K < 3 || ns < K)
        return 0;
    qsort(hs, K, sizeof *hs, cmp_d);
    int match[MAXC];
    double mv[MAXC];
    size_t nf = order_path(st, cnt, ns, hs, K, sp, match);
    for (size_t k = 0; k < K; k++)
        if (match[k] >= 0)
            mv[k] = st[match[k]] - hs[k];
    if (nf < K)
        return 0;
    double lo = mv[0], hi = mv[0];
    for (size_t k = 1; k < K; k++)
        lo = fmin(lo, mv[k]), hi = fmax(hi, mv[k]);
    if (hi - lo <= 4.0 * sp)
        return 0;
    for (size_t w = 0; w < nheld; w++) {
        /* the start of W's chunk: the nearest held chunk start at or left of it on its line */
        double x = held[w].x0;
        for (size_t i = 0; i < nheld; i++)
            if (held[i].y0 == held[w].y0 && held[i].x0 <= x && held_start(held, nheld, i, sp)) {
                int inside = 1;   /* no chunk start between I and W */
                for (size_t j = 0; j < nheld && inside; j++)
                    inside = !(j != i && held[j].y0 == held[w].y0 && held[j].x0 > held[i].x0 &&
                               held[j].x0 <= held[w].x0 && held_start(held, nheld, j, sp));
                if (inside)
                    x = held[i].x0;
            }
        size_t k = 0;
        for (size_t q = 1; q < K; q++)
            if (fabs(hs[q] - x) < fabs(hs[k] - x))
                k = q;
        hsh[w] = mv[k];
    }
    if (getenv("DTI_PDF_DEBUG")) {
        fprintf(stderr, "pdf: held header placed in order:");
        for (size_t k = 0; k < K; k++)
            fprintf(stderr, " %.1f->%.1f", hs[k], hs[k] + mv[k]);
        fprintf(stderr, "\n");
    }
    return 1;
}

/* table_flush(), noting in *CENTRED (when not NULL) a table of centred cells. */
static int flush_noting(doc *d, otable *t, int *centred)
{
    if (centred && (t->centered || t->led))
        *centred = 1;
    return table_flush(d, t);
}

dti_rc pdf_layout(const pdf_page *pages, size_t npages, const char *name, doc **out, dti_err *e)
{
    return pdf_layout_centred(pages, npages, name, NULL, out, e);
}

dti_rc pdf_layout_centred(const pdf_page *pages, size_t npages, const char *name, int *centred, doc **out,
                          dti_err *e)
{
    dti_rc rc = DTI_ERR_NOMEM;
    doc *d = doc_new(name);
    otable t;
    memset(&t, 0, sizeof t);
    t.anchor = -1;
    para p;
    memset(&p, 0, sizeof p);
    buf_init(&p.text, DOC_MAX_CELL);
    page_ctx c;
    memset(&c, 0, sizeof c);
    size_t words = 0;
    pdf_word *held = NULL;    /* owned array, texts borrowed from PAGES: a header held over */
    size_t nheld = 0;
    pdf_page merged;          /* the page with the held header on top; words owned, texts borrowed */
    memset(&merged, 0, sizeof merged);
    *out = NULL;
    if (centred)
        *centred = 0;
    if (!d)
        goto nomem;
    for (size_t pi = 0; pi < npages; pi++) {
        const pdf_page *pg = &pages[pi];
        words += pg->n;
        if (nheld && pg->n) {
            /* a table's header alone at the previous page's foot goes on top
             * of this page, just above its first line, as Word meant it */
            double top = 1e9, hy1 = -1e9;
            /* read directly, the page's own lines without its furniture
             * (a browser's stamp on top would else stay under the header) */
            size_t nkept = pg->n;
            if (!pg->grid) {
                if (page_lines(&c, pg))
                    goto nomem;
                nkept = 0;
                for (size_t k = 0; k < c.nln; k++)
                    nkept += c.ln[k].n;
            }
            merged = *pg;
            merged.words = malloc((nheld + pg->n) * sizeof *merged.words);
            if (!merged.words)
                goto nomem;
            if (!pg->grid) {
                size_t m = nheld;
                for (size_t k = 0; k < c.nln; k++)
                    for (size_t w = 0; w < c.ln[k].n; w++)
                        merged.words[m++] = *c.ln[k].w[w];
                page_release(&c);
                memset(&c, 0, sizeof c);
            } else {
                memcpy(merged.words + nheld, pg->words, pg->n * sizeof *pg->words);
            }
            for (size_t k = nheld; k < nheld + nkept; k++)
                if (isfinite(merged.words[k].y0) && merged.words[k].y0 < top)
                    top = merged.words[k].y0;
            for (size_t k = 0; k < nheld; k++)
                if (held[k].y1 > hy1)
                    hy1 = held[k].y1;
            double shift = top - 0.4 * (held[0].y1 - held[0].y0) - hy1;
            double dx = pg->grid ? held_dx(pg, held, nheld) : 0;
            double *hsh = malloc(nheld * sizeof *hsh);   /* each held word's move (held_order) */
            if (!hsh)
                goto nomem;
            int placed = pg->grid && held_order(pg, held, nheld, hsh);
            for (size_t k = 0; k < nheld; k++) {
                merged.words[k] = held[k];
                merged.words[k].y0 += shift;
                merged.words[k].y1 += shift;
                merged.words[k].x0 += placed ? hsh[k] : dx;
                merged.words[k].x1 += placed ? hsh[k] : dx;
            }
            free(hsh);
            merged.n = merged.cap = nheld + nkept;
            pg = &merged;
        }
        free(held);
        held = NULL;
        nheld = 0;
        if (page_lines(&c, pg))
            goto nomem;
        if (pg->grid && t.open) {
            int r = regrid(&c, &t, &pg, &merged);
            if (r < 0)
                goto nomem;
        }
        if (pi + 1 < npages && hold_header(&c, &held, &nheld))
            goto nomem;
        if (getenv("DTI_PDF_DEBUG") && strcmp(getenv("DTI_PDF_DEBUG"), "2") == 0)
            for (size_t q = 0; q < c.nln; q++) {
                fprintf(stderr, "p%zu L%zu y%.1f ch%d:", pi, q, c.ln[q].yc, c.ln[q].nchunks);
                for (size_t w = 0; w < c.ln[q].n; w++)
                    fprintf(stderr, " [%.0f-%.0f]%s", c.ln[q].w[w]->x0, c.ln[q].w[w]->x1, c.ln[q].w[w]->text);
                fprintf(stderr, "\n");
            }
        size_t i = 0;
        if (t.open) {
            widen_direct(&c, &t);
            size_t j = repeated_head(&c, &t);
            /* a bold title on the new page ("Phụ lục 2:") is one piece of
             * text across a river: not a continued cell */
            while (j < c.nln && fits(&c, &t, j) && (j == 0 || after_gap(&c, &t, j)) &&
                   (code_led(&c, &c.ln[j]) || !c.ln[j].bold || !chunk_crossings(&c, &t, &c.ln[j])))
                j++;
            if (j > 0 && table_page(&c, &t, 0, j, (int)pi, 0))
                goto nomem;
            i = j;
            if (j < c.nln) {
                t.open = 0;
                if (flush_noting(d, &t, centred))
                    goto nomem;
            }
        }
        size_t fed = i;   /* lines before this one went to paragraphs */
        while (i < c.nln) {
            size_t j;
            double river;
            if (c.ln[i].nchunks >= 3) {
                j = i + 1;
                double span_x = -1;   /* a merged cell's text wrapping under itself */
                while (j < c.nln && c.ln[j].yc - c.ln[j - 1].yc < 8.0 * c.h && !appendix_title(&c.ln[j])) {
                    if (tablelike(&c, j)) {
                        span_x = chunk_x(&c, &c.ln[j], 1);
                    } else if (span_x < 0 || fabs(c.ln[j].x0 - span_x) > 3.0) {
                        break;
                    }
                    j++;
                }
                size_t rich = 0, body = j;
                for (size_t k = i; k < j; k++) {
                    rich += c.ln[k].nchunks >= 3;
                    if (body == j && k > i && code_led(&c, &c.ln[k]) && !cut_letter_code(&c, k))
                        body = k;
                }
                size_t hb0 = row_band_start(&c, i, j, body);
                otable nt;
                memset(&nt, 0, sizeof nt);
                nt.anchor = -1;
                if (rich >= 2 && find_columns(&c, &nt, hb0, j, i, hb0) == 0 &&
                    nt.ncols >= 2) {
                    /* header lines above the first line of three cells (a centred
                     * header's tallest cell rises alone): close, narrow, fitting */
                    size_t i0 = i;
                    while (i0 > fed && tablelike(&c, i0 - 1) && c.ln[i0 - 1].nchunks < 3 &&
                           (!c.pg->sheet || sheet_head_goes_on(&c, &nt, i0 - 1) || sheet_spanning(&c, &nt, i0 - 1)) &&
                           c.ln[i0].yc - c.ln[i0 - 1].yc < 1.3 * c.h &&
                           (fits(&c, &nt, i0 - 1) || spanning_head(&c, &nt, i0 - 1))) {
                        if (crossings(&c, &nt, &c.ln[i0 - 1]) && !spanning_head(&c, &nt, i0 - 1) &&
                            !text_span_head(&c, &nt, i0 - 1, body < j ? body : i)) {
                            /* a header word reaching into a river moves its
                             * border (find_columns) when the line is header */
                            otable ht;
                            memset(&ht, 0, sizeof ht);
                            if (!c.pg->grid ||
                                find_columns(&c, &ht, hb0, j, i0 - 1, hb0) ||
                                ht.ncols != nt.ncols || crossings(&c, &ht, &c.ln[i0 - 1]))
                                break;
                        }
                        i0--;
                    }
                    if (i0 < i && find_columns(&c, &nt, hb0, j, i0, hb0))
                        goto nomem;
                    i = i0;
                    double lo = nt.xmin, hi = nt.xmax;
                    for (size_t k = i; k < body && k < j; k++) {
                        if (c.ln[k].x0 < lo) lo = c.ln[k].x0;
                        if (c.ln[k].x1 > hi) hi = c.ln[k].x1;
                    }
                    nt.xmin = lo, nt.xmax = hi;
                    /* the run ends at the first line that does not fit the columns */
                    size_t k = body < j ? body : i + 1;
                    while (k < c.nln && (k < body || (fits(&c, &nt, k) && after_gap(&c, &nt, k))))
                        k++;
                    if (getenv("DTI_PDF_DEBUG")) {
                        fprintf(stderr, "pdf: page %zu lines %zu..%zu body %zu end %zu cols", pi, i, j, body, k);
                        for (size_t q = 0; q + 1 < nt.ncols; q++)
                            fprintf(stderr, " %.1f", nt.bound[q]);
                        fprintf(stderr, "\n");
                    }
                    for (; fed < i; fed++)
                        if (para_line(d, &p, &c, &c.ln[fed], fed == 0 && pi > 0))
                            goto nomem;
                    if (para_flush(d, &p))
                        goto nomem;
                    if (t.n && (flush_noting(d, &t, centred)))
                        goto nomem;
                    t = nt;
                    t.grid = c.pg->grid;
                    t.h = c.h;
                    if (table_page(&c, &t, i, k, (int)pi, 1) || head_above(&c, &t, i))
                        goto nomem;
                    t.open = k == c.nln;
                    if (!t.open && (flush_noting(d, &t, centred)))
                        goto nomem;
                    fed = i = k;
                    continue;
                }
            }
            /* two columns, unless they are the first lines of a table's header */
            if (c.ln[i].nchunks == 2 && two_columns(&c, i, &j, &river) &&
                !(j < c.nln && c.ln[j].nchunks >= 3 && c.ln[j].yc - c.ln[j - 1].yc < 1.6 * c.h)) {
                for (; fed < i; fed++)
                    if (para_line(d, &p, &c, &c.ln[fed], fed == 0 && pi > 0))
                        goto nomem;
                if (para_flush(d, &p) || emit_two_columns(d, &c, i, j, river))
                    goto nomem;
                fed = i = j;
                continue;
            }
            i++;
        }
        for (; fed < c.nln; fed++)
            if (para_line(d, &p, &c, &c.ln[fed], fed == 0 && pi > 0))
                goto nomem;
        page_release(&c);
        memset(&c, 0, sizeof c);
        free(merged.words);
        memset(&merged, 0, sizeof merged);
    }
    if (para_flush(d, &p) || (t.n && flush_noting(d, &t, centred)))
        goto nomem;
    if (!words) {
        rc = dti_fail(e, DTI_ERR_FORMAT, name,
                      "%s: tệp PDF không có lớp chữ (bản quét hoặc ảnh chụp); dti không nhận dạng chữ (OCR) — hãy nhập tệp Word/Excel gốc, hoặc PDF xuất từ Word",
                      "%s: the PDF has no text layer (a scan or a photo); dti does no OCR: import the original Word/Excel file, or a PDF saved from Word",
                      name);
        goto fail;
    }
    buf_release(&p.text);
    free(held);
    *out = d;
    return DTI_OK;
nomem:
    rc = dti_fail(e, DTI_ERR_NOMEM, name, "%s: hết bộ nhớ hoặc quá giới hạn khi dựng lại PDF",
                  "%s: out of memory or over a limit rebuilding the PDF", name);
fail:
    page_release(&c);
    free(merged.words);
    free(held);
    table_release(&t);
    buf_release(&p.text);
    doc_free(d);
    return rc;
}
