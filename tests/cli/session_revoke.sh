#!/usr/bin/env bash
# session_revoke.sh — the server's session cache (app/auth.c) never outlives
# a revocation: while `dti serve` answers a session from its per-thread cache
# (no statement per request), an account disabled by the CLI in another
# process, a session ended by logout, and a session row deleted by hand with
# Python's sqlite3 (no dti code at all) are each refused at the very next
# request, on kept-alive connections that had just been answered from the
# cache. The other sessions keep working.
set -u
: "${DTI:?}"
# shellcheck source=tests/cli/lib/serve.sh
. "$(dirname "$0")/lib/serve.sh"
"$DTI" --db "$db" demo >/dev/null || { echo "FAIL: demo"; exit 1; }
serve_start "$db" url

login() {  # NAME JAR → the CSRF token
  curl -s -c "$2" -H 'Content-Type: application/json' \
    -d "{\"login\":\"$1\",\"password\":\"demo-2026\"}" "$url/api/v1/login" |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["csrf_token"])'
}
codes() {  # JAR N → the statuses of N requests on one kept-alive connection
  local urls=()
  for _ in $(seq 1 "$2"); do urls+=(-o /dev/null "$url/api/v1/me"); done
  curl -s -b "$1" -w '%{http_code} ' "${urls[@]}"
}
all() {  # WANT STATUSES... → 0 when every status is WANT
  local want=$1; shift
  for c in "$@"; do [ "$c" = "$want" ] || return 1; done
}

csrf_r=$(login vhxh "$tmp/r") || bad "login vhxh"
csrf_c=$(login dieuphoi "$tmp/c") || bad "login dieuphoi"
login dieuphoi "$tmp/c2" >/dev/null || bad "second login dieuphoi"
login chutich "$tmp/v" >/dev/null || bad "login chutich"
for j in r c c2 v; do
  # shellcheck disable=SC2046
  all 200 $(codes "$tmp/$j" 20) || bad "$j: not every request answered 200 before any revocation"
done

# 1. another process (the CLI) disables the account
"$DTI" --db "$db" --as dieuphoi user disable vhxh >/dev/null || bad "dti user disable vhxh"
# shellcheck disable=SC2046
all 401 $(codes "$tmp/r" 5) || bad "a disabled account is still answered: $(codes "$tmp/r" 5)"
# shellcheck disable=SC2046
all 200 $(codes "$tmp/c" 10) || bad "the coordinator lost its session with the reporter's"

# 2. logout ends that session at once, not the same user's other one
s=$(curl -s -b "$tmp/c" -o /dev/null -w '%{http_code}' -X POST -H "X-CSRF-Token: $csrf_c" "$url/api/v1/logout")
[ "$s" = 204 ] || bad "logout answered $s"
# shellcheck disable=SC2046
all 401 $(codes "$tmp/c" 5) || bad "a session logged out is still answered"
# shellcheck disable=SC2046
all 200 $(codes "$tmp/c2" 5) || bad "logout ended the user's other session"

# 3. a row deleted by hand, by a program that is not dti
# shellcheck disable=SC2046
all 200 $(codes "$tmp/v" 10) || bad "chutich before the delete"
python3 - "$db" "$(awk '$6 == "dti_session" {print $7}' "$tmp/v")" <<'EOF' || bad "python delete"
import hashlib
import os, sys; sys.path.insert(0, os.path.join(os.environ.get("ROOT", "."), "tests/lib")); import dbq
c = dbq.connect(sys.argv[1])
n = c.execute("DELETE FROM sessions WHERE id_hash = ?",
              (hashlib.sha256(sys.argv[2].encode()).hexdigest(),)).rowcount
c.commit()
sys.exit(0 if n == 1 else 1)
EOF
# shellcheck disable=SC2046
all 401 $(codes "$tmp/v" 5) || bad "a session deleted by hand is still answered"
# shellcheck disable=SC2046
all 200 $(codes "$tmp/c2" 5) || bad "the other session after the delete"
: "$csrf_r"
[ "$fail" = 0 ] && echo "session_revoke ok"
exit "$fail"
