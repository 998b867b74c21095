/* test_target.c — the target, due-date and date parser (core/target.c).
 *
 * The phrases are copied from the three real plans in ../shared/plans
 * (Minh Đức 2026-2030, Vĩnh Thuận 2026, Vĩnh Trụ 2026); the expected
 * year/op/value/unit are those of ../shared/plans/expected/ (JSON) where the
 * phrase is an indicator there, else what plan-json.md's rules give. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>
#include <cmocka.h>
#include "core/target.h"

#define GE TARGET_GE
#define GT TARGET_GT
#define LE TARGET_LE
#define LT TARGET_LT
#define EQ TARGET_EQ
#define TX TARGET_TEXT

typedef struct want {
    int year;
    target_op op;
    double value;
    const char *unit;
} want;

typedef struct tcase {
    const char *text;
    int n;              /* targets expected (want_text set) */
    want w[2];
} tcase;

/* Target cells and phrases, default year 2026. */
static const tcase CASES[] = {
    /* Minh Đức appendix, column "Năm 2026" / "Đến năm 2030" */
    { "Trung tâm Tích hợp dữ liệu tỉnh được công nhận đạt chuẩn", 1, { { 2026, TX, 0, "" } } },
    { "100%", 1, { { 2026, GE, 100, "%" } } },
    { "9/9 nền tảng theo hướng dẫn của Bộ", 1, { { 2026, GE, 9, "/9 nền tảng" } } },
    { "Có ứng dụng AI phục vụ người dân, doanh nghiệp, cơ quan nhà nước", 1, { { 2026, TX, 0, "" } } },
    { "Bố trí cán bộ chuyên trách CNTT, CDS", 1, { { 2026, TX, 0, "" } } },
    { "Phấn đấu đạt 10%/tổng số cán bộ, công chức, viên chức", 1, { { 2026, GE, 10, "%" } } },
    { "100% công dân đủ điều kiện (công dân đã được cấp căn cước/căn cước công dân, có sử dụng điện thoại thông minh",
      1, { { 2026, GE, 100, "%" } } },
    { "100% hệ thống thông tin được phê duyệt cấp độ", 1, { { 2026, GE, 100, "%" } } },
    { "70%", 1, { { 2026, GE, 70, "%" } } },
    { "80%", 1, { { 2026, GE, 80, "%" } } },
    { "25%", 1, { { 2026, GE, 25, "%" } } },
    { "90%", 1, { { 2026, GE, 90, "%" } } },
    { "Đạt trên 1%", 1, { { 2026, GT, 1, "%" } } },
    { "3%", 1, { { 2026, GE, 3, "%" } } },
    { ">20%", 1, { { 2026, GT, 20, "%" } } },
    { "30%", 1, { { 2026, GE, 30, "%" } } },
    { "01 doanh nghiệp/1.000 dân", 1, { { 2026, GE, 1, "doanh nghiệp/1.000 dân" } } },
    { "05 doanh nghiệp/1.000 dân", 1, { { 2026, GE, 5, "doanh nghiệp/1.000 dân" } } },
    { ">80%", 1, { { 2026, GT, 80, "%" } } },
    /* thousands grouped any number of times (a billion đồng was read as a million) */
    { "Đạt 1.000.000.000 đồng", 1, { { 2026, GE, 1000000000, "đồng" } } },
    { "tối thiểu 2.500.000 lượt", 1, { { 2026, GE, 2500000, "lượt" } } },
    { ">30%", 1, { { 2026, GT, 30, "%" } } },
    { ">50%", 1, { { 2026, GT, 50, "%" } } },
    { "95%", 1, { { 2026, GE, 95, "%" } } },
    { ">70%", 1, { { 2026, GT, 70, "%" } } },
    { "định của Chính phủ (thường là tối thiểu 1% tổng chi ngân sách nhà nước).", 1, { { 2026, GE, 1, "%" } } },
    /* Minh Đức prose */
    { "- Phát triển công cụ giao dịch số an toàn: Triển khai chiến dịch phổ cập chữ ký số cá nhân cho người dân và "
      "doanh nghiệp, nâng tỉ lệ này lên mức tối thiểu 50% trong năm 2026 nhằm tạo điều kiện thực hiện các giao dịch "
      "điện tử có tính pháp lý cao, đến năm 2030 tỉ lệ đạt từ 70% trở lên.",
      2, { { 2026, GE, 50, "%" }, { 2030, GE, 70, "%" } } },
    { "Thực hiện các chính sách hỗ trợ cụ thể, hiệu quả để khuyến khích thành lập mới và phát triển các doanh nghiệp "
      "công nghệ số, để nâng cao chỉ tiêu Tỷ lệ doanh nghiệp công nghệ số đến năm 2030 đạt tỉ lệ: 01 doanh nghiệp/1.000 dân.",
      1, { { 2030, GE, 1, "doanh nghiệp/1.000 dân" } } },
    { "- Tiếp tục phối hợp với các cơ quan cấp trên rà soát, chuẩn hóa đưa các dịch vụ công trực tuyến lên mức độ toàn "
      "trình, đặc biệt chú trọng các dịch vụ công phát sinh nhiều hồ sơ, mục tiêu phấn đấu đến năm 2030 đạt 100%",
      1, { { 2030, GE, 100, "%" } } },
    { "- Phân đấu hoàn thành 100% các chỉ tiêu do UBND tỉnh giao và các cơ quan cấp trên giao.", 1, { { 2026, GE, 100, "%" } } },
    { "- Đảm bảo 100% hệ thống thông tin triển khai đầy đủ phương án bảo đảm an toàn thông tin, an ninh mạng theo cấp "
      "độ đã được phê duyệt", 1, { { 2026, GE, 100, "%" } } },
    /* Vĩnh Thuận prose (indicators T1..T22) */
    { "a) Phát triển hạ tầng viễn thông, Internet đáp ứng yêu cầu dự phòng, kết nối, an toàn, bền vững, mạng cáp quang "
      "băng thông rộng tốc độ cao, mạng thông tin di động 5G, 6G và các thế hệ tiếp theo phủ sóng toàn xã, đảm bảo tỷ lệ "
      "người sử dụng có khả năng truy nhập băng rộng cố định với tốc độ trên 1Gb/s đạt tối thiểu 50% trở lên",
      1, { { 2026, GE, 50, "%" } } },
    { "tỷ lệ phủ sóng mạng di động băng rộng 5G trên dân số đạt tối thiểu 50%", 1, { { 2026, GE, 50, "%" } } },
    { "tỷ lệ hộ gia đình có kết nối Internet băng rộng cáp quang đạt tối thiểu 90%.", 1, { { 2026, GE, 90, "%" } } },
    { "bố trí tối thiểu từ 01 cán bộ, công chức trở lên chuyên trách về chuyển đổi số để phục vụ triển khai nhiệm vụ "
      "chuyển đổi số.", 1, { { 2026, GE, 1, "cán bộ, công chức" } } },
    { "đảm bảo 100% cán bộ, công chức, viên chức được đào tạo, bồi dưỡng.", 1, { { 2026, GE, 100, "%" } } },
    { "c) Tổ chức triển khai tập huấn, bồi dưỡng kỹ năng số (gồm cả trên nền tảng học trực tuyến và trực tiếp) cho người "
      "dân (từ 15 tuổi trở lên) trên địa bàn xã, đảm bảo 90% người dân (từ 15 tuổi trở lên) được phổ cập kỹ năng số.",
      1, { { 2026, GE, 90, "%" } } },
    { "bảo đảm 100% hệ thống thông tin xây dựng hồ sơ đề xuất cấp độ và được phê duyệt theo quy định",
      1, { { 2026, GE, 100, "%" } } },
    { "tối thiểu 1 lần/2 năm đối với hệ thống thông tin cấp độ 1, cấp độ 2", 1, { { 2026, GE, 1, "lần/2 năm" } } },
    { "tối thiểu 1 lần/năm đối với hệ thống thông tin cấp độ 3, cấp độ 4", 1, { { 2026, GE, 1, "lần/năm" } } },
    { "phấn đấu 80% trở lên hồ sơ thủ tục hành chính là hồ sơ trực tuyến toàn trình", 1, { { 2026, GE, 80, "%" } } },
    { "80% người dân và doanh nghiệp sử dụng dịch vụ công trực tuyến", 1, { { 2026, GE, 80, "%" } } },
    { "95% người dân, doanh nghiệp đánh giá hài lòng khi sử dụng dịch vụ công trực tuyến.", 1, { { 2026, GE, 95, "%" } } },
    { "d) Đảm bảo tỷ lệ chi ngân sách nhà nước cho chính quyền số đạt tối thiểu 1% tổng chi ngân sách nhà nước trên địa "
      "bàn xã.", 1, { { 2026, GE, 1, "%" } } },
    { "a) Phấn đấu kinh tế số đạt theo chỉ đạo.", 1, { { 2026, TX, 0, "" } } },
    { "phấn đấu tỷ lệ doanh nghiệp công nghệ số/1000 dân đạt tối thiểu 1%.", 1, { { 2026, GE, 1, "%" } } },
    { "phấn đấu tỷ trọng thương mại điện tử trong tổng mức bán lẻ đạt tối thiểu 20%.", 1, { { 2026, GE, 20, "%" } } },
    { "phấn đấu tỷ lệ doanh nghiệp sử dụng hợp đồng điện tử đạt 80%.", 1, { { 2026, GE, 80, "%" } } },
    { "phấn đấu 85% người dân từ 14 tuổi trở lên có danh tính điện tử.", 1, { { 2026, GE, 85, "%" } } },
    { "phấn đấu 100% người dân từ 15 tuổi trở lên có tài khoản giao dịch còn đang hoạt động tại ngân hàng hoặc các tổ "
      "chức được phép khác.", 1, { { 2026, GE, 100, "%" } } },
    { "c) Tăng cường công tác thông tin, tuyên truyền, hỗ trợ người dân ở độ tuổi trưởng thành (từ 14 tuổi trở lên) đăng "
      "ký sử dụng chữ ký số hoặc chữ ký điện tử cá nhân để thực hiện các giao dịch điện tử, phấn đấu tỷ lệ dân số trưởng "
      "thành có chữ ký số hoặc chữ ký điện tử cá nhân đạt tối thiểu 50%.", 1, { { 2026, GE, 50, "%" } } },
    { "phấn đấu tỷ lệ người dân có Sổ sức khỏe điện tử đạt 95%.", 1, { { 2026, GE, 95, "%" } } },
    { "phấn đấu tỷ lệ người dân biết kỹ năng về công nghệ thông tin và truyền thông đạt tối thiểu 80%.",
      1, { { 2026, GE, 80, "%" } } },
    /* Vĩnh Trụ "Mục tiêu cụ thể" */
    { "- Tỷ lệ nhiệm vụ Chính phủ, Thủ tướng Chính phủ giao được cụ thể hóa thực hiện bằng các văn bản, kế hoạch: Đạt 100%.",
      1, { { 2026, GE, 100, "%" } } },
    { "- Tỷ lệ người dân có khả năng truy cập băng thông rộng cố định với tốc độ từ 1 Gb/s trở lên: Đạt tối thiểu 70%.",
      1, { { 2026, GE, 70, "%" } } },
    { "- Phấn đấu 100% các cơ quan, đơn vị có mạng nội bộ (LAN) đáp ứng tiêu chuẩn kỹ thuật và hoàn thiện chuyển sang "
      "dải địa chỉ IPv6.", 1, { { 2026, GE, 100, "%" } } },
    { "- Tỷ lệ cán bộ chuyên trách về công nghệ thông tin, chuyển đổi số được đào tạo đạt chứng chỉ quản trị dữ liệu cơ "
      "bản: Đạt tối thiểu 30%.", 1, { { 2026, GE, 30, "%" } } },
    { "- Tỷ lệ giáo viên được tập huấn kỹ năng cơ bản về dạy học trên nền tảng số đạt 100%.", 1, { { 2026, GE, 100, "%" } } },
    { "- Tỷ lệ hồ sơ, kết quả giải quyết thủ tục hành chính được số hóa: Đạt tối thiểu 95%", 1, { { 2026, GE, 95, "%" } } },
    { "- Tỷ lệ đảng uỷ, chính quyền xã sử dụng phần mềm quản trị điều hành thống nhất: Đạt 100%.", 1, { { 2026, GE, 100, "%" } } },
    { "- Đảm bảo nguồn kinh phí dành riêng cho công tác an toàn thông tin đạt tối thiểu 10% tổng ngân sách triển khai các "
      "nhiệm vụ chuyển đổi số.", 1, { { 2026, GE, 10, "%" } } },
    { "- Thực hiện rà soát, phê duyệt và triển khai đầy đủ các phương án bảo đảm an toàn hệ thống thông tin theo cấp độ "
      "cho 100% hệ thống của các cơ quan nhà nước.", 1, { { 2026, GE, 100, "%" } } },
    /* Vĩnh Trụ appendix I, column "Chỉ tiêu/nhiệm vụ" */
    { "100% nhiệm vụ UBND tỉnh, Chủ tịch UBND tỉnh giao được cụ thể hóa thực hiện bằng các văn bản, kế hoạch",
      1, { { 2026, GE, 100, "%" } } },
    { "Tỷ lệ phủ sóng 5G trên dân số: Đạt tối thiểu 70%", 1, { { 2026, GE, 70, "%" } } },
    { "Tỷ lệ người sử dụng có khả năng truy cập băng thông rộng có định với tốc độ trên 01 Gbps đạt tối thiểu 70%",
      1, { { 2026, GE, 70, "%" } } },
    { "Tỷ lệ đảng viên là cán bộ, công chức, viên chức được cấp và sử dụng thường xuyên, miễn phí chữ ký số chuyên dùng "
      "công vụ: Đạt 100%", 1, { { 2026, GE, 100, "%" } } },
    { "Tỉ lệ cán bộ, công chức cấp xã được bồi dưỡng kỹ năng số căn bản đạt 100%", 1, { { 2026, GE, 100, "%" } } },
    { "Tỉ lệ cán bộ, công chức, viên chức làm chủ kỹ năng số, ứng dụng công nghệ trong quản lý, điều hành, triển khai "
      "công việc đạt tối thiểu 90%", 1, { { 2026, GE, 90, "%" } } },
    { "100% thành viên Đội ứng cứu sự cố an toàn thông tin mạng của xã; cán bộ phụ trách chuyển đổi số tại các cơ quan, "
      "đơn vị tham gia tập huấn, diễn tập tình huống, diễn tập thực chiến đảm bảo an toàn thông tin mạng.",
      1, { { 2026, GE, 100, "%" } } },
    { "Phân đầu 100% thành viên Tổ công nghệ số cộng đồng được tập huấn, bồi dưỡng, hướng dẫn về kỹ năng sử dụng các "
      "dịch vụ số", 1, { { 2026, GE, 100, "%" } } },
    { "Trang Thông tin điện tử xã có chuyên trang, chuyên mục và duy trì cập nhật thường xuyên tin, bài tuyên truyền, phổ "
      "biến về chuyển đổi số, Đề án 06/CP đạt 100%", 1, { { 2026, GE, 100, "%" } } },
    { "Tỷ lệ CSDL của xã được số hoá và liên thông với tỉnh đạt tối thiểu 60%;", 1, { { 2026, GE, 60, "%" } } },
    { "Số hóa các danh lam thắng cảnh, di tích lịch sử, lễ hội, làng nghề truyền thống, nhân vật lịch sử đạt tối thiểu 50%.",
      1, { { 2026, GE, 50, "%" } } },
    { "Chỉ số chuyển đổi số cấp xã: Đạt tối thiểu 0.70", 1, { { 2026, GE, 0.7, "" } } },
    { "Tỷ lệ giao dịch hành chính thuộc diện “phi tiếp xúc”: Đạt tối thiểu 80%", 1, { { 2026, GE, 80, "%" } } },
    { "Tỷ lệ thanh toán trực tuyến trong giải quyết thủ tục hành chính, dịch vụ công: Đạt 83%", 1, { { 2026, GE, 83, "%" } } },
    { "Tỷ lệ dân số từ 15 tuổi trở lên có tài khoản giao dịch tại ngân hàng hoặc các tổ chức được phép khác: Đạt 90%",
      1, { { 2026, GE, 90, "%" } } },
    { "Tỷ lệ người dân có tài khoản định danh điện tử (VNeID) mức 2: Đạt tối thiểu 70%", 1, { { 2026, GE, 70, "%" } } },
    { "Tỉ lệ dân số trưởng thành tiếp cận dịch vụ số trong y tế, giáo dục, bảo hiểm, giao thông: Đạt tối thiểu 82%",
      1, { { 2026, GE, 82, "%" } } },
    { "Tỷ lệ các hệ thống thông tin được phê duyệt hồ sơ đề xuất bảo đảm an ninh mạng theo cấp độ trước khi đưa vào vận "
      "hành, sử dụng; được kiểm tra, đánh giá an ninh mạng định kỳ: Đạt 100%", 1, { { 2026, GE, 100, "%" } } },
    { "UBND xã thực hiện triển khai giải pháp phòng chống vi rút, mã độc quản lý, giám sát tập trung: Đạt 100%",
      1, { { 2026, GE, 100, "%" } } },
    /* the ops of plan-json.md */
    { "Đạt tối thiểu 70%", 1, { { 2026, GE, 70, "%" } } },
    { "0,70", 1, { { 2026, GE, 0.7, "" } } },
    { "tối đa 5%", 1, { { 2026, LE, 5, "%" } } },
    { "không quá 10 ngày", 1, { { 2026, LE, 10, "ngày" } } },
    { "dưới 2%", 1, { { 2026, LT, 2, "%" } } },
    { "hơn 50%", 1, { { 2026, GT, 50, "%" } } },
    { "bằng 100%", 1, { { 2026, EQ, 100, "%" } } },
    { "đúng 100%", 1, { { 2026, EQ, 100, "%" } } },
    { "≥ 95%", 1, { { 2026, GE, 95, "%" } } },
    { "<= 3%", 1, { { 2026, LE, 3, "%" } } },
    { "2,5%", 1, { { 2026, GE, 2.5, "%" } } },
    { "Năm 2026: 70%; năm 2030: 90%", 2, { { 2026, GE, 70, "%" }, { 2030, GE, 90, "%" } } },
    { "Tăng 10% so với năm 2025", 1, { { 2026, GE, 10, "%" } } },
    { "2026: 50%; 2027: 60%", 2, { { 2026, GE, 50, "%" }, { 2027, GE, 60, "%" } } },
    { "Đạt 100% trước năm 2030", 1, { { 2030, GE, 100, "%" } } },
    { "Tối thiểu 02 lớp/năm", 1, { { 2026, GE, 2, "lớp/năm" } } },
    { "Đạt mức 0,75 điểm", 1, { { 2026, GE, 0.75, "điểm" } } },
    { "Không vượt quá 5 %", 1, { { 2026, LE, 5, "%" } } },
    { "Giảm còn dưới 5%", 1, { { 2026, LT, 5, "%" } } },
    /* numbers that are not targets (want_text gives the text target) */
    { "Tỷ lệ người dân có tài khoản định danh điện tử (VNeID) mức 2", 1, { { 2026, TX, 0, "" } } },
    { "Nằm trong nhóm 10 xã dẫn đầu", 1, { { 2026, TX, 0, "" } } },
    { "Kế hoạch triển khai Ngày chuyển đổi số Quốc gia 10/10/2026 trên địa bàn xã", 1, { { 2026, TX, 0, "" } } },
    { "Kế hoạch phát triển hạ tầng số trên địa bàn xã, giai đoạn 2026-2030", 1, { { 2026, TX, 0, "" } } },
    { "Kế hoạch Chuyển đổi số xã Vĩnh Trụ năm 2027", 1, { { 2026, TX, 0, "" } } },
    { "Các văn bản chỉ đạo, hướng dẫn triển khai thực hiện Quyết định số 06/QĐ-TTg ngày 06/01/2022 của Thủ tướng Chính "
      "phủ phê duyệt Đề án phát triển ứng dụng dữ liệu về dân cư, định danh và xác thực điện tử phục vụ chuyển đổi số "
      "quốc gia giai đoạn 2022 - 2026, tầm nhìn đến năm 2030", 1, { { 2026, TX, 0, "" } } },
    { "Chương trình hành động thực hiện Nghị quyết 57- NQ/TW của Bộ Chính trị", 1, { { 2026, TX, 0, "" } } },
    { "Căn cứ Kế hoạch số 154/KH-UBND ngày 26/3/2026 của Ủy ban nhân dân tỉnh Đồng Nai", 1, { { 2026, TX, 0, "" } } },
    { "Tổng đài 1022, thương mại điện tử", 1, { { 2026, TX, 0, "" } } },
    { "tiếp cận các khóa huấn luyện kỹ năng vận hành công nghệ 4.0.", 1, { { 2026, TX, 0, "" } } },
    { "mạng thông tin di động 5G, 6G và các thế hệ tiếp theo", 1, { { 2026, TX, 0, "" } } },
    { "hướng dẫn công dân từ 14 tuổi trở lên kích hoạt tài khoản định danh điện tử VNeID mức độ 2",
      1, { { 2026, TX, 0, "" } } },
    { "tối thiểu 1 lần/2 năm đối với hệ thống thông tin cấp độ 1, cấp độ 2", 1, { { 2026, GE, 1, "lần/2 năm" } } },
    { "tập trung vào 04 nội dung: (1) Cổng thông tin điện tử có gắn nhãn xác nhận", 1, { { 2026, TX, 0, "" } } },
    { "bảo đảm kết nối đồng bộ 24/7 với hệ thống giám sát quốc gia.", 1, { { 2026, TX, 0, "" } } },
    { "Định kỳ báo cáo tổng hợp số liệu hằng quý trước ngày 18 của tháng cuối quý, báo cáo hằng năm trước ngày 18 tháng 12",
      1, { { 2026, TX, 0, "" } } },
    { "### 2.1. Về công tác lãnh đạo, chỉ đạo điều hành", 1, { { 2026, TX, 0, "" } } },
};

static void check_case(const tcase *c)
{
    plan_target t[4];
    memset(t, 0xAB, sizeof t);
    size_t n = target_parse(c->text, 2026, 1, t, 4);
    if ((int)n != c->n)
        fail_msg("%s: %zu targets, want %d", c->text, n, c->n);
    for (size_t k = 0; k < n; k++) {
        const want *w = &c->w[k];
        if (t[k].year != w->year || t[k].op != w->op || strcmp(t[k].unit, w->unit) != 0)
            fail_msg("%s: target %zu is %d/%d/'%s', want %d/%d/'%s'", c->text, k, t[k].year,
                     (int)t[k].op, t[k].unit, w->year, (int)w->op, w->unit);
        if (w->op == TARGET_TEXT) {
            assert_int_equal(t[k].has_value, 0);
        } else {
            assert_int_equal(t[k].has_value, 1);
            if (fabs(t[k].value - w->value) > 1e-9)
                fail_msg("%s: value %g, want %g", c->text, t[k].value, w->value);
        }
        assert_non_null(t[k].text);
        assert_true(strlen(t[k].text) > 0);
        target_release(&t[k]);
        assert_null(t[k].unit);
    }
}

static void test_real_phrases(void **state)
{
    (void)state;
    assert_true(sizeof CASES / sizeof CASES[0] >= 80);
    for (size_t i = 0; i < sizeof CASES / sizeof CASES[0]; i++)
        check_case(&CASES[i]);
}

/* The phrase a target was read from, and the default year. */
static void test_phrase_text_and_year(void **state)
{
    (void)state;
    plan_target t[2];
    size_t n = target_parse("Tỷ lệ phủ sóng 5G trên dân số: Đạt tối thiểu 70%", 2030, 0, t, 2);
    assert_int_equal(n, 1);
    assert_int_equal(t[0].year, 2030);
    assert_string_equal(t[0].text, "Đạt tối thiểu 70%");
    target_release(&t[0]);
    n = target_parse("  phấn   đấu\n80% trở lên hồ sơ", 2026, 0, t, 2);
    assert_int_equal(n, 1);
    assert_string_equal(t[0].text, "phấn đấu 80% trở lên");
    target_release(&t[0]);
    /* without want_text a phrase with no number gives nothing */
    assert_int_equal(target_parse("Có ứng dụng AI phục vụ người dân", 2026, 0, t, 2), 0);
    n = target_parse("Có ứng dụng AI phục vụ người dân", 2026, 1, t, 2);
    assert_int_equal(n, 1);
    assert_string_equal(t[0].text, "Có ứng dụng AI phục vụ người dân");
    target_release(&t[0]);
    /* MAX bounds the output */
    n = target_parse("nâng lên mức tối thiểu 50% trong năm 2026, đến năm 2030 đạt từ 70% trở lên", 2026, 0, t, 1);
    assert_int_equal(n, 1);
    assert_int_equal(t[0].year, 2026);
    target_release(&t[0]);
    /* a year before its value, in its own clause */
    n = target_parse("Đến năm 2030, đạt tối thiểu 90%", 2026, 0, t, 2);
    assert_int_equal(n, 1);
    assert_int_equal(t[0].year, 2030);
    target_release(&t[0]);
    /* ascending by year however written */
    n = target_parse("90% vào năm 2030; 60% trong năm 2027", 2026, 0, t, 2);
    assert_int_equal(n, 2);
    assert_int_equal(t[0].year, 2027);
    assert_true(t[0].value == 60);
    assert_int_equal(t[1].year, 2030);
    target_release(&t[0]);
    target_release(&t[1]);
}

static void test_measurable(void **state)
{
    (void)state;
    static const char *const yes[] = {
        "Tỷ lệ phủ sóng 5G trên dân số: Đạt tối thiểu 70%",
        "+ 100% dịch vụ công trực tuyến toàn trình",
        "tỷ lệ người sử dụng có khả năng truy nhập băng rộng cố định với tốc độ trên 1Gb/s đạt tối thiểu 50% trở lên; ",
        "9/9 nền tảng",
        "01 doanh nghiệp/1.000 dân",
        "Đạt 0,70",
        "bố trí tối thiểu từ 01 cán bộ, công chức trở lên",
    };
    static const char *const no[] = {
        "Quyết định ban hành Quy chế quản lý, vận hành và sử dụng các Hệ thống thông tin",
        "Kế hoạch triển khai Ngày chuyển đổi số Quốc gia 10/10/2026 trên địa bàn xã",
        "Kế hoạch phát triển hạ tầng số trên địa bàn xã, giai đoạn 2026-2030",
        "Kế hoạch Chuyển đổi số xã Vĩnh Trụ năm 2027",
        "Ứng dụng trí tuệ nhân tạo AI (Trợ lý ảo) cho cán bộ, công chức UBND xã",
        "1.1", "2.3.", "5", "0,70", "", "   ", "%", "Nghị quyết 57",
        "hỗ trợ người dân ở độ tuổi trưởng thành (từ 14 tuổi trở lên)",
        "Phấn đấu kinh tế số đạt theo chỉ đạo.",
    };
    for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++)
        if (!target_is_measurable(yes[i]))
            fail_msg("not measurable: %s", yes[i]);
    for (size_t i = 0; i < sizeof no / sizeof no[0]; i++)
        if (target_is_measurable(no[i]))
            fail_msg("measurable: %s", no[i]);
    assert_false(target_is_measurable(NULL));
    assert_true(target_is_goal("a) Phấn đấu kinh tế số đạt theo chỉ đạo."));
    assert_true(target_is_goal("Đạt tối thiểu 70%"));
    assert_false(target_is_goal("Phấn đấu hoàn thành kế hoạch"));
    assert_false(target_is_goal(NULL));
}

typedef struct scase {
    const char *text, *name, *phrase;
} scase;

/* Names as in expected/vinh-thuan-2026-dti.json and vinh-tru-2026.json. */
static const scase SPLITS[] = {
    { "a) Phát triển hạ tầng viễn thông, Internet đáp ứng yêu cầu dự phòng, kết nối, an toàn, bền vững, mạng cáp quang "
      "băng thông rộng tốc độ cao, mạng thông tin di động 5G, 6G và các thế hệ tiếp theo phủ sóng toàn xã, đảm bảo tỷ lệ "
      "người sử dụng có khả năng truy nhập băng rộng cố định với tốc độ trên 1Gb/s đạt tối thiểu 50% trở lên",
      "Tỷ lệ người sử dụng có khả năng truy nhập băng rộng cố định với tốc độ trên 1Gb/s", "đạt tối thiểu 50% trở lên" },
    { "tỷ lệ phủ sóng mạng di động băng rộng 5G trên dân số đạt tối thiểu 50%",
      "Tỷ lệ phủ sóng mạng di động băng rộng 5G trên dân số", "đạt tối thiểu 50%" },
    { "a) Đảm bảo có bộ phận/đầu mối thực hiện nhiệm vụ chuyển đổi số; bố trí tối thiểu từ 01 cán bộ, công chức trở lên "
      "chuyên trách về chuyển đổi số để phục vụ triển khai nhiệm vụ chuyển đổi số.",
      "Bố trí cán bộ, công chức chuyên trách về chuyển đổi số", "tối thiểu từ 01 cán bộ, công chức trở lên" },
    { "b) Tổ chức đào tạo, tập huấn, bồi dưỡng kiến thức về chuyển đổi số cho cán bộ, công chức, viên chức trong các cơ "
      "quan nhà nước trên địa bàn xã, đảm bảo 100% cán bộ, công chức, viên chức được đào tạo, bồi dưỡng.",
      "Cán bộ, công chức, viên chức được đào tạo, bồi dưỡng", "đảm bảo 100%" },
    { "c) Tổ chức triển khai tập huấn, bồi dưỡng kỹ năng số (gồm cả trên nền tảng học trực tuyến và trực tiếp) cho người "
      "dân (từ 15 tuổi trở lên) trên địa bàn xã, đảm bảo 90% người dân (từ 15 tuổi trở lên) được phổ cập kỹ năng số.",
      "Người dân (từ 15 tuổi trở lên) được phổ cập kỹ năng số", "đảm bảo 90%" },
    { "a) Triển khai nhiệm vụ bảo đảm an toàn thông tin theo cấp độ cho hệ thống thông tin, bảo đảm 100% hệ thống thông "
      "tin xây dựng hồ sơ đề xuất cấp độ và được phê duyệt theo quy định",
      "Hệ thống thông tin xây dựng hồ sơ đề xuất cấp độ và được phê duyệt theo quy định", "bảo đảm 100%" },
    { "b) Thực hiện kiểm tra, đánh giá an toàn thông tin, an ninh mạng định kỳ cho hệ thống thông tin (tối thiểu 1 lần/2 "
      "năm đối với hệ thống thông tin cấp độ 1, cấp độ 2",
      "Thực hiện kiểm tra, đánh giá an toàn thông tin, an ninh mạng định kỳ cho hệ thống thông tin cấp độ 1, cấp độ 2",
      "tối thiểu 1 lần/2 năm" },
    { "c) Đẩy mạnh cung cấp dịch vụ công trực tuyến, phấn đấu 80% trở lên hồ sơ thủ tục hành chính là hồ sơ trực tuyến "
      "toàn trình", "Hồ sơ thủ tục hành chính là hồ sơ trực tuyến toàn trình", "phấn đấu 80% trở lên" },
    { "80% người dân và doanh nghiệp sử dụng dịch vụ công trực tuyến",
      "Người dân và doanh nghiệp sử dụng dịch vụ công trực tuyến", "80%" },
    { "d) Đảm bảo tỷ lệ chi ngân sách nhà nước cho chính quyền số đạt tối thiểu 1% tổng chi ngân sách nhà nước trên địa "
      "bàn xã.", "Tỷ lệ chi ngân sách nhà nước cho chính quyền số", "đạt tối thiểu 1%" },
    { "a) Phấn đấu kinh tế số đạt theo chỉ đạo.", "Kinh tế số", "Phấn đấu kinh tế số đạt theo chỉ đạo." },
    { "phấn đấu tỷ lệ doanh nghiệp công nghệ số/1000 dân đạt tối thiểu 1%.",
      "Tỷ lệ doanh nghiệp công nghệ số/1000 dân", "đạt tối thiểu 1%" },
    { "a) Tăng cường, thúc đẩy, hỗ trợ phổ cập danh tính số/tài khoản định danh điện tử cho người dân trên địa bàn xã, "
      "phấn đấu 85% người dân từ 14 tuổi trở lên có danh tính điện tử.",
      "Người dân từ 14 tuổi trở lên có danh tính điện tử", "phấn đấu 85%" },
    { "- 100% học sinh trung học được trang bị kiến thức, kỹ năng số để phục vụ học tập, nghiên cứu và sáng tạo. Tỷ lệ "
      "Trang thông tin điện tử của các cơ quan, đơn vị trên địa bàn xã có chuyên trang, chuyên mục: Đạt 100%.",
      "Học sinh trung học được trang bị kiến thức, kỹ năng số để phục vụ học tập, nghiên cứu và sáng tạo", "100%" },
    { "- Tỷ lệ đảng uỷ, chính quyền xã sử dụng phần mềm quản trị điều hành thống nhất: Đạt 100%.",
      "Tỷ lệ đảng uỷ, chính quyền xã sử dụng phần mềm quản trị điều hành thống nhất", "Đạt 100%" },
    { "- Đảm bảo nguồn kinh phí dành riêng cho công tác an toàn thông tin đạt tối thiểu 10% tổng ngân sách triển khai các "
      "nhiệm vụ chuyển đổi số.",
      "Đảm bảo nguồn kinh phí dành riêng cho công tác an toàn thông tin tổng ngân sách triển khai các nhiệm vụ chuyển đổi số",
      "đạt tối thiểu 10%" },
    { "Tỷ lệ phủ sóng 5G trên dân số: Đạt tối thiểu 70%", "Tỷ lệ phủ sóng 5G trên dân số", "Đạt tối thiểu 70%" },
    { "Phấn đấu 100% các cơ quan nhà nước có mạng nội bộ (LAN) đáp ứng tiêu chuẩn kỹ thuật",
      "Các cơ quan nhà nước có mạng nội bộ (LAN) đáp ứng tiêu chuẩn kỹ thuật", "Phấn đấu 100%" },
    { "Trang Thông tin điện tử xã có chuyên trang, chuyên mục, Đề án 06/CP đạt 100%",
      "Trang Thông tin điện tử xã có chuyên trang, chuyên mục, Đề án 06/CP", "đạt 100%" },
    { "Tỷ lệ các hệ thống thông tin được phê duyệt hồ sơ trước khi đưa vào vận hành, sử dụng; được kiểm tra, đánh giá an "
      "ninh mạng định kỳ: Đạt 100%",
      "Tỷ lệ các hệ thống thông tin được phê duyệt hồ sơ trước khi đưa vào vận hành, sử dụng; được kiểm tra, đánh giá an "
      "ninh mạng định kỳ", "Đạt 100%" },
    { "Số hóa các danh lam thắng cảnh, di tích lịch sử, lễ hội, làng nghề truyền thống, nhân vật lịch sử đạt tối thiểu 50%.",
      "Số hóa các danh lam thắng cảnh, di tích lịch sử, lễ hội, làng nghề truyền thống, nhân vật lịch sử",
      "đạt tối thiểu 50%" },
    { "- Phát triển công cụ giao dịch số an toàn: nâng tỉ lệ này lên mức tối thiểu 50% trong năm 2026, đến năm 2030 tỉ lệ "
      "đạt từ 70% trở lên.", "Tỉ lệ này", "lên mức tối thiểu 50% trong năm 2026, đến năm 2030 tỉ lệ đạt từ 70% trở lên" },
};

static void test_split_name(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof SPLITS / sizeof SPLITS[0]; i++) {
        char *name = (char *)1, *phrase = (char *)1;
        int r = target_split_name(SPLITS[i].text, &name, &phrase);
        if (r != 1)
            fail_msg("%s: not split (%d)", SPLITS[i].text, r);
        if (strcmp(name, SPLITS[i].name) != 0 || strcmp(phrase, SPLITS[i].phrase) != 0)
            fail_msg("%s:\n name <%s>\n want <%s>\n phrase <%s>\n want <%s>", SPLITS[i].text, name,
                     SPLITS[i].name, phrase, SPLITS[i].phrase);
        free(name);
        free(phrase);
    }
    char *name = (char *)1, *phrase = (char *)1;
    assert_int_equal(target_split_name("Quyết định ban hành Quy chế quản lý", &name, &phrase), 0);
    assert_null(name);
    assert_null(phrase);
    assert_int_equal(target_split_name(NULL, &name, &phrase), 0);
    assert_int_equal(target_split_name("Đạt 100%", NULL, &phrase), 0);
    /* a target with no words to name it */
    assert_int_equal(target_split_name("Đạt 100%.", &name, &phrase), 0);
    assert_null(name);
}

typedef struct dcase {
    const char *text;
    int rc;
    const char *due;
} dcase;

static const dcase DUES[] = {
    { "Thường xuyên", 0, "recurring" },
    { "Thường xuyên.", 0, "recurring" },
    { "thường xuyên, liên tục", 0, "recurring" },
    { "Hằng năm", 0, "recurring" },
    { "Quý II năm 2026", 0, "2026-Q2" },
    { "Quý II/2026", 0, "2026-Q2" },
    { "quý 4/2026", 0, "2026-Q4" },
    { "Quý IV năm 2026", 0, "2026-Q4" },
    { "Tháng 12/2026", 0, "2026-12" },
    { "Tháng 11/2026", 0, "2026-11" },
    { "tháng 6 năm 2027", 0, "2027-06" },
    { "Năm 2026", 0, "2026" },
    { "Trong năm 2026", 0, "2026" },
    { "2026", 0, "2026" },
    { "12/2026", 0, "2026-12" },
    { "Trước ngày 30/6/2026", 0, "2026-06" },
    { "Hoàn thành trong Quý I/2027", 0, "2027-Q1" },
    { "Ban hành kế hoạch tháng 01/2026; Thực hiện trong 2026", -1, "" },
    { "Theo Kế hoạch UBND tỉnh", -1, "" },
    { "Theo lộ trình yêu cầu cụ thể của từng nhiệm vụ", -1, "" },
    { "Quý V/2026", -1, "" },
    { "Quý 0/2026", -1, "" },
    { "Tháng 13/2026", -1, "" },
    { "Tháng 12", -1, "" },
    { "31/02/2026", -1, "" },
    { "Năm 2026 và các năm tiếp theo", -1, "" },
    { "", -1, "" },
};

static void test_due(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof DUES / sizeof DUES[0]; i++) {
        char out[16];
        memset(out, 'x', sizeof out);
        int r = due_parse(DUES[i].text, out);
        if (r != DUES[i].rc || strcmp(out, DUES[i].due) != 0)
            fail_msg("%s: %d <%s>, want %d <%s>", DUES[i].text, r, out, DUES[i].rc, DUES[i].due);
    }
    char out[16] = "x";
    assert_int_equal(due_parse(NULL, out), -1);
    assert_string_equal(out, "");
}

static const dcase DATES[] = {
    { "ngày 07 tháng 04 năm 2026", 0, "2026-04-07" },
    { "Vĩnh Trụ, ngày 08 tháng 4 năm 2026", 0, "2026-04-08" },
    { "07/4/2026", 0, "2026-04-07" },
    { "ngày 26/3/2026", 0, "2026-03-26" },
    { "Căn cứ Kế hoạch số 56/KH-UBND ngày 03/02/2026 của Ủy ban nhân dân tỉnh An Giang", 0, "2026-02-03" },
    { "(Kèm theo Kế hoạch số 35 /KH-UBND ngày 09 / 4/2026 của UBND xã)", 0, "2026-04-09" },
    { "Quyết định số 405/QĐ-BKHCN ngày 03/4/2025 của Bộ trưởng", 0, "2025-04-03" },
    { "2026-04-07", 0, "2026-04-07" },
    { "07-04-2026", 0, "2026-04-07" },
    { "29/02/2024", 0, "2024-02-29" },
    { "29/02/2000", 0, "2000-02-29" },
    { "31/12/2026", 0, "2026-12-31" },
    { "31/02/2026", -1, "" },
    { "29/02/2025", -1, "" },
    { "29/02/2100", -1, "" },
    { "31/04/2026", -1, "" },
    { "00/01/2026", -1, "" },
    { "15/13/2026", -1, "" },
    { "ngày 32 tháng 1 năm 2026", -1, "" },
    { "31/02/2026, ngày 01/03/2026", 0, "2026-03-01" },
    { "Tháng 12/2026", -1, "" },
    { "không có ngày", -1, "" },
    { "", -1, "" },
};

static void test_date(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof DATES / sizeof DATES[0]; i++) {
        char out[11];
        memset(out, 'x', sizeof out);
        int r = date_parse(DATES[i].text, out);
        if (r != DATES[i].rc || strcmp(out, DATES[i].due) != 0)
            fail_msg("%s: %d <%s>, want %d <%s>", DATES[i].text, r, out, DATES[i].rc, DATES[i].due);
    }
    char out[11] = "x";
    assert_int_equal(date_parse(NULL, out), -1);
    assert_string_equal(out, "");
}

static void test_roman(void **state)
{
    (void)state;
    assert_int_equal(roman_value("I", 1), 1);
    assert_int_equal(roman_value("II", 2), 2);
    assert_int_equal(roman_value("iv", 2), 4);
    assert_int_equal(roman_value("IX", 2), 9);
    assert_int_equal(roman_value("XIV", 3), 14);
    assert_int_equal(roman_value("XXXIX", 5), 39);
    assert_int_equal(roman_value("XL", 2), 40);
    assert_int_equal(roman_value("IIII", 4), 0);
    assert_int_equal(roman_value("IC", 2), 0);
    assert_int_equal(roman_value("XLI", 3), 0);
    assert_int_equal(roman_value("L", 1), 0);
    assert_int_equal(roman_value("VX", 2), 0);
    assert_int_equal(roman_value("IIx", 2), 2);      /* N bytes only */
    assert_int_equal(roman_value("", 0), 0);
    assert_int_equal(roman_value(NULL, 2), 0);
}

static void test_bad_input(void **state)
{
    (void)state;
    plan_target t[2];
    assert_int_equal(target_parse(NULL, 2026, 1, t, 2), 0);
    assert_int_equal(target_parse("", 2026, 1, t, 2), 0);
    assert_int_equal(target_parse("  \t\n ", 2026, 1, t, 2), 0);
    assert_int_equal(target_parse(";.,:", 2026, 1, t, 2), 0);
    assert_int_equal(target_parse("Đạt 70%", 2026, 1, NULL, 2), 0);
    assert_int_equal(target_parse("Đạt 70%", 2026, 1, t, 0), 0);
    /* huge numbers are no values */
    assert_int_equal(target_parse("Đạt 99999999999999999999999999%", 2026, 0, t, 2), 0);
    assert_int_equal(target_parse("Đạt 1,00000000000000000001%", 2026, 0, t, 2), 0);
    assert_false(target_is_measurable("Đạt 123456789012345678901234567890%"));
    size_t n = target_parse("Đạt 123456789012345%", 2026, 0, t, 2);
    assert_int_equal(n, 1);
    assert_true(t[0].value == 123456789012345.0);
    target_release(&t[0]);
    /* invalid UTF-8 is replaced, never read as text */
    n = target_parse("\xff\xfe\xc3 Đạt \xe1\xba tối thiểu 70%\x80", 2026, 0, t, 2);
    assert_int_equal(n, 1);
    assert_true(t[0].value == 70);
    assert_true(t[0].op == TARGET_GE);
    target_release(&t[0]);
    n = target_parse("\xc0\xaf\xed\xa0\x80", 2026, 1, t, 2);
    assert_true(n <= 1);
    if (n)
        target_release(&t[0]);
    /* text over the limit is no target phrase */
    size_t big = TARGET_TEXT_MAX + 10;
    char *s = malloc(big + 1);
    assert_non_null(s);
    memset(s, 'a', big);
    memcpy(s, "Đạt 70% ", strlen("Đạt 70% "));
    s[big] = 0;
    assert_int_equal(target_parse(s, 2026, 1, t, 2), 0);
    assert_false(target_is_measurable(s));
    char *name, *phrase;
    assert_int_equal(target_split_name(s, &name, &phrase), 0);
    char out[16];
    assert_int_equal(due_parse(s, out), -1);
    memcpy(s + big - 12, " 07/4/2026", 10);
    char d[11];
    assert_int_equal(date_parse(s, d), -1);    /* beyond what is read */
    memcpy(s + 100, " 08/4/2026 ", 11);
    assert_int_equal(date_parse(s, d), 0);
    assert_string_equal(d, "2026-04-08");
    free(s);
    /* many numbers */
    char many[8192];
    size_t k = 0;
    while (k + 16 < sizeof many)
        k += (size_t)snprintf(many + k, sizeof many - k, "đạt %zu%%; ", k % 97);
    n = target_parse(many, 2026, 0, t, 2);
    assert_int_equal(n, 1);
    target_release(&t[0]);
    target_release(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_real_phrases),
        cmocka_unit_test(test_phrase_text_and_year),
        cmocka_unit_test(test_measurable),
        cmocka_unit_test(test_split_name),
        cmocka_unit_test(test_due),
        cmocka_unit_test(test_date),
        cmocka_unit_test(test_roman),
        cmocka_unit_test(test_bad_input),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
