#!/usr/bin/env bash
# org_history_names.sh — history stays under the old names (issue 12 §5,
# docs/orgs.md): after a unit and a commune are renamed and two communes
# merged on 01/07/2026, a PAST period's score observations, province home
# and national ranking show the names in force at the period's end, and a
# merged commune says what it is now ("(nay là …)" / "(now …)"); a later
# period shows the new names and no merged commune. JSON and text.
set -euo pipefail
: "${DTI:?}"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
eq() { [ "$1" = "$2" ] || fail "$3: got '$1', want '$2'"; }
has() { grep -qF -- "$2" "$1" || fail "$3: '$2' not in: $(cat "$1")"; }
hasnt() { if grep -qF -- "$2" "$1"; then fail "$3: '$2' in: $(cat "$1")"; fi; }
# shellcheck source=tests/lib/db.sh
. "${ROOT:-.}/tests/lib/db.sh"
DB=$(test_db "$T/o.db")
export DTI_PASSWORD=matkhau-123
export DTI_NOW=2026-07-02T03:00:00Z
d() { "$DTI" --db "$DB" "$@"; }
d gen country --provinces 1 --communes 4 --months 6 > "$T/gen.txt" || fail "gen: $(cat "$T/gen.txt")"
d --as admin org history --json > /dev/null
ids() { d --as admin --json province list | python3 -c 'import json,sys; print(json.load(sys.stdin)["provinces"][0]["id"])'; }
PROV=$(ids)
d --as admin --json province home "$PROV" 2026-06 > "$T/h.json"
cid() { python3 -c 'import json,sys; print(next(c["org_id"] for c in json.load(open(sys.argv[1]))["communes"] if c["name"] == sys.argv[2]))' "$T/h.json" "$1"; }
BA=$(cid "Bình An"); HB=$(cid "Hòa Bình"); PH=$(cid "Phú Hòa")
PLAN=$(python3 -c 'import json,sys; print(next(c["plan_id"] for c in json.load(open(sys.argv[1]))["communes"] if c["name"] == "Bình An"))' "$T/h.json")
VH=$(d --as admin score "$PLAN" 2026-06 --json | python3 -c '
import json,sys
j = json.load(sys.stdin)
print(next(o["org_id"] for i in j["indicators"] for o in i["observations"] if o["org"] == "Phòng Văn hóa - Xã hội"))')
[ -n "$BA" ] && [ -n "$HB" ] && [ -n "$PH" ] && [ -n "$PLAN" ] && [ -n "$VH" ] || fail "gen's orgs"

d --as admin org rename "$VH" "Phòng Văn hóa, Khoa học và Thông tin" --date 01/07/2026 > /dev/null
d --as admin org rename "$BA" "Bình An Mới" --date 01/07/2026 > /dev/null
d --as admin org merge "$HB" "$PH" --name "Xã Hòa Phú" --date 01/07/2026 > /dev/null
export DTI_NOW=2026-08-10T03:00:00Z

# score observations: each under the name its unit had at its period's end
obs() {  # PERIOD → "period org" per observation of the renamed unit
  d --as admin score "$PLAN" "$1" --json | python3 -c '
import json,sys
j = json.load(sys.stdin)
for i in j["indicators"]:
    for o in i["observations"]:
        if o["org_id"] == int(sys.argv[1]): print(o["period"], o["org"])' "$VH" | sort -u
}
obs 2026-06 > "$T/o06.txt"
has "$T/o06.txt" "2026-05 Phòng Văn hóa - Xã hội" "May's observation seen from June, under the old name"
hasnt "$T/o06.txt" "Khoa học" "June's observations under the new name"
obs 2026-07 > "$T/o07.txt"
has "$T/o07.txt" "2026-05 Phòng Văn hóa - Xã hội" "May's observation seen from July, under the old name"

# the province home of June: the four communes under their names then
d --as admin --json province home "$PROV" 2026-06 > "$T/h06.json"
python3 -c 'import json,sys; [print(c["name"]) for c in json.load(open(sys.argv[1]))["communes"]]' "$T/h06.json" | sort > "$T/n06.txt"
eq "$(paste -sd '|' "$T/n06.txt")" "Bình An|Hòa Bình (nay là Xã Hòa Phú)|Phú Hòa (nay là Xã Hòa Phú)|Tân Phú" "June's communes"
d --as admin province home "$PROV" 2026-06 > "$T/h06.txt"
has "$T/h06.txt" "Hòa Bình (nay là Xã Hòa Phú)" "June's home, text"
hasnt "$T/h06.txt" "Bình An Mới" "June's home under the new name"
d --lang en --as admin --json province home "$PROV" 2026-06 > "$T/h06en.json"
has "$T/h06en.json" "Phú Hòa (now Xã Hòa Phú)" "June's home in English"
# and of July: the new names, no merged commune
d --as admin --json province home "$PROV" 2026-07 > "$T/h07.json"
python3 -c 'import json,sys; [print(c["name"]) for c in json.load(open(sys.argv[1]))["communes"]]' "$T/h07.json" | sort > "$T/n07.txt"
eq "$(paste -sd '|' "$T/n07.txt")" "Bình An Mới|Tân Phú|Xã Hòa Phú" "July's communes"

# the national ranking of June and of July
d --as admin rank --country 2026-06 --json > "$T/r06.json"
has "$T/r06.json" "\"Bình An\"" "June's national ranking, old name"
has "$T/r06.json" "Hòa Bình (nay là Xã Hòa Phú)" "June's national ranking, merged commune"
d --as admin rank --country 2026-06 > "$T/r06.txt"
has "$T/r06.txt" "Phú Hòa (nay là Xã Hòa Phú)" "June's national ranking, text"
d --as admin rank --country 2026-07 --json > "$T/r07.json"
has "$T/r07.json" "Bình An Mới" "July's national ranking, new name"
hasnt "$T/r07.json" "Hòa Bình" "July's national ranking, merged commune"
echo "org_history_names: ok"
