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
 * not taken for a unit. */
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
