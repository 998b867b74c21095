#!/usr/bin/env bash
# The dashboard's figures are cached per server process (app/score_cache.h)
# and never stale: dti serve answers GET /api/v1/plans/1/score/2026-05 (twice,
# the second from the cache), then another process (the CLI) approves May's
# report, and the very next answer carries May's value instead of April's.
# The same for the other cached views (completeness, rankings, plans, plan):
# after the approval they answer what a server started afresh answers.
set -u
DTI=${DTI:-build/dti}
SHARED=${SHARED:-../shared}
# shellcheck source=tests/cli/lib/serve.sh
. "$(dirname "$0")/lib/serve.sh"
export DTI_PASSWORD=cache-test-password
q() { "$DTI" --db "$db" "$@" >/dev/null || bad "$*"; }
at() { DTI_NOW=$1 "$DTI" --db "$db" "${@:2}" >/dev/null 2>&1 || bad "${*:2}"; }
unit="Trung tâm phục vụ Hành chính công"

at 2026-04-08T02:00:00Z import "$SHARED/plans/minh-duc-2026-2030-dti.txt"
q user add admin --role admin
q --as admin user add coordinator --role coordinator --org "Minh Đức"
q --as coordinator calendar set 1 month:cutoff=none:unit=15+1,commune=20+1
report() {  # MONTH NUMERATOR
  printf 'kind,code,numerator,denominator,value,note\nindicator,4.1,%s,1000,,\n' "$2" > "$tmp/$1.csv"
  at "2026-$1-30T02:00:00Z" --as admin report fill 1 "$unit" "2026-$1" --csv "$tmp/$1.csv"
  at "2026-$1-30T03:00:00Z" --as admin report submit 1 "$unit" "2026-$1"
}
report 04 560
at 2026-05-02T02:00:00Z --as coordinator report approve 1 "$unit" 2026-04
report 05 620

serve_start "$db" url
curl -s -c "$tmp/jar" -H 'Content-Type: application/json' \
  -d "{\"login\":\"coordinator\",\"password\":\"$DTI_PASSWORD\"}" "$url/api/v1/login" >/dev/null || bad "login"
value() {  # prints value and value_period of indicator 4.1
  curl -s -b "$tmp/jar" "$url/api/v1/plans/1/score/2026-05" | python3 -c '
import json, sys
d = json.load(sys.stdin)
x = [i for i in d["indicators"] if i["code"] == "4.1"][0]
print(x["value"], x["value_period"])'
}
# the other views kept the same way (completeness, rankings, plans, plan):
# answered twice before the approval (the second from the cache), and after
# it compared with a second server started after the approval (no cache)
views="/api/v1/plans/1/completeness/2026-05 /api/v1/plans/1/rankings?period=2026-05&by=achievement
  /api/v1/plans /api/v1/plans/1"
get() {  # URL PATH → the body
  curl -s -b "$tmp/jar" "$1$2"
}
i=0
for v in $views; do
  i=$((i + 1))
  get "$url" "$v" >"$tmp/before.$i"
  get "$url" "$v" | cmp -s - "$tmp/before.$i" || bad "$v: the cached answer differs from the first"
  grep -q '"error"' "$tmp/before.$i" && bad "$v: $(cat "$tmp/before.$i")"
done
v1=$(value); v2=$(value)
[ "$v1" = "56.0 2026-04" ] || bad "before approval: '$v1'"
[ "$v2" = "$v1" ] || bad "cached answer differs: '$v2' vs '$v1'"
at 2026-06-02T02:00:00Z --as coordinator report approve 1 "$unit" 2026-05
v3=$(value)
[ "$v3" = "62.0 2026-05" ] || bad "right after approval: '$v3' (stale cache?)"
i=0
for v in $views; do
  i=$((i + 1))
  get "$url" "$v" >"$tmp/after.$i"
done
serve_start "$db" url2
i=0 changed=0
for v in $views; do
  i=$((i + 1))
  get "$url2" "$v" | cmp -s - "$tmp/after.$i" || bad "$v: stale after the approval (differs from a fresh server)"
  cmp -s "$tmp/before.$i" "$tmp/after.$i" || changed=$((changed + 1))
done
# the approval changes the rankings by achievement at least: else this
# test could not see a stale answer
[ "$changed" -ge 1 ] || bad "no view changed with the approval: the test proves nothing"
exit $fail
