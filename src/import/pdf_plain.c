/* pdf_plain.c — tables in plain `pdftotext` text (no -layout), read as rows
 * of cells for the one table model (extract_table.c).
 *
 * What pdftotext prints of a table without -layout: each cell a block of
 * short lines (a long cell wrapped), blocks mostly separated by blank lines,
 * in an order that is only roughly the reading order: a row's cells usually
 * follow its code, but header cells may come after the first rows' cells,
 * the right-hand columns of a page may come before the "STT" line, a run of
 * rows may be printed column by column (all names, then all targets), a
 * code centred in a tall row comes after or inside its row's cells, and two
 * cells side by side may come as one block, their lines interleaved or
 * glued on one line. Positions are lost, so a cell's column is decided by
 * what it holds, not where it stands:
 *
 *  1. Region. From the "STT"/"TT" line back over the short lines before it
 *     (up to a title, "(Kèm theo …)", a line ending in ':' — not a short
 *     one in lower case, a name wrapped: "gồm:" — or prose) and on
 *     to a title ("Phụ lục", "Nơi nhận", a long all-capitals line) or prose
 *     (a line of 80 characters or more); the lines before "STT" only when
 *     they hold a body cell (a value, due phrase or unit, on a line or
 *     wrapped over a block: "Quý" / "II/2026"), so a title just
 *     above "STT" stays a paragraph. The paragraphs the text reader made of
 *     those lines are taken back (drop_paras), also from the end of a
 *     paragraph it joined them to.
 *  2. Cells. A block of consecutive non-blank lines on one page is a cell,
 *     cut where a line is a row code alone or starts "Chủ trì:". A block is
 *     cut in two when pdftotext interleaved two cells' lines (the second
 *     line starts a word in title case, the later ones only continue:
 *     "Trung tâm Phục" / "Các phòng" / "vụ hành chính" / "chuyên môn") or
 *     glued them on the first line ("… sổ liên Phòng Văn hóa" / "lạc điện
 *     tử" / "- Xã hội", cut only at a unit's head seldom found in a task's
 *     name), when one half reads as a unit, value, due or funding phrase
 *     (or a name of five words or more beside a unit), and neither half
 *     ends in a word that needs one after it ("các", "và", "-"). A dotted
 *     code inside
 *     a line ("… thủ tục Quy trình nội 1.1 hành chính …"), or on a line of
 *     its own inside a block that goes on in lower case, is a cell put
 *     before the block. A "%" alone on a line of a block, or ending one
 *     of its lines after a word, is the ĐVT cell beside a name, put after
 *     it. A bullet (U+F0B7, "•") starts a "- " item. A due phrase whose
 *     head ("Quý", "Tháng", "Thường") ends one line of a block and whose
 *     date ("III/2026", "10/2026", "xuyên") ends the next or the one after
 *     is a cell put after the rest of the block (split_due()); so is a
 *     target opening a line that goes on in lower case ("Đạt 100% vụ
 *     hành chính", split_target()). A unit's
 *     name printed among a row name's lines (whole lines, or glued at
 *     their ends) is taken out when another cell of the table names that
 *     unit whole (unglue()); so is a target whose operator's words end
 *     lines and whose figure stands on a line of its own ("Tối" / "… thiểu"
 *     / "95%"); two units whose lines alternate are cut by a unit named
 *     whole, else line by line. Targets labelled by year ("Năm 2026:" /
 *     "60%" / "Năm 2027:" / "80%") are values; a label whose year was
 *     labelled before in the block, or one ending a line of other words
 *     ("… Internet Năm 2027:" / "08 điểm"), starts another cell
 *     (split_years()); a row's second labelled cell joins its first.
 *  3. Header. Cells whose words give a column role in the table model's
 *     vocabulary (extract_header_role(), the words extract_table.c reads)
 *     are header cells while few rows have opened, also among the first
 *     rows' cells or before "STT"; a line holding two ("STT Nhiệm vụ", "Cơ
 *     quan phối hợp Sản phẩm") is cut before the second, and two header
 *     cells side by side ("Cơ quan Cơ quan" / "chủ trì" / "phối hợp", or
 *     "Kết quả" / "Thời hạn" / "thực hiện" …, kept one block although
 *     "Thời hạn" is a header line of its own) are taken apart line by line.
 *     Columns: code, name, then the others in the order seen, the ĐVT,
 *     baseline and target columns (by year) side by side. Header cells seen
 *     again later (a header repeated on a new page) are dropped. Header
 *     cells printed after a run of rows named one by one still count while
 *     only the name column is known (or within four cells of the last one
 *     found that late); a bare "Chỉ tiêu" after the name heads the values;
 *     a bare year ("2026") after a baseline or target header is the next
 *     year's column; "Bộ phận tham mưu cấp xã" is a header, not a unit.
 *     "Năm 2026" / "Đến năm 2030" head year columns when another year
 *     column is known or its header follows within a few cells (not a
 *     second column of a year already headed); otherwise, in a table with a
 *     due column and rows opened, "Năm 2027" is a due phrase, and so is
 *     any due phrase headed like a year column whose year is headed
 *     already ("Trong năm 2026" beside "Chỉ tiêu 2026"). A row's name
 *     holding a header's word ("Tỷ lệ văn bản điện tử …", "Chuyển đổi số
 *     trong cơ quan nhà nước", "Số hóa kết quả giải quyết thủ tục": a
 *     measure, or five words or more not opening as a header does) is no
 *     header (where a block is cut, only a measure or a name or lead of six
 *     words: a second name in a block still starts a cell there).
 *     Three header cells side by side, the third narrow ("Thời" / "Kết
 *     quả, Ghi" / "gian thực" / "sản phẩm chú" / "hiện"), are taken apart
 *     (add_header3()). A second header of a products, notes, due or
 *     funding column after body cells is a body cell. "Cơ quan chủ
 *     trì/phối hợp" over "Chủ trì" and "Phối hợp" heads no column.
 *     "Phân công thực hiện" and a lead header with no "chủ trì" ("Đơn vị
 *     thực hiện") spanning "Chủ trì" and "Phối hợp" head no column. Of two
 *     lead columns, one headed "Sở …" or "… tỉnh" is the province's
 *     (x.parent_lead, as the table model reads it), put before the
 *     commune's (printed late, it stood after): "Sở …" and "… tỉnh" units
 *     go there. Target columns printed latest year first,
 *     every one ("Chỉ tiêu đến năm 2030 | Chỉ tiêu năm 2026"), stay in
 *     that order, their values printed so too; else they are sorted.
 *  4. Rows. A cell that is a row code following the codes before it ("1.2"
 *     after "1.1" or "1", "2" after "1.3", "II" after "I", "a)" …, a group
 *     lettered "A" then "B", the numbering under it going on) and
 *     followed by no value opens a row; so does a dotted code, or a number
 *     followed by a name, not seen yet (a row printed out of order); a lone
 *     number that does not follow is a value, one last on its page a page
 *     number, one with a leading zero ("03") a value unless the first row's
 *     code had one. A following code with no name after it, printed after its
 *     row's cells, takes the cells the row before could not hold; so
 *     does one with no name after it whose row before could not hold a
 *     name (a code centred in a tall row, printed after its name). "1"
 *     right under a roman or lettered group opens a row although a due
 *     phrase follows it (its name was printed before). The row's
 *     first cell is its name (unless it is a value, due or funding phrase:
 *     the name was printed elsewhere); each further cell goes by its kind to
 *     the first free column of that kind: a number, percent or target
 *     phrase ("Tối thiểu 60%", "05 điểm", "-") to the baseline then target
 *     columns (years ascending); a due phrase ("Tháng 12/2026", "Quý
 *     IV/2027", "Thường xuyên") to due; a unit ("Phòng …", "Các …", "Công
 *     an …", "Chủ trì: …"; not "Tổ chức …", "Hội nghị …") to lead, then support (a "Sở …" to a province
 *     lead column; in one lead/support column, "Chủ trì: …" and the
 *     "Phối hợp: …" after it make one row's cell); a funding phrase ("Ngân sách xã") to funding; a short
 *     word under an ĐVT column to it; other text to products. A cell in
 *     lower case continues the cell before it; a list item ("- …") the
 *     row's products when they are a list (a unit's item, first on a new
 *     page, the row's support list); after a page break the first
 *     one continues the row's name and later ones its last unit cell.
 *     Rows are put back in code order when the numbers are unique, a
 *     roman or lettered group just before the least number printed after
 *     it, "a)" under the number printed before it. The cells printed
 *     before the first row ("2", "3" printed before "STT") are the row
 *     numbered just before it when its code comes after "STT" and they
 *     hold one row's cells. The same unit printed twice running goes to
 *     two rows' leads. A year before 2000 ("Từ năm 1995") is no due.
 *     Two units running right after a code, no third, are the row's lead
 *     and support, not its name. A text after a row's name while an
 *     earlier row has none, the cells from it holding more than one row
 *     can, is that row's name and other rows' cells: step 5 places them.
 *     Rows printed name by name (code, name, code, name …) and then their
 *     other cells row after row: when those cells hold more than one row
 *     can (two due phrases, more values than value columns), they fill the
 *     run's rows from a cursor, as step 5 does; else they are the last
 *     row's (the others' were printed elsewhere). Group rows inside the run
 *     keep it (and take none of its cells); it starts back at the earliest
 *     row before it holding its name only (a row on the page before whose
 *     cells come after the break); the last row may still wait for its
 *     name (printed after the run's cells) while values, dues and units
 *     fill the run. Codes printed as a run
 *     ("5" / "6") followed by as many names open a row each, named in
 *     order, read the same way; three or more whose names come later
 *     among their cells too, the run starting back at the row before
 *     that holds its name only. In a run, "Các …" takes a free support
 *     column (a support, seldom a lead). Two codes whose names came as
 *     one block are cut at its line in title case (split_names()).
 *     No code column (no "STT" line, pdf_plain_bare()): the table opens at
 *     the name column's header when other header cells and a first row
 *     "1." / "1.1." / "I." leading its name follow; each such code is a cell
 *     of its own. With a code column, a roman group written whole ("I. Hạ
 *     tầng số") is cut the same way.
 *     A group column ("Lĩnh vực", "Trụ cột", "Nhóm chỉ tiêu"), merged down
 *     over its rows, prints each name once near its rows' middle: cells of
 *     a few title-case words with no figures, not a target's first words
 *     nor a text the row's products column can still take, are kept apart and set on the first row of their rows (set_groups():
 *     by the middle row each was printed at, else an even share).
 *     Names lettered in capitals ("A. CHÍNH QUYỀN SỐ") are the group's
 *     wherever printed, and the only ones when two are; two names printed
 *     together have no known middle row.
 *     A row whose lead holds two units or more and whose support holds
 *     one had its support printed first (the taller cell): they are
 *     swapped, a lead being one unit (258 of the 259 items of the
 *     hand-written plans have one).
 *  5. Cells that found no free column, cells before the first row and a
 *     group row's cells other than its name are queued in reading order;
 *     each fills the first hole of its kind after the one filled before it
 *     (row, then column; a text fills an empty name first), else the
 *     earliest. A group row is a roman code or a code whose next row is its
 *     child ("1" then "1.1"); the table model reads it by its code's shape.
 * A region of more than PP_MAX_CELLS cells ends there. No table is read
 * (the lines stay paragraphs) with fewer than two rows, no
 * name column, item rows holding nothing but their names, or more cells
 * left over than placed. What this cannot recover: which row a moved cell
 * belonged to when several rows lack that column, and cells whose lines
 * pdftotext printed across the whole row (a row's cells line by line). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#include "base/buf.h"
#include "base/text.h"
#include "core/target.h"
#include "import/extract.h"
#include "import/pdf_plain.h"

#define PP_MAX_CELLS  (DOC_MAX_ROWS * 8)   /* cells of one table region; more end it */
#define PP_PROSE_LINE 80       /* a line this long (code points) is prose */

enum { C_CODE = 1, C_HDR, C_NUM, C_DUE, C_UNIT, C_FUND, C_WORD, C_TEXT };

typedef struct pcell {
    char *text;         /* owned; clean, lines joined by ' ', list items by '\n' */
    int kind;           /* C_* */
    int lower;          /* starts with a lower-case letter */
    int page;
    int brk;            /* first cell placed after a page break */
    int last;           /* last cell of its page in the region */
    int line;           /* source line of its first line */
    char *raw;          /* owned or NULL: a block's lines as printed, '\n' between (unglue()) */
    int alt;            /* two units whose lines alternate: unglue() cuts them by the lexicon, else so */
} pcell;

typedef struct pcol {
    char *head;         /* header text (owned) */
    const char *role;   /* an EXTRACT_ROLES word (static) */
    int year;
} pcol;

typedef struct prow {
    char code[16];
    int level;          /* 1 roman, 2 "1", 3 "1.1", … , 9 "a)" */
    buf *cell;          /* owned: ncols texts */
    size_t *extra;      /* owned: cells (indexes into ptab.c) that found no free column */
    size_t nextra, capextra;
    int brk;            /* a page break was seen inside the row */
    int lowers_after_brk;
    long lastcol;       /* column the last cell went to */
} prow;

/* One table region; ptab_release() frees everything it owns. */
typedef struct ptab {
    pcell *c;           /* owned: the region's cells in print order */
    size_t nc, capc;
    pcol col[DOC_MAX_COLS];
    size_t ncols;
    prow *r;            /* owned: the rows, one per code */
    size_t nr, capr;
    int full;           /* PP_MAX_CELLS reached: the region ends */
    int bare;           /* no code column: each row's code leads its name ("1.1. Tỷ lệ …") */
    int desc;           /* target columns kept as printed, latest year first ("đến năm 2030 | năm 2026") */
} ptab;

/* ---- small text tests ---- */

static const char *skip_sp(const char *s, const char *e)
{
    while (s < e && (*s == ' ' || *s == '\t' || *s == '\f' || *s == '\v' || *s == '\r'))
        s++;
    return s;
}

static size_t cps(const char *s, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        k += ((unsigned char)s[i] & 0xC0) != 0x80;
    return k;
}

static int first_cat(const char *s)
{
    utf8proc_int32_t c = 0;
    if (!*s || utf8proc_iterate((const utf8proc_uint8_t *)s, -1, &c) < 0)
        return 0;
    return utf8proc_category(c);
}

static int starts_with(const char *s, const char *const *w)
{
    for (size_t i = 0; w[i]; i++) {
        size_t n = strlen(w[i]);
        if (!strncmp(s, w[i], n) && (s[n] == 0 || s[n] == ' ' || s[n] == ':' || s[n] == ','))
            return 1;
    }
    return 0;
}

static size_t nwords(const char *s)
{
    size_t k = 0;
    for (const char *p = s; *p; p++)
        if (*p != ' ' && (p == s || p[-1] == ' '))
            k++;
    return k;
}

/* All letters of S (N bytes) are capitals and there are some. */
static int all_caps(const char *s, size_t n)
{
    int letters = 0;
    for (const char *p = s, *e = s + n; p < e;) {
        utf8proc_int32_t c;
        utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)p, e - p, &c);
        if (k <= 0)
            return 0;
        int cat = utf8proc_category(c);
        if (cat == UTF8PROC_CATEGORY_LL)
            return 0;
        letters += cat == UTF8PROC_CATEGORY_LU;
        p += k;
    }
    return letters >= 2;
}

/* A row code ("1", "1.2", "2.3.", "IV", "II.", "a)", "A", "B.") as the
 * whole of S: its parts into P (at most 4), the count returned; 0 when S is
 * no code. *ROMAN tells a roman code (1) or a capital letter (2: groups
 * lettered "A", "B", "C", as the table model reads them), *LETTER "a)". */
static int code_parts(const char *s, int *p, int *roman, int *letter)
{
    *roman = *letter = 0;
    size_t n = strlen(s);
    while (n && (s[n - 1] == '.' || s[n - 1] == ')'))
        n--;
    if (!n || n > 12)
        return 0;
    if (n == 1 && s[0] >= 'a' && s[0] <= 'z' && s[1] == ')') {
        *letter = 1;
        p[0] = s[0] - 'a' + 1;
        return 1;
    }
    int v = roman_value(s, n);
    if (v && s[0] >= 'A' && s[0] <= 'Z') {
        *roman = 1;
        p[0] = v;
        return 1;
    }
    if (n == 1 && s[0] >= 'A' && s[0] <= 'Z') {
        *roman = 2;
        p[0] = s[0] - 'A' + 1;
        return 1;
    }
    int k = 0;
    const char *q = s, *e = s + n;
    while (q < e) {
        int x = 0, d = 0;
        while (q < e && *q >= '0' && *q <= '9' && d < 3)
            x = x * 10 + (*q++ - '0'), d++;
        if (!d || k == 4)
            return 0;
        p[k++] = x;
        if (q < e && *q != '.')
            return 0;
        if (q < e)
            q++;
    }
    return k;
}

/* ---- cells ---- */

static const char *const UNIT_HEADS[] = {
    "Phòng", "Văn phòng", "Trung tâm", "Công an", "Trạm", "Các", "Đoàn", "Hội", "Ủy ban", "UBND", "HĐND",
    "Ban", "Sở", "Bưu điện", "Kho bạc", "Trường", "Hợp tác xã", "Doanh nghiệp", "Ngân hàng", "Đảng ủy",
    "Mặt trận", "Cơ quan", "Chi nhánh", "Viettel", "VNPT", "Viễn thông", "Tổ", "Thôn", "Đội", "Công chức", "Bộ phận", "Đài", "Chi cục", "Liên đoàn", "Quân sự", "Ban chỉ huy", NULL};
/* Heads that start a unit's name and seldom stand inside a task's name:
 * where a second cell glued to a line may start. */
static const char *const GLUE_HEADS[] = {
    "Phòng", "Văn phòng", "Trung tâm", "Công an", "Các phòng", "Các thôn", "Các doanh nghiệp", "Các ngân hàng",
    "Các trường", "Các cơ quan", "Các đơn vị", "Đoàn Thanh niên", "Hội Liên hiệp", "Hội Phụ nữ", "Hội Nông dân",
    "Hội Cựu chiến binh", "Bưu điện", "Trạm Y tế", "Ủy ban", "UBND", "Mặt trận", "Kho bạc", "Sở", NULL};
/* Words that start with a unit's head and name work, not a unit: "Tổ
 * chức hội nghị …", "Hội nghị được tổ chức", "Ban hành …". */
static const char *const NOT_UNITS[] = {"Ban hành", "Tổ chức", "Hội nghị", "Hội thảo", "Hội thi", "Đoàn kiểm tra", NULL};
static const char *const DUE_HEADS[] = {
    "Thường xuyên", "Hằng năm", "Hàng năm", "Trong năm", "Trước ngày", "Quý", "Tháng", "Giai đoạn", "Định kỳ",
    "Năm", "Trong tháng", "Trong quý", "Đến năm", "Cuối năm", "Liên tục", "Từ tháng", "Từ quý", "Từ ngày", NULL};
static const char *const FUND_HEADS[] = {
    "Ngân sách", "Nguồn", "Kinh phí", "Vốn", "Xã hội hóa", "Lồng ghép", "Không phát sinh", NULL};

/* Is T (clean) a number, a percent or a target phrase? */
static int is_num(const char *t)
{
    if (!strcmp(t, "-") || !strcmp(t, "x") || !strcmp(t, "X") || !strcmp(t, "\xe2\x80\x94") ||
        !strcmp(t, "\xe2\x80\x93"))
        return 1;
    int digits = 0, other = 0;
    for (const char *p = t; *p; p++) {
        if (*p >= '0' && *p <= '9')
            digits++;
        else if (!strchr(".,% ", *p))
            other++;
    }
    if (digits && !other)
        return 1;
    return nwords(t) <= 8 && target_is_measurable(t);
}

/* T names a year, and every year it names is before 2000 ("Từ năm 1995":
 * since when, a note, not a due). */
static int old_years_only(const char *t)
{
    int old = 0;
    for (const char *p = t; *p; p++) {
        if (*p < '0' || *p > '9' || (p > t && p[-1] >= '0' && p[-1] <= '9'))
            continue;
        size_t n = strspn(p, "0123456789");
        if (n != 4)
            continue;
        int y = atoi(p);
        if (y >= 2000)
            return 0;
        old |= y >= 1900;
    }
    return old;
}

static int is_due(const char *t)
{
    char out[16];
    if (old_years_only(t))
        return 0;
    if (due_parse(t, out) == 0)
        return 1;
    /* a span of years, "2026 - 2027", "2026-2028": due at its end */
    int y1 = 0, y2 = 0, c1 = 0, c2 = 0;
    if (sscanf(t, "%4d%n - %4d%n", &y1, &c1, &y2, &c2) == 2 && c1 == 4 && c2 == (int)strlen(t) && y1 >= 2000 &&
        y2 > y1 && y2 <= 2100)
        return 1;
    if (sscanf(t, "%4d-%4d%n", &y1, &y2, &c2) == 2 && c2 == 9 && t[9] == 0 && y1 >= 2000 && y2 > y1 && y2 <= 2100)
        return 1;
    return nwords(t) <= 8 && starts_with(t, DUE_HEADS) &&
           (strpbrk(t, "0123456789") || !strncmp(t, "Thường", 7) || !strncmp(t, "Hằng", 5) ||
            !strncmp(t, "Hàng", 5) || !strncmp(t, "Định", 5) || !strncmp(t, "Liên", 4));
}

static const char *header_as(const char *t, int *year, int strict);

/* Header role of T when T reads as a header cell, else NULL. */
static const char *header_of(const char *t, int *year)
{
    return header_as(t, year, 1);
}

/* As header_of(); not STRICT (where a line may end a block: a name of five
 * words holding a header's word still starts a cell of its own there),
 * only a measure ("Tỷ lệ …") or a name or lead of six words or more not
 * opening as headers do is refused. */
static const char *header_as(const char *t, int *year, int strict)
{
    *year = 0;
    if (!*t || strchr(t, ':') || nwords(t) > 9 || first_cat(t) != UTF8PROC_CATEGORY_LU)
        return NULL;
    /* "Các phòng, ban, đơn vị" is a unit; "Sở, ngành chủ trì cấp tỉnh" a header */
    if (starts_with(t, UNIT_HEADS) && strncmp(t, "Cơ quan", 8) && !strstr(t, "chủ trì") && !strstr(t, "phối hợp") &&
        !strstr(t, "tham mưu cấp"))     /* "Bộ phận tham mưu cấp xã": who carries the work */
        return NULL;
    if (strchr(t, '/') && !strstr(t, "chủ trì/") && !strstr(t, "tiêu/"))
        return NULL;    /* "Tháng 4/2026", "III/2026": a date, not a header */
    /* "Phân công thực hiện" spanning "Chủ trì" and "Phối hợp": a header
     * cell of no column of its own */
    if (!strncmp(t, "Phân công", 10) && nwords(t) <= 5)
        return "span";
    const char *r = extract_header_role(t, year);
    if (!strcmp(r, "none"))
        return NULL;
    /* a row's name that holds a header's word ("Tỷ lệ văn bản điện tử được
     * ký", "Chuyển đổi số trong cơ quan nhà nước"): a header names its
     * column in its first words, a name is longer or starts as a measure */
    static const char *const heads[] = {
        "Đơn vị", "Cơ quan", "Nội dung", "Tên", "Chỉ tiêu", "Chỉ số", "Nhiệm vụ", "Danh mục", "Bộ phận", "Sở", "Các",
        "Hoạt động", "Công việc", "Nhóm", "Kết quả", "Hiện trạng", "Thực hiện", "Ước", "Đã đạt", "Thời gian",
        "Thời hạn", "Tiến độ", "Lộ trình", "Kinh phí", "Nguồn", "Sản phẩm", "Ghi chú", "Căn cứ", "Giải pháp",
        "Quy mô", "Phạm vi", "Mục tiêu", "Giá trị", "Kế hoạch", "Phối hợp", "Chủ trì", "Trách nhiệm", "Mốc", "Năm",
        "Đến năm", "Dự kiến", "Dự toán", "Tổng", "Phân công", "Lĩnh vực", "Trụ cột", NULL};
    if ((!strncmp(t, "Tỷ lệ ", 8) && nwords(t) >= 5) ||
        (strict && strcmp(r, "code") && nwords(t) >= 5 && !starts_with(t, heads)) ||
        (!strict && (!strcmp(r, "name") || !strcmp(r, "lead")) && nwords(t) >= 6 && !starts_with(t, heads)))
        return NULL;
    return r;
}

/* T starts with a year's label, "Năm 2026:" (a target for that year
 * follows); its length, else 0. */
static size_t year_label(const char *t)
{
    int y = 0, n = 0;
    if (strncmp(t, "Năm ", 5) || sscanf(t + 5, "%4d:%n", &y, &n) != 1 || n != 5 || y < 2000 || y > 2100)
        return 0;
    return 10;
}

static void classify(pcell *c, int header_phase)
{
    const char *t = c->text;
    if (t[0] == '-' && t[1] == ' ')
        t += 2;     /* a list item's marker */
    int year;
    c->lower = first_cat(t) == UTF8PROC_CATEGORY_LL;
    int p[4], roman, letter;
    if (code_parts(t, p, &roman, &letter) && !strchr(t, ' '))
        c->kind = C_CODE;
    else if (header_phase == 2 && header_of(t, &year))
        c->kind = C_HDR;
    else if (header_phase == 1 && header_of(t, &year) && !is_due(t) && !is_num(t))
        c->kind = C_HDR;
    else if (year_label(t) && is_num(t))
        c->kind = C_NUM;    /* "Năm 2026: 60% Năm 2027: 80%": targets by year */
    else if (is_due(t))
        c->kind = C_DUE;
    else if (is_num(t))
        c->kind = C_NUM;
    else if ((starts_with(t, UNIT_HEADS) && !starts_with(t, NOT_UNITS)) || !strncmp(t, "Chủ trì:", 10) ||
             !strncmp(t, "Phối hợp:", 11))
        c->kind = C_UNIT;
    else if (starts_with(t, FUND_HEADS) && nwords(t) <= 10)
        c->kind = C_FUND;
    else if (nwords(t) <= 2 && strlen(t) <= 12 && !strpbrk(t, "0123456789"))
        c->kind = C_WORD;
    else
        c->kind = C_TEXT;
}

/* Clean copy of S (N bytes), each '\n'-separated paragraph on its own. */
static char *clean_paras(const char *s, size_t n)
{
    buf b;
    buf_init(&b, DOC_MAX_CELL);
    for (const char *p = s, *e = s + n; p < e;) {
        const char *q = memchr(p, '\n', (size_t)(e - p));
        if (!q)
            q = e;
        char *t = text_clean_n(p, (size_t)(q - p));
        if (!t) {
            buf_release(&b);
            return NULL;
        }
        if (*t && b.len)
            buf_addc(&b, '\n');
        buf_adds(&b, t);
        free(t);
        p = q + 1;
    }
    if (buf_failed(&b)) {
        buf_release(&b);
        return NULL;
    }
    char *r = b.len ? buf_detach(&b) : text_dup("");
    buf_release(&b);
    return r;
}

static int add_cell(ptab *T, const char *s, size_t n, int page, int line)
{
    char *t = clean_paras(s, n);
    if (!t)
        return -1;
    if (!*t) {
        free(t);
        return 0;
    }
    if (T->nc == PP_MAX_CELLS) {    /* the region ends here (gather stops) */
        T->full = 1;
        free(t);
        return 0;
    }
    if (T->nc == T->capc) {
        size_t cap = T->capc ? T->capc * 2 : 64;
        if (cap > PP_MAX_CELLS)
            cap = PP_MAX_CELLS;
        pcell *c = realloc(T->c, cap * sizeof *c);
        if (!c) {
            free(t);
            return -1;
        }
        T->c = c, T->capc = cap;
    }
    pcell *c = &T->c[T->nc++];
    memset(c, 0, sizeof *c);
    c->text = t;
    c->page = page;
    c->line = line;
    return 0;
}

/* A line that ends the table region. */
static int region_end(const pdf_plain_line *l)
{
    const char *s = skip_sp(l->s, l->s + l->n), *e = l->s + l->n;
    size_t n = (size_t)(e - s);
    static const char *const ends[] = {"Nơi nhận", "Phụ lục", "PHỤ LỤC", "KT.", "TM.", "(Kèm theo", NULL};
    char *t = text_clean_n(s, n);
    int yes = !t || starts_with(t, ends) || cps(s, n) >= PP_PROSE_LINE || (all_caps(s, n) && n >= 30);
    free(t);
    return yes;
}

static size_t block_lines(const char *s, size_t n, const char **ls, size_t *ln, size_t max);

/* Three header cells side by side, the third narrow ("Thời" / "Kết quả,
 * Ghi" / "gian thực" / "sản phẩm chú" / "hiện"): the odd lines are the
 * first cell ("Thời gian thực hiện"), the even lines the second
 * ("Kết quả, sản phẩm") with the third's words at their ends ("Ghi chú").
 * Added as three header cells when each reads as a header; 1 when done, 0
 * when the block is no such thing, -1 out of memory. */
static int add_header3(ptab *T, const char *s, size_t n, int page, int line)
{
    const char *ls[8];
    size_t ln[8], k = block_lines(s, n, ls, ln, 8);
    if (k < 4 || k > 7)
        return 0;
    buf a, b, c;
    buf_init(&a, DOC_MAX_CELL);
    buf_init(&b, DOC_MAX_CELL);
    buf_init(&c, DOC_MAX_CELL);
    int ok = 1;
    for (size_t j = 0; j < k && ok; j++) {
        const char *e = ls[j] + ln[j], *w = e;
        while (w > ls[j] && w[-1] != ' ')
            w--;
        if (j % 2 == 0) {
            buf_addc(&a, ' ');
            buf_add(&a, ls[j], ln[j]);
            continue;
        }
        if (!(ok = w > ls[j]))     /* two words at least: the second cell's and the third's */
            break;
        buf_addc(&b, ' ');
        buf_add(&b, ls[j], (size_t)(w - 1 - ls[j]));
        buf_addc(&c, ' ');
        buf_add(&c, w, (size_t)(e - w));
    }
    int rc = -1;
    if (buf_failed(&a) || buf_failed(&b) || buf_failed(&c))
        goto out;
    rc = 0;
    if (!ok)
        goto out;
    char *x = text_clean_n(a.ptr, a.len), *y = text_clean_n(b.ptr, b.len), *z = text_clean_n(c.ptr, c.len);
    int yr, hdr = x && y && z && header_of(x, &yr) && header_of(y, &yr) && header_of(z, &yr);
    rc = !x || !y || !z ? -1 : hdr;
    free(x);
    free(y);
    free(z);
    if (rc == 1 && (add_cell(T, a.ptr, a.len, page, line) || add_cell(T, b.ptr, b.len, page, line) ||
                    add_cell(T, c.ptr, c.len, page, line)))
        rc = -1;
out:
    buf_release(&a);
    buf_release(&b);
    buf_release(&c);
    return rc;
}

/* Cut line L into header cells: before a capitalised word that starts a
 * header phrase when the words before it read as one too. */
static int add_header_line(ptab *T, const char *s, size_t n, int page, int line)
{
    int r3 = add_header3(T, s, n, page, line);
    if (r3)
        return r3 < 0 ? -1 : 0;
    /* "Cơ quan Cơ quan" / "chủ trì" / "phối hợp": two header cells side by
     * side, their first words on one line, their other lines alternating */
    const char *nl = memchr(s, '\n', n);
    size_t first = nl ? (size_t)(nl - s) : n;
    if (nl && first % 2 == 1 && s[first / 2] == ' ' && !memcmp(s, s + first / 2 + 1, first / 2)) {
        buf a, b;
        buf_init(&a, DOC_MAX_CELL);
        buf_init(&b, DOC_MAX_CELL);
        buf_add(&a, s, first / 2);
        buf_add(&b, s, first / 2);
        int k = 0;
        for (const char *p = nl + 1, *e = s + n; p < e; k++) {
            const char *q = memchr(p, '\n', (size_t)(e - p));
            if (!q)
                q = e;
            buf_addc(k % 2 ? &b : &a, ' ');
            buf_add(k % 2 ? &b : &a, p, (size_t)(q - p));
            p = q + 1;
        }
        int rc = buf_failed(&a) || buf_failed(&b) || add_cell(T, a.ptr, a.len, page, line) ||
                 add_cell(T, b.ptr, b.len, page, line) ? -1 : 0;
        buf_release(&a);
        buf_release(&b);
        return rc;
    }
    /* "Kết quả" / "Thời hạn" / "thực hiện" / "hoàn" / "năm" / "thành": two
     * header cells whose lines alternate (the first two lines start header
     * phrases, the others only continue) */
    if (nl) {
        const char *l2 = nl + 1, *e = s + n;
        const char *nl2 = memchr(l2, '\n', (size_t)(e - l2));
        char *a = text_clean_n(s, first), *b = text_clean_n(l2, nl2 ? (size_t)(nl2 - l2) : (size_t)(e - l2));
        int y, alt = a && b && nl2 && header_of(a, &y) && header_of(b, &y);
        for (const char *p = nl2 ? nl2 + 1 : e; alt && p < e;) {
            const char *q = memchr(p, '\n', (size_t)(e - p));
            if (!q)
                q = e;
            alt = first_cat(p) != UTF8PROC_CATEGORY_LU;
            p = q + 1;
        }
        free(a);
        free(b);
        if (alt) {
            buf x, z;
            buf_init(&x, DOC_MAX_CELL);
            buf_init(&z, DOC_MAX_CELL);
            int k = 0;
            for (const char *p = s; p < e; k++) {
                const char *q = memchr(p, '\n', (size_t)(e - p));
                if (!q)
                    q = e;
                buf_addc(k % 2 ? &z : &x, ' ');
                buf_add(k % 2 ? &z : &x, p, (size_t)(q - p));
                p = q + 1;
            }
            int rc = buf_failed(&x) || buf_failed(&z) || add_cell(T, x.ptr, x.len, page, line) ||
                     add_cell(T, z.ptr, z.len, page, line) ? -1 : 0;
            buf_release(&x);
            buf_release(&z);
            return rc;
        }
    }
    char *t = text_clean_n(s, n);
    if (!t)
        return -1;
    const char *start = t;
    for (char *p = t; *p; p++) {
        if (p == t || p[-1] != ' ' || first_cat(p) != UTF8PROC_CATEGORY_LU)
            continue;
        int y;
        char *head = text_clean_n(start, (size_t)(p - start));
        /* the next one or two words */
        const char *q = strchr(p, ' ');
        if (q)
            q = strchr(q + 1, ' ');
        char *next = text_clean_n(p, q ? (size_t)(q - p) : strlen(p));
        int cut = head && next && header_of(head, &y) && header_of(next, &y);
        if (cut && strncmp(head, "Chỉ tiêu", 9) == 0 && strncmp(next, "Năm", 4) == 0)
            cut = 0;
        free(next);
        if (cut && add_cell(T, start, (size_t)(p - 1 - start), page, line)) {
            free(head);
            free(t);
            return -1;
        }
        free(head);
        if (cut)
            start = p;
    }
    int rc = add_cell(T, start, strlen(start), page, line);
    free(t);
    return rc;
}

/* The first line of the region whose header line is H: pdftotext may print
 * the right-hand columns of a page (header cells and body cells) before the
 * "STT" line, so the region goes back over the short lines before it up to
 * a title, the appendix's "(Kèm theo …)", a line ending in ':' or a prose
 * line. */
static size_t region_start(const pdf_plain_line *v, size_t h)
{
    size_t j = h;
    while (j > 0 && h - j < 400) {
        const pdf_plain_line *l = &v[j - 1];
        const char *s = skip_sp(l->s, l->s + l->n), *e = l->s + l->n;
        while (e > s && (e[-1] == ' ' || e[-1] == '\r'))
            e--;
        /* a line ending in ':' introduces the table ("… như sau:"), unless
         * short and in lower case after a short line: a name wrapped in a
         * cell ("Số hóa dữ liệu …," / "gồm:"), not a paragraph's last line */
        int wrapped = first_cat(s) == UTF8PROC_CATEGORY_LL && cps(s, (size_t)(e - s)) < 40 && j >= 2 &&
                      cps(v[j - 2].s, v[j - 2].n) < 60;
        int colon = e > s && e[-1] == ':' && !wrapped;
        if (s < e && (region_end(l) || colon || (e[-1] == '.' && e - s > 40) ||
                      (e - s >= 12 && all_caps(s, (size_t)(e - s)) && !memchr(s, '/', (size_t)(e - s)))))
            break;
        j--;
    }
    while (j < h && skip_sp(v[j].s, v[j].s + v[j].n) == v[j].s + v[j].n)
        j++;
    /* only when those lines hold body cells (a value, due phrase or unit),
     * read line by line and block by block (a cell wrapped over lines:
     * "Quý" / "II/2026"): a title line alone before "STT" stays a paragraph */
    for (size_t i = j; i < h; i++) {
        char *t = text_clean_n(v[i].s, v[i].n);
        int y;
        const char *hr = t && *t ? header_of(t, &y) : NULL;
        /* or a group column's header ("Lĩnh vực"): the left-most column, printed first */
        int body = t && *t && (is_num(t) || is_due(t) || starts_with(t, UNIT_HEADS) || (hr && !strcmp(hr, "group")));
        free(t);
        if (body)
            return j;
    }
    for (size_t i = j, k; i < h; i = k + 1) {
        buf b;
        buf_init(&b, DOC_MAX_CELL);
        for (k = i; k < h && skip_sp(v[k].s, v[k].s + v[k].n) < v[k].s + v[k].n; k++) {
            if (b.len)
                buf_addc(&b, ' ');
            buf_add(&b, v[k].s, v[k].n);
        }
        char *t = k > i + 1 && !buf_failed(&b) ? text_clean_n(b.ptr, b.len) : NULL;
        int body = t && *t && (is_num(t) || is_due(t));
        free(t);
        buf_release(&b);
        if (body)
            return j;
    }
    return h;
}

/* Drop the paragraphs at the end of D from line V[START] on: the text
 * reader read them before the table's header, the table takes them; and
 * the region's first lines from the end of the paragraph before, when the
 * reader joined them to it ("(Kèm theo …)" / "Năm" / "2026"). */
static void drop_paras(doc *d, const pdf_plain_line *v, size_t start, size_t h)
{
    while (d->n && d->blocks[d->n - 1].kind == DOC_PARA && d->blocks[d->n - 1].line >= v[start].no) {
        free(d->blocks[d->n - 1].text);
        d->n--;
    }
    if (!d->n || d->blocks[d->n - 1].kind != DOC_PARA || start >= h)
        return;
    size_t k = start;
    while (k < h && k - start < 16 && skip_sp(v[k].s, v[k].s + v[k].n) < v[k].s + v[k].n)
        k++;
    char *text = d->blocks[d->n - 1].text;
    for (; k > start; k--) {    /* the longest run of those lines the paragraph ends with */
        buf b;
        buf_init(&b, DOC_MAX_CELL);
        for (size_t i = start; i < k; i++) {
            buf_addc(&b, ' ');
            buf_add(&b, v[i].s, v[i].n);
        }
        char *tail = buf_failed(&b) ? NULL : text_clean_n(b.ptr, b.len);
        buf_release(&b);
        size_t tn = tail ? strlen(tail) : 0, n = strlen(text);
        int cut = tn && n > tn + 1 && text[n - tn - 1] == ' ' && !strcmp(text + n - tn, tail);
        free(tail);
        if (cut) {
            text[n - tn - 1] = 0;
            return;
        }
    }
}

int pdf_plain_head(const pdf_plain_line *l)
{
    const char *s = skip_sp(l->s, l->s + l->n), *e = l->s + l->n;
    static const char *const stt[] = {"STT", "Stt", "TT", "Số TT", NULL};
    char *t = text_clean_n(s, (size_t)(e - s));
    int yes = t && starts_with(t, stt) && !strchr(t, ':');
    if (yes && strchr(t, ' ')) { /* "STT Nhiệm vụ": a header word follows */
        int y;
        const char *rest = strchr(t, ' ') + 1;
        if (!strncmp(t, "Số TT", 6))
            rest = t[6] ? t + 7 : "";
        yes = *rest == 0 || header_of(rest, &y) != NULL;
    }
    free(t);
    return yes;
}

/* Length of the row code that leads clean line T ("1.1. Tỷ lệ …", "2.
 * Chính quyền số", "II. Kinh tế số"), the code then a blank then a word in
 * title case; 0 if none. *CLEN is the code's length without its last dot. */
static size_t code_led(const char *t, size_t *clen)
{
    const char *sp = strchr(t, ' ');
    if (!sp || sp == t || sp - t > 12 || first_cat(sp + 1) != UTF8PROC_CATEGORY_LU)
        return 0;
    char code[16];
    memcpy(code, t, (size_t)(sp - t));
    code[sp - t] = 0;
    int p[4], roman, letter;
    if (!code_parts(code, p, &roman, &letter) || letter)
        return 0;
    size_t n = (size_t)(sp - t);
    /* "1.1." or "1." or "II.": a plain number needs its dot ("3 tháng" is a
     * phrase, "1. Hạ tầng" an item) */
    if (t[n - 1] != '.' && !strchr(code, '.'))
        return 0;
    if (!strcmp(code, "4.0"))
        return 0;
    *clen = n - (t[n - 1] == '.');
    return n;
}

int pdf_plain_bare(const pdf_plain_line *v, size_t count, size_t h)
{
    if (h >= count || pdf_plain_head(&v[h]))
        return 0;
    const pdf_plain_line *l = &v[h];
    const char *s = skip_sp(l->s, l->s + l->n);
    char *t = text_clean_n(s, (size_t)(l->s + l->n - s));
    int y;
    const char *role = t && nwords(t) <= 6 ? header_of(t, &y) : NULL;
    free(t);
    if (!role || strcmp(role, "name"))
        return 0;
    /* the header cells of other columns, then the first row: "1" / "1.1" /
     * "I", leading its name; a "STT" line first leaves it to that reader */
    int heads = 0, lines = 0;
    for (size_t i = h + 1; i < count && lines < 24; i++) {
        l = &v[i];
        s = skip_sp(l->s, l->s + l->n);
        if (s == l->s + l->n)
            continue;
        lines++;
        if (pdf_plain_head(l) || region_end(l))
            return 0;
        t = text_clean_n(s, (size_t)(l->s + l->n - s));
        if (!t)
            return 0;
        size_t clen;
        if (code_led(t, &clen)) {
            int first = (clen == 1 && (t[0] == '1' || t[0] == 'I')) || (clen == 3 && !strncmp(t, "1.1", 3));
            free(t);
            return first && heads >= 2;
        }
        const char *r = header_of(t, &y);
        heads += r && strcmp(r, "name") && strcmp(r, "code");
        free(t);
    }
    return 0;
}

/* Line S..E starts a new cell: a word in title case ("Phòng", "Tối"), not
 * an acronym ("HĐND và") nor a continuation in lower case. */
static int starts_cell(const char *s, const char *e)
{
    utf8proc_int32_t c1 = 0, c2 = 0;
    utf8proc_ssize_t k = s < e ? utf8proc_iterate((const utf8proc_uint8_t *)s, e - s, &c1) : -1;
    if (k <= 0 || utf8proc_category(c1) != UTF8PROC_CATEGORY_LU)
        return 0;
    if (s + k < e && utf8proc_iterate((const utf8proc_uint8_t *)s + k, e - s - k, &c2) > 0)
        return utf8proc_category(c2) == UTF8PROC_CATEGORY_LL;
    return 1;
}

/* Byte offset in line S..E where a second cell glued to the first starts:
 * a unit's head word in title case after a lower-case word that is no
 * joining word ("… sổ liên Phòng Văn hóa", "Phòng Kinh tế Các thôn"); 0 if
 * none. */
static size_t glued_at(const char *s, const char *e)
{
    static const char *const joins[] = {"và", "với", "của", "tại", "cho", "các", "-", "thuộc", NULL};
    for (const char *p = s + 1; p < e; p++) {
        if (p[-1] != ' ' || !starts_cell(p, e))
            continue;
        char *w = text_clean_n(p, (size_t)(e - p));
        int unit = w && starts_with(w, GLUE_HEADS);
        free(w);
        if (!unit)
            continue;
        const char *q = p - 1;
        while (q > s && q[-1] != ' ')
            q--;
        char *prev = text_clean_n(q, (size_t)(p - 1 - q));
        int ok = prev && *prev && first_cat(prev) == UTF8PROC_CATEGORY_LL && !starts_with(prev, joins) &&
                 !strchr(";,:", prev[strlen(prev) - 1]);
        free(prev);
        if (ok)
            return (size_t)(p - s);
    }
    return 0;
}

/* T (clean) ends in a word that needs another after it ("và", "các",
 * "-"): a cell never ends so. */
static int dangling(const char *t)
{
    static const char *const w[] = {"và", "với", "của", "tại", "cho", "các", "-", "thuộc", "hoặc", "những", "về", NULL};
    size_t n = strlen(t);
    for (size_t i = 0; w[i]; i++) {
        size_t m = strlen(w[i]);
        if (n > m && !strcmp(t + n - m, w[i]) && t[n - m - 1] == ' ')
            return 1;
    }
    return 0;
}

/* Add the two cells whose lines pdftotext interleaved: the lines of A are
 * LINES[0], [2], … and of B [1], [3], …; when FIRST_CUT, line 0 holds both
 * first lines, cut at byte FIRST_CUT. Returns 1 when added (the split reads
 * as a unit, value, due or funding beside the other cell), 0 when not, -1. */
static int add_split(ptab *T, const char *const *ls, const size_t *ln, size_t n, size_t first_cut,
                     int page, int line)
{
    buf x, z;
    buf_init(&x, DOC_MAX_CELL);
    buf_init(&z, DOC_MAX_CELL);
    size_t k = 0;
    if (first_cut) {
        buf_add(&x, ls[0], first_cut);
        buf_addc(&z, ' ');
        buf_add(&z, ls[0] + first_cut, ln[0] - first_cut);
        k = 1;
    }
    for (size_t j = k; j < n; j++) {
        buf *d = (j - k) % 2 == 1 ? &z : &x;
        buf_addc(d, ' ');
        buf_add(d, ls[j], ln[j]);
    }
    int rc = -1;
    if (buf_failed(&x) || buf_failed(&z))
        goto out;
    pcell a = {0}, b = {0};
    a.text = text_clean_n(x.ptr, x.len);
    b.text = text_clean_n(z.ptr, z.len);
    if (!a.text || !b.text) {
        free(a.text);
        free(b.text);
        goto out;
    }
    classify(&a, 0);
    classify(&b, 0);
    rc = 0;
    /* a half ending in a word that needs one after it ("Mặt trận các" of
     * "Ban công tác" / "Mặt trận các" / "thôn, làng") is no cell: one
     * cell whose second line starts in title case */
    if (dangling(a.text) || dangling(b.text)) {
        free(a.text);
        free(b.text);
        goto out;
    }
    /* the cell line 1 starts reads as a unit, value, due or funding, or as
     * a name (five words or more) beside a unit */
    int b_ok = b.kind == C_UNIT || b.kind == C_NUM || b.kind == C_DUE || b.kind == C_FUND ||
               (b.kind == C_TEXT && a.kind == C_UNIT && nwords(b.text) >= 5);
    /* a name before the unit, value or due beside it, as a row reads */
    pcell *first = b.kind == C_TEXT && a.kind != C_TEXT ? &b : &a, *second = first == &a ? &b : &a;
    /* two units: their lines alternate, or one is named whole elsewhere
     * and its lines fall otherwise ("Văn phòng" / "Phòng Văn hóa HĐND và" /
     * "Xã hội" / "UBND phường"); unglue() decides, the table read */
    if (*a.text && *b.text && !first_cut && a.kind == C_UNIT && b.kind == C_UNIT) {
        buf raw;
        buf_init(&raw, DOC_MAX_CELL);
        for (size_t j = 0; j < n; j++) {
            if (j)
                buf_addc(&raw, '\n');
            buf_add(&raw, ls[j], ln[j]);
        }
        size_t nc0 = T->nc;
        rc = buf_failed(&raw) || add_cell(T, raw.ptr, raw.len, page, line) ? -1 : 1;
        if (rc > 0 && T->nc > nc0) {
            T->c[T->nc - 1].raw = buf_detach(&raw);
            T->c[T->nc - 1].alt = 1;
            if (!T->c[T->nc - 1].raw)
                rc = -1;
        }
        buf_release(&raw);
    } else if (*a.text && *b.text && b_ok && a.kind != C_CODE)
        rc = add_cell(T, first->text, strlen(first->text), page, line) ||
                     add_cell(T, second->text, strlen(second->text), page, line)
                 ? -1 : 1;
    free(a.text);
    free(b.text);
out:
    buf_release(&x);
    buf_release(&z);
    return rc;
}

/* A dotted row code ("1.2", "3.10") standing as a word inside a line of
 * other text, where pdftotext put the code column on the line of the cells
 * beside it ("… thủ tục Quy trình nội 1.1 hành chính …"): its offset in
 * S..E and length, or 0. Not "4.0" (a version), not the line's only word. */
static size_t inner_code(const char *s, const char *e, size_t *len)
{
    for (const char *p = s; p < e; p++) {
        if ((p > s && p[-1] != ' ') || *p < '1' || *p > '9')
            continue;
        const char *q = p;
        int dots = 0, ok = 1;
        while (q < e && *q != ' ') {
            if (*q == '.')
                dots++, ok &= q + 1 < e && q[1] >= '0' && q[1] <= '9' && q[1] != '0';
            else if (*q < '0' || *q > '9')
                ok = 0;
            q++;
        }
        if (ok && dots >= 1 && dots <= 3 && q - p <= 8 && (p > s || q < e)) {
            *len = (size_t)(q - p);
            return (size_t)(p - s) + 1;   /* 1-based: 0 means none */
        }
        p = q;
    }
    return 0;
}

static int add_block(ptab *T, const char *s, size_t n, int page, int line, int header);

/* The last word of line S..E (trailing blanks skipped): its start. */
static const char *last_word(const char *s, const char *e)
{
    while (e > s && (e[-1] == ' ' || e[-1] == '\r'))
        e--;
    const char *w = e;
    while (w > s && w[-1] != ' ')
        w--;
    return w;
}

/* A due's date as the word W..E: "10/2026", "III/2026", "xuyên" after
 * "Thường" (HEAD). */
static int due_tail(const char *head, const char *w, const char *e)
{
    while (e > w && (e[-1] == ' ' || e[-1] == '\r'))
        e--;
    size_t n = (size_t)(e - w);
    if (!strcmp(head, "Thường"))
        return n == 6 && !memcmp(w, "xuyên", 6);
    const char *sl = memchr(w, '/', n);
    if (!sl || e - sl != 5 || strspn(sl + 1, "0123456789") < 4 || sl[1] != '2')
        return 0;
    for (const char *p = w; p < sl; p++)
        if (!((*p >= '0' && *p <= '9') || *p == 'I' || *p == 'V' || *p == 'X'))
            return 0;
    return sl > w && sl - w <= 4;
}

/* The lines of block S (N bytes, '\n' between) into LS/LN, at most MAX;
 * their count returned (MAX when there were MAX or more). */
static size_t block_lines(const char *s, size_t n, const char **ls, size_t *ln, size_t max)
{
    size_t k = 0;
    for (const char *p = s, *e = s + n; p < e && k < max;) {
        const char *q = memchr(p, '\n', (size_t)(e - p));
        if (!q)
            q = e;
        ls[k] = p;
        ln[k++] = (size_t)(q - p);
        p = q + 1;
    }
    return k;
}

/* Block S (N bytes) has a line, not its first, that opens with a target
 * ("Đạt 100%", "Tối thiểu 4") and goes on in lower case ("Đạt 100% vụ
 * hành chính": the target cell beside two others, glued at the head of a
 * line of theirs): add the rest as a block, then the target. 1 when done,
 * 0 when no such line, -1 out of memory. */
static int split_target(ptab *T, const char *s, size_t n, int page, int line)
{
    static const char *const ops[] = {"Đạt", "Tối thiểu", "Trên", "Dưới", "Không dưới", "Ít nhất", "≥", NULL};
    const char *ls[16];
    size_t ln[16], k = block_lines(s, n, ls, ln, 16);
    if (k < 3 || k == 16)
        return 0;
    for (size_t i = 1; i < k; i++) {
        const char *p = skip_sp(ls[i], ls[i] + ln[i]), *e = ls[i] + ln[i];
        size_t ol = 0;
        for (size_t o = 0; ops[o]; o++) {
            size_t m = strlen(ops[o]);
            if ((size_t)(e - p) > m && !memcmp(p, ops[o], m) && p[m] == ' ')
                ol = m + 1;
        }
        if (!ol || p + ol >= e || p[ol] < '0' || p[ol] > '9')
            continue;
        const char *q = p + ol;
        while (q < e && ((*q >= '0' && *q <= '9') || *q == '.' || *q == ',' || *q == '%'))
            q++;
        if (q >= e || *q != ' ' || first_cat(skip_sp(q, e)) != UTF8PROC_CATEGORY_LL)
            continue;
        buf rest;
        buf_init(&rest, DOC_MAX_CELL);
        for (size_t m = 0; m < k; m++) {
            const char *a = m == i ? skip_sp(q, e) : ls[m], *b = ls[m] + ln[m];
            if (rest.len)
                buf_addc(&rest, '\n');
            buf_add(&rest, a, (size_t)(b - a));
        }
        int rc = buf_failed(&rest) || add_block(T, rest.ptr, rest.len, page, line, 0) ||
                 add_cell(T, p, (size_t)(q - p), page, line) ? -1 : 1;
        buf_release(&rest);
        return rc;
    }
    return 0;
}

/* Block S (N bytes, lines joined by '\n') holds a due phrase whose head
 * ("Quý", "Tháng", "Thường") ends one line and whose date ("III/2026",
 * "10/2026", "xuyên") ends the next or the one after, with other text
 * around: add the rest as a block, then the due phrase. 1 when done, 0
 * when the block is no such thing, -1 out of memory. */
static int split_due(ptab *T, const char *s, size_t n, int page, int line)
{
    static const char *const heads[] = {"Quý", "Tháng", "Thường"};
    const char *ls[16];
    size_t ln[16], k = block_lines(s, n, ls, ln, 16);
    if (k < 2 || k == 16)
        return 0;
    char *whole = text_clean_n(s, n);
    if (!whole)
        return -1;
    int is_whole_due = starts_with(whole, DUE_HEADS) && is_due(whole);     /* "Quý" / "III/2026" */
    free(whole);
    if (is_whole_due)
        return 0;
    for (size_t i = 0; i + 1 < k; i++) {
        const char *hw = last_word(ls[i], ls[i] + ln[i]);
        const char *he = ls[i] + ln[i];
        while (he > hw && (he[-1] == ' ' || he[-1] == '\r'))
            he--;
        const char *head = NULL;
        for (size_t h = 0; h < 3; h++)
            if ((size_t)(he - hw) == strlen(heads[h]) && !memcmp(hw, heads[h], strlen(heads[h])))
                head = heads[h];
        if (!head)
            continue;
        for (size_t j = i + 1; j < k && j <= i + 2; j++) {
            const char *tw = last_word(ls[j], ls[j] + ln[j]);
            if (!due_tail(head, tw, ls[j] + ln[j]))
                continue;
            /* the rest: every line, less the head and the date */
            buf rest, due;
            buf_init(&rest, DOC_MAX_CELL);
            buf_init(&due, 64);
            for (size_t m = 0; m < k; m++) {
                size_t len = m == i ? (size_t)(hw - ls[m]) : m == j ? (size_t)(tw - ls[m]) : ln[m];
                const char *a = ls[m], *b = skip_sp(a, a + len);
                if (b == a + len)
                    continue;
                if (rest.len)
                    buf_addc(&rest, '\n');
                buf_add(&rest, a, len);
            }
            buf_add(&due, hw, (size_t)(he - hw));
            buf_addc(&due, ' ');
            buf_add(&due, tw, (size_t)(ls[j] + ln[j] - tw));
            int rc = -1;
            if (!buf_failed(&rest) && !buf_failed(&due)) {
                char *d = text_clean_n(due.ptr, due.len);
                rc = !d ? -1 : !rest.len || !is_due(d) ? 0
                     : add_block(T, rest.ptr, rest.len, page, line, 0) || add_cell(T, d, strlen(d), page, line) ? -1 : 1;
                free(d);
            }
            buf_release(&rest);
            buf_release(&due);
            if (rc)
                return rc;
        }
    }
    return 0;
}

/* Targets labelled by year ("Năm 2026:" / "60%" / "Năm 2027:" / "80%")
 * in block S (N bytes): a label whose year was labelled before in the block
 * starts another row's cell ("… Năm 2027:" / "95%" / "Năm 2026:" / "05
 * điểm"), and a label ending a line of other words ("… kết nối Internet
 * Năm 2027:" / "08 điểm") starts a cell glued to that text: the block is
 * cut there (the text first). 1 when cut, 0 when not, -1 out of memory. */
static int split_years(ptab *T, const char *s, size_t n, int page, int line)
{
    int seen[8], ns = 0;
    for (const char *p = s, *e = s + n; p < e;) {
        const char *q = memchr(p, '\n', (size_t)(e - p));
        if (!q)
            q = e;
        const char *t = skip_sp(p, q);
        size_t lab = q - t >= 10 ? year_label(t) : 0;
        int y = lab ? atoi(t + 5) : 0;
        int again = 0;
        for (int k = 0; k < ns; k++)
            again |= seen[k] == y;
        if (lab && again && t > s) {     /* a year labelled again: another row's cell */
            size_t at = (size_t)(p - s);
            return add_block(T, s, at - 1, page, line, 0) || add_block(T, p, n - at, page, line, 0) ? -1 : 1;
        }
        if (lab && ns < 8)
            seen[ns++] = y;
        /* "… Internet Năm 2027:" then a value line: the label and the value are a cell */
        const char *w = q;
        while (w > t && w[-1] != ' ')
            w--;
        if (w > t + 1 && q - w == 5 && q[-1] == ':' && w - t >= 6 && !strncmp(w - 5, "Năm ", 5) && q < e) {
            const char *lab0 = w - 5;
            int yy = 0, m = 0;
            if (sscanf(lab0 + 5, "%4d:%n", &yy, &m) == 1 && m == 5 && yy >= 2000 && yy <= 2100 && lab0 > t) {
                size_t at = (size_t)(lab0 - s);
                return add_block(T, s, at, page, line, 0) || add_block(T, lab0, n - at, page, line, 0) ? -1 : 1;
            }
        }
        p = q + 1;
    }
    return 0;
}

/* One block of lines (joined by '\n') into cells: header cells, two cells
 * pdftotext interleaved or glued, or one cell. */
static int add_block(ptab *T, const char *s, size_t n, int page, int line, int header)
{
    if (header)
        return add_header_line(T, s, n, page, line);
    /* a lone "%" ending a line after a word (not a number): the ĐVT cell
     * beside a name, on one of its lines ("… an ninh kết %" / "nối …") */
    for (const char *p = s, *e = s + n; p < e;) {
        const char *q = memchr(p, '\n', (size_t)(e - p));
        if (!q)
            q = e;
        int alone = q - p == 1 && *p == '%' && (p > s || q < e);     /* a line "%" inside a block */
        if (alone || (q - p >= 4 && q[-1] == '%' && q[-2] == ' ' && !(q[-3] >= '0' && q[-3] <= '9') && q + 1 < e)) {
            char *rest = malloc(n + 1);
            if (!rest)
                return -1;
            size_t k = (size_t)(q - (alone ? 1 : 2) - s), cut = 2;
            if (alone && q == e && k > 0)
                k--;    /* the '\n' before a last line "%" */
            memcpy(rest, s, k);
            memcpy(rest + k, s + k + cut, n - k - cut);
            int rc = add_block(T, rest, n - cut, page, line, 0);
            free(rest);
            return rc || add_cell(T, "%", 1, page, line) ? -1 : 0;   /* after the block: the name comes first */
        }
        p = q + 1;
    }
    /* a row code inside a line: the code first, then the block without it */
    for (const char *p = s, *e = s + n; p < e;) {
        const char *q = memchr(p, '\n', (size_t)(e - p));
        if (!q)
            q = e;
        size_t len, at = inner_code(p, q, &len);
        if (at) {
            const char *c = p + at - 1;
            char *rest = malloc(n + 1);
            if (!rest || add_cell(T, c, len, page, line)) {
                free(rest);
                return -1;
            }
            size_t k = (size_t)(c - s);
            memcpy(rest, s, k);
            memcpy(rest + k, c + len, n - k - len);
            int rc = add_block(T, rest, n - len, page, line, 0);
            free(rest);
            return rc;
        }
        p = q + 1;
    }
    /* a due phrase whose two words pdftotext printed on different lines
     * of a block beside another cell ("Báo cáo rà soát Tháng" / "vùng lõm
     * sóng 10/2026", "Các lớp" / "đào tạo" / "Quý" / "Báo cáo kết" /
     * "III/2026" / "quả"): the rest first, then the due phrase */
    int rc = split_due(T, s, n, page, line);
    if (!rc)
        rc = split_years(T, s, n, page, line);
    if (!rc)
        rc = split_target(T, s, n, page, line);
    if (rc)
        return rc < 0 ? -1 : 0;
    const char *ls[16] = {0};
    size_t ln[16] = {0}, k = block_lines(s, n, ls, ln, 16);
    if (k < 16) {
        size_t g = glued_at(ls[0], ls[0] + ln[0]);
        int cont = 1;   /* every line after the first two continues a cell */
        for (size_t j = 2; j < k; j++)
            cont &= !starts_cell(ls[j], ls[j] + ln[j]);
        int r = 0;
        if (g && k == 1 && starts_with(ls[0], UNIT_HEADS))
            r = add_split(T, ls, ln, k, g, page, line);     /* "Phòng Kinh tế Các thôn" */
        else if (g && k >= 2 && cont && !starts_cell(ls[1], ls[1] + ln[1]))
            r = add_split(T, ls, ln, k, g, page, line);     /* "… sổ liên Phòng Văn hóa" / "lạc điện tử" / "- Xã hội" */
        else if (!g && k >= 3 && cont && starts_cell(ls[1], ls[1] + ln[1]) && !strchr(";,", ls[0][ln[0] - 1]))
            r = add_split(T, ls, ln, k, 0, page, line);     /* "Trung tâm Phục" / "Các phòng" / "vụ hành chính" … */
        if (r)
            return r < 0 ? -1 : 0;
    }
    /* lines join with a blank; a line starting with a bullet (Word's
     * symbol-font U+F0B7, "•") is a list item: "- ", a paragraph of its own */
    buf one;
    buf_init(&one, DOC_MAX_CELL);
    for (const char *p = s, *e = s + n; p < e;) {
        const char *q = memchr(p, '\n', (size_t)(e - p));
        if (!q)
            q = e;
        const char *t = skip_sp(p, q);
        int item = (q - t >= 3 && (!memcmp(t, "\xef\x82\xb7", 3) || !memcmp(t, "\xe2\x80\xa2", 3)));
        if (item)
            t = skip_sp(t + 3, q);
        if (one.len)
            buf_addc(&one, item ? '\n' : ' ');
        if (item)
            buf_adds(&one, "- ");
        buf_add(&one, t, (size_t)(q - t));
        p = q + 1;
    }
    size_t nc0 = T->nc;
    rc = buf_failed(&one) ? -1 : add_cell(T, one.ptr, one.len, page, line);
    if (!rc && T->nc > nc0 && memchr(s, '\n', n)) {    /* the lines as printed, for unglue() */
        char *raw = malloc(n + 1);
        if (!raw)
            rc = -1;
        else {
            memcpy(raw, s, n);
            raw[n] = 0;
            T->c[T->nc - 1].raw = raw;
        }
    }
    buf_release(&one);
    return rc;
}

/* Line L starts with a lower-case letter (it goes on from the line before). */
static int next_lower(const pdf_plain_line *l)
{
    const char *s = skip_sp(l->s, l->s + l->n);
    return s < l->s + l->n && first_cat(s) == UTF8PROC_CATEGORY_LL;
}

/* Gather the cells of the region from line H; returns the end line. */
/* A block as add_block() takes it; *PAIR (cleared): its first line is a
 * short word joined to the header lines after it (gather()), read as
 * three header cells side by side, else as two blocks. */
static int add_paired(ptab *T, const char *s, size_t n, int page, int line, int header, int *pair)
{
    if (!*pair)
        return add_block(T, s, n, page, line, header);
    *pair = 0;
    int r3 = add_header3(T, s, n, page, line);
    if (r3)
        return r3 < 0 ? -1 : 0;
    const char *nl = memchr(s, '\n', n);
    if (!nl)
        return add_block(T, s, n, page, line, 0);
    return add_block(T, s, (size_t)(nl - s), page, line, 0) ||
           add_header_line(T, nl + 1, n - (size_t)(nl + 1 - s), page, line + 1) ? -1 : 0;
}

static int gather(ptab *T, const pdf_plain_line *v, size_t count, size_t start, size_t h, size_t *end)
{
    size_t i;
    buf b;
    buf_init(&b, DOC_MAX_CELL);
    int rc = -1, bpage = 0, bline = 0, bhead = 0, bpair = 0;
    for (i = start; i < count; i++) {
        const pdf_plain_line *l = &v[i];
        if (i == h) { /* the header line itself */
            if (b.len && (buf_failed(&b) || add_cell(T, b.ptr, b.len, bpage, bline)))
                goto out;
            buf_reset(&b);
            if (add_header_line(T, v[h].s, v[h].n, v[h].page, v[h].no))
                goto out;
            continue;
        }
        const char *s = skip_sp(l->s, l->s + l->n), *e = l->s + l->n;
        while (e > s && (e[-1] == ' ' || e[-1] == '\r'))
            e--;
        int blank = s == e;
        int cut = blank || (b.len && l->page != bpage);
        char *t = blank ? NULL : text_clean_n(s, (size_t)(e - s));
        if (!blank && !t)
            goto out;
        /* no code column: a code leading a line ("1.1. Tỷ lệ …") is a
         * cell of its own, the rest of the line starts the next block */
        size_t clen = 0, lead = t ? code_led(t, &clen) : 0;
        /* with a code column, only a group written whole in a merged cell
         * ("I. Hạ tầng số"): a roman code with its dot */
        if (lead && !T->bare && (t[lead - 1] != '.' || !(t[0] == 'I' || t[0] == 'V' || t[0] == 'X')))
            lead = 0;
        if (lead) {
            if (b.len && (buf_failed(&b) || add_paired(T, b.ptr, b.len, bpage, bline, bhead, &bpair))) {
                free(t);
                goto out;
            }
            buf_reset(&b);
            if (add_cell(T, t, clen, l->page, l->no)) {
                free(t);
                goto out;
            }
            bpage = l->page;
            bline = l->no;
            bhead = 0;
            buf_adds(&b, t + lead + 1);
            free(t);
            continue;
        }
        int p[4], roman, letter;
        int code = t && code_parts(t, p, &roman, &letter) && !strchr(t, ' ');
        /* the cell after a code is the row's name, never a header */
        int after_code = !b.len && T->nc && T->c[T->nc - 1].text[0] && T->nc > 1 && t && all_caps(t, strlen(t)) &&
                         code_parts(T->c[T->nc - 1].text, p, &roman, &letter) && !strchr(T->c[T->nc - 1].text, ' ');
        int header = t && !after_code && header_as(t, &p[0], 0) && T->nc < 40;
        /* a code line inside a block whose next line goes on in lower case
         * ("… hộ tịch giai" / "1.2" / "đoạn 2015 - 2020"): a code centred
         * on its row; it opens the row before the block */
        if (code && b.len && i + 1 < count && v[i + 1].page == l->page) {
            const char *ns = skip_sp(v[i + 1].s, v[i + 1].s + v[i + 1].n);
            if (ns < v[i + 1].s + v[i + 1].n && first_cat(ns) == UTF8PROC_CATEGORY_LL) {
                int rc2 = add_cell(T, s, (size_t)(e - s), l->page, l->no);
                free(t);
                if (rc2)
                    goto out;
                continue;
            }
        }
        /* two header cells side by side, their lines alternating ("Kết
         * quả" / "Thời hạn" / "thực hiện" / "hoàn" …): the second header
         * line stays in the first's block when the line after it goes on in
         * lower case, so add_header_line() takes them apart */
        int paired = header && b.len && bhead && !memchr(b.ptr, '\n', b.len) && i + 1 < count &&
                     v[i + 1].page == l->page && next_lower(&v[i + 1]);
        /* a short word in title case that heads nothing ("Thời") just
         * before a header line whose next line goes on in lower case:
         * three header cells side by side ("Thời" / "Kết quả, Ghi" / "gian
         * thực" / "sản phẩm chú" / "hiện"), kept one block for
         * add_header3() (else cut as before) */
        int y0;
        if (header && b.len && !bhead && !bpair && !memchr(b.ptr, '\n', b.len) && b.len <= 12 &&
            !memchr(b.ptr, ' ', b.len) && first_cat(b.ptr) == UTF8PROC_CATEGORY_LU && i + 1 < count &&
            v[i + 1].page == l->page && next_lower(&v[i + 1]) && T->nc < 40) {
            char *w = text_clean_n(b.ptr, b.len);
            if (!w) {
                free(t);
                goto out;
            }
            paired = bpair = bhead = !header_of(w, &y0) && !is_due(w);
            free(w);
        }
        if (t && (code || !strncmp(t, "Chủ trì:", 10) || header) && !paired)
            cut = 1;
        /* a header cell whose block goes on with a line in title case
         * ("Nhiệm vụ" / "Xây dựng chuyên mục …"): the first body cell
         * printed under it with no blank line between */
        if (t && bhead && b.len && !header && !code && starts_cell(s, e) && !memchr(b.ptr, '\n', b.len))
            cut = 1;
        free(t);
        if ((!blank && i > h && region_end(l) && T->nc > 2) || T->full)
            break;
        if (cut && b.len) {
            if (buf_failed(&b) || add_paired(T, b.ptr, b.len, bpage, bline, bhead, &bpair))
                goto out;
            buf_reset(&b);
        }
        if (blank)
            continue;
        if (!b.len) {
            bpage = l->page;
            bline = l->no;
            bhead = header;
            bpair = 0;
        } else {
            buf_addc(&b, '\n');
        }
        buf_add(&b, s, (size_t)(e - s));
        if (code) { /* a code is a cell of its own */
            if (buf_failed(&b) || add_cell(T, b.ptr, b.len, bpage, bline))
                goto out;
            buf_reset(&b);
        }
    }
    if (b.len && (buf_failed(&b) || add_paired(T, b.ptr, b.len, bpage, bline, bhead, &bpair)))
        goto out;
    *end = i;
    rc = 0;
out:
    buf_release(&b);
    return rc;
}

/* ---- cells whose lines hold a unit's name among them ---- */

#define UG_LINES 16
#define UG_WORDS 24
#define UG_LEX   64

typedef struct ugline {
    char *w[UG_WORDS];      /* words of the line (point into buf) */
    size_t nw;
    char *buf;              /* owned: the clean line, split in place */
} ugline;

/* Split a clean copy of S (N bytes) into words, into *OUT (owned by the
 * caller). 0; 1 when too many words; -1 out of memory. */
static int ug_words(const char *s, size_t n, char **w, size_t *nw, char **out)
{
    *nw = 0;
    *out = text_clean_n(s, n);
    if (!*out)
        return -1;
    for (char *p = *out; *p;) {
        while (*p == ' ')
            p++;
        if (!*p)
            break;
        if (*nw == UG_WORDS)
            return 1;
        w[(*nw)++] = p;
        while (*p && *p != ' ')
            p++;
        if (*p)
            *p++ = 0;
    }
    return 0;
}

/* Pieces of U (UW[0..UM)) taken from the lines L[J..K), each a whole line or
 * a line's last words, in order: TAKE[j] words from the end of line j. */
static int ug_match(const ugline *L, size_t k, size_t j, char *const *uw, size_t um, size_t w, size_t pieces,
                    size_t *take)
{
    if (w == um)
        return pieces >= 2;
    if (j == k)
        return 0;
    size_t most = L[j].nw < um - w ? L[j].nw : um - w;
    for (size_t t = most; t >= 1; t--) {
        size_t ok = 1;
        for (size_t q = 0; q < t && ok; q++)
            ok = !strcmp(L[j].w[L[j].nw - t + q], uw[w + q]);
        if (ok) {
            take[j] = t;
            if (ug_match(L, k, j + 1, uw, um, w + t, pieces + 1, take))
                return 1;
        }
    }
    take[j] = 0;
    return ug_match(L, k, j + 1, uw, um, w, pieces, take);
}

/* Insert a cell of TEXT after cell AT (same page and line). */
static int insert_cell(ptab *T, size_t at, const char *text)
{
    if (T->nc == PP_MAX_CELLS)
        return 0;
    if (T->nc == T->capc) {
        size_t cap = T->capc * 2 < PP_MAX_CELLS ? T->capc * 2 : PP_MAX_CELLS;
        pcell *c = realloc(T->c, cap * sizeof *c);
        if (!c)
            return -1;
        T->c = c, T->capc = cap;
    }
    char *t = text_dup(text);
    if (!t)
        return -1;
    memmove(&T->c[at + 2], &T->c[at + 1], (T->nc - at - 1) * sizeof *T->c);
    T->nc++;
    pcell *c = &T->c[at + 1];
    *c = T->c[at];
    c->text = t;
    c->raw = NULL;
    return 0;
}

/* A unit's name printed beside a row's name, its lines between the name's
 * or ending them ("Lắp đặt hệ thống" / "Wi-Fi công cộng Văn phòng" / "tại
 * trụ sở UBND" / "HĐND và" / "xã và nhà văn hóa UBND xã" / "các thôn"): no
 * position tells the two apart, but the table names the same unit whole in
 * another cell. A cell of several lines from which a unit named whole
 * elsewhere (a cell starting with a unit's head, its items) can be taken
 * as two pieces or more, each a whole line or a line's last words, in
 * order, with words of the cell left after the first piece (a name that
 * merely ends with a unit keeps it), becomes the rest, then the unit. */
static int unglue(ptab *T)
{
    char *lex[UG_LEX];
    size_t nlex = 0;
    int rc = -1;
    for (size_t i = 0; i < T->nc && nlex < UG_LEX; i++) {
        const char *t = T->c[i].text;
        for (const char *p = t; *p && nlex < UG_LEX;) {
            size_t n = strcspn(p, ";\n");
            char *u = text_clean_n(p, n);
            if (!u)
                goto out;
            char *v = u + (u[0] == '-' && u[1] == ' ' ? 2 : 0);
            size_t m = strlen(v);
            while (m && strchr(".,;: ", v[m - 1]))
                v[--m] = 0;
            int dup = 0;
            for (size_t k = 0; k < nlex && !dup; k++)
                dup = !strcmp(lex[k], v);
            if (!dup && nwords(v) >= 2 && starts_with(v, UNIT_HEADS) && starts_with(t, UNIT_HEADS) && !T->c[i].alt) {
                memmove(u, v, m + 1);
                size_t at = nlex++;     /* longest first: "Văn phòng HĐND và UBND xã" before "UBND xã" */
                while (at > 0 && nwords(lex[at - 1]) < nwords(u)) {
                    lex[at] = lex[at - 1];
                    at--;
                }
                lex[at] = u;
            } else {
                free(u);
            }
            p += n;
            if (*p)
                p++;
        }
    }
    for (size_t i = 0; i < T->nc; i++) {
        pcell *c = &T->c[i];
        if (!c->raw)
            continue;
        int unit_cell = c->alt || starts_with(c->text, UNIT_HEADS);
        ugline L[UG_LINES];
        size_t k = 0;
        int ok = 1;     /* 0: not this cell; -1: out of memory */
        memset(L, 0, sizeof L);
        for (const char *p = c->raw; *p && ok > 0;) {
            size_t n = strcspn(p, "\n");
            if (k == UG_LINES) {
                ok = 0;
                break;
            }
            int r = ug_words(p, n, L[k].w, &L[k].nw, &L[k].buf);
            k++;
            ok = r < 0 ? -1 : r ? 0 : 1;
            p += n;
            if (*p)
                p++;
        }
        /* a target's words at line ends and its figure on a line of its
         * own ("Tỷ lệ cán bộ, công" / "Tối" / "chức được bồi dưỡng thiểu"
         * / "kỹ năng số" / "95%"): candidates of an operator and each
         * figure line */
        static const char *const ops[] = {"Tối thiểu", "Tối đa", "Không quá", "Không dưới", "Ít nhất", "Trên",
                                          "Dưới", "Đạt", "Từ", NULL};
        char vcand[8][64];
        size_t nv = 0;
        for (size_t j = 1; ok > 0 && !unit_cell && j < k; j++) {
            if (L[j].nw != 1 || strspn(L[j].w[0], "0123456789.,%") != strlen(L[j].w[0]) ||
                !strpbrk(L[j].w[0], "0123456789"))
                continue;
            for (size_t o = 0; ops[o] && nv < 8; o++)
                snprintf(vcand[nv++], sizeof vcand[0], "%s %s", ops[o], L[j].w[0]);
        }
        for (size_t x = 0; ok > 0 && x < nlex + nv; x++) {
            char ubuf[DOC_MAX_CELL], *uw[UG_WORDS];
            size_t um = 0;
            const char *cand = x < nlex ? lex[x] : vcand[x - nlex];
            snprintf(ubuf, sizeof ubuf, "%s", cand);
            for (char *p = strtok(ubuf, " "); p && um < UG_WORDS; p = strtok(NULL, " "))
                uw[um++] = p;
            size_t take[UG_LINES] = {0};
            if (!ug_match(L, k, 0, uw, um, 0, 0, take))
                continue;
            /* words of the cell left after the first piece: else a name
             * ending with a unit's name */
            size_t first = 0, after = 0, left = 0;
            while (first < k && !take[first])
                first++;
            for (size_t j = 0; j < k; j++) {
                left += L[j].nw - take[j];
                if (j > first)
                    after += L[j].nw - take[j];
            }
            if (!left || !after)
                continue;
            /* two units interleaved ("Văn phòng" / "Phòng Văn hóa HĐND và"
             * / "Xã hội" / "UBND phường"): the rest is a unit too; the one
             * printed first comes first */
            int b_first = 0;
            if (unit_cell) {
                size_t j0 = 0;
                while (j0 < k && L[j0].nw == take[j0])
                    j0++;
                if (j0 == k || !starts_with(L[j0].w[0], UNIT_HEADS) || first > j0 || x >= nlex)
                    continue;
                b_first = first == 0 && take[0] == L[0].nw;
            }
            buf a;
            buf_init(&a, DOC_MAX_CELL);
            for (size_t j = 0; j < k; j++)
                for (size_t q = 0; q < L[j].nw - take[j]; q++) {
                    if (a.len)
                        buf_addc(&a, ' ');
                    buf_adds(&a, L[j].w[q]);
                }
            if (buf_failed(&a)) {
                buf_release(&a);
                ok = -1;
                break;
            }
            char *na = buf_detach(&a);
            buf_release(&a);
            pcell probe = {0};
            probe.text = (char *)cand;
            if (na && x >= nlex && (classify(&probe, 0), probe.kind != C_NUM)) {
                free(na);   /* the operator and figure read as no target */
                continue;
            }
            if (!na || insert_cell(T, i, b_first ? na : cand)) {
                free(na);
                ok = -1;
                break;
            }
            c = &T->c[i];
            free(c->text);
            c->text = b_first ? text_dup(cand) : na;
            if (b_first)
                free(na);
            free(c->raw);
            c->raw = NULL;
            if (!c->text) {
                ok = -1;
                break;
            }
            break;
        }
        /* two units whose lines alternate, no unit named whole found in
         * them: the even lines and the odd ones */
        if (ok > 0 && c->alt && c->raw) {
            buf a, b;
            buf_init(&a, DOC_MAX_CELL);
            buf_init(&b, DOC_MAX_CELL);
            for (size_t j = 0; j < k; j++)
                for (size_t q = 0; q < L[j].nw; q++) {
                    buf *d = j % 2 ? &b : &a;
                    if (d->len)
                        buf_addc(d, ' ');
                    buf_adds(d, L[j].w[q]);
                }
            char *ta = buf_failed(&a) || buf_failed(&b) ? NULL : buf_detach(&a);
            if (!ta || !b.ptr || insert_cell(T, i, b.ptr))
                ok = -1;
            else {
                c = &T->c[i];
                free(c->text);
                c->text = ta;
                ta = NULL;
                free(c->raw);
                c->raw = NULL;
            }
            free(ta);
            buf_release(&a);
            buf_release(&b);
        }
        if (ok > 0)
            T->c[i].alt = 0;
        for (size_t j = 0; j < k; j++)
            free(L[j].buf);
        if (ok < 0)
            goto out;
    }
    rc = 0;
out:
    for (size_t k = 0; k < nlex; k++)
        free(lex[k]);
    return rc;
}

/* ---- columns ---- */

static long col_of(const ptab *T, const char *role)
{
    for (size_t k = 0; k < T->ncols; k++)
        if (!strcmp(T->col[k].role, role))
            return (long)k;
    return -1;
}

static int add_col(ptab *T, const char *text, const char *role, int year)
{
    for (size_t k = 0; k < T->ncols; k++)
        if (text_fold_eq(T->col[k].head, text))
            return 0;
    if (T->ncols == DOC_MAX_COLS)
        return 0;
    char *h = text_dup(text);
    if (!h)
        return -1;
    T->col[T->ncols].head = h;
    T->col[T->ncols].role = role;
    T->col[T->ncols].year = year;
    T->ncols++;
    return 0;
}

/* The header cell C repeats one of the columns. */
static int known_header(const ptab *T, const char *text)
{
    for (size_t k = 0; k < T->ncols; k++)
        if (text_fold_eq(T->col[k].head, text))
            return 1;
    return 0;
}

/* Put the ĐVT, baseline and target columns side by side where the first
 * of them stands, in that order (targets by year): pdftotext prints header
 * cells out of order ("Năm 2029" after the others), a table has them so. */
static void group_numbers(ptab *T)
{
    pcol num[DOC_MAX_COLS], rest[DOC_MAX_COLS];
    size_t nn = 0, nrest = 0, at = T->ncols;
    static const char *const order[] = {"unit", "baseline", "target"};
    /* every target column printed after one of a later year: the table has
     * the end target first ("Chỉ tiêu đến năm 2030 | Chỉ tiêu năm 2026") and
     * its values are printed in that order too; a single column printed out
     * of order is pdftotext's doing and is sorted */
    int ny = 0, down = 1, lasty = 0;
    for (size_t k = 0; k < T->ncols; k++)
        if (!strcmp(T->col[k].role, "target")) {
            down &= T->col[k].year > 0 && (!ny || T->col[k].year < lasty);
            lasty = T->col[k].year;
            ny++;
        }
    T->desc = ny >= 2 && down;
    for (size_t o = 0; o < 3; o++)
        for (size_t k = 0; k < T->ncols; k++)
            if (!strcmp(T->col[k].role, order[o])) {
                size_t j = nn++;
                while (o == 2 && !T->desc && j > 0 && !strcmp(num[j - 1].role, "target") && num[j - 1].year > T->col[k].year) {
                    num[j] = num[j - 1];
                    j--;
                }
                num[j] = T->col[k];
                if (k < at)
                    at = k;
            }
    if (nn < 2)
        return;
    size_t before = 0;
    for (size_t k = 0; k < T->ncols; k++) {
        const char *r = T->col[k].role;
        if (strcmp(r, "unit") && strcmp(r, "baseline") && strcmp(r, "target")) {
            rest[nrest++] = T->col[k];
            before += k < at;
        }
    }
    size_t w = 0;
    for (size_t k = 0; k < before; k++)
        T->col[w++] = rest[k];
    for (size_t k = 0; k < nn; k++)
        T->col[w++] = num[k];
    for (size_t k = before; k < nrest; k++)
        T->col[w++] = rest[k];
}

/* ---- rows ---- */

static prow *add_row(ptab *T, const char *code, int level)
{
    if (T->nr == T->capr) {
        size_t cap = T->capr ? T->capr * 2 : 32;
        prow *r = cap <= DOC_MAX_ROWS ? realloc(T->r, cap * sizeof *r) : NULL;
        if (!r)
            return NULL;
        T->r = r, T->capr = cap;
    }
    prow *r = &T->r[T->nr];
    memset(r, 0, sizeof *r);
    r->cell = calloc(T->ncols, sizeof *r->cell);
    if (!r->cell)
        return NULL;
    for (size_t k = 0; k < T->ncols; k++)
        buf_init(&r->cell[k], DOC_MAX_CELL);
    snprintf(r->code, sizeof r->code, "%s", code);
    r->level = level;
    r->lastcol = -1;
    T->nr++;
    return r;
}

static int push_extra(prow *r, size_t ci)
{
    if (r->nextra == r->capextra) {
        size_t cap = r->capextra ? r->capextra * 2 : 8;
        size_t *x = realloc(r->extra, cap * sizeof *x);
        if (!x)
            return -1;
        r->extra = x, r->capextra = cap;
    }
    r->extra[r->nextra++] = ci;
    return 0;
}

/* Code state: the last roman value, the last numeric path, the last letter. */
typedef struct cstate {
    int roman;
    int capital;        /* the last group letter ("A" = 1) */
    int zeros;          /* numbered "01", "02": a leading zero is a code's */
    int path[4], depth;
    int letter;
    int any;
    int restart;        /* after a roman code */
} cstate;

/* Does TEXT follow the codes before it? Sets *LEVEL and updates S if so. */
static int code_follows(cstate *s, const char *text, int *level, const ptab *seen, int next_text)
{
    int p[4], roman, letter;
    int k = code_parts(text, p, &roman, &letter);
    if (!k)
        return 0;
    if (roman == 2) {
        if (p[0] != s->capital + 1 || (s->any && !s->capital))
            return 0;   /* "A" first, then "B" …; not a letter after numbered rows */
        s->capital = p[0];
        s->restart = 1;
        s->letter = 0;
        s->any = 1;
        *level = 1;
        return 1;
    }
    if (roman) {
        if (p[0] != s->roman + 1)
            return 0;
        s->roman = p[0];
        s->restart = 1;     /* numbering under it restarts at 1 or goes on */
        s->letter = 0;
        s->any = 1;
        *level = 1;
        return 1;
    }
    if (letter) {
        if (p[0] != s->letter + 1 || !s->any)
            return 0;
        s->letter = p[0];
        *level = 9;
        return 1;
    }
    /* "03" after "2": a value ("03 trạm"), unless the rows are numbered so */
    if (text[0] == '0' && s->depth && !s->zeros)
        return 0;
    int ok = 0;
    if (!s->depth || (s->restart && k == 1 && p[0] == 1))
        ok = k == 1 ? (p[0] == 1 || (!s->any && p[0] <= 3)) : !s->any;
    else if (k == s->depth + 1)
        ok = !memcmp(p, s->path, (size_t)s->depth * sizeof *p) && p[k - 1] == 1;
    else if (k <= s->depth)
        ok = !memcmp(p, s->path, (size_t)(k - 1) * sizeof *p) && p[k - 1] == s->path[k - 1] + 1;
    /* "4.1" printed before "4" (pdftotext moved the group's row): a
     * dotted code of small parts not seen yet is a row all the same */
    if (!ok && (k >= 2 || next_text) && seen && !strstr(text, ".0") && text[0] != '0') {
        ok = 1;
        for (int j = 0; j < k; j++)
            ok &= p[j] >= 1 && p[j] <= 30;
        for (size_t j = 0; ok && j < seen->nr; j++)
            ok = strcmp(seen->r[j].code, text) != 0;
    }
    if (!ok)
        return 0;
    if (!s->depth)
        s->zeros = text[0] == '0';
    memcpy(s->path, p, (size_t)k * sizeof *p);
    s->depth = k;
    s->restart = 0;
    s->letter = 0;
    s->any = 1;
    *level = 1 + k;
    return 1;
}

static void set_cell(prow *r, long k, const char *text, int nl)
{
    buf *b = &r->cell[k];
    if (b->len)
        buf_addc(b, nl ? '\n' : ' ');
    buf_adds(b, text);
    r->lastcol = k;
}

/* Is column K of row R free for a cell? */
static int col_free(const prow *r, long k)
{
    return k >= 0 && r->cell[k].len == 0;
}

/* The column of row R a cell of kind KIND (text T) goes to, or -1. */
static long place_col(const ptab *T, const prow *r, const pcell *c)
{
    long k;
    switch (c->kind) {
    case C_NUM: {
        /* a target labelled by its year ("Năm 2026: 05 điểm") joins the
         * row's cell of other years' labelled targets */
        if (year_label(c->text))
            for (size_t j = 0; j < T->ncols; j++) {
                const buf *b = &r->cell[j];
                char lab[12];
                memcpy(lab, c->text, 10), lab[10] = 0;
                if (!strcmp(T->col[j].role, "target") && !T->col[j].year && b->len && !buf_failed(b) &&
                    year_label(b->ptr) && !strstr(b->ptr, lab))
                    return (long)j;
            }
        /* baselines first, then targets by ascending year (as printed when T->desc) */
        for (size_t j = 0; j < T->ncols; j++)
            if (!strcmp(T->col[j].role, "baseline") && col_free(r, (long)j))
                return (long)j;
        long best = -1;
        for (size_t j = 0; j < T->ncols; j++)
            if (!strcmp(T->col[j].role, "target") && col_free(r, (long)j) &&
                (best < 0 || (!T->desc && T->col[j].year && T->col[j].year < T->col[best].year)))
                best = (long)j;
        return best;
    }
    case C_DUE:
        k = col_of(T, "due");
        return col_free(r, k) ? k : -1;
    case C_UNIT: {
        size_t tl = strlen(c->text);
        int prov = !strncmp(c->text, "Sở ", 4) || (tl > 7 && !strcmp(c->text + tl - 7, " tỉnh"));
        if (prov && col_free(r, col_of(T, "parent_lead")))
            return col_of(T, "parent_lead");
    }
        /* "Chủ trì: … Phối hợp: …" is one cell of a lead/support column; a
         * "Phối hợp: …" printed apart joins its row's "Chủ trì: …" */
        if ((k = col_of(T, "lead_support")) >= 0) {
            const buf *b = &r->cell[k];
            if (!b->len || (!strncmp(c->text, "Phối hợp:", 11) && strstr(b->ptr, "Chủ trì:") &&
                            !strstr(b->ptr, "Phối hợp:")))
                return k;
            return -1;
        }
        for (size_t j = 0; j < T->ncols; j++)
            if (!strcmp(T->col[j].role, "lead") && col_free(r, (long)j))
                return (long)j;
        /* the same unit printed twice running ("Phòng Kinh tế" / "Phòng
         * Kinh tế"): a column printed row after row, two rows' leads, as a
         * row never names one unit both lead and support */
        for (size_t j = 0; c > T->c && !strcmp(c[-1].text, c->text) && j < T->ncols; j++)
            if (!strcmp(T->col[j].role, "lead") && r->cell[j].len && !buf_failed(&r->cell[j]) &&
                !strcmp(r->cell[j].ptr, c->text))
                return -1;
        for (size_t j = 0; j < T->ncols; j++)
            if (!strcmp(T->col[j].role, "support") && col_free(r, (long)j))
                return (long)j;
        return -1;
    case C_FUND:
        if ((k = col_of(T, "funding")) >= 0)
            return col_free(r, k) ? k : -1;
        break;
    case C_WORD:
        if ((k = col_of(T, "unit")) >= 0 && col_free(r, k))
            return k;
        break;
    default:
        break;
    }
    k = col_of(T, "outputs");
    if (k < 0)
        k = col_of(T, "note");
    return col_free(r, k) ? k : -1;
}

/* Cell CI into row R (the current row): 0, or -1 when out of memory. */
static int place(ptab *T, prow *r, size_t ci)
{
    pcell *c = &T->c[ci];
    long name = col_of(T, "name");
    if (c->brk)
        r->brk = 1;
    /* a funding, due or value cell first: the row's name was printed
     * elsewhere (it fills the hole later, fill_holes) */
    /* nor two units running, no third (the lead and the support,
     * "Trung tâm Phục vụ …" / "Các công chức chuyên môn"): the name was
     * printed elsewhere (a run of units is a column printed together) */
    int units = c->kind == C_UNIT && ci + 1 < T->nc && T->c[ci + 1].kind == C_UNIT &&
                !(ci + 2 < T->nc && T->c[ci + 2].kind == C_UNIT);
    if (col_free(r, name) && r->lastcol < 0 && c->kind != C_FUND && c->kind != C_DUE && c->kind != C_NUM && !units) {
        set_cell(r, name, c->text, 0);
        return 0;
    }
    /* a list item ("- Báo cáo kết quả", "- Các hợp tác xã") where the
     * row's products, or its support, are a list already (continued after
     * a page break): the list's next item */
    long outs = c->kind == C_TEXT ? col_of(T, "outputs") : c->kind == C_UNIT ? col_of(T, "support") : -1;
    if (c->text[0] == '-' && c->text[1] == ' ' && outs >= 0 && r->cell[outs].len &&
        !buf_failed(&r->cell[outs]) && r->cell[outs].ptr[0] == '-' && r->cell[outs].ptr[1] == ' ' &&
        (c->kind == C_TEXT || c->brk)) {
        set_cell(r, outs, c->text, 1);
        return 0;
    }
    long unit = col_of(T, "unit");
    if (c->kind == C_WORD && col_free(r, unit)) {   /* "điểm", "%" under ĐVT */
        set_cell(r, unit, c->text, 0);
        return 0;
    }
    if (c->lower && c->kind != C_NUM && c->kind != C_DUE) {
        long k = r->lastcol;
        if (r->brk && r->lowers_after_brk++ == 0) {
            k = name;
        } else if (r->brk) {
            for (size_t j = 0; j < T->ncols; j++)
                if (r->cell[j].len && (!strcmp(T->col[j].role, "support") || !strcmp(T->col[j].role, "lead") ||
                                       !strcmp(T->col[j].role, "lead_support")))
                    k = (long)j;
        }
        if (k >= 0) {
            set_cell(r, k, c->text, 0);
            return 0;
        }
    }
    long k = place_col(T, r, c);
    if (k < 0)
        return push_extra(r, ci);
    set_cell(r, k, c->text, c->kind == C_UNIT && r->cell[k].len);
    return 0;
}

/* Row R holds its name and nothing else yet. */
static int only_named(const ptab *T, const prow *r)
{
    long name = col_of(T, "name");
    if (col_free(r, name) || r->nextra)
        return 0;
    for (size_t k = 1; k < T->ncols; k++)
        if ((long)k != name && r->cell[k].len)
            return 0;
    return 1;
}

static int is_group(const ptab *T, size_t i);

/* Cell C after a run of rows printed name by name (rows RUN to the last):
 * the first hole of its kind after the cursor (*RROW, *RCOL), row then
 * column, else the earliest in the run; a cell in lower case goes on with
 * the cell placed last. 1 when placed, 0 when the run has no hole for it. */
static int run_place(ptab *T, size_t run, size_t *rrow, long *rcol, const pcell *c)
{
    if (c->lower && c->kind != C_NUM && c->kind != C_DUE) {
        if (*rcol < 0)
            return 0;
        set_cell(&T->r[*rrow], *rcol, c->text, 0);
        return 1;
    }
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = pass ? run : *rrow; i < T->nr; i++) {
            if (is_group(T, i))
                continue;   /* a group row holds its name only */
            long k = place_col(T, &T->r[i], c);
            /* "Các thôn, ấp" is a support (169 of 170 such units in the
             * hand-written plans, and 1 of 281 leads): printed among
             * other rows' cells, it takes the row's support column */
            long sup = col_of(T, "support");
            if (k >= 0 && c->kind == C_UNIT && !strncmp(c->text, "Các ", 5) && !strcmp(T->col[k].role, "lead") &&
                col_free(&T->r[i], sup))
                k = sup;
            if (k >= 0 && (pass || i > *rrow || k > *rcol)) {
                set_cell(&T->r[i], k, c->text, c->kind == C_UNIT && T->r[i].cell[k].len);
                *rrow = i, *rcol = k;
                return 1;
            }
        }
    return 0;
}

/* The cells from I up to the next code with a name hold more than one row can: two
 * due phrases, or more values than the baseline and target columns. */
static int run_spread(const ptab *T, size_t i)
{
    size_t dues = 0, nums = 0, cap = 0;
    for (size_t k = 0; k < T->ncols; k++)
        cap += !strcmp(T->col[k].role, "baseline") || !strcmp(T->col[k].role, "target");
    for (; i < T->nc && !(T->c[i].kind == C_CODE && i + 1 < T->nc && T->c[i + 1].kind == C_TEXT); i++) {
        dues += T->c[i].kind == C_DUE;
        nums += T->c[i].kind == C_NUM || T->c[i].kind == C_CODE;    /* "25", "1.200": numbers */
    }
    return (dues >= 2 && col_of(T, "due") >= 0) || (cap && nums > cap);
}

/* A cell that reads as a group's name in a group column: a few words in
 * title case, no figures ("Chính quyền số", "Hạ tầng số"). */
static int group_like(const pcell *c)
{
    /* not a target's first words printed apart from its figure ("Không
     * dưới" / "50%"), not a header cell printed among the rows */
    static const char *const op_heads[] = {"Không", "Tối thiểu", "Tối đa", "Trên", "Dưới", "Đạt", "Từ", "Ít nhất",
                                           "Giảm", "Tăng", "Bằng", NULL};
    int y;
    return (c->kind == C_TEXT || c->kind == C_WORD) && !c->lower && nwords(c->text) <= 5 &&
           !strpbrk(c->text, "0123456789,;:") && !(c->text[0] == '-' && c->text[1] == ' ') &&
           !starts_with(c->text, op_heads) && !header_of(c->text, &y);
}

/* T is a lettered group's name in capitals ("A. CHÍNH QUYỀN SỐ"). */
static int group_lettered(const char *t)
{
    return t[0] >= 'A' && t[0] <= 'Z' && t[1] == '.' && t[2] == ' ' && all_caps(t + 3, strlen(t + 3));
}

/* The group column's NG cells (indexes GCELL into T->c, in print order;
 * GCODE the code of the row each was printed at, "" when none): each
 * group's name goes to the first item row of its rows, as a merged cell
 * is read (extract_table.c). When every group's middle row is known, a
 * row belongs to the group whose middle is nearest (the earlier on a tie);
 * else, in print order, a group with a known middle row M starting at row
 * S spans S … 2M - S, one without spans an even share of the rows left
 * (the last takes the remainder). Returns 0, 1 when there are more names
 * than item rows (nothing set: they are no group names), -1 when out of
 * memory. */
static int set_groups(ptab *T, long gcol, const size_t *gcell, char (*gcode)[16], size_t ng)
{
    size_t *item = malloc((T->nr + 1) * sizeof *item), n = 0;
    long *mid = malloc(ng * sizeof *mid), *first = malloc(ng * sizeof *first);
    int rc = -1;
    if (!item || !mid || !first)
        goto out;
    for (size_t i = 0; i < T->nr; i++)
        if (!is_group(T, i))
            item[n++] = i;
    rc = 1;
    if (ng > n)     /* more names than rows: no group column's names */
        goto out;
    rc = 0;
    int all = 1;
    for (size_t g = 0; g < ng; g++) {
        mid[g] = -1;
        for (size_t j = 0; *gcode[g] && j < n; j++)
            if (!strcmp(T->r[item[j]].code, gcode[g]) ||      /* a group row's code: its first item */
                (item[j] > 0 && is_group(T, item[j] - 1) && !strcmp(T->r[item[j] - 1].code, gcode[g])))
                mid[g] = (long)j;
        all &= mid[g] >= 0;
    }
    if (all) {
        for (size_t g = 0; g < ng; g++)
            first[g] = -1;
        for (size_t j = 0; j < n; j++) {
            size_t best = 0;
            for (size_t g = 1; g < ng; g++) {
                long d = labs(mid[g] - (long)j), db = labs(mid[best] - (long)j);
                if (d < db || (d == db && mid[g] < mid[best]))
                    best = g;
            }
            if (first[best] < 0)
                first[best] = (long)j;
        }
    } else {
        long start = 0;
        for (size_t g = 0; g < ng; g++) {
            long left = (long)(ng - g), end;
            if (g + 1 == ng)
                end = (long)n - 1;
            else if (mid[g] >= start)
                end = 2 * mid[g] - start;
            else
                end = start + ((long)n - start) / left - 1;
            if (end > (long)n - left)
                end = (long)n - left;
            if (end < start)
                end = start;
            first[g] = start;
            start = end + 1;
        }
    }
    for (size_t g = 0; g < ng; g++)
        if (first[g] >= 0 && !T->r[item[first[g]]].cell[gcol].len)
            set_cell(&T->r[item[first[g]]], gcol, T->c[gcell[g]].text, 0);
out:
    free(item);
    free(mid);
    free(first);
    return rc;
}

static int is_group(const ptab *T, size_t i)
{
    const prow *r = &T->r[i];
    if (r->level == 1)
        return 1;
    return i + 1 < T->nr && T->r[i + 1].level > r->level && T->r[i + 1].level != 9;
}

/* Cells that found no place, and a group row's cells other than its name:
 * each fills the earliest item row where its kind has a free column. */
static int fill_holes(ptab *T, const size_t *pre, size_t npre, size_t *dropped)
{
    *dropped = 0;
    long name = col_of(T, "name");
    size_t n = npre;
    for (size_t i = 0; i < T->nr; i++)
        n += T->r[i].nextra;
    size_t *q = n ? malloc(n * sizeof *q) : NULL;
    if (n && !q)
        return -1;
    for (n = 0; n < npre; n++)
        q[n] = pre[n];
    for (size_t i = 0; i < T->nr; i++) {
        prow *r = &T->r[i];
        for (size_t j = 0; j < r->nextra; j++)
            q[n++] = r->extra[j];
    }
    for (size_t i = 0; i < T->nr; i++) {
        if (!is_group(T, i))
            continue;
        prow *r = &T->r[i];
        for (size_t k = 0; k < T->ncols; k++)
            if ((long)k != name && k != 0 && r->cell[k].len) {
                /* the group row's stray cell: back to the queue as a cell */
                size_t *w = realloc(q, (n + 1) * sizeof *q);
                if (!w || add_cell(T, r->cell[k].ptr, r->cell[k].len, 0, 0)) {
                    free(w ? w : q);
                    return -1;
                }
                q = w;
                classify(&T->c[T->nc - 1], 0);
                q[n++] = T->nc - 1;
                buf_reset(&r->cell[k]);
            }
    }
    /* the queue is mostly in reading order, row by row: a cell goes to the
     * first hole after the one filled before it (row, then column), else
     * to the earliest hole */
    size_t crow = 0;
    long ccol = -1;
    char full[(C_TEXT + 1) * 3] = {0};  /* no hole left for this kind: holes only fill */
    for (size_t j = 0; j < n; j++) {
        pcell *c = &T->c[q[j]];
        size_t i, hit = T->nr;
        long hk = -1;
        int key = c->kind * 3 + (!strncmp(c->text, "Sở ", 4) ? 1 : !strncmp(c->text, "Phối hợp:", 11) ? 2 : 0);
        if (full[key]) {
            ++*dropped;
            continue;
        }
        for (int pass = 0; pass < 2 && hit == T->nr; pass++)
            for (i = pass ? 0 : crow; i < T->nr; i++) {
                if (is_group(T, i))
                    continue;
                long k = c->kind == C_TEXT && col_free(&T->r[i], name) ? name : place_col(T, &T->r[i], c);
                if (k >= 0 && (pass || i > crow || k > ccol)) {
                    hit = i, hk = k;
                    break;
                }
            }
        if (hit == T->nr) {
            full[key] = 1;
            ++*dropped;
            continue;
        }
        set_cell(&T->r[hit], hk, c->text, 0);
        crow = hit, ccol = hk;
    }
    free(q);
    return 0;
}

/* Sure enough to be a table: the item rows hold more than their names
 * (cells were blocks, not lines of prose), and no more cells found no
 * column than found one. */
static int sure(const ptab *T, size_t dropped)
{
    long name = col_of(T, "name");
    size_t items = 0, cells = 0;
    for (size_t i = 0; i < T->nr; i++) {
        if (is_group(T, i))
            continue;
        items++;
        for (size_t k = 1; k < T->ncols; k++)
            cells += (long)k != name && T->r[i].cell[k].len;
    }
    if (getenv("DTI_PDF_DEBUG"))
        fprintf(stderr, "plain: %zu rows, %zu items, %zu cells placed, %zu left over\n", T->nr, items, cells, dropped);
    return items && cells >= items && dropped <= cells;
}

static void ptab_release(ptab *T)
{
    for (size_t i = 0; i < T->nc; i++) {
        free(T->c[i].text);
        free(T->c[i].raw);
    }
    free(T->c);
    for (size_t i = 0; i < T->nr; i++) {
        for (size_t k = 0; k < T->ncols; k++)
            buf_release(&T->r[i].cell[k]);
        free(T->r[i].cell);
        free(T->r[i].extra);
    }
    free(T->r);
    for (size_t k = 0; k < T->ncols; k++)
        free(T->col[k].head);
}

/* Rows printed out of order (a page's first rows after its header, rows
 * printed before the "STT" line): put them back in code order when the
 * numeric codes are unique. A roman or lettered group row goes just before
 * the least number printed after it (up to the next group: "I" / "1" after
 * "2" and "3"), or, with none, after the greatest printed before it; an
 * "a)" row goes under the numbered row printed last before it. Else (a
 * letter with no number before, a number twice) the order stays as
 * printed. */
#define SORT_PARTS 6
static void sort_rows(ptab *T)
{
    size_t n = T->nr;
    if (n < 2)
        return;
    int (*key)[SORT_PARTS] = calloc(n, sizeof *key), *len = calloc(n, sizeof *len);
    size_t *ord = malloc(n * sizeof *ord);
    prow *tmp = malloc(n * sizeof *tmp);
    int ok = key && len && ord && tmp;
    long parent = -1;
    for (size_t i = 0; ok && i < n; i++) {
        int p[4], roman, letter, k = code_parts(T->r[i].code, p, &roman, &letter);
        if (!k) {
            ok = 0;
        } else if (roman) {    /* the least number printed after it, before the next group */
            int least = 0, most = 0;
            for (size_t j = i + 1; j < n; j++) {
                int q[4], r2, l2, k2 = code_parts(T->r[j].code, q, &r2, &l2);
                if (r2)
                    break;
                if (k2 && !l2 && (!least || q[0] < least))
                    least = q[0];
            }
            /* none (a group last, its rows on the next page): after the
             * greatest number printed before it */
            for (size_t j = 0; !least && j < i; j++) {
                int q[4], r2, l2;
                if (code_parts(T->r[j].code, q, &r2, &l2) && !r2 && !l2 && q[0] > most)
                    most = q[0];
            }
            ok = least > 0 || most > 0;
            key[i][0] = least ? least - 1 : most, key[i][1] = 1000, len[i] = 2;
        } else if (letter) {
            ok = parent >= 0 && len[parent] < SORT_PARTS;
            if (ok) {
                memcpy(key[i], key[parent], sizeof key[i]);
                key[i][len[parent]] = p[0];
                len[i] = len[parent] + 1;
            }
        } else {
            memcpy(key[i], p, (size_t)k * sizeof *p);
            len[i] = k;
            parent = (long)i;
            for (size_t j = 0; j < i; j++)
                if (!strcmp(T->r[i].code, T->r[j].code))
                    ok = 0;
        }
    }
    for (size_t i = 0; ok && i < n; i++) {     /* insertion sort of indexes: stable, rows are few */
        size_t j = i;
        while (j > 0) {
            size_t a = ord[j - 1];
            int c = 0;
            for (int m = 0; !c && m < len[a] && m < len[i]; m++)
                c = key[a][m] < key[i][m] ? -1 : key[a][m] > key[i][m];
            if (!c)
                c = len[a] > len[i];
            if (c <= 0)
                break;
            ord[j] = ord[j - 1];
            j--;
        }
        ord[j] = i;
    }
    if (ok) {
        for (size_t i = 0; i < n; i++)
            tmp[i] = T->r[ord[i]];
        memcpy(T->r, tmp, n * sizeof *tmp);
    }
    free(key);
    free(len);
    free(ord);
    free(tmp);
}

static int emit(doc *d, ptab *T, int line)
{
    doc_table *t = doc_add_table(d, T->nr + 1, T->ncols, line);
    if (!t)
        return -1;
    for (size_t k = 0; k < T->ncols; k++)
        if (doc_cell_set(t, 0, k, T->col[k].head))
            return -1;
    for (size_t i = 0; i < T->nr; i++) {
        prow *r = &T->r[i];
        if (doc_cell_set(t, i + 1, 0, r->code))
            return -1;
        for (size_t k = 1; k < T->ncols; k++)
            if (r->cell[k].len && (buf_failed(&r->cell[k]) || doc_cell_set(t, i + 1, k, r->cell[k].ptr)))
                return -1;
    }
    return 0;
}

/* Cell K (a block of lines, raw) holds two rows' names: the second starts
 * at its one line in title case after the first line, the line before not
 * ending in ',' or ';'; a line of one short word in title case followed
 * by a line in lower case ("Hộ" / "hóa đơn điện tử") is an ĐVT cell
 * beside the first, put after the two. Cells K, K+1 (, K+2) then; 1 when
 * cut, 0 when not, -1 out of memory. */
static int split_names(ptab *T, size_t k)
{
    const char *ls[16];
    size_t ln[16], n = block_lines(T->c[k].raw, strlen(T->c[k].raw), ls, ln, 16);
    if (n < 3 || n == 16)
        return 0;
    long cut = -1, word = -1;
    for (size_t j = 1; j < n; j++) {
        if (first_cat(ls[j]) != UTF8PROC_CATEGORY_LU)
            continue;
        int one = !memchr(ls[j], ' ', ln[j]) && cps(ls[j], ln[j]) <= 6 && j + 1 < n &&
                  first_cat(ls[j + 1]) == UTF8PROC_CATEGORY_LL;
        if (one && word < 0 && cut < 0) {
            word = (long)j;
            continue;
        }
        char last = ls[j - 1][ln[j - 1] - 1];
        if (cut >= 0 || last == ',' || last == ';' || (long)j - 1 == word)
            return 0;
        cut = (long)j;
    }
    if (cut < 0)
        return 0;
    buf a, b;
    buf_init(&a, DOC_MAX_CELL);
    buf_init(&b, DOC_MAX_CELL);
    for (size_t j = 0; j < n; j++) {
        if ((long)j == word)
            continue;
        buf *x = (long)j < cut ? &a : &b;
        if (x->len)
            buf_addc(x, ' ');
        buf_add(x, ls[j], ln[j]);
    }
    int rc = -1;
    char *ta = buf_failed(&a) ? NULL : text_clean_n(a.ptr, a.len);
    char *tb = buf_failed(&b) ? NULL : text_clean_n(b.ptr, b.len);
    char *tw = word >= 0 ? text_clean_n(ls[word], ln[word]) : NULL;
    if (!ta || !tb || (word >= 0 && !tw))
        goto out;
    if (nwords(ta) < 4 || nwords(tb) < 4) {
        rc = 0;
        goto out;
    }
    if ((tw && insert_cell(T, k, tw)) || insert_cell(T, k, tb))
        goto out;
    free(T->c[k].text);
    T->c[k].text = ta;
    ta = NULL;
    free(T->c[k].raw);
    T->c[k].raw = NULL;
    T->c[k + 1].raw = NULL;
    classify(&T->c[k + 1], 0);
    if (tw)
        classify(&T->c[k + 2], 0);
    rc = 1;
out:
    free(ta);
    free(tb);
    free(tw);
    buf_release(&a);
    buf_release(&b);
    return rc;
}

/* One of the few cells after cell I is a year column's header ("Đến năm
 * 2030", "Chỉ tiêu năm 2026"). */
static int year_header_near(const ptab *T, size_t i)
{
    for (size_t k = i + 1; k < T->nc && k <= i + 6; k++) {
        int y = 0;
        const char *r = strncmp(T->c[k].text, "Năm ", 5) ? header_of(T->c[k].text, &y) : NULL;
        if (r && !strcmp(r, "target") && y)
            return 1;
    }
    return 0;
}

int pdf_plain_table(doc *d, const pdf_plain_line *v, size_t count, size_t h, size_t *end)
{
    int bare = h < count && !pdf_plain_head(&v[h]) && pdf_plain_bare(v, count, h);
    if (h >= count || (!bare && !pdf_plain_head(&v[h])))
        return 0;
    ptab T;
    memset(&T, 0, sizeof T);
    T.bare = bare;
    int rc = -1;
    size_t stop = h, npre = 0, *pre = NULL;
    size_t ng = 0, *gcell = NULL, *gat = NULL;  /* owned: the group column's cells, the row each is printed at */
    char (*gcode)[16] = NULL;                   /* owned: that row's code */
    size_t start = region_start(v, h);
    if (gather(&T, v, count, start, h, &stop) || unglue(&T))
        goto out;
    /* page flags */
    for (size_t i = 0; i < T.nc; i++) {
        T.c[i].brk = i > 0 && T.c[i].page != T.c[i - 1].page;
        T.c[i].last = i + 1 < T.nc && T.c[i + 1].page != T.c[i].page;
    }
    /* header: the cells from the "STT" one while fewer than three rows opened */
    cstate cs = {0};
    size_t codes = 0, i, last_hdr = 0;
    int body_seen = 0;
    const char *stt = NULL;
    size_t stt_at = 0;  /* the "STT" cell */
    for (i = 0; i < T.nc; i++) {
        pcell *c = &T.c[i];
        /* a group's name in capitals after its code is no header */
        int caps_name = i && T.c[i - 1].kind == C_CODE && all_caps(c->text, strlen(c->text)) &&
                        !pdf_plain_head(&(pdf_plain_line){c->text, strlen(c->text), 0, 0});
        /* a run of rows printed name by name before any header cell but
         * the name's: header cells still come (right after it), so while
         * only the name column is known, or within a few cells of the last
         * header cell found late, a header cell is one */
        int late = T.ncols <= 1 || (last_hdr && i - last_hdr <= 4);
        classify(c, caps_name ? 0 : codes < 3 ? 2 : codes < 8 || late);
        if (c->kind == C_HDR && codes >= 3)
            last_hdr = i;
        /* "Năm 2029" among year columns' headers (one known, or one of
         * the next few cells: "Năm" / "2026" printed before "Đến năm" /
         * "2030"); with no year column near, "Năm 2027" in a table of
         * tasks after its first row is a due phrase */
        int yearword = (!strncmp(c->text, "Năm ", 5) && nwords(c->text) == 2) ||
                       (!strncmp(c->text, "Đến năm ", 10) && nwords(c->text) == 3);
        int yearhead = yearword && codes < 8 && (col_of(&T, "target") >= 0 || year_header_near(&T, i));
        for (size_t k = 0; yearhead && k < T.ncols; k++) {
            int y0 = 0;
            extract_header_role(c->text, &y0);
            yearhead = !(!strcmp(T.col[k].role, "target") && T.col[k].year == y0);    /* a second "Năm 2030": a due */
        }
        if (c->kind == C_DUE && yearhead)
            c->kind = C_HDR;
        else if (c->kind == C_HDR && yearword && !yearhead && codes >= 1 && col_of(&T, "due") >= 0 && is_due(c->text))
            c->kind = C_DUE;
        /* "Trong năm 2026" after the first row, its year's column headed
         * already: a row's due phrase */
        if (c->kind == C_HDR && !yearword && codes >= 1 && col_of(&T, "due") >= 0 && is_due(c->text)) {
            int y0 = 0;
            const char *r0 = header_of(c->text, &y0);
            for (size_t k = 0; r0 && !strcmp(r0, "target") && k < T.ncols; k++)
                if (!strcmp(T.col[k].role, "target") && T.col[k].year == y0)
                    c->kind = C_DUE;
        }
        /* a bare year ("2026") after a baseline or target column's header,
         * while few rows have opened: the next year's column header */
        int bare_year = c->kind == C_DUE && codes < 8 && strlen(c->text) == 4 && !strncmp(c->text, "20", 2) &&
                        strspn(c->text, "0123456789") == 4 && (col_of(&T, "target") >= 0 || col_of(&T, "baseline") >= 0);
        if (bare_year)
            c->kind = C_HDR;
        int y;
        const char *role = c->kind != C_HDR ? NULL : bare_year ? extract_header_role(c->text, &y) : header_of(c->text, &y);
        if (role && !strcmp(role, "span"))
            role = NULL;
        /* a second header of a column headed already, after body cells
         * and not a header repeated ("Sản phẩm", then "Kết quả số hóa trên
         * Hệ thống" under it): a body cell */
        if (role && body_seen && col_of(&T, role) >= 0 && !known_header(&T, c->text) &&
            (!strcmp(role, "outputs") || !strcmp(role, "note") || !strcmp(role, "due") || !strcmp(role, "funding"))) {
            classify(c, 0);
            role = NULL;
        }
        body_seen |= c->kind == C_UNIT || c->kind == C_DUE || (c->kind == C_TEXT && nwords(c->text) >= 5);
        if (role && !strcmp(role, "code")) {
            if (!stt)
                stt = c->text, stt_at = i;
            continue;
        }
        /* "Nội dung | Chỉ tiêu": after the name, a header cell of the bare
         * word "Chỉ tiêu" ("Chỉ tiêu giao", "Chỉ số") holds the values, as
         * the table model reads it (extract_table.c) */
        if (role && !strcmp(role, "name") && col_of(&T, "name") >= 0 &&
            (text_fold_eq(c->text, "Chỉ tiêu") || text_fold_eq(c->text, "Chỉ tiêu giao") ||
             text_fold_eq(c->text, "Chỉ tiêu được giao") || text_fold_eq(c->text, "Chỉ tiêu cần đạt") ||
             text_fold_eq(c->text, "Chỉ số")))
            role = "target";
        if (role && !strcmp(role, "name") && col_of(&T, "name") >= 0) {
            c->kind = C_TEXT;   /* "Danh mục …" in a body cell: the name column is known */
            role = NULL;
        }
        /* a target column of a year headed already: the header repeated
         * on a new page, glued to its span ("Chỉ tiêu theo năm Năm 2026") */
        for (size_t k = 0; role && !strcmp(role, "target") && y && k < T.ncols; k++)
            if (!strcmp(T.col[k].role, "target") && T.col[k].year == y)
                role = NULL;
        if (role && add_col(&T, c->text, role, y))
            goto out;
        if (c->kind == C_CODE) {
            cstate probe = cs;
            int lv;
            if (code_follows(&probe, c->text, &lv, NULL, 0))
                cs = probe, codes++;
        }
    }
    if (getenv("DTI_PDF_DEBUG"))
        for (i = 0; i < T.nc; i++)
            fprintf(stderr, "plain: cell %zu L%d p%d kind %d%s: %s\n", i, T.c[i].line, T.c[i].page, T.c[i].kind,
                    T.c[i].lower ? " lower" : "", T.c[i].text);
    if (T.bare && !stt)
        stt = "STT";    /* the codes were read from the names */
    if (!stt || col_of(&T, "name") < 0 || T.ncols < 2) {
        rc = 0;
        goto out;
    }
    /* two lead columns, one of them the province's ("Sở, ngành chủ trì",
     * "… cấp tỉnh"): its cells are the province's units ("Sở …", "… tỉnh"),
     * as the table model reads it (x.parent_lead) */
    for (size_t k = 0; k < T.ncols; k++) {
        if (strcmp(T.col[k].role, "lead") || (strncmp(T.col[k].head, "Sở", 3) && !strstr(T.col[k].head, "tỉnh")))
            continue;
        for (size_t j = 0; j < T.ncols; j++)
            if (j != k && !strcmp(T.col[j].role, "lead")) {
                T.col[k].role = "parent_lead";
                if (k > j) {    /* the province's column before the commune's, as tables have it */
                    pcol pl = T.col[k];
                    memmove(&T.col[j + 1], &T.col[j], (k - j) * sizeof *T.col);
                    T.col[j] = pl;
                }
                break;
            }
    }
    /* "Đơn vị thực hiện" spanning "Chủ trì" and "Phối hợp" (a merged
     * header cell over the two): the two hold the units, the span none */
    for (size_t k = 0; k < T.ncols && col_of(&T, "support") >= 0; k++) {
        if (strcmp(T.col[k].role, "lead") || strstr(T.col[k].head, "chủ trì") || strstr(T.col[k].head, "Chủ trì"))
            continue;
        int other = 0;
        for (size_t j = 0; j < T.ncols; j++)
            other |= j != k && !strcmp(T.col[j].role, "lead") &&
                     (strstr(T.col[j].head, "chủ trì") || strstr(T.col[j].head, "Chủ trì"));
        if (!other)
            continue;
        free(T.col[k].head);
        memmove(&T.col[k], &T.col[k + 1], (T.ncols - k - 1) * sizeof *T.col);
        T.ncols--;
        break;
    }
    /* "Cơ quan chủ trì/phối hợp" over a "Chủ trì" and a "Phối hợp" column
     * (a merged header cell spanning the two): it heads none of its own */
    for (size_t k = 0; k < T.ncols; k++) {
        if (strcmp(T.col[k].role, "lead_support") || col_of(&T, "lead") < 0 || col_of(&T, "support") < 0)
            continue;
        free(T.col[k].head);
        memmove(&T.col[k], &T.col[k + 1], (T.ncols - k - 1) * sizeof *T.col);
        T.ncols--;
        break;
    }
    /* code column first, the name column second */
    if (T.ncols == DOC_MAX_COLS) {
        rc = 0;
        goto out;
    }
    memmove(&T.col[1], &T.col[0], T.ncols * sizeof *T.col);
    T.ncols++;
    T.col[0].head = text_dup(stt);
    T.col[0].role = "code";
    T.col[0].year = 0;
    if (!T.col[0].head)
        goto out;
    long nm = col_of(&T, "name");
    if (nm > 1) {
        pcol tmp = T.col[nm];
        memmove(&T.col[2], &T.col[1], (size_t)(nm - 1) * sizeof *T.col);
        T.col[1] = tmp;
    }
    if (T.ncols < 3) {
        rc = 0;
        goto out;
    }
    group_numbers(&T);
    if (getenv("DTI_PDF_DEBUG"))
        for (size_t k = 0; k < T.ncols; k++)
            fprintf(stderr, "plain: col %zu %s %d: %s\n", k, T.col[k].role, T.col[k].year, T.col[k].head);
    /* rows */
    pre = malloc(T.nc * sizeof *pre);
    gcell = malloc(T.nc * sizeof *gcell);
    gat = malloc(T.nc * sizeof *gat);
    gcode = malloc(T.nc * sizeof *gcode);
    if (!pre || !gcell || !gat || !gcode)
        goto out;
    long gcol = col_of(&T, "group");
    /* A table with a group column ("Lĩnh vực" beside "TT"): a group lettered
     * "A." is the name printed in that column, not a row code, so the
     * letter and the name after it are one text again, as they were read
     * before letters were codes (xuan-lien-2026 plain 58.3 -> 41.7 with
     * the letters as codes: every task was lost) */
    if (gcol >= 0)
        for (size_t k = 0; k + 1 < T.nc; k++) {
            int pp[4], ro, le;
            pcell *a = &T.c[k], *b = &T.c[k + 1];
            if (a->kind != C_CODE || code_parts(a->text, pp, &ro, &le) != 1 || ro != 2 || b->kind != C_TEXT ||
                b->page != a->page)
                continue;
            size_t la = strlen(a->text), lb = strlen(b->text);
            char *t = malloc(la + lb + 2);
            if (!t)
                goto out;
            memcpy(t, a->text, la);
            t[la] = ' ';
            memcpy(t + la + 1, b->text, lb + 1);
            free(b->text);
            b->text = t;
            b->line = a->line;
            b->brk = a->brk;
            free(a->text);
            free(a->raw);
            memmove(a, b, (T.nc - k - 1) * sizeof *a);
            T.nc--;
        }
    /* groups lettered in capitals ("A. CHÍNH QUYỀN SỐ"): only those are
     * the group column's names */
    int lettered_only = 0;
    for (size_t k = 0; gcol >= 0 && k < T.nc; k++)
        lettered_only += group_lettered(T.c[k].text);
    lettered_only = lettered_only >= 2;
    memset(&cs, 0, sizeof cs);
    prow *cur = NULL;
    codes = 0;
    int in_repeat = 0, lastpage = -1;
    /* a run of rows printed name by name (each row's code and name, then
     * the next code), their other cells after the run: rows RUN.. of the
     * run take those cells as holes fill, from the cursor (RROW, RCOL) on */
    size_t run = SIZE_MAX, rrow = 0, pend = 0, pend0 = 0;
    int ploose = 0;                 /* the names of a run of codes come among their cells */
    size_t burst_at = SIZE_MAX;     /* the row whose cells were checked for a burst */
    int burst = 0;                  /* its cells are other rows' too: to fill_holes */
    long rcol = -1;
    for (i = 0; i < T.nc; i++) {
        pcell *c = &T.c[i];

        int y;
        const char *role = header_of(c->text, &y);
        if (c->kind == C_HDR || (role && known_header(&T, c->text))) {
            in_repeat = 0;
            continue;
        }
        if (role && !strcmp(role, "code")) {
            if (T.nr >= 2) { /* a header again: a repeat when it names known columns only */
                in_repeat = 1;
            }
            continue;
        }
        (void)in_repeat;
        /* a page break, seen past a repeated header */
        c->brk = lastpage >= 0 && c->page != lastpage;
        lastpage = c->page;
        int lv = 0;
        /* the names of a run of codes, in order */
        if (pend && c->kind == C_TEXT && (!c->lower || pend < pend0) && (!ploose || c->lower || nwords(c->text) >= 4)) {
            if (!c->lower)
                pend--;
            set_cell(&T.r[T.nr - 1 - pend], col_of(&T, "name"), c->text, 0);
            continue;
        }
        if (!ploose || c->kind == C_CODE)
            pend = ploose = 0;
        /* codes printed as a run ("5" / "6"), then as many names: one row
         * each, named in order; their other cells come as after a run of
         * rows printed name by name */
        if (c->kind == C_CODE && i + 1 < T.nc && T.c[i + 1].kind == C_CODE) {
            cstate probe = cs;
            size_t k = i, names = 0;
            int lv0 = 0, lv2 = 0;
            while (k < T.nc && T.c[k].kind == C_CODE && code_follows(&probe, T.c[k].text, &lv2, &T, 1)) {
                if (k == i)
                    lv0 = lv2;
                else if (lv2 != lv0)
                    break;
                k++;
            }
            /* two codes, then one block holding both names (a line in
             * title case starts the second), maybe with an ĐVT word beside
             * the first on a line of its own: cut in two, the word after */
            if (k - i == 2 && k < T.nc && T.c[k].kind == C_TEXT && T.c[k].raw && (k + 1 >= T.nc || T.c[k + 1].kind != C_TEXT)) {
                if (split_names(&T, k) < 0)
                    goto out;
                c = &T.c[i];    /* the cells may have moved */
            }
            for (size_t j = k; j < T.nc && (T.c[j].kind == C_TEXT || T.c[j].kind == C_HDR); j++)
                names += T.c[j].kind == C_TEXT && !T.c[j].lower;    /* the name's header may come between */
            /* or their names come later, among their other cells (up to the
             * next code): those cells fill the rows from the earliest one
             * before the run that holds its name only */
            size_t loose = 0;
            for (size_t j = k; names < k - i && j < T.nc && T.c[j].kind != C_CODE; j++)
                loose += T.c[j].kind == C_TEXT && !T.c[j].lower && nwords(T.c[j].text) >= 4;
            if (k - i >= 2 && (names >= k - i || (k - i >= 3 && loose >= k - i))) {
                run = T.nr, rrow = T.nr, rcol = -1;
                ploose = names < k - i;
                while (ploose && run > 0 && (only_named(&T, &T.r[run - 1]) || is_group(&T, run - 1)))
                    run--, rrow--;
                while (ploose && run < T.nr && is_group(&T, run))
                    run++, rrow++;
                for (size_t j = i; j < k; j++) {
                    code_follows(&cs, T.c[j].text, &lv2, &T, 1);
                    if (!(cur = add_row(&T, T.c[j].text, lv2)))
                        goto out;
                }
                pend = pend0 = k - i;
                i = k - 1;
                continue;
            }
        }
        if (c->kind == C_CODE || (c->kind == C_NUM && !strchr(c->text, ' '))) {
            cstate probe = cs;
            int page_no = c->last && c->kind != C_CODE;
            int pn = c->last && i + 1 < T.nc && T.c[i + 1].kind != C_TEXT;
            /* a row's code is followed by its name, never by a value */
            int named = i + 1 < T.nc && T.c[i + 1].kind != C_NUM && T.c[i + 1].kind != C_CODE &&
                        T.c[i + 1].kind != C_DUE;
            /* "1" right under a roman or lettered group ("II" / … / "1"),
             * its name printed before it (glued to the group's): a row
             * although a due phrase follows */
            if (!named && c->kind == C_CODE && cs.restart && !strcmp(c->text, "1") && i + 1 < T.nc &&
                T.c[i + 1].kind == C_DUE)
                named = 1;
            if (named && !page_no && !(pn && !strchr(c->text, '.')) && code_follows(&probe, c->text, &lv, &T, i + 1 < T.nc && T.c[i + 1].kind == C_TEXT && !T.c[i + 1].lower)) {
                cs = probe;
                size_t prev = T.nr - 1;
                /* a group row between (a code and its name only) keeps the
                 * run: "1.2", then "2" "Dữ liệu số", then "2.1" */
                int only_name = cur && only_named(&T, cur) && (cur->level == lv || run != SIZE_MAX);
                if (only_name && run == SIZE_MAX) {
                    /* back over rows named only, group rows among them: a
                     * row on the page before whose cells come after the
                     * break is the run's first (its cells are printed first) */
                    while (prev > 0 && (only_named(&T, &T.r[prev - 1]) || (prev > 1 && is_group(&T, prev - 1))))
                        prev--;
                    run = prev, rrow = prev, rcol = -1;
                }
                else if (!only_name)
                    run = SIZE_MAX;
                /* the row before could not hold a name and what came after
                 * it, and no name follows this code: a code centred in a
                 * tall row, printed after its name ("Cập nhật …" / "Phòng
                 * Kinh tế" / … / "2.2" / "Các thôn"); those cells are its */
                size_t *ex = NULL, nex = 0;
                if (cur && cur->nextra && T.c[cur->extra[0]].kind == C_TEXT && !T.c[cur->extra[0]].lower &&
                    T.c[i + 1].kind != C_TEXT && !is_group(&T, T.nr - 1)) {
                    ex = cur->extra, nex = cur->nextra;
                    cur->extra = NULL, cur->nextra = cur->capextra = 0;
                }
                cur = add_row(&T, c->text, lv);
                for (size_t j = 0; cur && j < nex; j++)
                    if (place(&T, cur, ex[j]))
                        cur = NULL;
                free(ex);
                if (!cur)
                    goto out;
                /* the row whose number comes just before the first row's,
                 * its code printed after "STT" ("2", "3" … were printed
                 * before it): the cells printed before the first row are
                 * its own */
                int pp[4], ro, le, fp[4], fro, fle;
                size_t pdues = 0, pnums = 0, pcap = 0;   /* one row's cells, no more */
                for (size_t j = 0; j < npre; j++)
                    pdues += T.c[pre[j]].kind == C_DUE, pnums += T.c[pre[j]].kind == C_NUM && strcmp(T.c[pre[j]].text, "-");
                for (size_t k = 0; k < T.ncols; k++)
                    pcap += !strcmp(T.col[k].role, "baseline") || !strcmp(T.col[k].role, "target");
                if (npre && pdues <= 1 && pnums <= pcap && T.nr >= 2 && i > stt_at && code_parts(cur->code, pp, &ro, &le) == 1 && !ro && !le &&
                    cur->level == 2 && code_parts(T.r[0].code, fp, &fro, &fle) == 1 && !fro && !fle &&
                    fp[0] == pp[0] + 1) {
                    for (size_t j = 0; j < npre; j++)
                        if (place(&T, cur, pre[j]))
                            goto out;
                    npre = 0;
                }
                continue;
            }
            /* a code printed after its row's cells (a code centred in a
             * tall row, last on the page): the cells the row before could
             * not hold are this row's */
            probe = cs;
            if (c->kind == C_CODE && !named && cur && cur->nextra && code_follows(&probe, c->text, &lv, NULL, 0)) {
                cs = probe;
                size_t *ex = cur->extra, nex = cur->nextra;
                cur->extra = NULL, cur->nextra = cur->capextra = 0;
                cur = add_row(&T, c->text, lv);
                for (size_t j = 0; cur && j < nex; j++)
                    if (place(&T, cur, ex[j]))
                        cur = NULL;
                free(ex);
                if (!cur)
                    goto out;
                continue;
            }
            if (c->kind == C_CODE && c->last && !strchr(c->text, '.'))
                continue;   /* a page number */
            if (c->kind == C_CODE)
                c->kind = C_NUM;
        }
        /* a group column's name (merged down over its rows, printed once
         * near their middle): kept apart, set where its rows start below.
         * Its middle row is the row it is printed in when a longer name
         * follows it there (the row's own), else the next row to open. */
        if (gcol >= 0 && group_like(c)) {
            long name = col_of(&T, "name");
            int in_cur = cur && col_free(cur, name) && i + 1 < T.nc && T.c[i + 1].kind == C_TEXT &&
                         !T.c[i + 1].lower && nwords(T.c[i + 1].text) > nwords(c->text);
            /* a short text the row's products or notes column can take is
             * that; a lettered group's name in capitals ("A. CHÍNH QUYỀN
             * SỐ", "B. KINH TẾ SỐ") is a group's, wherever it is printed */
            int lettered = group_lettered(c->text);
            if (lettered_only && !lettered)
                ;   /* the groups are lettered: this is some row's text */
            else if (!cur || in_cur || lettered || (!col_free(cur, name) && place_col(&T, cur, c) < 0)) {
                gcell[ng] = i;
                gat[ng++] = in_cur ? T.nr - 1 : T.nr;
                continue;
            }
        }
        if (!cur) { /* before the first row: fills holes at the end */
            pre[npre++] = i;
            continue;
        }
        /* the run holds when the first cell after it is a body cell its
         * first row has a column for (a value, due phrase, unit, ĐVT
         * word), not more text, and the cells up to the next code are more
         * than one row holds (else they are the last row's, the others'
         * printed elsewhere) */
        /* the row opened last may wait for its name (printed after the
         * run's cells): a body cell then still goes to the run */
        int named_or_body = !col_free(cur, col_of(&T, "name")) ||
                            (cur != &T.r[run < T.nr ? run : 0] && !c->lower &&
                             (c->kind == C_NUM || c->kind == C_DUE || c->kind == C_UNIT));
        if (run != SIZE_MAX && rcol < 0 && named_or_body && cur->level != 1 &&
            (c->lower || c->kind == C_TEXT || place_col(&T, &T.r[run], c) < 0 || !run_spread(&T, i)))
            run = SIZE_MAX;
        if (run != SIZE_MAX && named_or_body &&
            run_place(&T, run, &rrow, &rcol, c))
            continue;
        /* a text after a row's name while an earlier row still waits for
         * its name, the cells from it on holding more than one row can
         * (two due phrases, more values than value columns): that row's
         * name and a page's other rows' cells printed after theirs; they
         * fill the holes in reading order (fill_holes), from the earliest
         * row */
        if (burst_at != T.nr - 1)
            burst = 0;      /* a row opened since */
        if (burst_at != T.nr - 1 && run == SIZE_MAX && !col_free(cur, col_of(&T, "name")) && c->kind == C_TEXT &&
            !c->lower) {
            burst_at = T.nr - 1;
            for (size_t j = 0; j + 1 < T.nr && !burst; j++)
                burst = !is_group(&T, j) && col_free(&T.r[j], col_of(&T, "name"));
            burst = burst && run_spread(&T, i);
        }
        if (burst && run == SIZE_MAX ? push_extra(cur, i) : place(&T, cur, i))
            goto out;
    }
    if (T.nr < 2) {
        rc = 0;
        goto out;
    }
    for (size_t g = 0; g < ng; g++) {   /* by code: the rows are sorted next */
        gcode[g][0] = 0;
        /* two names printed one right after the other ("B. KINH TẾ SỐ" /
         * "C. XÃ HỘI SỐ"): neither beside its rows, so neither's middle
         * row is known */
        int together = (g > 0 && gcell[g - 1] + 1 == gcell[g]) || (g + 1 < ng && gcell[g] + 1 == gcell[g + 1]);
        if (gat[g] < T.nr && !together)
            snprintf(gcode[g], sizeof gcode[g], "%s", T.r[gat[g]].code);
    }
    sort_rows(&T);
    int sg = ng ? set_groups(&T, gcol, gcell, gcode, ng) : 0;
    if (getenv("DTI_PDF_DEBUG"))
        for (size_t g = 0; g < ng; g++)
            fprintf(stderr, "plain: group %s at row %s%s\n", T.c[gcell[g]].text, gcode[g], sg ? " (declined)" : "");
    if (sg < 0)
        goto out;
    for (size_t g = 0; sg && g < ng; g++)   /* declined: placed as other cells are */
        pre[npre++] = gcell[g];
    size_t dropped;
    if (fill_holes(&T, pre, npre, &dropped))
        goto out;
    /* a row's lead holding two units or more and its support one: printed
     * support first (the taller cell comes first), as a lead is one unit */
    long lc = col_of(&T, "lead"), sc = col_of(&T, "support");
    for (size_t r = 0; lc >= 0 && sc >= 0 && r < T.nr; r++) {
        buf *lb = &T.r[r].cell[lc], *sb = &T.r[r].cell[sc];
        if (lb->len && sb->len && !buf_failed(lb) && !buf_failed(sb) && (strchr(lb->ptr, ';') || strchr(lb->ptr, '\n')) &&
            !strchr(sb->ptr, ';') && !strchr(sb->ptr, '\n') && !strchr(sb->ptr, ',')) {
            buf tmp = *lb;
            *lb = *sb;
            *sb = tmp;
        }
    }

    if (!sure(&T, dropped)) {
        rc = 0;
        goto out;
    }
    if (getenv("DTI_PDF_DEBUG"))
        for (size_t r = 0; r < T.nr; r++) {
            fprintf(stderr, "plain: row %s", T.r[r].code);
            for (size_t k = 1; k < T.ncols; k++)
                fprintf(stderr, " | %s", T.r[r].cell[k].len ? T.r[r].cell[k].ptr : "");
            fprintf(stderr, "\n");
        }
    drop_paras(d, v, start, h);
    if (emit(d, &T, v[start].no))
        goto out;
    *end = stop;
    rc = 1;
out:
    free(pre);
    free(gcell);
    free(gat);
    free(gcode);
    ptab_release(&T);
    return rc;
}
