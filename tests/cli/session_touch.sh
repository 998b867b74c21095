#!/usr/bin/env bash
# The session check writes nothing on an ordinary request (app/auth.c
# auth_session_check): last_seen moves only when it is more than
# AUTH_SESSION_TOUCH (60 s) old, so the dashboard's reads never wait on a
# write transaction and its fsync. And the idle limit still holds: a session
# with no request for 30 minutes is refused, one used 29 minutes ago is not.
#
# "Writes nothing" is seen on the database's write-ahead log: every commit
# appends to it, so its size and modification time (ns) stay the same while
# the server answers 40 authenticated requests over two seconds and more,
# and change on a login (the control: a real write is seen). Later instants
# are set with DTI_NOW, the server restarted on the same database for each.
set -u
DTI=${DTI:-build/dti}
# shellcheck source=tests/cli/lib/serve.sh
. "$(dirname "$0")/lib/serve.sh"
export DTI_PASSWORD=session-touch-password
"$DTI" --db "$db" user add admin --role admin >/dev/null || bad "user add"

start() {  # DTI_NOW (empty: the real clock)
  serve_stop_all
  serve_start "$db" url DTI_NOW="$1"
}
login() {  # JAR
  curl -s -c "$1" -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' \
    -d "{\"login\":\"admin\",\"password\":\"$DTI_PASSWORD\"}" "$url/api/v1/login"
}
me() {  # JAR → status
  curl -s -b "$1" -o /dev/null -w '%{http_code}' "$url/api/v1/me"
}
wal() { stat -c '%s %.9Y' "$db-wal"; }
if [ "$(test_engine "$db")" = postgres ]; then
  # PostgreSQL has no -wal file per database, and its transaction ids and
  # WAL positions are the cluster's: other tests' databases on the same
  # server move them (a CI failure, 4619 -> 4625, came from that); its
  # statistics views lag by up to 10 s. Every row version written carries
  # the id of the transaction that wrote it (xmin), so the sum of xmin over
  # every row of every table of this database changes on any insert,
  # update or delete here, and on nothing else.
  wal() {
    local q
    q=$(test_sql "$db" "SELECT string_agg(format('(SELECT coalesce(sum(xmin::text::bigint), 0) + count(*) FROM %I.%I)', schemaname, tablename), ' + ') FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')")
    test_sql "$db" "SELECT $q"
  }
fi
last_seen() {  # JAR → the session's last_seen
  python3 - "$db" "$(awk '$6 == "dti_session" {print $7}' "$1")" <<'EOF'
import hashlib
import os, sys; sys.path.insert(0, os.path.join(os.environ.get("ROOT", "."), "tests/lib")); import dbq
c = dbq.connect(sys.argv[1])
r = c.execute("SELECT last_seen FROM sessions WHERE id_hash = ?",
              (hashlib.sha256(sys.argv[2].encode()).hexdigest(),)).fetchone()
print(r[0] if r else "none")
EOF
}

at() {  # SECONDS after the login → an instant for DTI_NOW
  date -u -d "@$((t0 + $1))" +%Y-%m-%dT%H:%M:%SZ
}

# Now (the real clock, which moves: a write per request would change the
# log even where it rewrites last_seen): log in; then 40 requests over more
# than two seconds write nothing
start ""
[ "$(login "$tmp/a")" = 200 ] || bad "login a"
[ "$(login "$tmp/b")" = 200 ] || bad "login b"
t0=$(date -u -d "$(last_seen "$tmp/a")" +%s) || { echo "FAIL: no session a"; exit 1; }
# b's own login instant (a loaded machine may take seconds between the two
# logins: b's idle time is counted from its own, not from a's)
tb=$(date -u -d "$(last_seen "$tmp/b")" +%s) || { echo "FAIL: no session b"; exit 1; }
sleep 0.05
w0=$(wal)
n200=0
for _ in $(seq 1 20); do
  [ "$(me "$tmp/a")" = 200 ] && n200=$((n200 + 1))
  curl -s -b "$tmp/a" -o /dev/null "$url/api/v1/plans"
  sleep 0.12
done
w1=$(wal)
[ "$n200" = 20 ] || bad "only $n200 of 20 requests answered 200"
[ "$w1" = "$w0" ] || bad "the write-ahead log changed during 40 reads ($w0 → $w1): a write per request"
[ "$(login "$tmp/c")" = 200 ] || bad "login c"
[ "$(wal)" != "$w1" ] || bad "control: a login did not change the write-ahead log (the check sees nothing)"
[ "$(last_seen "$tmp/a")" = "$(at 0)" ] || bad "last_seen moved during the reads: $(last_seen "$tmp/a")"

# +50 s — under a minute: answered, last_seen not written
start "$(at 50)"
[ "$(me "$tmp/a")" = 200 ] || bad "+50 s: not answered"
[ "$(last_seen "$tmp/a")" = "$(at 0)" ] || bad "+50 s: last_seen moved: $(last_seen "$tmp/a")"

# +29 min — 29 minutes idle: answered, and last_seen moves (once)
start "$(at 1740)"
[ "$(me "$tmp/a")" = 200 ] || bad "+29 min: a session idle 29 minutes was refused"
[ "$(last_seen "$tmp/a")" = "$(at 1740)" ] || bad "+29 min: last_seen not moved: $(last_seen "$tmp/a")"

# +30 min 3 s after b's login — b (no request since) is idle over 30
# minutes: refused
start "$(date -u -d "@$((tb + 1803))" +%Y-%m-%dT%H:%M:%SZ)"
[ "$(me "$tmp/b")" = 401 ] || bad "+30 min: a session idle 30 minutes was accepted"

# +58 min 30 s — a, last seen at +29 min, is still live; 30 minutes after
# that request it is not
start "$(at 3510)"
[ "$(me "$tmp/a")" = 200 ] || bad "+58.5 min: a session idle 29.5 minutes was refused"
start "$(at 5311)"
[ "$(me "$tmp/a")" = 401 ] || bad "+88.5 min: a session idle 30 minutes after its last touch was accepted"
exit $fail
