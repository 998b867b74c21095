#!/usr/bin/env bash
# plans_scope.sh — `dti plans` and `dti export plan` go by the --as user's
# scope (plans_list/plans_export): on the demo (xã Hòa Bình, province
# Bình Nguyên) plus the imported plan of xã Vĩnh Trụ (province Ninh Bình),
# each commune's users list and export only their own commune's plan, a
# missing and a foreign plan answer alike (exit 1), the admin sees both, no
# --as is refused once users exist, and a coordinator of one commune cannot
# get the other's plan back by importing its document again.
set -euo pipefail
: "${DTI:?}"
ROOT=${ROOT:-.}
SHARED=${SHARED:-$ROOT/../shared}
T=$(mktemp -d)
# shellcheck source=tests/lib/db.sh
. "$(dirname "$0")/../lib/db.sh"
DB_s=$(test_db "$T/s.db")
trap 'rm -rf "$T"' EXIT
export DTI_NOW=2026-11-23T03:00:00Z
fail() { echo "FAIL: $*" >&2; exit 1; }
dti() { "$DTI" --lang en --db "$DB_s" "$@"; }
communes() { python3 -c "import json,sys; print(','.join(p['commune'] for p in json.load(sys.stdin)))"; }

dti demo >/dev/null
dti --as admin import "$SHARED/plans/vinh-tru-2026.txt" >/dev/null
DTI_PASSWORD=mat-khau-vinh-tru dti --as admin user add coord_b --role coordinator --org "Vĩnh Trụ" >/dev/null
DTI_PASSWORD=mat-khau-vinh-tru dti --as admin user add rep_b --role reporter \
  --org "Trung tâm dịch vụ sự nghiệp công" >/dev/null

[ "$(dti --as admin plans --json | communes)" = "Hòa Bình,Vĩnh Trụ" ] || fail "admin should list both"
for u in dieuphoi vhxh chutich; do
  [ "$(dti --as $u plans --json | communes)" = "Hòa Bình" ] || fail "$u should list only Hòa Bình"
  dti --as $u export plan 1 --json >"$T/own" || fail "$u cannot export its plan"
  grep -q '"commune": "Hòa Bình"' "$T/own" || fail "$u: export of its plan: $(head -c 200 "$T/own")"
  if dti --as $u export plan 2 --json >"$T/out" 2>"$T/err"; then fail "$u exported Vĩnh Trụ's plan"; fi
  [ ! -s "$T/out" ] || fail "$u got output for a foreign plan"
  dti --as $u export plan 999 2>"$T/missing" && fail "plan 999 exported"
  sed 's/999/2/' "$T/missing" | cmp -s - "$T/err" || fail "a foreign plan should read as a missing one: $(cat "$T/err")"
done
for u in coord_b rep_b; do
  [ "$(dti --as $u plans --json | communes)" = "Vĩnh Trụ" ] || fail "$u should list only Vĩnh Trụ"
  dti --as $u export plan 1 >/dev/null 2>&1 && fail "$u exported Hòa Bình's plan"
done
# the province viewer of Bình Nguyên sees Hòa Bình, not Vĩnh Trụ (another province)
[ "$(dti --as tinh plans --json | communes)" = "Hòa Bình" ] || fail "tinh should list Hòa Bình only"
# no --as on a store with users
if dti plans >/dev/null 2>&1; then fail "plans without --as should be refused"; fi
# the same document again: the earlier plan only for who may write it
dti --as dieuphoi import "$ROOT/samples/hoa-binh-2026.md" >/dev/null || fail "own commune's document again"
if dti --as coord_b import "$ROOT/samples/hoa-binh-2026.md" >"$T/imp" 2>&1; then
  fail "coord_b got Hòa Bình's plan back: $(cat "$T/imp")"
fi
grep -q "Hòa Bình" "$T/imp" && fail "the refusal names the foreign commune: $(cat "$T/imp")"
exit 0
