#!/usr/bin/env bash
# durability.sh — nothing acknowledged is ever lost, even to kill -9 (issue
# 9, "Done when"). RUNS times (default 3 in `make test`; `make soak` runs
# 20): a copy of the demo database is served, 4 writers save reports through
# the API (tests/cli/lib/writers.sh), the server is killed with SIGKILL at a
# random moment of the burst, and then every save the server had answered
# 200 must be in the database (its report.fill entry in the audit log), the
# database must pass integrity_check and `dti audit verify` (chain, anchors,
# every report against the log). Prints the acknowledged saves counted.
set -u
: "${DTI:?}"
# shellcheck source=tests/cli/lib/serve.sh
. "$(dirname "$0")/lib/serve.sh"
# shellcheck source=tests/cli/lib/writers.sh
. "$(dirname "$0")/lib/writers.sh"
export DTI_NOW=2026-11-23T03:00:00Z
unset DTI_AUDIT_KEY
RUNS=${RUNS:-3}
"$DTI" --db "$tmp/base.db" demo > /dev/null || { echo "FAIL: demo"; exit 1; }
acked_all=0
for run in $(seq 1 "$RUNS"); do
  d=$tmp/run$run
  mkdir -p "$d"
  cp "$tmp/base.db" "$d/dti.db"
  cp -p "$tmp/base.db.audit-key" "$d/dti.db.audit-key"
  cp -p "$tmp/base.db.audit-anchor" "$d/dti.db.audit-anchor"
  # the server in the background, its pid ours to kill
  "$DTI" --db "$d/dti.db" serve --listen 127.0.0.1:0 --threads 2 > "$d/out" 2> "$d/err" &
  spid=$!
  url=""
  for _ in $(seq 1 600); do
    url=$(grep -aoE 'http://127\.0\.0\.1:[0-9]+' "$d/out" 2>/dev/null | head -n 1)
    [ -n "$url" ] && break
    sleep 0.1
  done
  [ -n "$url" ] || { bad "run $run: the server did not start"; kill -9 "$spid"; wait "$spid" 2>/dev/null; continue; }
  writers_start "$url" 4 1000 "$d/w" || bad "run $run: writers did not start"
  # kill at a random moment once the burst is under way: 5..40 saves in
  want=$((5 + RANDOM % 36))
  # (up to 60 s: a loaded CI machine may take long for the first saves)
  end=$((SECONDS + 60))
  while [ "$SECONDS" -lt "$end" ]; do [ "$(acked_notes "$d/w" | wc -l)" -ge "$want" ] && break; sleep 0.05; done
  kill -9 "$spid"
  wait "$spid" 2>/dev/null
  writers_wait
  n=$(acked_notes "$d/w" | wc -l)
  [ "$n" -ge 5 ] || bad "run $run: only $n saves acknowledged before the kill"
  acked_all=$((acked_all + n))
  miss=$(missing_notes "$d/dti.db" "$d/w")
  [ -z "$miss" ] || bad "run $run: acknowledged and lost: $miss"
  [ "$(sqlite3 "$d/dti.db" 'PRAGMA integrity_check')" = ok ] || bad "run $run: integrity_check"
  "$DTI" --db "$d/dti.db" --as admin audit verify > "$d/verify" 2>&1 || bad "run $run: $(cat "$d/verify")"
  rm -rf "$d"
done
[ "$fail" = 0 ] && echo "durability ok: $RUNS kill -9 runs, $acked_all acknowledged saves, none lost"
exit "$fail"
