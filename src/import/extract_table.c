/* extract_table.c — indicators, tasks and groups from the tables of a doc.
 *
 * A table is read through its layout: the header rows (one, or two where a
 * merged cell such as "Phân công tại cấp xã" stands over "Phòng ban tiếp
 * nhận triển khai | Phòng ban phối hợp") and a role for each column, taken
 * from the header's words, never from a column's position:
 *   code "TT/STT", name "Chỉ tiêu/Chỉ số/Nội dung/Nhiệm vụ", lead "chủ trì",
 *   support "phối hợp", target of year N "Năm 2026/Đến năm 2030", due
 *   "Thời gian/Thời hạn", basis "Căn cứ", action "Nhiệm vụ thực hiện tại địa
 *   phương/Giải pháp", outputs "Sản phẩm", funding "Kinh phí", scope "Quy
 *   mô, phạm vi", note "Ghi chú". A header cell naming both lead and
 *   support ("Cơ quan chủ trì/phối hợp") is one column of both, unless it
 *   is merged over cells that say which ("Chủ trì | Phối hợp").
 * Two lead columns: the commune-level one ("cấp xã", "tại phường", "tiếp
 * nhận") is the lead and the other x.parent_lead; else the one without a
 * province cue ("cấp tỉnh", "Sở, ngành") beside one with it; with no cue
 * at all, the later one is the lead when a support column exists (province
 * first, commune after), else the first is the lead and the second the
 * support. A column of results already reached ("Kết quả thực hiện năm
 * 2025", "Thực hiện năm 2025", "Ước thực hiện", "Hiện trạng") is a
 * baseline, never a target; "Kết quả cần đạt (năm 2026)" is a target and
 * "Kết quả" alone the products. "Lộ trình thực hiện" (no year) is the due
 * column; "Nhiệm vụ, giải pháp" names the tasks ("Giải pháp" alone is the
 * action column).
 *
 * A table with no header row, or with the same header rows repeated, continues
 * the layout before it when the reader marked it `continued` or nothing but
 * page noise lies between them (page breaks cut tables into fragments). At
 * such a boundary the first row continues the previous row when its code
 * cell is empty (or the previous row had none and this one brings it): cell
 * texts are appended. The header rows repeated inside one table (a text
 * form that keeps a page's rows in the table) are such a boundary too.
 *
 * Rows: a repeated header or column-number row is skipped; a group row has
 * a code ("I", "1.", "5") and a name and nothing else, with a level by the
 * code's shape (roman over arabic over "1.1"); an item sits in the innermost
 * open group, or in "PL<n>" in appendix n ≥ 2 when under none; a sub-row
 * coded "a)", "b)" under item "3" of the same group is "3.a", "3.b". An item is an
 * indicator in a table with target columns (unless its name column says
 * "Chỉ tiêu/nhiệm vụ": then when it has a value there or its text a
 * measurable target, else a task), a task in a table of tasks
 * (name "Nhiệm vụ" only, or products or funding under a name that is not
 * "Chỉ tiêu/nhiệm vụ") or under a group of documents to issue ("văn bản"),
 * and otherwise (a "Chỉ tiêu/nhiệm vụ" column, with or without products
 * and funding) an indicator exactly when its text carries a measurable
 * target. In a lead/support column, "(chủ trì)"/"(phối hợp)" after a unit
 * says which it is. A column headed "Năm" alone holds each row's year: one
 * row per (indicator, year), the code, name and units merged down (empty in
 * the rows under the first); each such row gives the item its year's
 * target, and the first row's target is of its own year. A row whose target cells name a product ("Kế hoạch được
 * ban hành" under "Kết quả cần đạt": no number, three words or more, no
 * target word) is a task with those words as its outputs, in any table but
 * one whose name column says "Chỉ tiêu" alone. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "base/buf.h"
#include "base/text.h"
#include "core/target.h"
#include "import/extract_int.h"

enum {
    R_NONE = 0, R_CODE, R_NAME, R_LEAD, R_PARENT, R_SUPPORT, R_TARGET, R_DUE, R_BASIS,
    R_ACTION, R_OUTPUTS, R_FUNDING, R_SCOPE, R_NOTE, R_UNIT, R_BASE, R_GROUP, R_LEADSUP, R_YEAR
};
#define MAX_YEAR_ROWS 16        /* year rows under one indicator (one row per year) */
enum { K_MIXED = 0, K_IND, K_TASK };
#define MAX_HEADER_ROWS 3
#define HEADER_SEARCH_ROWS 8    /* rows looked at for a header */
#define GROUP_LEVELS 6

typedef struct layout {
    size_t ncols;
    int role[DOC_MAX_COLS];
    int year[DOC_MAX_COLS];
    int commune[DOC_MAX_COLS];  /* lead column with a commune-level cue */
    int codecol, namecol;
    int kind;
    int name_ind, name_task;    /* the name column's header says "chỉ tiêu", "nhiệm vụ" */
    char *hdr[MAX_HEADER_ROWS]; /* folded header rows, to skip repeats */
    size_t nhdr;
    /* two funding columns or more ("Kinh phí (triệu đồng)" over "Ngân sách |
     * Xã hội hóa"): each column's own label and the merged header's unit,
     * owned, NULL where none */
    char *flabel[DOC_MAX_COLS];
    char *funit;
    long pl_group;
} layout;

typedef struct tstate {
    xt_ctx *x;
    layout L;
    int active;
    int gap;                    /* a real paragraph since the last table */
    long grp[GROUP_LEVELS];
    /* the row being gathered (rows may continue over a page break) */
    char *cell[DOC_MAX_COLS];
    int pending;
    size_t pend_pos;
    int appendix;
    int groupcol_n;             /* groups opened by a group column, for their ordinals */
    char *appendix_title;
    int want_title;
    int rehdr;                  /* a header row repeated inside the table was just skipped */
    char item_code[48];         /* the last item's code and group, for its sub-rows "a)", "b)" */
    struct {
        int year;
        char *text;             /* owned */
    } yrows[MAX_YEAR_ROWS];     /* the pending item's year rows (a year column) */
    size_t nyrows;
    long item_group;
} tstate;

static int has_year(const char *f, int *year)
{
    for (const char *p = f; *p; p++)
        if (p[0] == '2' && p[1] == '0' && p[2] >= '0' && p[2] <= '9' && p[3] >= '0' && p[3] <= '9' &&
            (p == f || p[-1] == ' ') && (p[4] == 0 || p[4] == ' ')) {
            *year = 2000 + (p[2] - '0') * 10 + (p[3] - '0');
            return 1;
        }
    return 0;
}

static int any(const char *f, const char *const *w, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (strstr(w[i], " ") ? strstr(f, w[i]) != NULL : xt_has(f, w[i]))
            return 1;
    return 0;
}
#define ANY(f, ...) any((f), (const char *const[]){__VA_ARGS__}, \
                        sizeof((const char *const[]){__VA_ARGS__}) / sizeof(const char *))

/* Role of a column from its folded header text F. */
static int header_role(const char *f, int *year, int *name_ind, int *name_task)
{
    *year = 0;
    if (!*f)
        return R_NONE;
    if (ANY(f, "ghi chu"))
        return R_NOTE;
    /* "Lĩnh vực", "Nhóm chỉ tiêu", "Trụ cột": the group's name in its own
     * column, merged down over the group's rows */
    if (!strcmp(f, "linh vuc") || !strcmp(f, "nhom") || !strcmp(f, "tru cot") || !strcmp(f, "nhom chi tieu") ||
        !strcmp(f, "nhom chi so") || !strcmp(f, "nhom nhiem vu") || !strcmp(f, "linh vuc nhom"))
        return R_GROUP;
    /* "Cơ quan chủ trì/phối hợp": both in one cell */
    if (ANY(f, "chu tri") && ANY(f, "phoi hop"))
        return R_LEADSUP;
    /* "ĐVT", "Đơn vị tính": the unit of the row's bare numbers */
    if (!strcmp(f, "dvt") || !strcmp(f, "d.v.t") || ANY(f, "don vi tinh"))
        return R_UNIT;
    /* "Năm" alone over the body's years: one row per (indicator, year) */
    if (!strcmp(f, "nam") || !strcmp(f, "theo nam") || !strcmp(f, "nam ke hoach") || !strcmp(f, "cac nam"))
        return R_YEAR;
    if (!strcmp(f, "tt") || !strcmp(f, "stt") || !strcmp(f, "so tt") || !strcmp(f, "ma") ||
        !strcmp(f, "ma so") || !strcmp(f, "so thu tu") || !strcmp(f, "ma chi tieu") || !strcmp(f, "ma so chi tieu"))
        return R_CODE;
    /* "Sản phẩm, chỉ tiêu cần đạt": a level on some rows, a product on
     * others; read as targets, a row naming a product is then a task with it
     * as its output (target_cells_products) */
    if (ANY(f, "san pham", "ket qua dau ra") && ANY(f, "chi tieu", "can dat", "phai dat") && !has_year(f, year))
        return R_TARGET;
    if (ANY(f, "san pham", "ket qua dau ra"))
        return R_OUTPUTS;
    /* "Kết quả cần đạt năm 2026", "Kết quả phải đạt": a target */
    if (ANY(f, "can dat", "phai dat", "du kien dat")) {
        has_year(f, year);
        return R_TARGET;
    }
    /* "Kết quả" alone (no year, no "thực hiện"): what the work delivers */
    if (xt_starts(f, "ket qua") && !has_year(f, year) && !ANY(f, "thuc hien", "uoc", "da dat", "hien trang"))
        return R_OUTPUTS;
    if (ANY(f, "kinh phi", "nguon von"))
        return R_FUNDING;
    if (ANY(f, "can cu"))
        return R_BASIS;
    if (ANY(f, "phoi hop"))
        return R_SUPPORT;
    if (ANY(f, "quy mo", "pham vi"))
        return R_SCOPE;
    if (ANY(f, "thoi gian", "thoi han", "tien do", "hoan thanh", "moc thoi gian"))
        return R_DUE;
    /* "Lộ trình thực hiện" is when the work is done; "Lộ trình 2026" over a
     * year's column stays a target */
    if (ANY(f, "lo trinh") && !has_year(f, year))
        return R_DUE;
    /* "Thực hiện năm 2025", "Năm 2025 (thực hiện)", "TH 2025": done already */
    if ((xt_starts(f, "thuc hien") || xt_starts(f, "th") || strstr(f, "(thuc hien)")) &&
        !ANY(f, "ke hoach", "chi tieu", "muc tieu", "chu tri", "don vi", "co quan") && has_year(f, year))
        return R_BASE;
    /* "Kết quả thực hiện năm 2025", "Ước thực hiện", "Hiện trạng": a
     * baseline reached, not a target */
    if (ANY(f, "ket qua", "uoc thuc hien", "uoc dat", "hien trang", "thuc trang", "da dat") &&
        !ANY(f, "chu tri", "don vi", "co quan", "trach nhiem", "bao cao")) {
        has_year(f, year);
        return R_BASE;
    }
    if (has_year(f, year))
        return R_TARGET;
    /* "Bộ phận tham mưu cấp xã": who carries the work in the commune */
    if (ANY(f, "chu tri", "tiep nhan", "don vi thuc hien", "co quan thuc hien", "phu trach", "trach nhiem",
            "tham muu", "bo phan thuc hien"))
        return R_LEAD;
    /* "Giải pháp", "Nhiệm vụ thực hiện tại địa phương": how the commune acts;
     * "Nhiệm vụ, giải pháp" heads the tasks themselves */
    if (ANY(f, "nhiem vu thuc hien tai", "tai dia phuong", "cach thuc") ||
        (ANY(f, "giai phap") && !ANY(f, "nhiem vu", "noi dung", "chi tieu", "ten")))
        return R_ACTION;
    int ind = ANY(f, "chi so", "chi tieu", "tieu chi");
    int task = ANY(f, "nhiem vu", "van ban", "hoat dong", "de an", "du an", "cong viec");
    if (ind || task || ANY(f, "noi dung", "ten", "danh muc")) {
        *name_ind = ind;
        *name_task = task;
        return R_NAME;
    }
    /* "Kế hoạch" alone over values (beside "Năm", "Thực hiện"): the level planned */
    if (ANY(f, "muc tieu", "gia tri", "ke hoach nam") || !strcmp(f, "ke hoach") || !strcmp(f, "chi tieu ke hoach"))
        return R_TARGET;
    if (ANY(f, "don vi", "co quan"))
        return R_LEAD;
    return R_NONE;
}

/* S is a whole number written with thousands dots ("2.000", "12.500"). */
static int thousands(const char *s, double *v)
{
    double x = 0;
    int digits = 0, groups = 0;
    for (const char *p = s; *p; p++) {
        if (*p >= '0' && *p <= '9') {
            x = x * 10 + (*p - '0');
            digits++;
        } else if (*p == '.' && digits >= 1 && (groups ? digits == 3 : digits <= 3)) {
            groups++;
            digits = 0;
        } else {
            return 0;
        }
    }
    if (!groups || digits != 3)
        return 0;
    *v = x;
    return 1;
}

/* The N targets read from one cell each name a different year, with a value. */
static int distinct_years(const plan_target *t, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (!t[i].has_value || !t[i].year)
            return 0;
        for (size_t j = 0; j < i; j++)
            if (t[j].year == t[i].year)
                return 0;
    }
    return 1;
}

/* S is a whole number alone ("2000", "850"): in a year's column it is the
 * target, even where it could be read as a year. */
static int plain_int(const char *s, double *v)
{
    double x = 0;
    size_t n = 0;
    for (; s[n]; n++) {
        if (s[n] < '0' || s[n] > '9' || n >= 12)
            return 0;
        x = x * 10 + (s[n] - '0');
    }
    if (!n)
        return 0;
    *v = x;
    return 1;
}

/* A number as a spreadsheet stores it ("48.5", "0.75"): digits, one '.',
 * and not exactly three digits after it ("1.500" is a Vietnamese thousand).
 * Rewritten in place with the decimal comma the target reader knows. */
static void machine_decimal(char *s)
{
    char *dot = NULL;
    size_t before = 0, after = 0;
    for (char *p = s; *p; p++) {
        if (*p == '.' && !dot && before)
            dot = p;
        else if (*p >= '0' && *p <= '9')
            *(dot ? &after : &before) += 1;
        else
            return;
    }
    if (dot && after && (after != 3 || (before == 1 && s[0] == '0')))
        *dot = ',';
}

/* After a target read from its own cell FLAT ("Tối thiểu 48 tin, bài"):
 * the unit runs to the end of the cell when only a word or two follow a
 * comma ("tin, bài"), as written; T's unit is replaced. */
static void unit_to_end(xt_ctx *x, const char *flat, plan_target *t)
{
    if (!t->has_value || !t->unit || !*t->unit)
        return;
    const char *p = strstr(flat, t->unit);
    if (!p)
        return;
    const char *rest = p + strlen(t->unit);
    if (rest[0] != ',' || rest[1] != ' ' || !rest[2])
        return;
    int words = 1;
    for (const char *q = rest + 2; *q; q++) {
        if ((*q >= '0' && *q <= '9') || *q == '%' || *q == ',' || *q == ';' || *q == '(')
            return;
        if (*q == ' ')
            words++;
    }
    if (words > 2)
        return;
    char *u = strdup(p);
    if (!u) {
        x->failed = 1;
        return;
    }
    free(t->unit);
    t->unit = u;
}

static char *cell_fold(const doc_table *t, size_t r, size_t c)
{
    return xt_fold(t->cells[r * t->ncols + c].text);
}

/* A row of column numbers "(1) (2) (3)" or "1 2 3" under a header. */
static int numbering_row(const doc_table *t, size_t r)
{
    int seen = 0;
    for (size_t c = 0; c < t->ncols; c++) {
        const char *s = t->cells[r * t->ncols + c].text;
        if (!*s)
            continue;
        const char *p = s;
        if (*p == '(')
            p++;
        char *end;
        long v = strtol(p, &end, 10);
        if (end == p || v < 1 || v > 99)
            return 0;
        if (*end == ')')
            end++;
        if (*end)
            return 0;
        seen++;
    }
    return seen >= 2;
}

/* Count the cells of row R with a header role; NAMECODE set when one is a
 * name or code column. */
static int row_roles(const doc_table *t, size_t r, int *namecode, xt_ctx *x)
{
    int n = 0;
    *namecode = 0;
    for (size_t c = 0; c < t->ncols; c++) {
        char *f = cell_fold(t, r, c);
        if (!f) {
            x->failed = 1;
            return 0;
        }
        int y, ni = 0, nt = 0;
        int role = strlen(f) <= 160 ? header_role(f, &y, &ni, &nt) : R_NONE;
        if (role != R_NONE)
            n++;
        if (role == R_NAME || role == R_CODE)
            *namecode = 1;
        free(f);
    }
    return n;
}

static void layout_release(layout *L)
{
    for (size_t i = 0; i < L->nhdr; i++)
        free(L->hdr[i]);
    for (size_t c = 0; c < DOC_MAX_COLS; c++)
        free(L->flabel[c]);
    free(L->funit);
    memset(L, 0, sizeof *L);
}

static char *row_fold(const doc_table *t, size_t r)
{
    buf b;
    buf_init(&b, 1 << 20);
    for (size_t c = 0; c < t->ncols; c++) {
        buf_adds(&b, t->cells[r * t->ncols + c].text);
        buf_addc(&b, '|');
    }
    char *s = buf_detach(&b);
    char *f = s ? xt_fold(s) : NULL;
    free(s);
    return f;
}

/* A header row holds short labels only, no code ("I", "1.1"). */
static int subheader_row(const doc_table *t, size_t r)
{
    for (size_t c = 0; c < t->ncols; c++) {
        const char *s = t->cells[r * t->ncols + c].text;
        char code[16];
        int level;
        if (!*s)
            continue;
        if (strlen(s) > 100 || xt_code(s, code, sizeof code, &level))
            return 0;
    }
    return 1;
}

/* Cell C of row R is part of a cell spanning columns: merged into its left
 * neighbour or with its right one merged into it (Word, Excel), or, where
 * the format keeps no merges (text, Markdown), beside an empty cell of a
 * spanned header ("Kinh phí (triệu đồng)" over two columns, then ""). */
static int spanned(const doc_table *t, size_t r, size_t c)
{
    const doc_cell *a = &t->cells[r * t->ncols + c];
    const doc_cell *n = c + 1 < t->ncols ? a + 1 : NULL;
    if (a->merged == DOC_MERGE_LEFT || (n && n->merged == DOC_MERGE_LEFT))
        return 1;
    if (a->merged == DOC_MERGE_NONE && !*a->text && c > 0)
        return 1;
    return n && n->merged == DOC_MERGE_NONE && !*n->text && *a->text;
}

/* Row R (after a header row) names the parts of merged header cells:
 * "Ngân sách | Xã hội hóa" under "Kinh phí (triệu đồng)". Two cells or
 * more, each under a cell of the row above that spans columns. */
static int under_spans(const doc_table *t, size_t r)
{
    if (r == 0)
        return 0;
    int n = 0;
    for (size_t c = 0; c < t->ncols; c++) {
        const doc_cell *a = &t->cells[r * t->ncols + c];
        if (a->merged != DOC_MERGE_NONE || !*a->text)
            continue;
        if (!spanned(t, r - 1, c))
            return 0;
        n++;
    }
    return n >= 2;
}

static const struct {
    int role;
    const char *word;
} ROLE_WORDS[] = {
    {R_CODE, "code"}, {R_NAME, "name"}, {R_TARGET, "target"}, {R_BASE, "baseline"}, {R_UNIT, "unit"},
    {R_LEAD, "lead"}, {R_SUPPORT, "support"}, {R_PARENT, "parent_lead"}, {R_LEADSUP, "lead_support"},
    {R_DUE, "due"}, {R_OUTPUTS, "outputs"}, {R_FUNDING, "funding"}, {R_BASIS, "basis"}, {R_ACTION, "action"},
    {R_SCOPE, "scope"}, {R_GROUP, "group"}, {R_NOTE, "note"}, {R_YEAR, "year"}, {R_NONE, "none"},
};

/* The role the caller set for a column headed F (folded), or -1. */
static int role_set(xt_ctx *x, const char *f)
{
    if (!x->opts)
        return -1;
    for (size_t i = 0; i < x->opts->nroles; i++) {
        char *h = xt_fold(x->opts->header[i]);
        int same = h && strcmp(h, f) == 0;
        free(h);
        if (!same)
            continue;
        for (size_t k = 0; k < sizeof ROLE_WORDS / sizeof *ROLE_WORDS; k++)
            if (strcmp(ROLE_WORDS[k].word, x->opts->role[i]) == 0)
                return ROLE_WORDS[k].role;
    }
    return -1;
}

/* List column C of header text TEXT and role ROLE in the plan's x.columns
 * (once per header text). */
static void list_column(xt_ctx *x, const char *text, int role)
{
    const char *word = "none";
    for (size_t k = 0; k < sizeof ROLE_WORDS / sizeof *ROLE_WORDS; k++)
        if (ROLE_WORDS[k].role == role)
            word = ROLE_WORDS[k].word;
    if (!x->p->x && !(x->p->x = json_object())) {
        x->failed = 1;
        return;
    }
    json_t *cols = json_object_get(x->p->x, "columns");
    if (!cols) {
        cols = json_array();
        if (!cols || json_object_set_new(x->p->x, "columns", cols) < 0) {
            x->failed = 1;
            return;
        }
    }
    size_t i;
    json_t *v;
    json_array_foreach(cols, i, v)
        if (strcmp(json_string_value(json_object_get(v, "header")), text) == 0)
            return;
    if (json_array_append_new(cols, json_pack("{s:s, s:s}", "header", text, "role", word)) < 0)
        x->failed = 1;
}

const char *extract_header_role(const char *text, int *year)
{
    int y = 0, ni = 0, nt = 0;
    char *f = xt_fold(text);
    int role = f ? header_role(f, &y, &ni, &nt) : R_NONE;
    free(f);
    if (year)
        *year = y;
    for (size_t k = 0; k < sizeof ROLE_WORDS / sizeof *ROLE_WORDS; k++)
        if (ROLE_WORDS[k].role == role)
            return ROLE_WORDS[k].word;
    return "none";
}

/* Find the header rows of T; fill L and return how many rows they take
 * (0: no header, not a new layout). */
/* Role of column C from its own cell in the lowest header row of the NH
 * rows from FIRST (not a numbering row, not covered by a merge from its
 * left), R_NONE where there is none. */
static int sub_header_role(const doc_table *t, size_t first, size_t nh, size_t c, xt_ctx *x)
{
    for (size_t r = first + nh; r-- > first + 1;) {
        if (numbering_row(t, r))
            continue;
        if (t->cells[r * t->ncols + c].merged != DOC_MERGE_NONE)
            return R_NONE;
        char *f = cell_fold(t, r, c);
        if (!f) {
            x->failed = 1;
            return R_NONE;
        }
        int y, ni = 0, nt = 0;
        int role = *f && strlen(f) <= 160 ? header_role(f, &y, &ni, &nt) : R_NONE;
        free(f);
        return role;
    }
    return R_NONE;
}

/* The labels of two funding columns or more under one merged header
 * ("Kinh phí (triệu đồng)" over "Ngân sách | Xã hội hóa"): L->flabel[c]
 * the cell under the merged one, L->funit the words in brackets of the
 * merged header naming a currency ("triệu đồng"). 0, or -1 out of memory. */
static int funding_labels(const doc_table *t, size_t first, size_t nh, layout *L)
{
    size_t nf = 0;
    for (size_t c = 0; c < t->ncols; c++)
        nf += L->role[c] == R_FUNDING;
    if (nf < 2 || nh < 2)
        return 0;
    size_t low = first + nh - 1;
    while (low > first && numbering_row(t, low))
        low--;
    if (low == first)
        return 0;
    for (size_t c = 0; c < t->ncols; c++) {
        if (L->role[c] != R_FUNDING)
            continue;
        const doc_cell *own = &t->cells[low * t->ncols + c];
        if (own->merged == DOC_MERGE_NONE && *own->text) {
            L->flabel[c] = text_clean(own->text);
            if (!L->flabel[c])
                return -1;
        }
        size_t k = c;
        while (k > 0 && t->cells[first * t->ncols + k].merged == DOC_MERGE_LEFT)
            k--;
        const char *top = t->cells[first * t->ncols + k].text;
        const char *o = strchr(top, '('), *e = o ? strchr(o, ')') : NULL;
        if (!L->funit && e && e - o > 1) {
            char *u = text_clean_n(o + 1, (size_t)(e - o - 1));
            char *f = u ? xt_fold(u) : NULL;
            if (!u || !f) {
                free(u);
                free(f);
                return -1;
            }
            if (xt_has(f, "dong"))
                L->funit = u;
            else
                free(u);
            free(f);
        }
    }
    return 0;
}

/* S is a bare amount ("150", "1.200", "2,5"). */
static int bare_amount(const char *s)
{
    if (!*s)
        return 0;
    for (; *s; s++)
        if (!(*s >= '0' && *s <= '9') && *s != '.' && *s != ',')
            return 0;
    return 1;
}

static size_t find_header(xt_ctx *x, const doc_table *t, layout *L)
{
    size_t nh = 0, first = 0;
    int namecode;
    /* the header may sit under a few title rows (a sheet's "PHỤ LỤC …") */
    size_t lim = t->nrows < HEADER_SEARCH_ROWS ? t->nrows : HEADER_SEARCH_ROWS;
    for (size_t r = 0; r < lim; r++) {
        int n = row_roles(t, r, &namecode, x);
        if (!nh) {
            if (n >= 2 && namecode && subheader_row(t, r)) {
                first = r;
                nh = 1;
            }
        } else if (nh >= MAX_HEADER_ROWS) {
            break;
        } else if (numbering_row(t, r) || (n >= 1 && !namecode && subheader_row(t, r)) ||
                   (!namecode && subheader_row(t, r) && under_spans(t, r))) {
            nh++;
        } else
            break;
    }
    if (!nh)
        return 0;
    memset(L, 0, sizeof *L);
    L->ncols = t->ncols;
    L->codecol = L->namecol = -1;
    L->pl_group = -1;
    int name_ind = 0, name_task = 0, has_target = 0, has_outfund = 0;
    int forced[DOC_MAX_COLS];
    char *htext[DOC_MAX_COLS] = {0};
    for (size_t c = 0; c < t->ncols; c++) {
        buf b;
        buf_init(&b, 4096);
        for (size_t r = first; r < first + nh; r++) {
            if (numbering_row(t, r))
                continue;
            /* a merged header above: inherit its text; where the format
             * keeps no merges (text, Markdown), an empty cell over a
             * sub-label continues the header cell on its left */
            size_t k = c;
            if (r + 1 < first + nh) {
                while (k > 0 && t->cells[r * t->ncols + k].merged == DOC_MERGE_LEFT)
                    k--;
                if (k == c && c > 0 && t->cells[r * t->ncols + c].merged == DOC_MERGE_NONE &&
                    !*t->cells[r * t->ncols + c].text && *t->cells[(r + 1) * t->ncols + c].text)
                    while (k > 0 && t->cells[r * t->ncols + k].merged == DOC_MERGE_NONE &&
                           !*t->cells[r * t->ncols + k].text)
                        k--;
            }
            buf_adds(&b, t->cells[r * t->ncols + k].text);
            buf_addc(&b, ' ');
        }
        char *s = buf_detach(&b);
        char *f = s ? xt_fold(s) : NULL;
        htext[c] = s ? text_clean(s) : NULL;
        free(s);
        if (!f || !htext[c]) {
            free(f);
            for (size_t k = 0; k <= c; k++)
                free(htext[k]);
            x->failed = 1;
            return 0;
        }
        int ni = 0, nt = 0;
        int role = header_role(f, &L->year[c], &ni, &nt);
        /* "Cơ quan chủ trì/phối hợp" merged over "Chủ trì | Phối hợp": the
         * cell under the merged one says which of the two this column is */
        if (role == R_LEADSUP && nh > 1) {
            int sub = sub_header_role(t, first, nh, c, x);
            if (sub == R_LEAD || sub == R_SUPPORT)
                role = sub;
        }
        forced[c] = role_set(x, f);
        if (forced[c] >= 0) {
            role = forced[c];
            if ((role == R_TARGET || role == R_BASE) && !L->year[c])
                has_year(f, &L->year[c]);
            if (role == R_NAME && L->namecol >= 0 && forced[L->namecol] != R_NAME)
                L->role[L->namecol] = R_NONE, L->namecol = -1;
            if (role == R_CODE && L->codecol >= 0 && forced[L->codecol] != R_CODE)
                L->role[L->codecol] = R_NONE, L->codecol = -1;
        } else if ((role == R_NAME && L->namecol >= 0 && forced[L->namecol] == R_NAME) ||
                   (role == R_CODE && L->codecol >= 0 && forced[L->codecol] == R_CODE)) {
            role = R_NONE;
        }
        /* "Nội dung | Chỉ tiêu": after the name, a column headed by the bare
         * word "Chỉ tiêu" ("Chỉ tiêu giao", "Chỉ số") holds the values */
        if (role == R_NAME && L->namecol >= 0 && forced[c] < 0 && ni && !nt &&
            (!strcmp(f, "chi tieu") || !strcmp(f, "chi tieu giao") || !strcmp(f, "chi tieu duoc giao") ||
             !strcmp(f, "chi tieu can dat") || !strcmp(f, "chi so")))
            role = R_TARGET;
        if (role == R_NAME && L->namecol >= 0)
            role = R_NONE;
        if (role == R_CODE && L->codecol >= 0)
            role = R_NONE;
        if (role == R_NAME) {
            L->namecol = (int)c;
            name_ind = ni;
            name_task = nt;
        }
        if (role == R_CODE)
            L->codecol = (int)c;
        if (role == R_TARGET)
            has_target = 1;
        if (role == R_OUTPUTS || role == R_FUNDING)
            has_outfund = 1;
        if (role == R_LEAD) {
            L->commune[c] = ANY(f, "cap xa", "tai xa", "tiep nhan", "xa", "phuong", "dac khu", "thi tran");
            /* a province-level lead ("Sở, ngành chủ trì cấp tỉnh") */
            if (ANY(f, "cap tinh", "tinh", "so nganh", "so, nganh", "so ban nganh", "so, ban, nganh"))
                L->commune[c] = -1;
        }
        L->role[c] = role;
        free(f);
    }
    if (L->namecol < 0) {
        for (size_t c = 0; c < t->ncols; c++)
            free(htext[c]);
        return 0;
    }
    /* two lead columns */
    int leads[DOC_MAX_COLS], nl = 0, support = 0;
    for (size_t c = 0; c < t->ncols; c++) {
        if (L->role[c] == R_LEAD)
            leads[nl++] = (int)c;
        if (L->role[c] == R_SUPPORT)
            support = 1;
    }
    if (nl >= 2) {
        int lead = -1;
        for (int i = 0; i < nl; i++)
            if (L->commune[leads[i]] > 0 && lead < 0)
                lead = leads[i];
        /* a province-level column beside one without a cue: the other */
        int prov = 0;
        for (int i = 0; i < nl; i++)
            prov += L->commune[leads[i]] < 0;
        if (lead < 0 && prov && prov < nl)
            for (int i = nl - 1; i >= 0; i--)
                if (L->commune[leads[i]] >= 0)
                    lead = leads[i];
        if (lead >= 0 || support) {
            if (lead < 0)
                lead = leads[nl - 1];
            for (int i = 0; i < nl; i++)
                if (leads[i] != lead)
                    L->role[leads[i]] = R_PARENT;
        } else
            for (int i = 1; i < nl; i++)
                L->role[leads[i]] = R_SUPPORT;
    }
    /* the coordinator's roles stand; every column is listed for the preview */
    for (size_t c = 0; c < t->ncols; c++) {
        if (forced[c] >= 0)
            L->role[c] = forced[c];
        if (htext[c] && *htext[c])
            list_column(x, htext[c], L->role[c]);
        free(htext[c]);
    }
    /* "Chỉ tiêu/nhiệm vụ" names both: its rows are told apart by their
     * text even when the table has products and funding columns */
    L->name_ind = name_ind;
    L->name_task = name_task;
    L->kind = has_target && !(name_ind && name_task) ? K_IND : (name_ind && name_task) ? K_MIXED
            : (name_task || has_outfund) ? K_TASK : K_MIXED;
    if (funding_labels(t, first, nh, L) < 0) {
        x->failed = 1;
        return 0;
    }
    for (size_t r = first; r < first + nh && L->nhdr < MAX_HEADER_ROWS; r++) {
        L->hdr[L->nhdr] = row_fold(t, r);
        if (!L->hdr[L->nhdr]) {
            x->failed = 1;
            return 0;
        }
        L->nhdr++;
    }
    return first + nh;
}

static void pending_clear(tstate *s)
{
    for (size_t c = 0; c < DOC_MAX_COLS; c++) {
        free(s->cell[c]);
        s->cell[c] = NULL;
    }
    for (size_t k = 0; k < s->nyrows; k++)
        free(s->yrows[k].text);
    s->nyrows = 0;
    s->pending = 0;
}

static const char *pcell(tstate *s, int role)
{
    for (size_t c = 0; c < s->L.ncols; c++)
        if (s->L.role[c] == role && s->cell[c] && *s->cell[c])
            return s->cell[c];
    return NULL;
}

/* All the cells of ROLE joined by '\n' (several support columns …). */
static char *pcells(tstate *s, int role)
{
    buf b;
    buf_init(&b, DOC_MAX_CELL * 2);
    for (size_t c = 0; c < s->L.ncols; c++)
        if (s->L.role[c] == role && s->cell[c] && *s->cell[c]) {
            if (b.len)
                buf_addc(&b, '\n');
            buf_adds(&b, s->cell[c]);
        }
    if (!b.len) {
        buf_release(&b);
        return NULL;
    }
    return buf_detach(&b);
}

static char *clean_or_null(const char *s)
{
    if (!s)
        return NULL;
    char *c = text_clean(s);
    if (c && !*c) {
        free(c);
        return NULL;
    }
    return c;
}

/* A task's funding: the funding cell, or where the table splits it into
 * labelled columns each filled one as "Ngân sách: 150 triệu đồng", joined
 * by "; " (the unit of the merged header after a bare amount). */
static char *funding_text(tstate *s)
{
    int labelled = 0;
    for (size_t c = 0; c < s->L.ncols; c++)
        labelled |= s->L.flabel[c] != NULL;
    if (!labelled)
        return clean_or_null(pcell(s, R_FUNDING));
    buf b;
    buf_init(&b, DOC_MAX_CELL * 2);
    for (size_t c = 0; c < s->L.ncols; c++) {
        if (s->L.role[c] != R_FUNDING || !s->cell[c])
            continue;
        char *v = clean_or_null(s->cell[c]);
        if (!v)
            continue;
        if (b.len)
            buf_adds(&b, "; ");
        if (s->L.flabel[c]) {
            buf_adds(&b, s->L.flabel[c]);
            buf_adds(&b, ": ");
        }
        buf_adds(&b, v);
        if (s->L.funit && bare_amount(v)) {
            buf_addc(&b, ' ');
            buf_adds(&b, s->L.funit);
        }
        free(v);
    }
    if (!b.len) {
        buf_release(&b);
        return NULL;
    }
    char *out = buf_detach(&b);
    if (!out)
        s->x->failed = 1;
    return out;
}

static long current_group(tstate *s)
{
    for (int l = GROUP_LEVELS - 1; l >= 1; l--)
        if (s->grp[l] >= 0)
            return s->grp[l];
    return s->L.pl_group;
}

static int group_is_documents(tstate *s, long g)
{
    if (g < 0)
        return 0;
    char *f = xt_fold(s->x->groups[g].name);
    int r = f && xt_has(f, "van ban");
    free(f);
    return r;
}

/* The cell names two different dates ("Tháng 3/2026; Tháng 9/2026", one
 * per paragraph, or "… và …"): no one due date (spec: null). */
static int two_dues(xt_ctx *x, const char *cell)
{
    char *copy = strdup(cell);
    if (!copy) {
        x->failed = 1;
        return 0;
    }
    char first[16] = "";
    int two = 0;
    for (char *p = copy, *next; p && !two; p = next) {
        next = NULL;
        char *cut = p + strcspn(p, ";\n");
        char *va = strstr(p, " và ");
        if (va && va < cut) {
            *va = 0;
            next = va + 4;
        } else if (*cut) {
            *cut = 0;
            next = cut + 1;
        }
        char *c = text_clean(p), d[16];
        if (c && *c && xt_due_parse(c, d) == 0) {
            if (!first[0])
                snprintf(first, sizeof first, "%s", d);
            else if (strcmp(first, d) != 0)
                two = 1;
        }
        free(c);
    }
    free(copy);
    return two;
}

static void set_due(xt_ctx *x, const char *cell, char **due, char **due_text)
{
    if (!cell)
        return;
    *due_text = clean_or_null(cell);
    char d[16];
    if (*due_text && !two_dues(x, cell) && xt_due_parse(*due_text, d) == 0) {
        *due = strdup(d);
        if (!*due)
            x->failed = 1;
    } else if (*due_text && x->year) {
        /* "Trong năm" with no year: within the plan's year */
        char *f = xt_fold(*due_text);
        if (f && (!strcmp(f, "trong nam") || !strcmp(f, "ca nam"))) {
            snprintf(d, sizeof d, "%04d", x->year);
            if (!(*due = strdup(d)))
                x->failed = 1;
        }
        free(f);
    }
}

/* The text from START up to END closes with a bracketed role: 1 for
 * "(chủ trì)", 0 for "(phối hợp)" (trailing blanks and ".;," allowed),
 * -1 for anything else. */
static int bracket_role(const char *start, const char *end)
{
    while (end > start && strchr(" .;,", end[-1]))
        end--;
    if (end == start || end[-1] != ')')
        return -1;
    const char *open = end - 1;
    while (open > start && *open != '(')
        open--;
    if (*open != '(' || end - open > 32)
        return -1;
    char word[40];
    memcpy(word, open + 1, (size_t)(end - open - 2));
    word[end - open - 2] = 0;
    char *f = xt_fold(word);
    if (!f)
        return -1;
    int r = !strcmp(f, "chu tri") ? 1 : !strcmp(f, "phoi hop") ? 0 : -1;
    free(f);
    return r;
}

/* A "Cơ quan chủ trì/phối hợp" cell: paragraphs labelled "Chủ trì:" and
 * "Phối hợp:" go to LEAD and SUPPORT; without labels the first paragraph
 * is the lead and the others support (the order of the header's words).
 * Labels written on one line ("Chủ trì: A; Phối hợp: B, C") start a new
 * part there as a paragraph break would. A role written in brackets after
 * the units ("Công an xã (chủ trì)", "Bưu điện xã (phối hợp)", on lines of
 * their own or after ";") routes its part likewise, without the brackets. */
static void lead_support(xt_ctx *x, const char *cell, strlist *lead, strlist *support)
{
    if (!cell || !*cell)
        return;
    char *copy = strdup(cell);
    if (!copy) {
        x->failed = 1;
        return;
    }
    /* a unit's name wrapped over lines is one paragraph */
    for (size_t i = 1; copy[i]; i++)
        if (copy[i] == '\n' && copy[i + 1] && xt_wrapped_break(copy, i))
            copy[i] = ' ';
    /* "; Phối hợp:" / ". Phối hợp:" / ", phối hợp:" inside a line → a break */
    for (char *p = copy; *p; p++) {
        if ((*p != ';' && *p != '.' && *p != ',') || p[1] != ' ')
            continue;
        char *f = xt_fold(p + 2);
        if (!f) {
            x->failed = 1;
            break;
        }
        const char *after = strchr(p + 2, ':');
        if ((xt_starts(f, "phoi hop") || xt_starts(f, "chu tri")) && after && after - (p + 2) <= 12)
            *p = '\n';
        free(f);
    }
    /* "A (chủ trì); B (phối hợp)": a ";" after a bracketed role is a break */
    for (char *p = copy; *p; p++)
        if (*p == ';' && p > copy && p[-1] == ')' && bracket_role(copy, p) >= 0)
            *p = '\n';
    /* a bracketed role closes its unit even where the line break after it
     * was lost ("A (chủ trì) B (phối hợp)": cell lines joined) */
    for (char *p = copy; *p; p++)
        if (*p == ' ' && p > copy && p[-1] == ')' && p[1] && p[1] != '\n' && bracket_role(copy, p) >= 0)
            *p = '\n';
    int first = 1;
    for (char *p = copy, *next; p; p = next, first = 0) {
        next = strchr(p, '\n');
        if (next)
            *next++ = 0;
        char *f = xt_fold(p);
        if (!f) {
            x->failed = 1;
            break;
        }
        int to_lead = first;
        const char *body = p;
        int role = bracket_role(p, p + strlen(p));
        if (role >= 0) {
            to_lead = role;
            *strrchr(p, '(') = 0;
        } else if (xt_starts(f, "chu tri") || xt_starts(f, "phoi hop")) {
            to_lead = xt_starts(f, "chu tri");
            const char *colon = strchr(p, ':');
            body = colon ? colon + 1 : p;
            if (!colon) {   /* "Chủ trì Phòng …": skip the two words */
                for (int w = 0; w < 2 && *body; w++) {
                    while (*body && *body != ' ')
                        body++;
                    while (*body == ' ')
                        body++;
                }
            }
        }
        free(f);
        xt_split_units(x, body, to_lead ? lead : support);
    }
    free(copy);
}

/* "-", "x", "—", "–", "--": no target that year. */
static int no_target_mark(const char *flat)
{
    return !strcmp(flat, "-") || !strcmp(flat, "x") || !strcmp(flat, "\xE2\x80\x94") ||
           !strcmp(flat, "\xE2\x80\x93") || !strcmp(flat, "--");
}

/* The pending row has a value in a target column (not a no-target mark). */
static int any_target_cell(tstate *s)
{
    for (size_t c = 0; c < s->L.ncols; c++) {
        if (s->L.role[c] != R_TARGET || !s->cell[c] || !*s->cell[c])
            continue;
        char *flat = text_clean(s->cell[c]);
        if (!flat) {
            s->x->failed = 1;
            return 0;
        }
        int has = *flat && !no_target_mark(flat);
        free(flat);
        if (has)
            return 1;
    }
    return 0;
}

/* The pending row's target cells (those with anything but "-") all hold
 * words that name a product rather than a level: no digit, three words or
 * more, not a target in words ("Hoàn thành …", "Đạt …", "Có …", "Không
 * …"). "Kế hoạch được ban hành" under "Kết quả cần đạt" is what a task
 * delivers; "≥ 90%", "Tối thiểu 1.200 lượt", "Hoàn thành" are levels. */
static int target_cells_products(tstate *s)
{
    int seen = 0;
    for (size_t c = 0; c < s->L.ncols; c++) {
        if (s->L.role[c] == R_UNIT && s->cell[c] && *s->cell[c])
            return 0;       /* a row with a unit of measure is an indicator's */
        if (s->L.role[c] != R_TARGET || !s->cell[c] || !*s->cell[c])
            continue;
        char *f = xt_fold(s->cell[c]);
        if (!f) {
            s->x->failed = 1;
            return 0;
        }
        size_t words = *f ? 1 : 0;
        int digit = 0;
        for (const char *p = f; *p; p++) {
            words += *p == ' ';
            digit |= *p >= '0' && *p <= '9';
        }
        int level = digit || words < 3 || xt_starts(f, "hoan thanh") || xt_starts(f, "dat") ||
                    xt_starts(f, "co") || xt_starts(f, "khong") || xt_starts(f, "tren") || xt_starts(f, "duoi");
        int mark = !strcmp(f, "") || !strcmp(f, "x");
        free(f);
        if (mark)
            continue;
        if (level)
            return 0;
        seen = 1;
    }
    return seen;
}

/* The year a year-column cell names ("2027", "Năm 2027"), else 0. */
static int cell_year(const char *cell)
{
    int y = 0;
    char *f = cell ? xt_fold(cell) : NULL;
    if (f && (xt_starts(f, "nam") ? has_year(f + 3, &y) : has_year(f, &y)) && strlen(f) > 12)
        y = 0;      /* more than a year ("2026 - 2027", words) */
    free(f);
    return y;
}

/* One target or baseline cell CELL (ROLE R_TARGET or R_BASE) of indicator
 * IND: the year is COLY (its column's, or its row's in a table with a year
 * column), else the plan's YEAR; DVT the row's unit for a bare number. */
static void cell_target(tstate *s, plan_indicator *ind, const char *cell, int role, int coly, int year,
                        const char *dvt)
{
    xt_ctx *x = s->x;
    plan_target t[4];
    char *flat = text_clean(cell);
    if (!flat) {
        x->failed = 1;
        return;
    }
    /* "-", "x", "—": no target that year */
    if (no_target_mark(flat)) {
        free(flat);
        return;
    }
    int cy = coly ? coly : year;
    machine_decimal(flat);
    size_t n = xt_target_parse(flat, cy, 1, t, 4);
    /* a bare number with thousands dots ("2.000", "1.200"), or alone
     * ("2000" under "2030", not a year): the number */
    if (n && !t[0].has_value && (thousands(flat, &t[0].value) || plain_int(flat, &t[0].value))) {
        t[0].has_value = 1;
        t[0].op = TARGET_GE;
    }
    if (n)
        unit_to_end(x, flat, &t[0]);
    free(flat);
    if (n && dvt && t[0].has_value && (!t[0].unit || !*t[0].unit)) {
        char *u = strdup(dvt);
        if (!u)
            x->failed = 1;
        else {
            free(t[0].unit);
            t[0].unit = u;
        }
    }
    if (n && role == R_BASE) {
        /* a result already reached: x.baseline, never a target */
        if (t[0].has_value && !(ind->x && json_object_get(ind->x, "baseline"))) {
            json_t *b = json_pack("{s:i, s:f, s:s, s:s}", "year", coly ? coly : year - 1,
                                  "value", t[0].value, "unit", t[0].unit ? t[0].unit : "",
                                  "text", t[0].text ? t[0].text : "");
            if (!ind->x)
                ind->x = json_object();
            if (!b || !ind->x || json_object_set_new(ind->x, "baseline", b) < 0)
                x->failed = 1;
        }
    } else if (n > 1 && !coly && distinct_years(t, n)) {
        /* one cell, several years ("Năm 2026: 60%" / "Năm 2027: 80%") */
        for (size_t k = 0; k < n; k++)
            if (plan_indicator_add_target(ind, t[k].year, t[k].op, t[k].has_value, t[k].value, t[k].unit,
                                          t[k].text) < 0)
                x->failed = 1;
    } else if (n && plan_indicator_add_target(ind, coly ? coly : t[0].year, t[0].op,
                                              t[0].has_value, t[0].value, t[0].unit, t[0].text) < 0) {
        /* a cell gives the target of its column's year */
        x->failed = 1;
    }
    for (size_t k = 0; k < n; k++)
        target_release(&t[k]);
}

static void emit(tstate *s)
{
    xt_ctx *x = s->x;
    if (!s->pending)
        return;
    const char *name = s->L.namecol >= 0 ? s->cell[s->L.namecol] : NULL;
    if (!name || !*name) {
        pending_clear(s);
        return;
    }
    long g = current_group(s);
    char code[64] = "";
    if (s->L.codecol >= 0 && s->L.codecol != s->L.namecol && s->cell[s->L.codecol]) {
        char *c = text_clean(s->cell[s->L.codecol]);
        if (c) {
            text_trim(c, ".)");
            snprintf(code, sizeof code, "%s", c);
            free(c);
        }
    }
    /* no code column: a number written at the start of the name ("1.1. Tỷ
     * lệ …", "2) …") is the item's code */
    if (!*code) {
        int level = 0;
        size_t used = xt_code(name, code, sizeof code, &level);
        if (used && level >= 2 && level <= 4 && name[used])
            name += used;
        else
            code[0] = 0;
    }
    /* a sub-row "a)", "b)" under item "3" is "3.a": codes are unique in their
     * group and numbered as the document does ("4.2") */
    int sub = (code[0] >= 'a' && code[0] <= 'z' && !code[1]) || !strcmp(code, "đ");
    if (sub && s->item_code[0] && s->item_group == g) {
        char full[64];
        snprintf(full, sizeof full, "%s.%s", s->item_code, code);
        snprintf(code, sizeof code, "%s", full);
    } else if (!sub) {
        snprintf(s->item_code, sizeof s->item_code, "%s", code);
        s->item_group = g;
    }
    int year = x->year;
    xt_found f;
    memset(&f, 0, sizeof f);
    int is_ind = s->L.kind == K_IND;
    /* "Nhiệm vụ, chỉ tiêu" over a target column ("Chỉ tiêu 2026") filled on
     * some rows only: a row with a value there is an indicator, one with
     * none (or "-") is a task unless its own text states a target */
    if (s->L.kind == K_MIXED && any_target_cell(s))
        is_ind = 1;
    /* "Nội dung | … | Kết quả cần đạt" holding a level on some rows and a
     * product on others ("Kế hoạch được ban hành"): a row whose target
     * cells name a product is a task, those words its outputs, unless the
     * name column says "Chỉ tiêu" alone (a table of indicators, whose
     * targets may be words) */
    int product = 0;
    if (is_ind && !(s->L.name_ind && !s->L.name_task) && target_cells_products(s)) {
        is_ind = 0;
        product = 1;
        /* unless its own text states the target ("Phấn đấu 100% hồ sơ …"
         * beside "Hồ sơ được số hóa trên Hệ thống"): an indicator whose
         * target is the text's, the product cell not a target */
        char *flat = text_clean(name);
        if (flat && !group_is_documents(s, g) && xt_find_target(flat, year, NULL, &f))
            is_ind = 1;
        if (!flat)
            x->failed = 1;
        free(flat);
    }
    /* a row's kind is its content: in a table of tasks ("Nhiệm vụ") too, a
     * row stating a measurable target is an indicator (spec) */
    if (!is_ind && s->L.kind != K_IND && !group_is_documents(s, g)) {
        char *flat = text_clean(name);
        if (flat) {
            is_ind = xt_find_target(flat, year, NULL, &f);
            free(flat);
        }
    }
    if (is_ind) {
        plan_indicator *ind = xt_add_indicator(x, s->pend_pos, g, 0);
        if (!ind)
            goto out;
        ind->code = *code ? strdup(code) : NULL;
        if (f.name) {
            ind->name = f.name;
            f.name = NULL;
            for (size_t k = 0; k < f.nt; k++)
                if (plan_indicator_add_target(ind, f.t[k].year, f.t[k].op, f.t[k].has_value, f.t[k].value,
                                              f.t[k].unit, f.t[k].text) < 0)
                    x->failed = 1;
        } else
            ind->name = xt_name(name, " .;:,");
        /* the row's unit (ĐVT column) for bare numbers: "86,8" under "%" */
        char *dvt = clean_or_null(pcell(s, R_UNIT));
        if (dvt && (!strcmp(dvt, "-") || !strcmp(dvt, "x"))) {
            free(dvt);
            dvt = NULL;
        }
        int rowyear = cell_year(pcell(s, R_YEAR));
        for (size_t c = 0; c < s->L.ncols; c++)
            if ((s->L.role[c] == R_BASE || (s->L.role[c] == R_TARGET && !product)) && s->cell[c] && *s->cell[c])
                cell_target(s, ind, s->cell[c], s->L.role[c], s->L.year[c] ? s->L.year[c] : rowyear, year, dvt);
        /* one row per (indicator, year): the rows under it, each a year and its value */
        for (size_t k = 0; k < s->nyrows; k++)
            cell_target(s, ind, s->yrows[k].text, R_TARGET, s->yrows[k].year, year, dvt);
        free(dvt);
        char *lead = pcells(s, R_LEAD), *sup = pcells(s, R_SUPPORT), *par = pcells(s, R_PARENT);
        xt_split_units(x, lead, &ind->lead);
        xt_split_units(x, sup, &ind->support);
        lead_support(x, pcell(s, R_LEADSUP), &ind->lead, &ind->support);
        if (par) {
            strlist pl = STRLIST_INIT;
            xt_split_units(x, par, &pl);
            json_t *a = json_array();
            for (size_t k = 0; a && k < pl.n; k++)
                json_array_append_new(a, json_string(pl.v[k]));
            if (!ind->x)
                ind->x = json_object();
            if (!ind->x || !a || json_object_set_new(ind->x, "parent_lead", a) < 0)
                x->failed = 1;
            strlist_release(&pl);
        }
        free(lead);
        free(sup);
        free(par);
        set_due(x, pcell(s, R_DUE), &ind->due, &ind->due_text);
        ind->basis = clean_or_null(pcell(s, R_BASIS));
        ind->action = clean_or_null(pcell(s, R_ACTION));
        if (!ind->name)
            x->failed = 1;
    } else {
        plan_task *t = xt_add_task(x, s->pend_pos, g);
        if (!t)
            goto out;
        t->code = *code ? strdup(code) : NULL;
        char *c = text_clean(name);
        t->name = c ? text_upper1(c) : NULL;
        free(c);
        char *lead = pcells(s, R_LEAD), *sup = pcells(s, R_SUPPORT), *outs = pcells(s, R_OUTPUTS);
        if (product && !outs)
            outs = pcells(s, R_TARGET);
        xt_split_units(x, lead, &t->lead);
        xt_split_units(x, sup, &t->support);
        lead_support(x, pcell(s, R_LEADSUP), &t->lead, &t->support);
        xt_split_units(x, outs, &t->outputs);
        free(lead);
        free(sup);
        free(outs);
        set_due(x, pcell(s, R_DUE), &t->due, &t->due_text);
        t->funding = funding_text(s);
        char *scope = clean_or_null(pcell(s, R_SCOPE));
        if (scope) {
            t->x = json_object();
            if (!t->x || json_object_set_new(t->x, "scope", json_string(scope)) < 0)
                x->failed = 1;
            free(scope);
        }
        if (!t->name)
            x->failed = 1;
    }
out:
    xt_found_release(&f);
    pending_clear(s);
}

/* Append the cells of row R to the pending row (page-break continuation). */
static void append_row(tstate *s, const doc_table *t, size_t r)
{
    for (size_t c = 0; c < t->ncols && c < s->L.ncols; c++) {
        const char *add = t->cells[r * t->ncols + c].text;
        if (!*add)
            continue;
        if (!s->cell[c] || !*s->cell[c]) {
            free(s->cell[c]);
            s->cell[c] = strdup(add);
        } else {
            size_t n = strlen(s->cell[c]) + strlen(add) + 2;
            char *j = malloc(n);
            if (j)
                snprintf(j, n, "%s %s", s->cell[c], add);
            free(s->cell[c]);
            s->cell[c] = j;
        }
        if (!s->cell[c])
            s->x->failed = 1;
    }
}

static const char *tcell(const doc_table *t, size_t r, int c)
{
    if (c < 0 || (size_t)c >= t->ncols)
        return "";
    return t->cells[r * t->ncols + (size_t)c].text;
}

static void do_row(tstate *s, const doc_table *t, size_t r, size_t block, int boundary)
{
    xt_ctx *x = s->x;
    int empty = 1;
    for (size_t c = 0; c < t->ncols; c++)
        if (*t->cells[r * t->ncols + c].text)
            empty = 0;
    if (empty || numbering_row(t, r))
        return;
    char *rf = row_fold(t, r);
    if (!rf) {
        x->failed = 1;
        return;
    }
    for (size_t h = 0; h < s->L.nhdr; h++)
        if (!strcmp(rf, s->L.hdr[h])) {
            free(rf);
            s->rehdr = 1;
            return;
        }
    free(rf);
    /* the header repeated inside one table (a text form that keeps the
     * page's rows together): the row after it is at a page boundary */
    if (s->rehdr)
        boundary = 1, s->rehdr = 0;
    const char *code = tcell(t, r, s->L.codecol);
    const char *name = tcell(t, r, s->L.namecol);
    /* one row per (indicator, year): a row with no code and no name (both
     * merged down), or with the pending item's own name again, whose year
     * column names a year gives the pending item that year's value, even
     * across a page break */
    int same_item = 0;
    if (s->pending && *name && s->L.namecol >= 0 && s->cell[s->L.namecol]) {
        /* the name (and code) written again on each year row, as a
         * spreadsheet's filled-down cells give them */
        const char *pc = s->L.codecol >= 0 && s->cell[s->L.codecol] ? s->cell[s->L.codecol] : "";
        same_item = text_fold_eq(name, s->cell[s->L.namecol]) && (!*code || text_fold_eq(code, pc));
    }
    if (((!*code && !*name) || same_item) && s->pending && s->nyrows < MAX_YEAR_ROWS) {
        const char *yc = NULL, *val = NULL;
        for (size_t c = 0; c < t->ncols && c < s->L.ncols; c++) {
            const char *v = t->cells[r * t->ncols + c].text;
            if (s->L.role[c] == R_YEAR && *v && !yc)
                yc = v;
            if (s->L.role[c] == R_TARGET && *v && !val)
                val = v;
        }
        int y = yc ? cell_year(yc) : 0;
        if (y && cell_year(pcell(s, R_YEAR))) {
            if (val) {
                s->yrows[s->nyrows].year = y;
                if (!(s->yrows[s->nyrows].text = strdup(val)))
                    x->failed = 1;
                else
                    s->nyrows++;
            }
            return;
        }
    }
    if (boundary && s->pending) {
        const char *pcode = s->L.codecol >= 0 && s->cell[s->L.codecol] ? s->cell[s->L.codecol] : "";
        if (!*code || (s->L.codecol >= 0 && !*pcode)) {
            append_row(s, t, r);
            return;
        }
    }
    /* a row with neither code nor name continues the row before */
    if (!*code && !*name) {
        if (s->pending)
            append_row(s, t, r);
        return;
    }
    /* a group row: a code and a name, nothing else */
    int others = 0;
    for (size_t c = 0; c < t->ncols && c < s->L.ncols; c++)
        if ((int)c != s->L.codecol && (int)c != s->L.namecol && s->L.role[c] != R_NOTE && s->L.role[c] != R_UNIT &&
            s->L.role[c] != R_GROUP &&
            *t->cells[r * t->ncols + c].text)
            others = 1;
    if (!others) {
        char gcode[64];
        int level = 0;
        const char *gname = name;
        size_t used = xt_code(code, gcode, sizeof gcode, &level);
        if (used && !*name && code[used])
            gname = code + used;            /* "II. Phân công …" in one cell */
        else if (used && code[used])
            used = 0;                       /* a code cell with more text */
        if (!used && s->L.codecol < 0)
            used = xt_code(name, gcode, sizeof gcode, &level), gname = name + used;
        if (used && *gname && level >= 1 && level < GROUP_LEVELS) {
            emit(s);
            char *gn = xt_name(gname, " .;:,");
            long g = gn ? xt_group_add(x, gcode, gn, NULL, 0) : -1;
            free(gn);
            s->grp[level] = g;
            for (int l = level + 1; l < GROUP_LEVELS; l++)
                s->grp[l] = -1;
            /* a roman part closes the groups under the part before */
            return;
        }
    }
    emit(s);
    /* the group column: a name where a merged cell starts opens a group
     * (its code as written, "I. Hạ tầng số", else its ordinal: "1", "2" …) */
    for (size_t c = 0; c < t->ncols && c < s->L.ncols; c++) {
        const doc_cell *gc = &t->cells[r * t->ncols + c];
        if (s->L.role[c] != R_GROUP || !*gc->text || gc->merged)
            continue;
        char gcode[64];
        int level = 0;
        size_t used = xt_code(gc->text, gcode, sizeof gcode, &level);
        if (!used || !gc->text[used])
            snprintf(gcode, sizeof gcode, "%d", ++s->groupcol_n), used = 0;
        char *gn = xt_name(gc->text + used, " .;:,");
        long g = gn ? xt_group_add(x, gcode, gn, NULL, 0) : -1;
        free(gn);
        s->grp[1] = g;
        for (int l = 2; l < GROUP_LEVELS; l++)
            s->grp[l] = -1;
    }
    for (size_t c = 0; c < t->ncols && c < s->L.ncols; c++) {
        s->cell[c] = strdup(t->cells[r * t->ncols + c].text);
        if (!s->cell[c])
            x->failed = 1;
    }
    s->pending = 1;
    s->pend_pos = XT_POS(block, r);
}

/* "Phụ lục 2: …", "PHỤ LỤC I", "PHỤ LỤC PHÂN CÔNG …": its number (1 when
 * none is written) and the title after it; 0 when not an appendix heading. */
static int appendix_heading(const char *text, char **title)
{
    *title = NULL;
    if (strlen(text) > 300)
        return 0;
    char *f = xt_fold(text);
    if (!f)
        return 0;
    int n = 0;
    if (xt_starts(f, "phu luc")) {
        const char *p = text;
        /* skip the two words "Phụ lục" in the original */
        for (int w = 0; w < 2 && *p; w++) {
            while (*p && *p != ' ')
                p++;
            while (*p == ' ')
                p++;
        }
        char code[16];
        int level;
        size_t used = 0;
        char *end;
        long v = strtol(p, &end, 10);
        if (end != p && v > 0 && v < 100) {
            n = (int)v;
            used = (size_t)(end - p);
        } else if ((used = xt_code(p, code, sizeof code, &level)) && level == 1) {
            /* roman */
            static const char *const R[] = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"};
            for (int k = 0; k < 10; k++)
                if (!strcmp(code, R[k]))
                    n = k + 1;
            if (!n)
                used = 0, n = 1;
        } else {
            used = 0;
            n = 1;
        }
        p += used;
        while (*p == ' ' || *p == ':' || *p == '.' || *p == '-')
            p++;
        if (*p)
            *title = xt_name(p, " .:;");
    }
    free(f);
    return n;
}

static int noise_para(const char *s)
{
    size_t n = strlen(s);
    if (n > 12)
        return 0;
    for (const char *p = s; *p; p++)
        if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (unsigned char)*p >= 0x80)
            return 0;
    return 1;
}

/* A and B have the same header rows (folded text, row by row). */
static int same_header(const layout *a, const layout *b)
{
    if (!a->nhdr || a->nhdr != b->nhdr || a->ncols != b->ncols)
        return 0;
    for (size_t h = 0; h < a->nhdr; h++)
        if (!a->hdr[h] || !b->hdr[h] || strcmp(a->hdr[h], b->hdr[h]))
            return 0;
    return 1;
}

void xt_tables(xt_ctx *x)
{
    const doc *d = x->d;
    tstate s;
    memset(&s, 0, sizeof s);
    s.x = x;
    for (int l = 0; l < GROUP_LEVELS; l++)
        s.grp[l] = -1;
    for (size_t b = 0; b < d->n && !x->failed; b++) {
        const doc_block *blk = &d->blocks[b];
        if (blk->kind == DOC_PARA) {
            char *title = NULL;
            int n = appendix_heading(blk->text, &title);
            if (n) {
                s.appendix = n;
                free(s.appendix_title);
                s.appendix_title = title;
                s.want_title = !title;
                if (!x->body_end)
                    x->body_end = b;
            } else if (s.want_title && blk->text[0] != '(') {
                s.appendix_title = xt_name(blk->text, " .:;");
                s.want_title = 0;
            }
            if (!noise_para(blk->text))
                s.gap = 1;
            continue;
        }
        const doc_table *t = blk->table;
        layout L;
        size_t start = find_header(x, t, &L);
        int boundary = 0;
        if (start && s.active && (t->continued || !s.gap) && same_header(&L, &s.L)) {
            /* the header repeated on the next page, as a reader that keeps
             * each page's table apart gives it (Markdown from a PDF): the
             * same table goes on, its open row and groups with it */
            layout_release(&L);
            boundary = 1;
        } else if (start) {
            emit(&s);
            layout_release(&s.L);
            s.L = L;
            s.active = 1;
            for (int l = 0; l < GROUP_LEVELS; l++)
                s.grp[l] = -1;
            s.item_code[0] = 0;
            if (s.appendix >= 2) {
                char code[16];
                snprintf(code, sizeof code, "PL%d", s.appendix);
                s.L.pl_group = xt_group_add(x, code, s.appendix_title ? s.appendix_title : "", NULL, 0);
            }
        } else if (s.active && (t->continued || !s.gap)) {
            boundary = 1;
        } else {
            emit(&s);
            s.active = 0;
            s.gap = 0;
            continue;
        }
        s.rehdr = 0;
        for (size_t r = start; r < t->nrows && !x->failed; r++) {
            do_row(&s, t, r, b, boundary && r == start);
        }
        s.gap = 0;
    }
    emit(&s);
    layout_release(&s.L);
    pending_clear(&s);
    free(s.appendix_title);
    if (!x->body_end)
        x->body_end = d->n;
}
