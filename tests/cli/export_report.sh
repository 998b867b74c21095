#!/usr/bin/env bash
# export_report.sh — the official outputs (issue 10, app/outputs.h,
# docs/outputs.md) opened by what users open them with: on the demo data at
# a fixed date (DTI_NOW 23/11/2026: months approved to 2026-10, one report
# returned, one waiting, one draft), the coordinator sets the commune's
# signer, exports the October report and the year summary as .docx, the
# workbook as .xlsx and the open data as CSV and JSON; LibreOffice headless
# (a private profile) converts each Office file to PDF; pdfinfo must give A4
# and the page count, pdftotext the heading block, the title, each pillar,
# every indicator code with its value as `dti score` prints it, the units'
# difficulties quoted and attributed, the reports not approved named, "Nơi
# nhận" and the signer; the .docx's XML must hold the page size, margins,
# font, first-page-less page numbers and the landscape appendix; the audit
# head in the properties must be the chain's head with the export logged.
# Refusals (a reporter), bad input (a period, a missing format) change
# nothing. A PNG of page 1 of each goes to build/test-artifacts/.
set -euo pipefail
: "${DTI:?}"
ROOT=${ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
T=$(mktemp -d)
# shellcheck source=tests/lib/db.sh
. "$(dirname "$0")/../lib/db.sh"
trap 'rm -rf "$T"' EXIT
DB=$(test_db "$T/demo.db")
export DTI_NOW=2026-11-23T03:00:00Z
ART="$ROOT/build/test-artifacts"
mkdir -p "$ART"
fail() { echo "FAIL: $*" >&2; exit 1; }
dti() { "$DTI" --db "$DB" "$@"; }
has() { grep -qF -- "$2" "$1" || fail "$3: '$2' not in $(basename "$1")"; }
for tool in soffice pdfinfo pdftotext pdftoppm unzip python3; do
  command -v "$tool" >/dev/null || fail "$tool is needed (scripts/deps.sh)"
done

dti demo > /dev/null

# ---- settings: the signer and the recipients, stored per commune ---------------------
printf '%s\n' "- Sở Khoa học và Công nghệ tỉnh Bình Nguyên;" "- Thường trực Đảng ủy xã;" "- Lưu: VT, VHXH." > "$T/recipients.txt"
dti --as dieuphoi export settings 1 --signer "Nguyễn Văn An" --deputy "KT. CHỦ TỊCH" --title "PHÓ CHỦ TỊCH" \
    --recipients "$T/recipients.txt" > "$T/settings.txt"
has "$T/settings.txt" "Nguyễn Văn An" "settings"
has "$T/settings.txt" "XÃ HÒA BÌNH" "default body name"
# a viewer may read them, not change them
dti --as chutich export settings 1 > /dev/null || fail "the chairman reads the settings"
if dti --as chutich export settings 1 --signer "X" 2> "$T/err.txt"; then fail "a viewer changed the settings"; fi
dti --as admin audit log --json > "$T/audit0.json"
python3 - "$T/audit0.json" <<'EOF' || fail "export.settings not audited"
import json, sys
j = json.load(open(sys.argv[1]))
e = [x for x in j if x["action"] == "export.settings"]
assert len(e) == 1 and e[0]["after"]["sign_name"] == "Nguyễn Văn An", e
EOF

# ---- exports ---------------------------------------------------------------------------
dti --as dieuphoi export report 1 2026-10 --docx "$T/thang.docx" --number 15 2> "$T/out.txt" || fail "docx: $(cat "$T/out.txt")"
dti --as dieuphoi export report 1 2026 --docx "$T/nam.docx" 2> /dev/null || fail "year docx"
dti --as chutich export report 1 2026-10 --xlsx "$T/bang.xlsx" 2> /dev/null || fail "xlsx (chairman)"
dti --as chutich export report 1 2026-10 --html "$T/in.html" 2> /dev/null || fail "print view (chairman)"
dti --as tinh export data 1 2026-10 --csv "$T/so-lieu.csv" 2> /dev/null || fail "csv (province)"
dti --as tinh export data 1 2026-10 --json "$T/so-lieu.json" 2> /dev/null || fail "json (province)"
dti --as tinh export province 1 2026-10 --docx "$T/tinh.docx" 2> /dev/null || fail "province docx"
dti --as tinh export province 1 2026-10 --xlsx "$T/tinh-bang.xlsx" 2> /dev/null || fail "province xlsx"
dti --as dieuphoi score 1 2026-10 > "$T/score.txt"
dti --as dieuphoi score 1 2026-10 --json > "$T/score.json"

# ---- refusals and bad input: nothing exported, nothing audited --------------------------
n0=$(dti --as admin audit log --json | python3 -c "import json,sys; print(len(json.load(sys.stdin)))")
if dti --as congan export report 1 2026-10 --docx "$T/x.docx" 2> "$T/err.txt"; then fail "a reporter exported"; fi
has "$T/err.txt" "congan" "reporter refusal names the user"
# the commune's coordinator does not see the province's summary (outside its scope: not found)
if dti --as dieuphoi export province 1 2026-10 --docx "$T/x.docx" 2> /dev/null; then fail "a commune exported the province"; fi
if dti --as tinh export province 2 2026-10 --docx "$T/x.docx" 2> "$T/err.txt"; then fail "a commune taken for a province"; fi
set +e
dti --as dieuphoi export report 1 2026-13 --docx "$T/x.docx" 2> "$T/err.txt"; rc=$?
set -e
[ "$rc" -eq 2 ] || fail "bad period: exit $rc"
has "$T/err.txt" "2026-13" "bad period named"
set +e
dti --as dieuphoi export report 1 2026-10 2> "$T/err.txt"; rc=$?
set -e
[ "$rc" -eq 2 ] || fail "no format: exit $rc"
[ ! -e "$T/x.docx" ] || fail "a refused export wrote a file"
n1=$(dti --as admin audit log --json | python3 -c "import json,sys; print(len(json.load(sys.stdin)))")
[ "$n0" = "$n1" ] || fail "refusals were audited ($n0 -> $n1)"

# ---- audit: who, what, when, and the head in the properties ----------------------------
dti --as admin audit log --json > "$T/audit.json"
dti --as admin audit verify > /dev/null || fail "audit chain broken"
unzip -p "$T/thang.docx" docProps/custom.xml > "$T/custom.xml"
unzip -p "$T/bang.xlsx" docProps/custom.xml > "$T/xcustom.xml"
python3 - "$T/audit.json" "$T/custom.xml" "$T/xcustom.xml" > "$T/heads.txt" <<'EOF' || fail "audit entries or heads"
import json, re, sys
j = json.load(open(sys.argv[1]))
ex = [x for x in j if x["action"] in ("export.report", "export.data")]
got = [(x["user"], x["action"], x["after"]["period"], x["after"]["format"], x["after"]["kind"], x["at"]) for x in ex]
want = [("dieuphoi", "export.report", "2026-10", "docx", "period", "2026-11-23T03:00:00Z"),
        ("dieuphoi", "export.report", "2026", "docx", "year", "2026-11-23T03:00:00Z"),
        ("chutich", "export.report", "2026-10", "xlsx", "period", "2026-11-23T03:00:00Z"),
        ("chutich", "export.report", "2026-10", "html", "period", "2026-11-23T03:00:00Z"),
        ("tinh", "export.data", "2026-10", "csv", "period", "2026-11-23T03:00:00Z"),
        ("tinh", "export.data", "2026-10", "json", "period", "2026-11-23T03:00:00Z")]
prov = [(x["user"], x["entity"], x["entity_id"], x["after"]["format"]) for x in j if x["action"] == "export.province"]
assert prov == [("tinh", "org", "1", "docx"), ("tinh", "org", "1", "xlsx")], prov
assert got == want, got
def head(path):
    m = re.search(r'name="dti.audit_head"><vt:lpwstr>(\d+)-([0-9a-f]{16})<', open(path).read())
    assert m, path
    return int(m.group(1)), m.group(2)
for path, entry in ((sys.argv[2], ex[0]), (sys.argv[3], ex[2])):
    seq, h = head(path)
    assert seq == entry["seq"] and entry["hash"].startswith(h), (path, seq, h, entry["seq"], entry["hash"])
    print(f"{seq}-{h}")
EOF

# the heads the documents carry are the chain's, as `dti audit verify --head` checks them
dti --as admin audit verify $(sed 's/^/--head /' "$T/heads.txt") > "$T/verify.txt" 2>&1 || fail "verify --head: $(cat "$T/verify.txt")"

# ---- LibreOffice opens every Office file ---------------------------------------------
mkdir -p "$T/pdf"
soffice -env:UserInstallation="file://$T/lo-profile" --headless --convert-to pdf --outdir "$T/pdf" \
  "$T/thang.docx" "$T/nam.docx" "$T/bang.xlsx" "$T/tinh.docx" "$T/tinh-bang.xlsx" > "$T/soffice.txt" 2>&1 ||
  fail "soffice: $(cat "$T/soffice.txt")"
for f in thang nam bang tinh tinh-bang; do
  [ -s "$T/pdf/$f.pdf" ] || fail "$f did not convert: $(cat "$T/soffice.txt")"
done

pages() { pdfinfo "$1" | awk '/^Pages:/ {print $2}'; }
for f in "$T/pdf/thang.pdf" "$T/pdf/nam.pdf" "$T/pdf/bang.pdf" "$T/pdf/tinh.pdf" "$T/pdf/tinh-bang.pdf"; do
  pdfinfo "$f" > "$T/info.txt"
  grep -Eq '^Page size: .*\(A4\)' "$T/info.txt" || fail "$f is not A4: $(grep 'Page size' "$T/info.txt")"
  p=$(pages "$f")
  [ "$p" -ge 1 ] && [ "$p" -le 40 ] || fail "$f: $p pages"
  echo "$(basename "$(dirname "$f")")/$(basename "$f"): $p pages, $(grep 'Page size' "$T/info.txt" | sed 's/  */ /g')"
done
# the appendix is landscape: its last page is wider than tall
pdfinfo -f "$(pages "$T/pdf/thang.pdf")" -l "$(pages "$T/pdf/thang.pdf")" "$T/pdf/thang.pdf" | grep -Eq 'size: +841.* x 595' ||
  fail "the appendix page is not landscape"
pdfinfo -f 1 -l 1 "$T/pdf/thang.pdf" | grep -Eq 'size: +595.* x 841' || fail "page 1 is not portrait"
pdftoppm -r 80 -png -f 1 -l 1 -singlefile "$T/pdf/thang.pdf" "$ART/export-report-2026-10"
pdftoppm -r 80 -png -f 1 -l 1 -singlefile "$T/pdf/nam.pdf" "$ART/export-report-2026"
pdftoppm -r 80 -png -f 1 -l 1 -singlefile "$T/pdf/bang.pdf" "$ART/export-workbook-2026-10"
pdftoppm -r 60 -png -f "$(pages "$T/pdf/thang.pdf")" -l "$(pages "$T/pdf/thang.pdf")" -singlefile "$T/pdf/thang.pdf" "$ART/export-report-2026-10-appendix"

# ---- the text of the month's report -------------------------------------------------------
pdftotext "$T/pdf/thang.pdf" "$T/thang.txt"
pdftotext "$T/pdf/nam.pdf" "$T/nam.txt"
pdftotext -layout "$T/pdf/bang.pdf" "$T/xlsx.txt"
# lines broken by the layout joined: one space for any run of white space
for f in thang nam; do tr -s '[:space:]' ' ' < "$T/$f.txt" > "$T/$f.flat"; done
for s in "ỦY BAN NHÂN DÂN" "XÃ HÒA BÌNH" "Số: 15/BC-UBND" "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" \
         "Độc lập - Tự do - Hạnh phúc" "Hòa Bình, ngày 23 tháng 11 năm 2026" "BÁO CÁO" \
         "Nơi nhận:" "- Sở Khoa học và Công nghệ tỉnh Bình Nguyên;" "- Lưu: VT, VHXH." \
         "TM. ỦY BAN NHÂN DÂN" "KT. CHỦ TỊCH" "PHÓ CHỦ TỊCH" "Nguyễn Văn An" "PHỤ LỤC" \
         "KHÓ KHĂN, VƯỚNG MẮC" "ĐỀ XUẤT, KIẾN NGHỊ" "NHIỆM VỤ TRỌNG TÂM KỲ TỚI"; do
  has "$T/thang.flat" "$s" "month report"
done
python3 - "$T/thang.txt" "$T/score.txt" "$T/score.json" <<'EOF' || fail "month report's figures"
import json, re, sys
text = re.sub(r"\s+", " ", open(sys.argv[1]).read())
score = json.load(open(sys.argv[3]))
assert "Kết quả thực hiện Kế hoạch chuyển đổi số năm 2026 (Tháng 10/2026)" in text, "title"
# each pillar by name, with its index as dti score gives it
for g in score["groups"]:
    assert g["name"] in text, g["name"]
    if g.get("index_text"):
        assert f"{g['name']}: chỉ số {g['index_text']}" in text, g
assert f"Chỉ số của kế hoạch tháng 10/2026: {score['total']['index_text']}" in text, "plan index"
# every indicator code with its value as `dti score` prints it (its table: code, target, value ...)
rows = {}
for line in open(sys.argv[2]):
    m = re.match(r"^(\d+\.\d+)\s+(\S+(?: \S+)?)\s+(\S+)\s+", line)
    if m and not line.startswith("mã"):
        parts = line.split()
        rows[parts[0]] = parts[3] if parts[1].startswith("(") else parts[2]
assert len(rows) == len(score["indicators"]) == 23, (len(rows), rows)
for code, value in rows.items():
    at = text.find(f"- {code}. ")
    assert at >= 0, f"indicator {code} not in the body"
    nxt = re.search(r" - \d+\.\d+\. | 2\.\d+\. | 3\. Kết quả", text[at + 4:])
    para = text[at: at + 4 + (nxt.start() if nxt else 400)]
    m = re.search(r"; kết quả (.+?);", para)
    assert m, (code, para)
    got = m.group(1)
    if value == "—":
        assert got == "chưa có số liệu", (code, got)
    else:
        assert got.rstrip("%") == value, (code, got, value)
# the units' difficulties, quoted and attributed; the unapproved named, not used
assert "- Phòng Kinh tế xã: “Nhiều doanh nghiệp nhỏ chưa quen sử dụng hợp đồng điện tử.”" in text
assert "- Phòng Văn hóa - Xã hội: “Vùng phủ sóng 5G ở Thôn Bến còn hạn chế.”" in text
assert "Trạm Y tế xã (bị trả lại)" in text and "Tổ công nghệ số cộng đồng (nháp)" in text
assert "Văn phòng HĐND và UBND xã (đã nộp)" in text
# at risk: every code the score lists, with its lead
risk = text.split("Các chỉ tiêu có nguy cơ không đạt")[1].split("3. Chỉ số")[0]
for c in score["at_risk"]:
    assert f"- {c}." in risk, c
# completeness and rank
c = score["completeness"]
assert f"Số đơn vị phải báo cáo: {c['expected']}; đã nộp: {c['received']}, trong đó đúng hạn: {c['on_time']}" in text
assert "Xếp hạng: thứ 1/1 xã" in text
EOF
# the year summary: the same frame over the year
for s in "Tổng kết thực hiện Kế hoạch chuyển đổi số năm 2026" "năm 2026 (tính đến hết tháng 10/2026)" \
         "Diễn biến chỉ số qua các kỳ trong năm" "Kết quả và diễn biến từng trụ cột trong năm" "So với năm 2025" "NHIỆM VỤ TRỌNG TÂM NĂM TỚI" "Nguyễn Văn An" "Nơi nhận:"; do
  has "$T/nam.flat" "$s" "year summary"
done
# the year's course: the plan's index per month as dti score's trend gives it, each pillar's at the last month
python3 - "$T/nam.flat" "$T/score.json" <<'EOF' || fail "year summary's course"
import json, re, sys
# pdftotext drops a hyphen where a line broke after it ("2026-" / "08" → "202608"): hyphens optional
text = open(sys.argv[1]).read()
def has(s):
    return re.search(re.escape(s).replace(r"\-", "-?").replace(r"\ ", " ?"), text)
score = json.load(open(sys.argv[2]))
for p in score["trend"]:
    if p.get("index_text"):
        assert has(f"{p['period']}: {p['index_text']}"), p
for g in score["groups"]:
    if g.get("index_text"):
        assert has(f"- {g['name']}: {g['index_text']} (qua các kỳ:"), g
        assert has(f"2026-10 {g['index_text']})."), g
EOF
# the workbook: every sheet printed, the codes and figures in it
for s in "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU" "TIẾN ĐỘ CÁC NHIỆM VỤ" "TÌNH HÌNH BÁO CÁO CỦA CÁC ĐƠN VỊ" "XẾP HẠNG CÁC ĐƠN VỊ" \
         "Tỷ lệ phủ sóng 5G trên dân số" "Phòng Kinh tế xã"; do
  has "$T/xlsx.txt" "$s" "workbook"
done

# the province's summary: its communes with the index dti score gives, its own report late (exported 23/11, due 20/11)
pdftotext "$T/pdf/tinh.pdf" - | tr -s '[:space:]' ' ' > "$T/tinh.flat"
pdftotext -layout "$T/pdf/tinh-bang.pdf" "$T/tinh-bang.txt"
idx=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['total']['index_text'])" "$T/score.json")
for s in "SỞ KHOA HỌC VÀ CÔNG NGHỆ" "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" "Bình Nguyên, ngày 23 tháng 11 năm 2026" "BÁO CÁO" \
         "- Hòa Bình: chỉ số $idx, xếp thứ 1" "trễ 3 ngày (hạn 20/11/2026)" "Chỉ số chuyển đổi số của tỉnh tháng 10/2026: $idx" \
         "Báo cáo của các xã gửi tỉnh: 0 đúng hạn, 1 trễ hạn, 0 chưa gửi" "Nơi nhận:"; do
  has "$T/tinh.flat" "$s" "province summary"
done
has "$T/tinh-bang.txt" "Hòa Bình" "province workbook"
has "$T/tinh-bang.txt" "trễ 3 ngày" "province workbook"
pdftoppm -r 80 -png -f 1 -l 1 -singlefile "$T/pdf/tinh.pdf" "$ART/export-province-2026-10"

# ---- the .docx's own XML: page, margins, font, page numbers, landscape appendix -----------
unzip -p "$T/thang.docx" word/document.xml > "$T/document.xml"
unzip -p "$T/thang.docx" word/styles.xml > "$T/styles.xml"
unzip -p "$T/thang.docx" word/header1.xml > "$T/header.xml"
python3 - "$T/document.xml" "$T/styles.xml" "$T/header.xml" <<'EOF' || fail "docx XML"
import re, sys
import xml.etree.ElementTree as ET
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
doc = ET.parse(sys.argv[1]).getroot()
sects = doc.findall(f".//{W}sectPr")
assert len(sects) == 2, len(sects)
first, last = sects
def sz(s):
    p = s.find(f"{W}pgSz")
    return int(p.get(f"{W}w")), int(p.get(f"{W}h")), p.get(f"{W}orient")
assert sz(first) == (11906, 16838, None), sz(first)
assert sz(last) == (16838, 11906, "landscape"), sz(last)
m = first.find(f"{W}pgMar")
top, bottom, left, right = (int(m.get(W + k)) for k in ("top", "bottom", "left", "right"))
mm = lambda t: t / 56.7
assert 20 <= mm(top) <= 25 and 20 <= mm(bottom) <= 25, (top, bottom)
assert 30 <= mm(left) <= 35 and 15 <= mm(right) <= 20, (left, right)
assert first.find(f"{W}titlePg") is not None, "page 1 without a number"
assert first.find(f"{W}headerReference") is not None
styles = ET.parse(sys.argv[2]).getroot()
f = styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}rFonts")
assert all(f.get(W + k) == "Times New Roman" for k in ("ascii", "hAnsi", "cs")), f.attrib
body = [s for s in styles.findall(f"{W}style") if s.get(f"{W}styleId") == "BodyText"][0]
assert body.find(f"{W}pPr/{W}jc").get(f"{W}val") == "both"
fl = int(body.find(f"{W}pPr/{W}ind").get(f"{W}firstLine"))
assert 567 <= fl <= 720, fl
assert int(body.find(f"{W}pPr/{W}spacing").get(f"{W}after")) >= 120
size = int(styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}sz").get(f"{W}val"))
assert size in (26, 28), size
# no other font named anywhere in the document
assert not re.search(r'w:rFonts [^>]*w:ascii="(?!Times New Roman)', open(sys.argv[1]).read())
hdr = open(sys.argv[3]).read()
assert "PAGE" in hdr and 'w:jc w:val="center"' in hdr
# the heading and signature blocks are borderless two-column tables
tbls = doc.findall(f".//{W}tbl")
def borderless(t):
    b = t.find(f"{W}tblPr/{W}tblBorders")
    return all(x.get(f"{W}val") == "nil" for x in b)
two = [t for t in tbls if len(t.findall(f"{W}tblGrid/{W}gridCol")) == 2]
assert len(two) == 2 and all(borderless(t) for t in two), "heading/signature tables"
EOF

# ---- the workbook's own XML: frozen, repeated headers, A4 landscape, real numbers and dates ----------
python3 - "$T/bang.xlsx" "$T/score.json" <<'EOF' || fail "xlsx XML"
import json, re, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
score = json.load(open(sys.argv[2]))
wb = z.read("xl/workbook.xml").decode()
sheets = re.findall(r'<sheet name="([^"]+)"', wb)
assert sheets == ["Kết quả", "Nhiệm vụ", "Báo cáo đơn vị", "Xếp hạng"], sheets
for i in range(1, 5):
    x = z.read(f"xl/worksheets/sheet{i}.xml").decode()
    assert '<pane ySplit="4" topLeftCell="A5" activePane="bottomLeft" state="frozen"/>' in x, i
    assert re.search(r'<pageSetup paperSize="9"[^>]*orientation="landscape"', x), i
    assert "<cols>" in x and 'wrapText="1"' in z.read("xl/styles.xml").decode()
assert wb.count("_xlnm.Print_Titles") == 4
styles = z.read("xl/styles.xml").decode()
for f in ("#,##0.00", "0.00%", "dd/mm/yyyy"):
    assert f'formatCode="{f}"' in styles, f
# the values are numbers: indicator 1.1's value is a numeric cell equal to the score's
strings = re.findall(r"<si><t[^>]*>(.*?)</t></si>", z.read("xl/sharedStrings.xml").decode(), re.S)
s1 = z.read("xl/worksheets/sheet1.xml").decode()
rows = re.findall(r'<row r="(\d+)"[^>]*>(.*?)</row>', s1, re.S)
def cells(body):
    out = {}
    for ref, attrs, v in re.findall(r'<c r="([A-Z]+)\d+"([^>]*)>(?:<v>([^<]*)</v>)?', body):
        out[ref] = strings[int(v)] if 't="s"' in attrs and v else v
    return out
found = 0
for r, body in rows:
    c = cells(body)
    code = c.get("B")
    ind = next((i for i in score["indicators"] if i["code"] == code), None)
    if ind and isinstance(ind["value"], (int, float)) and not isinstance(ind["value"], bool):
        assert abs(float(c["H"]) - ind["value"]) < 1e-6, (code, c.get("H"))
        found += 1
assert found >= 20, found
assert "dti.audit_head" in z.read("docProps/custom.xml").decode()
EOF

# ---- the print view: the same layout as HTML (parsed whole), linking /print.css, no inline style ----
python3 - "$T/in.html" "$T/thang.flat" <<'EOF' || fail "print view"
import html.parser, re, sys
src = open(sys.argv[1]).read()
assert src.startswith("<!DOCTYPE html>") and '<link rel="stylesheet" href="/print.css"/>' in src
assert " style=" not in src and "<style" not in src, "inline style (the CSP forbids it)"
class P(html.parser.HTMLParser):
    VOID = {"br", "hr", "meta", "link", "col"}
    def __init__(self):
        super().__init__(); self.stack = []; self.text = []
    def handle_starttag(self, t, a):
        if t not in self.VOID: self.stack.append(t)
    def handle_startendtag(self, t, a):
        assert t in self.VOID, f"<{t}/> is not a void element"
    def handle_endtag(self, t):
        assert self.stack and self.stack[-1] == t, (t, self.stack[-3:])
        self.stack.pop()
    def handle_data(self, d): self.text.append(d)
p = P(); p.feed(src); p.close()
assert p.stack == [], p.stack
text = " ".join("".join(p.text).split())
for s in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Hòa Bình, ngày 23 tháng 11 năm 2026", "BÁO CÁO", "Nơi nhận:",
          "Nguyễn Văn An", "PHỤ LỤC", "- Phòng Kinh tế xã: “Nhiều doanh nghiệp nhỏ chưa quen sử dụng hợp đồng điện tử.”"):
    assert s in text, s
# every indicator line of the body, as in the Word file
for code in re.findall(r"- (\d+\.\d+)\. ", open(sys.argv[2]).read()):
    assert f"- {code}. " in text, code
assert src.count('class="section') == 2
EOF

# ---- open data -------------------------------------------------------------------------------
head -c 3 "$T/so-lieu.csv" | od -An -tx1 | grep -q "ef bb bf" || fail "CSV without a BOM"
python3 - "$T/so-lieu.csv" "$T/so-lieu.json" "$T/score.json" <<'EOF' || fail "open data"
import csv, io, json, re, sys
rows = list(csv.DictReader(io.open(sys.argv[1], encoding="utf-8-sig", newline="")))
score = json.load(open(sys.argv[3]))
assert len(rows) == len(score["indicators"]), len(rows)
for r, i in zip(rows, score["indicators"]):
    assert r["code"] == i["code"] and r["commune"] == "Hòa Bình" and r["period"] == "2026-10"
    if isinstance(i["value"], (int, float)) and not isinstance(i["value"], bool):
        assert abs(float(r["value"]) - i["value"]) < 1e-6, (r, i["value"])
    else:
        assert r["value"] == "", r
    assert r["status"] == i["status"], (r["status"], i["status"])
j = json.load(open(sys.argv[2]))
assert [x["code"] for x in j["indicators"]] == [i["code"] for i in score["indicators"]]
assert j["index"] is not None and abs(j["index"] - score["total"]["index"]) < 1e-9
assert re.fullmatch(r"\d+-[0-9a-f]{16}", j["audit_head"]), j["audit_head"]
EOF
echo "export_report: ok"
