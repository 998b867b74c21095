#!/usr/bin/env bash
# audit_publish.sh — the audit head goes with what is published (issue 9,
# point 7; app/publish.h): publishing through the API appends the head to
# the anchor log and answers it; the public ranking (no login) prints the
# current head; that printed head is what `dti audit verify --head` checks,
# and a log cut back past it is caught even when the anchor log was cut too
# (without --head, that cut is not seen: the limit docs/audit.md states).
set -u
: "${DTI:?}"
# shellcheck source=tests/cli/lib/serve.sh
. "$(dirname "$0")/lib/serve.sh"
export DTI_NOW=2026-11-23T03:00:00Z
unset DTI_AUDIT_KEY
"$DTI" --db "$db" demo > /dev/null || { echo "FAIL: demo"; exit 1; }
serve_start "$db" url DTI_NOW=$DTI_NOW
csrf=$(curl -s -c "$tmp/jar" -H 'Content-Type: application/json' -d '{"login":"dieuphoi","password":"demo-2026"}' \
  "$url/api/v1/login" | python3 -c 'import json,sys; print(json.load(sys.stdin)["csrf_token"])')
curl -s -b "$tmp/jar" -H "X-CSRF-Token: $csrf" -X POST "$url/api/v1/plans/1/publish?period=2026-10" > "$tmp/pub.json"
pub=$(python3 -c 'import json,sys; h=json.load(open(sys.argv[1]))["audit_head"]; print(h["seq"], h["text"], h["hash"])' "$tmp/pub.json") ||
  bad "publish answered no audit_head: $(cat "$tmp/pub.json")"
read -r pseq ptext phash <<< "$pub"
[ "$pseq" = "$(test_sql "$db" "SELECT seq FROM audit WHERE action = 'score.publish' ORDER BY seq DESC LIMIT 1")" ] ||
  bad "the head answered ($pseq) is not the publication's entry"
[ "$phash" = "$(test_sql "$db" "SELECT hash FROM audit WHERE seq = $pseq")" ] || bad "the head's hash"
grep -q " publish $pseq $phash " "$(test_side "$db").audit-anchor" || bad "the publication's head is not in the anchor log"
curl -s "$url/api/v1/public/rankings" > "$tmp/public.json"
text=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["audit_head"]["text"])' "$tmp/public.json") ||
  bad "the public ranking prints no audit head: $(cat "$tmp/public.json")"
[ "$text" = "$ptext" ] || bad "public head $text, published $ptext"
[[ "$text" =~ ^[0-9]+-[0-9a-f]{16}$ ]] || bad "head text '$text'"
serve_stop_all
"$DTI" --db "$db" --as admin audit verify --head "$text" > "$tmp/v.out" || bad "verify --head: $(cat "$tmp/v.out")"
# the log cut back past the printed head, the anchor log cut back to its
# first line (genuine, so it still holds): the printed head catches it
test_sql "$db" "DELETE FROM audit WHERE seq >= $pseq;
  UPDATE audit_head SET seq = $pseq - 1, hash = (SELECT hash FROM audit WHERE seq = $pseq - 1);
  DELETE FROM publications"
head -n 1 "$(test_side "$db").audit-anchor" > "$tmp/a1" && cat "$tmp/a1" > "$(test_side "$db").audit-anchor"
"$DTI" --db "$db" --as admin audit verify > "$tmp/v1.out" || bad "without --head the cut is not seen: $(cat "$tmp/v1.out")"
if "$DTI" --db "$db" --as admin audit verify --head "$text" > "$tmp/v2.out"; then bad "cut log matched the printed head"; fi
grep -Eq "(mục|entry) $pseq" "$tmp/v2.out" || bad "cut log: $(cat "$tmp/v2.out")"
if "$DTI" --db "$db" --as admin audit verify --head "12-xyz" > "$tmp/v3.out" 2>&1; then bad "a malformed --head accepted"; fi
[ "$fail" = 0 ] && echo "audit_publish ok"
exit "$fail"
