/* remind_mail.c — e-mail through the operator's SMTP server with libcurl
 * (remind.h: remind_mail_from_env, remind_mail_send).
 *
 * Decisions: the settings come from the environment only (DTI_SMTP_*), so
 * that cron's `dti remind` and `dti serve` read the same ones and the
 * password never appears in argv (visible to every user of the machine);
 * `dti remind --smtp URL --from ADDR` may override the two non-secret ones.
 * A login is only sent over TLS unless the operator says DTI_SMTP_TLS=none.
 * The message is plain text in UTF-8, base64-encoded (no line-length or
 * 8-bit trouble with any server), the subject RFC 2047-encoded; the Date
 * is "now" (DTI_NOW when set) in Vietnam's time; the Message-ID carries the
 * notice's id, so a mail can be traced to its notice.
 *
 * libcurl is opened with dlopen() the first time a mail is sent
 * (pthread_once, as pdf_poppler.c opens poppler-glib), not linked: linked,
 * it and the TLS, HTTP/2, SSH, LDAP, Kerberos … libraries it needs are
 * mapped and relocated before main() of every `dti` command, ~4.8 ms each
 * run (docs/performance.md), for the one command in twenty that mails.
 * <curl/curl.h> still gives the types and option numbers (its ABI is
 * stable under soname libcurl.so.4); only the six functions used are looked
 * up by name. Without libcurl a send fails with a message naming it. */
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <curl/curl.h>
#include <sodium.h>
#include "app/remind/remind.h"
#include "base/buf.h"
#include "base/lang.h"

#define MAIL_MAX ((size_t)1 << 20)

static int copy_env(const char *name, char *out, size_t n, dti_err *e)
{
    const char *v = getenv(name);
    out[0] = 0;
    if (!v)
        return 0;
    if (strlen(v) >= n || strpbrk(v, "\r\n"))
        return dti_fail(e, DTI_ERR_INPUT, name, "Biến môi trường %s quá dài hoặc có xuống dòng",
                        "The environment variable %s is too long or has a line break", name), -1;
    snprintf(out, n, "%s", v);
    return 0;
}

dti_rc remind_mail_from_env(remind_mail_cfg *c, dti_err *e)
{
    memset(c, 0, sizeof *c);
    if (copy_env("DTI_SMTP_URL", c->url, sizeof c->url, e) || copy_env("DTI_SMTP_FROM", c->from, sizeof c->from, e) ||
        copy_env("DTI_SMTP_USER", c->user, sizeof c->user, e) ||
        copy_env("DTI_SMTP_PASSWORD", c->password, sizeof c->password, e) ||
        copy_env("DTI_SMTP_CA", c->ca, sizeof c->ca, e) || copy_env("DTI_APP_URL", c->app_url, sizeof c->app_url, e))
        return e ? e->code : DTI_ERR_INPUT;
    const char *tls = getenv("DTI_SMTP_TLS");
    c->tls = c->user[0] ? 2 : 1;
    if (tls && *tls) {
        if (strcmp(tls, "required") == 0)
            c->tls = 2;
        else if (strcmp(tls, "try") == 0)
            c->tls = 1;
        else if (strcmp(tls, "none") == 0)
            c->tls = 0;
        else
            return dti_fail(e, DTI_ERR_INPUT, "DTI_SMTP_TLS", "DTI_SMTP_TLS phải là required, try hoặc none (không phải “%s”)",
                            "DTI_SMTP_TLS must be required, try or none (not “%s”)", tls);
    }
    if (!c->url[0])
        return DTI_OK;
    if (strncmp(c->url, "smtp://", 7) != 0 && strncmp(c->url, "smtps://", 8) != 0)
        return dti_fail(e, DTI_ERR_INPUT, "DTI_SMTP_URL", "DTI_SMTP_URL phải bắt đầu bằng smtp:// hoặc smtps:// (“%s”)",
                        "DTI_SMTP_URL must start with smtp:// or smtps:// (“%s”)", c->url);
    if (!remind_email_valid(c->from))
        return dti_fail(e, DTI_ERR_INPUT, "DTI_SMTP_FROM",
                        "Cần địa chỉ người gửi hợp lệ trong DTI_SMTP_FROM (ví dụ: dti@xa.gov.vn)",
                        "DTI_SMTP_FROM needs a valid sender address (e.g. dti@commune.gov.vn)");
    c->enabled = 1;
    return DTI_OK;
}

/* libcurl's functions, filled once by curl_start(); C.ok when all were found. */
static struct {
    CURLcode (*global_init)(long flags);
    CURL *(*easy_init)(void);
    CURLcode (*easy_setopt)(CURL *h, CURLoption opt, ...);
    CURLcode (*easy_perform)(CURL *h);
    void (*easy_cleanup)(CURL *h);
    const char *(*easy_strerror)(CURLcode);
    struct curl_slist *(*slist_append)(struct curl_slist *l, const char *s);
    void (*slist_free_all)(struct curl_slist *l);
    int ok;
    char why[200];
} C;

static pthread_once_t curl_once = PTHREAD_ONCE_INIT;
static void curl_start(void)
{
    static const char *const names[] = {"libcurl.so.4", "libcurl-gnutls.so.4", "libcurl.so"};
    void *h = NULL;
    for (size_t i = 0; i < sizeof names / sizeof *names && !h; i++)
        h = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
    if (!h) {
        const char *d = dlerror();
        snprintf(C.why, sizeof C.why, "%s", d ? d : "libcurl.so.4");
        return;
    }
    /* Casting object pointers to function pointers is what dlsym is for (POSIX). */
    *(void **)&C.global_init = dlsym(h, "curl_global_init");
    *(void **)&C.easy_init = dlsym(h, "curl_easy_init");
    *(void **)&C.easy_setopt = dlsym(h, "curl_easy_setopt");
    *(void **)&C.easy_perform = dlsym(h, "curl_easy_perform");
    *(void **)&C.easy_cleanup = dlsym(h, "curl_easy_cleanup");
    *(void **)&C.easy_strerror = dlsym(h, "curl_easy_strerror");
    *(void **)&C.slist_append = dlsym(h, "curl_slist_append");
    *(void **)&C.slist_free_all = dlsym(h, "curl_slist_free_all");
    C.ok = C.global_init && C.easy_init && C.easy_setopt && C.easy_perform && C.easy_cleanup &&
           C.easy_strerror && C.slist_append && C.slist_free_all;
    if (!C.ok) {
        snprintf(C.why, sizeof C.why, "libcurl.so.4 lacks a function");
        return;
    }
    C.global_init(CURL_GLOBAL_DEFAULT);
}

struct reader {
    const char *p;
    size_t left;
};

static size_t read_cb(char *out, size_t size, size_t n, void *ctx)
{
    struct reader *r = ctx;
    size_t room = size * n, k = r->left < room ? r->left : room;
    memcpy(out, r->p, k);
    r->p += k;
    r->left -= k;
    return k;
}

static void b64_lines(buf *b, const char *s, size_t n, int wrap)
{
    /* 57 bytes make one 76-character line */
    for (size_t i = 0; i < n || (n == 0 && i == 0); i += 57) {
        size_t k = n - i < 57 ? n - i : 57;
        char line[80];
        sodium_bin2base64(line, sizeof line, (const unsigned char *)s + i, k, sodium_base64_VARIANT_ORIGINAL);
        buf_adds(b, line);
        if (wrap)
            buf_adds(b, "\r\n");
        if (n == 0)
            break;
    }
}

/* Subject as RFC 2047 encoded-words of at most 45 bytes each (whole UTF-8
 * sequences), folded onto continuation lines. */
static void subject_header(buf *b, const char *s)
{
    size_t n = strlen(s), i = 0;
    buf_adds(b, "Subject:");
    if (!n)
        buf_adds(b, " ");
    while (i < n) {
        size_t k = n - i < 45 ? n - i : 45;
        while (i + k < n && ((unsigned char)s[i + k] & 0xC0) == 0x80)
            k--;
        buf_adds(b, i ? "\r\n =?UTF-8?B?" : " =?UTF-8?B?");
        b64_lines(b, s + i, k, 0);
        buf_adds(b, "?=");
        i += k;
    }
    buf_adds(b, "\r\n");
}

static void date_header(buf *b, time_t now)
{
    static const char *const DAYS[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static const char *const MONTHS[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    time_t t = now + 7 * 3600;
    struct tm tm;
    gmtime_r(&t, &tm);
    buf_printf(b, "Date: %s, %02d %s %04d %02d:%02d:%02d +0700\r\n", DAYS[tm.tm_wday % 7], tm.tm_mday,
               MONTHS[tm.tm_mon % 12], tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

dti_rc remind_mail_send(const remind_mail_cfg *c, const char *to, const char *subject, const char *body,
                        time_t now, int64_t id, dti_err *e)
{
    dti_rc rc = DTI_OK;
    CURL *h = NULL;
    struct curl_slist *rcpt = NULL;
    char addr[REMIND_EMAIL_MAX + 3], from[REMIND_EMAIL_MAX + 3], errbuf[CURL_ERROR_SIZE] = "";
    buf m;
    if (!c || !c->enabled)
        return dti_fail(e, DTI_ERR_INPUT, "DTI_SMTP_URL", "chưa cấu hình máy chủ thư", "no mail server configured");
    if (!remind_email_valid(to))
        return dti_fail(e, DTI_ERR_INPUT, "email", "địa chỉ “%.80s” không hợp lệ", "invalid address “%.80s”", to);
    buf_init(&m, MAIL_MAX);
    date_header(&m, now);
    buf_printf(&m, "From: dti <%s>\r\nTo: <%s>\r\n", c->from, to);
    subject_header(&m, subject);
    const char *dom = strchr(c->from, '@');
    buf_printf(&m, "Message-ID: <notice-%lld.%lld@%s>\r\n", (long long)id, (long long)now, dom ? dom + 1 : "dti");
    buf_adds(&m, "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n"
                 "Content-Transfer-Encoding: base64\r\nAuto-Submitted: auto-generated\r\n\r\n");
    b64_lines(&m, body, strlen(body), 1);
    if (buf_failed(&m)) {
        rc = dti_fail(e, DTI_ERR_TOOBIG, "body", "thư quá dài", "the message is too long");
        goto out;
    }
    pthread_once(&curl_once, curl_start);
    if (!C.ok) {
        rc = dti_fail(e, DTI_ERR_IO, "smtp", "không nạp được libcurl để gửi thư (%s)",
                      "libcurl could not be loaded to send mail (%s)", C.why);
        goto out;
    }
    if (!(h = C.easy_init())) {
        rc = dti_fail(e, DTI_ERR_NOMEM, NULL, "không khởi tạo được libcurl", "libcurl could not start");
        goto out;
    }
    snprintf(addr, sizeof addr, "<%s>", to);
    snprintf(from, sizeof from, "<%s>", c->from);
    if (!(rcpt = C.slist_append(NULL, addr))) {
        rc = dti_fail(e, DTI_ERR_NOMEM, NULL, "hết bộ nhớ", "out of memory");
        goto out;
    }
    struct reader rd = {m.ptr, m.len};
    C.easy_setopt(h, CURLOPT_URL, c->url);
    C.easy_setopt(h, CURLOPT_MAIL_FROM, from);
    C.easy_setopt(h, CURLOPT_MAIL_RCPT, rcpt);
    C.easy_setopt(h, CURLOPT_READFUNCTION, read_cb);
    C.easy_setopt(h, CURLOPT_READDATA, &rd);
    C.easy_setopt(h, CURLOPT_UPLOAD, 1L);
    C.easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    C.easy_setopt(h, CURLOPT_CONNECTTIMEOUT, 10L);
    C.easy_setopt(h, CURLOPT_TIMEOUT, 60L);
    C.easy_setopt(h, CURLOPT_ERRORBUFFER, errbuf);
    if (c->tls)
        C.easy_setopt(h, CURLOPT_USE_SSL, (long)(c->tls == 2 ? CURLUSESSL_ALL : CURLUSESSL_TRY));
    if (c->ca[0])
        C.easy_setopt(h, CURLOPT_CAINFO, c->ca);
    if (c->user[0]) {
        C.easy_setopt(h, CURLOPT_USERNAME, c->user);
        C.easy_setopt(h, CURLOPT_PASSWORD, c->password);
    }
    CURLcode cr = C.easy_perform(h);
    if (cr != CURLE_OK)
        rc = dti_fail(e, DTI_ERR_IO, "smtp", "gửi thư tới %s không được: %s", "sending mail to %s failed: %s", to,
                      errbuf[0] ? errbuf : C.easy_strerror(cr));
out:
    if (rcpt)
        C.slist_free_all(rcpt);
    if (h)
        C.easy_cleanup(h);
    buf_release(&m);
    return rc;
}
