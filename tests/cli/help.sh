#!/usr/bin/env bash
# help.sh — `dti COMMAND --help` (and -h, also after a sub-command) prints
# the command's usage on stdout and exits 0, runs nothing (no database is
# created), and says nothing on stderr; a usage error still exits 2 with
# the usage on stderr (issue 9: `dti calendar --help` exited 2).
set -u
: "${DTI:?}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
bad() { echo "FAIL: $*"; fail=1; }
verbs=$("$DTI" --lang en --help | awk '/^  [a-z]/ {print $1}')
[ "$(echo "$verbs" | wc -w)" -ge 10 ] || bad "the command list is short: $verbs"
n=0
for v in $verbs; do
  for h in --help -h; do
    "$DTI" --db "$tmp/none.db" "$v" $h >"$tmp/out" 2>"$tmp/err"; rc=$?
    [ "$rc" = 0 ] || bad "dti $v $h exited $rc"
    grep -q "^Cách dùng: dti .* $v" "$tmp/out" || bad "dti $v $h: no usage on stdout: $(head -c 200 "$tmp/out")"
    [ -s "$tmp/err" ] && bad "dti $v $h wrote on stderr: $(head -c 200 "$tmp/err")"
    n=$((n + 1))
  done
  "$DTI" --lang en "$v" --help | grep -q "^Usage: dti .* $v" || bad "dti --lang en $v --help is not English"
done
# after a sub-command, and with other arguments: still help, nothing run
"$DTI" --db "$tmp/none.db" report fill 1 2 2026-03 x.csv --help >"$tmp/out" 2>&1 || bad "report fill ... --help exited $?"
"$DTI" --db "$tmp/none.db" demo --force --help >"$tmp/out" 2>&1 || bad "demo --force --help exited $?"
[ -e "$tmp/none.db" ] && bad "a --help run created the database"
# a real usage error: exit 2, usage on stderr
"$DTI" --db "$tmp/none.db" calendar --bogus >"$tmp/out" 2>"$tmp/err"; rc=$?
[ "$rc" = 2 ] || bad "a usage error exited $rc"
grep -q "cách dùng" "$tmp/err" || bad "a usage error printed no usage on stderr"
echo "$n help runs checked"
[ "$fail" = 0 ] && echo ok
exit "$fail"
