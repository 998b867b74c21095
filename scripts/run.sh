#!/usr/bin/env bash
# make run: for now, import the project's own sample plan into var/dti.db
# (once: importing the same document again stores nothing) and list the
# plans the store holds. A later issue turns this into the web server.
#   usage: scripts/run.sh BUILD/dti
# When the stored sample no longer equals what this build extracts from it
# (the extractor improved), the old database is moved aside and rebuilt.
set -euo pipefail
cd "$(dirname "$0")/.."
dti=${1:-build/dti}
db=${DTI_DB:-var/dti.db}
sample=samples/hoa-binh-2026.md
mkdir -p "$(dirname "$db")"
if [ -f "$db" ]; then
  id=$("$dti" --db "$db" plans --json |
       awk -v doc="\"$(basename "$sample")\"" '/"id":/ {gsub(/[^0-9]/, ""); id=$0} /"document":/ && index($0, doc) {print id; exit}')
  if [ -n "$id" ] && ! cmp -s <("$dti" extract "$sample" 2>/dev/null) <("$dti" --db "$db" export plan "$id" --json); then
    old="$db.$(date +%Y%m%d-%H%M%S)"
    mv "$db" "$old"
    rm -f "$db-wal" "$db-shm"
    echo "Mẫu đã lưu khác với bản trích xuất hiện tại: cơ sở dữ liệu cũ chuyển sang $old, tạo lại."
  fi
fi
"$dti" --db "$db" import "$sample"
echo
"$dti" --db "$db" plans
