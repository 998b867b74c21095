#!/usr/bin/env bash
# import_corrected.sh — `dti import DOC --plan CORRECTED.json` (issue 11, "no
# plan ever needs hand-written JSON" as the CLI's user works): the coordinator
# prints the extraction (`dti extract DOC`), corrects it and imports the
# document with the corrected plan. What is stored is the correction; the
# document stays the plan's source (its SHA-256: a second import of the same
# document answers the earlier plan); the "plan.import" audit entry says what
# was corrected. A correction that is not JSON, or one that does not hold, is
# refused naming the file and the line or field, and nothing is stored.
# Runs on both engines (tests/lib/db.sh).
set -euo pipefail
: "${DTI:?}"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
# shellcheck source=tests/lib/db.sh
. "${ROOT:-.}/tests/lib/db.sh"
DB=$(test_db "$T/c.db")
export DTI_NOW=${DTI_NOW:-2026-12-06T03:00:00Z}
cat > "$T/kh.md" <<'MD'
ỦY BAN NHÂN DÂN XÃ THỬ SỬA

Số: 9/KH-UBND

KẾ HOẠCH Chuyển đổi số xã Thử Sửa năm 2026

Tỉnh Khánh Hòa

| STT | Chỉ tiêu | Năm 2026 | Đơn vị chủ trì |
|---|---|---|---|
| 1 | Tỷ lệ hồ sơ trực tuyến toàn trình | 80% | Văn phòng HĐND và UBND |
| 2 | Tỷ lệ người dân có tài khoản định danh điện tử | 90% | Công an xã |
| 3 | Số điểm wifi công cộng | 4 điểm | Phòng Văn hóa - Xã hội |
MD
"$DTI" extract "$T/kh.md" > "$T/p.json" 2> "$T/x.err" || fail "extract: $(cat "$T/x.err")"

# 1. a correction that is not JSON: file, line and column named, nothing stored
printf '{"schema": "dti.plan/1",\n  "title": oops\n}\n' > "$T/bad.json"
if "$DTI" --db "$DB" import "$T/kh.md" --plan "$T/bad.json" > "$T/o1.txt" 2>&1; then
  fail "a plan file that is not JSON was accepted"
fi
grep -q "bad.json: kế hoạch (JSON) không hợp lệ ở dòng 2" "$T/o1.txt" || fail "no file and line named: $(cat "$T/o1.txt")"

# 2. a correction that does not hold (a target of no year): the field named
python3 - "$T/p.json" "$T/bad2.json" <<'PY'
import json, sys
p = json.load(open(sys.argv[1]))
p["indicators"][0]["targets"] = [{"year": "năm sau", "text": "80%"}]
json.dump(p, open(sys.argv[2], "w"), ensure_ascii=False)
PY
if "$DTI" --db "$DB" import "$T/kh.md" --plan "$T/bad2.json" > "$T/o2.txt" 2>&1; then
  fail "a plan with a bad target year was accepted"
fi
grep -q "bad2.json: " "$T/o2.txt" || fail "the file not named: $(cat "$T/o2.txt")"
grep -q "indicators\[0\]" "$T/o2.txt" || fail "the field not named: $(cat "$T/o2.txt")"
"$DTI" --db "$DB" plans > "$T/plans0.txt" 2>&1 || true
if grep -q "Thử Sửa" "$T/plans0.txt"; then fail "a refused import stored a plan: $(cat "$T/plans0.txt")"; fi

# 3. the correction: 2's target retyped in words, 3 removed, a row added
python3 - "$T/p.json" "$T/fix.json" <<'PY'
import json, sys
p = json.load(open(sys.argv[1]))
ind = p["indicators"]
assert [x["code"] for x in ind] == ["1", "2", "3"], ind
ind[1]["targets"] = [{"year": 2026, "text": "Đạt 95%"}]
del ind[2]
ind.append({"code": "4", "group": ind[0].get("group"), "name": "Tỷ lệ thôn có cáp quang", "targets": [{"year": 2026, "text": "100%"}],
            "lead": ["Phòng Văn hóa - Xã hội"], "support": [], "due": None, "due_text": None, "basis": None})
json.dump(p, open(sys.argv[2], "w"), ensure_ascii=False, indent=1)
PY
"$DTI" --db "$DB" import "$T/kh.md" --plan "$T/fix.json" > "$T/o3.txt" 2>&1 || fail "corrected import: $(cat "$T/o3.txt")"
grep -q "Đã nhập kế hoạch số 1" "$T/o3.txt" || fail "no plan stored: $(cat "$T/o3.txt")"
"$DTI" --db "$DB" export plan 1 --json > "$T/stored.json" || fail "export plan 1"
python3 - "$T/stored.json" <<'PY' || fail "the plan stored is not the correction"
import json, sys
p = json.load(open(sys.argv[1]))
ind = {x["code"]: x for x in p["indicators"]}
assert sorted(ind) == ["1", "2", "4"], sorted(ind)
t = ind["2"]["targets"][0]
assert t["year"] == 2026 and t["value"] == 95 and t["text"] == "Đạt 95%", t
assert ind["4"]["lead"] == ["Phòng Văn hóa - Xã hội"], ind["4"]
PY
# the audit entry of the import says what was corrected (read by an admin)
DTI_PASSWORD=mat-khau-sua-2026 "$DTI" --db "$DB" user add admin --role admin > /dev/null || fail "user add"
"$DTI" --db "$DB" --as admin audit log --json > "$T/audit.json" 2>&1 || fail "audit log: $(cat "$T/audit.json")"
python3 - "$T/audit.json" <<'PY' || fail "the plan.import entry does not say what was corrected"
import json, sys
log = json.load(open(sys.argv[1]))
entries = log["entries"] if isinstance(log, dict) else log
imp = [x for x in entries if x.get("action") == "plan.import"]
assert len(imp) == 1, imp
after = imp[0]["after"]
if isinstance(after, str):
    after = json.loads(after)
c = after["corrected"]
assert c is not None, after
codes = lambda k: [x["code"] for x in c[k]]
assert codes("changed") == ["2"] and codes("added") == ["4"] and codes("removed") == ["3"], c
assert c["retyped"] == [] and c["head"] is False, c
PY
# the document is the source: the same bytes again answer the earlier plan
"$DTI" --db "$DB" --as admin import "$T/kh.md" > "$T/o4.txt" 2>&1 || fail "import again: $(cat "$T/o4.txt")"
grep -q "đã được nhập trước đó: kế hoạch số 1" "$T/o4.txt" || fail "the document is not the plan's source: $(cat "$T/o4.txt")"
"$DTI" --db "$DB" --as admin audit verify > "$T/v.txt" 2>&1 || fail "audit verify: $(cat "$T/v.txt")"
echo "import_corrected: ok"
