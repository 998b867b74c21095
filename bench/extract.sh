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
#               prints of the .docx (poppler-glib dlopen'd by dti).
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
PKGS="libmicrohttpd jansson libsodium libutf8proc md4c libxml-2.0 libzip xlsxwriter sqlite3 libpq zlib"
echo 'int main(void) { return 0; }' > "$tmp/empty.c"
cc "$tmp/empty.c" -o "$tmp/empty-all-dti-libs" -Wl,--no-as-needed $(pkg-config --libs $PKGS)
cc "$tmp/empty.c" -o "$tmp/empty-dti-libs-poppler" -Wl,--no-as-needed $(pkg-config --libs $PKGS poppler-glib)
cc "$tmp/empty.c" -o "$tmp/empty-no-libs"
echo "libraries mapped: dti $(ldd "$BIN" | wc -l), empty+all dti libs $(ldd "$tmp/empty-all-dti-libs" | wc -l), +poppler-glib $(ldd "$tmp/empty-dti-libs-poppler" | wc -l)"
cp "$SHARED/plans/office/vinh-tru-2026.docx" "$tmp/"
soffice -env:UserInstallation=file://$tmp/profile --headless --convert-to pdf --outdir "$tmp" "$tmp/vinh-tru-2026.docx" >/dev/null 2>&1
hyperfine -N -w 3 -r "$RUNS" --export-markdown "$tmp/out.md" \
  -n empty "$tmp/empty-no-libs" \
  -n empty+all-dti-libs "$tmp/empty-all-dti-libs" \
  -n empty+all-dti-libs+poppler "$tmp/empty-dti-libs-poppler" \
  -n "dti --help" "$BIN --help" \
  -n "extract .txt" "$BIN extract $SHARED/plans/vinh-tru-2026.txt" \
  -n "extract .docx" "$BIN extract $tmp/vinh-tru-2026.docx" \
  -n "extract .pdf" "$BIN extract $tmp/vinh-tru-2026.pdf" >/dev/null
cat "$tmp/out.md"
# CPU time (user + system) per run, which a busy machine hardly changes:
# 30 runs of each, children's rusage from Python.
python3 - "$RUNS" "$tmp" "$BIN" "$SHARED" <<'PY'
import resource, subprocess, sys
runs, tmp, dti, shared = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
cmds = [("empty", [tmp + "/empty-no-libs"]),
        ("empty+all-dti-libs", [tmp + "/empty-all-dti-libs"]),
        ("empty+all-dti-libs+poppler", [tmp + "/empty-dti-libs-poppler"]),
        ("dti --help", [dti, "--help"]),
        ("extract .txt", [dti, "extract", shared + "/plans/vinh-tru-2026.txt"]),
        ("extract .docx", [dti, "extract", tmp + "/vinh-tru-2026.docx"]),
        ("extract .pdf", [dti, "extract", tmp + "/vinh-tru-2026.pdf"])]
print("\n| Command | CPU ms per run (user + sys, mean of %d) |\n|:---|---:|" % runs)
for name, cmd in cmds:
    r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    for _ in range(runs):
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    ms = ((r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)) * 1000 / runs
    print("| `%s` | %.1f |" % (name, ms))
PY
