#!/usr/bin/env bash
# user_manage.sh — `dti user` under the account rules of app/auth.h: a
# coordinator adds, changes (`user set`) and disables the reporter and viewer
# accounts of its commune, never an admin, a coordinator or another scope;
# nobody disables itself; a disabled account cannot act.
set -euo pipefail
: "${DTI:?}"
T=$(mktemp -d)
# shellcheck source=tests/lib/db.sh
. "$(dirname "$0")/../lib/db.sh"
DB_s=$(test_db "$T/s.db")
trap 'rm -rf "$T"' EXIT
export DTI_NOW=2026-11-23T03:00:00Z
fail() { echo "FAIL: $*" >&2; exit 1; }
dti() { "$DTI" --lang en --db "$DB_s" "$@"; }
role_of() { dti --as admin user list --json | python3 -c "import json,sys; print([f\"{u['role']}:{u['org_id']}:{u['active']}\" for u in json.load(sys.stdin) if u['name']=='$1'][0])"; }

dti demo >/dev/null
DTI_PASSWORD=mat-khau-moi-1 dti --as dieuphoi user add ca.moi --role reporter --org "Công an xã" >/dev/null || fail "coordinator adds a reporter"
if DTI_PASSWORD=mat-khau-moi-1 dti --as dieuphoi user add ad.moi --role admin 2>"$T/err"; then fail "coordinator adds an admin"; fi
grep -q "manages only reporter and viewer" "$T/err" || fail "message: $(cat "$T/err")"
if DTI_PASSWORD=mat-khau-moi-1 dti --as dieuphoi user add t.moi --role viewer --org "Bình Nguyên" 2>"$T/err"; then fail "outside the scope"; fi
grep -q "within your scope" "$T/err" || fail "message: $(cat "$T/err")"
dti --as dieuphoi user set ca.moi --role viewer --org "Hòa Bình" --display "Cán bộ mới" >/dev/null || fail "user set"
commune=$(dti --as admin user list --json | python3 -c "import json,sys; print([u['org_id'] for u in json.load(sys.stdin) if u['name']=='chutich'][0])")
[ "$(role_of ca.moi)" = "viewer:$commune:True" ] || fail "after set: $(role_of ca.moi)"
if dti --as dieuphoi user set ca.moi --role coordinator 2>/dev/null; then fail "coordinator makes a coordinator"; fi
if dti --as dieuphoi user set ca.moi 2>/dev/null; then fail "set without a change"; fi
if dti --as dieuphoi user disable admin 2>/dev/null; then fail "coordinator disables the admin"; fi
if dti --as admin user disable admin 2>"$T/err"; then fail "admin disables itself"; fi
grep -q "cannot disable or enable itself" "$T/err" || fail "message: $(cat "$T/err")"
dti --as dieuphoi user disable ca.moi >/dev/null || fail "coordinator disables its viewer"
[ "$(role_of ca.moi)" = "viewer:$commune:False" ] || fail "after disable: $(role_of ca.moi)"
if dti --as ca.moi plans 2>/dev/null; then fail "a disabled account acts"; fi
echo "user_manage ok"
