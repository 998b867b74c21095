#!/usr/bin/env bash
# serve_scope404.sh — an id outside the caller's scope answers the same 404
# as one that does not exist, everywhere, naming nothing (issue 9): before,
# a report of an org outside the plan's commune answered 400 "đơn vị số 1
# không thuộc xã của kế hoạch số 1", an ambiguous org name listed the ids
# it fits, and an assignment to another commune's org 400 with its id.
set -u
: "${DTI:?}"
# shellcheck source=tests/cli/lib/serve.sh
. "$(dirname "$0")/lib/serve.sh"
now=2026-12-06T03:00:00Z
DTI_NOW=$now "$DTI" --db "$db" demo >/dev/null || { echo "FAIL: demo"; exit 1; }
# an org of another commune, with a name that one of Hòa Bình's units also has
DTI_NOW=$now python3 - "$db" <<'PY'
import os, sys; sys.path.insert(0, os.path.join(os.environ.get("ROOT", "."), "tests/lib")); import dbq
c = dbq.connect(sys.argv[1])
c.execute("INSERT INTO orgs (id, parent_id, kind, name, folded, valid_from, created_at) SELECT 900, 1, kind, 'Xã Khác', 'xa khac', valid_from, created_at FROM orgs WHERE id = 2")
c.execute("INSERT INTO orgs (id, parent_id, kind, name, folded, valid_from, created_at) SELECT 901, 900, kind, name, folded, valid_from, created_at FROM orgs WHERE id = 10")
c.commit()
PY
[ $? = 0 ] || { echo "FAIL: could not add the other commune"; exit 1; }
serve_start "$db" url DTI_NOW=$now
csrf=$(curl -s -c "$tmp/jar" -H 'Content-Type: application/json' -d '{"login":"dieuphoi","password":"demo-2026"}' \
  "$url/api/v1/login" | python3 -c 'import json,sys; print(json.load(sys.stdin)["csrf_token"])')
get() { curl -s -b "$tmp/jar" -o "$tmp/body" -w '%{http_code}' "$url$1"; }
ref=""
n=0
for p in /api/v1/plans/1/reports/99999/2026-12 /api/v1/plans/1/reports/901/2026-12 /api/v1/plans/1/reports/900/2026-12 \
         /api/v1/plans/1/reports/1/2026-12 /api/v1/plans/1/assignments/901 /api/v1/plans/1/assignments/99999 \
         "/api/v1/plans/1/reports/Kh%C3%B4ng%20c%C3%B3/2026-12"; do
  s=$(get "$p")
  msg=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["error"]["message"])' "$tmp/body" 2>/dev/null)
  [ "$s" = 404 ] || bad "$p answered $s: $(cat "$tmp/body")"
  [ -z "$ref" ] && ref=$msg
  [ "$msg" = "$ref" ] || bad "$p: another message: '$msg' (first: '$ref')"
  case $msg in *[0-9]*) bad "$p: the message names an id: $msg" ;; esac
  n=$((n + 1))
done
# a plan that does not exist: 404 before anything of the report is looked up
s=$(get /api/v1/plans/999/reports/10/2026-12)
[ "$s" = 404 ] || bad "a missing plan answered $s"
grep -q 'kỳ\|đơn vị số 10' "$tmp/body" && bad "a missing plan's 404 speaks of the report: $(cat "$tmp/body")"
# a write naming another commune's org
s=$(curl -s -b "$tmp/jar" -o "$tmp/body" -w '%{http_code}' -X PUT -H "X-CSRF-Token: $csrf" -H 'Content-Type: application/json' \
  -d '{"lead":[10],"support":[901]}' "$url/api/v1/plans/1/assignments/indicator/4.1")
[ "$s" = 404 ] || bad "an assignment to another commune's org answered $s: $(cat "$tmp/body")"
grep -q 901 "$tmp/body" && bad "the refusal names the org: $(cat "$tmp/body")"
echo "$((n + 1)) out-of-scope requests: 404, one message: $ref"
[ "$fail" = 0 ] && echo ok
exit "$fail"
