#!/usr/bin/env bash
# Errors of the command line itself: a global option missing its value is
# named as such (not "unknown option"), and output that cannot be written
# (stdout on a full disk) makes the command fail instead of exiting 0 with
# a cut file.
set -u
DTI=${DTI:-build/dti}
ROOT=${ROOT:-.}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
bad() { echo "FAIL: $*"; fail=1; }

for opt in --db --lang --as; do
  "$DTI" "$opt" >"$tmp/out" 2>"$tmp/err"; rc=$?
  [ "$rc" -eq 2 ] || bad "$opt without a value: exit $rc, want 2"
  grep -q -- "$opt: thiếu giá trị" "$tmp/err" || bad "$opt without a value: $(cat "$tmp/err")"
done
"$DTI" --lang en --db >/dev/null 2>"$tmp/err"
grep -q -- "--db: a value is missing" "$tmp/err" || bad "--lang en --db: $(cat "$tmp/err")"

# the English help is English throughout
"$DTI" --lang en --help >"$tmp/help"
grep -q "Usage: dti \[--db FILE\] \[--lang vi|en\] \[--as USER\] COMMAND" "$tmp/help" || bad "English usage: $(head -3 "$tmp/help")"
grep -q "TỆP\|NGƯỜI_DÙNG" "$tmp/help" && bad "English help has Vietnamese placeholders"
"$DTI" --help | grep -q "Cách dùng: dti \[--db TỆP\]" || bad "Vietnamese usage line"

if [ -w /dev/full ]; then
  "$DTI" extract "$ROOT/samples/hoa-binh-2026.md" >/dev/full 2>"$tmp/err"; rc=$?
  [ "$rc" -ne 0 ] || bad "extract to a full disk exited 0"
  grep -q "không ghi được kết quả" "$tmp/err" || bad "extract to a full disk: $(cat "$tmp/err")"
  "$DTI" extract "$ROOT/samples/hoa-binh-2026.md" >"$tmp/ok.json" || bad "extract to a file failed"
  [ -s "$tmp/ok.json" ] || bad "extract wrote nothing"
else
  bad "/dev/full is not writable here"
fi
exit $fail
