/* demo_files.c — the demo's evidence files: a real one-page PDF and a real
 * PNG, small, made in memory, so that the evidence checks (report.h:
 * report_media_type sniffs the first bytes) and a browser's preview both
 * accept them.
 *
 * The PDF is written by hand (five objects, a cross-reference table with
 * the byte offsets, Helvetica, ASCII text): that is the whole format for
 * one page of text. The PNG uses zlib (already linked through libzip and
 * libxlsxwriter) for its deflate stream and chunk CRCs. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>
#include "app/demo/demo.h"
#include "app/app_util.h"
#include "base/buf.h"

#define DEMO_FILE_MAX ((size_t)1 << 20)
#define PNG_SIDE_MAX 1024

/* S as a PDF string body: printable ASCII, with ( ) \ escaped. */
static void pdf_text(buf *b, const char *s)
{
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '(' || c == ')' || c == '\\')
            buf_addc(b, '\\');
        buf_addc(b, c >= 0x20 && c < 0x7f ? (char)c : '?');
    }
}

dti_rc demo_pdf(const char *title, const char *line, char **out, size_t *n, dti_err *e)
{
    buf b, content;
    size_t off[6];
    *out = NULL;
    *n = 0;
    buf_init(&b, DEMO_FILE_MAX);
    buf_init(&content, DEMO_FILE_MAX);
    buf_adds(&content, "BT /F1 16 Tf 56 780 Td (");
    pdf_text(&content, title ? title : "");
    buf_adds(&content, ") Tj /F1 11 Tf 0 -24 Td (");
    pdf_text(&content, line ? line : "");
    buf_adds(&content, ") Tj 0 -18 Td (Du lieu mau cua dti - hu cau / dti demo data - fictional) Tj ET\n");
    buf_adds(&b, "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n");
    off[1] = b.len;
    buf_adds(&b, "1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n");
    off[2] = b.len;
    buf_adds(&b, "2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n");
    off[3] = b.len;
    buf_adds(&b, "3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
                 " /Resources << /Font << /F1 5 0 R >> >> >>\nendobj\n");
    off[4] = b.len;
    buf_printf(&b, "4 0 obj\n<< /Length %zu >>\nstream\n", content.len);
    if (content.ptr)
        buf_add(&b, content.ptr, content.len);
    buf_adds(&b, "endstream\nendobj\n");
    off[5] = b.len;
    buf_adds(&b, "5 0 obj\n<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>\nendobj\n");
    size_t xref = b.len;
    buf_adds(&b, "xref\n0 6\n0000000000 65535 f \n");
    for (int i = 1; i <= 5; i++)
        buf_printf(&b, "%010zu 00000 n \n", off[i]);
    buf_printf(&b, "trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n%zu\n%%%%EOF\n", xref);
    dti_rc rc = DTI_OK;
    if (buf_failed(&b) || buf_failed(&content)) {
        rc = app_nomem(e);
        buf_release(&b);
    } else {
        *n = b.len;
        *out = buf_detach(&b);
    }
    buf_release(&content);
    return rc;
}

/* One PNG chunk: length, type, data, CRC over type and data. */
static void png_chunk(buf *b, const char type[4], const unsigned char *p, size_t n)
{
    unsigned char len[4] = {(unsigned char)(n >> 24), (unsigned char)(n >> 16), (unsigned char)(n >> 8),
                            (unsigned char)n};
    uLong crc = crc32(0L, Z_NULL, 0);
    crc = crc32(crc, (const Bytef *)type, 4);
    if (n)
        crc = crc32(crc, p, (uInt)n);
    unsigned char c[4] = {(unsigned char)(crc >> 24), (unsigned char)(crc >> 16), (unsigned char)(crc >> 8),
                          (unsigned char)crc};
    buf_add(b, len, 4);
    buf_add(b, type, 4);
    if (n)
        buf_add(b, p, n);
    buf_add(b, c, 4);
}

dti_rc demo_png(int w, int h, uint32_t rgb, const double *bars, size_t nbars, char **out, size_t *n,
                dti_err *e)
{
    unsigned char *raw = NULL, *z = NULL;
    buf b;
    dti_rc rc = DTI_OK;
    *out = NULL;
    *n = 0;
    buf_init(&b, DEMO_FILE_MAX);
    if (w < 1 || h < 1 || w > PNG_SIDE_MAX || h > PNG_SIDE_MAX)
        return dti_fail(e, DTI_ERR_INPUT, "size", "kích thước ảnh không hợp lệ (%d×%d)",
                        "bad image size (%d×%d)", w, h);
    size_t row = 1 + (size_t)w * 3, rawlen = row * (size_t)h;
    uLongf zlen = compressBound((uLong)rawlen);
    if (!(raw = malloc(rawlen)) || !(z = malloc(zlen))) {
        rc = app_nomem(e);
        goto out;
    }
    /* white page, a light frame, one bar per value in the given colour */
    for (int y = 0; y < h; y++) {
        unsigned char *r = raw + (size_t)y * row;
        r[0] = 0;   /* filter: none */
        size_t band = nbars ? (size_t)y * nbars / (size_t)h : 0;
        size_t top = nbars ? band * (size_t)h / nbars : 0, bottom = nbars ? (band + 1) * (size_t)h / nbars : 0;
        int inside = nbars && (size_t)y > top + 2 && (size_t)y + 2 < bottom;
        double v = nbars ? bars[band] : 0;
        if (!(v >= 0))
            v = 0;
        if (v > 1)
            v = 1;
        int len = (int)(v * (w - 8));
        for (int x = 0; x < w; x++) {
            unsigned char *px = r + 1 + (size_t)x * 3;
            int frame = x == 0 || y == 0 || x == w - 1 || y == h - 1;
            if (frame) {
                px[0] = px[1] = px[2] = 0xc8;
            } else if (inside && x >= 4 && x < 4 + len) {
                px[0] = (unsigned char)(rgb >> 16);
                px[1] = (unsigned char)(rgb >> 8);
                px[2] = (unsigned char)rgb;
            } else {
                px[0] = px[1] = px[2] = 0xff;
            }
        }
    }
    if (compress2(z, &zlen, raw, (uLong)rawlen, Z_BEST_COMPRESSION) != Z_OK) {
        rc = app_nomem(e);
        goto out;
    }
    unsigned char ihdr[13] = {(unsigned char)(w >> 24), (unsigned char)(w >> 16), (unsigned char)(w >> 8),
                              (unsigned char)w, (unsigned char)(h >> 24), (unsigned char)(h >> 16),
                              (unsigned char)(h >> 8), (unsigned char)h,
                              8, 2, 0, 0, 0};   /* 8-bit, RGB, deflate, no filter set, no interlace */
    buf_add(&b, "\x89PNG\r\n\x1a\n", 8);
    png_chunk(&b, "IHDR", ihdr, sizeof ihdr);
    png_chunk(&b, "IDAT", z, zlen);
    png_chunk(&b, "IEND", NULL, 0);
    if (buf_failed(&b)) {
        rc = app_nomem(e);
        goto out;
    }
    *n = b.len;
    *out = buf_detach(&b);
out:
    buf_release(&b);
    free(raw);
    free(z);
    return rc;
}
