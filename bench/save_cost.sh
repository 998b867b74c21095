#!/usr/bin/env bash
# save_cost.sh — instructions a report save costs the server, measured with
# valgrind's callgrind (load-independent, unlike wall or CPU time on a shared
# machine): the server runs under callgrind collecting inside dispatch()
# only (the request handlers: not start-up, not the session check), and
# takes one login then N, then 3N, PUTs of a draft report as text/csv (the
# draft bench/national.sh saves: the database's first draft, its own values
# written back). Instructions per save = (total(3N) - total(N)) / 2N, so
# the login and everything paid once cancel out.
#
#   bench/save_cost.sh --db FILE [--bin PATH] [--saves N] [--keep DIR]
#
# --keep DIR copies the two callgrind files to DIR (cg.N, cg.3N) for
# callgrind_annotate --inclusive=yes (what one function costs, e.g. the
# part of a save under the write lock).
#
# FILE is copied first (the saves write to it). Needs valgrind, sqlite3,
# curl, python3. Prints: "save cost: X instructions per save (N, 3N saves)".
set -euo pipefail
cd "$(dirname "$0")/.."
DB="" BIN=build/dti N=50 KEEP=""
while [ $# -ge 2 ]; do
  case $1 in
    --db) DB=$2 ;;
    --bin) BIN=$2 ;;
    --saves) N=$2 ;;
    --keep) KEEP=$2 ;;
    *) echo "usage: bench/save_cost.sh --db FILE [--bin PATH] [--saves N] [--keep DIR]" >&2; exit 2 ;;
  esac
  shift 2
done
[ -n "$DB" ] || { echo "usage: bench/save_cost.sh --db FILE [--bin PATH] [--saves N] [--keep DIR]" >&2; exit 2; }
for t in valgrind callgrind_annotate sqlite3 curl python3; do
  command -v $t >/dev/null || { echo "save_cost: $t is missing" >&2; exit 1; }
done
export DTI_NOW="${DTI_NOW:-2027-01-20T03:00:00Z}"
PASSWORD=${BENCH_PASSWORD:-gen-2026-pass}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/save_cost.XXXXXX")
pid=""
trap '[ -z "$pid" ] || kill "$pid" 2>/dev/null; rm -rf "$tmp"' EXIT

one() {   # COUNT → total instructions of the handlers
  local n=$1 url="" c csrf
  cp "$DB" "$tmp/db"
  for f in "$DB".audit-key "$DB".audit-anchor; do [ ! -f "$f" ] || cp "$f" "$tmp/db${f#"$DB"}"; done
  valgrind --tool=callgrind --callgrind-out-file="$tmp/cg.$n" --toggle-collect=dispatch \
    "$BIN" --db "$tmp/db" serve --listen 127.0.0.1:0 >"$tmp/out" 2>"$tmp/err" &
  pid=$!
  for _ in $(seq 1 1200); do
    url=$(grep -aoE 'http://127\.0\.0\.1:[0-9]+' "$tmp/out" 2>/dev/null | head -n 1 || true)
    [ -n "$url" ] && break
    sleep 0.1
  done
  [ -n "$url" ] || { echo "save_cost: the server did not start: $(cat "$tmp/err")" >&2; exit 1; }
  curl -s -D "$tmp/h" -H 'Content-Type: application/json' -d "{\"login\":\"admin\",\"password\":\"$PASSWORD\"}" \
    "$url/api/v1/login" >"$tmp/login.json"
  c=$(grep -i '^set-cookie:' "$tmp/h" | head -n 1 | sed 's/^[^:]*: *//; s/;.*//' | tr -d '\r')
  csrf=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["csrf_token"])' "$tmp/login.json")
  read -r p o per <<<"$(sqlite3 -separator ' ' "$tmp/db" "SELECT plan_id, org_id, period FROM reports WHERE state = 'draft' ORDER BY plan_id, org_id, period LIMIT 1")"
  local rep="$url/api/v1/plans/$p/reports/$o/$per"
  if [ ! -f "$tmp/draft.csv" ]; then
    curl -s -H "Cookie: $c" "$rep" >"$tmp/rep.json"
    python3 - "$tmp/rep.json" "$tmp/draft.csv" <<'PY'
import json, sys
j = json.load(open(sys.argv[1]))
def q(s):
    s = "" if s is None else str(s)
    return '"' + s.replace('"', '""') + '"' if any(c in s for c in ',"\n') else s
rows = ["kind,code,numerator,denominator,value,note,status,percent,products"]
for v in j.get("values") or []:
    if v.get("role") == "lead":
        num = v.get("numerator")
        rows.append(",".join(q(x) for x in ["indicator", v.get("code"), num, "" if num is None else v.get("denominator"),
                                            v.get("value") if num is None else "", v.get("note")]))
for t in j.get("tasks") or []:
    rows.append(",".join(q(x) for x in ["task", t.get("code"), "", "", "", t.get("note"), t.get("status"), t.get("percent"), t.get("products")]))
for k in ("results", "difficulties", "proposals"):
    if j.get(k):
        rows.append(",".join(q(x) for x in [k, "", "", "", "", j[k]]))
open(sys.argv[2], "w").write("\n".join(rows) + "\n")
PY
  fi
  local ok=0
  for _ in $(seq 1 "$n"); do
    code=$(curl -s -o /dev/null -w '%{http_code}' -X PUT -H "Cookie: $c" -H "X-CSRF-Token: $csrf" \
      -H 'Content-Type: text/csv' --data-binary @"$tmp/draft.csv" "$rep")
    [ "$code" = 200 ] && ok=$((ok + 1))
  done
  [ "$ok" = "$n" ] || { echo "save_cost: only $ok of $n saves answered 200" >&2; exit 1; }
  kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""
  [ -z "$KEEP" ] || { mkdir -p "$KEEP" && cp "$tmp/cg.$n" "$KEEP/cg.$n"; }
  callgrind_annotate "$tmp/cg.$n" 2>/dev/null | awk '/PROGRAM TOTALS/ && !done {gsub(",", "", $1); print $1; done = 1}'
}
a=$(one "$N")
b=$(one $((3 * N)))
lines=$(($(wc -l <"$tmp/draft.csv") - 1))
awk -v a="$a" -v b="$b" -v n="$N" -v l="$lines" 'BEGIN {
  printf "save cost: %.2fM instructions per save (handlers only; %d and %d saves of a %d-line draft)\n", (b - a) / (2 * n) / 1e6, n, 3 * n, l }'
