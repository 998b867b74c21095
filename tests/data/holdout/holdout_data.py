"""Plans by other writers: six invented communes' plans (none is a real
document) of the same layout families as tests/data/plans, written as another
commune's office would write them — other headers ("Đơn vị chủ trì",
"Kết quả đầu ra", "Lộ trình thực hiện", "Chỉ tiêu đến năm 2030"), columns in
another order, letter groups, targets "≥ 90%", "Tối thiểu 3 hệ thống",
units split by line breaks, "Kinh phí" and "Ghi chú" columns, a reporting
regime in prose, a group column merged down, a workbook with one sheet per
pillar. The extractor was NOT tuned on them: they measure how it does on
plans it has never seen (docs/internals/import.md, "plans by other writers").

The expected extraction of each (EXPECTED) is hand-written after the spec
(../../../../shared/spec/plan-json.md), never derived from the blocks.
Used by make_holdout.py, which renders them with make_fixtures.py's code."""


def heading(unit, number, date_line):
    return ("head", ["ỦY BAN NHÂN DÂN", unit, "Số: " + number],
            ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", date_line])


PVX = "Phòng Văn hóa - Xã hội"
VP = "Văn phòng HĐND và UBND xã"
TTHC = "Trung tâm Phục vụ hành chính công xã"
PKT = "Phòng Kinh tế"


def FIXTURES(m):
    tg, ind, task, plan = m.tg, m.ind, m.task, m.plan
    out = []

    # ---- 1. one header row, columns in another order (target after the
    #         units), letter groups A/B/C over codes 1..8 that run on, units
    #         split by line breaks, "≥ 90%", "Tối thiểu 3 hệ thống", "Dưới 5%"
    out.append({
        "name": "phuoc-thinh-2026",
        "xlsx": True,
        "blocks": [
            heading("XÃ PHƯỚC THỊNH", "27/KH-UBND", "Phước Thịnh, ngày 03 tháng 3 năm 2026"),
            ("c", "KẾ HOẠCH"),
            ("c", "Triển khai chuyển đổi số xã Phước Thịnh năm 2026"),
            ("p", "Căn cứ Kế hoạch số 40/KH-UBND ngày 10/02/2026 của UBND tỉnh Đồng Nai về chuyển đổi số năm "
                  "2026; UBND xã Phước Thịnh xây dựng Kế hoạch triển khai như sau:"),
            ("b", "I. MỤC ĐÍCH, YÊU CẦU"),
            ("li", "Xác định rõ chỉ tiêu, đơn vị chủ trì và thời hạn hoàn thành."),
            ("b", "II. CHỈ TIÊU"),
            ("p", "Phấn đấu năm 2026 có 100% thủ tục hành chính đủ điều kiện được cung cấp dịch vụ công trực "
                  "tuyến toàn trình; các chỉ tiêu cụ thể tại Phụ lục kèm theo."),
            ("b", "III. TỔ CHỨC THỰC HIỆN"),
            ("p", "Định kỳ 6 tháng, hằng năm, các đơn vị báo cáo kết quả thực hiện về Phòng Văn hóa - Xã hội "
                  "để tổng hợp, báo cáo UBND xã."),
            ("b", "CHỦ TỊCH"),
            ("appendix_start",),
            ("c", "PHỤ LỤC"),
            ("c", "CHỈ TIÊU CHUYỂN ĐỔI SỐ NĂM 2026 XÃ PHƯỚC THỊNH"),
            ("p", "(Kèm theo Kế hoạch số 27/KH-UBND ngày 03/3/2026 của UBND xã Phước Thịnh)"),
            ("table", {
                "head": [["Số TT", "Tên chỉ tiêu", "Đơn vị chủ trì", "Đơn vị phối hợp", "Chỉ tiêu năm 2026",
                          "Thời hạn hoàn thành"]],
                "rows": [
                    ["A", "Chuyển đổi số trong cơ quan nhà nước", "", "", "", ""],
                    ["1", "Tỷ lệ văn bản điện tử được ký số", VP, "Các phòng chuyên môn\nCác đơn vị sự nghiệp",
                     "≥ 90%", "Tháng 12/2026"],
                    ["2", "Số hệ thống thông tin dùng chung được kết nối, liên thông", VP, TTHC,
                     "Tối thiểu 3 hệ thống", "Quý III/2026"],
                    ["3", "Tỷ lệ thủ tục hành chính đủ điều kiện được cung cấp dịch vụ công trực tuyến toàn trình",
                     TTHC, "Các phòng chuyên môn", "100%", "Tháng 6/2026"],
                    ["B", "Kinh tế số", "", "", "", ""],
                    ["4", "Tỷ lệ hộ sản xuất nông nghiệp ứng dụng nền tảng số", PKT,
                     "Hội Nông dân xã; Hợp tác xã dịch vụ nông nghiệp", "Đạt 30%", "Năm 2026"],
                    ["5", "Tỷ lệ giao dịch thanh toán không dùng tiền mặt tại chợ xã", PKT,
                     "Ban quản lý chợ\nCác ngân hàng thương mại", "Trên 50%", "Tháng 12/2026"],
                    ["C", "Xã hội số", "", "", "", ""],
                    ["6", "Tỷ lệ người dân trưởng thành có tài khoản định danh điện tử mức độ 2", "Công an xã",
                     "Các thôn, ấp", "Đạt 95%", "Tháng 9/2026"],
                    ["7", "Tỷ lệ hồ sơ sức khỏe điện tử của người dân chưa được cập nhật", "Trạm Y tế xã",
                     "Các thôn, ấp", "Dưới 5%", "Thường xuyên"],
                    ["8", "Số lớp tập huấn kỹ năng số cho người dân", PVX,
                     "Đoàn Thanh niên xã\nHội Liên hiệp Phụ nữ xã", "12 lớp", "Quý IV/2026"],
                ],
                "cut": (9, 5),
            }),
        ],
        "expected": plan(
            "Kế hoạch Triển khai chuyển đổi số xã Phước Thịnh năm 2026", "Phước Thịnh", "Đồng Nai",
            "27/KH-UBND", "2026-03-03",
            [("A", "Chuyển đổi số trong cơ quan nhà nước"), ("B", "Kinh tế số"), ("C", "Xã hội số")],
            [
                ind("1", "A", "Tỷ lệ văn bản điện tử được ký số", [tg(2026, ">=", 90, "%", "≥ 90%")],
                    [VP], ["Các phòng chuyên môn", "Các đơn vị sự nghiệp"], "2026-12", "Tháng 12/2026"),
                ind("2", "A", "Số hệ thống thông tin dùng chung được kết nối, liên thông",
                    [tg(2026, ">=", 3, "hệ thống", "Tối thiểu 3 hệ thống")], [VP], [TTHC], "2026-Q3",
                    "Quý III/2026"),
                ind("3", "A", "Tỷ lệ thủ tục hành chính đủ điều kiện được cung cấp dịch vụ công trực tuyến toàn trình",
                    [tg(2026, ">=", 100, "%", "100%")], [TTHC], ["Các phòng chuyên môn"], "2026-06", "Tháng 6/2026"),
                ind("4", "B", "Tỷ lệ hộ sản xuất nông nghiệp ứng dụng nền tảng số",
                    [tg(2026, ">=", 30, "%", "Đạt 30%")], [PKT],
                    ["Hội Nông dân xã", "Hợp tác xã dịch vụ nông nghiệp"], "2026", "Năm 2026"),
                ind("5", "B", "Tỷ lệ giao dịch thanh toán không dùng tiền mặt tại chợ xã",
                    [tg(2026, ">", 50, "%", "Trên 50%")], [PKT], ["Ban quản lý chợ", "Các ngân hàng thương mại"],
                    "2026-12", "Tháng 12/2026"),
                ind("6", "C", "Tỷ lệ người dân trưởng thành có tài khoản định danh điện tử mức độ 2",
                    [tg(2026, ">=", 95, "%", "Đạt 95%")], ["Công an xã"], ["Các thôn, ấp"], "2026-09",
                    "Tháng 9/2026"),
                ind("7", "C", "Tỷ lệ hồ sơ sức khỏe điện tử của người dân chưa được cập nhật",
                    [tg(2026, "<", 5, "%", "Dưới 5%")], ["Trạm Y tế xã"], ["Các thôn, ấp"], "recurring",
                    "Thường xuyên"),
                ind("8", "C", "Số lớp tập huấn kỹ năng số cho người dân", [tg(2026, ">=", 12, "lớp", "12 lớp")],
                    [PVX], ["Đoàn Thanh niên xã", "Hội Liên hiệp Phụ nữ xã"], "2026-Q4", "Quý IV/2026"),
            ], []),
    })

    # ---- 2. "Nội dung nhiệm vụ" whose rows partly state targets, with
    #         "Kết quả đầu ra", "Lộ trình thực hiện", "Kinh phí", "Ghi chú" ---
    DN = "Doanh nghiệp viễn thông trên địa bàn"
    out.append({
        "name": "cam-thach-2026",
        "xlsx": True,
        "blocks": [
            heading("XÃ CẨM THẠCH", "15/KH-UBND", "Cẩm Thạch, ngày 20 tháng 01 năm 2026"),
            ("c", "KẾ HOẠCH"),
            ("c", "Chuyển đổi số năm 2026 của xã Cẩm Thạch"),
            ("p", "Thực hiện Kế hoạch số 09/KH-UBND ngày 06/01/2026 của UBND tỉnh Hà Tĩnh về chuyển đổi số, "
                  "UBND xã Cẩm Thạch ban hành Kế hoạch chuyển đổi số năm 2026 như sau:"),
            ("b", "I. MỤC ĐÍCH, YÊU CẦU"),
            ("li", "Gắn nhiệm vụ chuyển đổi số với nhiệm vụ phát triển kinh tế - xã hội của xã."),
            ("b", "II. NHIỆM VỤ"),
            ("p", "Các nhiệm vụ, kết quả đầu ra và lộ trình thực hiện tại Phụ lục kèm theo."),
            ("b", "III. KINH PHÍ"),
            ("p", "Từ nguồn ngân sách xã năm 2026 và nguồn hỗ trợ của tỉnh."),
            ("b", "IV. TỔ CHỨC THỰC HIỆN"),
            ("p", "Các đơn vị chủ trì báo cáo kết quả về Văn phòng HĐND và UBND xã trước ngày 25 của tháng "
                  "cuối quý."),
            ("b", "CHỦ TỊCH"),
            ("appendix_start",),
            ("c", "PHỤ LỤC"),
            ("c", "DANH MỤC NHIỆM VỤ CHUYỂN ĐỔI SỐ NĂM 2026"),
            ("p", "(Kèm theo Kế hoạch số 15/KH-UBND ngày 20/01/2026 của UBND xã Cẩm Thạch)"),
            ("table", {
                "head": [["TT", "Nội dung nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Kết quả đầu ra",
                          "Lộ trình thực hiện", "Kinh phí", "Ghi chú"]],
                "rows": [
                    ["I", "Phát triển hạ tầng số", "", "", "", "", "", ""],
                    ["1", "Lắp đặt hệ thống Wi-Fi công cộng tại trụ sở UBND xã và nhà văn hóa các thôn", VP, DN,
                     "Hệ thống Wi-Fi hoạt động", "Quý II/2026", "Ngân sách xã", "Ưu tiên thôn vùng sâu"],
                    ["2", "Tỷ lệ thôn được phủ sóng băng rộng di động đạt 100%", PVX, DN,
                     "Báo cáo rà soát vùng lõm sóng", "Tháng 10/2026", "", ""],
                    ["II", "Phát triển chính quyền số", "", "", "", "", "", ""],
                    ["1", "Tỷ lệ hồ sơ công việc tại UBND xã được xử lý trên môi trường mạng đạt tối thiểu 95%",
                     VP, "Các phòng, ban, đơn vị", "Báo cáo thống kê hằng quý", "Thường xuyên", "", ""],
                    ["2", "Số hóa kết quả giải quyết thủ tục hành chính còn hiệu lực", TTHC,
                     VP + "; " + PKT, "- Dữ liệu được số hóa\n- Báo cáo kết quả", "Tháng 11/2026",
                     "Ngân sách xã", "Theo hướng dẫn của tỉnh"],
                    ["3", "Triển khai phần mềm quản lý văn bản và hồ sơ công việc phiên bản mới", VP,
                     "Viễn thông Hà Tĩnh", "Phần mềm được đưa vào sử dụng", "Trong năm 2026", "Ngân sách tỉnh", ""],
                    ["III", "Phát triển xã hội số", "", "", "", "", "", ""],
                    ["1", "Thành lập Tổ công nghệ số cộng đồng tại các thôn còn thiếu", PVX,
                     "Ban công tác Mặt trận các thôn", "Quyết định thành lập", "Tháng 3/2026", "", ""],
                    ["2", "Tỷ lệ người dân từ 15 tuổi trở lên có chữ ký số hoặc chữ ký điện tử cá nhân trên 40%",
                     "Công an xã", "Các thôn", "Báo cáo kết quả", "Tháng 12/2026", "", ""],
                ],
                "cut": (5, 0),
            }),
        ],
        "expected": plan(
            "Kế hoạch Chuyển đổi số năm 2026 của xã Cẩm Thạch", "Cẩm Thạch", "Hà Tĩnh", "15/KH-UBND",
            "2026-01-20",
            [("I", "Phát triển hạ tầng số"), ("II", "Phát triển chính quyền số"), ("III", "Phát triển xã hội số")],
            [
                ind("2", "I", "Tỷ lệ thôn được phủ sóng băng rộng di động", [tg(2026, ">=", 100, "%", "đạt 100%")],
                    [PVX], [DN], "2026-10", "Tháng 10/2026"),
                ind("1", "II", "Tỷ lệ hồ sơ công việc tại UBND xã được xử lý trên môi trường mạng",
                    [tg(2026, ">=", 95, "%", "đạt tối thiểu 95%")], [VP], ["Các phòng, ban, đơn vị"], "recurring",
                    "Thường xuyên"),
                ind("2", "III", "Tỷ lệ người dân từ 15 tuổi trở lên có chữ ký số hoặc chữ ký điện tử cá nhân",
                    [tg(2026, ">", 40, "%", "trên 40%")], ["Công an xã"], ["Các thôn"], "2026-12",
                    "Tháng 12/2026"),
            ],
            [
                task("1", "I", "Lắp đặt hệ thống Wi-Fi công cộng tại trụ sở UBND xã và nhà văn hóa các thôn", [VP],
                     [DN], ["Hệ thống Wi-Fi hoạt động"], "2026-Q2", "Quý II/2026", "Ngân sách xã"),
                task("2", "II", "Số hóa kết quả giải quyết thủ tục hành chính còn hiệu lực", [TTHC], [VP, PKT],
                     ["Dữ liệu được số hóa", "Báo cáo kết quả"], "2026-11", "Tháng 11/2026", "Ngân sách xã"),
                task("3", "II", "Triển khai phần mềm quản lý văn bản và hồ sơ công việc phiên bản mới", [VP],
                     ["Viễn thông Hà Tĩnh"], ["Phần mềm được đưa vào sử dụng"], "2026", "Trong năm 2026",
                     "Ngân sách tỉnh"),
                task("1", "III", "Thành lập Tổ công nghệ số cộng đồng tại các thôn còn thiếu", [PVX],
                     ["Ban công tác Mặt trận các thôn"], ["Quyết định thành lập"], "2026-03", "Tháng 3/2026"),
            ]),
    })

    # ---- 3. two header rows: "Mục tiêu" over "Năm 2026 | Đến năm 2030",
    #         "Phân công thực hiện" over "Đơn vị chủ trì | Đơn vị phối hợp" --
    out.append({
        "name": "my-hoa-2026",
        "xlsx": True,
        "blocks": [
            heading("XÃ MỸ HÒA", "58/KH-UBND", "Mỹ Hòa, ngày 26 tháng 02 năm 2026"),
            ("c", "KẾ HOẠCH"),
            ("c", "Chuyển đổi số xã Mỹ Hòa năm 2026 và định hướng đến năm 2030"),
            ("p", "Căn cứ Kế hoạch số 25/KH-UBND ngày 30/01/2026 của UBND tỉnh Vĩnh Long, UBND xã Mỹ Hòa ban "
                  "hành Kế hoạch như sau:"),
            ("b", "I. MỤC TIÊU"),
            ("p", "Các chỉ tiêu năm 2026 và đến năm 2030 tại Phụ lục kèm theo Kế hoạch này."),
            ("b", "II. TỔ CHỨC THỰC HIỆN"),
            ("p", "Các đơn vị được giao chủ trì báo cáo kết quả thực hiện về Phòng Văn hóa - Xã hội trước ngày "
                  "15 tháng 12 hằng năm."),
            ("b", "CHỦ TỊCH"),
            ("appendix_start",),
            ("c", "PHỤ LỤC"),
            ("c", "CHỈ TIÊU CHUYỂN ĐỔI SỐ XÃ MỸ HÒA"),
            ("p", "(Kèm theo Kế hoạch số 58/KH-UBND ngày 26/02/2026 của UBND xã Mỹ Hòa)"),
            ("table", {
                "head": [[("STT", 1, 2), ("Chỉ tiêu", 1, 2), ("Mục tiêu", 2, 1), ("Phân công thực hiện", 2, 1),
                          ("Thời gian hoàn thành", 1, 2)],
                         ["Năm 2026", "Đến năm 2030", "Đơn vị chủ trì", "Đơn vị phối hợp"]],
                "rows": [
                    ["1", "Hạ tầng số", "", "", "", "", ""],
                    ["1.1", "Tỷ lệ hộ gia đình có kết nối Internet băng rộng cố định", "70%", "≥ 90%", PVX,
                     "Các doanh nghiệp viễn thông", "Tháng 12/2026"],
                    ["1.2", "Tỷ lệ camera giám sát an ninh được kết nối về Công an xã", "50%", "100%", "Công an xã",
                     "Các ấp\n" + PKT, "Năm 2030"],
                    ["2", "Chính quyền số", "", "", "", "", ""],
                    ["2.1", "Tỷ lệ hồ sơ thủ tục hành chính được số hóa kết quả giải quyết", "Đạt 80%", "Đạt 100%",
                     TTHC, "Các phòng chuyên môn", "Thường xuyên"],
                    ["2.2", "Tỷ lệ cán bộ, công chức xã sử dụng chữ ký số chuyên dùng", "100%", "100%", VP,
                     "Các phòng, ban", "Tháng 6/2026"],
                    ["2.3", "Số cuộc họp trực tuyến giữa xã và các ấp", "Tối thiểu 4 cuộc/năm",
                     "Tối thiểu 12 cuộc/năm", VP, "Các ấp", "Hằng năm"],
                    ["3", "Kinh tế số", "", "", "", "", ""],
                    ["3.1", "Số sản phẩm OCOP được giới thiệu trên sàn thương mại điện tử", "05 sản phẩm",
                     "15 sản phẩm", PKT, "Các hợp tác xã; Các hộ sản xuất", "Quý IV/2026"],
                    ["3.2", "Tỷ lệ doanh nghiệp, hộ kinh doanh sử dụng hóa đơn điện tử", "Trên 70%", "Trên 95%",
                     PKT, "Thuế cơ sở", "Tháng 12/2026"],
                ],
            }),
        ],
        "expected": plan(
            "Kế hoạch Chuyển đổi số xã Mỹ Hòa năm 2026 và định hướng đến năm 2030", "Mỹ Hòa", "Vĩnh Long",
            "58/KH-UBND", "2026-02-26",
            [("1", "Hạ tầng số"), ("2", "Chính quyền số"), ("3", "Kinh tế số")],
            [
                ind("1.1", "1", "Tỷ lệ hộ gia đình có kết nối Internet băng rộng cố định",
                    [tg(2026, ">=", 70, "%", "70%"), tg(2030, ">=", 90, "%", "≥ 90%")], [PVX],
                    ["Các doanh nghiệp viễn thông"], "2026-12", "Tháng 12/2026"),
                ind("1.2", "1", "Tỷ lệ camera giám sát an ninh được kết nối về Công an xã",
                    [tg(2026, ">=", 50, "%", "50%"), tg(2030, ">=", 100, "%", "100%")], ["Công an xã"],
                    ["Các ấp", PKT], "2030", "Năm 2030"),
                ind("2.1", "2", "Tỷ lệ hồ sơ thủ tục hành chính được số hóa kết quả giải quyết",
                    [tg(2026, ">=", 80, "%", "Đạt 80%"), tg(2030, ">=", 100, "%", "Đạt 100%")], [TTHC],
                    ["Các phòng chuyên môn"], "recurring", "Thường xuyên"),
                ind("2.2", "2", "Tỷ lệ cán bộ, công chức xã sử dụng chữ ký số chuyên dùng",
                    [tg(2026, ">=", 100, "%", "100%"), tg(2030, ">=", 100, "%", "100%")], [VP], ["Các phòng, ban"],
                    "2026-06", "Tháng 6/2026"),
                ind("2.3", "2", "Số cuộc họp trực tuyến giữa xã và các ấp",
                    [tg(2026, ">=", 4, "cuộc/năm", "Tối thiểu 4 cuộc/năm"),
                     tg(2030, ">=", 12, "cuộc/năm", "Tối thiểu 12 cuộc/năm")], [VP], ["Các ấp"], "recurring",
                    "Hằng năm"),
                ind("3.1", "3", "Số sản phẩm OCOP được giới thiệu trên sàn thương mại điện tử",
                    [tg(2026, ">=", 5, "sản phẩm", "05 sản phẩm"), tg(2030, ">=", 15, "sản phẩm", "15 sản phẩm")],
                    [PKT], ["Các hợp tác xã", "Các hộ sản xuất"], "2026-Q4", "Quý IV/2026"),
                ind("3.2", "3", "Tỷ lệ doanh nghiệp, hộ kinh doanh sử dụng hóa đơn điện tử",
                    [tg(2026, ">", 70, "%", "Trên 70%"), tg(2030, ">", 95, "%", "Trên 95%")], [PKT],
                    ["Thuế cơ sở"], "2026-12", "Tháng 12/2026"),
            ], []),
    })

    # ---- 4. prose targets under "Chỉ tiêu đến năm 2030" ("- …", "≥"),
    #         reporting "Định kỳ 6 tháng, hằng năm"; a task appendix with
    #         "Kết quả đầu ra" and "Lộ trình thực hiện" -------------------------
    out.append({
        "name": "dong-linh-2025-2030",
        "xlsx": False,
        "blocks": [
            heading("XÃ ĐÔNG LĨNH", "131/KH-UBND", "Đông Lĩnh, ngày 22 tháng 12 năm 2025"),
            ("c", "KẾ HOẠCH"),
            ("c", "Chuyển đổi số xã Đông Lĩnh giai đoạn 2025 - 2030"),
            ("p", "Căn cứ Kế hoạch số 288/KH-UBND ngày 05/12/2025 của UBND tỉnh Quảng Trị về chuyển đổi số giai "
                  "đoạn 2025 - 2030, UBND xã Đông Lĩnh ban hành Kế hoạch như sau:"),
            ("b", "I. MỤC TIÊU"),
            ("b", "1. Mục tiêu tổng quát"),
            ("p", "Phát triển chính quyền số, kinh tế số và xã hội số, nâng cao chất lượng phục vụ người dân."),
            ("b", "2. Chỉ tiêu đến năm 2030"),
            ("li", "Tỷ lệ hồ sơ thủ tục hành chính được giải quyết trực tuyến toàn trình đạt tối thiểu 70% vào năm "
                   "2027 và 95% vào năm 2030."),
            ("li", "100% trường học trên địa bàn xã triển khai sổ liên lạc điện tử."),
            ("li", "Tỷ lệ người dân được lập hồ sơ sức khỏe điện tử: đạt trên 90%."),
            ("li", "Số hộ nông dân bán sản phẩm qua sàn thương mại điện tử đạt tối thiểu 200 hộ."),
            ("li", "Tỷ lệ thôn có điểm truy cập Internet công cộng miễn phí ≥ 80%."),
            ("b", "II. NHIỆM VỤ, GIẢI PHÁP"),
            ("p", "Các nhiệm vụ cụ thể tại Phụ lục kèm theo Kế hoạch này."),
            ("b", "III. TỔ CHỨC THỰC HIỆN"),
            ("p", "Định kỳ 6 tháng, hằng năm, các cơ quan, đơn vị báo cáo kết quả thực hiện về Phòng Văn hóa - "
                  "Xã hội trước ngày 15/6 và ngày 15/12 để tổng hợp."),
            ("b", "CHỦ TỊCH"),
            ("c", "PHỤ LỤC"),
            ("c", "NHIỆM VỤ CHUYỂN ĐỔI SỐ XÃ ĐÔNG LĨNH GIAI ĐOẠN 2025 - 2030"),
            ("p", "(Kèm theo Kế hoạch số 131/KH-UBND ngày 22/12/2025 của UBND xã Đông Lĩnh)"),
            ("table", {
                "head": [["STT", "Nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Kết quả đầu ra",
                          "Lộ trình thực hiện"]],
                "rows": [
                    ["1", "Xây dựng và ban hành Kế hoạch chuyển đổi số hằng năm của xã", PVX, "Các phòng chuyên môn",
                     "Kế hoạch được ban hành", "Thường xuyên"],
                    ["2", "Triển khai hệ thống truyền thanh thông minh tại các thôn", VP,
                     "Các thôn\nDoanh nghiệp viễn thông", "Hệ thống truyền thanh thông minh", "Năm 2027"],
                    ["3", "Đào tạo kỹ năng số cho cán bộ, công chức xã", VP, "Các phòng chuyên môn",
                     "- Các lớp đào tạo\n- Báo cáo kết quả", "Quý III/2026"],
                    ["4", "Số hóa sổ hộ tịch lưu trữ tại xã", VP, "Công an xã", "Cơ sở dữ liệu hộ tịch điện tử",
                     "2026 - 2027"],
                ],
            }),
        ],
        "expected": plan(
            "Kế hoạch Chuyển đổi số xã Đông Lĩnh giai đoạn 2025 - 2030", "Đông Lĩnh", "Quảng Trị", "131/KH-UBND",
            "2025-12-22",
            [("2", "Chỉ tiêu đến năm 2030")],
            [
                ind("T1", "2", "Tỷ lệ hồ sơ thủ tục hành chính được giải quyết trực tuyến toàn trình",
                    [tg(2027, ">=", 70, "%", "đạt tối thiểu 70% vào năm 2027"),
                     tg(2030, ">=", 95, "%", "95% vào năm 2030")]),
                ind("T2", "2", "Trường học trên địa bàn xã triển khai sổ liên lạc điện tử",
                    [tg(2030, ">=", 100, "%", "100%")]),
                ind("T3", "2", "Tỷ lệ người dân được lập hồ sơ sức khỏe điện tử", [tg(2030, ">", 90, "%", "đạt trên 90%")]),
                ind("T4", "2", "Số hộ nông dân bán sản phẩm qua sàn thương mại điện tử",
                    [tg(2030, ">=", 200, "hộ", "đạt tối thiểu 200 hộ")]),
                ind("T5", "2", "Tỷ lệ thôn có điểm truy cập Internet công cộng miễn phí", [tg(2030, ">=", 80, "%", "≥ 80%")]),
            ],
            [
                task("1", None, "Xây dựng và ban hành Kế hoạch chuyển đổi số hằng năm của xã", [PVX],
                     ["Các phòng chuyên môn"], ["Kế hoạch được ban hành"], "recurring", "Thường xuyên"),
                task("2", None, "Triển khai hệ thống truyền thanh thông minh tại các thôn", [VP],
                     ["Các thôn", "Doanh nghiệp viễn thông"], ["Hệ thống truyền thanh thông minh"], "2027", "Năm 2027"),
                task("3", None, "Đào tạo kỹ năng số cho cán bộ, công chức xã", [VP], ["Các phòng chuyên môn"],
                     ["Các lớp đào tạo", "Báo cáo kết quả"], "2026-Q3", "Quý III/2026"),
                task("4", None, "Số hóa sổ hộ tịch lưu trữ tại xã", [VP], ["Công an xã"],
                     ["Cơ sở dữ liệu hộ tịch điện tử"], "2027", "2026 - 2027"),
            ]),
    })

    # ---- 5. "Đơn vị tính", a baseline "Thực hiện năm 2025", year columns
    #         headed by the bare year, a "Ghi chú" column; the workbook has
    #         the title in merged cells and one sheet per pillar ------------
    YEARS = ["2026", "2027", "2028", "2029", "2030"]
    rows5 = [
        ["I", "Chính quyền số", "", "", "", "", "", "", "", "", "", ""],
        ["1", "Tỷ lệ hồ sơ thủ tục hành chính nộp trực tuyến", "%", "65", "75", "80", "85", "90", "95", TTHC,
         "Các phòng chuyên môn", ""],
        ["2", "Số cơ sở dữ liệu chuyên ngành được cập nhật thường xuyên", "cơ sở dữ liệu", "2", "3", "4", "5",
         "6", "6", VP, "Các phòng chuyên môn", ""],
        ["II", "Kinh tế số", "", "", "", "", "", "", "", "", "", ""],
        ["1", "Tỷ lệ hộ kinh doanh có tài khoản thanh toán điện tử", "%", "48,5", "55", "62", "70", "-", "80",
         PKT, "Các ngân hàng thương mại", "Năm 2029 đánh giá giữa kỳ"],
        ["2", "Doanh thu bán hàng qua thương mại điện tử của các hợp tác xã", "triệu đồng", "850", "1.000",
         "1.200", "1.500", "1.800", "2.000", PKT, "Các hợp tác xã", ""],
        ["III", "Xã hội số", "", "", "", "", "", "", "", "", "", ""],
        ["1", "Tỷ lệ người dân trưởng thành sử dụng điện thoại thông minh", "%", "78", "82", "85", "88", "90",
         "92", PVX, "Các doanh nghiệp viễn thông", ""],
        ["2", "Số lượt người dân được phổ cập kỹ năng số", "lượt người", "900", "1.500", "2.200", "3.000",
         "3.800", "4.500", PVX, "Đoàn Thanh niên xã; Hội Liên hiệp Phụ nữ xã", ""],
    ]

    def yearly(vals, unit):
        out_ = []
        for y, v in zip(range(2026, 2031), vals):
            if v == "-":
                continue
            num = float(v.replace(".", "").replace(",", "."))
            out_.append(tg(y, ">=", int(num) if num == int(num) else num, unit, v))
        return out_
    head5 = ["TT", "Chỉ tiêu", "Đơn vị tính", "Thực hiện năm 2025"] + YEARS + ["Đơn vị chủ trì",
                                                                               "Đơn vị phối hợp", "Ghi chú"]
    out.append({
        "name": "huong-tra-2026-2030",
        "xlsx": "sheets",
        "title": ["LỘ TRÌNH THỰC HIỆN CHỈ TIÊU CHUYỂN ĐỔI SỐ XÃ HƯƠNG TRÀ GIAI ĐOẠN 2026 - 2030",
                  "(Kèm theo Kế hoạch số 71/KH-UBND ngày 12/02/2026 của UBND xã Hương Trà)"],
        "blocks": [
            heading("XÃ HƯƠNG TRÀ", "71/KH-UBND", "Hương Trà, ngày 12 tháng 02 năm 2026"),
            ("c", "KẾ HOẠCH"),
            ("c", "Chuyển đổi số xã Hương Trà giai đoạn 2026 - 2030"),
            ("p", "Thực hiện Kế hoạch số 21/KH-UBND ngày 20/01/2026 của UBND tỉnh Quảng Ngãi về chuyển đổi số "
                  "giai đoạn 2026 - 2030, UBND xã Hương Trà ban hành Kế hoạch như sau:"),
            ("b", "I. MỤC TIÊU"),
            ("p", "Lộ trình thực hiện các chỉ tiêu từng năm tại Phụ lục kèm theo."),
            ("b", "II. TỔ CHỨC THỰC HIỆN"),
            ("p", "Định kỳ 6 tháng, hằng năm, các đơn vị chủ trì báo cáo kết quả về Phòng Văn hóa - Xã hội."),
            ("b", "CHỦ TỊCH"),
            ("appendix_start",),
            ("c", "PHỤ LỤC"),
            ("c", "LỘ TRÌNH THỰC HIỆN CHỈ TIÊU CHUYỂN ĐỔI SỐ XÃ HƯƠNG TRÀ GIAI ĐOẠN 2026 - 2030"),
            ("p", "(Kèm theo Kế hoạch số 71/KH-UBND ngày 12/02/2026 của UBND xã Hương Trà)"),
            ("table", {"head": [head5], "rows": rows5, "cut": (4, 0)}),
        ],
        "expected": plan(
            "Kế hoạch Chuyển đổi số xã Hương Trà giai đoạn 2026 - 2030", "Hương Trà", "Quảng Ngãi", "71/KH-UBND",
            "2026-02-12",
            [("I", "Chính quyền số"), ("II", "Kinh tế số"), ("III", "Xã hội số")],
            [
                ind(r[0], g, r[1], yearly(r[4:9], r[2]), [r[9]],
                    [x.strip() for x in r[10].split(";")])
                for g, r in [("I", rows5[1]), ("I", rows5[2]), ("II", rows5[4]), ("II", rows5[5]),
                             ("III", rows5[7]), ("III", rows5[8])]
            ], []),
    })

    # ---- 6. a Word table whose first column "Nhóm chỉ tiêu" is merged down
    #         over its rows (no group rows), separate lead/support columns,
    #         target column "Kế hoạch năm 2026" ------------------------------
    out.append({
        "name": "thach-ban-2026",
        "xlsx": True,
        "blocks": [
            heading("XÃ THẠCH BÀN", "09/KH-UBND", "Thạch Bàn, ngày 14 tháng 01 năm 2026"),
            ("c", "KẾ HOẠCH"),
            ("c", "Nâng cao chỉ số chuyển đổi số của xã Thạch Bàn năm 2026"),
            ("p", "Thực hiện Kế hoạch số 05/KH-UBND ngày 07/01/2026 của UBND tỉnh Cao Bằng, UBND xã Thạch Bàn "
                  "ban hành Kế hoạch như sau:"),
            ("b", "I. CHỈ TIÊU"),
            ("p", "Các chỉ tiêu và phân công thực hiện tại Phụ lục kèm theo."),
            ("b", "II. TỔ CHỨC THỰC HIỆN"),
            ("p", "Các đơn vị báo cáo kết quả thực hiện về Văn phòng HĐND và UBND xã trước ngày 20 hằng tháng."),
            ("b", "CHỦ TỊCH"),
            ("appendix_start",),
            ("c", "PHỤ LỤC"),
            ("c", "CHỈ TIÊU NÂNG CAO CHỈ SỐ CHUYỂN ĐỔI SỐ NĂM 2026"),
            ("p", "(Kèm theo Kế hoạch số 09/KH-UBND ngày 14/01/2026 của UBND xã Thạch Bàn)"),
            ("table", {
                "head": [["Nhóm chỉ tiêu", "TT", "Tên chỉ tiêu", "Kế hoạch năm 2026", "Đơn vị chủ trì",
                          "Đơn vị phối hợp", "Thời hạn"]],
                "codecol": 1, "namecol": 2,
                "rows": [
                    [("Nhận thức số", 1, 2), "1", "Tỷ lệ cán bộ, công chức xã được bồi dưỡng về chuyển đổi số",
                     "100%", PVX, VP, "Tháng 6/2026"],
                    ["2", "Số tin, bài tuyên truyền về chuyển đổi số trên trang thông tin điện tử của xã",
                     "Tối thiểu 48 tin, bài", PVX, "Các thôn", "Thường xuyên"],
                    [("Thể chế số", 1, 2), "3", "Tỷ lệ nhiệm vụ chuyển đổi số được giao hoàn thành đúng hạn",
                     "≥ 95%", VP, "Các phòng, ban, đơn vị", "Tháng 12/2026"],
                    ["4", "Số văn bản chỉ đạo, điều hành về chuyển đổi số được ban hành", "Tối thiểu 3 văn bản",
                     VP, PVX, "Quý II/2026"],
                    [("Hạ tầng số", 1, 3), "5", "Tỷ lệ thôn có cáp quang đến trung tâm thôn", "Đạt 100%", PVX,
                     "Các doanh nghiệp viễn thông\nCác thôn", "Tháng 9/2026"],
                    ["6", "Tỷ lệ máy tính của cơ quan được cài phần mềm phòng, chống mã độc", "100%", VP,
                     "Công an xã", "Tháng 3/2026"],
                    ["7", "Tỷ lệ sự cố mất kết nối mạng kéo dài trên 24 giờ", "Không quá 2%", VP,
                     "Các doanh nghiệp viễn thông", "Thường xuyên"],
                ],
            }),
        ],
        "expected": plan(
            "Kế hoạch Nâng cao chỉ số chuyển đổi số của xã Thạch Bàn năm 2026", "Thạch Bàn", "Cao Bằng",
            "09/KH-UBND", "2026-01-14",
            [("1", "Nhận thức số"), ("2", "Thể chế số"), ("3", "Hạ tầng số")],
            [
                ind("1", "1", "Tỷ lệ cán bộ, công chức xã được bồi dưỡng về chuyển đổi số",
                    [tg(2026, ">=", 100, "%", "100%")], [PVX], [VP], "2026-06", "Tháng 6/2026"),
                ind("2", "1", "Số tin, bài tuyên truyền về chuyển đổi số trên trang thông tin điện tử của xã",
                    [tg(2026, ">=", 48, "tin, bài", "Tối thiểu 48 tin, bài")], [PVX], ["Các thôn"], "recurring",
                    "Thường xuyên"),
                ind("3", "2", "Tỷ lệ nhiệm vụ chuyển đổi số được giao hoàn thành đúng hạn",
                    [tg(2026, ">=", 95, "%", "≥ 95%")], [VP], ["Các phòng, ban, đơn vị"], "2026-12", "Tháng 12/2026"),
                ind("4", "2", "Số văn bản chỉ đạo, điều hành về chuyển đổi số được ban hành",
                    [tg(2026, ">=", 3, "văn bản", "Tối thiểu 3 văn bản")], [VP], [PVX], "2026-Q2", "Quý II/2026"),
                ind("5", "3", "Tỷ lệ thôn có cáp quang đến trung tâm thôn", [tg(2026, ">=", 100, "%", "Đạt 100%")],
                    [PVX], ["Các doanh nghiệp viễn thông", "Các thôn"], "2026-09", "Tháng 9/2026"),
                ind("6", "3", "Tỷ lệ máy tính của cơ quan được cài phần mềm phòng, chống mã độc",
                    [tg(2026, ">=", 100, "%", "100%")], [VP], ["Công an xã"], "2026-03", "Tháng 3/2026"),
                ind("7", "3", "Tỷ lệ sự cố mất kết nối mạng kéo dài trên 24 giờ",
                    [tg(2026, "<=", 2, "%", "Không quá 2%")], [VP], ["Các doanh nghiệp viễn thông"], "recurring",
                    "Thường xuyên"),
            ], []),
    })
    # ======== second round: written after the first round's fixes ========

    # ---- 7. roman parts over numbered groups over "1.1" items; the year
    #         columns in another order ("Chỉ tiêu đến năm 2030" before the
    #         2026 one) under two header rows with "Đơn vị thực hiện" over
    #         "Chủ trì | Phối hợp"; the due column before the units ---------
    out.append({
        "name": "nghia-trung-2026-2030",
        "xlsx": True,
        "blocks": [
            heading("XÃ NGHĨA TRUNG", "102/KH-UBND", "Nghĩa Trung, ngày 06 tháng 3 năm 2026"),
            ("c", "KẾ HOẠCH"),
            ("c", "Chuyển đổi số xã Nghĩa Trung năm 2026, định hướng đến năm 2030"),
            ("p", "Thực hiện Kế hoạch số 52/KH-UBND ngày 13/02/2026 của UBND tỉnh Gia Lai, UBND xã Nghĩa Trung "
                  "ban hành Kế hoạch như sau:"),
            ("b", "I. MỤC TIÊU"),
            ("p", "Các chỉ tiêu năm 2026 và đến năm 2030 tại Phụ lục kèm theo."),
            ("b", "II. TỔ CHỨC THỰC HIỆN"),
            ("p", "Giao Phòng Văn hóa - Xã hội chủ trì, theo dõi, tổng hợp kết quả thực hiện Kế hoạch; định kỳ "
                  "hằng quý báo cáo UBND xã trước ngày 20 của tháng cuối quý."),
            ("b", "CHỦ TỊCH"),
            ("appendix_start",),
            ("c", "PHỤ LỤC"),
            ("c", "CHỈ TIÊU CHUYỂN ĐỔI SỐ XÃ NGHĨA TRUNG"),
            ("p", "(Kèm theo Kế hoạch số 102/KH-UBND ngày 06/3/2026 của UBND xã Nghĩa Trung)"),
            ("table", {
                "head": [[("TT", 1, 2), ("Tên chỉ tiêu", 1, 2), ("Chỉ tiêu đến năm 2030", 1, 2),
                          ("Chỉ tiêu năm 2026", 1, 2), ("Thời gian thực hiện", 1, 2), ("Đơn vị thực hiện", 2, 1)],
                         ["Chủ trì", "Phối hợp"]],
                "rows": [
                    ["I", "CHÍNH QUYỀN SỐ", "", "", "", "", ""],
                    ["1", "Dịch vụ công trực tuyến", "", "", "", "", ""],
                    ["1.1", "Tỷ lệ hồ sơ thủ tục hành chính được nộp trực tuyến", "≥ 80%", "≥ 50%", "Thường xuyên",
                     TTHC, "Các phòng chuyên môn"],
                    ["1.2", "Tỷ lệ kết quả giải quyết thủ tục hành chính được trả bản điện tử", "100%", "Tối thiểu 70%",
                     "Tháng 12/2026", TTHC, "Các phòng chuyên môn"],
                    ["2", "Dữ liệu số", "", "", "", "", ""],
                    ["2.1", "Số cơ sở dữ liệu dùng chung của xã được xây dựng", "05 cơ sở dữ liệu",
                     "02 cơ sở dữ liệu", "Quý IV/2026", VP, "Các phòng chuyên môn; Công an xã"],
                    ["II", "KINH TẾ SỐ VÀ XÃ HỘI SỐ", "", "", "", "", ""],
                    ["3", "Kinh tế số", "", "", "", "", ""],
                    ["3.1", "Tỷ lệ hộ kinh doanh sử dụng hóa đơn điện tử khởi tạo từ máy tính tiền", "100%", "Đạt 60%",
                     "Tháng 12/2026", PKT, "Thuế cơ sở"],
                    ["4", "Xã hội số", "", "", "", "", ""],
                    ["4.1", "Tỷ lệ người dân trưởng thành có chữ ký số cá nhân", "Trên 70%", "Trên 30%",
                     "Tháng 11/2026", "Công an xã", "Các thôn, làng"],
                    ["4.2", "Số thôn, làng có Tổ công nghệ số cộng đồng hoạt động hiệu quả", "14/14 thôn, làng",
                     "10/14 thôn, làng", "Quý III/2026", PVX, "Ban công tác Mặt trận các thôn, làng"],
                ],
                "cut": (6, 0),
            }),
        ],
        "expected": plan(
            "Kế hoạch Chuyển đổi số xã Nghĩa Trung năm 2026, định hướng đến năm 2030", "Nghĩa Trung", "Gia Lai",
            "102/KH-UBND", "2026-03-06",
            [("1", "Dịch vụ công trực tuyến"), ("2", "Dữ liệu số"), ("3", "Kinh tế số"), ("4", "Xã hội số")],
            [
                ind("1.1", "1", "Tỷ lệ hồ sơ thủ tục hành chính được nộp trực tuyến",
                    [tg(2026, ">=", 50, "%", "≥ 50%"), tg(2030, ">=", 80, "%", "≥ 80%")], [TTHC],
                    ["Các phòng chuyên môn"], "recurring", "Thường xuyên"),
                ind("1.2", "1", "Tỷ lệ kết quả giải quyết thủ tục hành chính được trả bản điện tử",
                    [tg(2026, ">=", 70, "%", "Tối thiểu 70%"), tg(2030, ">=", 100, "%", "100%")], [TTHC],
                    ["Các phòng chuyên môn"], "2026-12", "Tháng 12/2026"),
                ind("2.1", "2", "Số cơ sở dữ liệu dùng chung của xã được xây dựng",
                    [tg(2026, ">=", 2, "cơ sở dữ liệu", "02 cơ sở dữ liệu"),
                     tg(2030, ">=", 5, "cơ sở dữ liệu", "05 cơ sở dữ liệu")], [VP],
                    ["Các phòng chuyên môn", "Công an xã"], "2026-Q4", "Quý IV/2026"),
                ind("3.1", "3", "Tỷ lệ hộ kinh doanh sử dụng hóa đơn điện tử khởi tạo từ máy tính tiền",
                    [tg(2026, ">=", 60, "%", "Đạt 60%"), tg(2030, ">=", 100, "%", "100%")], [PKT], ["Thuế cơ sở"],
                    "2026-12", "Tháng 12/2026"),
                ind("4.1", "4", "Tỷ lệ người dân trưởng thành có chữ ký số cá nhân",
                    [tg(2026, ">", 30, "%", "Trên 30%"), tg(2030, ">", 70, "%", "Trên 70%")], ["Công an xã"],
                    ["Các thôn, làng"], "2026-11", "Tháng 11/2026"),
                ind("4.2", "4", "Số thôn, làng có Tổ công nghệ số cộng đồng hoạt động hiệu quả",
                    [tg(2026, ">=", 10, "/14 thôn, làng", "10/14 thôn, làng"),
                     tg(2030, ">=", 14, "/14 thôn, làng", "14/14 thôn, làng")], [PVX],
                    ["Ban công tác Mặt trận các thôn, làng"], "2026-Q3", "Quý III/2026"),
            ], []),
    })

    # ---- 8. a Word file made from a PDF: every printed line its own
    #         paragraph ("pw" blocks, cells broken where the PDF wrapped
    #         them: a unit's name cut mid-name, the next line in lower case);
    #         prose targets wrapped over lines; a task table ----------------
    out.append({
        "name": "loc-hung-2026",
        "xlsx": False,
        "blocks": [
            heading("XÃ LỘC HƯNG", "33/KH-UBND", "Lộc Hưng, ngày 10 tháng 02 năm 2026"),
            ("c", "KẾ HOẠCH"),
            ("c", "Chuyển đổi số xã Lộc Hưng năm 2026"),
            ("pw", "Căn cứ Kế hoạch số 14/KH-UBND ngày 22/01/2026 của UBND tỉnh Tây Ninh về chuyển đổi số năm "
                   "2026, Ủy ban nhân dân xã Lộc Hưng ban hành Kế hoạch chuyển đổi số năm 2026 như sau:"),
            ("b", "I. MỤC TIÊU"),
            ("b", "1. Mục tiêu cụ thể"),
            ("pw", "- Tỷ lệ hồ sơ thủ tục hành chính được tiếp nhận, giải quyết trực tuyến toàn trình đạt tối "
                   "thiểu 65%."),
            ("pw", "- 100% văn bản đi của các cơ quan trong hệ thống chính trị xã được ký số, trừ văn bản mật."),
            ("pw", "- Tỷ lệ người dân trưởng thành có tài khoản thanh toán điện tử đạt trên 75%."),
            ("b", "II. NHIỆM VỤ"),
            ("pw", "Các nhiệm vụ, đơn vị chủ trì, phối hợp và thời gian hoàn thành tại Phụ lục kèm theo Kế hoạch "
                   "này."),
            ("b", "III. TỔ CHỨC THỰC HIỆN"),
            ("pw", "Định kỳ hằng quý, các đơn vị báo cáo kết quả về Phòng Văn hóa - Xã hội trước ngày 18 của tháng "
                   "cuối quý để tổng hợp."),
            ("b", "CHỦ TỊCH"),
            ("c", "PHỤ LỤC"),
            ("c", "NHIỆM VỤ CHUYỂN ĐỔI SỐ NĂM 2026"),
            ("p", "(Kèm theo Kế hoạch số 33/KH-UBND ngày 10/02/2026 của UBND xã Lộc Hưng)"),
            ("table", {
                "head": [["STT", "Nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian hoàn thành"]],
                "rows": [
                    ["1", "Xây dựng chuyên mục chuyển đổi số trên\ntrang thông tin điện tử của xã", PVX,
                     "Văn phòng HĐND và\nUBND xã", "Tháng 4/2026"],
                    ["2", "Số hóa hồ sơ, giấy tờ kết quả giải quyết\nthủ tục hành chính còn hiệu lực", "Trung tâm Phục vụ\nhành chính công xã",
                     "Các phòng chuyên môn\nCông an xã", "Quý III/2026"],
                    ["3", "Tổ chức ngày hội chuyển đổi số cho\nngười dân tại các ấp", PVX,
                     "Đoàn Thanh niên xã\nHội Liên hiệp Phụ nữ\nxã", "Tháng 10/2026"],
                    ["4", "Cập nhật dữ liệu dân cư trên hệ thống\nđịnh danh và xác thực điện tử", "Công an xã",
                     "Trưởng các ấp", "Thường xuyên"],
                ],
            }),
        ],
        "expected": plan(
            "Kế hoạch Chuyển đổi số xã Lộc Hưng năm 2026", "Lộc Hưng", "Tây Ninh", "33/KH-UBND", "2026-02-10",
            [("1", "Mục tiêu cụ thể")],
            [
                ind("T1", "1", "Tỷ lệ hồ sơ thủ tục hành chính được tiếp nhận, giải quyết trực tuyến toàn trình",
                    [tg(2026, ">=", 65, "%", "đạt tối thiểu 65%")]),
                ind("T2", "1", "Văn bản đi của các cơ quan trong hệ thống chính trị xã được ký số, trừ văn bản mật",
                    [tg(2026, ">=", 100, "%", "100%")]),
                ind("T3", "1", "Tỷ lệ người dân trưởng thành có tài khoản thanh toán điện tử",
                    [tg(2026, ">", 75, "%", "đạt trên 75%")]),
            ],
            [
                task("1", None, "Xây dựng chuyên mục chuyển đổi số trên trang thông tin điện tử của xã", [PVX], [VP],
                     [], "2026-04", "Tháng 4/2026"),
                task("2", None, "Số hóa hồ sơ, giấy tờ kết quả giải quyết thủ tục hành chính còn hiệu lực", [TTHC],
                     ["Các phòng chuyên môn", "Công an xã"], [], "2026-Q3", "Quý III/2026"),
                task("3", None, "Tổ chức ngày hội chuyển đổi số cho người dân tại các ấp", [PVX],
                     ["Đoàn Thanh niên xã", "Hội Liên hiệp Phụ nữ xã"], [], "2026-10", "Tháng 10/2026"),
                task("4", None, "Cập nhật dữ liệu dân cư trên hệ thống định danh và xác thực điện tử", ["Công an xã"],
                     ["Trưởng các ấp"], [], "recurring", "Thường xuyên"),
            ]),
    })

    # ---- 9. one column "Đơn vị chủ trì/phối hợp" written on one line
    #         ("Chủ trì: …; Phối hợp: …"), the group column as Excel copies a
    #         merged range, target "Chỉ tiêu đến hết năm 2026", due phrases
    #         "Trước 30/6/2026", "Hoàn thành trong Quý III/2026" -------------
    def cp1(lead, sup):
        return "Chủ trì: " + lead + "; Phối hợp: " + sup
    out.append({
        "name": "tan-lap-2026",
        "xlsx": True,
        "blocks": [
            heading("XÃ TÂN LẬP", "48/KH-UBND", "Tân Lập, ngày 02 tháng 3 năm 2026"),
            ("c", "KẾ HOẠCH"),
            ("c", "Thực hiện các chỉ tiêu chuyển đổi số năm 2026 của xã Tân Lập"),
            ("p", "Căn cứ Kế hoạch số 60/KH-UBND ngày 12/02/2026 của UBND tỉnh Phú Thọ, UBND xã Tân Lập ban hành "
                  "Kế hoạch như sau:"),
            ("b", "I. CHỈ TIÊU VÀ PHÂN CÔNG"),
            ("p", "Chi tiết tại Phụ lục kèm theo."),
            ("b", "II. TỔ CHỨC THỰC HIỆN"),
            ("p", "Các đơn vị chủ trì báo cáo kết quả thực hiện về Phòng Văn hóa - Xã hội trước ngày 15 hằng tháng."),
            ("b", "CHỦ TỊCH"),
            ("appendix_start",),
            ("c", "PHỤ LỤC"),
            ("c", "CHỈ TIÊU CHUYỂN ĐỔI SỐ NĂM 2026 VÀ PHÂN CÔNG THỰC HIỆN"),
            ("p", "(Kèm theo Kế hoạch số 48/KH-UBND ngày 02/3/2026 của UBND xã Tân Lập)"),
            ("table", {
                "head": [["Trụ cột", "STT", "Chỉ tiêu", "Chỉ tiêu đến hết năm 2026", "Đơn vị chủ trì/phối hợp",
                          "Thời hạn"]],
                "codecol": 1, "namecol": 2,
                "rows": [
                    [("Chính quyền số", 1, 3), "1", "Tỷ lệ hồ sơ công việc được xử lý trên môi trường mạng",
                     "Tối thiểu 90%", cp1(VP, "Các phòng chuyên môn"), "Trước 30/6/2026"],
                    ["2", "Tỷ lệ thủ tục hành chính có phát sinh hồ sơ trực tuyến", "Trên 80%",
                     cp1(TTHC, "Các phòng chuyên môn"), "Tháng 12/2026"],
                    ["3", "Số cuộc họp không giấy tờ của UBND xã", "Tối thiểu 12 cuộc", cp1(VP, "Các phòng chuyên môn"),
                     "Thường xuyên"],
                    [("Kinh tế số", 1, 2), "4", "Số hợp tác xã có gian hàng trên sàn thương mại điện tử",
                     "05 hợp tác xã", cp1(PKT, "Các hợp tác xã"), "Hoàn thành trong Quý III/2026"],
                    ["5", "Tỷ lệ hộ kinh doanh chấp nhận thanh toán bằng mã QR", "Đạt 70%",
                     cp1(PKT, "Các ngân hàng thương mại"), "Tháng 9/2026"],
                    [("Xã hội số", 1, 2), "6", "Tỷ lệ học sinh được học kỹ năng số an toàn trên môi trường mạng",
                     "100%", cp1("Các trường học trên địa bàn", PVX), "Tháng 5/2026"],
                    ["7", "Tỷ lệ người cao tuổi được hướng dẫn sử dụng ứng dụng VNeID", "Không dưới 50%",
                     cp1("Công an xã", "Hội Người cao tuổi xã"), "Năm 2026"],
                ],
            }),
        ],
        "expected": plan(
            "Kế hoạch Thực hiện các chỉ tiêu chuyển đổi số năm 2026 của xã Tân Lập", "Tân Lập", "Phú Thọ",
            "48/KH-UBND", "2026-03-02",
            [("1", "Chính quyền số"), ("2", "Kinh tế số"), ("3", "Xã hội số")],
            [
                ind("1", "1", "Tỷ lệ hồ sơ công việc được xử lý trên môi trường mạng",
                    [tg(2026, ">=", 90, "%", "Tối thiểu 90%")], [VP], ["Các phòng chuyên môn"], "2026-06",
                    "Trước 30/6/2026"),
                ind("2", "1", "Tỷ lệ thủ tục hành chính có phát sinh hồ sơ trực tuyến",
                    [tg(2026, ">", 80, "%", "Trên 80%")], [TTHC], ["Các phòng chuyên môn"], "2026-12", "Tháng 12/2026"),
                ind("3", "1", "Số cuộc họp không giấy tờ của UBND xã",
                    [tg(2026, ">=", 12, "cuộc", "Tối thiểu 12 cuộc")], [VP], ["Các phòng chuyên môn"], "recurring",
                    "Thường xuyên"),
                ind("4", "2", "Số hợp tác xã có gian hàng trên sàn thương mại điện tử",
                    [tg(2026, ">=", 5, "hợp tác xã", "05 hợp tác xã")], [PKT], ["Các hợp tác xã"], "2026-Q3",
                    "Hoàn thành trong Quý III/2026"),
                ind("5", "2", "Tỷ lệ hộ kinh doanh chấp nhận thanh toán bằng mã QR",
                    [tg(2026, ">=", 70, "%", "Đạt 70%")], [PKT], ["Các ngân hàng thương mại"], "2026-09",
                    "Tháng 9/2026"),
                ind("6", "3", "Tỷ lệ học sinh được học kỹ năng số an toàn trên môi trường mạng",
                    [tg(2026, ">=", 100, "%", "100%")], ["Các trường học trên địa bàn"], [PVX], "2026-05",
                    "Tháng 5/2026"),
                ind("7", "3", "Tỷ lệ người cao tuổi được hướng dẫn sử dụng ứng dụng VNeID",
                    [tg(2026, ">=", 50, "%", "Không dưới 50%")], ["Công an xã"], ["Hội Người cao tuổi xã"], "2026",
                    "Năm 2026"),
            ], []),
    })

    # ---- 10. prose only, a 2026 plan: targets in "a)" / "+" paragraphs
    #          with "Phấn đấu", "ít nhất", "tối đa", "không dưới" -----------
    out.append({
        "name": "xuan-son-2026",
        "xlsx": False,
        "blocks": [
            heading("XÃ XUÂN SƠN", "19/KH-UBND", "Xuân Sơn, ngày 28 tháng 01 năm 2026"),
            ("c", "KẾ HOẠCH"),
            ("c", "Chuyển đổi số năm 2026 trên địa bàn xã Xuân Sơn"),
            ("p", "Căn cứ Kế hoạch số 11/KH-UBND ngày 15/01/2026 của UBND tỉnh Lâm Đồng, UBND xã Xuân Sơn ban "
                  "hành Kế hoạch chuyển đổi số năm 2026 như sau:"),
            ("b", "I. MỤC ĐÍCH, YÊU CẦU"),
            ("p", "Nâng cao nhận thức của cán bộ và người dân về chuyển đổi số."),
            ("b", "II. CHỈ TIÊU CỤ THỂ"),
            ("b", "1. Về chính quyền số"),
            ("p", "a) Phấn đấu tỷ lệ hồ sơ thủ tục hành chính được giải quyết trực tuyến toàn trình đạt 70%."),
            ("p", "b) Tỷ lệ hồ sơ giải quyết quá hạn tối đa 2%."),
            ("b", "2. Về xã hội số"),
            ("p", "+ Số mô hình thôn thông minh được xây dựng đạt ít nhất 02 mô hình."),
            ("p", "+ Tỷ lệ hộ gia đình có người sử dụng điện thoại thông minh không dưới 85%."),
            ("b", "III. NHIỆM VỤ, GIẢI PHÁP"),
            ("p", "Đẩy mạnh tuyên truyền, phổ biến kỹ năng số cho người dân thông qua Tổ công nghệ số cộng đồng."),
            ("b", "IV. TỔ CHỨC THỰC HIỆN"),
            ("p", "Giao Phòng Văn hóa - Xã hội chủ trì, phối hợp với các cơ quan, đơn vị theo dõi, đôn đốc thực hiện "
                  "Kế hoạch; định kỳ 6 tháng, hằng năm báo cáo UBND xã."),
            ("b", "CHỦ TỊCH"),
        ],
        "expected": plan(
            "Kế hoạch Chuyển đổi số năm 2026 trên địa bàn xã Xuân Sơn", "Xuân Sơn", "Lâm Đồng", "19/KH-UBND",
            "2026-01-28",
            [("1", "Về chính quyền số"), ("2", "Về xã hội số")],
            [
                ind("T1", "1", "Tỷ lệ hồ sơ thủ tục hành chính được giải quyết trực tuyến toàn trình",
                    [tg(2026, ">=", 70, "%", "đạt 70%")]),
                ind("T2", "1", "Tỷ lệ hồ sơ giải quyết quá hạn", [tg(2026, "<=", 2, "%", "tối đa 2%")]),
                ind("T3", "2", "Số mô hình thôn thông minh được xây dựng",
                    [tg(2026, ">=", 2, "mô hình", "đạt ít nhất 02 mô hình")]),
                ind("T4", "2", "Tỷ lệ hộ gia đình có người sử dụng điện thoại thông minh",
                    [tg(2026, ">=", 85, "%", "không dưới 85%")]),
            ], []),
    })
    # ======== third round: written after the second round's fixes ========

    # ---- 11. group rows as one cell merged across the table ("I. Hạ tầng
    #          số"), a "ĐVT" column with targets "≥90%", "100 %", "100",
    #          "Trên 60"; two dates in one due cell ----------------------------
    SPAN = m.SpanRow
    out.append({
        "name": "hiep-hoa-2026",
        "xlsx": True,
        "blocks": [
            heading("XÃ HIỆP HÒA", "66/KH-UBND", "Hiệp Hòa, ngày 17 tháng 3 năm 2026"),
            ("c", "KẾ HOẠCH"),
            ("c", "Chuyển đổi số xã Hiệp Hòa năm 2026"),
            ("p", "Căn cứ Kế hoạch số 44/KH-UBND ngày 27/02/2026 của UBND tỉnh Bắc Ninh, UBND xã Hiệp Hòa ban "
                  "hành Kế hoạch chuyển đổi số năm 2026 như sau:"),
            ("b", "I. MỤC TIÊU"),
            ("p", "Hoàn thành các chỉ tiêu tại Phụ lục kèm theo Kế hoạch này."),
            ("b", "II. TỔ CHỨC THỰC HIỆN"),
            ("p", "Các cơ quan chủ trì báo cáo kết quả về Phòng Văn hóa - Xã hội trước ngày 20 của tháng cuối quý."),
            ("b", "CHỦ TỊCH"),
            ("appendix_start",),
            ("c", "PHỤ LỤC"),
            ("c", "CHỈ TIÊU CHUYỂN ĐỔI SỐ NĂM 2026"),
            ("p", "(Kèm theo Kế hoạch số 66/KH-UBND ngày 17/3/2026 của UBND xã Hiệp Hòa)"),
            ("table", {
                "head": [["STT", "Nội dung", "ĐVT", "Chỉ tiêu 2026", "Cơ quan chủ trì", "Cơ quan phối hợp",
                          "Thời gian"]],
                "rows": [
                    SPAN(["I. Hạ tầng số", "", "", "", "", "", ""]),
                    ["1", "Tỷ lệ thôn có mạng cáp quang đến nhà văn hóa", "%", "≥90%", PVX,
                     "Các doanh nghiệp viễn thông", "Trong năm 2026"],
                    ["2", "Số trạm phát sóng di động 4G/5G được lắp mới", "trạm", "03", PVX, "Viettel; VNPT",
                     "Quý II/2026"],
                    SPAN(["II. Chính quyền số", "", "", "", "", "", ""]),
                    ["3", "Tỷ lệ hồ sơ thủ tục hành chính được số hóa khi tiếp nhận", "%", "100 %", TTHC,
                     "Các phòng chuyên môn", "Tháng 3/2026; Tháng 9/2026"],
                    ["4", "Tỷ lệ cán bộ, công chức sử dụng thành thạo hệ thống quản lý văn bản", "%", "100", VP,
                     "Các phòng chuyên môn", "Thường xuyên"],
                    SPAN(["III. Xã hội số", "", "", "", "", "", ""]),
                    ["5", "Số tài khoản định danh điện tử mức độ 2 được kích hoạt", "tài khoản", "4.500",
                     "Công an xã", "Các thôn", "Tháng 12/2026"],
                    ["6", "Tỷ lệ hộ gia đình được phổ biến kỹ năng an toàn thông tin", "%", "Trên 60", PVX,
                     "Hội Liên hiệp Phụ nữ xã; Đoàn Thanh niên xã", "Quý IV/2026"],
                ],
            }),
        ],
        "expected": plan(
            "Kế hoạch Chuyển đổi số xã Hiệp Hòa năm 2026", "Hiệp Hòa", "Bắc Ninh", "66/KH-UBND", "2026-03-17",
            [("I", "Hạ tầng số"), ("II", "Chính quyền số"), ("III", "Xã hội số")],
            [
                ind("1", "I", "Tỷ lệ thôn có mạng cáp quang đến nhà văn hóa", [tg(2026, ">=", 90, "%", "≥90%")], [PVX],
                    ["Các doanh nghiệp viễn thông"], "2026", "Trong năm 2026"),
                ind("2", "I", "Số trạm phát sóng di động 4G/5G được lắp mới", [tg(2026, ">=", 3, "trạm", "03")], [PVX],
                    ["Viettel", "VNPT"], "2026-Q2", "Quý II/2026"),
                ind("3", "II", "Tỷ lệ hồ sơ thủ tục hành chính được số hóa khi tiếp nhận",
                    [tg(2026, ">=", 100, "%", "100 %")], [TTHC], ["Các phòng chuyên môn"], None,
                    "Tháng 3/2026; Tháng 9/2026"),
                ind("4", "II", "Tỷ lệ cán bộ, công chức sử dụng thành thạo hệ thống quản lý văn bản",
                    [tg(2026, ">=", 100, "%", "100")], [VP], ["Các phòng chuyên môn"], "recurring", "Thường xuyên"),
                ind("5", "III", "Số tài khoản định danh điện tử mức độ 2 được kích hoạt",
                    [tg(2026, ">=", 4500, "tài khoản", "4.500")], ["Công an xã"], ["Các thôn"], "2026-12",
                    "Tháng 12/2026"),
                ind("6", "III", "Tỷ lệ hộ gia đình được phổ biến kỹ năng an toàn thông tin",
                    [tg(2026, ">", 60, "%", "Trên 60")], [PVX], ["Hội Liên hiệp Phụ nữ xã", "Đoàn Thanh niên xã"],
                    "2026-Q4", "Quý IV/2026"),
            ], []),
    })

    # ---- 12. no code column: the codes written at the start of the name
    #          cells ("1. Hạ tầng số", "1.1. Tỷ lệ …"), the target column
    #          "Giá trị mục tiêu" with no year, units in "- " lists ------------
    out.append({
        "name": "phu-my-2026",
        "xlsx": True,
        "blocks": [
            heading("XÃ PHÚ MỸ", "29/KH-UBND", "Phú Mỹ, ngày 09 tháng 3 năm 2026"),
            ("c", "KẾ HOẠCH"),
            ("c", "Chuyển đổi số năm 2026 xã Phú Mỹ"),
            ("p", "Thực hiện Kế hoạch số 37/KH-UBND ngày 20/02/2026 của UBND tỉnh An Giang, UBND xã Phú Mỹ ban "
                  "hành Kế hoạch như sau:"),
            ("b", "I. CHỈ TIÊU"),
            ("p", "Các chỉ tiêu và phân công tại Phụ lục kèm theo."),
            ("b", "II. TỔ CHỨC THỰC HIỆN"),
            ("p", "Các đơn vị báo cáo kết quả thực hiện về Văn phòng HĐND và UBND xã trước ngày 25 hằng tháng."),
            ("b", "CHỦ TỊCH"),
            ("appendix_start",),
            ("c", "PHỤ LỤC"),
            ("c", "CHỈ TIÊU CHUYỂN ĐỔI SỐ NĂM 2026 CỦA XÃ PHÚ MỸ"),
            ("p", "(Kèm theo Kế hoạch số 29/KH-UBND ngày 09/3/2026 của UBND xã Phú Mỹ)"),
            ("table", {
                "head": [["Nội dung chỉ tiêu", "Giá trị mục tiêu", "Đơn vị chủ trì", "Đơn vị phối hợp",
                          "Thời hạn hoàn thành"]],
                "codecol": 0, "namecol": 0,
                "rows": [
                    ["1. Hạ tầng số", "", "", "", ""],
                    ["1.1. Tỷ lệ ấp có điểm Wi-Fi công cộng miễn phí", "Tối thiểu 80%", PVX,
                     "- Các ấp\n- Các doanh nghiệp viễn thông", "Tháng 8/2026"],
                    ["1.2. Tỷ lệ trường học được kết nối Internet cáp quang tốc độ cao", "100%", PVX,
                     "- Các trường học trên địa bàn", "Tháng 9/2026"],
                    ["2. Chính quyền số", "", "", "", ""],
                    ["2.1. Tỷ lệ hồ sơ thủ tục hành chính được giải quyết trực tuyến toàn trình", "Trên 70%", TTHC,
                     "- Các phòng chuyên môn\n- Công an xã", "Thường xuyên"],
                    ["2.2. Tỷ lệ văn bản được gửi, nhận hoàn toàn trên môi trường mạng", "Đạt 98%", VP,
                     "- Các phòng, ban, đơn vị", "Tháng 12/2026"],
                    ["3. Kinh tế số", "", "", "", ""],
                    ["3.1. Số hộ nông dân sử dụng nhật ký sản xuất điện tử", "Tối thiểu 150 hộ", PKT,
                     "- Hội Nông dân xã\n- Các hợp tác xã", "Quý IV/2026"],
                ],
            }),
        ],
        "expected": plan(
            "Kế hoạch Chuyển đổi số năm 2026 xã Phú Mỹ", "Phú Mỹ", "An Giang", "29/KH-UBND", "2026-03-09",
            [("1", "Hạ tầng số"), ("2", "Chính quyền số"), ("3", "Kinh tế số")],
            [
                ind("1.1", "1", "Tỷ lệ ấp có điểm Wi-Fi công cộng miễn phí", [tg(2026, ">=", 80, "%", "Tối thiểu 80%")],
                    [PVX], ["Các ấp", "Các doanh nghiệp viễn thông"], "2026-08", "Tháng 8/2026"),
                ind("1.2", "1", "Tỷ lệ trường học được kết nối Internet cáp quang tốc độ cao",
                    [tg(2026, ">=", 100, "%", "100%")], [PVX], ["Các trường học trên địa bàn"], "2026-09",
                    "Tháng 9/2026"),
                ind("2.1", "2", "Tỷ lệ hồ sơ thủ tục hành chính được giải quyết trực tuyến toàn trình",
                    [tg(2026, ">", 70, "%", "Trên 70%")], [TTHC], ["Các phòng chuyên môn", "Công an xã"], "recurring",
                    "Thường xuyên"),
                ind("2.2", "2", "Tỷ lệ văn bản được gửi, nhận hoàn toàn trên môi trường mạng",
                    [tg(2026, ">=", 98, "%", "Đạt 98%")], [VP], ["Các phòng, ban, đơn vị"], "2026-12", "Tháng 12/2026"),
                ind("3.1", "3", "Số hộ nông dân sử dụng nhật ký sản xuất điện tử",
                    [tg(2026, ">=", 150, "hộ", "Tối thiểu 150 hộ")], [PKT], ["Hội Nông dân xã", "Các hợp tác xã"],
                    "2026-Q4", "Quý IV/2026"),
            ], []),
    })
    # ======== fourth round: written after the third round's fixes ========

    # ---- 13. a task table headed "Nhiệm vụ, giải pháp" with "Cơ quan, đơn
    #          vị chủ trì/phối hợp", "Kết quả" (the product), "Nguồn kinh phí" -
    out.append({
        "name": "vinh-hao-2026",
        "xlsx": True,
        "blocks": [
            heading("XÃ VĨNH HẢO", "52/KH-UBND", "Vĩnh Hảo, ngày 24 tháng 02 năm 2026"),
            ("c", "KẾ HOẠCH"),
            ("c", "Triển khai nhiệm vụ chuyển đổi số năm 2026 của xã Vĩnh Hảo"),
            ("p", "Căn cứ Kế hoạch số 35/KH-UBND ngày 05/02/2026 của UBND tỉnh Lâm Đồng, UBND xã Vĩnh Hảo ban hành "
                  "Kế hoạch như sau:"),
            ("b", "I. NHIỆM VỤ, GIẢI PHÁP"),
            ("p", "Chi tiết tại Phụ lục kèm theo."),
            ("b", "II. TỔ CHỨC THỰC HIỆN"),
            ("p", "Các cơ quan, đơn vị báo cáo kết quả thực hiện trước ngày 10 của tháng đầu quý sau."),
            ("b", "CHỦ TỊCH"),
            ("appendix_start",),
            ("c", "PHỤ LỤC"),
            ("c", "NHIỆM VỤ, GIẢI PHÁP CHUYỂN ĐỔI SỐ NĂM 2026"),
            ("p", "(Kèm theo Kế hoạch số 52/KH-UBND ngày 24/02/2026 của UBND xã Vĩnh Hảo)"),
            ("table", {
                "head": [["STT", "Nhiệm vụ, giải pháp", "Cơ quan, đơn vị chủ trì", "Cơ quan, đơn vị phối hợp",
                          "Kết quả", "Thời gian hoàn thành", "Nguồn kinh phí"]],
                "rows": [
                    ["1", "Nâng cao nhận thức về chuyển đổi số", "", "", "", "", ""],
                    ["1.1", "Tổ chức hội nghị quán triệt các văn bản về chuyển đổi số", VP,
                     "Các phòng, ban, đơn vị", "Hội nghị được tổ chức", "Quý I/2026", "Ngân sách xã"],
                    ["1.2", "Xây dựng chuyên trang chuyển đổi số trên cổng thông tin điện tử của xã", PVX,
                     "Văn phòng HĐND và UBND xã", "Chuyên trang hoạt động", "Tháng 6/2026", "Ngân sách xã"],
                    ["2", "Phát triển hạ tầng và dữ liệu số", "", "", "", "", ""],
                    ["2.1", "Nâng cấp đường truyền Internet tại trụ sở UBND xã", VP, "Viễn thông Lâm Đồng",
                     "Đường truyền được nâng cấp", "Tháng 5/2026", "Ngân sách tỉnh"],
                    ["2.2", "Cập nhật cơ sở dữ liệu đất đai trên phần mềm dùng chung", PKT, "Các thôn",
                     "- Dữ liệu được cập nhật\n- Báo cáo kết quả", "Tháng 11/2026", "Ngân sách xã"],
                    ["2.3", "Số hóa hồ sơ hộ tịch từ năm 2015 đến nay", VP, "Công an xã",
                     "Dữ liệu hộ tịch điện tử", "Quý IV/2026", "Ngân sách xã; nguồn hỗ trợ của tỉnh"],
                ],
            }),
        ],
        "expected": plan(
            "Kế hoạch Triển khai nhiệm vụ chuyển đổi số năm 2026 của xã Vĩnh Hảo", "Vĩnh Hảo", "Lâm Đồng",
            "52/KH-UBND", "2026-02-24",
            [("1", "Nâng cao nhận thức về chuyển đổi số"), ("2", "Phát triển hạ tầng và dữ liệu số")],
            [],
            [
                task("1.1", "1", "Tổ chức hội nghị quán triệt các văn bản về chuyển đổi số", [VP],
                     ["Các phòng, ban, đơn vị"], ["Hội nghị được tổ chức"], "2026-Q1", "Quý I/2026", "Ngân sách xã"),
                task("1.2", "1", "Xây dựng chuyên trang chuyển đổi số trên cổng thông tin điện tử của xã", [PVX],
                     [VP], ["Chuyên trang hoạt động"], "2026-06", "Tháng 6/2026", "Ngân sách xã"),
                task("2.1", "2", "Nâng cấp đường truyền Internet tại trụ sở UBND xã", [VP], ["Viễn thông Lâm Đồng"],
                     ["Đường truyền được nâng cấp"], "2026-05", "Tháng 5/2026", "Ngân sách tỉnh"),
                task("2.2", "2", "Cập nhật cơ sở dữ liệu đất đai trên phần mềm dùng chung", [PKT], ["Các thôn"],
                     ["Dữ liệu được cập nhật", "Báo cáo kết quả"], "2026-11", "Tháng 11/2026", "Ngân sách xã"),
                task("2.3", "2", "Số hóa hồ sơ hộ tịch từ năm 2015 đến nay", [VP], ["Công an xã"],
                     ["Dữ liệu hộ tịch điện tử"], "2026-Q4", "Quý IV/2026", "Ngân sách xã; nguồn hỗ trợ của tỉnh"),
            ]),
    })

    # ---- 14. "Chỉ số đánh giá", "Kết quả cần đạt năm 2026", one column
    #          "Đơn vị thực hiện" (the lead), "Ghi chú" with words -----------
    out.append({
        "name": "an-thinh-2026",
        "xlsx": True,
        "blocks": [
            heading("XÃ AN THỊNH", "14/KH-UBND", "An Thịnh, ngày 19 tháng 01 năm 2026"),
            ("c", "KẾ HOẠCH"),
            ("c", "Nâng cao chỉ số đánh giá chuyển đổi số xã An Thịnh năm 2026"),
            ("p", "Căn cứ Kế hoạch số 08/KH-UBND ngày 09/01/2026 của UBND tỉnh Lào Cai, UBND xã An Thịnh ban hành "
                  "Kế hoạch như sau:"),
            ("b", "I. MỤC TIÊU"),
            ("p", "Các chỉ số và kết quả cần đạt tại Phụ lục kèm theo."),
            ("b", "II. TỔ CHỨC THỰC HIỆN"),
            ("p", "Đơn vị thực hiện báo cáo kết quả về Phòng Văn hóa - Xã hội trước ngày 15 hằng tháng."),
            ("b", "CHỦ TỊCH"),
            ("appendix_start",),
            ("c", "PHỤ LỤC"),
            ("c", "CÁC CHỈ SỐ ĐÁNH GIÁ CHUYỂN ĐỔI SỐ NĂM 2026"),
            ("p", "(Kèm theo Kế hoạch số 14/KH-UBND ngày 19/01/2026 của UBND xã An Thịnh)"),
            ("table", {
                "head": [["TT", "Chỉ số đánh giá", "Kết quả cần đạt năm 2026", "Đơn vị thực hiện", "Ghi chú"]],
                "rows": [
                    ["I", "Nhận thức số", "", "", ""],
                    ["1", "Tỷ lệ cán bộ, công chức tham gia khóa học trên nền tảng học trực tuyến mở", "Đạt 100%",
                     PVX, "Theo Kế hoạch của tỉnh"],
                    ["2", "Số tin, bài về chuyển đổi số trên hệ thống truyền thanh", "Tối thiểu 36 tin", PVX, ""],
                    ["II", "Hoạt động chính quyền số", "", "", ""],
                    ["1", "Tỷ lệ hồ sơ thủ tục hành chính được ký số khi trả kết quả", "Trên 95%", TTHC, ""],
                    ["2", "Thời gian xử lý trung bình một hồ sơ trực tuyến", "Không quá 3 ngày", TTHC,
                     "Giảm so với năm 2025"],
                    ["3", "Tỷ lệ cuộc họp của UBND xã sử dụng tài liệu điện tử", "≥ 90%", VP, ""],
                ],
            }),
        ],
        "expected": plan(
            "Kế hoạch Nâng cao chỉ số đánh giá chuyển đổi số xã An Thịnh năm 2026", "An Thịnh", "Lào Cai",
            "14/KH-UBND", "2026-01-19",
            [("I", "Nhận thức số"), ("II", "Hoạt động chính quyền số")],
            [
                ind("1", "I", "Tỷ lệ cán bộ, công chức tham gia khóa học trên nền tảng học trực tuyến mở",
                    [tg(2026, ">=", 100, "%", "Đạt 100%")], [PVX]),
                ind("2", "I", "Số tin, bài về chuyển đổi số trên hệ thống truyền thanh",
                    [tg(2026, ">=", 36, "tin", "Tối thiểu 36 tin")], [PVX]),
                ind("1", "II", "Tỷ lệ hồ sơ thủ tục hành chính được ký số khi trả kết quả",
                    [tg(2026, ">", 95, "%", "Trên 95%")], [TTHC]),
                ind("2", "II", "Thời gian xử lý trung bình một hồ sơ trực tuyến",
                    [tg(2026, "<=", 3, "ngày", "Không quá 3 ngày")], [TTHC]),
                ind("3", "II", "Tỷ lệ cuộc họp của UBND xã sử dụng tài liệu điện tử",
                    [tg(2026, ">=", 90, "%", "≥ 90%")], [VP]),
            ], []),
    })
    # ======== fifth round: written after the fourth round's fixes ========

    # ---- 15. "Nội dung" names the indicator and "Chỉ tiêu" holds its
    #          value; "Chỉ tiêu giao" wording; Arabic groups "1." -----------
    out.append({
        "name": "long-phu-2026",
        "xlsx": True,
        "blocks": [
            heading("XÃ LONG PHÚ", "75/KH-UBND", "Long Phú, ngày 11 tháng 3 năm 2026"),
            ("c", "KẾ HOẠCH"),
            ("c", "Chuyển đổi số xã Long Phú năm 2026"),
            ("p", "Thực hiện Kế hoạch số 49/KH-UBND ngày 24/02/2026 của UBND tỉnh Cần Thơ, UBND xã Long Phú ban "
                  "hành Kế hoạch như sau:"),
            ("b", "I. MỤC TIÊU"),
            ("p", "Các chỉ tiêu cụ thể tại Phụ lục kèm theo."),
            ("b", "II. TỔ CHỨC THỰC HIỆN"),
            ("p", "Các đơn vị báo cáo kết quả về Phòng Văn hóa - Xã hội trước ngày 18 hằng tháng."),
            ("b", "CHỦ TỊCH"),
            ("appendix_start",),
            ("c", "PHỤ LỤC"),
            ("c", "CHỈ TIÊU CHUYỂN ĐỔI SỐ NĂM 2026"),
            ("p", "(Kèm theo Kế hoạch số 75/KH-UBND ngày 11/3/2026 của UBND xã Long Phú)"),
            ("table", {
                "head": [["STT", "Nội dung", "Chỉ tiêu", "Đơn vị chủ trì", "Đơn vị phối hợp", "Ghi chú"]],
                "rows": [
                    ["1.", "Chính quyền số", "", "", "", ""],
                    ["1.1", "Tỷ lệ hồ sơ thủ tục hành chính trực tuyến toàn trình", "≥ 75%", TTHC,
                     "Các phòng chuyên môn", ""],
                    ["1.2", "Tỷ lệ văn bản trao đổi giữa các cơ quan dưới dạng điện tử", "Đạt 95%", VP,
                     "Các phòng, ban, đơn vị", "Trừ văn bản mật"],
                    ["2.", "Xã hội số", "", "", "", ""],
                    ["2.1", "Số người dân được tập huấn sử dụng dịch vụ công trực tuyến", "Tối thiểu 800 người", PVX,
                     "Tổ công nghệ số cộng đồng các ấp", ""],
                    ["2.2", "Tỷ lệ hộ gia đình có địa chỉ số", "100%", "Công an xã", "Bưu điện văn hóa xã", ""],
                ],
            }),
        ],
        "expected": plan(
            "Kế hoạch Chuyển đổi số xã Long Phú năm 2026", "Long Phú", "Cần Thơ", "75/KH-UBND", "2026-03-11",
            [("1", "Chính quyền số"), ("2", "Xã hội số")],
            [
                ind("1.1", "1", "Tỷ lệ hồ sơ thủ tục hành chính trực tuyến toàn trình", [tg(2026, ">=", 75, "%", "≥ 75%")],
                    [TTHC], ["Các phòng chuyên môn"]),
                ind("1.2", "1", "Tỷ lệ văn bản trao đổi giữa các cơ quan dưới dạng điện tử",
                    [tg(2026, ">=", 95, "%", "Đạt 95%")], [VP], ["Các phòng, ban, đơn vị"]),
                ind("2.1", "2", "Số người dân được tập huấn sử dụng dịch vụ công trực tuyến",
                    [tg(2026, ">=", 800, "người", "Tối thiểu 800 người")], [PVX], ["Tổ công nghệ số cộng đồng các ấp"]),
                ind("2.2", "2", "Tỷ lệ hộ gia đình có địa chỉ số", [tg(2026, ">=", 100, "%", "100%")], ["Công an xã"],
                    ["Bưu điện văn hóa xã"]),
            ], []),
    })

    # ---- 16. prose: two targets in one bullet ("…; …"), "đến năm 2027",
    #          a lettered sub-list under a numbered heading ----------------
    out.append({
        "name": "tra-linh-2026-2027",
        "xlsx": False,
        "blocks": [
            heading("XÃ TRÀ LĨNH", "08/KH-UBND", "Trà Lĩnh, ngày 12 tháng 01 năm 2026"),
            ("c", "KẾ HOẠCH"),
            ("c", "Chuyển đổi số xã Trà Lĩnh giai đoạn 2026 - 2027"),
            ("p", "Căn cứ Kế hoạch số 03/KH-UBND ngày 05/01/2026 của UBND tỉnh Cao Bằng, UBND xã Trà Lĩnh ban hành "
                  "Kế hoạch như sau:"),
            ("b", "I. MỤC TIÊU"),
            ("b", "1. Mục tiêu chung"),
            ("p", "Đưa hoạt động của chính quyền xã lên môi trường số."),
            ("b", "2. Mục tiêu cụ thể"),
            ("p", "a) Về chính quyền số: tỷ lệ hồ sơ công việc được xử lý trên môi trường mạng đạt 90%; tỷ lệ "
                  "thủ tục hành chính được số hóa kết quả giải quyết đạt 100% đến năm 2027."),
            ("p", "b) Về xã hội số: 70% hộ gia đình có thành viên sử dụng ứng dụng VNeID."),
            ("b", "II. TỔ CHỨC THỰC HIỆN"),
            ("p", "Phòng Văn hóa - Xã hội tổng hợp, báo cáo UBND xã định kỳ hằng quý trước ngày 20 tháng cuối quý."),
            ("b", "CHỦ TỊCH"),
        ],
        "expected": plan(
            "Kế hoạch Chuyển đổi số xã Trà Lĩnh giai đoạn 2026 - 2027", "Trà Lĩnh", "Cao Bằng", "08/KH-UBND",
            "2026-01-12",
            [("2", "Mục tiêu cụ thể")],
            [
                ind("T1", "2", "Tỷ lệ hồ sơ công việc được xử lý trên môi trường mạng", [tg(2027, ">=", 90, "%", "đạt 90%")]),
                ind("T2", "2", "Tỷ lệ thủ tục hành chính được số hóa kết quả giải quyết",
                    [tg(2027, ">=", 100, "%", "đạt 100% đến năm 2027")]),
                ind("T3", "2", "Hộ gia đình có thành viên sử dụng ứng dụng VNeID", [tg(2027, ">=", 70, "%", "70%")]),
            ], []),
    })
    # ======== sixth round: written after the fifth round's fixes ========

    # ---- 17. a province column "Sở, ngành chủ trì" beside the commune's
    #          "Bộ phận tham mưu cấp xã"; both years' targets in one cell
    #          ("Năm 2026: 60%" / "Năm 2027: 80%") -------------------------
    CVX = "Công chức Văn hóa - Xã hội"
    out.append({
        "name": "dai-dong-2026-2027",
        "xlsx": True,
        "blocks": [
            heading("XÃ ĐẠI ĐỒNG", "17/KH-UBND", "Đại Đồng, ngày 21 tháng 01 năm 2026"),
            ("c", "KẾ HOẠCH"),
            ("c", "Chuyển đổi số xã Đại Đồng giai đoạn 2026 - 2027"),
            ("p", "Thực hiện Kế hoạch số 12/KH-UBND ngày 13/01/2026 của UBND tỉnh Nghệ An, UBND xã Đại Đồng ban "
                  "hành Kế hoạch như sau:"),
            ("b", "I. MỤC TIÊU"),
            ("p", "Các chỉ tiêu của tỉnh giao và bộ phận tham mưu tại Phụ lục kèm theo."),
            ("b", "II. TỔ CHỨC THỰC HIỆN"),
            ("p", "Các bộ phận báo cáo kết quả về Văn phòng HĐND và UBND xã trước ngày 20 của tháng cuối quý."),
            ("b", "CHỦ TỊCH"),
            ("appendix_start",),
            ("c", "PHỤ LỤC"),
            ("c", "CHỈ TIÊU CHUYỂN ĐỔI SỐ GIAI ĐOẠN 2026 - 2027"),
            ("p", "(Kèm theo Kế hoạch số 17/KH-UBND ngày 21/01/2026 của UBND xã Đại Đồng)"),
            ("table", {
                "head": [["STT", "Chỉ tiêu", "Mục tiêu", "Sở, ngành chủ trì", "Bộ phận tham mưu cấp xã",
                          "Thời hạn"]],
                "rows": [
                    ["1", "Tỷ lệ hồ sơ thủ tục hành chính được tiếp nhận trực tuyến", "Năm 2026: 60%\nNăm 2027: 80%",
                     "Văn phòng UBND tỉnh", "Công chức Văn phòng - Thống kê", "Tháng 12/2027"],
                    ["2", "Tỷ lệ người dân có tài khoản định danh điện tử mức độ 2", "Năm 2026: 85%\nNăm 2027: 95%",
                     "Công an tỉnh", "Công an xã", "Tháng 12/2027"],
                    ["3", "Số điểm phục vụ bưu chính công cộng có kết nối Internet", "Năm 2026: 05 điểm\nNăm 2027: 08 điểm",
                     "Sở Khoa học và Công nghệ", CVX, "Tháng 6/2027"],
                ],
            }),
        ],
        "expected": plan(
            "Kế hoạch Chuyển đổi số xã Đại Đồng giai đoạn 2026 - 2027", "Đại Đồng", "Nghệ An", "17/KH-UBND",
            "2026-01-21",
            [],
            [
                ind("1", None, "Tỷ lệ hồ sơ thủ tục hành chính được tiếp nhận trực tuyến",
                    [tg(2026, ">=", 60, "%", "Năm 2026: 60%"), tg(2027, ">=", 80, "%", "Năm 2027: 80%")],
                    ["Công chức Văn phòng - Thống kê"], [], "2027-12", "Tháng 12/2027"),
                ind("2", None, "Tỷ lệ người dân có tài khoản định danh điện tử mức độ 2",
                    [tg(2026, ">=", 85, "%", "Năm 2026: 85%"), tg(2027, ">=", 95, "%", "Năm 2027: 95%")],
                    ["Công an xã"], [], "2027-12", "Tháng 12/2027"),
                ind("3", None, "Số điểm phục vụ bưu chính công cộng có kết nối Internet",
                    [tg(2026, ">=", 5, "điểm", "Năm 2026: 05 điểm"), tg(2027, ">=", 8, "điểm", "Năm 2027: 08 điểm")],
                    [CVX], [], "2027-06", "Tháng 6/2027"),
            ], []),
    })

    # ======== seventh round: written after the sixth round's fixes ========

    # ---- 18. a task table in a landscape page under "II. NHIỆM VỤ", two
    #          header rows: "Kinh phí (triệu đồng)" over "Ngân sách | Xã hội
    #          hóa"; "Nội dung công việc", "Cơ quan chủ trì/phối hợp",
    #          "Sản phẩm", due in "Tiến độ"; units joined by "," in one cell;
    #          one row states a target ("Phấn đấu 100% …") -----------------
    out.append({
        "name": "quang-phu-2026",
        "xlsx": True,
        "landscape": True,
        "blocks": [
            heading("XÃ QUẢNG PHÚ", "42/KH-UBND", "Quảng Phú, ngày 16 tháng 3 năm 2026"),
            ("c", "KẾ HOẠCH"),
            ("c", "Thực hiện nhiệm vụ chuyển đổi số xã Quảng Phú năm 2026"),
            ("p", "Căn cứ Kế hoạch số 25/KH-UBND ngày 02/3/2026 của UBND tỉnh Thanh Hóa về chuyển đổi số năm 2026; "
                  "Ủy ban nhân dân xã Quảng Phú ban hành Kế hoạch như sau:"),
            ("b", "I. MỤC ĐÍCH, YÊU CẦU"),
            ("li", "Cụ thể hóa các nhiệm vụ tỉnh giao, gắn trách nhiệm của từng cơ quan, đơn vị."),
            ("b", "II. NHIỆM VỤ TRỌNG TÂM"),
            ("p", "Các nhiệm vụ, tiến độ và kinh phí thực hiện như sau:"),
            ("appendix_start",),
            ("table", {
                "head": [[("STT", 1, 2), ("Nội dung công việc", 1, 2), ("Cơ quan chủ trì", 1, 2),
                          ("Cơ quan phối hợp", 1, 2), ("Sản phẩm", 1, 2), ("Tiến độ", 1, 2),
                          ("Kinh phí (triệu đồng)", 2, 1)],
                         ["Ngân sách", "Xã hội hóa"]],
                "rows": [
                    ["I", "Hạ tầng và nền tảng số", "", "", "", "", "", ""],
                    ["1", "Lắp đặt hệ thống camera giám sát an ninh tại các trục đường liên thôn", "Công an xã",
                     "Phòng Kinh tế, các thôn", "Hệ thống camera được đưa vào sử dụng", "Tháng 10/2026", "150", "80"],
                    ["2", "Nâng cấp mạng nội bộ (LAN) và đường truyền Internet tại trụ sở UBND xã", VP,
                     "Doanh nghiệp viễn thông", "Mạng nội bộ được nâng cấp", "Quý II/2026", "60", ""],
                    ["3", "Phấn đấu 100% cán bộ, công chức xã sử dụng chữ ký số cá nhân trong xử lý văn bản", VP,
                     "Các phòng chuyên môn", "Chữ ký số được cấp và sử dụng", "Tháng 6/2026", "", ""],
                    ["II", "Dữ liệu và dịch vụ số", "", "", "", "", "", ""],
                    ["4", "Số hóa sổ hộ tịch lưu trữ tại xã giai đoạn 2000 - 2015", "Công chức Tư pháp - Hộ tịch",
                     TTHC, "Dữ liệu hộ tịch điện tử", "Tháng 9/2026", "45", ""],
                    ["5", "Xây dựng bản đồ số các điểm du lịch, sản phẩm OCOP của xã", PKT,
                     "Phòng Văn hóa - Xã hội, Đoàn Thanh niên xã", "Bản đồ số trên nền tảng trực tuyến",
                     "Quý IV/2026", "30", "20"],
                    ["6", "Duy trì hoạt động của Tổ công nghệ số cộng đồng tại các thôn", PVX,
                     "Các thôn\nĐoàn Thanh niên xã", "Báo cáo kết quả hoạt động", "Thường xuyên", "24", "12"],
                ],
            }),
            ("b", "III. TỔ CHỨC THỰC HIỆN"),
            ("p", "Các cơ quan, đơn vị báo cáo tiến độ thực hiện về Văn phòng HĐND và UBND xã trước ngày 25 của "
                  "tháng cuối quý."),
            ("b", "CHỦ TỊCH"),
        ],
        "expected": plan(
            "Kế hoạch Thực hiện nhiệm vụ chuyển đổi số xã Quảng Phú năm 2026", "Quảng Phú", "Thanh Hóa",
            "42/KH-UBND", "2026-03-16",
            [("I", "Hạ tầng và nền tảng số"), ("II", "Dữ liệu và dịch vụ số")],
            [
                ind("3", "I", "Cán bộ, công chức xã sử dụng chữ ký số cá nhân trong xử lý văn bản",
                    [tg(2026, ">=", 100, "%", "Phấn đấu 100% cán bộ, công chức xã sử dụng chữ ký số cá nhân "
                                             "trong xử lý văn bản")],
                    [VP], ["Các phòng chuyên môn"], "2026-06", "Tháng 6/2026"),
            ],
            [
                task("1", "I", "Lắp đặt hệ thống camera giám sát an ninh tại các trục đường liên thôn", ["Công an xã"],
                     ["Phòng Kinh tế, các thôn"], ["Hệ thống camera được đưa vào sử dụng"], "2026-10", "Tháng 10/2026",
                     "Ngân sách: 150; Xã hội hóa: 80"),
                task("2", "I", "Nâng cấp mạng nội bộ (LAN) và đường truyền Internet tại trụ sở UBND xã", [VP],
                     ["Doanh nghiệp viễn thông"], ["Mạng nội bộ được nâng cấp"], "2026-Q2", "Quý II/2026",
                     "Ngân sách: 60"),
                task("4", "II", "Số hóa sổ hộ tịch lưu trữ tại xã giai đoạn 2000 - 2015",
                     ["Công chức Tư pháp - Hộ tịch"], [TTHC], ["Dữ liệu hộ tịch điện tử"], "2026-09", "Tháng 9/2026",
                     "Ngân sách: 45"),
                task("5", "II", "Xây dựng bản đồ số các điểm du lịch, sản phẩm OCOP của xã", [PKT],
                     ["Phòng Văn hóa - Xã hội, Đoàn Thanh niên xã"], ["Bản đồ số trên nền tảng trực tuyến"], "2026-Q4",
                     "Quý IV/2026", "Ngân sách: 30; Xã hội hóa: 20"),
                task("6", "II", "Duy trì hoạt động của Tổ công nghệ số cộng đồng tại các thôn", [PVX],
                     ["Các thôn", "Đoàn Thanh niên xã"], ["Báo cáo kết quả hoạt động"], "recurring", "Thường xuyên",
                     "Ngân sách: 24; Xã hội hóa: 12"),
            ]),
    })

    # ---- 19. codes "CT1, CT2", groups as rows merged across ("A. CHÍNH
    #          QUYỀN SỐ"), "Lộ trình" over a year row "2026 | 2027 | 2028",
    #          "ĐVT" sometimes empty, targets in words ("Hoàn thành", "Có",
    #          "01 hệ thống"), "-" for no target, "1.000 người"-style counts,
    #          two units joined by "," in one lead cell ---------------------
    SPAN7 = m.SpanRow
    out.append({
        "name": "hoa-tien-2026-2028",
        "xlsx": True,
        "blocks": [
            heading("XÃ HÒA TIẾN", "103/KH-UBND", "Hòa Tiến, ngày 05 tháng 02 năm 2026"),
            ("c", "KẾ HOẠCH"),
            ("c", "Chuyển đổi số xã Hòa Tiến giai đoạn 2026 - 2028"),
            ("p", "Thực hiện Kế hoạch số 47/KH-UBND ngày 20/01/2026 của UBND thành phố Đà Nẵng về chuyển đổi số giai "
                  "đoạn 2026 - 2028, UBND xã Hòa Tiến xây dựng Kế hoạch với các nội dung sau:"),
            ("b", "I. MỤC TIÊU"),
            ("p", "Bộ chỉ tiêu và lộ trình thực hiện từng năm tại Phụ lục kèm theo Kế hoạch này."),
            ("b", "II. TỔ CHỨC THỰC HIỆN"),
            ("p", "Cơ quan chủ trì các chỉ tiêu báo cáo kết quả về Phòng Văn hóa - Xã hội trước ngày 10 tháng 12 "
                  "hằng năm."),
            ("b", "CHỦ TỊCH"),
            ("appendix_start",),
            ("c", "PHỤ LỤC"),
            ("c", "BỘ CHỈ TIÊU CHUYỂN ĐỔI SỐ XÃ HÒA TIẾN GIAI ĐOẠN 2026 - 2028"),
            ("p", "(Ban hành kèm theo Kế hoạch số 103/KH-UBND ngày 05/02/2026 của UBND xã Hòa Tiến)"),
            ("table", {
                "head": [[("Mã số", 1, 2), ("Tên chỉ tiêu", 1, 2), ("ĐVT", 1, 2), ("Lộ trình", 3, 1),
                          ("Đơn vị chủ trì", 1, 2), ("Đơn vị phối hợp", 1, 2)],
                         ["2026", "2027", "2028"]],
                "rows": [
                    SPAN7(["A. CHÍNH QUYỀN SỐ", "", "", "", "", "", "", ""]),
                    ["CT1", "Tỷ lệ hồ sơ thủ tục hành chính được giải quyết trực tuyến toàn trình", "%", "70", "80",
                     "90", TTHC, "Các bộ phận chuyên môn"],
                    ["CT2", "Hệ thống họp trực tuyến kết nối đến các thôn", "", "01 hệ thống", "-", "-", VP,
                     "Doanh nghiệp viễn thông"],
                    ["CT3", "Ban hành Quy chế quản lý, khai thác dữ liệu số của xã", "", "Hoàn thành", "-", "-", VP,
                     "Công chức Tư pháp - Hộ tịch"],
                    SPAN7(["B. KINH TẾ SỐ", "", "", "", "", "", "", ""]),
                    ["CT4", "Tỷ lệ doanh nghiệp trên địa bàn sử dụng hóa đơn điện tử", "%", "95", "100", "100", PKT,
                     "Đội Thuế liên xã"],
                    ["CT5", "Chợ truyền thống có mô hình thanh toán không dùng tiền mặt", "Có/Không", "Có", "Có", "Có",
                     PKT, "Ban quản lý chợ, các ngân hàng thương mại"],
                    SPAN7(["C. XÃ HỘI SỐ", "", "", "", "", "", "", ""]),
                    ["CT6", "Số người dân được tập huấn kỹ năng số cơ bản", "Người", "500", "800", "1.000", PVX,
                     "Đoàn Thanh niên xã\nHội Liên hiệp Phụ nữ xã"],
                    ["CT7", "Tỷ lệ thôn có điểm truy cập Internet công cộng miễn phí", "%", "50", "75", "100",
                     "Phòng Văn hóa - Xã hội, Trưởng các thôn", ""],
                ],
            }),
        ],
        "expected": plan(
            "Kế hoạch Chuyển đổi số xã Hòa Tiến giai đoạn 2026 - 2028", "Hòa Tiến", "Đà Nẵng", "103/KH-UBND",
            "2026-02-05",
            [("A", "Chính quyền số"), ("B", "Kinh tế số"), ("C", "Xã hội số")],
            [
                ind("CT1", "A", "Tỷ lệ hồ sơ thủ tục hành chính được giải quyết trực tuyến toàn trình",
                    [tg(2026, ">=", 70, "%", "70"), tg(2027, ">=", 80, "%", "80"), tg(2028, ">=", 90, "%", "90")],
                    [TTHC], ["Các bộ phận chuyên môn"]),
                ind("CT2", "A", "Hệ thống họp trực tuyến kết nối đến các thôn",
                    [tg(2026, ">=", 1, "hệ thống", "01 hệ thống")], [VP], ["Doanh nghiệp viễn thông"]),
                ind("CT3", "A", "Ban hành Quy chế quản lý, khai thác dữ liệu số của xã",
                    [tg(2026, "text", None, "", "Hoàn thành")], [VP], ["Công chức Tư pháp - Hộ tịch"]),
                ind("CT4", "B", "Tỷ lệ doanh nghiệp trên địa bàn sử dụng hóa đơn điện tử",
                    [tg(2026, ">=", 95, "%", "95"), tg(2027, ">=", 100, "%", "100"), tg(2028, ">=", 100, "%", "100")],
                    [PKT], ["Đội Thuế liên xã"]),
                ind("CT5", "B", "Chợ truyền thống có mô hình thanh toán không dùng tiền mặt",
                    [tg(2026, "text", None, "", "Có"), tg(2027, "text", None, "", "Có"),
                     tg(2028, "text", None, "", "Có")],
                    [PKT], ["Ban quản lý chợ, các ngân hàng thương mại"]),
                ind("CT6", "C", "Số người dân được tập huấn kỹ năng số cơ bản",
                    [tg(2026, ">=", 500, "người", "500"), tg(2027, ">=", 800, "người", "800"),
                     tg(2028, ">=", 1000, "người", "1.000")],
                    [PVX], ["Đoàn Thanh niên xã", "Hội Liên hiệp Phụ nữ xã"]),
                ind("CT7", "C", "Tỷ lệ thôn có điểm truy cập Internet công cộng miễn phí",
                    [tg(2026, ">=", 50, "%", "50"), tg(2027, ">=", 75, "%", "75"), tg(2028, ">=", 100, "%", "100")],
                    ["Phòng Văn hóa - Xã hội, Trưởng các thôn"], []),
            ], []),
    })

    # ---- 20. prose targets under "2.1." / "2.2." sub-headings ("Đến hết năm
    #          2026, 100% …", "từ 60% trở lên", "từ 15 tuổi trở lên" in a
    #          name), "Nơi nhận:" after the signature, then the task appendix
    #          "PHỤ LỤC" on its own, due in "Tiến độ", the table cut by a page
    #          break with its header repeated ------------------------------
    out.append({
        "name": "ea-tu-2026",
        "xlsx": False,
        "blocks": [
            heading("XÃ EA TU", "56/KH-UBND", "Ea Tu, ngày 24 tháng 02 năm 2026"),
            ("c", "KẾ HOẠCH"),
            ("c", "Chuyển đổi số và phát triển chính quyền số xã Ea Tu năm 2026"),
            ("p", "Căn cứ Kế hoạch số 31/KH-UBND ngày 09/02/2026 của UBND tỉnh Đắk Lắk về chuyển đổi số năm 2026, "
                  "UBND xã Ea Tu ban hành Kế hoạch thực hiện như sau:"),
            ("b", "I. MỤC TIÊU"),
            ("b", "1. Mục tiêu chung"),
            ("p", "Phát triển chính quyền số, phục vụ người dân và doanh nghiệp ngày càng tốt hơn."),
            ("b", "2. Mục tiêu cụ thể"),
            ("b", "2.1. Về chính quyền số"),
            ("li", "Đến hết năm 2026, 100% hồ sơ công việc tại UBND xã được xử lý trên môi trường mạng (trừ hồ sơ "
                   "mật)."),
            ("li", "Tỷ lệ thủ tục hành chính được số hóa kết quả giải quyết đạt từ 60% trở lên."),
            ("b", "2.2. Về kinh tế số và xã hội số"),
            ("li", "Số sản phẩm OCOP của xã được giới thiệu, bán trên sàn thương mại điện tử đạt ít nhất 05 sản "
                   "phẩm."),
            ("li", "Tỷ lệ người dân từ 15 tuổi trở lên có tài khoản định danh điện tử mức độ 2 đạt trên 90%."),
            ("b", "II. NHIỆM VỤ, GIẢI PHÁP"),
            ("p", "Các nhiệm vụ cụ thể, đơn vị thực hiện và tiến độ tại Phụ lục kèm theo."),
            ("b", "III. TỔ CHỨC THỰC HIỆN"),
            ("p", "Giao Phòng Văn hóa - Xã hội chủ trì theo dõi, đôn đốc; các đơn vị báo cáo kết quả thực hiện định "
                  "kỳ hằng quý trước ngày 15 của tháng cuối quý."),
            ("b", "CHỦ TỊCH"),
            ("p", "Nơi nhận:"),
            ("li", "UBND tỉnh (b/c);"),
            ("li", "Các cơ quan, đơn vị;"),
            ("li", "Lưu: VT."),
            ("c", "PHỤ LỤC"),
            ("c", "DANH MỤC NHIỆM VỤ CHUYỂN ĐỔI SỐ NĂM 2026"),
            ("p", "(Kèm theo Kế hoạch số 56/KH-UBND ngày 24/02/2026 của Ủy ban nhân dân xã Ea Tu)"),
            ("table", {
                "head": [["TT", "Nhiệm vụ", "Đơn vị thực hiện", "Đơn vị phối hợp", "Sản phẩm", "Tiến độ"]],
                "repeat": True,
                "rows": [
                    ["1", "Rà soát, cập nhật danh mục thủ tục hành chính thực hiện trực tuyến toàn trình trên Cổng "
                          "dịch vụ công quốc gia", TTHC, "Các bộ phận chuyên môn", "Danh mục thủ tục hành chính",
                     "Quý II/2026"],
                    ["2", "Triển khai ứng dụng quản lý văn bản và điều hành trên thiết bị di động cho cán bộ, công "
                          "chức", VP, "Viettel Đắk Lắk", "Ứng dụng được cài đặt, sử dụng", "Tháng 10/2026"],
                    ["3", "Tuyên truyền về chuyển đổi số trên hệ thống truyền thanh cơ sở và các nhóm mạng xã hội "
                          "của thôn, buôn", PVX, "Các thôn, buôn", "Tin, bài tuyên truyền", "Thường xuyên"],
                    ["4", "Hướng dẫn người dân cài đặt, kích hoạt và sử dụng tài khoản định danh điện tử",
                     "Công an xã", "Đoàn Thanh niên xã, Hội Liên hiệp Phụ nữ xã", "Tài khoản được kích hoạt",
                     "Tháng 8/2026"],
                    ["5", "Số hóa hồ sơ địa chính đang lưu trữ tại xã, cập nhật vào cơ sở dữ liệu đất đai", PKT,
                     TTHC, "Cơ sở dữ liệu địa chính", "Quý IV/2026"],
                    ["6", "Tập huấn kỹ năng sử dụng chữ ký số và dịch vụ công trực tuyến cho cán bộ, công chức",
                     VP, PVX, "Lớp tập huấn", "Tháng 5/2026"],
                    ["7", "Hỗ trợ hợp tác xã, hộ sản xuất đưa sản phẩm nông sản lên sàn thương mại điện tử", PKT,
                     "Bưu điện xã\nHợp tác xã nông nghiệp Ea Tu", "Gian hàng trực tuyến", "Quý III/2026"],
                    ["8", "Rà soát, bảo đảm an toàn thông tin cho hệ thống máy tính của các cơ quan", VP,
                     "Công an xã", "Báo cáo rà soát", "Tháng 11/2026"],
                    ["9", "Tổng kết, đánh giá kết quả chuyển đổi số năm 2026", PVX, "Các cơ quan, đơn vị liên quan",
                     "Báo cáo tổng kết", "Tháng 12/2026"],
                ],
                "cut": (5, 0),
            }),
        ],
        "expected": plan(
            "Kế hoạch Chuyển đổi số và phát triển chính quyền số xã Ea Tu năm 2026", "Ea Tu", "Đắk Lắk",
            "56/KH-UBND", "2026-02-24",
            [("2.1", "Về chính quyền số"), ("2.2", "Về kinh tế số và xã hội số")],
            [
                ind("T1", "2.1", "Hồ sơ công việc tại UBND xã được xử lý trên môi trường mạng (trừ hồ sơ mật)",
                    [tg(2026, ">=", 100, "%", "100%")]),
                ind("T2", "2.1", "Tỷ lệ thủ tục hành chính được số hóa kết quả giải quyết",
                    [tg(2026, ">=", 60, "%", "đạt từ 60% trở lên")]),
                ind("T3", "2.2", "Số sản phẩm OCOP của xã được giới thiệu, bán trên sàn thương mại điện tử",
                    [tg(2026, ">=", 5, "sản phẩm", "đạt ít nhất 05 sản phẩm")]),
                ind("T4", "2.2", "Tỷ lệ người dân từ 15 tuổi trở lên có tài khoản định danh điện tử mức độ 2",
                    [tg(2026, ">", 90, "%", "đạt trên 90%")]),
            ],
            [
                task("1", None, "Rà soát, cập nhật danh mục thủ tục hành chính thực hiện trực tuyến toàn trình trên "
                                "Cổng dịch vụ công quốc gia", [TTHC], ["Các bộ phận chuyên môn"],
                     ["Danh mục thủ tục hành chính"], "2026-Q2", "Quý II/2026"),
                task("2", None, "Triển khai ứng dụng quản lý văn bản và điều hành trên thiết bị di động cho cán bộ, "
                                "công chức", [VP], ["Viettel Đắk Lắk"], ["Ứng dụng được cài đặt, sử dụng"], "2026-10",
                     "Tháng 10/2026"),
                task("3", None, "Tuyên truyền về chuyển đổi số trên hệ thống truyền thanh cơ sở và các nhóm mạng xã "
                                "hội của thôn, buôn", [PVX], ["Các thôn, buôn"], ["Tin, bài tuyên truyền"], "recurring",
                     "Thường xuyên"),
                task("4", None, "Hướng dẫn người dân cài đặt, kích hoạt và sử dụng tài khoản định danh điện tử",
                     ["Công an xã"], ["Đoàn Thanh niên xã, Hội Liên hiệp Phụ nữ xã"], ["Tài khoản được kích hoạt"],
                     "2026-08", "Tháng 8/2026"),
                task("5", None, "Số hóa hồ sơ địa chính đang lưu trữ tại xã, cập nhật vào cơ sở dữ liệu đất đai",
                     [PKT], [TTHC], ["Cơ sở dữ liệu địa chính"], "2026-Q4", "Quý IV/2026"),
                task("6", None, "Tập huấn kỹ năng sử dụng chữ ký số và dịch vụ công trực tuyến cho cán bộ, công chức",
                     [VP], [PVX], ["Lớp tập huấn"], "2026-05", "Tháng 5/2026"),
                task("7", None, "Hỗ trợ hợp tác xã, hộ sản xuất đưa sản phẩm nông sản lên sàn thương mại điện tử",
                     [PKT], ["Bưu điện xã", "Hợp tác xã nông nghiệp Ea Tu"], ["Gian hàng trực tuyến"], "2026-Q3",
                     "Quý III/2026"),
                task("8", None, "Rà soát, bảo đảm an toàn thông tin cho hệ thống máy tính của các cơ quan", [VP],
                     ["Công an xã"], ["Báo cáo rà soát"], "2026-11", "Tháng 11/2026"),
                task("9", None, "Tổng kết, đánh giá kết quả chuyển đổi số năm 2026", [PVX],
                     ["Các cơ quan, đơn vị liên quan"], ["Báo cáo tổng kết"], "2026-12", "Tháng 12/2026"),
            ]),
    })

    # ---- 21. group name in a first column "Lĩnh vực" merged down, "ĐVT",
    #          a baseline "Hiện trạng 2025", "Chỉ tiêu theo năm" over the
    #          years 2026…2030 ("-": none that year), "Cơ quan chủ trì/phối
    #          hợp" over "Chủ trì | Phối hợp"; the workbook (written by
    #          make_holdout.py) has a cover sheet first and the table's
    #          header at row 7 under the title lines ----------------------
    out.append({
        "name": "vinh-thanh-2026-2030",
        "xlsx": "book",
        "cover": ["ỦY BAN NHÂN DÂN XÃ VĨNH THẠNH", "", "KẾ HOẠCH",
                  "Chuyển đổi số xã Vĩnh Thạnh giai đoạn 2026 - 2030", "Số: 88/KH-UBND",
                  "Vĩnh Thạnh, ngày 30 tháng 01 năm 2026"],
        "top": ["ỦY BAN NHÂN DÂN XÃ VĨNH THẠNH", "PHỤ LỤC",
                "CHỈ TIÊU CHUYỂN ĐỔI SỐ XÃ VĨNH THẠNH GIAI ĐOẠN 2026 - 2030",
                "(Kèm theo Kế hoạch số 88/KH-UBND ngày 30/01/2026 của UBND xã Vĩnh Thạnh)", "", ""],
        "blocks": [
            heading("XÃ VĨNH THẠNH", "88/KH-UBND", "Vĩnh Thạnh, ngày 30 tháng 01 năm 2026"),
            ("c", "KẾ HOẠCH"),
            ("c", "Chuyển đổi số xã Vĩnh Thạnh giai đoạn 2026 - 2030"),
            ("p", "Căn cứ Kế hoạch số 19/KH-UBND ngày 16/01/2026 của UBND tỉnh Gia Lai về chuyển đổi số giai đoạn "
                  "2026 - 2030, UBND xã Vĩnh Thạnh ban hành Kế hoạch như sau:"),
            ("b", "I. MỤC TIÊU"),
            ("p", "Hiện trạng năm 2025 và chỉ tiêu từng năm đến năm 2030 tại Phụ lục kèm theo."),
            ("b", "II. TỔ CHỨC THỰC HIỆN"),
            ("p", "Định kỳ 6 tháng (trước ngày 15/6) và hằng năm (trước ngày 15/12), các cơ quan chủ trì báo cáo kết "
                  "quả thực hiện về Văn phòng HĐND và UBND xã."),
            ("b", "CHỦ TỊCH"),
            ("appendix_start",),
            ("c", "PHỤ LỤC"),
            ("c", "CHỈ TIÊU CHUYỂN ĐỔI SỐ XÃ VĨNH THẠNH GIAI ĐOẠN 2026 - 2030"),
            ("p", "(Kèm theo Kế hoạch số 88/KH-UBND ngày 30/01/2026 của UBND xã Vĩnh Thạnh)"),
            ("table", {
                "head": [[("Lĩnh vực", 1, 2), ("STT", 1, 2), ("Chỉ tiêu", 1, 2), ("ĐVT", 1, 2),
                          ("Hiện trạng 2025", 1, 2), ("Chỉ tiêu theo năm", 5, 1), ("Cơ quan chủ trì/phối hợp", 2, 1)],
                         ["2026", "2027", "2028", "2029", "2030", "Chủ trì", "Phối hợp"]],
                "codecol": 1, "namecol": 2,
                "rows": [
                    [("Chính quyền số", 1, 3), "1", "Tỷ lệ hồ sơ thủ tục hành chính được tiếp nhận trực tuyến", "%",
                     "52", "60", "70", "80", "90", "95", TTHC, "Các bộ phận chuyên môn"],
                    ["2", "Tỷ lệ văn bản trao đổi giữa các cơ quan dưới dạng điện tử", "%", "85", "90", "95", "100",
                     "100", "100", VP, "Các cơ quan, đơn vị"],
                    ["3", "Số dịch vụ công trực tuyến toàn trình được cung cấp", "dịch vụ", "35", "40", "45", "50",
                     "-", "60", TTHC, ""],
                    [("Kinh tế số", 1, 2), "4", "Tỷ lệ hộ kinh doanh sử dụng thanh toán không dùng tiền mặt", "%",
                     "38,5", "45", "55", "65", "75", "85", PKT, "Các ngân hàng thương mại, Bưu điện xã"],
                    ["5", "Số hợp tác xã có sản phẩm bán trên sàn thương mại điện tử", "hợp tác xã", "2", "3", "4",
                     "5", "6", "8", PKT, "Các hợp tác xã"],
                    [("Xã hội số", 1, 2), "6", "Tỷ lệ hộ gia đình có kết nối Internet băng rộng cáp quang", "%",
                     "68", "75", "80", "85", "90", "95", PVX, "Doanh nghiệp viễn thông"],
                    ["7", "Số Tổ công nghệ số cộng đồng hoạt động hiệu quả", "tổ", "12", "12", "12", "12", "12", "12",
                     PVX, "Ủy ban MTTQ Việt Nam xã"],
                ],
            }),
        ],
        "expected": plan(
            "Kế hoạch Chuyển đổi số xã Vĩnh Thạnh giai đoạn 2026 - 2030", "Vĩnh Thạnh", "Gia Lai", "88/KH-UBND",
            "2026-01-30",
            [("1", "Chính quyền số"), ("2", "Kinh tế số"), ("3", "Xã hội số")],
            [
                ind("1", "1", "Tỷ lệ hồ sơ thủ tục hành chính được tiếp nhận trực tuyến",
                    [tg(2026, ">=", 60, "%", "60"), tg(2027, ">=", 70, "%", "70"), tg(2028, ">=", 80, "%", "80"),
                     tg(2029, ">=", 90, "%", "90"), tg(2030, ">=", 95, "%", "95")],
                    [TTHC], ["Các bộ phận chuyên môn"]),
                ind("2", "1", "Tỷ lệ văn bản trao đổi giữa các cơ quan dưới dạng điện tử",
                    [tg(2026, ">=", 90, "%", "90"), tg(2027, ">=", 95, "%", "95"), tg(2028, ">=", 100, "%", "100"),
                     tg(2029, ">=", 100, "%", "100"), tg(2030, ">=", 100, "%", "100")],
                    [VP], ["Các cơ quan, đơn vị"]),
                ind("3", "1", "Số dịch vụ công trực tuyến toàn trình được cung cấp",
                    [tg(2026, ">=", 40, "dịch vụ", "40"), tg(2027, ">=", 45, "dịch vụ", "45"),
                     tg(2028, ">=", 50, "dịch vụ", "50"), tg(2030, ">=", 60, "dịch vụ", "60")],
                    [TTHC], []),
                ind("4", "2", "Tỷ lệ hộ kinh doanh sử dụng thanh toán không dùng tiền mặt",
                    [tg(2026, ">=", 45, "%", "45"), tg(2027, ">=", 55, "%", "55"), tg(2028, ">=", 65, "%", "65"),
                     tg(2029, ">=", 75, "%", "75"), tg(2030, ">=", 85, "%", "85")],
                    [PKT], ["Các ngân hàng thương mại, Bưu điện xã"]),
                ind("5", "2", "Số hợp tác xã có sản phẩm bán trên sàn thương mại điện tử",
                    [tg(2026, ">=", 3, "hợp tác xã", "3"), tg(2027, ">=", 4, "hợp tác xã", "4"),
                     tg(2028, ">=", 5, "hợp tác xã", "5"), tg(2029, ">=", 6, "hợp tác xã", "6"),
                     tg(2030, ">=", 8, "hợp tác xã", "8")],
                    [PKT], ["Các hợp tác xã"]),
                ind("6", "3", "Tỷ lệ hộ gia đình có kết nối Internet băng rộng cáp quang",
                    [tg(2026, ">=", 75, "%", "75"), tg(2027, ">=", 80, "%", "80"), tg(2028, ">=", 85, "%", "85"),
                     tg(2029, ">=", 90, "%", "90"), tg(2030, ">=", 95, "%", "95")],
                    [PVX], ["Doanh nghiệp viễn thông"]),
                ind("7", "3", "Số Tổ công nghệ số cộng đồng hoạt động hiệu quả",
                    [tg(y, ">=", 12, "tổ", "12") for y in range(2026, 2031)],
                    [PVX], ["Ủy ban MTTQ Việt Nam xã"]),
            ], []),
    })

    # ======== eighth round: written after the seventh round's fixes ========

    # ---- 22. one table headed "Nhiệm vụ" whose rows partly state targets
    #          ("… đạt trên 80%", "80% người dân …", "tối thiểu 15 điểm")
    #          and partly name work with a number in it ("liên thông 4 cấp",
    #          "tại 12 thôn"); codes "1a, 1b" under groups "1", "2"; one
    #          column "Cơ quan chủ trì/phối hợp" with labelled paragraphs;
    #          dues "Hằng quý", "Quý I, II/2026", "06 tháng hoặc đột xuất",
    #          "Trong năm", "Trước ngày 30/4/2026"; the .txt saved as UTF-16
    #          (Windows Notepad) -------------------------------------------
    def cp2(lead, sup):
        return "Chủ trì: " + lead + "\nPhối hợp: " + sup
    out.append({
        "name": "ta-van-2026",
        "xlsx": True,
        "txt_utf16": True,
        "blocks": [
            heading("XÃ TẢ VAN", "21/KH-UBND", "Tả Van, ngày 09 tháng 02 năm 2026"),
            ("c", "KẾ HOẠCH"),
            ("c", "Triển khai nhiệm vụ chuyển đổi số năm 2026 trên địa bàn xã Tả Van"),
            ("p", "Thực hiện Kế hoạch số 15/KH-UBND ngày 28/01/2026 của UBND tỉnh Lào Cai về chuyển đổi số năm 2026, "
                  "UBND xã Tả Van ban hành Kế hoạch triển khai như sau:"),
            ("b", "I. MỤC ĐÍCH, YÊU CẦU"),
            ("li", "Bám sát nhiệm vụ tỉnh giao; phân công rõ cơ quan chủ trì, phối hợp."),
            ("b", "II. NHIỆM VỤ"),
            ("p", "Danh mục nhiệm vụ tại Phụ lục kèm theo."),
            ("b", "III. TỔ CHỨC THỰC HIỆN"),
            ("p", "Các cơ quan, đơn vị báo cáo kết quả thực hiện 06 tháng trước ngày 10/6/2026 và cả năm trước ngày "
                  "10/12/2026 về Phòng Văn hóa - Xã hội."),
            ("b", "CHỦ TỊCH"),
            ("appendix_start",),
            ("c", "PHỤ LỤC"),
            ("c", "DANH MỤC NHIỆM VỤ CHUYỂN ĐỔI SỐ NĂM 2026"),
            ("p", "(Kèm theo Kế hoạch số 21/KH-UBND ngày 09/02/2026 của UBND xã Tả Van)"),
            ("table", {
                "head": [["STT", "Nhiệm vụ", "Cơ quan chủ trì/phối hợp", "Sản phẩm", "Thời gian thực hiện"]],
                "rows": [
                    ["1", "Chính quyền số", "", "", ""],
                    ["1a", "Tỷ lệ hồ sơ thủ tục hành chính được tiếp nhận, giải quyết trực tuyến đạt trên 80%",
                     cp2(TTHC, "Các bộ phận chuyên môn"), "Báo cáo kết quả", "Hằng quý"],
                    ["1b", "Triển khai phần mềm quản lý văn bản và hồ sơ công việc liên thông 4 cấp",
                     cp2(VP, "Các bộ phận chuyên môn"), "Phần mềm được vận hành", "Quý I, II/2026"],
                    ["1c", "Cập nhật, công khai thông tin trên Trang thông tin điện tử của xã", cp2(VP, PVX),
                     "Tin, bài được đăng tải", "06 tháng hoặc đột xuất"],
                    ["2", "Kinh tế số và xã hội số", "", "", ""],
                    ["2a", "80% người dân trưởng thành có tài khoản định danh điện tử mức độ 2",
                     cp2("Công an xã", "Các thôn"), "Tài khoản được kích hoạt", "Trong năm"],
                    ["2b", "Tổ chức lớp hướng dẫn bán hàng trên sàn thương mại điện tử cho hộ kinh doanh, hợp tác xã",
                     cp2(PKT, "Hội Nông dân xã\nHợp tác xã dịch vụ Tả Van"), "03 lớp tập huấn",
                     "Trước ngày 30/4/2026"],
                    ["2c", "Số điểm du lịch cộng đồng có thanh toán không dùng tiền mặt đạt tối thiểu 15 điểm",
                     cp2(PKT, "Các ngân hàng thương mại"), "Điểm thanh toán bằng mã QR", "Tháng 11/2026"],
                    ["2d", "Duy trì hoạt động của Tổ công nghệ số cộng đồng tại 12 thôn", cp2(PVX, "Đoàn Thanh niên xã"),
                     "Báo cáo định kỳ", "Thường xuyên"],
                ],
            }),
        ],
        "expected": plan(
            "Kế hoạch Triển khai nhiệm vụ chuyển đổi số năm 2026 trên địa bàn xã Tả Van", "Tả Van", "Lào Cai",
            "21/KH-UBND", "2026-02-09",
            [("1", "Chính quyền số"), ("2", "Kinh tế số và xã hội số")],
            [
                ind("1a", "1", "Tỷ lệ hồ sơ thủ tục hành chính được tiếp nhận, giải quyết trực tuyến",
                    [tg(2026, ">", 80, "%", "đạt trên 80%")], [TTHC], ["Các bộ phận chuyên môn"], "recurring",
                    "Hằng quý"),
                ind("2a", "2", "Người dân trưởng thành có tài khoản định danh điện tử mức độ 2",
                    [tg(2026, ">=", 80, "%", "80%")], ["Công an xã"], ["Các thôn"], "2026", "Trong năm"),
                ind("2c", "2", "Số điểm du lịch cộng đồng có thanh toán không dùng tiền mặt",
                    [tg(2026, ">=", 15, "điểm", "đạt tối thiểu 15 điểm")], [PKT], ["Các ngân hàng thương mại"],
                    "2026-11", "Tháng 11/2026"),
            ],
            [
                task("1b", "1", "Triển khai phần mềm quản lý văn bản và hồ sơ công việc liên thông 4 cấp", [VP],
                     ["Các bộ phận chuyên môn"], ["Phần mềm được vận hành"], "2026-Q2", "Quý I, II/2026"),
                task("1c", "1", "Cập nhật, công khai thông tin trên Trang thông tin điện tử của xã", [VP], [PVX],
                     ["Tin, bài được đăng tải"], "recurring", "06 tháng hoặc đột xuất"),
                task("2b", "2", "Tổ chức lớp hướng dẫn bán hàng trên sàn thương mại điện tử cho hộ kinh doanh, hợp tác "
                                "xã", [PKT], ["Hội Nông dân xã", "Hợp tác xã dịch vụ Tả Van"], ["03 lớp tập huấn"],
                     "2026-04", "Trước ngày 30/4/2026"),
                task("2d", "2", "Duy trì hoạt động của Tổ công nghệ số cộng đồng tại 12 thôn", [PVX],
                     ["Đoàn Thanh niên xã"], ["Báo cáo định kỳ"], "recurring", "Thường xuyên"),
            ]),
    })

    # ---- 23. a Word file made from a PDF (one paragraph per printed line)
    #          with prose targets, one restating a row of the appendix and
    #          one with two years ("tối thiểu 50% vào năm 2027 và 80% vào năm
    #          2030"); the appendix: "ĐVT", "Hiện trạng 2025", "Mục tiêu" over
    #          "Năm 2027 | Năm 2030" with "≥ 70", "Dưới 2", "-" as a baseline;
    #          no group rows; the workbook holds the table alone (no title,
    #          no document header) ---------------------------------------
    out.append({
        "name": "binh-lu-2026-2030",
        "xlsx": True,
        "xlsx_without": ["T1"],     # the prose target: not in the appendix-only workbook
        "blocks": [
            heading("XÃ BÌNH LƯ", "64/KH-UBND", "Bình Lư, ngày 26 tháng 02 năm 2026"),
            ("c", "KẾ HOẠCH"),
            ("c", "Chuyển đổi số xã Bình Lư giai đoạn 2026 - 2030"),
            ("pw", "Căn cứ Kế hoạch số 33/KH-UBND ngày 12/02/2026 của UBND tỉnh Lai Châu về chuyển đổi số giai đoạn "
                   "2026 - 2030, Ủy ban nhân dân xã Bình Lư ban hành Kế hoạch chuyển đổi số giai đoạn 2026 - 2030 như "
                   "sau:"),
            ("b", "I. MỤC TIÊU"),
            ("b", "1. Mục tiêu cụ thể đến năm 2030"),
            ("pw", "- Phấn đấu đến năm 2030, 90% hộ gia đình trên địa bàn xã có kết nối Internet băng rộng cáp "
                   "quang."),
            ("pw", "- Tỷ lệ người dân sử dụng dịch vụ công trực tuyến đạt tối thiểu 50% vào năm 2027 và 80% vào năm "
                   "2030."),
            ("b", "II. TỔ CHỨC THỰC HIỆN"),
            ("pw", "Giao Văn phòng HĐND và UBND xã chủ trì, phối hợp với Phòng Văn hóa - Xã hội theo dõi, tổng hợp "
                   "tình hình thực hiện; định kỳ hằng năm báo cáo Chủ tịch UBND xã trước ngày 05/12."),
            ("b", "CHỦ TỊCH"),
            ("c", "PHỤ LỤC"),
            ("c", "MỤC TIÊU CHUYỂN ĐỔI SỐ XÃ BÌNH LƯ ĐẾN NĂM 2030"),
            ("p", "(Kèm theo Kế hoạch số 64/KH-UBND ngày 26/02/2026 của UBND xã Bình Lư)"),
            ("appendix_start",),
            ("table", {
                "head": [[("TT", 1, 2), ("Chỉ tiêu", 1, 2), ("ĐVT", 1, 2), ("Hiện trạng 2025", 1, 2),
                          ("Mục tiêu", 2, 1), ("Đơn vị chủ trì", 1, 2), ("Đơn vị phối hợp", 1, 2)],
                         ["Năm 2027", "Năm 2030"]],
                "rows": [
                    ["1", "Tỷ lệ thủ tục hành chính cung cấp dịch vụ công trực tuyến toàn trình", "%", "45", "≥ 70",
                     "≥ 90", TTHC, "Các bộ phận chuyên môn"],
                    ["2", "Tỷ lệ hộ gia đình có kết nối Internet băng rộng cáp quang", "%", "55", "70", "90", PVX,
                     "Các doanh nghiệp viễn thông"],
                    ["3", "Số thôn có mô hình camera an ninh kết nối Internet", "thôn", "3", "8", "15", "Công an xã",
                     "Trưởng các thôn\nBan công tác Mặt trận các thôn"],
                    ["4", "Tỷ lệ hồ sơ giải quyết quá hạn", "%", "4,5", "Dưới 2", "Dưới 1", VP, TTHC],
                    ["5", "Số sản phẩm nông sản chủ lực được truy xuất nguồn gốc điện tử", "sản phẩm", "-", "4", "10",
                     PKT, "Hợp tác xã nông nghiệp Bình Lư"],
                ],
            }),
        ],
        "expected": plan(
            "Kế hoạch Chuyển đổi số xã Bình Lư giai đoạn 2026 - 2030", "Bình Lư", "Lai Châu", "64/KH-UBND",
            "2026-02-26",
            [("1", "Mục tiêu cụ thể đến năm 2030")],
            [
                ind("1", None, "Tỷ lệ thủ tục hành chính cung cấp dịch vụ công trực tuyến toàn trình",
                    [tg(2027, ">=", 70, "%", "≥ 70"), tg(2030, ">=", 90, "%", "≥ 90")], [TTHC],
                    ["Các bộ phận chuyên môn"]),
                ind("2", None, "Tỷ lệ hộ gia đình có kết nối Internet băng rộng cáp quang",
                    [tg(2027, ">=", 70, "%", "70"), tg(2030, ">=", 90, "%", "90")], [PVX],
                    ["Các doanh nghiệp viễn thông"]),
                ind("3", None, "Số thôn có mô hình camera an ninh kết nối Internet",
                    [tg(2027, ">=", 8, "thôn", "8"), tg(2030, ">=", 15, "thôn", "15")], ["Công an xã"],
                    ["Trưởng các thôn", "Ban công tác Mặt trận các thôn"]),
                ind("4", None, "Tỷ lệ hồ sơ giải quyết quá hạn",
                    [tg(2027, "<", 2, "%", "Dưới 2"), tg(2030, "<", 1, "%", "Dưới 1")], [VP], [TTHC]),
                ind("5", None, "Số sản phẩm nông sản chủ lực được truy xuất nguồn gốc điện tử",
                    [tg(2027, ">=", 4, "sản phẩm", "4"), tg(2030, ">=", 10, "sản phẩm", "10")], [PKT],
                    ["Hợp tác xã nông nghiệp Bình Lư"]),
                ind("T1", "1", "Tỷ lệ người dân sử dụng dịch vụ công trực tuyến",
                    [tg(2027, ">=", 50, "%", "đạt tối thiểu 50% vào năm 2027"),
                     tg(2030, ">=", 80, "%", "80% vào năm 2030")]),
            ], []),
    })
    # ======== ninth round: written after the eighth round's fixes ========

    # ---- 24. "Nội dung chỉ tiêu", "ĐVT" with "Lượt người"/"Hộ", a baseline
    #          "Hiện trạng năm 2025" (one "Chưa có"), years headed "Năm 2026"
    #          … "Năm 2030" ("-": none), roman group rows in capitals over
    #          items numbered on across groups; the table runs onto a second
    #          page: header repeated, the group row not, a row's name cut by
    #          the break; "Cơ quan chủ trì" | "Cơ quan phối hợp" ------------
    out.append({
        "name": "tam-giang-2025-2030",
        "xlsx": True,
        "landscape": True,
        "blocks": [
            heading("XÃ TAM GIANG", "142/KH-UBND", "Tam Giang, ngày 29 tháng 12 năm 2025"),
            ("c", "KẾ HOẠCH"),
            ("c", "Chuyển đổi số xã Tam Giang giai đoạn 2025 - 2030"),
            ("p", "Thực hiện Kế hoạch số 301/KH-UBND ngày 15/12/2025 của UBND tỉnh Cà Mau về chuyển đổi số giai "
                  "đoạn 2025 - 2030, Ủy ban nhân dân xã Tam Giang xây dựng Kế hoạch như sau:"),
            ("b", "I. MỤC TIÊU"),
            ("p", "Hiện trạng năm 2025 và lộ trình chỉ tiêu hằng năm đến năm 2030 chi tiết tại Phụ lục kèm theo "
                  "Kế hoạch này."),
            ("b", "II. TỔ CHỨC THỰC HIỆN"),
            ("p", "Các cơ quan chủ trì báo cáo kết quả thực hiện 6 tháng đầu năm trước ngày 10/6 và cả năm trước "
                  "ngày 10/12 hằng năm về Văn phòng HĐND và UBND xã để tổng hợp."),
            ("b", "KT. CHỦ TỊCH"),
            ("b", "PHÓ CHỦ TỊCH"),
            ("appendix_start",),
            ("c", "PHỤ LỤC"),
            ("c", "LỘ TRÌNH CHỈ TIÊU CHUYỂN ĐỔI SỐ XÃ TAM GIANG GIAI ĐOẠN 2025 - 2030"),
            ("p", "(Ban hành kèm theo Kế hoạch số 142/KH-UBND ngày 29/12/2025 của UBND xã Tam Giang)"),
            ("table", {
                "head": [["STT", "Nội dung chỉ tiêu", "ĐVT", "Hiện trạng năm 2025", "Năm 2026", "Năm 2027",
                          "Năm 2028", "Năm 2029", "Năm 2030", "Cơ quan chủ trì", "Cơ quan phối hợp"]],
                "repeat": True,
                "rows": [
                    ["I", "CHÍNH QUYỀN SỐ", "", "", "", "", "", "", "", "", ""],
                    ["1", "Tỷ lệ hồ sơ công việc của UBND xã được xử lý trên môi trường mạng", "%", "80", "85",
                     "90", "95", "100", "100", VP, "Các bộ phận chuyên môn"],
                    ["2", "Tỷ lệ thủ tục hành chính có kết quả giải quyết được số hóa", "%", "42", "55", "65", "75",
                     "85", "95", TTHC, "Các bộ phận chuyên môn"],
                    ["3", "Số cuộc họp của UBND xã tổ chức không giấy tờ", "Cuộc", "6", "12", "18", "24", "24",
                     "24", VP, ""],
                    ["II", "KINH TẾ SỐ", "", "", "", "", "", "", "", "", ""],
                    ["4", "Tỷ lệ hộ nuôi trồng thủy sản ứng dụng nhật ký điện tử", "%", "12", "20", "30", "40",
                     "50", "60", PKT, "Hội Nông dân xã\nCác tổ hợp tác nuôi tôm"],
                    ["5", "Số hộ kinh doanh sử dụng hóa đơn điện tử khởi tạo từ máy tính tiền", "Hộ", "Chưa có",
                     "30", "60", "-", "120", "150", PKT, "Đội Thuế liên xã"],
                    ["6", "Tỷ lệ giao dịch thanh toán tại chợ xã không dùng tiền mặt", "%", "15,5", "25", "35",
                     "45", "55", "65", PKT, "Ban quản lý chợ xã\nCác ngân hàng thương mại"],
                    ["III", "XÃ HỘI SỐ", "", "", "", "", "", "", "", "", ""],
                    ["7", "Số lượt người dân được hướng dẫn sử dụng dịch vụ công trực tuyến", "Lượt người", "850",
                     "1.200", "1.500", "1.800", "2.000", "2.200", PVX, "Đoàn Thanh niên xã"],
                    ["8", "Tỷ lệ trường học trên địa bàn thực hiện học bạ số", "%", "50", "100", "100", "100", "100",
                     "100", PVX, "Các trường Mầm non, Tiểu học, THCS"],
                    ["9", "Tỷ lệ người dân có hồ sơ sức khỏe điện tử được cập nhật", "%", "60", "70", "75", "80",
                     "85", "90", "Trạm Y tế xã", "Các ấp"],
                ],
                "cut": (6, 4),
            }),
        ],
        "expected": plan(
            "Kế hoạch Chuyển đổi số xã Tam Giang giai đoạn 2025 - 2030", "Tam Giang", "Cà Mau", "142/KH-UBND",
            "2025-12-29",
            [("I", "CHÍNH QUYỀN SỐ"), ("II", "KINH TẾ SỐ"), ("III", "XÃ HỘI SỐ")],
            [
                ind("1", "I", "Tỷ lệ hồ sơ công việc của UBND xã được xử lý trên môi trường mạng",
                    [tg(2026, ">=", 85, "%", "85"), tg(2027, ">=", 90, "%", "90"), tg(2028, ">=", 95, "%", "95"),
                     tg(2029, ">=", 100, "%", "100"), tg(2030, ">=", 100, "%", "100")],
                    [VP], ["Các bộ phận chuyên môn"]),
                ind("2", "I", "Tỷ lệ thủ tục hành chính có kết quả giải quyết được số hóa",
                    [tg(2026, ">=", 55, "%", "55"), tg(2027, ">=", 65, "%", "65"), tg(2028, ">=", 75, "%", "75"),
                     tg(2029, ">=", 85, "%", "85"), tg(2030, ">=", 95, "%", "95")],
                    [TTHC], ["Các bộ phận chuyên môn"]),
                ind("3", "I", "Số cuộc họp của UBND xã tổ chức không giấy tờ",
                    [tg(2026, ">=", 12, "Cuộc", "12"), tg(2027, ">=", 18, "Cuộc", "18"),
                     tg(2028, ">=", 24, "Cuộc", "24"), tg(2029, ">=", 24, "Cuộc", "24"),
                     tg(2030, ">=", 24, "Cuộc", "24")],
                    [VP], []),
                ind("4", "II", "Tỷ lệ hộ nuôi trồng thủy sản ứng dụng nhật ký điện tử",
                    [tg(2026, ">=", 20, "%", "20"), tg(2027, ">=", 30, "%", "30"), tg(2028, ">=", 40, "%", "40"),
                     tg(2029, ">=", 50, "%", "50"), tg(2030, ">=", 60, "%", "60")],
                    [PKT], ["Hội Nông dân xã", "Các tổ hợp tác nuôi tôm"]),
                ind("5", "II", "Số hộ kinh doanh sử dụng hóa đơn điện tử khởi tạo từ máy tính tiền",
                    [tg(2026, ">=", 30, "Hộ", "30"), tg(2027, ">=", 60, "Hộ", "60"),
                     tg(2029, ">=", 120, "Hộ", "120"), tg(2030, ">=", 150, "Hộ", "150")],
                    [PKT], ["Đội Thuế liên xã"]),
                ind("6", "II", "Tỷ lệ giao dịch thanh toán tại chợ xã không dùng tiền mặt",
                    [tg(2026, ">=", 25, "%", "25"), tg(2027, ">=", 35, "%", "35"), tg(2028, ">=", 45, "%", "45"),
                     tg(2029, ">=", 55, "%", "55"), tg(2030, ">=", 65, "%", "65")],
                    [PKT], ["Ban quản lý chợ xã", "Các ngân hàng thương mại"]),
                ind("7", "III", "Số lượt người dân được hướng dẫn sử dụng dịch vụ công trực tuyến",
                    [tg(2026, ">=", 1200, "Lượt người", "1.200"), tg(2027, ">=", 1500, "Lượt người", "1.500"),
                     tg(2028, ">=", 1800, "Lượt người", "1.800"), tg(2029, ">=", 2000, "Lượt người", "2.000"),
                     tg(2030, ">=", 2200, "Lượt người", "2.200")],
                    [PVX], ["Đoàn Thanh niên xã"]),
                ind("8", "III", "Tỷ lệ trường học trên địa bàn thực hiện học bạ số",
                    [tg(y, ">=", 100, "%", "100") for y in range(2026, 2031)],
                    [PVX], ["Các trường Mầm non, Tiểu học, THCS"]),
                ind("9", "III", "Tỷ lệ người dân có hồ sơ sức khỏe điện tử được cập nhật",
                    [tg(2026, ">=", 70, "%", "70"), tg(2027, ">=", 75, "%", "75"), tg(2028, ">=", 80, "%", "80"),
                     tg(2029, ">=", 85, "%", "85"), tg(2030, ">=", 90, "%", "90")],
                    ["Trạm Y tế xã"], ["Các ấp"]),
            ], []),
    })

    # ---- 25. targets only in the prose, lettered a) … đ) under "2. Các chỉ
    #          tiêu chủ yếu" ("Có ít nhất 70% …", "không thấp hơn 85%",
    #          "không quá 05 ngày làm việc", "14/14 thôn"); a task appendix
    #          "Tên nhiệm vụ" with the due column before the product column
    #          ("Thời hạn" | "Kết quả, sản phẩm"), dues "Quý II/2026",
    #          "Thường xuyên", "Hằng tháng", "Trước ngày 30/9/2026",
    #          "Quý I - Quý II/2026"; units on separate lines ---------------
    out.append({
        "name": "na-sam-2026",
        "xlsx": False,
        "blocks": [
            heading("XÃ NA SẦM", "17/KH-UBND", "Na Sầm, ngày 12 tháng 01 năm 2026"),
            ("c", "KẾ HOẠCH"),
            ("c", "Thực hiện chuyển đổi số trên địa bàn xã Na Sầm năm 2026"),
            ("p", "Căn cứ Kế hoạch số 08/KH-UBND ngày 05/01/2026 của UBND tỉnh Lạng Sơn về chuyển đổi số năm "
                  "2026; Ủy ban nhân dân xã Na Sầm ban hành Kế hoạch thực hiện như sau:"),
            ("b", "I. MỤC TIÊU"),
            ("b", "1. Mục tiêu chung"),
            ("p", "Đưa hoạt động của chính quyền xã lên môi trường số, người dân được phục vụ nhanh hơn, minh bạch "
                  "hơn."),
            ("b", "2. Các chỉ tiêu chủ yếu"),
            ("p", "a) 100% văn bản đi của UBND xã (trừ văn bản mật) được ký số và gửi trên môi trường mạng;"),
            ("p", "b) Có ít nhất 70% hồ sơ thủ tục hành chính được tiếp nhận và trả kết quả trực tuyến;"),
            ("p", "c) Tỷ lệ hộ gia đình được gắn địa chỉ số đạt không thấp hơn 85%;"),
            ("p", "d) Thời gian xử lý phản ánh, kiến nghị của người dân trên ứng dụng không quá 05 ngày làm việc;"),
            ("p", "đ) Số thôn có Tổ công nghệ số cộng đồng hoạt động thường xuyên đạt 14/14 thôn."),
            ("b", "II. NHIỆM VỤ, GIẢI PHÁP"),
            ("p", "Các nhiệm vụ cụ thể, cơ quan chủ trì, phối hợp và thời hạn hoàn thành tại Phụ lục kèm theo."),
            ("b", "III. TỔ CHỨC THỰC HIỆN"),
            ("p", "Giao Văn phòng HĐND và UBND xã chủ trì, theo dõi, đôn đốc các cơ quan thực hiện; báo cáo kết quả "
                  "định kỳ hằng quý trước ngày 20 của tháng cuối quý."),
            ("b", "TM. ỦY BAN NHÂN DÂN"),
            ("b", "CHỦ TỊCH"),
            ("appendix_start",),
            ("c", "PHỤ LỤC"),
            ("c", "NHIỆM VỤ CHUYỂN ĐỔI SỐ NĂM 2026 CỦA XÃ NA SẦM"),
            ("p", "(Kèm theo Kế hoạch số 17/KH-UBND ngày 12/01/2026 của UBND xã Na Sầm)"),
            ("table", {
                "head": [["TT", "Tên nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời hạn",
                          "Kết quả, sản phẩm"]],
                "rows": [
                    ["1", "Rà soát, chuẩn hóa quy trình nội bộ giải quyết thủ tục hành chính trên Hệ thống thông tin "
                          "giải quyết thủ tục hành chính của tỉnh", TTHC, "Các công chức chuyên môn", "Quý II/2026",
                     "Quy trình được cập nhật"],
                    ["2", "Gắn mã địa chỉ số cho các hộ gia đình, cơ sở kinh doanh trên bản đồ số", "Công an xã",
                     "Bưu điện xã\nTrưởng các thôn", "Trước ngày 30/9/2026", "Dữ liệu địa chỉ số"],
                    ["3", "Tiếp nhận, xử lý phản ánh, kiến nghị của người dân qua ứng dụng công dân số của tỉnh", VP,
                     "Các cơ quan, đơn vị liên quan", "Thường xuyên", "Phản ánh được trả lời đúng hạn"],
                    ["4", "Thành lập, kiện toàn Tổ công nghệ số cộng đồng tại các thôn", PVX,
                     "Ủy ban MTTQ Việt Nam xã\nĐoàn Thanh niên xã", "Quý I - Quý II/2026",
                     "Quyết định kiện toàn"],
                    ["5", "Tổng hợp số liệu chuyển đổi số, cập nhật lên hệ thống theo dõi của tỉnh", VP,
                     "Các cơ quan, đơn vị", "Hằng tháng", "Số liệu được cập nhật"],
                    ["6", "Bồi dưỡng kỹ năng sử dụng chữ ký số cá nhân cho công chức bộ phận một cửa", VP, TTHC,
                     "Tháng 3/2026", "Công chức sử dụng thành thạo chữ ký số"],
                    ["7", "Xây dựng chuyên mục hỏi đáp về dịch vụ công trực tuyến trên Trang thông tin điện tử xã",
                     PVX, TTHC, "Năm 2026", "Chuyên mục hỏi đáp"],
                ],
            }),
        ],
        "expected": plan(
            "Kế hoạch Thực hiện chuyển đổi số trên địa bàn xã Na Sầm năm 2026", "Na Sầm", "Lạng Sơn", "17/KH-UBND",
            "2026-01-12",
            [("2", "Các chỉ tiêu chủ yếu")],
            [
                ind("T1", "2", "Văn bản đi của UBND xã (trừ văn bản mật) được ký số và gửi trên môi trường mạng",
                    [tg(2026, ">=", 100, "%", "100%")]),
                ind("T2", "2", "Hồ sơ thủ tục hành chính được tiếp nhận và trả kết quả trực tuyến",
                    [tg(2026, ">=", 70, "%", "ít nhất 70%")]),
                ind("T3", "2", "Tỷ lệ hộ gia đình được gắn địa chỉ số",
                    [tg(2026, ">=", 85, "%", "đạt không thấp hơn 85%")]),
                ind("T4", "2", "Thời gian xử lý phản ánh, kiến nghị của người dân trên ứng dụng",
                    [tg(2026, "<=", 5, "ngày làm việc", "không quá 05 ngày làm việc")]),
                ind("T5", "2", "Số thôn có Tổ công nghệ số cộng đồng hoạt động thường xuyên",
                    [tg(2026, ">=", 14, "/14 thôn", "đạt 14/14 thôn")]),
            ],
            [
                task("1", None, "Rà soát, chuẩn hóa quy trình nội bộ giải quyết thủ tục hành chính trên Hệ thống "
                                "thông tin giải quyết thủ tục hành chính của tỉnh", [TTHC], ["Các công chức chuyên môn"],
                     ["Quy trình được cập nhật"], "2026-Q2", "Quý II/2026"),
                task("2", None, "Gắn mã địa chỉ số cho các hộ gia đình, cơ sở kinh doanh trên bản đồ số",
                     ["Công an xã"], ["Bưu điện xã", "Trưởng các thôn"], ["Dữ liệu địa chỉ số"], "2026-09",
                     "Trước ngày 30/9/2026"),
                task("3", None, "Tiếp nhận, xử lý phản ánh, kiến nghị của người dân qua ứng dụng công dân số của tỉnh",
                     [VP], ["Các cơ quan, đơn vị liên quan"], ["Phản ánh được trả lời đúng hạn"], "recurring",
                     "Thường xuyên"),
                task("4", None, "Thành lập, kiện toàn Tổ công nghệ số cộng đồng tại các thôn", [PVX],
                     ["Ủy ban MTTQ Việt Nam xã", "Đoàn Thanh niên xã"], ["Quyết định kiện toàn"], "2026-Q2",
                     "Quý I - Quý II/2026"),
                task("5", None, "Tổng hợp số liệu chuyển đổi số, cập nhật lên hệ thống theo dõi của tỉnh", [VP],
                     ["Các cơ quan, đơn vị"], ["Số liệu được cập nhật"], "recurring", "Hằng tháng"),
                task("6", None, "Bồi dưỡng kỹ năng sử dụng chữ ký số cá nhân cho công chức bộ phận một cửa", [VP],
                     [TTHC], ["Công chức sử dụng thành thạo chữ ký số"], "2026-03", "Tháng 3/2026"),
                task("7", None, "Xây dựng chuyên mục hỏi đáp về dịch vụ công trực tuyến trên Trang thông tin điện tử "
                                "xã", [PVX], [TTHC], ["Chuyên mục hỏi đáp"], "2026", "Năm 2026"),
            ]),
    })

    # ---- 26. the group in a first column merged down, written with its
    #          roman code ("I. Chính quyền số"), items numbered from 1 in
    #          each group; one column "Cơ quan chủ trì/phối hợp" whose cells
    #          mark each unit's role in brackets ("Công an xã (chủ trì)",
    #          on lines or after ";"); targets in "Chỉ tiêu 2026" on some
    #          rows only (the others are tasks); "Thời gian hoàn thành" --
    out.append({
        "name": "nam-cang-2026",
        "xlsx": True,
        "blocks": [
            heading("XÃ NẬM CANG", "09/KH-UBND", "Nậm Cang, ngày 20 tháng 01 năm 2026"),
            ("c", "KẾ HOẠCH"),
            ("c", "Đẩy mạnh chuyển đổi số trên địa bàn xã Nậm Cang năm 2026"),
            ("p", "Thực hiện Kế hoạch số 12/KH-UBND ngày 08/01/2026 của UBND tỉnh Lào Cai về chuyển đổi số năm "
                  "2026, UBND xã Nậm Cang ban hành Kế hoạch như sau:"),
            ("b", "I. MỤC ĐÍCH, YÊU CẦU"),
            ("li", "Cụ thể hóa nhiệm vụ, chỉ tiêu tỉnh giao phù hợp điều kiện của xã vùng cao."),
            ("b", "II. NHIỆM VỤ VÀ CHỈ TIÊU"),
            ("p", "Chi tiết tại Phụ lục kèm theo."),
            ("b", "III. TỔ CHỨC THỰC HIỆN"),
            ("p", "Các cơ quan chủ trì báo cáo kết quả thực hiện về Phòng Văn hóa - Xã hội trước ngày 15/6/2026 "
                  "(6 tháng) và trước ngày 15/11/2026 (cả năm)."),
            ("b", "CHỦ TỊCH"),
            ("appendix_start",),
            ("c", "PHỤ LỤC"),
            ("c", "NHIỆM VỤ, CHỈ TIÊU CHUYỂN ĐỔI SỐ NĂM 2026"),
            ("p", "(Kèm theo Kế hoạch số 09/KH-UBND ngày 20/01/2026 của UBND xã Nậm Cang)"),
            ("table", {
                "head": [["Nhóm", "TT", "Nhiệm vụ, chỉ tiêu", "Chỉ tiêu 2026", "Cơ quan chủ trì/phối hợp",
                          "Thời gian hoàn thành"]],
                "codecol": 1, "namecol": 2,
                "rows": [
                    [("I. Chính quyền số", 1, 3), "1",
                     "Tỷ lệ hồ sơ thủ tục hành chính được giải quyết trực tuyến toàn trình", "Trên 60%",
                     TTHC + " (chủ trì)\nCác công chức chuyên môn (phối hợp)", "Tháng 12/2026"],
                    ["2", "Lắp đặt hệ thống hội nghị truyền hình trực tuyến tại hội trường UBND xã", "",
                     VP + " (chủ trì); Viễn thông Lào Cai (phối hợp)", "Quý III/2026"],
                    ["3", "Tỷ lệ cán bộ, công chức xã sử dụng chữ ký số cá nhân", "100%",
                     VP + " (chủ trì)", "Tháng 6/2026"],
                    [("II. Kinh tế số", 1, 2), "1", "Số hộ sản xuất có gian hàng trên sàn thương mại điện tử",
                     "Tối thiểu 25 hộ", PKT + " (chủ trì)\nBưu điện xã (phối hợp)", "Tháng 11/2026"],
                    ["2", "Hỗ trợ hợp tác xã gắn mã QR truy xuất nguồn gốc cho sản phẩm chè Shan tuyết", "",
                     PKT + " (chủ trì); Hợp tác xã chè Nậm Cang (phối hợp)", "Quý II/2026"],
                    [("III. Xã hội số", 1, 3), "1", "Tỷ lệ thôn, bản có sóng di động 4G", "100%",
                     PVX + " (chủ trì)\nCác doanh nghiệp viễn thông (phối hợp)", "Tháng 9/2026"],
                    ["2", "Tổ chức tuyên truyền về kỹ năng số bằng tiếng dân tộc trên loa truyền thanh thôn, bản",
                     "", PVX + " (chủ trì)\nTrưởng các thôn, bản (phối hợp)", "Thường xuyên"],
                    ["3", "Số người dân được tập huấn nhận biết lừa đảo trực tuyến", "Ít nhất 300 người",
                     "Công an xã (chủ trì)\nĐoàn Thanh niên xã (phối hợp)", "Tháng 10/2026"],
                ],
            }),
        ],
        "expected": plan(
            "Kế hoạch Đẩy mạnh chuyển đổi số trên địa bàn xã Nậm Cang năm 2026", "Nậm Cang", "Lào Cai",
            "09/KH-UBND", "2026-01-20",
            [("I", "Chính quyền số"), ("II", "Kinh tế số"), ("III", "Xã hội số")],
            [
                ind("1", "I", "Tỷ lệ hồ sơ thủ tục hành chính được giải quyết trực tuyến toàn trình",
                    [tg(2026, ">", 60, "%", "Trên 60%")], [TTHC], ["Các công chức chuyên môn"], "2026-12",
                    "Tháng 12/2026"),
                ind("3", "I", "Tỷ lệ cán bộ, công chức xã sử dụng chữ ký số cá nhân",
                    [tg(2026, ">=", 100, "%", "100%")], [VP], [], "2026-06", "Tháng 6/2026"),
                ind("1", "II", "Số hộ sản xuất có gian hàng trên sàn thương mại điện tử",
                    [tg(2026, ">=", 25, "hộ", "Tối thiểu 25 hộ")], [PKT], ["Bưu điện xã"], "2026-11",
                    "Tháng 11/2026"),
                ind("1", "III", "Tỷ lệ thôn, bản có sóng di động 4G", [tg(2026, ">=", 100, "%", "100%")], [PVX],
                    ["Các doanh nghiệp viễn thông"], "2026-09", "Tháng 9/2026"),
                ind("3", "III", "Số người dân được tập huấn nhận biết lừa đảo trực tuyến",
                    [tg(2026, ">=", 300, "người", "Ít nhất 300 người")], ["Công an xã"], ["Đoàn Thanh niên xã"],
                    "2026-10", "Tháng 10/2026"),
            ],
            [
                task("2", "I", "Lắp đặt hệ thống hội nghị truyền hình trực tuyến tại hội trường UBND xã", [VP],
                     ["Viễn thông Lào Cai"], [], "2026-Q3", "Quý III/2026"),
                task("2", "II", "Hỗ trợ hợp tác xã gắn mã QR truy xuất nguồn gốc cho sản phẩm chè Shan tuyết", [PKT],
                     ["Hợp tác xã chè Nậm Cang"], [], "2026-Q2", "Quý II/2026"),
                task("2", "III", "Tổ chức tuyên truyền về kỹ năng số bằng tiếng dân tộc trên loa truyền thanh thôn, "
                                 "bản", [PVX], ["Trưởng các thôn, bản"], [], "recurring", "Thường xuyên"),
            ]),
    })
    # ======== tenth round: written after the ninth round's fixes ========
    SPAN10 = m.SpanRow

    # ---- 27. prose targets 2025–2030 under "2.1." … "2.3." as "-" bullets:
    #          one bullet with three years ("năm 2026 đạt 40%, năm 2028 đạt
    #          60%, đến năm 2030 đạt tối thiểu 80%"), one with the baseline
    #          in it ("từ 45% năm 2025 lên 70% vào năm 2030"), "3.000
    #          người"; footnote markers "(*)", "(**)" after two targets and
    #          the footnotes as paragraphs under them (decrees, dates); a
    #          signature block as a two-column table, "Nơi nhận:" with "-"
    #          lines on the left, "TM. … / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH" and a
    #          name on the right -----------------------------------------------
    out.append({
        "name": "muong-khuong-2025-2030",
        "xlsx": False,
        "blocks": [
            heading("XÃ MƯỜNG KHƯƠNG", "215/KH-UBND", "Mường Khương, ngày 26 tháng 12 năm 2025"),
            ("c", "KẾ HOẠCH"),
            ("c", "Chuyển đổi số xã Mường Khương giai đoạn 2025 - 2030"),
            ("p", "Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, "
                  "công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia;"),
            ("p", "Căn cứ Kế hoạch số 410/KH-UBND ngày 02/12/2025 của UBND tỉnh Lào Cai về chuyển đổi số giai đoạn "
                  "2025 - 2030;"),
            ("p", "Ủy ban nhân dân xã Mường Khương ban hành Kế hoạch chuyển đổi số giai đoạn 2025 - 2030 như sau:"),
            ("b", "I. MỤC ĐÍCH, YÊU CẦU"),
            ("li", "Đưa chuyển đổi số thành nhiệm vụ thường xuyên của cả hệ thống chính trị xã."),
            ("li", "Các chỉ tiêu phải cụ thể, có lộ trình, phù hợp điều kiện xã biên giới."),
            ("b", "II. MỤC TIÊU"),
            ("b", "1. Mục tiêu tổng quát"),
            ("p", "Phát triển đồng bộ chính quyền số, kinh tế số, xã hội số; người dân được thụ hưởng dịch vụ số an "
                  "toàn, thuận tiện."),
            ("b", "2. Mục tiêu cụ thể đến năm 2030"),
            ("b", "2.1. Chính quyền số"),
            ("li", "Tỷ lệ hồ sơ thủ tục hành chính được giải quyết trực tuyến toàn trình: năm 2026 đạt 40%, năm 2028 "
                   "đạt 60%, đến năm 2030 đạt tối thiểu 80%."),
            ("li", "100% văn bản điện tử trao đổi giữa các cơ quan (trừ văn bản mật) được ký số (*)."),
            ("b", "2.2. Kinh tế số"),
            ("li", "Số hộ kinh doanh bán sản phẩm trên sàn thương mại điện tử đạt ít nhất 150 hộ vào năm 2030."),
            ("li", "Tỷ lệ giao dịch thanh toán không dùng tiền mặt tại chợ trung tâm xã tăng từ 45% năm 2025 lên 70% "
                   "vào năm 2030."),
            ("b", "2.3. Xã hội số"),
            ("li", "Đến năm 2030, trên 95% người dân từ 14 tuổi trở lên có tài khoản định danh điện tử mức độ 2 (**)."),
            ("li", "Số người dân được phổ cập kỹ năng số cơ bản tối thiểu 3.000 người."),
            ("p", "(*) Theo Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ về công tác văn thư."),
            ("p", "(**) Tài khoản định danh điện tử theo Nghị định số 69/2024/NĐ-CP ngày 25/6/2024 của Chính phủ."),
            ("b", "III. NHIỆM VỤ, GIẢI PHÁP"),
            ("li", "Hoàn thiện hạ tầng số, phủ sóng di động đến các thôn vùng sâu, vùng biên giới."),
            ("li", "Đẩy mạnh tuyên truyền, hướng dẫn người dân sử dụng dịch vụ công trực tuyến và thanh toán số."),
            ("b", "IV. TỔ CHỨC THỰC HIỆN"),
            ("p", "Giao Văn phòng HĐND và UBND xã chủ trì, phối hợp với Phòng Văn hóa - Xã hội theo dõi, đôn đốc; "
                  "định kỳ 6 tháng (trước ngày 15/6) và hằng năm (trước ngày 15/12) báo cáo Chủ tịch UBND xã."),
            ("head", ["Nơi nhận:", "- UBND tỉnh Lào Cai (b/c);", "- Sở Khoa học và Công nghệ;",
                      "- Thường trực Đảng ủy, HĐND xã;", "- Các phòng, ban, đơn vị;", "- Lưu: VT, VHXH."],
             ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "(Đã ký)", "Lò Văn Thắng"]),
        ],
        "expected": plan(
            "Kế hoạch Chuyển đổi số xã Mường Khương giai đoạn 2025 - 2030", "Mường Khương", "Lào Cai",
            "215/KH-UBND", "2025-12-26",
            [("2.1", "Chính quyền số"), ("2.2", "Kinh tế số"), ("2.3", "Xã hội số")],
            [
                ind("T1", "2.1", "Tỷ lệ hồ sơ thủ tục hành chính được giải quyết trực tuyến toàn trình",
                    [tg(2026, ">=", 40, "%", "năm 2026 đạt 40%"), tg(2028, ">=", 60, "%", "năm 2028 đạt 60%"),
                     tg(2030, ">=", 80, "%", "đến năm 2030 đạt tối thiểu 80%")]),
                ind("T2", "2.1", "Văn bản điện tử trao đổi giữa các cơ quan (trừ văn bản mật) được ký số",
                    [tg(2030, ">=", 100, "%", "100%")]),
                ind("T3", "2.2", "Số hộ kinh doanh bán sản phẩm trên sàn thương mại điện tử",
                    [tg(2030, ">=", 150, "hộ", "đạt ít nhất 150 hộ vào năm 2030")]),
                ind("T4", "2.2", "Tỷ lệ giao dịch thanh toán không dùng tiền mặt tại chợ trung tâm xã",
                    [tg(2030, ">=", 70, "%", "lên 70% vào năm 2030")]),
                ind("T5", "2.3", "Người dân từ 14 tuổi trở lên có tài khoản định danh điện tử mức độ 2",
                    [tg(2030, ">", 95, "%", "trên 95%")]),
                ind("T6", "2.3", "Số người dân được phổ cập kỹ năng số cơ bản",
                    [tg(2030, ">=", 3000, "người", "tối thiểu 3.000 người")]),
            ], []),
    })

    # ---- 28. a landscape "Nhiệm vụ" appendix eight columns wide ("Kinh phí
    #          (triệu đồng)", "Ghi chú" with words and "Xã hội hóa 50%"),
    #          roman group rows in capitals, sub-rows "a)", "b)" under item
    #          3 (one a target, one a task), rows that state a target in the
    #          task's words ("…, phấn đấu tối thiểu 40 gian hàng", "Số hóa
    #          100% …"), work with a number ("04 lớp", "tại 06 thôn"), "-"
    #          bullets and line breaks between units, units joined by a
    #          comma (one string, spec), due "6 tháng cuối năm 2026", "Quý
    #          II, III/2026"; a note under the table; a signature block -----
    out.append({
        "name": "hop-thanh-2026",
        "xlsx": True,
        "landscape": True,
        "blocks": [
            heading("XÃ HỢP THÀNH", "58/KH-UBND", "Hợp Thành, ngày 05 tháng 3 năm 2026"),
            ("c", "KẾ HOẠCH"),
            ("c", "Thực hiện nhiệm vụ chuyển đổi số xã Hợp Thành năm 2026"),
            ("p", "Căn cứ Kế hoạch số 46/KH-UBND ngày 20/02/2026 của UBND tỉnh Tuyên Quang về thực hiện nhiệm vụ "
                  "chuyển đổi số năm 2026, UBND xã Hợp Thành ban hành Kế hoạch như sau:"),
            ("b", "I. MỤC ĐÍCH, YÊU CẦU"),
            ("li", "Cụ thể hóa các nhiệm vụ chuyển đổi số của tỉnh phù hợp với điều kiện thực tế của xã."),
            ("li", "Phân công rõ cơ quan chủ trì, thời gian hoàn thành và kinh phí thực hiện từng nhiệm vụ."),
            ("b", "II. NHIỆM VỤ CỤ THỂ"),
            ("p", "Danh mục nhiệm vụ, cơ quan chủ trì, phối hợp, thời gian và kinh phí tại Phụ lục kèm theo."),
            ("b", "III. KINH PHÍ THỰC HIỆN"),
            ("p", "Tổng kinh phí dự kiến 420 triệu đồng từ ngân sách xã và nguồn xã hội hóa."),
            ("b", "IV. TỔ CHỨC THỰC HIỆN"),
            ("p", "Giao Phòng Văn hóa - Xã hội là cơ quan thường trực, theo dõi, tổng hợp; các cơ quan chủ trì báo "
                  "cáo kết quả trước ngày 10 tháng 6 và ngày 10 tháng 12 năm 2026."),
            ("head", ["Nơi nhận:", "- UBND tỉnh (b/c);", "- TT Đảng ủy, HĐND xã;", "- Như mục IV;", "- Lưu: VT."],
             ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Hoàng Văn Sinh"]),
            ("appendix_start",),
            ("c", "PHỤ LỤC"),
            ("c", "DANH MỤC NHIỆM VỤ CHUYỂN ĐỔI SỐ NĂM 2026"),
            ("p", "(Kèm theo Kế hoạch số 58/KH-UBND ngày 05/3/2026 của UBND xã Hợp Thành)"),
            ("table", {
                "head": [["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Sản phẩm",
                          "Thời gian hoàn thành", "Kinh phí (triệu đồng)", "Ghi chú"]],
                "rows": [
                    ["I", "CHÍNH QUYỀN SỐ", "", "", "", "", "", ""],
                    ["1", "Số hóa kết quả giải quyết thủ tục hành chính, tỷ lệ hồ sơ được số hóa đạt 100%", TTHC,
                     "Các công chức chuyên môn", "Kết quả số hóa trên Hệ thống", "Tháng 12/2026", "-", ""],
                    ["2", "Nâng cấp mạng nội bộ (LAN) và thiết bị hội nghị trực tuyến của UBND xã", VP,
                     "Viễn thông Tuyên Quang", "Hệ thống được nâng cấp", "Quý II/2026", "150", "Ngân sách xã"],
                    ["3", "Số hóa dữ liệu chuyên ngành của xã, gồm:", VP, "Các bộ phận chuyên môn",
                     "Cơ sở dữ liệu của xã", "Năm 2026", "80", ""],
                    ["a)", "Số hóa 100% sổ hộ tịch lưu trữ tại xã", "Công chức Tư pháp - Hộ tịch", TTHC,
                     "Dữ liệu hộ tịch", "Quý III/2026", "", "Từ năm 1995"],
                    ["b)", "Xây dựng cơ sở dữ liệu người có công, đối tượng bảo trợ xã hội của xã", PVX, "Các thôn",
                     "Cơ sở dữ liệu được cập nhật", "Quý IV/2026", "", ""],
                    ["II", "KINH TẾ SỐ", "", "", "", "", "", ""],
                    ["4", "Hướng dẫn hộ kinh doanh, hợp tác xã mở gian hàng trên sàn thương mại điện tử, phấn đấu "
                          "tối thiểu 40 gian hàng", PKT, "Bưu điện xã, Hợp tác xã chè Hợp Thành",
                     "Gian hàng trực tuyến", "Thường xuyên", "30", "Lồng ghép Chương trình OCOP"],
                    ["5", "Tỷ lệ hộ kinh doanh tại chợ xã có mã QR thanh toán đạt trên 70%", PKT,
                     "- Ban quản lý chợ xã\n- Các ngân hàng thương mại", "Biển mã QR tại các quầy", "Tháng 9/2026",
                     "-", "Xã hội hóa"],
                    ["III", "XÃ HỘI SỐ", "", "", "", "", "", ""],
                    ["6", "Tổ chức 04 lớp tập huấn kỹ năng số cho Tổ công nghệ số cộng đồng các thôn", PVX,
                     "Đoàn Thanh niên xã\nHội Liên hiệp Phụ nữ xã", "04 lớp tập huấn", "Quý II, III/2026", "40", ""],
                    ["7", "Tỷ lệ người dân trưởng thành sử dụng ứng dụng VNeID để thực hiện dịch vụ công đạt tối "
                          "thiểu 60%", "Công an xã", "Các thôn", "Báo cáo kết quả", "6 tháng cuối năm 2026", "-", ""],
                    ["8", "Lắp đặt cụm loa truyền thanh thông minh tại 06 thôn", PVX,
                     "Viễn thông Tuyên Quang\nCác thôn", "Cụm loa được lắp đặt", "Trước ngày 30/6/2026", "120",
                     "Xã hội hóa 50%"],
                ],
            }),
            ("p", "Ghi chú: Kinh phí ghi \"-\" là lồng ghép trong kinh phí chi thường xuyên của cơ quan chủ trì."),
        ],
        "expected": plan(
            "Kế hoạch Thực hiện nhiệm vụ chuyển đổi số xã Hợp Thành năm 2026", "Hợp Thành", "Tuyên Quang",
            "58/KH-UBND", "2026-03-05",
            [("I", "CHÍNH QUYỀN SỐ"), ("II", "KINH TẾ SỐ"), ("III", "XÃ HỘI SỐ")],
            [
                ind("1", "I", "Số hóa kết quả giải quyết thủ tục hành chính, tỷ lệ hồ sơ được số hóa",
                    [tg(2026, ">=", 100, "%", "đạt 100%")], [TTHC], ["Các công chức chuyên môn"], "2026-12",
                    "Tháng 12/2026"),
                ind("3.a", "I", "Số hóa sổ hộ tịch lưu trữ tại xã", [tg(2026, ">=", 100, "%", "100%")],
                    ["Công chức Tư pháp - Hộ tịch"], [TTHC], "2026-Q3", "Quý III/2026"),
                ind("4", "II", "Hướng dẫn hộ kinh doanh, hợp tác xã mở gian hàng trên sàn thương mại điện tử",
                    [tg(2026, ">=", 40, "gian hàng", "phấn đấu tối thiểu 40 gian hàng")], [PKT],
                    ["Bưu điện xã, Hợp tác xã chè Hợp Thành"], "recurring", "Thường xuyên"),
                ind("5", "II", "Tỷ lệ hộ kinh doanh tại chợ xã có mã QR thanh toán",
                    [tg(2026, ">", 70, "%", "đạt trên 70%")], [PKT],
                    ["Ban quản lý chợ xã", "Các ngân hàng thương mại"], "2026-09", "Tháng 9/2026"),
                ind("7", "III", "Tỷ lệ người dân trưởng thành sử dụng ứng dụng VNeID để thực hiện dịch vụ công",
                    [tg(2026, ">=", 60, "%", "đạt tối thiểu 60%")], ["Công an xã"], ["Các thôn"], "2026-12",
                    "6 tháng cuối năm 2026"),
            ],
            [
                task("2", "I", "Nâng cấp mạng nội bộ (LAN) và thiết bị hội nghị trực tuyến của UBND xã", [VP],
                     ["Viễn thông Tuyên Quang"], ["Hệ thống được nâng cấp"], "2026-Q2", "Quý II/2026",
                     "150 triệu đồng"),
                task("3", "I", "Số hóa dữ liệu chuyên ngành của xã, gồm:", [VP], ["Các bộ phận chuyên môn"],
                     ["Cơ sở dữ liệu của xã"], "2026", "Năm 2026", "80 triệu đồng"),
                task("3.b", "I", "Xây dựng cơ sở dữ liệu người có công, đối tượng bảo trợ xã hội của xã", [PVX],
                     ["Các thôn"], ["Cơ sở dữ liệu được cập nhật"], "2026-Q4", "Quý IV/2026"),
                task("6", "III", "Tổ chức 04 lớp tập huấn kỹ năng số cho Tổ công nghệ số cộng đồng các thôn", [PVX],
                     ["Đoàn Thanh niên xã", "Hội Liên hiệp Phụ nữ xã"], ["04 lớp tập huấn"], "2026-Q3",
                     "Quý II, III/2026", "40 triệu đồng"),
                task("8", "III", "Lắp đặt cụm loa truyền thanh thông minh tại 06 thôn", [PVX],
                     ["Viễn thông Tuyên Quang", "Các thôn"], ["Cụm loa được lắp đặt"], "2026-06",
                     "Trước ngày 30/6/2026", "120 triệu đồng"),
            ]),
    })

    # ---- 29. "ĐVT", a baseline "Hiện trạng 2025" ("3,2", "Chưa xếp hạng",
    #          "0", "1.150"), a header over two rows ("Chỉ tiêu theo năm"
    #          merged over "Năm 2026" … "Năm 2030"), "Ghi chú" with years and
    #          words, roman groups as rows merged across the table ("I. CHÍNH
    #          QUYỀN SỐ"), a lower-is-better row ("Dưới 2", "Dưới 1,5"), an
    #          index in points ("0,55"), "-" for no target, a unit with a
    #          comma in its name on its own line; footnote markers "(*)" in
    #          names and the footnotes under the table ("điểm tối đa là 1");
    #          a page break inside group III cuts a row's name, the two header
    #          rows repeated and the group row not; the province a city
    #          ("UBND thành phố Cần Thơ"); landscape -------------------------
    out.append({
        "name": "thanh-an-2026-2030",
        "xlsx": True,
        "landscape": True,
        "blocks": [
            heading("XÃ THẠNH AN", "37/KH-UBND", "Thạnh An, ngày 10 tháng 02 năm 2026"),
            ("c", "KẾ HOẠCH"),
            ("c", "Chuyển đổi số xã Thạnh An giai đoạn 2026 - 2030"),
            ("p", "Căn cứ Kế hoạch số 25/KH-UBND ngày 26/01/2026 của UBND thành phố Cần Thơ về chuyển đổi số giai "
                  "đoạn 2026 - 2030; Ủy ban nhân dân xã Thạnh An xây dựng Kế hoạch như sau:"),
            ("b", "I. MỤC TIÊU"),
            ("p", "Lộ trình chỉ tiêu từng năm giai đoạn 2026 - 2030 và hiện trạng năm 2025 chi tiết tại Phụ lục kèm "
                  "theo Kế hoạch này."),
            ("b", "II. TỔ CHỨC THỰC HIỆN"),
            ("p", "Các cơ quan chủ trì báo cáo kết quả thực hiện hằng quý trước ngày 20 của tháng cuối quý về Văn "
                  "phòng HĐND và UBND xã."),
            ("head", ["Nơi nhận:", "- UBND thành phố (b/c);", "- Sở Khoa học và Công nghệ;",
                      "- Các cơ quan, đơn vị;", "- Lưu: VT."],
             ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "(Đã ký)", "Trần Minh Tâm"]),
            ("appendix_start",),
            ("c", "PHỤ LỤC"),
            ("c", "LỘ TRÌNH CHỈ TIÊU CHUYỂN ĐỔI SỐ XÃ THẠNH AN GIAI ĐOẠN 2026 - 2030"),
            ("p", "(Kèm theo Kế hoạch số 37/KH-UBND ngày 10/02/2026 của UBND xã Thạnh An)"),
            ("table", {
                "head": [[("TT", 1, 2), ("Chỉ tiêu", 1, 2), ("ĐVT", 1, 2), ("Hiện trạng 2025", 1, 2),
                          ("Chỉ tiêu theo năm", 5, 1), ("Cơ quan chủ trì", 1, 2), ("Cơ quan phối hợp", 1, 2),
                          ("Ghi chú", 1, 2)],
                         ["Năm 2026", "Năm 2027", "Năm 2028", "Năm 2029", "Năm 2030"]],
                "repeat": True,
                "rows": [
                    SPAN10(["I. CHÍNH QUYỀN SỐ"] + [""] * 11),
                    ["1", "Tỷ lệ hồ sơ thủ tục hành chính được tiếp nhận, giải quyết trực tuyến toàn trình", "%",
                     "38", "50", "60", "70", "80", "≥ 90", TTHC, "Các công chức chuyên môn", ""],
                    ["2", "Tỷ lệ hồ sơ giải quyết trễ hạn", "%", "3,2", "Dưới 2", "Dưới 2", "Dưới 1,5", "Dưới 1",
                     "Dưới 1", TTHC, "Các công chức chuyên môn", "Chỉ tiêu càng thấp càng tốt"],
                    ["3", "Chỉ số chuyển đổi số (DTI) cấp xã (*)", "Điểm", "Chưa xếp hạng", "0,55", "0,6", "0,65",
                     "0,7", "0,75", VP, "Các cơ quan, đơn vị", "Theo bộ chỉ số của thành phố"],
                    SPAN10(["II. KINH TẾ SỐ"] + [""] * 11),
                    ["4", "Số hộ kinh doanh sử dụng hóa đơn điện tử", "Hộ", "45", "80", "110", "140", "170", "200",
                     PKT, "Đội Thuế liên phường, xã\nBưu điện xã", ""],
                    ["5", "Tỷ lệ hợp tác xã nông nghiệp ứng dụng công nghệ số trong sản xuất, tiêu thụ", "%", "20",
                     "30", "-", "50", "-", "70", PKT, "Hội Nông dân xã, các hợp tác xã", "Năm 2027, 2029 không giao"],
                    SPAN10(["III. XÃ HỘI SỐ"] + [""] * 11),
                    ["6", "Tỷ lệ người dân từ 15 tuổi trở lên có điện thoại thông minh", "%", "78", "82", "85", "88",
                     "90", "95", PVX, "Các doanh nghiệp viễn thông", ""],
                    ["7", "Số lượt người dân được tập huấn kỹ năng số (**)", "Lượt", "1.150", "1.500", "1.800",
                     "2.100", "2.400", "2.700", PVX, "Đoàn Thanh niên xã\nHội Liên hiệp Phụ nữ xã", ""],
                    ["8", "Tỷ lệ hộ gia đình có địa chỉ số gắn trên bản đồ số", "%", "0", "60", "80", "100", "100",
                     "100", "Công an xã", "Trưởng các ấp", "Hoàn thành năm 2028"],
                ],
                "cut": (9, 5),
            }),
            ("p", "(*) Theo Bộ chỉ số đánh giá chuyển đổi số cấp xã do UBND thành phố ban hành; điểm tối đa là 1."),
            ("p", "(**) Mỗi người được tính một lượt cho mỗi lớp tham gia."),
        ],
        "expected": plan(
            "Kế hoạch Chuyển đổi số xã Thạnh An giai đoạn 2026 - 2030", "Thạnh An", "Cần Thơ", "37/KH-UBND",
            "2026-02-10",
            [("I", "CHÍNH QUYỀN SỐ"), ("II", "KINH TẾ SỐ"), ("III", "XÃ HỘI SỐ")],
            [
                ind("1", "I", "Tỷ lệ hồ sơ thủ tục hành chính được tiếp nhận, giải quyết trực tuyến toàn trình",
                    [tg(2026, ">=", 50, "%", "50"), tg(2027, ">=", 60, "%", "60"), tg(2028, ">=", 70, "%", "70"),
                     tg(2029, ">=", 80, "%", "80"), tg(2030, ">=", 90, "%", "≥ 90")],
                    [TTHC], ["Các công chức chuyên môn"]),
                ind("2", "I", "Tỷ lệ hồ sơ giải quyết trễ hạn",
                    [tg(2026, "<", 2, "%", "Dưới 2"), tg(2027, "<", 2, "%", "Dưới 2"),
                     tg(2028, "<", 1.5, "%", "Dưới 1,5"), tg(2029, "<", 1, "%", "Dưới 1"),
                     tg(2030, "<", 1, "%", "Dưới 1")],
                    [TTHC], ["Các công chức chuyên môn"]),
                ind("3", "I", "Chỉ số chuyển đổi số (DTI) cấp xã",
                    [tg(2026, ">=", 0.55, "Điểm", "0,55"), tg(2027, ">=", 0.6, "Điểm", "0,6"),
                     tg(2028, ">=", 0.65, "Điểm", "0,65"), tg(2029, ">=", 0.7, "Điểm", "0,7"),
                     tg(2030, ">=", 0.75, "Điểm", "0,75")],
                    [VP], ["Các cơ quan, đơn vị"]),
                ind("4", "II", "Số hộ kinh doanh sử dụng hóa đơn điện tử",
                    [tg(2026, ">=", 80, "Hộ", "80"), tg(2027, ">=", 110, "Hộ", "110"),
                     tg(2028, ">=", 140, "Hộ", "140"), tg(2029, ">=", 170, "Hộ", "170"),
                     tg(2030, ">=", 200, "Hộ", "200")],
                    [PKT], ["Đội Thuế liên phường, xã", "Bưu điện xã"]),
                ind("5", "II", "Tỷ lệ hợp tác xã nông nghiệp ứng dụng công nghệ số trong sản xuất, tiêu thụ",
                    [tg(2026, ">=", 30, "%", "30"), tg(2028, ">=", 50, "%", "50"), tg(2030, ">=", 70, "%", "70")],
                    [PKT], ["Hội Nông dân xã, các hợp tác xã"]),
                ind("6", "III", "Tỷ lệ người dân từ 15 tuổi trở lên có điện thoại thông minh",
                    [tg(2026, ">=", 82, "%", "82"), tg(2027, ">=", 85, "%", "85"), tg(2028, ">=", 88, "%", "88"),
                     tg(2029, ">=", 90, "%", "90"), tg(2030, ">=", 95, "%", "95")],
                    [PVX], ["Các doanh nghiệp viễn thông"]),
                ind("7", "III", "Số lượt người dân được tập huấn kỹ năng số",
                    [tg(2026, ">=", 1500, "Lượt", "1.500"), tg(2027, ">=", 1800, "Lượt", "1.800"),
                     tg(2028, ">=", 2100, "Lượt", "2.100"), tg(2029, ">=", 2400, "Lượt", "2.400"),
                     tg(2030, ">=", 2700, "Lượt", "2.700")],
                    [PVX], ["Đoàn Thanh niên xã", "Hội Liên hiệp Phụ nữ xã"]),
                ind("8", "III", "Tỷ lệ hộ gia đình có địa chỉ số gắn trên bản đồ số",
                    [tg(2026, ">=", 60, "%", "60"), tg(2027, ">=", 80, "%", "80"), tg(2028, ">=", 100, "%", "100"),
                     tg(2029, ">=", 100, "%", "100"), tg(2030, ">=", 100, "%", "100")],
                    ["Công an xã"], ["Trưởng các ấp"]),
            ], []),
    })

    # ---- 30. targets only in the prose, "-" bullets under "2. Chỉ tiêu cụ
    #          thể năm 2026" (": tối thiểu 65%", "từ 03 sản phẩm trở lên",
    #          "đạt 85% (tăng 10% so với năm 2025)", "tối đa 07 ngày làm
    #          việc"); a task appendix whose first column "Lĩnh vực" holds
    #          the group, a letter and a name in capitals ("A. CHÍNH QUYỀN
    #          SỐ"), merged down; "TT" numbered on across groups; "Cơ quan
    #          chủ trì/phối hợp" merged over "Chủ trì | Phối hợp"; dues
    #          "Quý II/2026", "Thường xuyên", "Hằng tháng", "Tháng 4 và
    #          tháng 10/2026" (two dates: null), "Từ tháng 3 đến tháng
    #          9/2026"; "Kết quả, sản phẩm" with two products on two lines;
    #          "Ghi chú" with "02 lần/năm"; a signature block "KT. CHỦ
    #          TỊCH" -------------------------------------------------------------
    out.append({
        "name": "xuan-lien-2026",
        "xlsx": True,
        "xlsx_without": ["T1", "T2", "T3", "T4", "T5"],   # the prose targets: not in the workbook
        "blocks": [
            heading("XÃ XUÂN LIÊN", "12/KH-UBND", "Xuân Liên, ngày 16 tháng 01 năm 2026"),
            ("c", "KẾ HOẠCH"),
            ("c", "Chuyển đổi số, phát triển chính quyền số xã Xuân Liên năm 2026"),
            ("p", "Thực hiện Kế hoạch số 05/KH-UBND ngày 08/01/2026 của UBND tỉnh Thanh Hóa về chuyển đổi số năm "
                  "2026; UBND xã Xuân Liên xây dựng Kế hoạch thực hiện như sau:"),
            ("b", "I. MỤC TIÊU"),
            ("b", "1. Mục tiêu chung"),
            ("p", "Xây dựng chính quyền số phục vụ người dân, doanh nghiệp; phát triển kinh tế số, xã hội số trên địa "
                  "bàn xã."),
            ("b", "2. Chỉ tiêu cụ thể năm 2026"),
            ("li", "Tỷ lệ hồ sơ thủ tục hành chính được tiếp nhận, giải quyết trực tuyến toàn trình: tối thiểu 65%."),
            ("li", "100% cán bộ, công chức xã được cấp và sử dụng chữ ký số cá nhân trong xử lý văn bản."),
            ("li", "Số sản phẩm OCOP được bán trên sàn thương mại điện tử từ 03 sản phẩm trở lên."),
            ("li", "Tỷ lệ người dân có tài khoản định danh điện tử mức độ 2 được kích hoạt đạt 85% (tăng 10% so với "
                   "năm 2025)."),
            ("li", "Thời gian trả lời phản ánh, kiến nghị của người dân qua ứng dụng tối đa 07 ngày làm việc."),
            ("b", "II. NHIỆM VỤ, GIẢI PHÁP"),
            ("p", "Các nhiệm vụ cụ thể tại Phụ lục kèm theo Kế hoạch này."),
            ("b", "III. TỔ CHỨC THỰC HIỆN"),
            ("p", "Văn phòng HĐND và UBND xã chủ trì tham mưu, theo dõi việc thực hiện; định kỳ hằng quý, 6 tháng, "
                  "năm báo cáo Chủ tịch UBND xã."),
            ("head", ["Nơi nhận:", "- UBND tỉnh Thanh Hóa;", "- Thường trực Đảng ủy xã;", "- Lưu: VT, VP."],
             ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Lê Thị Hằng"]),
            ("appendix_start",),
            ("c", "PHỤ LỤC"),
            ("c", "DANH MỤC NHIỆM VỤ CHUYỂN ĐỔI SỐ NĂM 2026 XÃ XUÂN LIÊN"),
            ("p", "(Kèm theo Kế hoạch số 12/KH-UBND ngày 16/01/2026 của UBND xã Xuân Liên)"),
            ("table", {
                "head": [[("Lĩnh vực", 1, 2), ("TT", 1, 2), ("Nhiệm vụ", 1, 2), ("Cơ quan chủ trì/phối hợp", 2, 1),
                          ("Thời gian thực hiện", 1, 2), ("Kết quả, sản phẩm", 1, 2), ("Ghi chú", 1, 2)],
                         ["Chủ trì", "Phối hợp"]],
                "codecol": 1, "namecol": 2,
                "rows": [
                    [("A. CHÍNH QUYỀN SỐ", 1, 3), "1",
                     "Cập nhật, chuẩn hóa dữ liệu thủ tục hành chính trên Hệ thống thông tin giải quyết thủ tục hành "
                     "chính của tỉnh", TTHC, "Các công chức chuyên môn", "Quý II/2026", "Dữ liệu được chuẩn hóa", ""],
                    ["2", "Vận hành hệ thống quản lý văn bản và điều hành, ký số trên thiết bị di động", VP,
                     "- Các công chức chuyên môn\n- Viễn thông Thanh Hóa", "Thường xuyên",
                     "Văn bản được xử lý trên môi trường mạng", ""],
                    ["3", "Rà soát, đánh giá an toàn thông tin các máy tính kết nối mạng của UBND xã", VP, "Công an xã",
                     "Tháng 4 và tháng 10/2026", "Báo cáo đánh giá", "02 lần/năm"],
                    [("B. KINH TẾ SỐ", 1, 2), "4",
                     "Hỗ trợ hộ sản xuất, hợp tác xã đăng ký sản phẩm trên sàn thương mại điện tử Postmart, Voso", PKT,
                     "Bưu điện xã", "Từ tháng 3 đến tháng 9/2026", "Gian hàng được mở", ""],
                    ["5", "Tuyên truyền, hướng dẫn tiểu thương chợ Xuân Liên thanh toán không dùng tiền mặt", PKT,
                     "Ban quản lý chợ\nCác ngân hàng thương mại", "Quý II/2026", "Tiểu thương có mã QR", ""],
                    [("C. XÃ HỘI SỐ", 1, 3), "6", "Kiện toàn, duy trì hoạt động Tổ công nghệ số cộng đồng ở các thôn",
                     PVX, "Ủy ban MTTQ Việt Nam xã, Đoàn Thanh niên xã", "Thường xuyên",
                     "Quyết định kiện toàn\nBáo cáo hoạt động", ""],
                    ["7", "Hướng dẫn người dân kích hoạt, sử dụng tài khoản định danh điện tử và dịch vụ công trực "
                          "tuyến", "Công an xã", TTHC, "Hằng tháng", "Tài khoản được kích hoạt", ""],
                    ["8", "Tổng kết, đánh giá kết quả thực hiện Kế hoạch năm 2026", VP, "Các cơ quan, đơn vị",
                     "Trước ngày 15/12/2026", "Báo cáo tổng kết", ""],
                ],
            }),
        ],
        "expected": plan(
            "Kế hoạch Chuyển đổi số, phát triển chính quyền số xã Xuân Liên năm 2026", "Xuân Liên", "Thanh Hóa",
            "12/KH-UBND", "2026-01-16",
            [("2", "Chỉ tiêu cụ thể năm 2026"), ("A", "CHÍNH QUYỀN SỐ"), ("B", "KINH TẾ SỐ"), ("C", "XÃ HỘI SỐ")],
            [
                ind("T1", "2", "Tỷ lệ hồ sơ thủ tục hành chính được tiếp nhận, giải quyết trực tuyến toàn trình",
                    [tg(2026, ">=", 65, "%", "tối thiểu 65%")]),
                ind("T2", "2", "Cán bộ, công chức xã được cấp và sử dụng chữ ký số cá nhân trong xử lý văn bản",
                    [tg(2026, ">=", 100, "%", "100%")]),
                ind("T3", "2", "Số sản phẩm OCOP được bán trên sàn thương mại điện tử",
                    [tg(2026, ">=", 3, "sản phẩm", "từ 03 sản phẩm trở lên")]),
                ind("T4", "2", "Tỷ lệ người dân có tài khoản định danh điện tử mức độ 2 được kích hoạt",
                    [tg(2026, ">=", 85, "%", "đạt 85%")]),
                ind("T5", "2", "Thời gian trả lời phản ánh, kiến nghị của người dân qua ứng dụng",
                    [tg(2026, "<=", 7, "ngày làm việc", "tối đa 07 ngày làm việc")]),
            ],
            [
                task("1", "A", "Cập nhật, chuẩn hóa dữ liệu thủ tục hành chính trên Hệ thống thông tin giải quyết "
                               "thủ tục hành chính của tỉnh", [TTHC], ["Các công chức chuyên môn"],
                     ["Dữ liệu được chuẩn hóa"], "2026-Q2", "Quý II/2026"),
                task("2", "A", "Vận hành hệ thống quản lý văn bản và điều hành, ký số trên thiết bị di động", [VP],
                     ["Các công chức chuyên môn", "Viễn thông Thanh Hóa"], ["Văn bản được xử lý trên môi trường mạng"],
                     "recurring", "Thường xuyên"),
                task("3", "A", "Rà soát, đánh giá an toàn thông tin các máy tính kết nối mạng của UBND xã", [VP],
                     ["Công an xã"], ["Báo cáo đánh giá"], None, "Tháng 4 và tháng 10/2026"),
                task("4", "B", "Hỗ trợ hộ sản xuất, hợp tác xã đăng ký sản phẩm trên sàn thương mại điện tử Postmart, "
                               "Voso", [PKT], ["Bưu điện xã"], ["Gian hàng được mở"], "2026-09",
                     "Từ tháng 3 đến tháng 9/2026"),
                task("5", "B", "Tuyên truyền, hướng dẫn tiểu thương chợ Xuân Liên thanh toán không dùng tiền mặt", [PKT],
                     ["Ban quản lý chợ", "Các ngân hàng thương mại"], ["Tiểu thương có mã QR"], "2026-Q2",
                     "Quý II/2026"),
                task("6", "C", "Kiện toàn, duy trì hoạt động Tổ công nghệ số cộng đồng ở các thôn", [PVX],
                     ["Ủy ban MTTQ Việt Nam xã, Đoàn Thanh niên xã"], ["Quyết định kiện toàn", "Báo cáo hoạt động"],
                     "recurring", "Thường xuyên"),
                task("7", "C", "Hướng dẫn người dân kích hoạt, sử dụng tài khoản định danh điện tử và dịch vụ công "
                               "trực tuyến", ["Công an xã"], [TTHC], ["Tài khoản được kích hoạt"], "recurring",
                     "Hằng tháng"),
                task("8", "C", "Tổng kết, đánh giá kết quả thực hiện Kế hoạch năm 2026", [VP], ["Các cơ quan, đơn vị"],
                     ["Báo cáo tổng kết"], "2026-12", "Trước ngày 15/12/2026"),
            ]),
    })
    # ==== round 11 (branch holdout11): written from the issue text and the
    #      spec only, after round 10's fixes, before any change for them ====

    # ---- 31. a ward ("phường"), the plan attached to a Decision ("QUYẾT
    #          ĐỊNH … Điều 1. Ban hành kèm theo Quyết định này Kế hoạch …",
    #          the plan after a page break "(Kèm theo Quyết định số …)");
    #          prose targets lettered a) … d) ("đạt 90% trở lên", "Tối
    #          thiểu 85% …" opening the sentence, "≥ 250 hộ"); units named
    #          once in full with "(sau đây gọi là Văn phòng)" and then by
    #          the short name in the appendix; the reporting regime as a
    #          table "Kỳ báo cáo | Thời hạn gửi báo cáo | Số liệu tính đến"
    #          in the body (no item) ----------------------------------------
    VPP = "Văn phòng HĐND và UBND phường"
    PVHP = "Phòng Văn hóa - Xã hội phường"
    PKTP = "Phòng Kinh tế, Hạ tầng và Đô thị"
    MCP = "Bộ phận Tiếp nhận và trả kết quả giải quyết thủ tục hành chính phường"
    out.append({
        "name": "hoa-quy-2026",
        "xlsx": True,
        "xlsx_without": ["T1", "T2", "T3", "T4"],   # the prose targets: not in the workbook
        # nor the prose that defines the short names: the workbook says "Văn phòng"
        "xlsx_short": {VPP: "Văn phòng", PVHP: "Phòng VH-XH", PKTP: "Phòng Kinh tế", MCP: "Bộ phận Một cửa"},
        "blocks": [
            heading("PHƯỜNG HÒA QUÝ", "45/QĐ-UBND", "Hòa Quý, ngày 12 tháng 02 năm 2026"),
            ("c", "QUYẾT ĐỊNH"),
            ("c", "Về việc ban hành Kế hoạch chuyển đổi số phường Hòa Quý năm 2026"),
            ("c", "CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG HÒA QUÝ"),
            ("p", "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;"),
            ("p", "Căn cứ Kế hoạch số 30/KH-UBND ngày 20/01/2026 của UBND thành phố Đà Nẵng về chuyển đổi số năm "
                  "2026;"),
            ("p", "Theo đề nghị của Chánh Văn phòng HĐND và UBND phường."),
            ("c", "QUYẾT ĐỊNH:"),
            ("p", "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch chuyển đổi số phường Hòa Quý năm 2026."),
            ("p", "Điều 2. Quyết định này có hiệu lực kể từ ngày ký."),
            ("p", "Điều 3. Chánh Văn phòng HĐND và UBND phường, Trưởng các phòng chuyên môn, Trưởng Công an phường, "
                  "Tổ trưởng các tổ dân phố và các cơ quan, đơn vị có liên quan chịu trách nhiệm thi hành Quyết "
                  "định này."),
            ("head", ["Nơi nhận:", "- Như Điều 3;", "- UBND thành phố (b/c);", "- Lưu: VT, VP."],
             ["CHỦ TỊCH", "Nguyễn Thị Thu Hà"]),
            ("pagebreak",),
            ("c", "KẾ HOẠCH"),
            ("c", "Chuyển đổi số phường Hòa Quý năm 2026"),
            ("p", "(Kèm theo Quyết định số 45/QĐ-UBND ngày 12/02/2026 của Chủ tịch UBND phường Hòa Quý)"),
            ("b", "I. MỤC ĐÍCH, YÊU CẦU"),
            ("li", "Đẩy mạnh chuyển đổi số trong hoạt động của chính quyền phường, lấy người dân làm trung tâm."),
            ("b", "II. MỤC TIÊU"),
            ("b", "1. Mục tiêu chung"),
            ("p", "Xây dựng chính quyền số, phát triển kinh tế số và xã hội số trên địa bàn phường."),
            ("b", "2. Mục tiêu cụ thể"),
            ("p", "a) Tỷ lệ hồ sơ thủ tục hành chính được tiếp nhận, giải quyết trực tuyến toàn trình đạt 90% trở "
                  "lên."),
            ("p", "b) Tối thiểu 85% người dân trưởng thành trên địa bàn phường có tài khoản định danh điện tử mức "
                  "độ 2."),
            ("p", "c) 100% văn bản đi của UBND phường (trừ văn bản mật) được ký số và gửi, nhận trên môi trường "
                  "điện tử."),
            ("p", "d) Số hộ kinh doanh trên địa bàn phường sử dụng hóa đơn điện tử ≥ 250 hộ."),
            ("b", "III. NHIỆM VỤ"),
            ("p", "Các nhiệm vụ cụ thể tại Phụ lục kèm theo Kế hoạch này."),
            ("b", "IV. TỔ CHỨC THỰC HIỆN"),
            ("p", "1. " + VPP + " (sau đây gọi là Văn phòng) là cơ quan thường trực, tham mưu UBND phường theo "
                  "dõi, đôn đốc việc thực hiện Kế hoạch; tổng hợp báo cáo theo chế độ tại mục 4."),
            ("p", "2. " + PVHP + " (sau đây gọi là Phòng VH-XH) chủ trì các nhiệm vụ xã hội số; hướng dẫn hoạt "
                  "động của Tổ công nghệ số cộng đồng các tổ dân phố."),
            ("p", "3. " + PKTP + " (sau đây gọi là Phòng Kinh tế) chủ trì các nhiệm vụ kinh tế số; " + MCP +
                  " (sau đây gọi là Bộ phận Một cửa) chủ trì các nhiệm vụ về dịch vụ công trực tuyến."),
            ("p", "4. Chế độ báo cáo: các đơn vị gửi báo cáo kết quả thực hiện về Văn phòng theo các kỳ sau:"),
            ("table", {
                "head": [["Kỳ báo cáo", "Thời hạn gửi báo cáo", "Số liệu tính đến"]],
                "rows": [
                    ["Quý I", "Trước ngày 15/3/2026", "Ngày 14/3/2026"],
                    ["6 tháng", "Trước ngày 15/6/2026", "Ngày 14/6/2026"],
                    ["9 tháng", "Trước ngày 15/9/2026", "Ngày 14/9/2026"],
                    ["Năm", "Trước ngày 15/12/2026", "Ngày 14/12/2026"],
                ],
            }),
            ("appendix_start",),
            ("c", "PHỤ LỤC"),
            ("c", "DANH MỤC NHIỆM VỤ CHUYỂN ĐỔI SỐ PHƯỜNG HÒA QUÝ NĂM 2026"),
            ("p", "(Kèm theo Kế hoạch chuyển đổi số phường Hòa Quý năm 2026)"),
            ("table", {
                "head": [["STT", "Nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Sản phẩm", "Thời gian hoàn thành"]],
                "rows": [
                    ["I", "CHÍNH QUYỀN SỐ", "", "", "", ""],
                    ["1", "Rà soát, cập nhật danh mục thủ tục hành chính cung cấp dịch vụ công trực tuyến toàn trình",
                     "Bộ phận Một cửa", "Văn phòng", "Danh mục được cập nhật", "Quý I/2026"],
                    ["2", "Triển khai ký số, gửi nhận văn bản điện tử liên thông 4 cấp", "Văn phòng",
                     "Các phòng chuyên môn", "Văn bản điện tử có ký số", "Thường xuyên"],
                    ["II", "KINH TẾ SỐ VÀ XÃ HỘI SỐ", "", "", "", ""],
                    ["3", "Hướng dẫn hộ kinh doanh trên địa bàn đăng ký, sử dụng hóa đơn điện tử", "Phòng Kinh tế",
                     "Đội Thuế phường", "Danh sách hộ đăng ký", "Tháng 6/2026"],
                    ["4", "Tổ chức tập huấn kỹ năng số cho Tổ công nghệ số cộng đồng các tổ dân phố", "Phòng VH-XH",
                     "Đoàn Thanh niên phường\nHội Liên hiệp Phụ nữ phường", "Lớp tập huấn", "Quý II/2026"],
                    ["5", "Tuyên truyền, vận động người dân cài đặt, sử dụng ứng dụng VNeID và dịch vụ công trực "
                          "tuyến", "Công an phường", "Phòng VH-XH\nCác tổ dân phố", "Tin, bài tuyên truyền",
                     "Hằng tháng"],
                ],
            }),
        ],
        "expected": plan(
            "Kế hoạch Chuyển đổi số phường Hòa Quý năm 2026", "Hòa Quý", "Đà Nẵng", "45/QĐ-UBND", "2026-02-12",
            [("2", "Mục tiêu cụ thể"), ("I", "CHÍNH QUYỀN SỐ"), ("II", "KINH TẾ SỐ VÀ XÃ HỘI SỐ")],
            [
                ind("T1", "2", "Tỷ lệ hồ sơ thủ tục hành chính được tiếp nhận, giải quyết trực tuyến toàn trình",
                    [tg(2026, ">=", 90, "%", "đạt 90% trở lên")]),
                ind("T2", "2", "Người dân trưởng thành trên địa bàn phường có tài khoản định danh điện tử mức độ 2",
                    [tg(2026, ">=", 85, "%", "Tối thiểu 85%")]),
                ind("T3", "2", "Văn bản đi của UBND phường (trừ văn bản mật) được ký số và gửi, nhận trên môi "
                               "trường điện tử", [tg(2026, ">=", 100, "%", "100%")]),
                ind("T4", "2", "Số hộ kinh doanh trên địa bàn phường sử dụng hóa đơn điện tử",
                    [tg(2026, ">=", 250, "hộ", "≥ 250 hộ")]),
            ],
            [
                task("1", "I", "Rà soát, cập nhật danh mục thủ tục hành chính cung cấp dịch vụ công trực tuyến toàn "
                               "trình", [MCP], [VPP], ["Danh mục được cập nhật"], "2026-Q1", "Quý I/2026"),
                task("2", "I", "Triển khai ký số, gửi nhận văn bản điện tử liên thông 4 cấp", [VPP],
                     ["Các phòng chuyên môn"], ["Văn bản điện tử có ký số"], "recurring", "Thường xuyên"),
                task("3", "II", "Hướng dẫn hộ kinh doanh trên địa bàn đăng ký, sử dụng hóa đơn điện tử", [PKTP],
                     ["Đội Thuế phường"], ["Danh sách hộ đăng ký"], "2026-06", "Tháng 6/2026"),
                task("4", "II", "Tổ chức tập huấn kỹ năng số cho Tổ công nghệ số cộng đồng các tổ dân phố", [PVHP],
                     ["Đoàn Thanh niên phường", "Hội Liên hiệp Phụ nữ phường"], ["Lớp tập huấn"], "2026-Q2",
                     "Quý II/2026"),
                task("5", "II", "Tuyên truyền, vận động người dân cài đặt, sử dụng ứng dụng VNeID và dịch vụ công "
                               "trực tuyến", ["Công an phường"], [PVHP, "Các tổ dân phố"], ["Tin, bài tuyên truyền"],
                     "recurring", "Hằng tháng"),
            ]),
    })

    # ---- 32. one row per (indicator, year): "STT | Tên chỉ tiêu | ĐVT |
    #          Năm | Chỉ tiêu cần đạt | Đơn vị chủ trì | Đơn vị phối hợp",
    #          the code, name, unit and the two unit columns merged down over
    #          the indicator's year rows (Word vMerge, Excel merged range,
    #          empty cells in the text forms); pillars numbered "1.", "2."
    #          as rows, items "1.1" in the STT column; "≥ 90", "Tối thiểu
    #          70", "80 trở lên", "-" (no target that year); the reporting
    #          regime as a table "Kỳ báo cáo | Thời hạn" in the body -----------
    PKTX = "Phòng Kinh tế"
    out.append({
        "name": "ia-phin-2026-2028",
        "xlsx": True,
        "blocks": [
            heading("XÃ IA PHÌN", "09/KH-UBND", "Ia Phìn, ngày 22 tháng 01 năm 2026"),
            ("c", "KẾ HOẠCH"),
            ("c", "Chuyển đổi số xã Ia Phìn giai đoạn 2026 - 2028"),
            ("p", "Căn cứ Kế hoạch số 12/KH-UBND ngày 10/01/2026 của UBND tỉnh Gia Lai về chuyển đổi số giai đoạn "
                  "2026 - 2028; UBND xã Ia Phìn ban hành Kế hoạch như sau:"),
            ("b", "I. MỤC TIÊU"),
            ("b", "1. Mục tiêu chung"),
            ("p", "Phát triển hạ tầng số, chính quyền số gắn với kinh tế số, xã hội số; thu hẹp khoảng cách số giữa "
                  "các làng trên địa bàn xã."),
            ("b", "2. Mục tiêu cụ thể"),
            ("p", "Lộ trình chỉ tiêu theo từng năm của giai đoạn tại Phụ lục kèm theo Kế hoạch này."),
            ("b", "II. NHIỆM VỤ, GIẢI PHÁP"),
            ("li", "Tuyên truyền nâng cao nhận thức về chuyển đổi số cho cán bộ, người dân các làng."),
            ("li", "Phối hợp với doanh nghiệp viễn thông phát triển hạ tầng, xóa vùng lõm sóng."),
            ("b", "III. TỔ CHỨC THỰC HIỆN"),
            ("p", "Các đơn vị chủ trì báo cáo kết quả thực hiện chỉ tiêu về Văn phòng HĐND và UBND xã theo thời hạn "
                  "sau:"),
            ("table", {
                "head": [["Kỳ báo cáo", "Thời hạn"]],
                "rows": [
                    ["Báo cáo quý", "Trước ngày 15 của tháng cuối quý"],
                    ["Báo cáo 6 tháng", "Trước ngày 15/6 hằng năm"],
                    ["Báo cáo năm", "Trước ngày 10/12 hằng năm"],
                ],
            }),
            ("head", ["Nơi nhận:", "- UBND tỉnh Gia Lai (b/c);", "- TT Đảng ủy xã;", "- Lưu: VT."],
             ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Rơ Châm Hyun"]),
            ("appendix_start",),
            ("c", "PHỤ LỤC"),
            ("c", "LỘ TRÌNH CHỈ TIÊU CHUYỂN ĐỔI SỐ XÃ IA PHÌN GIAI ĐOẠN 2026 - 2028"),
            ("p", "(Kèm theo Kế hoạch số 09/KH-UBND ngày 22/01/2026 của UBND xã Ia Phìn)"),
            ("table", {
                "head": [["STT", "Tên chỉ tiêu", "ĐVT", "Năm", "Chỉ tiêu cần đạt", "Đơn vị chủ trì",
                          "Đơn vị phối hợp"]],
                "rows": [
                    ["1.", "Hạ tầng số và chính quyền số", "", "", "", "", ""],
                    [("1.1", 1, 3), ("Tỷ lệ làng có sóng di động 4G", 1, 3), ("%", 1, 3), "2026", "≥ 90",
                     (PKTX, 1, 3), ("Các doanh nghiệp viễn thông", 1, 3)],
                    ["2027", "≥ 95"],
                    ["2028", "100"],
                    [("1.2", 1, 3), ("Tỷ lệ hồ sơ thủ tục hành chính được tiếp nhận, giải quyết trực tuyến toàn "
                                     "trình", 1, 3), ("%", 1, 3), "2026", "Tối thiểu 70", (TTHC, 1, 3),
                     ("Các công chức chuyên môn", 1, 3)],
                    ["2027", "Tối thiểu 80"],
                    ["2028", "Tối thiểu 90"],
                    [("1.3", 1, 3), ("Chỉ số chuyển đổi số cấp xã (DTI)", 1, 3), ("Điểm", 1, 3), "2026", "0,6",
                     (VP, 1, 3), ("Các cơ quan, đơn vị", 1, 3)],
                    ["2027", "0,7"],
                    ["2028", "0,8"],
                    ["2.", "Kinh tế số và xã hội số", "", "", "", "", ""],
                    [("2.1", 1, 3), ("Số hộ sản xuất, kinh doanh bán hàng qua sàn thương mại điện tử", 1, 3),
                     ("Hộ", 1, 3), "2026", "40", (PKTX, 1, 3),
                     ("Bưu điện xã\nHợp tác xã nông nghiệp Ia Phìn", 1, 3)],
                    ["2027", "60"],
                    ["2028", "80 trở lên"],
                    [("2.2", 1, 3), ("Tỷ lệ người dân trưởng thành có tài khoản định danh điện tử mức độ 2", 1, 3),
                     ("%", 1, 3), "2026", "85", ("Công an xã", 1, 3), ("Các làng", 1, 3)],
                    ["2027", "90"],
                    ["2028", "≥ 95"],
                    [("2.3", 1, 3), ("Tỷ lệ hộ gia đình có người biết sử dụng dịch vụ công trực tuyến", 1, 3),
                     ("%", 1, 3), "2026", "50", (PVX, 1, 3), ("Đoàn Thanh niên xã", 1, 3)],
                    ["2027", "-"],
                    ["2028", "70"],
                ],
            }),
        ],
        "expected": plan(
            "Kế hoạch Chuyển đổi số xã Ia Phìn giai đoạn 2026 - 2028", "Ia Phìn", "Gia Lai", "09/KH-UBND",
            "2026-01-22",
            [("1", "Hạ tầng số và chính quyền số"), ("2", "Kinh tế số và xã hội số")],
            [
                ind("1.1", "1", "Tỷ lệ làng có sóng di động 4G",
                    [tg(2026, ">=", 90, "%", "≥ 90"), tg(2027, ">=", 95, "%", "≥ 95"), tg(2028, ">=", 100, "%", "100")],
                    [PKTX], ["Các doanh nghiệp viễn thông"]),
                ind("1.2", "1", "Tỷ lệ hồ sơ thủ tục hành chính được tiếp nhận, giải quyết trực tuyến toàn trình",
                    [tg(2026, ">=", 70, "%", "Tối thiểu 70"), tg(2027, ">=", 80, "%", "Tối thiểu 80"),
                     tg(2028, ">=", 90, "%", "Tối thiểu 90")],
                    [TTHC], ["Các công chức chuyên môn"]),
                ind("1.3", "1", "Chỉ số chuyển đổi số cấp xã (DTI)",
                    [tg(2026, ">=", 0.6, "Điểm", "0,6"), tg(2027, ">=", 0.7, "Điểm", "0,7"),
                     tg(2028, ">=", 0.8, "Điểm", "0,8")],
                    [VP], ["Các cơ quan, đơn vị"]),
                ind("2.1", "2", "Số hộ sản xuất, kinh doanh bán hàng qua sàn thương mại điện tử",
                    [tg(2026, ">=", 40, "Hộ", "40"), tg(2027, ">=", 60, "Hộ", "60"),
                     tg(2028, ">=", 80, "Hộ", "80 trở lên")],
                    [PKTX], ["Bưu điện xã", "Hợp tác xã nông nghiệp Ia Phìn"]),
                ind("2.2", "2", "Tỷ lệ người dân trưởng thành có tài khoản định danh điện tử mức độ 2",
                    [tg(2026, ">=", 85, "%", "85"), tg(2027, ">=", 90, "%", "90"), tg(2028, ">=", 95, "%", "≥ 95")],
                    ["Công an xã"], ["Các làng"]),
                ind("2.3", "2", "Tỷ lệ hộ gia đình có người biết sử dụng dịch vụ công trực tuyến",
                    [tg(2026, ">=", 50, "%", "50"), tg(2028, ">=", 70, "%", "70")],
                    [PVX], ["Đoàn Thanh niên xã"]),
            ], []),
    })

    # ---- 33. tasks and indicators in ONE table headed "Nội dung", kind by
    #          content: a "Kết quả cần đạt" column holding a target ("≥ 90%",
    #          "Tối thiểu 85%", "100% (đạt)", "90% trở lên", "Tối thiểu 1.200
    #          lượt") or a product ("Kế hoạch được ban hành"); "Chủ trì |
    #          Phối hợp" before it; pillars "1.", "2.", "3." as rows over
    #          "1.1"; units by abbreviations defined once in the prose
    #          ("Trung tâm Phục vụ hành chính công xã (viết tắt: TTPVHCC)");
    #          a prose target restating a row ------------------------------------
    out.append({
        "name": "my-loc-2026",
        "xlsx": True,
        "xlsx_short": {VP: "VP", TTHC: "TTPVHCC", PKT: "PKT", PVX: "VHXH"},   # defined in the prose only
        "blocks": [
            heading("XÃ MỸ LỘC", "18/KH-UBND", "Mỹ Lộc, ngày 28 tháng 01 năm 2026"),
            ("c", "KẾ HOẠCH"),
            ("c", "Chuyển đổi số xã Mỹ Lộc năm 2026"),
            ("p", "Thực hiện Kế hoạch số 21/KH-UBND ngày 15/01/2026 của UBND tỉnh Ninh Bình về chuyển đổi số năm "
                  "2026, UBND xã Mỹ Lộc ban hành Kế hoạch chuyển đổi số năm 2026 như sau:"),
            ("b", "I. MỤC TIÊU"),
            ("p", "Tiếp tục xây dựng chính quyền số; phấn đấu đến cuối năm 2026 có 90% trở lên người dân trưởng "
                  "thành sử dụng ứng dụng VNeID; các chỉ tiêu, nhiệm vụ cụ thể tại Phụ lục kèm theo."),
            ("b", "II. TỔ CHỨC THỰC HIỆN"),
            ("p", "1. Văn phòng HĐND và UBND xã (viết tắt: VP) là đầu mối theo dõi, tổng hợp kết quả thực hiện Kế "
                  "hoạch; Trung tâm Phục vụ hành chính công xã (viết tắt: TTPVHCC) chủ trì các nội dung về dịch vụ "
                  "công trực tuyến."),
            ("p", "2. Phòng Kinh tế (viết tắt: PKT) chủ trì các nội dung kinh tế số; Phòng Văn hóa - Xã hội (viết "
                  "tắt: VHXH) chủ trì các nội dung xã hội số."),
            ("p", "3. Các đơn vị báo cáo kết quả thực hiện về VP trước ngày 20 tháng 6 và ngày 20 tháng 11 năm 2026."),
            ("b", "CHỦ TỊCH"),
            ("appendix_start",),
            ("c", "PHỤ LỤC"),
            ("c", "CHỈ TIÊU, NHIỆM VỤ CHUYỂN ĐỔI SỐ NĂM 2026"),
            ("p", "(Kèm theo Kế hoạch số 18/KH-UBND ngày 28/01/2026 của UBND xã Mỹ Lộc)"),
            ("table", {
                "head": [["STT", "Nội dung", "Chủ trì", "Phối hợp", "Kết quả cần đạt", "Thời hạn"]],
                "rows": [
                    ["1.", "Chính quyền số", "", "", "", ""],
                    ["1.1", "Tỷ lệ hồ sơ thủ tục hành chính được số hóa kết quả giải quyết", "TTPVHCC",
                     "Các công chức chuyên môn", "≥ 90%", "Tháng 12/2026"],
                    ["1.2", "Ban hành Kế hoạch bảo đảm an toàn thông tin mạng của UBND xã năm 2026", "VP",
                     "Công an xã", "Kế hoạch được ban hành", "Quý I/2026"],
                    ["1.3", "Tỷ lệ văn bản trao đổi giữa các cơ quan, đơn vị được ký số", "VP",
                     "Các bộ phận chuyên môn", "100% (đạt)", "Thường xuyên"],
                    ["2.", "Kinh tế số", "", "", "", ""],
                    ["2.1", "Hỗ trợ hợp tác xã nông nghiệp mở gian hàng trên sàn thương mại điện tử", "PKT",
                     "Bưu điện xã\nHợp tác xã nông nghiệp Mỹ Lộc", "Gian hàng trực tuyến của hợp tác xã",
                     "Quý III/2026"],
                    ["2.2", "Tỷ lệ hộ kinh doanh tại chợ Mỹ Lộc chấp nhận thanh toán không dùng tiền mặt", "PKT",
                     "Ban quản lý chợ", "Tối thiểu 85%", "Tháng 9/2026"],
                    ["3.", "Xã hội số", "", "", "", ""],
                    ["3.1", "Tỷ lệ người dân trưởng thành sử dụng ứng dụng VNeID", "Công an xã", "Các thôn",
                     "90% trở lên", "Tháng 12/2026"],
                    ["3.2", "Duy trì hoạt động của Tổ công nghệ số cộng đồng tại 09 thôn", "VHXH",
                     "Đoàn Thanh niên xã", "Báo cáo hoạt động hằng quý", "Hằng quý"],
                    ["3.3", "Số lượt người dân được hướng dẫn sử dụng dịch vụ công trực tuyến", "TTPVHCC",
                     "Tổ công nghệ số cộng đồng", "Tối thiểu 1.200 lượt", "Năm 2026"],
                ],
            }),
        ],
        "expected": plan(
            "Kế hoạch Chuyển đổi số xã Mỹ Lộc năm 2026", "Mỹ Lộc", "Ninh Bình", "18/KH-UBND", "2026-01-28",
            [("1", "Chính quyền số"), ("2", "Kinh tế số"), ("3", "Xã hội số")],
            [
                ind("1.1", "1", "Tỷ lệ hồ sơ thủ tục hành chính được số hóa kết quả giải quyết",
                    [tg(2026, ">=", 90, "%", "≥ 90%")], [TTHC], ["Các công chức chuyên môn"], "2026-12",
                    "Tháng 12/2026"),
                ind("1.3", "1", "Tỷ lệ văn bản trao đổi giữa các cơ quan, đơn vị được ký số",
                    [tg(2026, ">=", 100, "%", "100% (đạt)")], [VP], ["Các bộ phận chuyên môn"], "recurring",
                    "Thường xuyên"),
                ind("2.2", "2", "Tỷ lệ hộ kinh doanh tại chợ Mỹ Lộc chấp nhận thanh toán không dùng tiền mặt",
                    [tg(2026, ">=", 85, "%", "Tối thiểu 85%")], [PKT], ["Ban quản lý chợ"], "2026-09", "Tháng 9/2026"),
                ind("3.1", "3", "Tỷ lệ người dân trưởng thành sử dụng ứng dụng VNeID",
                    [tg(2026, ">=", 90, "%", "90% trở lên")], ["Công an xã"], ["Các thôn"], "2026-12", "Tháng 12/2026"),
                ind("3.3", "3", "Số lượt người dân được hướng dẫn sử dụng dịch vụ công trực tuyến",
                    [tg(2026, ">=", 1200, "lượt", "Tối thiểu 1.200 lượt")], [TTHC], ["Tổ công nghệ số cộng đồng"],
                    "2026", "Năm 2026"),
            ],
            [
                task("1.2", "1", "Ban hành Kế hoạch bảo đảm an toàn thông tin mạng của UBND xã năm 2026", [VP],
                     ["Công an xã"], ["Kế hoạch được ban hành"], "2026-Q1", "Quý I/2026"),
                task("2.1", "2", "Hỗ trợ hợp tác xã nông nghiệp mở gian hàng trên sàn thương mại điện tử", [PKT],
                     ["Bưu điện xã", "Hợp tác xã nông nghiệp Mỹ Lộc"], ["Gian hàng trực tuyến của hợp tác xã"],
                     "2026-Q3", "Quý III/2026"),
                task("3.2", "3", "Duy trì hoạt động của Tổ công nghệ số cộng đồng tại 09 thôn", [PVX],
                     ["Đoàn Thanh niên xã"], ["Báo cáo hoạt động hằng quý"], "recurring", "Hằng quý"),
            ]),
    })

    # ---- 34. columns in another order: "Cơ quan chủ trì" second, the year
    #          columns ("Chỉ tiêu cần đạt" merged over "Năm 2026 | Năm 2027")
    #          BEFORE the name "Nội dung chỉ tiêu", then "ĐVT" and "Cơ quan
    #          phối hợp"; "≥ 90", "Tối thiểu 80", "90 trở lên", "100 (đạt)",
    #          "-"; roman groups as rows merged across; a page break before
    #          item 5 with both header rows repeated ------------------------
    SPAN11 = m.SpanRow
    out.append({
        "name": "nam-tam-2026-2027",
        "xlsx": True,
        "blocks": [
            heading("XÃ NẬM TĂM", "33/KH-UBND", "Nậm Tăm, ngày 06 tháng 02 năm 2026"),
            ("c", "KẾ HOẠCH"),
            ("c", "Chuyển đổi số xã Nậm Tăm giai đoạn 2026 - 2027"),
            ("p", "Căn cứ Kế hoạch số 17/KH-UBND ngày 23/01/2026 của UBND tỉnh Lai Châu về chuyển đổi số giai đoạn "
                  "2026 - 2027; UBND xã Nậm Tăm xây dựng Kế hoạch như sau:"),
            ("b", "I. MỤC TIÊU"),
            ("p", "Phát triển chính quyền số, kinh tế số, xã hội số của xã; chỉ tiêu từng năm tại Phụ lục kèm theo."),
            ("b", "II. TỔ CHỨC THỰC HIỆN"),
            ("p", "Định kỳ 6 tháng (trước ngày 15/6) và hằng năm (trước ngày 15/12), các cơ quan chủ trì báo cáo kết "
                  "quả thực hiện về Văn phòng HĐND và UBND xã để tổng hợp."),
            ("head", ["Nơi nhận:", "- UBND tỉnh Lai Châu;", "- Lưu: VT."], ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH",
                                                                             "Lò Văn Thanh"]),
            ("appendix_start",),
            ("c", "PHỤ LỤC"),
            ("c", "CHỈ TIÊU CHUYỂN ĐỔI SỐ XÃ NẬM TĂM GIAI ĐOẠN 2026 - 2027"),
            ("p", "(Kèm theo Kế hoạch số 33/KH-UBND ngày 06/02/2026 của UBND xã Nậm Tăm)"),
            ("table", {
                "head": [[("STT", 1, 2), ("Cơ quan chủ trì", 1, 2), ("Chỉ tiêu cần đạt", 2, 1),
                          ("Nội dung chỉ tiêu", 1, 2), ("ĐVT", 1, 2), ("Cơ quan phối hợp", 1, 2)],
                         ["Năm 2026", "Năm 2027"]],
                "repeat": True,
                "namecol": 4,
                "rows": [
                    SPAN11(["I. CHÍNH QUYỀN SỐ"] + [""] * 6),
                    ["1", VP, "≥ 90", "≥ 95", "Tỷ lệ văn bản điện tử được ký số", "%", "Các bộ phận chuyên môn"],
                    ["2", TTHC, "Tối thiểu 80", "Tối thiểu 90",
                     "Tỷ lệ hồ sơ thủ tục hành chính được tiếp nhận trực tuyến", "%", "Các công chức chuyên môn"],
                    ["3", "Công an xã", "85", "90 trở lên", "Tỷ lệ người dân có tài khoản định danh điện tử mức độ 2",
                     "%", "Các thôn, bản"],
                    SPAN11(["II. KINH TẾ SỐ"] + [""] * 6),
                    ["4", PKT, "30", "50", "Số doanh nghiệp, hộ kinh doanh sử dụng hóa đơn điện tử", "Đơn vị",
                     "Đội Thuế khu vực"],
                    ["5", PKT, "-", "100 (đạt)", "Tỷ lệ hợp tác xã có gian hàng trên sàn thương mại điện tử", "%",
                     "Bưu điện xã"],
                    SPAN11(["III. XÃ HỘI SỐ"] + [""] * 6),
                    ["6", PVX, "70", "80", "Tỷ lệ hộ gia đình có kết nối Internet cáp quang", "%",
                     "Các doanh nghiệp viễn thông\nCác thôn, bản"],
                    ["7", PVX, "500", "800", "Số lượt người dân được tập huấn kỹ năng số cơ bản", "Lượt người",
                     "Đoàn Thanh niên xã"],
                ],
                "cut": (5, 0),
            }),
        ],
        "expected": plan(
            "Kế hoạch Chuyển đổi số xã Nậm Tăm giai đoạn 2026 - 2027", "Nậm Tăm", "Lai Châu", "33/KH-UBND",
            "2026-02-06",
            [("I", "CHÍNH QUYỀN SỐ"), ("II", "KINH TẾ SỐ"), ("III", "XÃ HỘI SỐ")],
            [
                ind("1", "I", "Tỷ lệ văn bản điện tử được ký số",
                    [tg(2026, ">=", 90, "%", "≥ 90"), tg(2027, ">=", 95, "%", "≥ 95")], [VP],
                    ["Các bộ phận chuyên môn"]),
                ind("2", "I", "Tỷ lệ hồ sơ thủ tục hành chính được tiếp nhận trực tuyến",
                    [tg(2026, ">=", 80, "%", "Tối thiểu 80"), tg(2027, ">=", 90, "%", "Tối thiểu 90")], [TTHC],
                    ["Các công chức chuyên môn"]),
                ind("3", "I", "Tỷ lệ người dân có tài khoản định danh điện tử mức độ 2",
                    [tg(2026, ">=", 85, "%", "85"), tg(2027, ">=", 90, "%", "90 trở lên")], ["Công an xã"],
                    ["Các thôn, bản"]),
                ind("4", "II", "Số doanh nghiệp, hộ kinh doanh sử dụng hóa đơn điện tử",
                    [tg(2026, ">=", 30, "Đơn vị", "30"), tg(2027, ">=", 50, "Đơn vị", "50")], [PKT],
                    ["Đội Thuế khu vực"]),
                ind("5", "II", "Tỷ lệ hợp tác xã có gian hàng trên sàn thương mại điện tử",
                    [tg(2027, ">=", 100, "%", "100 (đạt)")], [PKT], ["Bưu điện xã"]),
                ind("6", "III", "Tỷ lệ hộ gia đình có kết nối Internet cáp quang",
                    [tg(2026, ">=", 70, "%", "70"), tg(2027, ">=", 80, "%", "80")], [PVX],
                    ["Các doanh nghiệp viễn thông", "Các thôn, bản"]),
                ind("7", "III", "Số lượt người dân được tập huấn kỹ năng số cơ bản",
                    [tg(2026, ">=", 500, "Lượt người", "500"), tg(2027, ">=", 800, "Lượt người", "800")], [PVX],
                    ["Đoàn Thanh niên xã"]),
            ], []),
    })
    return out
