#!/usr/bin/env bash
# bench/extract.sh — how long `dti extract` takes, and how much of it is the
# process starting (issue 11: ≤ 50 ms for a 60-row .docx or .pdf).
#
#   bench/extract.sh [--bin FILE] [--runs N]
#
# Measures with hyperfine (-N: no shell), after 3 warm-up runs:
#   start-up    `dti --help` (dti maps 29 libraries), and three empty
#               programs: linked with nothing, with every library of the
#               Makefile's PKGS (--no-as-needed: 43), and with poppler-glib
#               added (86): what linking poppler-glib would cost every run;
#   extract     the shared plan vinh-tru-2026 (two appendix tables, 61 and
#               8 rows) as .docx, as .txt, and as the .pdf LibreOffice
#               prints of the .docx (43 pages; poppler-glib dlopen'd by dti);
#               and a fictional 60-row appendix (written here as HTML, saved
#               as .docx and .pdf by LibreOffice: 6 pages), the issue's
#               "60-row .docx or .pdf".
#   libpq, libcurl  an empty program linked with libpq alone, with libcurl
#               alone: what dti's start-up would save if libpq were loaded
#               only for a postgres:// store, libcurl only to send mail.
# Needs ../shared/plans (SHARED), hyperfine, soffice, cc, pkg-config.
set -euo pipefail
BIN=build/dti
RUNS=30
SHARED=${SHARED:-../shared}
while [ $# -gt 0 ]; do
  case "$1" in
    --bin) BIN=$2; shift 2 ;;
    --runs) RUNS=$2; shift 2 ;;
    *) echo "usage: bench/extract.sh [--bin FILE] [--runs N]" >&2; exit 2 ;;
  esac
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
PKGS="libmicrohttpd jansson libsodium libutf8proc md4c libxml-2.0 libzip xlsxwriter sqlite3 libpq zlib libcurl"
echo 'int main(void) { return 0; }' > "$tmp/empty.c"
cc "$tmp/empty.c" -o "$tmp/empty-all-dti-libs" -Wl,--no-as-needed $(pkg-config --libs $PKGS)
cc "$tmp/empty.c" -o "$tmp/empty-dti-libs-poppler" -Wl,--no-as-needed $(pkg-config --libs $PKGS poppler-glib)
cc "$tmp/empty.c" -o "$tmp/empty-no-libs"
cc "$tmp/empty.c" -o "$tmp/empty-libpq" -Wl,--no-as-needed $(pkg-config --libs libpq)
cc "$tmp/empty.c" -o "$tmp/empty-libcurl" -Wl,--no-as-needed $(pkg-config --libs libcurl)
echo "libraries mapped: dti $(ldd "$BIN" | wc -l), empty+all dti libs $(ldd "$tmp/empty-all-dti-libs" | wc -l), +poppler-glib $(ldd "$tmp/empty-dti-libs-poppler" | wc -l)"
cp "$SHARED/plans/office/vinh-tru-2026.docx" "$tmp/"
python3 - "$tmp/rows60.html" <<'PY'
import sys
units = ["Phòng Văn hóa - Xã hội", "Văn phòng HĐND và UBND xã", "Công an xã", "Phòng Kinh tế",
         "Trung tâm Phục vụ hành chính công xã", "Trạm Y tế xã"]
rows = []
for i in range(1, 61):
    if i % 2:
        name = "Tỷ lệ hồ sơ thủ tục hành chính nhóm %d được xử lý trực tuyến toàn trình" % i
        target = "Tối thiểu %d%%" % (50 + i % 50)
    else:
        name = "Số điểm truy cập Wi-Fi công cộng miễn phí tại thôn số %d" % i
        target = "%02d điểm" % (i % 9 + 1)
    rows.append("<tr><td>%d</td><td>%s</td><td>%s</td><td>%s</td><td>Các thôn</td><td>Tháng %d/2026</td></tr>"
                % (i, name, target, units[i % len(units)], i % 12 + 1))
open(sys.argv[1], "w").write(
    "<html><head><meta charset='utf-8'></head><body><p>ỦY BAN NHÂN DÂN XÃ HÒA BÌNH</p>"
    "<p><b>KẾ HOẠCH</b></p><p><b>Chuyển đổi số xã Hòa Bình năm 2026</b></p>"
    "<p><b>Phụ lục</b></p><table border='1' cellpadding='4'><tr><th>STT</th><th>Chỉ tiêu</th>"
    "<th>Mục tiêu năm 2026</th><th>Đơn vị chủ trì</th><th>Đơn vị phối hợp</th><th>Thời gian hoàn thành</th></tr>"
    + "".join(rows) + "</table></body></html>")
PY
soffice -env:UserInstallation=file://$tmp/profile --headless --convert-to docx:"MS Word 2007 XML" --outdir "$tmp" "$tmp/rows60.html" >/dev/null 2>&1
soffice -env:UserInstallation=file://$tmp/profile --headless --convert-to pdf --outdir "$tmp" "$tmp/vinh-tru-2026.docx" "$tmp/rows60.docx" >/dev/null 2>&1
echo "rows60: $("$BIN" extract "$tmp/rows60.docx" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["indicators"]))') indicators from the .docx, $("$BIN" extract "$tmp/rows60.pdf" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["indicators"]))') from the .pdf ($(pdfinfo "$tmp/rows60.pdf" | sed -n 's/^Pages: *//p') pages)"
hyperfine -N -w 3 -r "$RUNS" --export-markdown "$tmp/out.md" \
  -n empty "$tmp/empty-no-libs" \
  -n empty+libpq "$tmp/empty-libpq" \
  -n empty+libcurl "$tmp/empty-libcurl" \
  -n empty+all-dti-libs "$tmp/empty-all-dti-libs" \
  -n empty+all-dti-libs+poppler "$tmp/empty-dti-libs-poppler" \
  -n "dti --help" "$BIN --help" \
  -n "extract .txt" "$BIN extract $SHARED/plans/vinh-tru-2026.txt" \
  -n "extract .docx" "$BIN extract $tmp/vinh-tru-2026.docx" \
  -n "extract .pdf" "$BIN extract $tmp/vinh-tru-2026.pdf" \
  -n "extract rows60.docx" "$BIN extract $tmp/rows60.docx" \
  -n "extract rows60.pdf" "$BIN extract $tmp/rows60.pdf" >/dev/null
cat "$tmp/out.md"
# CPU time (user + system) per run, which a busy machine hardly changes:
# 30 runs of each, children's rusage from Python.
python3 - "$RUNS" "$tmp" "$BIN" "$SHARED" <<'PY'
import resource, subprocess, sys
runs, tmp, dti, shared = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
cmds = [("empty", [tmp + "/empty-no-libs"]),
        ("empty+libpq", [tmp + "/empty-libpq"]),
        ("empty+libcurl", [tmp + "/empty-libcurl"]),
        ("empty+all-dti-libs", [tmp + "/empty-all-dti-libs"]),
        ("empty+all-dti-libs+poppler", [tmp + "/empty-dti-libs-poppler"]),
        ("dti --help", [dti, "--help"]),
        ("extract .txt", [dti, "extract", shared + "/plans/vinh-tru-2026.txt"]),
        ("extract .docx", [dti, "extract", tmp + "/vinh-tru-2026.docx"]),
        ("extract .pdf", [dti, "extract", tmp + "/vinh-tru-2026.pdf"]),
        ("extract rows60.docx", [dti, "extract", tmp + "/rows60.docx"]),
        ("extract rows60.pdf", [dti, "extract", tmp + "/rows60.pdf"])]
print("\n| Command | CPU ms per run (user + sys, mean of %d) |\n|:---|---:|" % runs)
for name, cmd in cmds:
    r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    for _ in range(runs):
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    ms = ((r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)) * 1000 / runs
    print("| `%s` | %.1f |" % (name, ms))
PY
