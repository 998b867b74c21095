#!/usr/bin/env bash
# serve_malformed.sh — a table of malformed requests (issue 9): at least 200
# requests, each bad in one way (the protocol, headers, ids in the path,
# JSON, CSV and multipart bodies, sessions and tokens), sent over raw
# sockets to a running `dti serve` on the demo data. For every one: an
# answer comes (no connection closed in silence), its status is not 5xx,
# and under /api/ it is JSON with the security headers. Before and after
# the table the database is checksummed (SHA-256 of `sqlite3 DB .dump`,
# with DTI_NOW pinned so that a session's "last used" is rewritten with
# the same value): nothing may have changed. The server's stderr must log
# no 5xx, and it must still answer.
set -u
: "${DTI:?}"
# shellcheck source=tests/cli/lib/serve.sh
. "$(dirname "$0")/lib/serve.sh"
command -v sqlite3 >/dev/null || { echo "FAIL: sqlite3 is missing"; exit 1; }
now=2026-12-06T03:00:00Z
DTI_NOW=$now "$DTI" --db "$db" demo >/dev/null || { echo "FAIL: demo"; exit 1; }
serve_start "$db" url DTI_NOW=$now
errlog="${SERVE_LOGS[0]}/err"

# Sessions first (a login writes a session row), then the checksum.
python3 - "$url" >"$tmp/sessions" <<'EOF' || { echo "FAIL: logins"; exit 1; }
import json, sys, urllib.request
for who in ("hcc", "dieuphoi", "admin"):
    pw = "demo-2026"
    req = urllib.request.Request(sys.argv[1] + "/api/v1/login", data=json.dumps({"login": who, "password": pw}).encode(),
                                 headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req) as r:
        cookie = r.headers["Set-Cookie"].split(";")[0]
        print(who, cookie, json.load(r)["csrf_token"])
EOF
# One request with each session, so that its "last used" is already now.
while read -r who cookie tok; do
  curl -s -o /dev/null -b "$cookie" "$url/api/v1/me"
done <"$tmp/sessions"
sum() { test_dump "$db" | sha256sum | cut -d' ' -f1; }
before=$(sum)
test_dump "$db" >"$tmp/before.sql"

python3 - "$url" "$tmp/sessions" <<'EOF' >"$tmp/table.out" 2>&1
import json, socket, sys

url, sess_file = sys.argv[1], sys.argv[2]
host, port = url[len("http://"):].split(":")
port = int(port)
S = {}
for line in open(sess_file):
    who, cookie, tok = line.split()
    S[who] = (cookie, tok)

def raw(data, timeout=15, shut=True):
    """Send DATA (bytes) on a new connection; the answer's bytes (until close or a full response).
    SHUT: close our side after sending (else wait TIMEOUT for an answer)."""
    s = socket.create_connection((host, port), timeout=timeout)
    try:
        try:
            s.sendall(data)
        except (BrokenPipeError, ConnectionResetError):
            pass
        try:
            if shut:
                s.shutdown(socket.SHUT_WR)
        except OSError:
            pass
        out = b""
        while True:
            try:
                d = s.recv(65536)
            except (ConnectionResetError, socket.timeout):
                break
            if not d:
                break
            out += d
        return out
    finally:
        s.close()

def req(method, path, headers=None, body=b"", who=None, csrf=True, version="HTTP/1.1", host_hdr=True, cl=True):
    h = []
    if host_hdr:
        h.append(("Host", "localhost"))
    if who:
        cookie, tok = S[who]
        h.append(("Cookie", cookie))
        if csrf:
            h.append(("X-CSRF-Token", tok))
    for k, v in (headers or {}).items():
        h.append((k, v))
    if isinstance(body, str):
        body = body.encode()
    if cl and body is not None and not any(k.lower() in ("content-length", "transfer-encoding") for k, _ in h):
        h.append(("Content-Length", str(len(body))))
    h.append(("Connection", "close"))
    head = f"{method} {path} {version}\r\n".encode("latin-1", "surrogateescape") if isinstance(path, str) else \
        method.encode() + b" " + path + b" " + version.encode() + b"\r\n"
    for k, v in h:
        head += k.encode() + b": " + (v.encode("utf-8", "surrogateescape") if isinstance(v, str) else v) + b"\r\n"
    return head + b"\r\n" + (body or b"")

# (name, request bytes, flags). Flags: "mhd": libmicrohttpd answers it itself
# (a request it cannot parse: its own short page, not JSON, or a close for
# a request line it cannot read at all; why these cannot carry our headers,
# and what serve_parse_errors.sh checks of them instead: docs/internals/
# http.md, "Requests the library cannot parse"); "incomplete": the client has not
# finished its request (a body shorter than declared, a chunked body with
# no last chunk), so no answer is due yet: it is sent, our side is kept
# open 2 s, and silence is right; "505": HTTP/9.9 is answered 505 HTTP
# Version Not Supported by libmicrohttpd (RFC 9110 15.6.6), the one 5xx
# that says nothing is wrong with the server.
T = []
def add(name, data, flags=""):
    T.append((name, data, flags))

rep = "/api/v1/plans/1/reports/10/2026-12"
J = {"Content-Type": "application/json"}

# ---- 1. the protocol -------------------------------------------------------
add("HTTP/1.1 without Host", req("GET", "/api/v1/health", host_hdr=False))
add("HTTP/1.1 POST without Host", req("POST", "/api/v1/login", J, '{"login":"a","password":"b"}', host_hdr=False))
add("URL of 20 KB", req("GET", "/api/v1/plans/" + "1" * 20000))
add("query of 12 KB", req("GET", "/api/v1/health?x=" + "a" * 12000))
add("header of 40 KB", req("GET", "/api/v1/health", {"X-Big": "a" * 40000}))
add("200 headers of 200 bytes", req("GET", "/api/v1/health", {f"X-H{i}": "b" * 200 for i in range(200)}))
add("garbage request line", b"HELLO\r\n\r\n", "mhd close")
add("request line without version", b"GET /api/v1/health\r\n\r\n", "mhd")
add("HTTP/9.9", req("GET", "/api/v1/health", version="HTTP/9.9"), "mhd 505")
add("HTTP/0.9 style", b"GET /\r\n", "mhd")
add("lowercase method", req("get", "/api/v1/health"))
add("unknown method", req("BREW", "/api/v1/health"))
add("method of 300 letters", req("X" * 300, "/api/v1/health"))
add("Content-Length not a number", req("POST", "/api/v1/login", {**J, "Content-Length": "abc"}, '{}'), "mhd")
add("Content-Length negative", req("POST", "/api/v1/login", {**J, "Content-Length": "-5"}, '{}'), "mhd")
add("Content-Length huge", req("POST", "/api/v1/login", {**J, "Content-Length": "99999999999999999999"}, ''), "mhd")
add("Content-Length larger than body", req("POST", "/api/v1/login", {**J, "Content-Length": "100"}, '{"login":"x"}'),
    "incomplete")
add("two Content-Length", req("POST", "/api/v1/login", {**J, "Content-Length": "2", "content-length": "3"}, '{}'), "mhd")
add("bad chunk size", req("POST", "/api/v1/login", {**J, "Transfer-Encoding": "chunked"}, "zz\r\n{}\r\n0\r\n\r\n"), "mhd")
add("chunked without end", req("POST", "/api/v1/login", {**J, "Transfer-Encoding": "chunked"}, "2\r\n{}\r\n"),
    "incomplete")
add("chunk of 2^63", req("POST", "/api/v1/login", {**J, "Transfer-Encoding": "chunked"}, "7fffffffffffffff\r\nab"), "mhd incomplete")
add("unknown Transfer-Encoding", req("POST", "/api/v1/login", {**J, "Transfer-Encoding": "gzip"}, "{}"),
    "mhd incomplete")
add("header without colon", b"GET /api/v1/health HTTP/1.1\r\nHost: x\r\nNoColonHere\r\n\r\n", "mhd")
add("header name with space", b"GET /api/v1/health HTTP/1.1\r\nHost: x\r\nBad Name: v\r\n\r\n", "mhd")
add("NUL in header value", b"GET /api/v1/health HTTP/1.1\r\nHost: x\r\nX-A: a\x00b\r\n\r\n", "mhd")
add("NUL in the path", b"GET /api/v1/he\x00alth HTTP/1.1\r\nHost: x\r\n\r\n", "mhd")
add("bare LF line ends", b"GET /api/v1/health HTTP/1.1\nHost: x\n\n", "mhd")
add("Expect 100-continue, no session, 20 MB", req("POST", rep + "/evidence",
    {"Content-Type": "multipart/form-data; boundary=x", "Expect": "100-continue", "Content-Length": str(20 << 20)}, b""))
add("Expect 100-continue, bad session", req("PUT", rep, {"Content-Type": "text/csv", "Expect": "100-continue",
    "Cookie": "dti_session=" + "ab" * 32, "Content-Length": "3000000"}, b""))
add("Expect of another kind", req("POST", "/api/v1/login", {**J, "Expect": "200-ok"}, '{}'))
add("body over the route's limit", req("POST", "/api/v1/login", J, '{"login":"' + "a" * 10000 + '"}'))
add("absolute URI", req("GET", "http://localhost/api/v1/health"))
add("asterisk target", req("OPTIONS", "*"))
add("CONNECT", req("CONNECT", "localhost:80"))
add("TRACE", req("TRACE", "/api/v1/health"))

# ---- 2. paths and ids -------------------------------------------------------
bad_ids = ["0", "-1", "abc", "1e3", "99999999999999999999", "9223372036854775808", "%00", "1%2F2", "..", "%ZZ",
           "1;drop", "%C3%28", " 1", "0x10", "999999"]
for i in bad_ids:
    add(f"plan id {i!r}", req("GET", f"/api/v1/plans/{i}", who="dieuphoi"))
    add(f"report plan id {i!r}", req("GET", f"/api/v1/plans/{i}/reports/10/2026-12", who="hcc"))
    add(f"user id {i!r}", req("PATCH", f"/api/v1/users/{i}", J, '{"display":"x"}', who="admin"))
    add(f"evidence id {i!r}", req("GET", f"/api/v1/evidence/{i}", who="hcc"))
for org in ["0", "abc", "%FF%FE", "99999", "1" * 300, "%2E%2E"]:
    add(f"report org {org!r}", req("GET", f"/api/v1/plans/1/reports/{org}/2026-12", who="hcc"))
for per in ["2026-13", "2026-00", "abcd", "2026-Q5", "2026-H3", "99999-01", "2026-12-01", "%00", "", "2026-1"]:
    add(f"report period {per!r}", req("GET", f"/api/v1/plans/1/reports/10/{per}", who="hcc"))
    add(f"save period {per!r}", req("PUT", f"/api/v1/plans/1/reports/10/{per}", {"Content-Type": "text/csv"},
                                    "code,value\n4.1,1\n", who="hcc"))
for p in ["/api/v1/../../etc/passwd", "/api/v1/%2e%2e/%2e%2e/etc/passwd", "/../../../etc/passwd", "/api", "/api/v2/x",
          "//api//v1//health", "/api/v1/health/", "/%C0%AF", "/index.html%00.js", "/" + "a/" * 500]:
    add(f"path {p[:40]!r}", req("GET", p))

# ---- 3. JSON bodies ---------------------------------------------------------
bad_json = ['', '{', '[]', '"x"', 'null', '{"login":1,"password":2}', '{"login":"a"}', '{"login":"a","login":"b",'
            '"password":"c"}', '[' * 100 + ']' * 100, '{"a":' * 40 + '1' + '}' * 40, '{"login":"\\u0000","password":"x"}',
            b'{"login":"\xff\xfe","password":"x"}', '{"login":"a","password":"b"} trailing', '{"login":"' + 'x' * 3000 +
            '","password":"y"}', '{"login":1e400,"password":"x"}']
for k, b in enumerate(bad_json):
    add(f"login JSON #{k}", req("POST", "/api/v1/login", J, b))
    add(f"user create JSON #{k}", req("POST", "/api/v1/users", J, b, who="admin"))
    add(f"indicator edit JSON #{k}", req("PATCH", "/api/v1/plans/1/indicators/4.1", J, b, who="dieuphoi"))
    add(f"calendar JSON #{k}", req("PUT", "/api/v1/plans/1/calendar", J, b, who="dieuphoi"))
for ct in ["text/plain", "application/jsonx", "", "application/json; charset=latin1x" + "x" * 100]:
    add(f"login as {ct[:20]!r}", req("POST", "/api/v1/login", {"Content-Type": ct}, '{"login":"a"}'))

# ---- 4. CSV saves -------------------------------------------------------------
csvs = ["", "code,value\n", "x", "code,value\n4.1,abc\n", "code,value\n9.9.9,1\n", "code,value\n4.1,1e999\n",
        b"code,value\n4.1,1\x00\n", b"code,value\n4.1,\xff\n", "code,value\n\"4.1,1\n", "code," * 200 + "\n",
        "code,numerator,denominator\n4.1,1,0\n", "code,value\n" + "4.1,1\n" * 5000, "code,value,note\n4.1,1," + "n" * 30000 + "\n"]
for k, b in enumerate(csvs):
    add(f"save CSV #{k}", req("PUT", rep, {"Content-Type": "text/csv"}, b, who="hcc"))
add("save as another org (out of scope)", req("PUT", "/api/v1/plans/1/reports/9/2026-12", {"Content-Type": "text/csv"},
    "code,value\n3.1,1\n", who="hcc"))
add("save without CSRF", req("PUT", rep, {"Content-Type": "text/csv"}, "code,value\n4.1,1\n", who="hcc", csrf=False))

# ---- 5. multipart bodies ----------------------------------------------------
PDF = b"%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n"
def mp(parts, boundary="BOUND", close=True):
    out = b""
    for hdrs, data in parts:
        out += b"--" + boundary.encode() + b"\r\n" + hdrs + b"\r\n\r\n" + data + b"\r\n"
    if close:
        out += b"--" + boundary.encode() + b"--\r\n"
    return out
F = lambda name=b"file", fn=b"a.pdf": b'Content-Disposition: form-data; name="' + name + b'"; filename="' + fn + b'"'
MPH = {"Content-Type": "multipart/form-data; boundary=BOUND"}
mps = {
    "17 parts": mp([(b'Content-Disposition: form-data; name="f%d"' % i, b"x") for i in range(17)]),
    "100 KB part header": mp([(F() + b"\r\nX-Pad: " + b"p" * 100000, PDF)]),
    "no closing boundary": mp([(F(), PDF)], close=False),
    "cut in the data": mp([(F(), PDF)], close=False)[:-10],
    "invalid UTF-8 file name": mp([(F(fn=b"bi\xea\xff.pdf"), PDF)]),
    "file name with a control char": mp([(F(fn=b"a\x01b.pdf"), PDF)]),
    "no name": mp([(b'Content-Disposition: form-data; filename="a.pdf"', PDF)]),
    "unterminated quote": mp([(b'Content-Disposition: form-data; name="file; filename="a.pdf', PDF)]),
    "not form-data": mp([(b'Content-Disposition: attachment; name="file"; filename="a.pdf"', PDF)]),
    "header line without colon": mp([(F() + b"\r\nNoColon", PDF)]),
    "no part headers": mp([(b"", PDF)]),
    "empty body": b"",
    "only the closing boundary": b"--BOUND--\r\n",
    "other boundary": mp([(F(), PDF)], boundary="OTHER"),
    "empty file": mp([(F(), b"")]),
    "8-byte PNG": mp([(F(fn=b"a.png"), b"\x89PNG\r\n\x1a\n")]),
    "3-byte JPEG": mp([(F(fn=b"a.jpg"), b"\xff\xd8\xff")]),
    "PDF without end": mp([(F(), b"%PDF-1.4\n1 0 obj")]),
    "an executable": mp([(F(fn=b"a.exe"), b"MZ\x90\x00" + b"\x00" * 100)]),
    "NUL in part header": mp([(F() + b"\r\nX-A: a\x00b", PDF)]),
    "item not UTF-8": mp([(F(), PDF), (b'Content-Disposition: form-data; name="item"', b"\xff\xfe")]),
    "item unknown": mp([(F(), PDF), (b'Content-Disposition: form-data; name="item"', b"99.99")]),
    "item_kind unknown": mp([(F(), PDF), (b'Content-Disposition: form-data; name="item_kind"', b"zzz")]),
    "field of 2 MB": mp([(F(), PDF), (b'Content-Disposition: form-data; name="item"', b"i" * (2 << 20))]),
}
for name, body in mps.items():
    add(f"evidence: {name}", req("POST", rep + "/evidence", MPH, body, who="hcc"))
    add(f"import preview: {name}", req("POST", "/api/v1/imports/preview", MPH, body, who="dieuphoi"))
for ct in ["multipart/form-data", "multipart/form-data; boundary=", "multipart/form-data; boundary=\"unterminated",
           "multipart/form-data; boundary=" + "b" * 80, "multipart/mixed; boundary=BOUND", "text/plain"]:
    add(f"evidence as {ct[:40]!r}", req("POST", rep + "/evidence", {"Content-Type": ct}, mp([(F(), PDF)]), who="hcc"))

# ---- 6. sessions and tokens -------------------------------------------------
for c in ["", "dti_session=", "dti_session=" + "zz" * 32, "dti_session=" + "ab" * 32, "dti_session=" + "a" * 5000,
          "dti_session=\"" + "ab" * 32 + "\"", "dti_session=%00", "a=b; dti_session=" + "cd" * 32]:
    add(f"cookie {c[:30]!r}", req("GET", "/api/v1/me", {"Cookie": c}))
    add(f"save with cookie {c[:30]!r}", req("PUT", rep, {"Content-Type": "text/csv", "Cookie": c}, "code,value\n4.1,1\n"))
for t in ["", "x", "0" * 64, S["hcc"][1][:-1], S["hcc"][1] + "0", S["dieuphoi"][1]]:
    add(f"CSRF {t[:10]!r}", req("PUT", rep, {"Content-Type": "text/csv", "Cookie": S["hcc"][0], "X-CSRF-Token": t},
                                "code,value\n4.1,1\n"))
add("logout without CSRF", req("POST", "/api/v1/logout", {}, b"", who="hcc", csrf=False))
add("approve by a reporter", req("POST", rep + "/approve", J, "{}", who="hcc"))
add("user create by a reporter", req("POST", "/api/v1/users", J, '{"login":"x","role":"admin","password":"xxxxxxxxxx"}',
                                     who="hcc"))

print(f"table: {len(T)} requests")
fails = 0
counts = {}
for name, data, flags in T:
    out = raw(data, 2, False) if "incomplete" in flags else raw(data)
    head = out.split(b"\r\n\r\n", 1)[0].decode("latin-1")
    lines = head.split("\r\n")
    status = None
    if lines and lines[0].startswith("HTTP/1."):
        try:
            status = int(lines[0].split()[1])
        except (IndexError, ValueError):
            status = None
    hdrs = {}
    for l in lines[1:]:
        if ":" in l:
            k, v = l.split(":", 1)
            hdrs[k.strip().lower()] = v.strip()
    counts[status] = counts.get(status, 0) + 1
    if status is not None and status < 300:
        print(f"note: {name}: {status}")
    if "mhd" in flags:
        print(f"note: {name}: {status} {hdrs.get('content-type', '-')}")
    problem = None
    if status is None:
        if "incomplete" not in flags and "close" not in flags:
            problem = "no answer (connection closed in silence)"
    elif status >= 500 and not (status == 505 and "505" in flags):
        problem = f"answered {status}"
    elif "mhd" not in flags:
        ct = hdrs.get("content-type", "")
        if not ct.startswith("application/json") and "/api/" in name + repr(data[:60]):
            problem = f"{status} not JSON ({ct})"
        elif "content-security-policy" not in hdrs or "x-content-type-options" not in hdrs:
            problem = f"{status} without the security headers"
        elif status == 100 or b"100 Continue" in out[:40]:
            problem = "100 Continue"
    if b"HTTP/1.1 100 Continue" in out and "Expect 100" in name:
        problem = "100 Continue sent to a refused request"
    if problem:
        fails += 1
        print(f"FAIL: {name}: {problem}: {head[:200]!r}")
print("statuses:", ", ".join(f"{k}: {v}" for k, v in sorted(counts.items(), key=lambda kv: (kv[0] is None, kv[0] or 0))))
print(f"{len(T) - fails} of {len(T)} as expected")
sys.exit(1 if fails else 0)
EOF
rc=$?
cat "$tmp/table.out"
[ "$rc" = 0 ] || bad "the table of malformed requests"
n=$(grep -aoE '^table: [0-9]+' "$tmp/table.out" | tr -dc 0-9)
[ "${n:-0}" -ge 200 ] || bad "the table has ${n:-0} requests (at least 200)"
s=$(curl -s -m 5 -o /dev/null -w '%{http_code}' "$url/api/v1/health")
[ "$s" = 200 ] || bad "the server does not answer after the table: $s"
after=$(sum)
[ "$before" = "$after" ] || bad "the database changed: $before → $after: $(test_dump "$db" | diff "$tmp/before.sql" - | head -c 2000)"
echo "database checksum: before $before, after $after"
if grep -aE ': 5[0-9][0-9] ' "$errlog" >/dev/null; then bad "5xx in the server's log: $(grep -aE ': 5[0-9][0-9] ' "$errlog" | head -5)"; fi
[ "$fail" = 0 ] && echo ok
exit "$fail"
