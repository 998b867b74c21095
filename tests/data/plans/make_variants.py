#!/usr/bin/env python3
"""Unseen plans of the fixture families: every fixture of make_fixtures.py
with other words, put in the same way into its blocks and its hand-written
expected JSON (so the expected extraction stays right), rendered by
LibreOffice to .docx and .pdf, and `pdftotext -layout` of the .pdf.

usage: python3 tests/data/plans/make_variants.py OUTDIR {1|...|12}
  1  longer names ("Phòng Văn hóa, Khoa học và Thông tin", "Tỉ lệ phần trăm", ...)
  2  shorter names ("Phòng VHXH", "Bộ phận Một cửa xã", "Mức", ...)
  3  mixed
  4  longer again ("Tỷ lệ (%)", "Công an xã và Đội CSGT", ...)
  5  abbreviations ("VP HĐND-UBND", "Phòng KT", "CĐS", ...)
  6  an en dash, "Tỷ lệ phần trăm (%)", "Các cơ quan chuyên môn", ...
  7  shorter again ("Công an", "Thôn", "TTPVHCC xã", ...)
  8  "Phòng VH-XH", "Công an xã (Cảnh sát khu vực)", "Tỷ lệ hộ/người", ...
  9  "Văn phòng HĐND - UBND xã", "Các thôn, xóm", "Trung tâm PVHCC", ...
  10 spelling: "UBND xã" spelled out, "hoá" (the old accent placement), "90 %"
  11 structure: units one after another with "; " in a cell (no line break),
     "Ban Chỉ đạo chuyển đổi số xã" as a lead, "Tổ công nghệ số cộng đồng
     các thôn", task and indicator names long enough to wrap over 3 lines
  12 numbers and titles: decimal commas ("85,5%"), "(đ/c Trưởng Công an xã)"
     after a unit, "Phòng Văn hoá - Thông tin", "Tỉ lệ"
then, per NAME: build/dti extract OUTDIR/NAME-layout.txt (or .pdf, .docx)
and ../shared/tools/compare_plan.py OUTDIR/NAME.json the result.
docs/internals/import.md has the figures measured this way.
"""
import importlib.util
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SUBS = {
    "1": [("Phòng Văn hóa - Xã hội", "Phòng Văn hóa, Khoa học và Thông tin"),
          ("Văn phòng HĐND và UBND xã", "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã"),
          ("Tỷ lệ", "Tỉ lệ phần trăm"), ("Các thôn", "Các thôn, tổ dân phố"),
          ("Công an xã", "Công an xã (Đội nghiệp vụ)")],
    "2": [("Phòng Văn hóa - Xã hội", "Phòng VHXH"),
          ("Trung tâm Phục vụ hành chính công xã", "Bộ phận Một cửa xã"),
          ("Tỷ lệ", "Mức"), ("Các phòng chuyên môn", "Các phòng"),
          ("Văn phòng HĐND và UBND xã", "Văn phòng UBND xã")],
    "3": [("Phòng Kinh tế", "Phòng Kinh tế, Hạ tầng và Đô thị"), ("chuyển đổi số", "chuyển đổi số (CĐS)"),
          ("Phòng Văn hóa - Xã hội", "Phòng Văn hóa - Xã hội xã"), ("người dân", "người dân trên địa bàn")],
    # sets 4 to 9 (branch layout7): made after the -layout rules of that round, as a test they
    # were not tuned on
    "4": [("Phòng Văn hóa - Xã hội", "Phòng Văn hóa và Thông tin"), ("Tỷ lệ", "Tỷ lệ (%)"),
          ("Các thôn", "Các thôn, bản, tổ dân phố"),
          ("Trung tâm Phục vụ hành chính công xã", "Trung tâm Phục vụ hành chính công"),
          ("Công an xã", "Công an xã và Đội CSGT")],
    "5": [("Văn phòng HĐND và UBND xã", "VP HĐND-UBND"), ("Phòng Kinh tế", "Phòng KT"),
          ("chuyển đổi số", "CĐS"), ("Các phòng chuyên môn", "Các phòng, ban chuyên môn thuộc UBND xã")],
    "6": [("Phòng Văn hóa - Xã hội", "Phòng Văn hóa – Xã hội xã"), ("Tỷ lệ", "Tỷ lệ phần trăm (%)"),
          ("Văn phòng HĐND và UBND xã", "Văn phòng Hội đồng nhân dân và UBND xã"),
          ("Các phòng chuyên môn", "Các cơ quan chuyên môn")],
    "7": [("Phòng Kinh tế", "Phòng Kinh tế - Hạ tầng"), ("Công an xã", "Công an"),
          ("Các thôn", "Thôn"), ("Trung tâm Phục vụ hành chính công xã", "TTPVHCC xã"),
          ("người dân", "dân cư")],
    "8": [("Phòng Văn hóa - Xã hội", "Phòng VH-XH"), ("Công an xã", "Công an xã (Cảnh sát khu vực)"),
          ("Các phòng chuyên môn", "Các phòng chuyên môn, đơn vị sự nghiệp"), ("Tỷ lệ", "Tỷ lệ hộ/người")],
    "9": [("Văn phòng HĐND và UBND xã", "Văn phòng HĐND - UBND xã"), ("Phòng Kinh tế", "Phòng Kinh tế xã"),
          ("Các thôn", "Các thôn, xóm"), ("chuyển đổi số", "chuyển đổi số toàn diện"),
          ("Trung tâm Phục vụ hành chính công xã", "Trung tâm PVHCC")],
    # sets 10 to 12 (branch layout9): made before any rule of that round. A pair (re.Pattern, repl)
    # is a regular expression; a target whose text a substitution changed takes its new number
    # (see sub()), so the expected JSON stays right when a value changes ("85%" -> "85,5%").
    "10": [("UBND xã", "Ủy ban nhân dân xã"), ("hóa", "hoá"),
           (re.compile(r"(\d)%"), r"\1 %")],
    "11": [(re.compile(r"\n(?!- |Phối hợp)"), "; "), ("Phòng Kinh tế", "Ban Chỉ đạo chuyển đổi số xã"),
           ("Các thôn", "Tổ công nghệ số cộng đồng các thôn"),
           ("dịch vụ công trực tuyến", "dịch vụ công trực tuyến toàn trình và một phần trên Cổng Dịch vụ "
            "công quốc gia và Cổng Dịch vụ công của tỉnh"),
           ("định danh điện tử", "định danh và xác thực điện tử (VNeID) được cấp, kích hoạt và thường "
            "xuyên sử dụng")],
    "12": [(re.compile(r"(?<![\d,./])([1-9]\d)%"), r"\1,5%"),
           ("Công an xã", "Công an xã (đ/c Trưởng Công an xã)"),
           ("Phòng Văn hóa - Xã hội", "Phòng Văn hoá - Thông tin"), ("Tỷ lệ", "Tỉ lệ")],
}

NUM = re.compile(r"\d+(?:[.,]\d+)?")


def first_number(s):
    m = NUM.search(s or "")
    return float(m.group().replace(",", ".")) if m else None


def sub(x, subs):
    if isinstance(x, str):
        for a, b in subs:
            x = a.sub(b, x) if isinstance(a, re.Pattern) else x.replace(a, b)
        return x
    if isinstance(x, tuple):
        return tuple(sub(y, subs) for y in x)
    if isinstance(x, list):
        return [sub(y, subs) for y in x]
    if isinstance(x, dict):
        y = {k: sub(v, subs) for k, v in x.items()}
        # a target whose text now states another number ("85%" -> "85,5%") takes it
        if {"year", "op", "value", "text"} <= set(x) and y["text"] != x["text"] and \
                isinstance(x["value"], (int, float)) and first_number(x["text"]) == x["value"]:
            v = first_number(y["text"])
            if v is not None:
                y["value"] = int(v) if v == int(v) else v
        return y
    return x


def main():
    if len(sys.argv) != 3 or sys.argv[2] not in SUBS:
        sys.exit(__doc__)
    out, var = os.path.abspath(sys.argv[1]), sys.argv[2]
    os.makedirs(out, exist_ok=True)
    spec = importlib.util.spec_from_file_location("make_fixtures", os.path.join(HERE, "make_fixtures.py"))
    mf = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mf)
    mf.HERE = out   # build() writes there
    for fx in mf.FIXTURES(mf):
        fx = sub(fx, SUBS[var])
        fx["xlsx"] = False
        mf.build(fx, office=True)
        name = fx["name"]
        subprocess.run(["pdftotext", "-layout", os.path.join(out, name + ".pdf"),
                        os.path.join(out, name + "-layout.txt")], check=True)
        print("wrote", name, flush=True)


if __name__ == "__main__":
    main()
