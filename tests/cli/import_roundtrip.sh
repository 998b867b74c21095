#!/usr/bin/env bash
# import → export round trip: for every real plan ($SHARED/plans/*.txt and
# office/*.docx|.xlsx) and the project's sample, `dti import` then
# `dti export plan ID --json` prints byte for byte what `dti extract` prints
# for the same document; where extract refuses a file, import refuses it
# with the same exit status and stores nothing. Importing a file twice
# keeps one plan; empty and binary files exit 2 and leave the db unchanged.
set -u
DTI=${DTI:-build/dti}
ROOT=${ROOT:-.}
SHARED=${SHARED:-$ROOT/../shared}
tmp=$(mktemp -d)
# shellcheck source=tests/lib/db.sh
. "$(dirname "$0")/../lib/db.sh"
trap 'rm -rf "$tmp"' EXIT
db=$(test_db "$tmp/db/dti.db")
fail=0
t() { "$DTI" --lang en --db "$db" "$@"; }
nplans() { t plans --json | grep -c '"id":'; }
bad() { echo "FAIL: $*"; fail=1; }

files=("$ROOT/samples/hoa-binh-2026.md")
for f in "$SHARED"/plans/*.txt "$SHARED"/plans/office/*.docx "$SHARED"/plans/office/*.xlsx; do
  [ -f "$f" ] && files+=("$f")
done
[ ${#files[@]} -ge 4 ] || bad "expected the shared plans under $SHARED/plans"

t plans >/dev/null || bad "plans on a new db"
t plans --json >"$tmp/p.json" || bad "plans --json on a new db"
[ "$(tr -d ' \n' <"$tmp/p.json")" = "[]" ] || bad "plans --json on a new db: $(cat "$tmp/p.json")"
for f in "${files[@]}"; do
  n=$(basename "$f")
  "$DTI" extract "$f" >"$tmp/want.json" 2>/dev/null; rx=$?
  before=$(nplans)
  t import "$f" >"$tmp/import.out" 2>&1; ri=$?
  if [ $rx -ne 0 ]; then
    [ $ri -eq $rx ] || bad "$n: extract exited $rx but import exited $ri"
    [ "$(nplans)" -eq "$before" ] || bad "$n: a refused import stored a plan"
    echo "$n: refused by extract and import alike (exit $rx)"
    continue
  fi
  [ $ri -eq 0 ] || { bad "$n: import exited $ri: $(cat "$tmp/import.out")"; continue; }
  id=$(sed -n 's/^Imported plan \([0-9][0-9]*\)\..*/\1/p' "$tmp/import.out" | head -n1)
  [ -n "$id" ] || { bad "$n: no plan id in: $(head -n2 "$tmp/import.out")"; continue; }
  t export plan "$id" --json >"$tmp/got.json" || bad "$n: export plan $id failed"
  if cmp -s "$tmp/want.json" "$tmp/got.json"; then
    echo "$n: plan $id round-trips ($(wc -c <"$tmp/got.json") bytes)"
  else
    bad "$n: export plan $id differs from extract"; diff "$tmp/want.json" "$tmp/got.json" | head -n 20
  fi
  # the same document again: the same plan, nothing stored
  count=$(nplans)
  t import "$f" >"$tmp/again.out" 2>&1 || bad "$n: second import failed"
  grep -q "imported before: plan $id " "$tmp/again.out" || bad "$n: second import did not find plan $id"
  [ "$(nplans)" -eq "$count" ] || bad "$n: second import stored another plan"
done

# bad input leaves the store as it was
: >"$tmp/empty.md"
head -c 4096 /dev/urandom >"$tmp/binary.docx"
printf 'PK\003\004broken' >"$tmp/truncated.xlsx"
sum() { sha256sum "$db" | cut -d' ' -f1; }
list=$(t plans --json); s0=$(sum)
for f in "$tmp/empty.md" "$tmp/binary.docx" "$tmp/truncated.xlsx" "$tmp/missing.txt"; do
  t import "$f" >"$tmp/bad.out" 2>&1; rc=$?
  [ $rc -eq 2 ] || bad "$(basename "$f"): exit $rc, want 2"
  [ "$(wc -l <"$tmp/bad.out")" -eq 1 ] || bad "$(basename "$f"): want one line, got: $(cat "$tmp/bad.out")"
  grep -q "$(basename "$f")" "$tmp/bad.out" || bad "$(basename "$f"): message does not name the file"
done
[ "$(t plans --json)" = "$list" ] || bad "bad input changed the plan list"
[ "$(sum)" = "$s0" ] || bad "bad input changed the database file"

# usage and lookups
t export plan 999999 --json >/dev/null 2>&1; [ $? -eq 1 ] || bad "export of a missing plan should exit 1"
t export plan abc >/dev/null 2>&1; [ $? -eq 2 ] || bad "export plan abc should exit 2"
t import >/dev/null 2>&1; [ $? -eq 2 ] || bad "import without a file should exit 2"
"$DTI" --db "postgres://u@localhost/dti" plans >/dev/null 2>&1; [ $? -ne 0 ] || bad "postgres:// should be refused for now"
exit $fail
