#!/usr/bin/env bash
# import_clock.sh — the days an import writes come from "now" (DTI_NOW),
# never from the machine's clock: the orgs it creates are in force from the
# day now falls on in Vietnam (UTC+7), and their created_at is now. Found
# when the suite ran on 2026-12-07 with DTI_NOW 2026-12-06: the units of an
# imported plan were in force only from the next day. The instant is 18:30
# UTC, already the next day in Vietnam; and far from the real date, so the
# machine's clock cannot give the same answer.
set -euo pipefail
: "${DTI:?}"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
# shellcheck source=tests/lib/db.sh
. "${ROOT:-.}/tests/lib/db.sh"
SHARED=${SHARED:-${ROOT:-.}/../shared}
DB=$(test_db "$T/o.db")
export DTI_PASSWORD=matkhau-123
export DTI_NOW=2031-02-27T18:30:00Z
"$DTI" --db "$DB" import "$SHARED/plans/vinh-thuan-2026-dti.txt" > "$T/imp.txt" 2>&1 || fail "import: $(cat "$T/imp.txt")"
n=$(test_sql "$DB" "SELECT COUNT(*) FROM orgs")
[ "$n" -ge 3 ] || fail "the import created only $n orgs"
from=$(test_sql "$DB" "SELECT DISTINCT valid_from FROM orgs")
[ "$from" = 2031-02-28 ] || fail "orgs in force from '$from', want 2031-02-28 (the Vietnam day of DTI_NOW)"
at=$(test_sql "$DB" "SELECT DISTINCT created_at FROM orgs")
[ "$at" = 2031-02-27T18:30:00Z ] || fail "orgs created at '$at', want DTI_NOW"
echo ok
