#!/usr/bin/env python3
"""A fictional plan (xã Kim Lâm, not one of the fixture families) for the
plain-pdftotext reader (src/import/pdf_plain.c): its appendix puts the
columns in an order none of the families uses — units BEFORE the target
and due columns ("STT | Nội dung chỉ tiêu | Đơn vị chủ trì | Đơn vị phối
hợp | Chỉ tiêu năm 2026 | Thời hạn"), rows with an empty support cell, and
enough rows to cross a page break. Written here once: the HTML the PDF is
printed from and the expected dti.plan/1 JSON (typed by hand beside each
row, never derived from dti's output).

usage: python3 make_kim_lam.py   (needs soffice and pdftotext)
writes kim-lam-2026.html, kim-lam-2026.json, kim-lam-2026-plain.txt here.
"""
import json, os, subprocess, tempfile, shutil

HERE = os.path.dirname(os.path.abspath(__file__))
NAME = "kim-lam-2026"

# code, name, lead, support (list), target text, (op, value, unit), due_text, due
GROUPS = [
    ("I", "Hạ tầng số", [
        ("1", "Tỷ lệ thôn có điểm phát Wi-Fi công cộng tại nhà văn hóa", "Phòng Văn hóa - Xã hội",
         ["Các doanh nghiệp viễn thông"], "Tối thiểu 80%", (">=", 80, "%"), "Tháng 10/2026", "2026-10"),
        ("2", "Số camera giám sát an ninh được kết nối về trung tâm xã", "Công an xã",
         [], "12 camera", (">=", 12, "camera"), "Quý III/2026", "2026-Q3"),
        ("3", "Tỷ lệ hộ gia đình sử dụng Internet cáp quang băng rộng", "Phòng Kinh tế",
         ["Các thôn", "Các doanh nghiệp viễn thông"], "Đạt 75%", (">=", 75, "%"), "Tháng 12/2026", "2026-12"),
    ]),
    ("II", "Chính quyền số", [
        ("1", "Tỷ lệ hồ sơ công việc được xử lý trên môi trường mạng", "Văn phòng HĐND và UBND xã",
         ["Các phòng chuyên môn"], "Trên 90%", (">", 90, "%"), "Thường xuyên", "recurring"),
        ("2", "Tỷ lệ thủ tục hành chính giải quyết trực tuyến toàn trình", "Trung tâm Phục vụ hành chính công xã",
         ["Các phòng chuyên môn"], "Tối thiểu 70%", (">=", 70, "%"), "Tháng 12/2026", "2026-12"),
        ("3", "Tỷ lệ hồ sơ giải quyết quá hạn", "Trung tâm Phục vụ hành chính công xã",
         [], "Không quá 2%", ("<=", 2, "%"), "Thường xuyên", "recurring"),
        ("4", "Số cuộc họp trực tuyến giữa xã và các thôn", "Văn phòng HĐND và UBND xã",
         ["Các thôn"], "24 cuộc", (">=", 24, "cuộc"), "Tháng 12/2026", "2026-12"),
    ]),
    ("III", "Kinh tế số và xã hội số", [
        ("1", "Tỷ lệ người dân trưởng thành có tài khoản định danh điện tử mức độ 2", "Công an xã",
         ["Đoàn Thanh niên xã", "Các thôn"], "Tối thiểu 90%", (">=", 90, "%"), "Tháng 6/2026", "2026-06"),
        ("2", "Số hộ kinh doanh sử dụng thanh toán không dùng tiền mặt", "Phòng Kinh tế",
         ["Các ngân hàng trên địa bàn"], "150 hộ", (">=", 150, "hộ"), "Quý IV/2026", "2026-Q4"),
        ("3", "Tỷ lệ trường học triển khai sổ liên lạc điện tử", "Phòng Văn hóa - Xã hội",
         ["Các trường học trên địa bàn"], "100%", (">=", 100, "%"), "Tháng 9/2026", "2026-09"),
        ("4", "Số người dân được hướng dẫn kỹ năng số cơ bản", "Phòng Văn hóa - Xã hội",
         ["Hội Liên hiệp Phụ nữ xã", "Đoàn Thanh niên xã"], "2.000 người", (">=", 2000, "người"),
         "Tháng 11/2026", "2026-11"),
    ]),
]

HEAD = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>plan</title></head><body>
<table border="0"><tr><td><p>ỦY BAN NHÂN DÂN</p><p>XÃ KIM LÂM</p><p>Số: 27/KH-UBND</p></td><td><p>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p><p>Độc lập - Tự do - Hạnh phúc</p><p>Kim Lâm, ngày 16 tháng 3 năm 2026</p></td></tr></table>
<p align="center"><b>KẾ HOẠCH</b></p>
<p align="center"><b>Chuyển đổi số xã Kim Lâm năm 2026</b></p>
<p>Thực hiện Kế hoạch số 12/KH-UBND ngày 15/01/2026 của Ủy ban nhân dân tỉnh Tuyên Quang về chuyển đổi số năm 2026, Ủy ban nhân dân xã Kim Lâm ban hành Kế hoạch như sau:</p>
<p><b>I. MỤC TIÊU</b></p>
<p>Các chỉ tiêu chuyển đổi số năm 2026 của xã tại Phụ lục kèm theo Kế hoạch này.</p>
<p><b>II. TỔ CHỨC THỰC HIỆN</b></p>
<p>Các cơ quan, đơn vị được giao chủ trì báo cáo kết quả thực hiện hằng quý về Phòng Văn hóa - Xã hội trước ngày 15 của tháng cuối quý.</p>
<p align="right"><b>CHỦ TỊCH</b></p>
<p style="page-break-before: always" align="center"><b>PHỤ LỤC</b></p>
<p align="center"><b>CHỈ TIÊU CHUYỂN ĐỔI SỐ XÃ KIM LÂM NĂM 2026</b></p>
<p align="center">(Kèm theo Kế hoạch số 27/KH-UBND ngày 16/3/2026 của UBND xã Kim Lâm)</p>
"""


def cell(s, bold=False, w=None):
    s = s.replace("\n", "<br>")
    if bold:
        s = "<b>" + s + "</b>"
    width = f' width="{w}"' if w else ""
    return f"<td{width}>{s}</td>"


def build():
    rows = ["<tr>" + "".join(cell(h, True, w) for h, w in [
        ("STT", "6%"), ("Nội dung chỉ tiêu", "34%"), ("Đơn vị chủ trì", "17%"), ("Đơn vị phối hợp", "17%"),
        ("Chỉ tiêu năm 2026", "13%"), ("Thời hạn", "13%")]) + "</tr>"]
    indicators, groups = [], []
    for gcode, gname, items in GROUPS:
        groups.append({"code": gcode, "name": gname})
        rows.append("<tr>" + cell(gcode, True) + cell(gname, True) + "".join(cell("") for _ in range(4)) + "</tr>")
        for code, name, lead, support, ttext, (op, val, unit), due_text, due in items:
            rows.append("<tr>" + cell(code) + cell(name) + cell(lead) + cell(";\n".join(support)) +
                        cell(ttext) + cell(due_text) + "</tr>")
            indicators.append({"code": code, "group": gcode, "name": name,
                               "targets": [{"year": 2026, "op": op, "value": val, "unit": unit, "text": ttext}],
                               "lead": [lead], "support": support, "due": due, "due_text": due_text,
                               "basis": None, "action": None})
    html = HEAD + '<table border="1" cellspacing="0" cellpadding="4" style="border-collapse:collapse" width="100%">' + \
        "\n".join(rows) + "</table>\n</body></html>\n"
    plan = {"schema": "dti.plan/1", "title": "Kế hoạch Chuyển đổi số xã Kim Lâm năm 2026", "commune": "Kim Lâm",
            "province": "Tuyên Quang", "number": "27/KH-UBND", "issued": "2026-03-16", "groups": groups,
            "indicators": indicators, "tasks": []}
    return html, plan


def main():
    html, plan = build()
    with open(os.path.join(HERE, NAME + ".html"), "w") as f:
        f.write(html)
    with open(os.path.join(HERE, NAME + ".json"), "w") as f:
        json.dump(plan, f, ensure_ascii=False, indent=1)
        f.write("\n")
    tmp = tempfile.mkdtemp()
    try:
        prof = os.path.join(tmp, "profile")
        base = ["soffice", "-env:UserInstallation=file://" + prof, "--headless"]
        subprocess.run(base + ["--infilter=HTML (StarWriter)", "--convert-to", "docx:MS Word 2007 XML",
                               "--outdir", tmp, os.path.join(HERE, NAME + ".html")], check=True, capture_output=True)
        subprocess.run(base + ["--convert-to", "pdf:writer_pdf_Export", "--outdir", tmp,
                               os.path.join(tmp, NAME + ".docx")], check=True, capture_output=True)
        subprocess.run(["pdftotext", os.path.join(tmp, NAME + ".pdf"),
                        os.path.join(HERE, NAME + "-plain.txt")], check=True)
    finally:
        shutil.rmtree(tmp)


if __name__ == "__main__":
    main()
