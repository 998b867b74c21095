#!/usr/bin/env python3
"""The packed-columns family re-worded: a holdout plan whose wide appendix
pdftotext -layout prints with one blank between cells (cam-thach-2026), its
.docx and expected JSON given the same word substitutions, rendered again by
LibreOffice to .pdf and `pdftotext -layout`, so the -layout rules are measured
on tables of that family they were not tuned on (other widths, so other
packing on every line).

usage: python3 tests/data/pdftext-var/make_packed.py OUTDIR {1|2|3} [NAME]
  NAME defaults to cam-thach-2026 (tests/data/holdout/NAME.docx, NAME.json);
  writes OUTDIR/NAME-vN.docx, .pdf, -layout.txt and NAME-vN.json.
tests/cli/extract_pdftext_var.sh reads tests/data/pdftext-var/packed/ made so.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
HOLDOUT = os.path.join(HERE, "..", "holdout")
SUBS = {
    "1": [("Phòng Văn hóa - Xã hội", "Phòng Văn hóa, Khoa học và Thông tin"),
          ("Văn phòng HĐND và UBND xã", "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã"),
          ("Tỷ lệ", "Tỉ lệ phần trăm"), ("Các thôn", "Các thôn, tổ dân phố"),
          ("Công an xã", "Công an xã (Đội nghiệp vụ)")],
    "2": [("Phòng Văn hóa - Xã hội", "Phòng VHXH"),
          ("Trung tâm Phục vụ hành chính công xã", "Bộ phận Một cửa xã"),
          ("Tỷ lệ", "Mức"), ("Doanh nghiệp viễn thông trên địa bàn", "Doanh nghiệp viễn thông"),
          ("Văn phòng HĐND và UBND xã", "Văn phòng UBND xã")],
    "3": [("Phòng Kinh tế", "Phòng Kinh tế, Hạ tầng và Đô thị"), ("Viễn thông Hà Tĩnh", "VNPT Hà Tĩnh"),
          ("Phòng Văn hóa - Xã hội", "Phòng Văn hóa - Xã hội xã"), ("người dân", "người dân trên địa bàn")],
}


def sub(x, subs):
    if isinstance(x, str):
        for a, b in subs:
            x = x.replace(a, b)
        return x
    if isinstance(x, list):
        return [sub(y, subs) for y in x]
    if isinstance(x, dict):
        return {k: sub(v, subs) for k, v in x.items()}
    return x


def main():
    if len(sys.argv) not in (3, 4) or sys.argv[2] not in SUBS:
        sys.exit(__doc__)
    out, var = os.path.abspath(sys.argv[1]), sys.argv[2]
    name = sys.argv[3] if len(sys.argv) == 4 else "cam-thach-2026"
    subs = SUBS[var]
    os.makedirs(out, exist_ok=True)
    base = f"{name}-v{var}"
    with open(os.path.join(HOLDOUT, name + ".json"), encoding="utf-8") as f:
        plan = json.load(f)
    with open(os.path.join(out, base + ".json"), "w", encoding="utf-8") as f:
        json.dump(sub(plan, subs), f, ensure_ascii=False, indent=1)
        f.write("\n")
    docx = os.path.join(out, base + ".docx")
    with zipfile.ZipFile(os.path.join(HOLDOUT, name + ".docx")) as zin, \
            zipfile.ZipFile(docx, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "word/document.xml":
                data = sub(data.decode("utf-8"), subs).encode("utf-8")
            zout.writestr(item, data)
    prof = tempfile.mkdtemp()
    try:
        subprocess.run(["soffice", f"-env:UserInstallation=file://{prof}", "--headless", "--convert-to", "pdf",
                        "--outdir", out, docx], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    finally:
        shutil.rmtree(prof, ignore_errors=True)
    subprocess.run(["pdftotext", "-layout", os.path.join(out, base + ".pdf"),
                    os.path.join(out, base + "-layout.txt")], check=True)
    print("wrote", base, flush=True)


if __name__ == "__main__":
    main()
