/* extract_units.c — the units a plan names only in its prose.
 *
 * Many plans give no table of assignments: their section "Tổ chức thực
 * hiện" (Organisation of the work) assigns it in sentences, one unit per
 * numbered heading or per "Giao …" clause:
 *     "1. Phòng Văn hóa - Xã hội" (a heading, the duties under it)
 *     "Giao Phòng Văn hóa - Xã hội chủ trì, phối hợp với … tham mưu …"
 *     "Công an xã chủ trì triển khai …" (a unit opening its paragraph)
 * Every such unit goes to the plan's extension x.units as {"name", "text"}:
 * the name as written, and the sentence or heading that assigns it (the
 * assignment, quoted for the coordinator). The import adds these names to
 * the units it matches to the organisation tree (app/app_import.c), so a
 * plan whose units are named only in prose still brings them in.
 *
 * A name starts with a unit's head word (Phòng, Văn phòng, Trung tâm, Công
 * an, Trạm, Ban, Đảng ủy, Ủy ban Mặt trận, Đoàn, Hội, Các …) and ends
 * before the first word of duty ("chủ trì", "phối hợp", "tham mưu", "theo
 * dõi", "có trách nhiệm", ":", ",", ";", "(") within 80 bytes. The section
 * runs from its heading to the end of the body (Nơi nhận, the appendices).
 *
 * A collective name ("Các cơ quan, đơn vị", "Các thôn", "Trưởng các thôn",
 * "các đơn vị liên quan": core/orgname.h orgname_is_collective) names
 * several units the document does not list; it is not a unit and stays out
 * of x.units (the decision in app/app.h: no org is invented for it). It is
 * still read to its end, commas included, so that the words after it are
 * not taken for a unit.
 *
 * Short names (xt_short_names). A plan often names a unit once in full and
 * says what it will call it: "Văn phòng HĐND và UBND phường (sau đây gọi là
 * Văn phòng)", "Trung tâm Phục vụ hành chính công xã (viết tắt: TTPVHCC)",
 * "… (gọi tắt là Phòng VH-XH)", or the bare acronym "… (TTPVHCC)" after a
 * unit's head word; its tables then write the short name only. A coordinator
 * reads the short name as the full one, so every lead or support entry that
 * is exactly a short name so defined (folded) becomes the full name. The
 * full name runs back from "(" to the start of its clause (after ";", ":",
 * ". ", a list marker or a code, "Giao", or the last "giao/với/cho" before
 * a capital). Only whole entries are replaced: "Văn phòng" inside "Văn
 * phòng HĐND và UBND xã" is never touched, and a plan that defines no
 * short name is left as it is. Any paragraph of the document may define
 * one (the body or a note under an appendix). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "base/text.h"
#include "core/orgname.h"
#include "import/extract_int.h"

static const char *const HEADS[] = {
    "Phòng ", "Văn phòng ", "Trung tâm ", "Công an ", "Trạm ", "Ban Chỉ huy ", "Ban ", "Đảng ủy ",
    "Ủy ban Mặt trận ", "Mặt trận ", "Đoàn ", "Hội ", "Các phòng", "Các cơ quan", "Các đơn vị", "Các thôn",
    "Các ấp", "Các khu phố", "Các trường", "Trường ", "Bưu điện ", "Hợp tác xã ", "Chi nhánh ", "Kho bạc ",
    "Quân sự ", "Công chức ", "Tổ công nghệ số", "Trưởng các thôn", "Trưởng thôn",
};

static const char *const STOPS[] = {
    " chủ trì", " phối hợp", " tham mưu", " theo dõi", " có trách nhiệm", " thực hiện", " triển khai",
    " xây dựng", " hướng dẫn", " tổ chức", " căn cứ", " tăng cường", " đẩy mạnh", " rà soát", " là ",
    " định kỳ", " báo cáo", " được", " trên cơ sở", " có liên quan thực hiện", " tổng hợp,",
    " tổng hợp báo cáo", " tổng hợp kết quả", " tổng hợp số liệu", " tổng hợp, báo cáo", " tổng hợp tình hình", " chịu trách nhiệm", " giúp", " làm", " đôn đốc", " và các",
};

/* The unit name at S (starting with a head word), or NULL. Caller frees. */
static char *unit_at(const char *s)
{
    size_t hl = 0;
    for (size_t i = 0; i < sizeof HEADS / sizeof *HEADS && !hl; i++)
        if (strncmp(s, HEADS[i], strlen(HEADS[i])) == 0)
            hl = strlen(HEADS[i]);
    if (!hl)
        return NULL;
    size_t n = strlen(s), end = n < 80 ? n : 80;
    /* a collective name keeps its commas: "Các cơ quan, đơn vị" (spec) */
    const char *ends = strncmp(s, "Các ", 4) == 0 ? ":;(." : ":;,(.";
    for (size_t i = hl; i < end; i++)
        if (strchr(ends, s[i]) && !(s[i] == '.' && i + 1 < n && s[i + 1] != ' ')) {
            end = i;
            break;
        }
    for (size_t k = 0; k < sizeof STOPS / sizeof *STOPS; k++) {
        const char *p = strstr(s + hl - 1, STOPS[k]);
        if (p && (size_t)(p - s) < end)
            end = (size_t)(p - s);
    }
    if (end >= 80 && n > 80)
        return NULL;        /* no end in sight: a sentence, not a name */
    char *name = text_clean_n(s, end);
    if (name)
        text_trim(name, " .;:,-");
    if (name && strlen(name) < 4) {
        free(name);
        return NULL;
    }
    return name;
}

static int add_unit(xt_ctx *x, json_t *units, const char *name, const char *text)
{
    size_t i;
    json_t *v;
    if (orgname_is_collective(name))
        return 0;   /* several unnamed units, not one (app/app.h) */
    json_array_foreach(units, i, v)
        if (text_fold_eq(json_string_value(json_object_get(v, "name")), name))
            return 0;
    json_t *o = json_pack("{s:s, s:s}", "name", name, "text", text);
    if (!o || json_array_append_new(units, o) < 0) {
        x->failed = 1;
        return -1;
    }
    return 0;
}

void xt_prose_units(xt_ctx *x)
{
    const doc *d = x->d;
    json_t *units = json_array();
    int in = 0;
    if (!units) {
        x->failed = 1;
        return;
    }
    for (size_t b = 0; b < d->n && b < x->body_end; b++) {
        const doc_block *bl = &d->blocks[b];
        if (bl->kind != DOC_PARA)
            continue;
        char *f = xt_fold(bl->text);
        if (!f) {
            x->failed = 1;
            break;
        }
        /* the section: its heading "IV. TỔ CHỨC THỰC HIỆN"; it ends at "Nơi nhận" */
        char code[16];
        int level;
        size_t cl = xt_code(bl->text, code, sizeof code, &level);
        if (strstr(f, "to chuc thuc hien") && strlen(f) < 60 && (cl || bl->bold || bl->heading))
            in = 1;
        else if (xt_starts(f, "noi nhan"))
            in = 0;
        else if (in && cl && level == 1)
            in = 0;     /* the next roman part */
        free(f);
        if (!in)
            continue;
        const char *t = bl->text;
        /* "1. Phòng Văn hóa - Xã hội", "- Công an xã: …", "Giao Phòng … chủ trì" */
        const char *s = t + cl;
        while (*s == ' ' || *s == '-' || *s == '+')
            s++;
        char *name = unit_at(s);
        if (!name && strncmp(s, "Giao ", 5) == 0)
            name = unit_at(s + 5);
        if (name) {
            add_unit(x, units, name, bl->text);
            free(name);
        }
        /* "Giao X chủ trì …" inside the paragraph, and "phối hợp với X, Y" */
        for (const char *p = strstr(t, " giao "); p; p = strstr(p + 1, " giao ")) {
            char *n2 = unit_at(p + 6);
            if (n2) {
                add_unit(x, units, n2, bl->text);
                free(n2);
            }
        }
    }
    if (json_array_size(units)) {
        if (!x->p->x)
            x->p->x = json_object();
        if (!x->p->x || json_object_set_new(x->p->x, "units", units) < 0)
            x->failed = 1;
    } else {
        json_decref(units);
    }
}

/* ---- short names ------------------------------------------------------ */

typedef struct short_name {
    char *full, *brief;
} short_name;

/* Unit-like start: a head word of HEADS, or "Bộ phận", "Ủy ban", "UBND",
 * "Đội", "Tổ", "Chi cục", "Đài". */
static int unit_head(const char *s)
{
    static const char *const MORE[] = {"Bộ phận ", "Ủy ban ", "UBND ", "Đội ", "Tổ ", "Chi cục ", "Đài "};
    for (size_t i = 0; i < sizeof HEADS / sizeof *HEADS; i++)
        if (strncmp(s, HEADS[i], strlen(HEADS[i])) == 0)
            return 1;
    for (size_t i = 0; i < sizeof MORE / sizeof *MORE; i++)
        if (strncmp(s, MORE[i], strlen(MORE[i])) == 0)
            return 1;
    return 0;
}

/* An acronym: 2..15 bytes of capitals, digits and '-', two capitals at least. */
static int acronym(const char *s, size_t n)
{
    size_t caps = 0;
    if (n < 2 || n > 15)
        return 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 'A' && c <= 'Z')
            caps++;
        else if (!(c >= '0' && c <= '9') && c != '-' && c < 0x80)
            return 0;       /* a space, a lower-case ASCII letter, punctuation */
        else if (c >= 0x80)
            return 0;       /* "Đ" and other letters with marks: not an acronym's */
    }
    return caps >= 2;
}

/* The clause start for a name ending at T[END]: see the file comment. */
static size_t clause_start(const char *t, size_t end)
{
    size_t st = 0;
    for (size_t i = end; i > 0; i--) {
        char c = t[i - 1];
        if (c == ';' || c == ':' || (c == '.' && t[i] == ' ') || c == '\n') {
            st = i;
            break;
        }
    }
    for (;;) {
        while (t[st] == ' ')
            st++;
        if ((t[st] == '-' || t[st] == '+' || t[st] == '*') && t[st + 1] == ' ') {
            st += 2;
            continue;
        }
        char code[16];
        int level;
        size_t cl = xt_code(t + st, code, sizeof code, &level);
        if (cl && st + cl < end) {
            st += cl;
            continue;
        }
        if (strncmp(t + st, "Giao ", 5) == 0 || strncmp(t + st, "Đề nghị ", strlen("Đề nghị ")) == 0) {
            st += t[st] == 'G' ? 5 : strlen("Đề nghị ");
            continue;
        }
        break;
    }
    static const char *const INNER[] = {" giao ", " với ", " cho "};
    for (size_t k = 0; k < sizeof INNER / sizeof *INNER; k++) {
        size_t w = strlen(INNER[k]);
        for (size_t i = st; i + w < end; i++)
            if (strncmp(t + i, INNER[k], w) == 0 && unit_head(t + i + w))
                st = i + w;
    }
    return st;
}

static int short_add(short_name **v, size_t *n, const char *full, size_t fn, const char *brief, size_t bn)
{
    char *f = text_clean_n(full, fn), *b = text_clean_n(brief, bn);
    if (!f || !b)
        goto fail;
    text_trim(f, " ,");
    text_trim(b, " ,.;:\"'“”‘’");
    if (strlen(f) < 6 || strlen(b) < 2 || strlen(b) >= strlen(f) || strlen(b) > 60 || text_fold_eq(f, b)) {
        free(f);
        free(b);
        return 0;
    }
    short_name *nv = realloc(*v, (*n + 1) * sizeof *nv);
    if (!nv)
        goto fail;
    *v = nv;
    nv[*n].full = f;
    nv[*n].brief = b;
    (*n)++;
    return 0;
fail:
    free(f);
    free(b);
    return -1;
}

/* The definitions in one paragraph T. */
static int short_scan(const char *t, short_name **v, size_t *n)
{
    static const char *const MARKS[] = {"sau day goi", "sau day viet tat", "goi tat", "viet tat", "duoi day goi"};
    for (const char *open = strchr(t, '('); open; open = strchr(open + 1, '(')) {
        const char *close = strchr(open + 1, ')');
        if (!close || close - open > 120)
            continue;
        size_t end = (size_t)(open - t);
        while (end > 0 && t[end - 1] == ' ')
            end--;
        size_t st = clause_start(t, end);
        if (st >= end || !unit_head(t + st))
            continue;
        const char *in = open + 1;
        size_t inn = (size_t)(close - in);
        char *c = text_clean_n(in, inn);
        char *f = c ? text_fold(c) : NULL;
        int rc = 0, marked = 0;
        if (!c || !f) {
            free(c);
            free(f);
            return -1;
        }
        for (size_t k = 0; k < sizeof MARKS / sizeof *MARKS && !marked; k++)
            marked = xt_starts(f, MARKS[k]) || strncmp(f, MARKS[k], strlen(MARKS[k])) == 0;
        if (marked) {
            /* the short name: after "là", else after ':', else after "tắt" */
            const char *b = strstr(c, " là ");
            b = b ? b + strlen(" là ") : NULL;
            if (!b && (b = strchr(c, ':')))
                b++;
            if (!b && (b = strstr(c, "tắt ")))
                b += strlen("tắt ");
            if (b)
                rc = short_add(v, n, t + st, end - st, b, strlen(b));
        } else if (acronym(in, inn)) {
            rc = short_add(v, n, t + st, end - st, in, inn);
        }
        free(c);
        free(f);
        if (rc < 0)
            return -1;
    }
    return 0;
}

/* Replace every entry of L that is a short name by its full name. */
static int short_apply(strlist *l, const short_name *v, size_t n)
{
    for (size_t i = 0; i < l->n; i++)
        for (size_t k = 0; k < n; k++)
            if (text_fold_eq(l->v[i], v[k].brief)) {
                char *full = text_dup(v[k].full);
                if (!full)
                    return -1;
                free(l->v[i]);
                l->v[i] = full;
                break;
            }
    return 0;
}

void xt_short_names(xt_ctx *x)
{
    const doc *d = x->d;
    short_name *v = NULL;
    size_t n = 0;
    for (size_t b = 0; b < d->n && !x->failed; b++) {
        const doc_block *bl = &d->blocks[b];
        if (bl->kind == DOC_PARA && bl->text && strchr(bl->text, '(') && short_scan(bl->text, &v, &n) < 0)
            x->failed = 1;
    }
    plan *p = x->p;
    for (size_t i = 0; n && !x->failed && i < p->nindicators; i++)
        if (short_apply(&p->indicators[i]->lead, v, n) < 0 || short_apply(&p->indicators[i]->support, v, n) < 0)
            x->failed = 1;
    for (size_t i = 0; n && !x->failed && i < p->ntasks; i++)
        if (short_apply(&p->tasks[i]->lead, v, n) < 0 || short_apply(&p->tasks[i]->support, v, n) < 0)
            x->failed = 1;
    for (size_t k = 0; k < n; k++) {
        free(v[k].full);
        free(v[k].brief);
    }
    free(v);
}
