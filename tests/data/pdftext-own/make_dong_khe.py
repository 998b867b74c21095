#!/usr/bin/env python3
"""A second fictional plan (xã Đông Khê) for the plain-pdftotext reader,
written AFTER the reader was tuned and measured once, untouched by tuning:
a task appendix (no targets) whose columns are "TT | Nhiệm vụ | Sản phẩm |
Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành | Kinh phí", groups
numbered 1, 2, 3 over tasks 1.1, 1.2 …, products and funding, some empty
support cells, long task names that wrap. The HTML and the expected JSON
are typed here once (never derived from dti's output).

usage: python3 make_dong_khe.py   (needs soffice and pdftotext)
writes dong-khe-2026.html, dong-khe-2026.json, dong-khe-2026-plain.txt here.
"""
import json, os, subprocess, tempfile, shutil

HERE = os.path.dirname(os.path.abspath(__file__))
NAME = "dong-khe-2026"

# code, name, output, lead, support (list), due_text, due, funding
GROUPS = [
    ("1", "Chính quyền số", [
        ("1.1", "Rà soát, chuẩn hóa quy trình nội bộ giải quyết thủ tục hành chính trên Hệ thống thông tin giải quyết thủ tục hành chính của tỉnh",
         "Quy trình nội bộ được phê duyệt", "Văn phòng HĐND và UBND xã", ["Các phòng chuyên môn"], "Quý II/2026", "2026-Q2", "Ngân sách xã"),
        ("1.2", "Số hóa hồ sơ hộ tịch giai đoạn 2015 - 2020", "Cơ sở dữ liệu hộ tịch",
         "Phòng Văn hóa - Xã hội", [], "Tháng 9/2026", "2026-09", "Ngân sách tỉnh hỗ trợ"),
        ("1.3", "Triển khai phần mềm quản lý văn bản và điều hành tại các thôn", "Tài khoản cho trưởng thôn",
         "Văn phòng HĐND và UBND xã", ["Các thôn"], "Tháng 6/2026", "2026-06", "Ngân sách xã"),
    ]),
    ("2", "Hạ tầng số", [
        ("2.1", "Lắp đặt hệ thống truyền thanh thông minh tại 06 thôn", "Cụm loa thông minh",
         "Phòng Kinh tế", ["Các thôn", "Bưu điện xã"], "Tháng 8/2026", "2026-08", "Ngân sách xã"),
        ("2.2", "Nâng cấp mạng nội bộ và đường truyền Internet tại trụ sở UBND xã", "Mạng nội bộ được nâng cấp",
         "Văn phòng HĐND và UBND xã", ["Các doanh nghiệp viễn thông"], "Quý III/2026", "2026-Q3", "Nguồn xã hội hóa"),
    ]),
    ("3", "Xã hội số", [
        ("3.1", "Tổ chức lớp tập huấn kỹ năng số cho thành viên Tổ công nghệ số cộng đồng", "Các lớp tập huấn",
         "Phòng Văn hóa - Xã hội", ["Đoàn Thanh niên xã"], "Quý II/2026", "2026-Q2", "Ngân sách xã"),
        ("3.2", "Tuyên truyền sử dụng dịch vụ công trực tuyến trên hệ thống truyền thanh xã", "Chuyên mục phát thanh hằng tháng",
         "Phòng Văn hóa - Xã hội", [], "Thường xuyên", "recurring", "Ngân sách xã"),
        ("3.3", "Hướng dẫn hộ kinh doanh mở tài khoản thanh toán và sử dụng mã QR", "Danh sách hộ kinh doanh",
         "Phòng Kinh tế", ["Các ngân hàng trên địa bàn", "Hội Phụ nữ xã"], "Tháng 11/2026", "2026-11", "Nguồn xã hội hóa"),
        ("3.4", "Xây dựng trang thông tin giới thiệu sản phẩm nông nghiệp của xã", "Trang thông tin sản phẩm",
         "Phòng Kinh tế", ["Hợp tác xã nông nghiệp Đông Khê"], "Tháng 12/2026", "2026-12", "Ngân sách xã"),
    ]),
]

HEAD = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>plan</title></head><body>
<table border="0"><tr><td><p>ỦY BAN NHÂN DÂN</p><p>XÃ ĐÔNG KHÊ</p><p>Số: 64/KH-UBND</p></td><td><p>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p><p>Độc lập - Tự do - Hạnh phúc</p><p>Đông Khê, ngày 02 tháng 4 năm 2026</p></td></tr></table>
<p align="center"><b>KẾ HOẠCH</b></p>
<p align="center"><b>Triển khai nhiệm vụ chuyển đổi số năm 2026</b></p>
<p>Căn cứ Kế hoạch số 40/KH-UBND ngày 10/02/2026 của Ủy ban nhân dân tỉnh Cao Bằng về chuyển đổi số năm 2026, Ủy ban nhân dân xã Đông Khê ban hành Kế hoạch như sau:</p>
<p><b>I. NHIỆM VỤ</b></p>
<p>Các nhiệm vụ, sản phẩm, cơ quan chủ trì và thời gian hoàn thành tại Phụ lục kèm theo.</p>
<p><b>II. TỔ CHỨC THỰC HIỆN</b></p>
<p>Các cơ quan được giao chủ trì báo cáo kết quả về Văn phòng HĐND và UBND xã trước ngày 20 hằng tháng.</p>
<p align="right"><b>CHỦ TỊCH</b></p>
<p style="page-break-before: always" align="center"><b>PHỤ LỤC</b></p>
<p align="center"><b>DANH MỤC NHIỆM VỤ CHUYỂN ĐỔI SỐ NĂM 2026</b></p>
<p align="center">(Kèm theo Kế hoạch số 64/KH-UBND ngày 02/4/2026 của UBND xã Đông Khê)</p>
"""


def cell(s, bold=False, w=None):
    s = s.replace("\n", "<br>")
    if bold:
        s = "<b>" + s + "</b>"
    width = f' width="{w}"' if w else ""
    return f"<td{width}>{s}</td>"


def build():
    rows = ["<tr>" + "".join(cell(h, True, w) for h, w in [
        ("TT", "5%"), ("Nhiệm vụ", "29%"), ("Sản phẩm", "16%"), ("Cơ quan chủ trì", "14%"),
        ("Cơ quan phối hợp", "14%"), ("Thời gian hoàn thành", "11%"), ("Kinh phí", "11%")]) + "</tr>"]
    tasks, groups = [], []
    for gcode, gname, items in GROUPS:
        groups.append({"code": gcode, "name": gname})
        rows.append("<tr>" + cell(gcode, True) + cell(gname, True) + "".join(cell("") for _ in range(5)) + "</tr>")
        for code, name, out, lead, support, due_text, due, fund in items:
            rows.append("<tr>" + cell(code) + cell(name) + cell(out) + cell(lead) + cell(";\n".join(support)) +
                        cell(due_text) + cell(fund) + "</tr>")
            tasks.append({"code": code, "group": gcode, "name": name, "lead": [lead], "support": support,
                          "outputs": [out], "due": due, "due_text": due_text, "funding": fund})
    html = HEAD + '<table border="1" cellspacing="0" cellpadding="4" style="border-collapse:collapse" width="100%">' + \
        "\n".join(rows) + "</table>\n</body></html>\n"
    plan = {"schema": "dti.plan/1", "title": "Kế hoạch Triển khai nhiệm vụ chuyển đổi số năm 2026",
            "commune": "Đông Khê", "province": "Cao Bằng", "number": "64/KH-UBND", "issued": "2026-04-02",
            "groups": groups, "indicators": [], "tasks": tasks}
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
