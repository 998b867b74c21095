# tests/cli/lib/writers.sh — sourced by tests/cli scripts that need a burst
# of acknowledged saves through the API of a running `dti serve` holding the
# demo data (tests/run.sh runs only tests/cli/*.sh, not this).
#
#   writers_start URL N COUNT DIR
#       logs in as the demo's admin and starts N writers in the background,
#       writer i filling COUNT times the 2026-11 report of one of the demo's
#       units (an indicator it leads, with a note "w-I-J" unique to
#       each save). When the server answers 200, the writer appends
#       "w-I-J NANOSECONDS" to DIR/acked-I (written after the answer: an
#       acknowledged save). A writer stops at its first failed request (the
#       server killed). Sets WRITER_PIDS.
#   writers_wait
#       waits for every writer.
#   acked_notes DIR [BEFORE_NS]
#       the notes acknowledged (before BEFORE_NS when given), one a line.
#   missing_notes DB DIR [BEFORE_NS]
#       the acknowledged notes that have no "report.fill" entry in DB's
#       audit log (with Python's sqlite3), one a line: none is the promise.
WRITER_PIDS=()
# the demo's units and an indicator each leads (writer i takes pair (i-1) mod 3)
WRITER_ORGS=("Phòng Văn hóa - Xã hội" "Văn phòng HĐND và UBND xã" "Tổ công nghệ số cộng đồng")
WRITER_CODES=("1.1" "1.3" "2.2")

writers_start() {
  local url=$1 n=$2 count=$3 dir=$4 csrf i
  mkdir -p "$dir"
  csrf=$(curl -s -c "$dir/jar" -H 'Content-Type: application/json' \
    -d '{"login":"admin","password":"demo-2026"}' "$url/api/v1/login" |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["csrf_token"])') || return 1
  WRITER_PIDS=()
  for i in $(seq 1 "$n"); do
    local org code_i
    code_i=${WRITER_CODES[$(((i - 1) % ${#WRITER_CODES[@]}))]}
    org=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' \
      "${WRITER_ORGS[$(((i - 1) % ${#WRITER_ORGS[@]}))]}")
    (
      for j in $(seq 1 "$count"); do
        code=$(curl -s -o /dev/null -w '%{http_code}' -m 20 -b "$dir/jar" -H "X-CSRF-Token: $csrf" \
          -H 'Content-Type: text/csv' -X PUT --data-binary "$(printf 'code,note\n%s,w-%s-%s\n' "$code_i" "$i" "$j")" \
          "$url/api/v1/plans/1/reports/$org/2026-11") || break
        [ "$code" = 200 ] || break
        echo "w-$i-$j $(date +%s%N)" >> "$dir/acked-$i"
      done
    ) &
    WRITER_PIDS+=("$!")
  done
}

writers_wait() {
  local p
  for p in "${WRITER_PIDS[@]}"; do wait "$p" 2>/dev/null; done
  WRITER_PIDS=()
}

acked_notes() {
  cat "$1"/acked-* 2>/dev/null | awk -v b="${2:-}" 'b == "" || $2 < b {print $1}' | sort
}

missing_notes() {
  acked_notes "$2" "${3:-}" | python3 -c '
import json, sqlite3, sys
c = sqlite3.connect("file:" + sys.argv[1] + "?mode=ro", uri=True)
have = set()
for (a,) in c.execute("SELECT after_json FROM audit WHERE action = '"'"'report.fill'"'"'"):
    for v in json.loads(a).get("values", []):
        if v.get("note"): have.add(v["note"])
for line in sys.stdin:
    if line.strip() and line.strip() not in have: print(line.strip())
' "$1"
}
