#!/usr/bin/env bash
# remind.sh — reminders at whatever instant tests/dated.sh pins (DTI_NOW):
# on the demo made at that instant, the coordinator returns the submitted
# report of the demo's last month; `dti remind` then tells the unit once,
# with the new deadline 3 working days (Monday–Friday) after the return's
# day in Vietnam (computed here independently, in Python), and a second run
# records nothing. Also `dti remind --dry-run` changes nothing.
set -euo pipefail
: "${DTI:?}" "${DTI_NOW:?}"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL@$DTI_NOW: $*" >&2; exit 1; }
dti() { "$DTI" --lang en --db "$T/s.db" "$@"; }
dti --json demo > "$T/demo.json"
read -r PERIOD ORG < <(for m in $(python3 -c "import json,sys; print(' '.join(reversed(json.load(open(sys.argv[1]))['months'])))" "$T/demo.json"); do
  dti --as dieuphoi report status 1 "$m" --json |
    python3 -c "import json,sys; o=[x['org'] for x in json.load(sys.stdin)['orgs'] if x['state']=='submitted']; print(sys.argv[1], o[0]) if o else None" "$m"
done | head -n 1)
[ -n "${ORG:-}" ] || fail "no submitted report in the demo"
dti --as dieuphoi report return 1 "$ORG" "$PERIOD" --reason "Kiểm tra ngày hạn mới" >/dev/null
DUE=$(python3 - <<'PY'
import datetime, os
now = datetime.datetime.strptime(os.environ["DTI_NOW"], "%Y-%m-%dT%H:%M:%SZ") + datetime.timedelta(hours=7)
d, n = now.date(), 3
while n:
    d += datetime.timedelta(days=1)
    if d.weekday() < 5:
        n -= 1
print(d.strftime("%d/%m/%Y"))
PY
)
before=$(dti remind --dry-run --json | python3 -c "import json,sys; print(len(json.load(sys.stdin)['notices']))")
again=$(dti remind --dry-run --json | python3 -c "import json,sys; print(len(json.load(sys.stdin)['notices']))")
[ "$before" = "$again" ] || fail "a dry run recorded something ($before, then $again)"
dti remind --json > "$T/run.json"
python3 - "$T/run.json" "$ORG" "$DUE" <<'PY' || fail "the return's notice: $(cat "$T/run.json")"
import json, sys
j = json.load(open(sys.argv[1]))
ret = [n for n in j["notices"] if n["kind"] == "returned"]
assert len(ret) == 1, ret
assert ret[0]["org"] == sys.argv[2], ret
assert ret[0]["subject"].endswith("cần sửa trước hạn " + sys.argv[3]), (ret[0]["subject"], sys.argv[3])
PY
n=$(dti remind --json | python3 -c "import json,sys; print(len(json.load(sys.stdin)['notices']))")
[ "$n" = 0 ] || fail "a second run recorded $n notices"
echo "remind@$DTI_NOW ok ($ORG, $PERIOD, due $DUE)"
