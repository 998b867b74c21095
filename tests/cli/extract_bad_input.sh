#!/usr/bin/env bash
# Bad input to `dti extract`: empty, binary, truncated zip, password-protected
# (OLE2) Office file, over 50 MB, a zip of another kind, a damaged PDF → exit 2 and
# one line naming the file and what is wrong (Vietnamese by default, English with
# --lang en); a document with no plan content → an empty plan and a warning.
set -u
d=$(mktemp -d); trap 'rm -rf "$d"' EXIT
fail=0
: > "$d/empty.txt"
head -c 3000 /dev/urandom > "$d/bin.dat"; printf '\0' >> "$d/bin.dat"
head -c 20000 "$SHARED/plans/office/vinh-tru-2026.docx" > "$d/trunc.docx"
printf '\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest-of-an-encrypted-package' > "$d/locked.docx"
truncate -s 51M "$d/big.txt"
printf 'PK\x03\x04junk' > "$d/other.zip"
printf '%%PDF-1.7\n1 0 obj\n' > "$d/plan.pdf"
check() { # FILE PATTERN_VI PATTERN_EN
  out=$("$DTI" extract "$d/$1" 2>"$d/err"); rc=$?
  lines=$(wc -l < "$d/err")
  if [ "$rc" -ne 2 ] || [ "$lines" -ne 1 ] || ! grep -q "$d/$1: .*$2" "$d/err" || [ -n "$out" ]; then
    echo "FAIL $1: rc=$rc lines=$lines: $(cat "$d/err")"; fail=1
  fi
  "$DTI" --lang en extract "$d/$1" >/dev/null 2>"$d/err"
  grep -qi "$3" "$d/err" || { echo "FAIL $1 (en): $(cat "$d/err")"; fail=1; }
}
check empty.txt "tệp rỗng" "empty"
check bin.dat "nhị phân" "binary"
check trunc.docx "hỏng" "damaged\|truncated"
check locked.docx "mật khẩu" "password"
check big.txt "quá lớn" "too large"
check other.zip "không phải tài liệu Word" "not a Word"
check plan.pdf "PDF bị hỏng" "damaged or truncated PDF"
printf 'Xin chào.\nKhông có gì ở đây.\n' > "$d/noplan.txt"
out=$("$DTI" extract "$d/noplan.txt" 2>"$d/err"); rc=$?
[ "$rc" -eq 0 ] || { echo "FAIL noplan rc=$rc"; fail=1; }
grep -q "cảnh báo" "$d/err" || { echo "FAIL noplan: no warning"; fail=1; }
echo "$out" | python3 -c 'import json,sys; p=json.load(sys.stdin); assert p["schema"]=="dti.plan/1" and not p["indicators"] and not p["tasks"]' \
  || { echo "FAIL noplan: not an empty plan"; fail=1; }
exit $fail
