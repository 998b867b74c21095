#!/usr/bin/env bash
# remind_smtp.sh — reminders that reach people (issue 13, point 7;
# app/remind.h): `dti remind` against a real SMTP server started here
# (Debian's python3-aiosmtpd, writing a maildir), at fixed dates around the
# units' deadline of November 2026 (15/12/2026 in the demo's calendar):
#   11/12 nothing yet; 12/12 (3 days before) a dry run changes nothing, then
#   the units that have not reported are reminded (not the one that did);
#   15/12 on the day; 16/12 one day late: the unit's head too, the
#   coordinator's digest, and a returned report told with its new deadline
#   (3 working days: Wed 16/12 → Mon 21/12); 18/12 the last step; 19/12 the
#   approval. Every run is repeated and must send nothing new. Finally a
#   STARTTLS server with a private CA: the mail goes over TLS, and a server
#   without TLS is refused when TLS is required.
set -euo pipefail
: "${DTI:?}"
T=$(mktemp -d)
# shellcheck source=tests/lib/db.sh
. "$(dirname "$0")/../lib/db.sh"
DB_s=$(test_db "$T/s.db")
PY=/usr/bin/python3     # Debian's, where python3-aiosmtpd lives
SMTP_PID=
cleanup() { [ -n "$SMTP_PID" ] && kill "$SMTP_PID" 2>/dev/null; wait 2>/dev/null; rm -rf "$T"; }
trap cleanup EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
dti() { "$DTI" --lang en --db "$DB_s" "$@"; }
at() { local when=$1; shift; DTI_NOW=$when dti "$@"; }
free_port() { $PY -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
start_smtp() {  # start_smtp MAILDIR [aiosmtpd options]
  # aiosmtpd cannot take port 0: a free port is picked and closed first,
  # and something else may take it before aiosmtpd binds it. Then aiosmtpd
  # exits, and another port is tried (up to 5); ready once it answers and
  # is still running (the answer is its own, not another listener's).
  local dir=$1 try; shift
  for try in 1 2 3 4 5; do
    PORT=$(free_port)
    $PY -m aiosmtpd -n -l "127.0.0.1:$PORT" "$@" -c aiosmtpd.handlers.Mailbox "$dir" >"$T/smtpd.log" 2>&1 &
    SMTP_PID=$!
    for _ in $(seq 600); do
      kill -0 "$SMTP_PID" 2>/dev/null || break
      $PY -c "import socket; socket.create_connection(('127.0.0.1', $PORT), 0.2)" 2>/dev/null &&
        kill -0 "$SMTP_PID" 2>/dev/null && return 0
      sleep 0.1
    done
    kill "$SMTP_PID" 2>/dev/null; wait "$SMTP_PID" 2>/dev/null; SMTP_PID=
  done
  fail "the SMTP server did not start: $(cat "$T/smtpd.log")"
}
stop_smtp() { kill "$SMTP_PID"; wait "$SMTP_PID" 2>/dev/null || true; SMTP_PID=; }
# mails: "recipient|subject" of every message received since the last call, sorted
SEEN="$T/seen"; : > "$SEEN"
mails() {
  $PY - "$1" "$SEEN" <<'EOF'
import mailbox, sys, email.policy
box, seen_file = sys.argv[1], sys.argv[2]
seen = set(open(seen_file).read().split())
out = []
for key, msg in mailbox.Maildir(box, factory=None, create=False).items():
    if key in seen:
        continue
    seen.add(key)
    m = email.message_from_bytes(msg.as_bytes(), policy=email.policy.default)
    body = m.get_content()
    out.append("%s|%s|%s" % (m["X-RcptTo"], str(m["Subject"]).strip(), body.replace("\n", " ")))
open(seen_file, "w").write("\n".join(sorted(seen)))
print("\n".join(sorted(out)))
EOF
}
count() { if [ -z "$1" ]; then echo 0; else printf '%s\n' "$1" | wc -l; fi; }
# grep reads a here-string, not a pipe: under pipefail, `printf | grep -q`
# fails when grep exits at its match while printf still writes (SIGPIPE)
has() { grep -q -- "$2" <<<"$1" || fail "$3: no mail matching '$2' in:
$1"; }
hasnt() { if grep -q -- "$2" <<<"$1"; then fail "$3: unexpected mail '$2'"; fi; }

# ---- the demo, addresses, one unit that reports in time ---------------------------------
export DTI_PASSWORD=demo-2026
at 2026-12-01T03:00:00Z demo >/dev/null 2>&1
at 2026-12-01T03:00:00Z --as admin user add truongca --role viewer --org "Công an xã" --display "Trưởng Công an xã" >/dev/null 2>&1
for u in congan yte kinhte dieuphoi truongca; do
  at 2026-12-01T03:00:00Z --as admin user email "$u" "$u@hoabinh.example.vn" >/dev/null 2>&1
done
# a unit nobody can be reached at: the digest says so
at 2026-12-01T03:00:00Z --as admin user disable tocnscd >/dev/null 2>&1
# an address is checked, and only the account's manager or itself sets it
if at 2026-12-01T03:00:00Z --as admin user email congan "not an address" 2>"$T/err"; then fail "bad address accepted"; fi
grep -q "not valid" "$T/err" || fail "bad address message: $(cat "$T/err")"
if at 2026-12-01T03:00:00Z --as yte user email congan "x@y.vn" 2>/dev/null; then fail "a reporter set another's address"; fi
[ "$(at 2026-12-01T03:00:00Z --as congan user email congan)" = "congan: congan@hoabinh.example.vn" ] || fail "own address"
printf 'code,numerator,denominator\n5.1,15,40\n' > "$T/kt.csv"
at 2026-12-10T02:00:00Z --as kinhte report fill 1 "Phòng Kinh tế xã" 2026-11 --csv "$T/kt.csv" >/dev/null 2>&1
at 2026-12-10T02:05:00Z --as kinhte report submit 1 "Phòng Kinh tế xã" 2026-11 >/dev/null 2>&1

mkdir -p "$T/mail"/{new,cur,tmp}
start_smtp "$T/mail"
export DTI_SMTP_URL="smtp://127.0.0.1:$PORT" DTI_SMTP_FROM="dti@hoabinh.example.vn" DTI_SMTP_TLS=none
export DTI_APP_URL="https://dti.hoabinh.example.vn/"

# ---- 11/12: 4 days before, no step yet ----------------------------------------------------
at 2026-12-11T02:00:00Z remind > "$T/out"
grep -q "Recorded 0 notices" "$T/out" || fail "11/12: $(cat "$T/out")"
[ "$(count "$(mails "$T/mail")")" = 0 ] || fail "11/12 sent mail"

# ---- 12/12: 3 days before ------------------------------------------------------------------
at 2026-12-12T02:00:00Z remind --dry-run > "$T/dry"
grep -q "Dry run: 5 notices" "$T/dry" || fail "dry run: $(cat "$T/dry")"
[ "$(count "$(mails "$T/mail")")" = 0 ] || fail "the dry run sent mail"
at 2026-12-12T02:00:00Z remind > "$T/out"
grep -q "Recorded 5 notices; mails sent 2, failed 0" "$T/out" || fail "12/12: $(cat "$T/out")"
grep -q "(in dti only)" "$T/out" || fail "accounts without an address are listed as in-app"
M=$(mails "$T/mail")
[ "$(count "$M")" = 2 ] || fail "12/12 mails: $M"
has "$M" "congan@hoabinh.example.vn|Nhắc hạn: báo cáo tháng 11/2026 của Công an xã, hạn 15/12/2026 (còn 3 ngày)" "12/12 congan"
has "$M" "yte@hoabinh.example.vn|Nhắc hạn: báo cáo tháng 11/2026 của Trạm Y tế xã" "12/12 yte"
has "$M" "https://dti.hoabinh.example.vn/" "the link to the app"
hasnt "$M" "kinhte@" "12/12: the unit that reported"
hasnt "$M" "truongca@" "12/12: the head before the deadline"
at 2026-12-12T09:00:00Z remind > "$T/out"
grep -q "Recorded 0 notices; mails sent 0" "$T/out" || fail "12/12 again: $(cat "$T/out")"
[ "$(count "$(mails "$T/mail")")" = 0 ] || fail "12/12 again sent mail"
at 2026-12-13T02:00:00Z remind --json > "$T/out.json"
$PY -c "import json,sys; j=json.load(open(sys.argv[1])); assert j['notices']==[] and j['mailed']==0, j" "$T/out.json" || fail "13/12"

# ---- 15/12: on the day ----------------------------------------------------------------------
at 2026-12-15T01:00:00Z remind > "$T/out"
M=$(mails "$T/mail")
[ "$(count "$M")" = 2 ] || fail "15/12 mails: $M"
has "$M" "congan@hoabinh.example.vn|Hôm nay hết hạn: báo cáo tháng 11/2026 của Công an xã" "15/12 congan"

# ---- 16/12: one day late; a return ----------------------------------------------------------
at 2026-12-16T02:00:00Z --as dieuphoi report return 1 "Phòng Kinh tế xã" 2026-11 --reason "Thiếu minh chứng cho chỉ tiêu 5.1" >/dev/null 2>&1
at 2026-12-16T03:00:00Z remind > "$T/out"
M=$(mails "$T/mail")
[ "$(count "$M")" = 5 ] || fail "16/12 mails: $M"
has "$M" "congan@hoabinh.example.vn|Quá hạn 1 ngày: báo cáo tháng 11/2026 của Công an xã" "16/12 congan"
has "$M" "truongca@hoabinh.example.vn|Quá hạn 1 ngày: báo cáo tháng 11/2026 của Công an xã" "16/12 the unit's head"
has "$M" "yte@hoabinh.example.vn|Quá hạn 1 ngày" "16/12 yte"
has "$M" "dieuphoi@hoabinh.example.vn|Tổng hợp: 6 đơn vị chưa nộp báo cáo tháng 11/2026 (hạn 15/12/2026)" "16/12 digest"
has "$M" "dieuphoi@.*Công an xã: chưa có báo cáo" "the digest names the units"
has "$M" "dieuphoi@.*Tổ công nghệ số cộng đồng: chưa có báo cáo (đơn vị chưa có tài khoản" "the digest says who cannot be reached"
has "$M" "dieuphoi@.*Phòng Văn hóa - Xã hội: chưa có báo cáo (tài khoản chưa có thư điện tử" "the digest says who reads only in dti"
has "$M" "kinhte@hoabinh.example.vn|Báo cáo tháng 11/2026 của Phòng Kinh tế xã bị trả lại ngày 16/12/2026: cần sửa trước hạn 21/12/2026" "16/12 returned"
has "$M" "kinhte@.*Lý do: Thiếu minh chứng cho chỉ tiêu 5.1" "the reason is in the mail"
at 2026-12-16T10:00:00Z remind > "$T/out"
grep -q "Recorded 0 notices" "$T/out" || fail "16/12 again: $(cat "$T/out")"

# ---- 18/12: the last step; the returned report's own reminder ----------------------------------
at 2026-12-18T02:00:00Z remind > "$T/out"
M=$(mails "$T/mail")
[ "$(count "$M")" = 5 ] || fail "18/12 mails: $M"
has "$M" "congan@hoabinh.example.vn|Quá hạn 3 ngày" "18/12 congan"
has "$M" "truongca@hoabinh.example.vn|Quá hạn 3 ngày.*lần nhắc cuối" "18/12 the head, last step"
has "$M" "dieuphoi@hoabinh.example.vn|Tổng hợp: 6 đơn vị" "18/12 digest"
has "$M" "kinhte@hoabinh.example.vn|Nhắc hạn: báo cáo tháng 11/2026 của Phòng Kinh tế xã, hạn 21/12/2026 (còn 3 ngày)" "18/12 the return's deadline"
at 2026-12-18T02:00:00Z remind > "$T/out"
grep -q "Recorded 0 notices" "$T/out" || fail "18/12 again: $(cat "$T/out")"
stop_smtp

# ---- 19/12: an approval, mailed over STARTTLS with a private CA --------------------------------
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=127.0.0.1" -addext "subjectAltName=IP:127.0.0.1" \
  -keyout "$T/key.pem" -out "$T/cert.pem" >/dev/null 2>&1
mkdir -p "$T/mail-tls"/{new,cur,tmp}
start_smtp "$T/mail-tls" --tlscert "$T/cert.pem" --tlskey "$T/key.pem"
export DTI_SMTP_URL="smtp://127.0.0.1:$PORT" DTI_SMTP_TLS=required DTI_SMTP_CA="$T/cert.pem"
at 2026-12-19T02:00:00Z --as kinhte report submit 1 "Phòng Kinh tế xã" 2026-11 >/dev/null 2>&1
at 2026-12-19T03:00:00Z --as dieuphoi report approve 1 "Phòng Kinh tế xã" 2026-11 >/dev/null 2>&1
at 2026-12-19T04:00:00Z remind > "$T/out"
SEEN="$T/seen-tls"; : > "$SEEN"
M=$(mails "$T/mail-tls")
[ "$(count "$M")" = 1 ] || fail "19/12 mails: $M ($(cat "$T/out"))"
has "$M" "kinhte@hoabinh.example.vn|Báo cáo tháng 11/2026 của Phòng Kinh tế xã đã được duyệt" "19/12 approved"
stop_smtp
# TLS required, a server without it: refused, the mail kept pending and
# sent by the next run once TLS is there again
mkdir -p "$T/mail-plain"/{new,cur,tmp}
start_smtp "$T/mail-plain"
export DTI_SMTP_URL="smtp://127.0.0.1:$PORT"
printf 'code,value\n3.3,0\n6.1,88\n' > "$T/ca.csv"
at 2026-12-20T02:00:00Z --as congan report fill 1 "Công an xã" 2026-11 --csv "$T/ca.csv" >/dev/null 2>&1
at 2026-12-20T02:05:00Z --as congan report submit 1 "Công an xã" 2026-11 >/dev/null 2>&1
at 2026-12-20T03:00:00Z --as dieuphoi report approve 1 "Công an xã" 2026-11 >/dev/null 2>&1
if at 2026-12-20T04:00:00Z remind > "$T/out" 2>"$T/err"; then fail "a failed mail gave exit 0"; fi
grep -q "Recorded 1 notices; mails sent 0, failed 1" "$T/out" || fail "20/12: $(cat "$T/out") $(cat "$T/err")"
SEEN="$T/seen-plain"; : > "$SEEN"
[ "$(count "$(mails "$T/mail-plain")")" = 0 ] || fail "mail sent without TLS"
stop_smtp
start_smtp "$T/mail-tls" --tlscert "$T/cert.pem" --tlskey "$T/key.pem"
export DTI_SMTP_URL="smtp://127.0.0.1:$PORT"
at 2026-12-20T05:00:00Z remind > "$T/out"
grep -q "Recorded 0 notices; mails sent 1, failed 0" "$T/out" || fail "retry: $(cat "$T/out")"
SEEN="$T/seen-tls"
M=$(mails "$T/mail-tls")
[ "$(count "$M")" = 1 ] || fail "retry mails: $M"
has "$M" "congan@hoabinh.example.vn|Báo cáo tháng 11/2026 của Công an xã đã được duyệt" "20/12 approved, retried"
echo "remind_smtp ok"
