#!/usr/bin/env bash
# lint_layers.sh — the layers hold (scripts/lint-layers.sh, `make
# lint-layers`): on the real tree it prints "lint-layers: ok"; on a small
# tree with one breach of each kind (an entry point including store/, an
# entry point calling the store, SQL text in app/, core/ including app/) it
# fails and names each file and line.
set -euo pipefail
cd "${ROOT:?}"
fail() { echo "FAIL: $*" >&2; exit 1; }
out=$(bash scripts/lint-layers.sh 2>&1) || fail "the tree breaches its layers:
$out"
[ "$out" = "lint-layers: ok" ] || fail "unexpected output: $out"

T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
mkdir -p "$T/scripts" "$T/src/cli" "$T/src/http" "$T/src/app/x" "$T/src/core" "$T/src/store"
cp scripts/lint-layers.sh "$T/scripts/"
printf '#include "store/store.h"\nint f(void);\n' > "$T/src/http/bad_include.c"
printf '#include "app/app.h"\nint g(void) { return store_begin(0, 0); }\n' > "$T/src/cli/bad_call.c"
printf 'static const char *q = "SELECT id FROM orgs";\n' > "$T/src/app/x/bad_sql.c"
printf '#include "app/app.h"\n' > "$T/src/core/bad_up.c"
printf 'static const char *q = "SELECT id FROM orgs";\n' > "$T/src/store/fine.c"
if out=$(bash "$T/scripts/lint-layers.sh" 2>&1); then fail "a tree with breaches passed: $out"; fi
for want in "src/http/bad_include.c:1:" "src/cli/bad_call.c:2:" "src/app/x/bad_sql.c:1: SQL" "src/core/bad_up.c:1:"; do
  grep -qF "$want" <<<"$out" || fail "breach not named ($want): $out"
done
if grep -q "src/store/fine.c" <<<"$out"; then fail "SQL in store/ was flagged: $out"; fi
echo "lint_layers: ok"
