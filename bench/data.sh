#!/usr/bin/env bash
# bench/data.sh DB — a small commune's data for the benchmarks, through the
# real CLI: Minh Đức's plan ($SHARED/plans/minh-duc-2026-2030-dti.txt), a
# coordinator (bench/bench-password), its monthly calendar, and three units
# reporting April to June 2026, every report approved.
#   then: BENCH_USER=coordinator BENCH_PASSWORD=bench-password \
#         BENCH_DASHBOARD=/api/v1/plans/1/score/2026-06 bench/run.sh --db DB
set -euo pipefail
cd "$(dirname "$0")/.."
DB=${1:?usage: bench/data.sh DB}
SHARED=${SHARED:-$(cd .. && pwd)/shared}
[ -x build/dti ] || make -s build/dti
[ ! -e "$DB" ] || { echo "bench/data.sh: $DB exists" >&2; exit 1; }
export DTI_PASSWORD=bench-password
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
dti() { build/dti --db "$DB" "$@" > /dev/null; }
at() { DTI_NOW=$1 build/dti --db "$DB" "${@:2}" > /dev/null; }
at 2026-04-08T02:00:00Z import "$SHARED/plans/minh-duc-2026-2030-dti.txt"
dti user add admin --role admin
dti --as admin user add coordinator --role coordinator --org "Minh Đức" --display "Phòng Văn hóa - Xã hội"
dti --as coordinator calendar set 1 month:cutoff=none:unit=15+1,commune=20+1
csv() { { printf 'kind,code,numerator,denominator,value,note\n'; printf '%s\n' "${@:2}"; } > "$T/$1.csv"; }
for m in 04 05 06; do
  n=$((10#$m))
  csv hcc-$m "indicator,4.1,$((500 + 60 * n)),1000,," "indicator,4.2,$((100 + 50 * n)),1000,," "indicator,4.3,,,$((80 + 3 * n)),"
  csv ca-$m "indicator,3.1,$((n - 2)),4,," "indicator,3.2,$((n - 3)),4,," "indicator,3.3,2,4,," "indicator,6.1,$((5000 + 500 * n)),10000,,"
  csv kt-$m "indicator,4.4,,,0.$n," "indicator,5.1,,,$((10 + n))," "indicator,5.2,,,0.$n," "indicator,5.3,$((50 + 5 * n)),100,," \
      "indicator,6.2,$((4000 + 500 * n)),10000,,"
  next=$(printf '2026-%02d' $((n + 1)))
  for u in "hcc:Trung tâm phục vụ Hành chính công" "ca:Công an xã" "kt:Phòng Kinh tế"; do
    at "${next}-10T02:00:00Z" --as admin report fill 1 "${u#*:}" "2026-$m" --csv "$T/${u%%:*}-$m.csv"
    at "${next}-10T03:00:00Z" --as admin report submit 1 "${u#*:}" "2026-$m"
    at "${next}-12T02:00:00Z" --as coordinator report approve 1 "${u#*:}" "2026-$m"
  done
done
echo "bench/data.sh: $DB ready (plan 1, periods 2026-04..2026-06; login coordinator / bench-password)"
