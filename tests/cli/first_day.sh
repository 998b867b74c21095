#!/usr/bin/env bash
# first_day.sh — README's "A real commune's first day", command for command,
# on a new database: the first administrator without --as (only while the
# store has no user), the plan imported from its document, accounts for the
# units the import lists, the calendar set; then a second `user add` without
# --as is refused (the bootstrap works once), and the new reporter sees its
# unit's work. Fails when any documented step stops working.
set -euo pipefail
: "${DTI:?}"
SHARED=${SHARED:-$(cd "$(dirname "$0")/../../.." && pwd)/shared}
T=$(mktemp -d)
# shellcheck source=tests/lib/db.sh
. "$(dirname "$0")/../lib/db.sh"
DB_xa=$(test_db "$T/xa.db")
trap 'rm -rf "$T"' EXIT
export DTI_NOW=2026-12-06T03:00:00Z
fail() { echo "FAIL: $*" >&2; exit 1; }
dti() { "$DTI" --db "$DB_xa" "$@"; }

# 1. the first administrator, no --as on an empty store
DTI_PASSWORD='mat-khau-quan-tri-2026' dti user add quantri --role admin --display "Quản trị hệ thống" >/dev/null \
  || fail "the first admin without --as"
# the bootstrap works once: a second account needs --as
if DTI_PASSWORD='mat-khau-khac-2026' dti user add ai.do --role admin 2>/dev/null; then fail "a second admin without --as"; fi
# 3. the plan from its document; the summary names the units
dti --as quantri import "$SHARED/plans/minh-duc-2026-2030-dti.txt" >"$T/import.txt" || fail "import: $(cat "$T/import.txt")"
plan=$(dti --as quantri plans --json | python3 -c "import json,sys; print(json.load(sys.stdin)[0]['id'])")
# 4. accounts for the units the import made (the org picker's list)
units=$(dti --as quantri assign list "$plan" --json 2>/dev/null | python3 -c "
import json,sys
d=json.load(sys.stdin); seen=[]
for it in d if isinstance(d,list) else d.get('items',[]):
    for o in it.get('lead',[]):
        n=o.get('org') if isinstance(o,dict) else o
        if n and n not in seen: seen.append(n)
print('\n'.join(seen[:2]))" || true)
[ -n "$units" ] || units=$(grep -oE '→ [^(]+' "$T/import.txt" | head -n 1 | sed 's/^→ //; s/ *$//')
[ -n "$units" ] || fail "no unit named by the import: $(cat "$T/import.txt")"
first=$(printf '%s\n' "$units" | head -n 1)
DTI_PASSWORD='mat-khau-don-vi-2026' dti --as quantri user add donvi1 --role reporter --org "$first" >/dev/null \
  || fail "a reporter for \"$first\""
# 5. the calendar
dti --as quantri calendar set "$plan" 'month:unit=15+1,commune=20+1' >/dev/null || fail "calendar set"
grep -q "15/12/2026" <<<"$(dti --as quantri periods "$plan" 2026)" || fail "periods: $(dti --as quantri periods "$plan" 2026)"
# the new reporter reads the plan it reports on
grep -q . <<<"$(dti --as donvi1 plans)" || fail "the reporter sees no plan"
echo "first_day ok"
