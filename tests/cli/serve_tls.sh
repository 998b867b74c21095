#!/usr/bin/env bash
# serve_tls.sh — the built-in TLS speaks TLS 1.2 and 1.3 only (issue 9): a
# client offering only TLS 1.0 or 1.1 (with OpenSSL's security level
# lowered so that the client itself would allow them) gets no session,
# while TLS 1.2 and 1.3 clients do and are answered. The server sets the
# GnuTLS priorities itself (NORMAL:-VERS-ALL:+VERS-TLS1.3:+VERS-TLS1.2), so
# this holds whatever the library's defaults are (Debian 12's GnuTLS already
# refuses 1.0 and 1.1 by itself: here the test cannot tell the two apart).
set -u
: "${DTI:?}"
command -v openssl >/dev/null || { echo "FAIL: openssl is missing"; exit 1; }
tmp=$(mktemp -d)
# shellcheck source=tests/lib/db.sh
. "$(dirname "$0")/../lib/db.sh"
DB_dti=$(test_db "$tmp/dti.db")
pid=""
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; rm -rf "$tmp"' EXIT
fail=0
bad() { echo "FAIL: $*"; fail=1; }
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$tmp/key.pem" -out "$tmp/cert.pem" -days 2 -subj /CN=localhost \
  >/dev/null 2>&1 || { echo "FAIL: openssl req"; exit 1; }
"$DTI" --db "$DB_dti" serve --listen 127.0.0.1:0 --threads 2 --tls-cert "$tmp/cert.pem" --tls-key "$tmp/key.pem" \
  >"$tmp/out" 2>"$tmp/err" &
pid=$!
addr=""
for _ in $(seq 1 600); do
  addr=$(grep -aoE 'https://127\.0\.0\.1:[0-9]+' "$tmp/out" | head -n 1)
  [ -n "$addr" ] && break
  sleep 0.1
done
[ -n "$addr" ] || { echo "FAIL: the server did not start"; cat "$tmp/err"; exit 1; }
hp=${addr#https://}
# An OpenSSL client configuration that allows TLS 1.0 (Debian's own sets
# MinProtocol TLSv1.2 on the client side, which would hide the server's).
cat >"$tmp/openssl.cnf" <<'CNF'
openssl_conf = default_conf
[default_conf]
ssl_conf = ssl_sect
[ssl_sect]
system_default = system_default_sect
[system_default_sect]
MinProtocol = TLSv1
CipherString = DEFAULT@SECLEVEL=0
CNF
cipher() {  # PROTOCOL-FLAG → the cipher of the session, or (NONE)
  echo | OPENSSL_CONF="$tmp/openssl.cnf" timeout 30 openssl s_client -connect "$hp" "$1" -cipher 'DEFAULT@SECLEVEL=0' </dev/null 2>&1 |
    grep -oE 'Cipher is [^ ]+' | head -n 1 | cut -d' ' -f3
}
for v in -tls1 -tls1_1; do
  c=$(cipher $v)
  case $c in ''|'(NONE)') echo "$v: refused" ;; *) bad "$v was accepted ($c)" ;; esac
done
for v in -tls1_2 -tls1_3; do
  c=$(cipher $v)
  case $c in ''|'(NONE)') bad "$v was refused" ;; *) echo "$v: $c" ;; esac
done
s=$(curl -sk --tlsv1.2 -o /dev/null -w '%{http_code}' "$addr/api/v1/health")
[ "$s" = 200 ] || bad "health over TLS answered $s"
[ "$fail" = 0 ] && echo ok
exit "$fail"
