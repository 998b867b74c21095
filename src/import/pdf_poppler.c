/* pdf_poppler.c — a PDF's words and boxes from poppler-glib, loaded on demand.
 *
 * poppler-glib is opened with dlopen() the first time a PDF is read
 * (pthread_once: the server may read two uploads at once) and its handful
 * of functions are looked up by name. The prototypes below are poppler-glib's
 * stable C ABI (soname libpoppler-glib.so.8, poppler ≥ 0.16), written out so
 * that building dti needs neither poppler's nor glib's headers and running
 * it costs nothing until a PDF arrives: linked normally, poppler-glib brings
 * ~50 libraries that the dynamic loader maps and relocates before main() of
 * every `dti` run (docs/performance.md has the figures).
 *
 * Per page: poppler_page_get_text() gives the text in poppler's reading
 * order and poppler_page_get_text_layout() one box per character of it, so
 * words are runs of non-blank characters with the union of their boxes;
 * poppler_page_get_text_attributes() gives the font of each run of
 * characters (bold when its name says "Bold", "Black", "Heavy" or ends in
 * ",B"/"-B"). The width of the blank characters between two words on one
 * line (poppler sizes them to the gap) gives the page's usual space. */
#include <dlfcn.h>
#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "base/lang.h"
#include "base/vec.h"
#include "import/pdf.h"

/* poppler-glib / glib ABI (see poppler-page.h, poppler-document.h, glist.h). */
typedef struct pg_rect { double x1, y1, x2, y2; } pg_rect;
typedef struct pg_color { unsigned short red, green, blue; } pg_color;
typedef struct pg_attr {
    char *font_name;
    double font_size;
    int is_underlined;
    pg_color color;
    int start_index, end_index;
} pg_attr;
typedef struct pg_list { void *data; struct pg_list *next, *prev; } pg_list;
typedef struct pg_error { unsigned domain; int code; char *message; } pg_error;

static struct {
    void *(*doc_new)(char *data, int length, const char *password, pg_error **error);
    int (*n_pages)(void *doc);
    void *(*get_page)(void *doc, int index);
    void (*page_size)(void *page, double *w, double *h);
    char *(*page_text)(void *page);
    int (*page_layout)(void *page, pg_rect **rects, unsigned *n);
    pg_list *(*page_attrs)(void *page);
    void (*free_attrs)(pg_list *list);
    void (*unref)(void *obj);
    void (*gfree)(void *p);
    void (*error_free)(pg_error *e);
    int ok;
    char why[200];
} P;

static pthread_once_t P_once = PTHREAD_ONCE_INIT;

static void *sym(void *h, const char *name)
{
    void *f = dlsym(h, name);
    if (!f && !P.why[0])
        snprintf(P.why, sizeof P.why, "%s", name);
    return f;
}

static void load_poppler(void)
{
    static const char *const names[] = {"libpoppler-glib.so.8", "libpoppler-glib.so"};
    void *h = NULL;
    for (size_t i = 0; i < sizeof names / sizeof *names && !h; i++)
        h = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
    if (!h) {
        const char *d = dlerror();
        snprintf(P.why, sizeof P.why, "%s", d ? d : "libpoppler-glib.so.8");
        return;
    }
    /* Casting object pointers to function pointers is what dlsym is for (POSIX). */
    *(void **)&P.doc_new = sym(h, "poppler_document_new_from_data");
    *(void **)&P.n_pages = sym(h, "poppler_document_get_n_pages");
    *(void **)&P.get_page = sym(h, "poppler_document_get_page");
    *(void **)&P.page_size = sym(h, "poppler_page_get_size");
    *(void **)&P.page_text = sym(h, "poppler_page_get_text");
    *(void **)&P.page_layout = sym(h, "poppler_page_get_text_layout");
    *(void **)&P.page_attrs = sym(h, "poppler_page_get_text_attributes");
    *(void **)&P.free_attrs = sym(h, "poppler_page_free_text_attributes");
    *(void **)&P.unref = sym(h, "g_object_unref");
    *(void **)&P.gfree = sym(h, "g_free");
    *(void **)&P.error_free = sym(h, "g_error_free");
    P.ok = P.doc_new && P.n_pages && P.get_page && P.page_size && P.page_text && P.page_layout &&
           P.page_attrs && P.free_attrs && P.unref && P.gfree && P.error_free;
}

int pdf_page_add(pdf_page *page, const char *text, size_t n,
                 double x0, double y0, double x1, double y1, int bold)
{
    if (page->n >= PDF_MAX_WORDS)
        return -1;
    pdf_word *v = vec_grow(page->words, page->n, &page->cap, sizeof *v, 256);
    if (!v)
        return -1;
    page->words = v;
    /* a bullet of a symbol font (U+F0B7, U+F0A7), •, ▪, ◦ or a dash: a list marker "-" */
    static const char *const bullets[] = {"\xEF\x82\xB7", "\xEF\x82\xA7", "\xE2\x80\xA2", "\xE2\x96\xAA",
                                          "\xE2\x97\xA6", "\xE2\x80\x93", "\xE2\x80\x94", "\xEF\x82\xA8"};
    for (size_t i = 0; i < sizeof bullets / sizeof *bullets; i++)
        if (n == strlen(bullets[i]) && memcmp(text, bullets[i], n) == 0) {
            text = "-";
            n = 1;
            break;
        }
    char *t = malloc(n + 1);
    if (!t)
        return -1;
    memcpy(t, text, n);
    t[n] = 0;
    v[page->n++] = (pdf_word){x0, y0, x1, y1, t, bold};
    return 0;
}

void pdf_pages_free(pdf_page *pages, size_t n)
{
    if (!pages)
        return;
    for (size_t i = 0; i < n; i++) {
        for (size_t k = 0; k < pages[i].n; k++)
            free(pages[i].words[k].text);
        free(pages[i].words);
    }
    free(pages);
}

static int bold_font(const char *f)
{
    if (!f)
        return 0;
    size_t n = strlen(f);
    return strstr(f, "Bold") || strstr(f, "bold") || strstr(f, "Black") || strstr(f, "Heavy") ||
           (n > 2 && (strcmp(f + n - 2, ",B") == 0 || strcmp(f + n - 2, "-B") == 0));
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Length of the UTF-8 sequence starting with byte C (1 for a stray byte). */
static size_t u8len(unsigned char c)
{
    return c < 0xC0 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

/* Words of one page from its text and per-character boxes. */
static int page_words(void *pg, pdf_page *out)
{
    int rc = -1;
    char *text = P.page_text(pg);
    pg_rect *r = NULL;
    unsigned nr = 0;
    pg_list *attrs = NULL;
    double *spaces = NULL;
    size_t nsp = 0, capsp = 0;
    if (!text) /* a page without text */
        return 0;
    if (!P.page_layout(pg, &r, &nr))
        nr = 0;
    attrs = P.page_attrs(pg);
    pg_list *al = attrs;
    const char *s = text;
    size_t ci = 0;                  /* character index = index into r */
    const char *w0 = NULL;          /* start of the current word */
    double bx0 = 0, by0 = 0, bx1 = 0, by1 = 0;
    int wbold = 0, wbold_all = 1;
    size_t prev_word = (size_t)-1;  /* index of the last word, for spaces */
    double gap_x0 = -1;             /* left of the blank after it, on the same line */
    for (;; ci++) {
        unsigned char c = (unsigned char)*s;
        int blank = c == 0 || c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' ||
                    (c == 0xC2 && (unsigned char)s[1] == 0xA0);
        /* poppler joins the end of one block to the next without a blank
         * ("xã" + "Thường" of the next cell): a character that does not
         * follow the previous one on the same line starts a new word */
        if (!blank && w0 && ci < nr && ci > 0) {
            const pg_rect *a = &r[ci - 1], *b = &r[ci];
            double h = a->y2 - a->y1;
            if (fabs(b->y1 - a->y1) > 0.3 * h || b->x1 < a->x2 - 0.3 * h || b->x1 - a->x2 > 0.4 * h)
                blank = 2;
        }
        if (blank && w0) {
            if (pdf_page_add(out, w0, (size_t)(s - w0), bx0, by0, bx1, by1, wbold && wbold_all))
                goto out;
            w0 = NULL;
            prev_word = out->n - 1;
            gap_x0 = -1;
        }
        if (c == 0 || ci >= nr)
            break;
        if (blank == 2)
            blank = 0;   /* the character itself starts the next word */
        while (al && ((pg_attr *)al->data)->end_index < (int)ci)
            al = al->next;
        int bold = al && ((pg_attr *)al->data)->start_index <= (int)ci && bold_font(((pg_attr *)al->data)->font_name);
        if (!blank) {
            if (!w0) {
                w0 = s;
                bx0 = r[ci].x1, by0 = r[ci].y1, bx1 = r[ci].x2, by1 = r[ci].y2;
                wbold = bold, wbold_all = 1;
                if (gap_x0 >= 0 && prev_word != (size_t)-1) {
                    const pdf_word *pw = &out->words[prev_word];
                    double gap = r[ci].x1 - pw->x1;
                    if (gap > 0 && r[ci].y1 < pw->y1 && r[ci].y2 > pw->y0) {
                        double *v = vec_grow(spaces, nsp, &capsp, sizeof *v, 256);
                        if (!v)
                            goto out;
                        spaces = v;
                        spaces[nsp++] = gap;
                    }
                }
            } else {
                if (r[ci].x1 < bx0) bx0 = r[ci].x1;
                if (r[ci].y1 < by0) by0 = r[ci].y1;
                if (r[ci].x2 > bx1) bx1 = r[ci].x2;
                if (r[ci].y2 > by1) by1 = r[ci].y2;
                wbold_all &= bold;
            }
        } else {
            gap_x0 = c == ' ' ? r[ci].x1 : -1;
        }
        s += u8len(c); /* NBSP too: two bytes, one character */
    }
    if (nsp) {
        qsort(spaces, nsp, sizeof *spaces, cmp_double);
        out->space = spaces[nsp / 2];
    }
    rc = 0;
out:
    free(spaces);
    if (attrs)
        P.free_attrs(attrs);
    if (r)
        P.gfree(r);
    P.gfree(text);
    return rc;
}

dti_rc pdf_load(const char *data, size_t n, const char *name,
                pdf_page **pages, size_t *npages, dti_err *e)
{
    dti_rc rc = DTI_ERR_NOMEM;
    void *pdoc = NULL;
    pdf_page *pg = NULL;
    size_t np = 0;
    *pages = NULL;
    *npages = 0;
    pthread_once(&P_once, load_poppler);
    if (!P.ok)
        return dti_fail(e, DTI_ERR_INTERNAL, name,
                        "%s: không đọc được PDF vì thiếu thư viện poppler-glib (%s); cài gói libpoppler-glib8",
                        "%s: cannot read a PDF: the poppler-glib library is missing (%s); install libpoppler-glib8",
                        name, P.why[0] ? P.why : "libpoppler-glib.so.8");
    if (n > (size_t)0x7fffffff)
        return dti_fail(e, DTI_ERR_TOOBIG, name, "%s: tệp PDF quá lớn", "%s: PDF file too large", name);
    pg_error *err = NULL;
    /* poppler keeps a pointer to DATA and does not write to it. */
    pdoc = P.doc_new((char *)(uintptr_t)data, (int)n, NULL, &err);
    if (!pdoc) {
        /* POPPLER_ERROR_ENCRYPTED is 3 in enum PopplerError */
        int enc = err && err->code == 3;
        if (enc)
            rc = dti_fail(e, DTI_ERR_FORMAT, name,
                          "%s: tệp PDF có mật khẩu; hãy bỏ mật khẩu rồi nhập lại",
                          "%s: a password-protected PDF; remove the password and import it again", name);
        else
            rc = dti_fail(e, DTI_ERR_FORMAT, name, "%s: tệp PDF bị hỏng hoặc không đầy đủ (%s)",
                          "%s: damaged or truncated PDF file (%s)", name,
                          err && err->message ? err->message : "?");
        if (err)
            P.error_free(err);
        return rc;
    }
    int count = P.n_pages(pdoc);
    if (count < 0)
        count = 0;
    if (count > PDF_MAX_PAGES) {
        rc = dti_fail(e, DTI_ERR_TOOBIG, name, "%s: tệp PDF có %d trang (tối đa %d)",
                      "%s: the PDF has %d pages (at most %d)", name, count, PDF_MAX_PAGES);
        goto out;
    }
    pg = calloc(count ? (size_t)count : 1, sizeof *pg);
    if (!pg)
        goto nomem;
    for (int i = 0; i < count; i++) {
        void *page = P.get_page(pdoc, i);
        np = (size_t)i + 1;
        if (!page)
            continue;
        P.page_size(page, &pg[i].width, &pg[i].height);
        int r = page_words(page, &pg[i]);
        P.unref(page);
        if (r)
            goto nomem;
    }
    *pages = pg;
    *npages = (size_t)count;
    pg = NULL;
    rc = DTI_OK;
    goto out;
nomem:
    rc = dti_fail(e, DTI_ERR_NOMEM, name, "%s: hết bộ nhớ khi đọc PDF", "%s: out of memory reading the PDF", name);
out:
    pdf_pages_free(pg, np);
    if (pdoc)
        P.unref(pdoc);
    return rc;
}
