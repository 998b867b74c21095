#!/usr/bin/env bash
# make run: a newcomer's first minute.
#   usage: scripts/run.sh BUILD/dti
# 1. var/demo.db is made with `dti demo` when it is missing (a fictional
#    commune, its plan, users and three months of reports: app/demo.h);
# 2. the web server serves it on 127.0.0.1:8080 (DTI_LISTEN to change),
#    after printing the address and the demo logins, in Vietnamese then in
#    English. Ctrl+C stops it. Delete var/demo.db (or run
#    `dti --db var/demo.db demo --force`) to make fresh demo data.
# A build without the web server (`serve` not in `dti --help`) lists the
# stored plan and the logins instead.
set -euo pipefail
cd "$(dirname "$0")/.."
dti=${1:-build/dti}
db=${DTI_DB:-var/demo.db}
listen=${DTI_LISTEN:-127.0.0.1:8080}
mkdir -p "$(dirname "$db")"
if [ ! -e "$db" ]; then
  echo "Tạo dữ liệu mẫu / making the demo data: $db"
  if ! "$dti" --db "$db" demo > /dev/null; then
    # demo_create is one transaction: what is left is an empty store we made
    rm -f "$db" "$db-wal" "$db-shm"
    exit 1
  fi
fi

if "$dti" --help | grep -q '^  serve '; then
  echo
  echo "dti đang chạy tại http://$listen — mở địa chỉ này trong trình duyệt; dừng bằng Ctrl+C."
  "$dti" --lang vi demo --logins
  echo
  echo "dti is running at http://$listen — open it in a browser; stop it with Ctrl+C."
  "$dti" --lang en demo --logins
  echo
  exec "$dti" --db "$db" serve --listen "$listen"
fi

echo
echo "Bản dựng này chưa có máy chủ web (dti serve): dữ liệu mẫu ở $db, xem bằng dòng lệnh."
echo "This build has no web server yet (dti serve): the demo data are in $db, for the command line."
echo
"$dti" --db "$db" --as dieuphoi plans
echo
"$dti" --lang vi demo --logins
echo
"$dti" --lang en demo --logins
