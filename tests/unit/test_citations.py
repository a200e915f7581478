"""Citations: what a plan carries out (Thực hiện / Triển khai …) and what it only cites (Căn cứ …)."""
from __future__ import annotations

from plangraph.extract.citations import type_of_number
from plangraph.extract.find import find_facts
from plangraph.extract.metadata import extract_plan
from plangraph.extract.normalize import normalize
from plangraph.extract.outline import outline


def _relations(text: str, opening_ends_at: str = "I. MỤC ĐÍCH") -> dict[str, str]:
    clean = normalize(text).text
    start = clean.find(opening_ends_at)
    plan = extract_plan(clean, [], start if start >= 0 else None)
    return {c.number: c.relation for c in plan.citations}


def _outlined_relations(text: str) -> dict[str, str]:
    """Relations as a whole build finds them: the outline tells where the opening ends."""
    clean = normalize(text).text
    return {c.number: c.relation for c in find_facts(clean, outline(clean)).plan.citations}


HEAD = "Số: 12/KH-UBND\nĐiện Biên, ngày 4 tháng 5 năm 2023\nKẾ HOẠCH\nPHÒNG CHỐNG SỐT RÉT NĂM 2023\n"


def test_citations_implementing_clause_and_its_continuation_are_implemented() -> None:
    text = HEAD + ("Thực hiện Chỉ thị số 8/CT-TTg ngày 2/3/2023 của Thủ tướng Chính phủ; Công văn số 91/BYT-DP "
                   "ngày 5/3/2023 của Bộ Y tế; trên cơ sở Nghị quyết số 4-NQ/TU của Tỉnh ủy, Ủy ban nhân dân tỉnh "
                   "ban hành Kế hoạch như sau:\nI. MỤC ĐÍCH\n- Thực hiện tốt Kế hoạch số 3/KH-SYT.\n")
    assert _relations(text) == {"8/CT-TTg": "implements", "91/BYT-DP": "implements",
                                "4-NQ/TU": "cites", "3/KH-SYT": "implements"}  # (the purpose says it carries it out)


def test_citations_basis_documents_are_cited_and_the_own_number_is_not_a_citation() -> None:
    text = HEAD + ("Căn cứ Nghị định số 5/2021/NĐ-CP ngày 1/2/2021 của Chính phủ; Kế hoạch số 7-KH/TU của "
                   "Tỉnh ủy;\nXét đề nghị của Sở Y tế tại Tờ trình số 40/TTr- SYT.\nI. MỤC ĐÍCH\n"
                   "- Bám sát Kế hoạch số 12/KH-UBND.\n")
    assert _relations(text) == {"5/2021/NĐ-CP": "cites", "7-KH/TU": "cites", "40/TTr-SYT": "cites"}


def test_citations_title_number_is_implemented_and_cited_guidance_of_it_is_not() -> None:
    text = ("Số: 3/KH-UBND\nĐiện Biên, ngày 4 tháng 5 năm 2023\nKẾ HOẠCH\nTHỰC HIỆN CHỈ THỊ SỐ 8/CT-TTG NGÀY 2/3/2023\n"
            "Căn cứ Chỉ thị số 8/CT-TTg ngày 2/3/2023 của Thủ tướng Chính phủ.\n"
            "Thực hiện Công văn số 91/BYT-DP của Bộ Y tế về việc triển khai Chỉ thị số 8/CT-TTg, Ủy ban nhân dân "
            "tỉnh ban hành Kế hoạch như sau:\nI. MỤC ĐÍCH\n")
    assert _relations(text) == {"8/CT-TTg": "implements", "91/BYT-DP": "cites"}


def test_citations_a_number_glued_to_its_so_is_read() -> None:
    text = ("Số: 3/KH-UBND\nĐiện Biên, ngày 4 tháng 5 năm 2023\nKẾ HOẠCH\nTRIỂN KHAI CHỈ THỊ SỐ29-CT/TU VỀ PHÁP LUẬT\n"
            "Căn cứ Quyết địnhsố 2216/QĐ-BTP ngày 30/7/2012 của Bộ Tư pháp.\nI. MỤC ĐÍCH\n")
    assert _relations(text) == {"29-CT/TU": "implements", "2216/QĐ-BTP": "cites"}


def test_citations_what_a_carried_out_document_itself_carries_out_is_cited() -> None:
    text = HEAD + ("Thực hiện Kết luận số 132-KL/TW ngày 18/3/2025 của Bộ Chính trị về tiếp tục thực hiện Chỉ thị "
                   "số 36-CT/TW ngày 16/8/2019 của Bộ Chính trị; Kế hoạch số 178-KH/TU của Tỉnh ủy thực hiện Chỉ "
                   "thị số 21-CT/TW và Thông báo số 18/TB-HĐND của Hội đồng nhân dân tỉnh, Ủy ban nhân dân tỉnh "
                   "ban hành Kế hoạch như sau:\nI. MỤC ĐÍCH\n")
    assert _relations(text) == {"132-KL/TW": "implements", "36-CT/TW": "cites", "178-KH/TU": "implements",
                                "21-CT/TW": "cites", "18/TB-HĐND": "implements"}


def test_citations_documents_the_purpose_says_the_plan_carries_out_are_implemented() -> None:
    text = HEAD + ("Căn cứ Nghị quyết số 66-NQ/TW của Bộ Chính trị; Kế hoạch số 14-KH/TU của Tỉnh ủy.\n"
                   "Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:\nI. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\n"
                   "- Triển khai thực hiện kịp thời Kế hoạch số 14-KH/TU và Nghị quyết số 66-NQ/TW; bám sát "
                   "Quyết định số 7/QĐ-TTg.\n- Nâng cao nhận thức theo Thông tư số 1/2021/TT-BYT.\n2. Yêu cầu\n"
                   "- Thực hiện đúng Nghị định số 5/2021/NĐ-CP.\nII. NHIỆM VỤ\n- Triển khai có hiệu quả Kế hoạch "
                   "số 402/KH-UBND.\n")
    assert _relations(text) == {"14-KH/TU": "implements", "66-NQ/TW": "implements", "7/QĐ-TTg": "cites",
                                "1/2021/TT-BYT": "cites", "5/2021/NĐ-CP": "cites", "402/KH-UBND": "cites"}
    text = HEAD + ("Căn cứ Kết luận số 76-KL/TW của Bộ Chính trị.\nI. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\n"
                   "Nhằm triển khai có hiệu quả Kết luận số 76-KL/TW về phát triển văn hóa.\n2. Yêu cầu\n")
    assert _relations(text, "1. Mục đích") == {"76-KL/TW": "implements"}  # "Nhằm triển khai …" says so too


def test_citations_a_purpose_part_whose_numbered_items_state_what_the_plan_carries_out() -> None:
    text = HEAD + ("Căn cứ Quyết định số 11/QĐ-TTg của Thủ tướng Chính phủ.\nI. MỤC ĐÍCH, YÊU CẦU\n1. Xây dựng và ban "
                   "hành kế hoạch nhằm cụ thể hóa các mục tiêu và giải pháp triển khai thực hiện Kết luận số 70-KL/TW "
                   "của Bộ Chính trị, các Quyết định của Thủ tướng Chính phủ: số 11/QĐ-TTg và số 12/QĐ-TTg.\n2. Bảo đảm "
                   "theo Thông tư số 3/2020/TT-BVHTTDL.\n3. Yêu cầu\n- Thực hiện đúng Nghị định số 5/2021/NĐ-CP.\n")
    assert _relations(text, "1. Xây dựng và ban") == {
        "11/QĐ-TTg": "implements", "70-KL/TW": "implements", "12/QĐ-TTg": "implements",
        "3/2020/TT-BVHTTDL": "cites", "5/2021/NĐ-CP": "cites"}
    text = HEAD + ("Căn cứ Quyết định số 19/QĐ-TTg của Thủ tướng Chính phủ.\nI. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\n- Tổ "
                   "chức quán triệt và chỉ đạo triển khai thực hiện có hiệu quả các nhiệm vụ nêu trong Quyết định số "
                   "19/QĐ-TTg của Thủ tướng Chính phủ.\n2. Yêu cầu\n")
    assert _relations(text, "1. Mục đích") == {"19/QĐ-TTg": "implements"}


def test_citations_a_title_organising_the_carrying_out_of_a_strategy_implements_its_decision() -> None:
    text = ("Số: 279/KH-UBND\nĐồng Nai, ngày 9 tháng 8 năm 2023\nKẾ HOẠCH\nTỔ CHỨC TRIỂN KHAI THỰC HIỆN CHIẾN LƯỢC "
            "SỞ HỮU TRÍ TUỆ ĐẾN NĂM 2030 TRÊN ĐỊA BÀN TỈNH ĐỒNG NAI\nCăn cứ Quyết định số 1068/QĐ-TTg ngày 22 tháng 8 "
            "năm 2019 của Thủ tướng Chính phủ phê duyệt Chiến lược Sở hữu trí tuệ đến năm 2030;\nỦy ban nhân dân tỉnh "
            "ban hành Kế hoạch như sau:\nI. MỤC ĐÍCH\n")
    assert _outlined_relations(text) == {"1068/QĐ-TTg": "implements"}


def test_citations_a_decision_amending_the_programme_a_title_carries_out_is_implemented() -> None:
    text = ("Số: 65/KH-UBND\nLạng Sơn, ngày 30 tháng 3 năm 2018\nKẾ HOẠCH\nTHỰC HIỆN ĐỀ ÁN DẠY VÀ HỌC NGOẠI NGỮ TRONG "
            "HỆ THỐNG GIÁO DỤC QUỐC DÂN GIAI ĐOẠN 2018 - 2025 TRÊN ĐỊA BÀN TỈNH\nCăn cứ Quyết định số 2080/QĐ-TTg "
            "ngày 22/12/2017 của Thủ tướng Chính phủ phê duyệt điều chỉnh, bổ sung Đề án dạy và học ngoại ngữ trong "
            "hệ thống quốc dân giai đoạn 2017 - 2025; Công văn số 343/BGDĐT-ĐANN của Bộ Giáo dục và Đào tạo.\n"
            "I. MỤC TIÊU\n")
    assert _outlined_relations(text) == {"2080/QĐ-TTg": "implements", "343/BGDĐT-ĐANN": "cites"}


def test_citations_what_a_document_carries_out_stays_cited_where_a_page_broke_its_sentence() -> None:
    text = HEAD + ("Thực hiện Quyết định số 1133/QĐ-TTg ngày 15 tháng 7 năm 2013 của Thủ tướng Chính phủ ban hành\n"
                   "Chương trình hành động thực hiện Kết luận số 04-KL/TW ngày 19 tháng 4 năm 2011 của Ban Bí thư; Ủy "
                   "ban nhân dân tỉnh ban hành Kế hoạch như sau:\nI. MỤC ĐÍCH\n")
    assert _relations(text) == {"1133/QĐ-TTg": "implements", "04-KL/TW": "cites"}


def test_citations_a_purpose_listing_documents_after_a_colon_carries_out_each() -> None:
    text = HEAD + ("Căn cứ Quyết định số 257/QĐ-UBND của Ủy ban nhân dân tỉnh.\nI. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\n"
                   "- Cụ thể hóa các chủ trương của Trung ương và của tỉnh: Nghị quyết số 08-NQ/TW của Bộ Chính trị; "
                   "Nghị Quyết số 36-NQ/TW của Ban Chấp hành Trung ương; bám sát Quyết định số 7/QĐ-TTg.\n2. Yêu cầu\n")
    assert _relations(text, "1. Mục đích") == {"257/QĐ-UBND": "cites", "08-NQ/TW": "implements",
                                               "36-NQ/TW": "implements", "7/QĐ-TTg": "cites"}


def test_citations_party_numbers_spaced_numbers_and_a_number_cut_short_are_one_document_each() -> None:
    text = HEAD + ("Căn cứ Nghị quyết số 57-NQ/TW của Bộ Chính trị; Quyết định số 260/QĐ-TTg của Thủ tướng; "
                   "Quyết định số 1660/QĐ -TTg ngày 02/10/2021.\n"
                   "I. MỤC ĐÍCH\n- Triển khai Nghị quyết số 57- NQ/TW; Quyết định số 260/QĐ-T")
    assert _relations(text) == {"57-NQ/TW": "implements", "260/QĐ-TTg": "cites", "1660/QĐ-TTg": "cites"}


def test_citations_a_dated_number_misprinted_once_is_filed_under_its_usual_spelling() -> None:
    text = HEAD + ("Thực hiện Nghị định số 9/2015/NĐ-CĐ của Chính phủ; Nghị định số 3/2016/NĐ-CP sửa đổi "
                   "Nghị định số 9/2015/NĐ-CP, Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:\nI. MỤC ĐÍCH\n"
                   "- Thực hiện Nghị định số 9/2015/NĐ-CP.\n")
    assert _relations(text) == {"9/2015/NĐ-CP": "implements", "3/2016/NĐ-CP": "implements"}


def test_citations_opening_run_into_a_title_in_capitals_is_read() -> None:
    text = ("ỦY BAN NHÂN DÂN TỈNH ĐIỆN BIÊN Số: 5/KH-UBND Điện Biên, ngày 4 tháng 5 năm 2023 KẾ HOẠCH "
            "PHÒNG CHỐNG SỐT RÉT NĂM 2023 Triển khai Nghị quyết số 48/NQ-CP của Chính phủ; Căn cứ Kế hoạch số "
            "9/KH-SYT, UBND tỉnh ban hành Kế hoạch như sau: MỤC ĐÍCH Chủ động phòng chống.")
    assert _relations(text) == {"48/NQ-CP": "implements", "9/KH-SYT": "cites"}


def test_citations_type_of_party_and_dated_numbers() -> None:
    assert [type_of_number(n) for n in ("14-KH/TU", "178-QĐ/TW", "45/2019/TT-BYT", "88/BATGT")] == \
        ["KH", "QĐ", "TT", "CV"]


def test_citations_programme_approval_is_found_when_the_opening_runs_on_from_the_header() -> None:
    text = ("Số: 6/KH-UBND | Điện Biên, ngày 4 tháng 5 năm 2023 | KẾ HOẠCH THỰC HIỆN CHƯƠNG TRÌNH “NƯỚC SẠCH "
            "NÔNG THÔN ĐẾN NĂM 2030” Căn cứ Quyết định số 77/QĐ-TTg của Thủ tướng Chính phủ phê duyệt Chương "
            "trình “Nước sạch nông thôn đến năm 2030”, Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:")
    assert _relations(text) == {"77/QĐ-TTg": "implements"}


def test_citations_a_clause_without_documents_ends_the_implementing_clause() -> None:
    text = HEAD + ("Thực hiện Chỉ thị số 8/CT-TTg của Thủ tướng Chính phủ; |\n| Công văn số 91/BYT-DP của Bộ Y tế.\n"
                   "Sau 5 năm triển khai, tình hình còn khó khăn.\nNghị quyết số 3-NQ/TU đã đề ra các mục tiêu.\n"
                   "Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:\nI. MỤC ĐÍCH\n")
    assert _relations(text) == {"8/CT-TTg": "implements", "91/BYT-DP": "implements", "3-NQ/TU": "cites"}


def test_citations_a_plan_attached_to_a_decision_has_its_own_opening() -> None:
    text = ("Số: 9/QĐ-UBND\nĐiện Biên, ngày 4 tháng 5 năm 2023\nQUYẾT ĐỊNH\nVề việc ban hành Kế hoạch phòng chống "
            "sốt rét\nCăn cứ Luật Phòng bệnh;\nQUYẾT ĐỊNH:\nĐiều 1. Ban hành Kế hoạch kèm theo.\nĐiều 2. Quyết định "
            "có hiệu lực.\nKẾ HOẠCH\nPhòng chống sốt rét năm 2023\nThực hiện Công văn số 91/BYT-DP của Bộ Y tế, Ủy ban "
            "nhân dân tỉnh ban hành Kế hoạch như sau:\nI. MỤC ĐÍCH\n- Theo dõi Kế hoạch số 3/KH-SYT.\n")
    assert _relations(text, "Điều 1") == {"91/BYT-DP": "implements", "3/KH-SYT": "cites"}


def test_citations_a_portals_list_above_the_header_block_is_not_cited() -> None:
    text = ("- 1 Nghị quyết số 7a/2009/NQ-CP về hỗ trợ huyện nghèo\n- 2 Quyết định 55/2014/QĐ-TTg về nhà ở\n"
            "ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n" + HEAD +
            "Căn cứ Nghị quyết số 7a/2009/NQ-CP của Chính phủ, Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:\n"
            "I. MỤC ĐÍCH\n- Giảm nghèo.\n")
    assert _relations(text) == {"7a/2009/NQ-CP": "cites"}


def test_citations_without_a_header_block_every_number_counts() -> None:
    text = "Thực hiện Quyết định 55/2014/QĐ-TTg, xây dựng kế hoạch như sau:\nI. MỤC ĐÍCH\n- Giảm nghèo.\n"
    assert _relations(text) == {"55/2014/QĐ-TTg": "implements"}


def test_citations_every_document_the_title_names_leads_its_implementing_clause() -> None:
    text = ("Số: 3/KH-UBND\nNghệ An, ngày 4 tháng 7 năm 2023\nKẾ HOẠCH\nTRIỂN KHAI NGHỊ QUYẾT SỐ 168/NQ-CP NGÀY "
            "29/12/2022 CỦA CHÍNH PHỦ, CHƯƠNG TRÌNH HÀNH ĐỘNG SỐ 52-CTR/TU CỦA TỈNH ỦY THỰC HIỆN NGHỊ QUYẾT SỐ 26-NQ/TW\n"
            "Thực hiện Nghị quyết số 26-NQ/TW ngày 03/11/2022 của Bộ Chính trị; Nghị quyết số 168/NQ-CP của Chính "
            "phủ; Chương trình hành động số 52-CTr/TU của Tỉnh ủy; Công văn số 9/BKHĐT-KTĐP của Bộ Kế hoạch và Đầu "
            "tư.\nCăn cứ Quyết định số 1/QĐ-TTg của Thủ tướng Chính phủ, UBND tỉnh ban hành Kế hoạch như sau:\n"
            "I. MỤC ĐÍCH\n")
    assert _relations(text) == {"168/NQ-CP": "implements", "52-CTr/TU": "implements", "26-NQ/TW": "implements",
                                "9/BKHĐT-KTĐP": "implements", "1/QĐ-TTg": "cites"}


def test_citations_what_the_titles_programme_carries_out_is_cited_with_or_without_so() -> None:
    text = ("Số: 306/KH-UBND\nHà Nội, ngày 30 tháng 11 năm 2022\nKẾ HOẠCH\nTRIỂN KHAI THỰC HIỆN CHƯƠNG TRÌNH HÀNH ĐỘNG "
            "SỐ 16-CTR/TU NGÀY 26/8/2022 CỦA THÀNH ỦY HÀ NỘI THỰC HIỆN NGHỊ QUYẾT 15-NQ/TW NGÀY 05/5/2022 CỦA BỘ CHÍNH "
            "TRỊ\nTriển khai thực hiện Chương trình hành động số 16-CTr/TU ngày 26/8/2022 của Thành ủy Hà Nội thực hiện "
            "Nghị quyết số 15-NQ/TW ngày 05/5/2022 của Bộ Chính trị, UBND Thành phố xây dựng Kế hoạch như sau:\n"
            "I. MỤC ĐÍCH\n")
    assert _relations(text) == {"16-CTr/TU": "implements", "15-NQ/TW": "cites"}


def test_citations_a_programme_the_title_names_with_its_short_name_in_brackets_is_still_described() -> None:
    text = ("Số: 1556/KH-UBND\nLai Châu, ngày 25 tháng 4 năm 2024\nKẾ HOẠCH\nTHỰC HIỆN CHƯƠNG TRÌNH MỖI XÃ MỘT SẢN PHẨM "
            "(OCOP) TRÊN ĐỊA BÀN TỈNH LAI CHÂU NĂM 2024\nCăn cứ Quyết định số 919/QĐ-TTg ngày 01 tháng 8 năm 2022 của Thủ "
            "tướng Chính phủ về việc phê duyệt Chương trình mỗi xã một sản phẩm giai đoạn 2021-2025;\nCăn cứ Quyết định "
            "số 148/QĐ-TTg ngày 24 tháng 02 năm 2023 của Thủ tướng Chính phủ về việc ban hành Bộ tiêu chí đánh giá sản "
            "phẩm;\nỦy ban nhân dân tỉnh ban hành Kế hoạch như sau:\nI. MỤC ĐÍCH\n")
    assert _relations(text) == {"919/QĐ-TTg": "implements", "148/QĐ-TTg": "cites"}


def test_citations_a_programme_the_title_describes_without_its_number_is_implemented() -> None:
    own = ("Số: 22/KH-UBND\nNghệ An, ngày 13 tháng 01 năm 2026\nKẾ HOẠCH\nTRIỂN KHAI THỰC HIỆN CHƯƠNG TRÌNH HÀNH "
           "ĐỘNG THỰC HIỆN NGHỊ QUYẾT ĐẠI HỘI ĐẠI BIỂU ĐẢNG BỘ TỈNH LẦN THỨ XX\nCăn cứ Chương trình hành động số "
           "02-CTr/TU, ngày 29/10/2025 của Ban Chấp hành Đảng bộ tỉnh thực hiện Nghị quyết Đại hội đại biểu Đảng "
           "bộ tỉnh lần thứ XX; Kế hoạch số 7-KH/TU của Tỉnh ủy về công tác cán bộ, Ủy ban nhân dân tỉnh ban hành "
           "Kế hoạch như sau:\nI. MỤC ĐÍCH\n")
    assert _relations(own) == {"02-CTr/TU": "implements", "7-KH/TU": "cites"}
    approving = ("Số: 199/KH-UBND\nHậu Giang, ngày 5 tháng 9 năm 2022\nKẾ HOẠCH\nTRIỂN KHAI THỰC HIỆN TIỂU DỰ ÁN 2 "
                 "THUỘC CHƯƠNG TRÌNH MỤC TIÊU QUỐC GIA PHÁT TRIỂN KINH TẾ - XÃ HỘI VÙNG ĐỒNG BÀO DÂN TỘC THIỂU SỐ\n"
                 "Căn cứ Quyết định số 1719/QĐ-TTg ngày 14/10/2021 của Thủ tướng Chính phủ phê duyệt Chương trình "
                 "mục tiêu quốc gia phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi;\n"
                 "Căn cứ Quyết định số 90/QĐ-TTg của Thủ tướng Chính phủ phê duyệt Chương trình mục tiêu quốc gia "
                 "giảm nghèo bền vững, Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:\nI. MỤC ĐÍCH\n")
    assert _relations(approving) == {"1719/QĐ-TTg": "implements", "90/QĐ-TTg": "cites"}


def test_citations_a_date_after_a_number_in_capitals_or_on_the_next_line_is_read() -> None:
    text = ("Số: 3/KH-UBND\nĐiện Biên, ngày 4 tháng 5 năm 2023\nKẾ HOẠCH\nTHỰC HIỆN CHỈ THỊ SỐ 8/CT-TTG NGÀY 2/3/2023\n"
            "Căn cứ Nghị định số 28/2013/NĐ-CP\nngày 04/4/2013 của Chính phủ; Ủy ban nhân dân tỉnh ban hành Kế hoạch "
            "như sau:\nI. MỤC ĐÍCH\n")
    clean = normalize(text).text
    plan = extract_plan(clean, [], clean.find("I. MỤC ĐÍCH"))
    assert {c.number: (c.date, c.issuer) for c in plan.citations} == {
        "8/CT-TTG": ("2023-03-02", None), "28/2013/NĐ-CP": ("2013-04-04", "Chính phủ")}


def test_citations_the_decision_article_that_issues_the_plan_names_what_it_carries_out() -> None:
    text = ("Số: 7/QĐ-UBND\nQuảng Trị, ngày 11 tháng 3 năm 2022\nQUYẾT ĐỊNH\nBAN HÀNH KẾ HOẠCH THỰC HIỆN “CHIẾN "
            "LƯỢC QUỐC GIA PHÒNG, CHỐNG THIÊN TAI”\nCăn cứ Quyết định số 379/QĐ-TTg ngày 17/3/2021 của Thủ tướng "
            "Chính phủ;\nCăn cứ Quyết định số 364/QĐ-BNN-PCTT của Bộ Nông nghiệp và Phát triển nông thôn;\n"
            "QUYẾT ĐỊNH:\nĐiều 1. Ban hành kèm theo Quyết định này là Kế hoạch thực hiện Quyết định số 379/QĐ-TTg "
            "ngày 17/3/2021 của Thủ tướng Chính phủ trên địa bàn tỉnh.\nĐiều 2. Quyết định có hiệu lực.\n")
    assert _relations(text, "Điều 1") == {"379/QĐ-TTg": "implements", "364/QĐ-BNN-PCTT": "cites"}


def test_citations_a_document_the_province_issued_before_is_background() -> None:
    text = HEAD + ("Thực hiện Kế hoạch phát triển kinh tế - xã hội năm 2023, Ủy ban nhân dân tỉnh đã ban hành "
                   "Chương trình hành động số 34/CTr-UBND ngày 28/01/2023 với 188 nhiệm vụ; Thực hiện Chỉ thị số "
                   "8/CT-TTg của Thủ tướng Chính phủ, Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:\nI. MỤC ĐÍCH\n")
    assert _relations(text) == {"34/CTr-UBND": "cites", "8/CT-TTg": "implements"}


def test_citations_the_document_issuing_the_programme_a_title_carries_out_is_implemented() -> None:
    text = ("Số: 2506/KH-UBND\nNinh Thuận, ngày 09 tháng 6 năm 2022\nKẾ HOẠCH\nTRIỂN KHAI THỰC HIỆN CHIẾN LƯỢC "
            "CÔNG TÁC DÂN TỘC GIAI ĐOẠN 2021-2030, TẦM NHÌN ĐẾN NĂM 2045 TRÊN ĐỊA BÀN TỈNH\nCăn cứ Nghị quyết số "
            "10/NQ-CP ngày 28/02/2022 của Chính phủ ban hành Chiến lược công tác dân tộc giai đoạn 2021-2030, tầm "
            "nhìn đến năm 2045; Quyết định số 5/QĐ-UBDT của Ủy ban Dân tộc phê duyệt Kế hoạch thực hiện Chiến lược "
            "công tác dân tộc giai đoạn 2021-2030; Ủy ban nhân dân tỉnh ban hành Kế hoạch triển khai thực hiện "
            "Chiến lược công tác dân tộc giai đoạn 2021-2030 như sau:\nI. MỤC ĐÍCH\n")
    assert _relations(text) == {"10/NQ-CP": "implements", "5/QĐ-UBDT": "cites"}


def test_citations_a_part_listing_the_plans_basis_belongs_to_its_opening() -> None:
    text = ("Số: 3298/KH-UBND\nHải Dương, ngày 25 tháng 9 năm 2018\nKẾ HOẠCH\nTRIỂN KHAI THỰC HIỆN ĐỀ ÁN “TĂNG "
            "CƯỜNG KIỂM SOÁT KÊ ĐƠN THUỐC VÀ BÁN THUỐC KÊ ĐƠN” CỦA BỘ Y TẾ\nI. CĂN CỨ PHÁP LÝ XÂY DỰNG KẾ HOẠCH\n"
            "- Thông tư số 52/2017/TT-BYT ngày 29/12/2017 của Bộ Y tế quy định về đơn thuốc;\n"
            "- Quyết định số 4041/QĐ-BYT ngày 07/9/2017 của Bộ trưởng Bộ Y tế về việc phê duyệt Đề án “Tăng cường "
            "kiểm soát kê đơn thuốc và bán thuốc kê đơn giai đoạn 2017 - 2020”.\nII. MỤC ĐÍCH, YÊU CẦU\n"
            "- Thực hiện Quyết định số 9/QĐ-SYT về thanh tra dược.\n")
    assert _outlined_relations(text) == {
        "52/2017/TT-BYT": "cites", "4041/QĐ-BYT": "implements", "9/QĐ-SYT": "implements"}


def test_citations_a_proposal_or_report_in_an_implementing_clause_is_cited() -> None:
    text = HEAD + ("Thực hiện Quyết định số 8/QĐ-TTg ngày 2/3/2023 của Thủ tướng Chính phủ; Tờ trình số 116/TTr-STNMT "
                   "ngày 5/4/2023 và Báo cáo số 20/BC-STNMT của Sở Tài nguyên và Môi trường, Ủy ban nhân dân tỉnh "
                   "ban hành Kế hoạch như sau:\nI. MỤC ĐÍCH\n")
    assert _relations(text) == {"8/QĐ-TTg": "implements", "116/TTr-STNMT": "cites", "20/BC-STNMT": "cites"}


def test_citations_an_implementing_title_opens_no_clause_of_the_text_after_it() -> None:
    text = ("Số: 22/KH-UBND\nTiền Giang, ngày 17 tháng 01 năm 2025\nKẾ HOẠCH\nTHỰC\nHIỆN NGHỊ QUYẾT SỐ 01/NQ-CP "
            "VÀ NGHỊ QUYẾT SỐ 02/NQ-CP CỦA CHÍNH PHỦ VỀ PHÁT TRIỂN KINH TẾ - XÃ HỘI NĂM\n2025\nNăm 2024 là năm "
            "thứ 4 thực hiện các Nghị quyết của Đảng, Quốc hội, Nghị quyết số 25/NQ-HĐND ngày 17/9/2021 của Hội "
            "đồng nhân dân tỉnh về Kế hoạch phát triển kinh tế - xã hội 5 năm 2021-2025.\nI. MỤC ĐÍCH\n")
    assert _relations(text) == {"01/NQ-CP": "implements", "02/NQ-CP": "implements", "25/NQ-HĐND": "cites"}


def test_citations_a_document_carrying_out_the_programme_a_title_names_is_not_that_programme() -> None:
    text = ("Số: 111/KH-UBND\nBà Rịa - Vũng Tàu, ngày 29 tháng 7 năm 2021\nKẾ HOẠCH HÀNH ĐỘNG\nTHỰC HIỆN NGHỊ QUYẾT "
            "ĐẠI HỘI ĐẠI BIỂU TOÀN QUỐC LẦN THỨ XIII CỦA ĐẢNG\nCăn cứ Nghị quyết số 50/NQ-CP ngày 20/5/2021 của Chính "
            "phủ về Chương trình hành động của Chính phủ thực hiện Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII "
            "của Đảng;\nCăn cứ Chương trình số 09-CTr/TU ngày 12/7/2021 của Tỉnh ủy thực hiện Nghị quyết Đại hội đại "
            "biểu toàn quốc lần thứ XIII của Đảng,\nỦy ban nhân dân tỉnh xây dựng Kế hoạch hành động như sau:\n"
            "I. MỤC ĐÍCH\n")
    assert _relations(text) == {"50/NQ-CP": "cites", "09-CTr/TU": "cites"}


def test_citations_documents_numbered_under_a_basis_part_belong_to_the_opening() -> None:
    text = ("Số: 383/KH-UBND\nTiền Giang, ngày 07 tháng 12 năm 2022\nKẾ HOẠCH\nTHỰC HIỆN CHƯƠNG TRÌNH CHUYỂN ĐỔI SỐ "
            "TRONG XÂY DỰNG NÔNG THÔN MỚI, HƯỚNG TỚI NÔNG THÔN MỚI THÔNG MINH GIAI ĐOẠN 2022-2025\n"
            "I. CĂN CỨ XÂY DỰNG KẾ HOẠCH\n1. Quyết định số 924/QĐ-TTg ngày 22 tháng 8 năm 2022 của Thủ tướng Chính "
            "phủ phê duyệt Chương trình chuyển đổi số trong xây dựng nông thôn mới, hướng tới nông thôn mới thông "
            "minh giai đoạn 2021-2025;\n2. Nghị quyết số 08-NQ/TU ngày 06 tháng 10 năm 2021 của Tỉnh ủy về chuyển "
            "đổi số.\nII. MỤC ĐÍCH, YÊU CẦU\n- Thực hiện Quyết định số 9/QĐ-SNN về nông thôn mới.\n")
    assert _outlined_relations(text) == {
        "924/QĐ-TTg": "implements", "08-NQ/TU": "cites", "9/QĐ-SNN": "implements"}


def test_citations_a_title_that_goes_on_carrying_out_a_programme_implements_it() -> None:
    text = ("Số: 1312/KH-UBND\nBến Tre, ngày 28 tháng 3 năm 2013\nKẾ HOẠCH\nTIẾP TỤC THỰC HIỆN ĐỀ ÁN “TUYÊN "
            "TRUYỀN, PHỔ BIẾN PHÁP LUẬT CHO NGƯỜI LAO ĐỘNG TRONG CÁC LOẠI HÌNH DOANH NGHIỆP” GIAI ĐOẠN 2013-2016\n"
            "Căn cứ Quyết định số 31/2009/QĐ-TTg ngày 24 tháng 02 năm 2009 của Thủ tướng Chính phủ phê duyệt đề án "
            "“Tuyên truyền, phổ biến pháp luật cho người lao động trong các loại hình doanh nghiệp từ năm 2009 đến "
            "năm 2012”;\nCăn cứ Nghị định số 5/2011/NĐ-CP của Chính phủ, Ủy ban nhân dân tỉnh xây dựng Kế hoạch "
            "như sau:\nI. MỤC ĐÍCH\n")
    assert _relations(text) == {"31/2009/QĐ-TTg": "implements", "5/2011/NĐ-CP": "cites"}


def test_citations_a_title_number_that_the_programme_named_before_it_carries_out_is_cited() -> None:
    text = ("Số: 1902/KH-UBND\nPhú Thọ, ngày 25 tháng 5 năm 2023\nKẾ HOẠCH\nTRIỂN KHAI CHƯƠNG TRÌNH HÀNH ĐỘNG CỦA "
            "CHÍNH PHỦ THỰC HIỆN NGHỊ QUYẾT SỐ 27-NQ/TW NGÀY 09/11/2022 CỦA BAN CHẤP HÀNH TRUNG ƯƠNG ĐẢNG\nThực hiện "
            "Nghị quyết số 77/NQ-CP ngày 12/5/2023 của Chính phủ ban hành Chương trình hành động của Chính phủ thực "
            "hiện Nghị quyết số 27-NQ/TW ngày 09/11/2022 của Ban Chấp hành Trung ương Đảng, UBND tỉnh ban hành Kế "
            "hoạch như sau:\nI. MỤC ĐÍCH\n")
    assert _relations(text) == {"77/NQ-CP": "implements", "27-NQ/TW": "cites"}


def test_citations_a_clause_opening_with_a_document_without_so_goes_on_with_the_one_before() -> None:
    text = HEAD + ("Thực hiện Nghị định số 113/2009/NĐ-CP ngày 15/12/2009 của Chính phủ; Thông tư 13/2010/TT-BKH ngày "
                   "02/6/2010 của Bộ Kế hoạch và Đầu tư; Căn cứ Luật Đầu tư công, Ủy ban nhân dân tỉnh ban hành Kế "
                   "hoạch như sau:\nI. MỤC ĐÍCH\n")
    assert _relations(text) == {"113/2009/NĐ-CP": "implements", "13/2010/TT-BKH": "implements"}


def test_citations_a_title_and_an_approving_sentence_that_lost_spaces_still_match() -> None:
    text = ("Số: 1168/KH-UBND\nTrà Vinh, ngày 17 tháng 6 năm 2013\nKẾ HOẠCH\nTHỰCHIỆN CHIẾN LƯỢC PHÁT TRIỂN GIA ĐÌNH "
            "VIỆT NAM ĐẾN NĂM 2020, TẦM NHÌN ĐẾN NĂM2030\nCăn cứ Quyết định số 629/QĐ-TTg ngày29/5/2012 của Thủ tướng "
            "Chính phủ phê duyệt Chiến lược phát triển gia đình ViệtNam đến năm 2020, tầm nhìn 2030;\nCăn cứ Nghị "
            "định số 5/2011/NĐ-CP, Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:\nI. MỤC ĐÍCH\n")
    assert _relations(text) == {"629/QĐ-TTg": "implements", "5/2011/NĐ-CP": "cites"}


def test_citations_an_implementing_clause_naming_the_titles_document_after_another_carries_out_both() -> None:
    text = ("Số: 177/KH-UBND\nNinh Bình, ngày 5 tháng 8 năm 2024\nKẾ HOẠCH\nTHỰC HIỆN KẾ HOẠCH SỐ 183-KH/TU NGÀY "
            "18/3/2024 CỦA BAN THƯỜNG VỤ TỈNH ỦY VỀ KHOA HỌC VÀ CÔNG NGHỆ\nThực hiện Quyết định số 709/QĐ-TTg ngày "
            "23/7/2024 của Thủ tướng Chính phủ ban hành Kế hoạch thực hiện Kết luận số 69-KL/TW; Kế hoạch số "
            "183-KH/TU ngày 18/3/2024 của Ban Thường vụ Tỉnh ủy, Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:\n"
            "I. MỤC ĐÍCH\n")
    assert _relations(text) == {"183-KH/TU": "implements", "709/QĐ-TTg": "implements", "69-KL/TW": "cites"}


def test_citations_a_decision_article_carrying_out_a_programme_named_in_four_words() -> None:
    text = ("Số: 590/QĐ-UBND\nQuảng Ngãi, ngày 8 tháng 4 năm 2014\nQUYẾT ĐỊNH\nBAN HÀNH KẾ HOẠCH HỘI NHẬP QUỐC TẾ\n"
            "Căn cứ Chương trình hành động số 45-CTr/TU ngày 19/11/2013 của Ban Thường vụ Tỉnh ủy; Căn cứ Thông tư "
            "23/2012/TT - BCA ngày 5/5/2012 của Bộ Công an;\nQUYẾT ĐỊNH:\nĐiều 1. Ban hành kèm theo Quyết định này "
            "Kế hoạch thực hiện Chương trình hành động số 45-CTr/TU ngày 19/11/2013 của Ban Thường vụ Tỉnh ủy.\n"
            "Điều 2. Quyết định có hiệu lực.\n")
    assert _relations(text, "Điều 1") == {"45-CTr/TU": "implements", "23/2012/TT-BCA": "cites"}


def test_citations_a_number_with_a_dotted_part() -> None:
    text = HEAD + ("Căn cứ Nghị quyết số 66.2/2025/NQ-CP ngày 28 tháng 8 năm 2025 của Chính phủ;\n"
                   "I. MỤC ĐÍCH\n- Thực hiện tốt.\n")
    assert _relations(text) == {"66.2/2025/NQ-CP": "cites"}


def test_citations_a_number_with_its_year_after_a_hyphen_or_a_space_before_its_hyphen() -> None:
    text = HEAD + ("Căn cứ Nghị quyết số 19-2016/NQ-CP ngày 28/4/2016 của Chính phủ; Chương trình hành động số 07 "
                   "-NQ/TU ngày 14/6/2007 của Tỉnh ủy;\nI. MỤC ĐÍCH\n")
    assert _relations(text) == {"19-2016/NQ-CP": "cites", "07-NQ/TU": "cites"}
    assert type_of_number("19-2016/NQ-CP") == "NQ"


def test_citations_a_decision_title_keeping_only_who_issues_the_programme_carries_out_its_numbers() -> None:
    text = ("Số: 30/2008/QĐ-UBND\nPhan Thiết, ngày 26 tháng 3 năm 2008\nQUYẾT ĐỊNH\nBAN HÀNH CHƯƠNG TRÌNH HÀNH "
            "ĐỘNG CỦA ỦY BAN NHÂN DÂN TỈNH THỰC HIỆN NGHỊ QUYẾT SỐ 27/2007/NQ-CP NGÀY 30/5/2007 CỦA CHÍNH PHỦ\n"
            "Căn cứ Nghị quyết số 27/2007/NQ-CP ngày 30 tháng 5 năm 2007 của Chính phủ;\nQUYẾT ĐỊNH:\n"
            "Điều 1. Ban hành kèm theo Quyết định này Chương trình hành động.\n")
    government = text.replace("CỦA ỦY BAN NHÂN DÂN TỈNH THỰC HIỆN", "CỦA CHÍNH PHỦ THỰC HIỆN").replace(
        "BAN HÀNH CHƯƠNG TRÌNH", "TRIỂN KHAI CHƯƠNG TRÌNH")
    assert [_relations(t, "Điều 1") for t in (text, government)] == [
        {"27/2007/NQ-CP": "implements"}, {"27/2007/NQ-CP": "cites"}]


def test_citations_the_programme_a_title_describes_is_approved_in_other_words() -> None:
    head = "Số: 211/KH-UBND\nPhú Yên, ngày 23 tháng 12 năm 2020\nKẾ HOẠCH\n"
    sentence = ("Căn cứ Quyết định số 1632/QĐ-TTg ngày 22/10/2020 của Thủ tướng Chính phủ về phê duyệt “Chương trình "
                "quốc gia phòng, chống bệnh lở mồm long móng, giai đoạn 2021-2025”.\nI. MỤC TIÊU\n")
    same = head + "THỰC HIỆN CHƯƠNG TRÌNH PHÒNG, CHỐNG DỊCH BỆNH LỞ MỒM LONG MÓNG GIAI ĐOẠN 2021-2025\n" + sentence
    other = head + "THỰC HIỆN CHƯƠNG TRÌNH PHÒNG, CHỐNG DỊCH TẢ LỢN CHÂU PHI GIAI ĐOẠN 2021-2025\n" + sentence
    assert [_relations(t, "I. MỤC TIÊU") for t in (same, other)] == [
        {"1632/QĐ-TTg": "implements"}, {"1632/QĐ-TTg": "cites"}]


def test_citations_a_clause_listing_more_documents_of_a_kind_goes_on_with_the_clause_before() -> None:
    text = HEAD + ("Thực hiện Nghị quyết số 01/NQ-CP ngày 01/01/2018 của Chính phủ; các Nghị quyết của Hội đồng nhân "
                   "dân thành phố: số 33/NQ-HĐND ngày 08/12/2017, số 35/NQ-HĐND ngày 08/12/2017; Căn cứ Luật Ngân "
                   "sách nhà nước; các Quyết định của Bộ Y tế: số 5/QĐ-BYT, Ủy ban nhân dân thành phố ban hành Kế "
                   "hoạch như sau:\nI. MỤC ĐÍCH\n")
    assert _relations(text) == {"01/NQ-CP": "implements", "33/NQ-HĐND": "implements", "35/NQ-HĐND": "implements",
                                "5/QĐ-BYT": "cites"}


def test_citations_a_title_carrying_out_two_documents_and_a_list_of_numbers_after_so() -> None:
    text = ("Số: 28/CTr-UBND\nHưng Yên, ngày 18 tháng 02 năm 2022\nCHƯƠNG TRÌNH HÀNH ĐỘNG\nTHỰC HIỆN NGHỊ QUYẾT SỐ "
            "11/NQ-CP CỦA CHÍNH PHỦ VÀ TRIỂN KHAI NGHỊ QUYẾT SỐ 43/2022/QH15 CỦA QUỐC HỘI\nThực hiện Nghị quyết số "
            "11/NQ-CP của Chính phủ và triển khai Nghị quyết số 43/2022/QH15 của Quốc hội; các Nghị quyết của Hội "
            "đồng nhân dân tỉnh: số 340/NQ-HĐND về kế hoạch 5 năm; số 160/NQ-HĐND về đầu tư công; 148/NQ-HĐND về "
            "tài chính, Ủy ban nhân dân tỉnh ban hành Chương trình hành động như sau:\nI. MỤC ĐÍCH\n")
    assert _relations(text) == {"11/NQ-CP": "implements", "43/2022/QH15": "implements", "340/NQ-HĐND": "implements",
                                "160/NQ-HĐND": "implements", "148/NQ-HĐND": "implements"}


def test_citations_a_programme_named_with_other_words_in_place_of_the_titles_is_another() -> None:
    text = ("Số: 5/KH-UBND\nQuảng Nam, ngày 5 tháng 1 năm 2024\nKẾ HOẠCH\nTRIỂN KHAI THỰC HIỆN CHƯƠNG TRÌNH PHÁT "
            "TRIỂN ĐÔ THỊ TỈNH QUẢNG NAM ĐẾN NĂM 2030\nCăn cứ Quyết định số 45/QĐ-UBND ngày 2/1/2023 của Ủy ban nhân "
            "dân tỉnh phê duyệt Chương trình phát triển nhà ở tỉnh Quảng Nam đến năm 2030;\nI. MỤC ĐÍCH\n")
    assert _relations(text) == {"45/QĐ-UBND": "cites"}


def test_citations_and_carrying_out_a_second_document_in_full_words() -> None:
    text = ("Số: 8/KH-UBND\nHải Phòng, ngày 5 tháng 1 năm 2024\nKẾ HOẠCH\nTHỰC HIỆN NGHỊ QUYẾT SỐ 01/NQ-CP CỦA CHÍNH "
            "PHỦ VÀ TRIỂN KHAI THỰC HIỆN NGHỊ QUYẾT SỐ 34/NQ-HĐND CỦA HỘI ĐỒNG NHÂN DÂN THÀNH PHỐ\n"
            "Căn cứ Luật Ngân sách nhà nước;\nI. MỤC ĐÍCH\n")
    assert _relations(text) == {"01/NQ-CP": "implements", "34/NQ-HĐND": "implements"}


def test_citations_a_national_programme_a_title_names_for_its_province_is_the_one_approved() -> None:
    text = ("Số: 1100/QĐ-UBND\nTây Ninh, ngày 21 tháng 5 năm 2021\nQUYẾT ĐỊNH\nBAN HÀNH KẾ HOẠCH THỰC HIỆN CHIẾN LƯỢC "
            "QUỐC GIA VỀ BÌNH ĐẲNG GIỚI TỈNH TÂY NINH GIAI ĐOẠN 2021-2030\nCăn cứ Nghị quyết số 28/NQ-CP ngày 03 tháng 3 "
            "năm 2021 của Chính phủ việc ban hành Chiến lược quốc gia về bình đẳng giới giai đoạn 2021 - 2030;\n"
            "QUYẾT ĐỊNH:\nĐiều 1. Ban hành kèm theo Quyết định này Kế hoạch.\n")
    assert _relations(text, "Điều 1") == {"28/NQ-CP": "implements"}


def test_citations_a_national_assembly_term_written_with_a_hyphen_is_its_number() -> None:
    text = HEAD + ("Căn cứ Nghị quyết số 71/2024/QH-15 của Quốc hội; Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:\n"
                   "I. MỤC ĐÍCH\n")
    assert _relations(text) == {"71/2024/QH15": "cites"}


def test_citations_a_description_going_on_after_a_semicolon_keeps_the_list_in_its_clause() -> None:
    text = HEAD + ("Thực hiện các Nghị quyết của Hội đồng nhân dân tỉnh: số 12/NQ-HĐND ngày 8/12/2022 về dự toán thu ngân "
                   "sách; thu chi ngân sách năm 2023; số 13/NQ-HĐND ngày 8/12/2022 về đầu tư công năm 2023 và Công văn số "
                   "45/BYT-KH ngày 2/1/2023 của Bộ Y tế, Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:\nI. MỤC ĐÍCH\n")
    assert _relations(text) == {"12/NQ-HĐND": "implements", "13/NQ-HĐND": "implements", "45/BYT-KH": "implements"}


def test_citations_a_lower_case_clause_naming_a_document_is_a_clause_of_its_own() -> None:
    text = HEAD + ("Thực hiện Quyết định số 5/QĐ-TTg ngày 2/1/2023 của Thủ tướng Chính phủ; xét Công văn số 45/SYT-KH "
                   "ngày 3/1/2023 của Sở Y tế, Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:\nI. MỤC ĐÍCH\n")
    assert _relations(text) == {"5/QĐ-TTg": "implements", "45/SYT-KH": "cites"}


def test_citations_a_footnote_after_the_signature_is_no_longer_the_recipient_list() -> None:
    text = HEAD + ("Thực hiện Chỉ thị số 27/CT-TTg ngày 15/8/2024 của Thủ tướng Chính phủ, Ủy ban nhân dân tỉnh ban hành "
                   "Kế hoạch như sau:\nI. MỤC ĐÍCH\n1. Tuyên truyền.\nNơi nhận:\n- Bộ Y tế (Công văn số 12/BYT-DS);\n"
            "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH Nguyễn Văn A\n[1] Chương trình số 30-CTr/TU ngày 29/12/2017 của Thành ủy.")
    assert _relations(text) == {"27/CT-TTg": "implements", "30-CTr/TU": "cites"}


def test_citations_a_bodys_standing_duties_under_a_decree_do_not_make_the_plan_carry_it_out() -> None:
    text = HEAD + ("Căn cứ Nghị định số 32/2024/NĐ-CP ngày 15/3/2024 của Chính phủ; Ủy ban nhân dân tỉnh ban hành Kế hoạch "
                   "như sau:\nI. MỤC ĐÍCH\n1. Mục đích\nĐể cụ thể hóa các mục tiêu đề ra tại Chỉ thị số 8/CT-TTg.\n"
                   "II. TỔ CHỨC THỰC HIỆN\n1. Sở Công Thương\n- Thực hiện quản lý, phát triển cụm công nghiệp theo quy "
                   "định nhiệm vụ được giao tại Nghị định số 32/2024/NĐ-CP.\n")
    assert _outlined_relations(text) == {"32/2024/NĐ-CP": "cites", "8/CT-TTg": "implements"}


def test_citations_a_decisions_first_article_says_what_its_plan_carries_out() -> None:
    text = ("Số: 2038/QĐ-UBND\nCà Mau, ngày 30 tháng 9 năm 2021\nQUYẾT ĐỊNH\nBAN HÀNH KẾ HOẠCH PHÒNG, CHỐNG MA TÚY GIAI "
            "ĐOẠN 2021 - 2025 TRÊN ĐỊA BÀN TỈNH CÀ MAU\nCHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH\nCăn cứ Chỉ thị số 36-CT/TW ngày "
            "16/8/2019 của Bộ Chính trị về tăng cường công tác phòng, chống ma túy;\nCăn cứ Quyết định số 1452/QĐ-TTg "
            "ngày 31/8/2021 của Thủ tướng Chính phủ về phê duyệt Chương trình phòng, chống ma túy giai đoạn 2021 - "
            "2025;\nQUYẾT ĐỊNH:\nĐiều 1. Ban hành kèm theo Quyết định này Kế hoạch thực hiện Chương trình phòng, chống "
            "ma túy giai đoạn 2021 - 2025 trên địa bàn tỉnh Cà Mau.\nĐiều 2. Quyết định có hiệu lực kể từ ngày ký.\n")
    assert _relations(text, "QUYẾT ĐỊNH:") == {"36-CT/TW": "cites", "1452/QĐ-TTg": "implements"}


def test_citations_a_programme_named_with_words_a_page_ran_together_is_the_one_approved() -> None:
    text = ("Số: 745/QĐ-UBND\nVĩnh Long, ngày 07 tháng 5 năm 2013\nQUYẾT ĐỊNH\nBAN HÀNH KẾ HOẠCH THỰC HIỆN CHƯƠNGTRÌNH "
            "MỤC TIÊU QUỐC GIA PHÒNG, CHỐNG MA TUÝ TRÊN ĐỊA BÀN TỈNH VĨNH LONG, GIAI ĐOẠN 2013 - 2015\nCăn cứ Quyết "
            "định số 1203/QĐ-TTg ngày31/8/2012 của Thủ tướng Chính phủ phê duyệt Chương trình mục tiêu quốc "
            "giaphòng, chống ma tuý giai đoạn 2012 - 2015;\nQUYẾT ĐỊNH:\nĐiều 1. Ban hành Kế hoạch.\n")
    assert _relations(text, "QUYẾT ĐỊNH:") == {"1203/QĐ-TTg": "implements"}


def test_citations_the_short_names_an_opening_gives_are_no_new_mentions() -> None:
    text = HEAD.replace("PHÒNG CHỐNG SỐT RÉT NĂM 2023", "TRIỂN KHAI KẾ HOẠCH SỐ 328-KH/TU VỀ THỰC HIỆN NGHỊ QUYẾT SỐ "
                        "57-NQ/TW") + (
        "Triển khai Kế hoạch hành động số 328-KH/TU ngày 24/4/2025 của Tỉnh ủy về thực hiện Nghị quyết số 57-NQ/TW "
        "ngày 22/12/2024 của Bộ Chính trị (sau đây gọi tắt là Nghị quyết 57-NQ/TW, Kế hoạch 328-KH/TU), Ủy ban "
        "nhân dân tỉnh ban hành Kế hoạch như sau:\nI. MỤC ĐÍCH\n- Thực hiện tốt.\n")
    assert _relations(text) == {"328-KH/TU": "implements", "57-NQ/TW": "cites"}


def test_citations_a_document_whose_type_the_number_gives_is_not_the_programme_its_sentence_names() -> None:
    text = HEAD.replace("PHÒNG CHỐNG SỐT RÉT NĂM 2023", "THỰC HIỆN ĐỀ ÁN TRỢ GIÚP XÃ HỘI VÀ PHỤC HỒI CHỨC NĂNG CHO NGƯỜI "
                        "TÂM THẦN GIAI ĐOẠN 2013 - 2020") + (
        "Căn cứ Quyết định số 1215/QĐ-TTg ngày 22/7/2011 của Thủ tướng Chính phủ phê duyệt Đề án trợ giúp xã hội và "
        "phục hồi chức năng cho người tâm thần giai đoạn 2011 - 2020;\nCăn cứ Thông tư liên tịch số "
        "115/2012/TTLT-BTC-BLĐTBXH ngày 18/7/2012 quy định quản lý kinh phí thực hiện Đề án trợ giúp xã hội và phục "
        "hồi chức năng cho người tâm thần;\nỦy ban nhân dân tỉnh ban hành Kế hoạch như sau:\nI. MỤC ĐÍCH\n")
    assert _relations(text) == {"1215/QĐ-TTg": "implements", "115/2012/TTLT-BTC-BLĐTBXH": "cites"}


def test_citations_a_movement_named_nationwide_and_for_the_province_is_one() -> None:
    text = ("Số: 2/KH-UBND\nNghệ An, ngày 04 tháng 1 năm 2024\nKẾ HOẠCH\nTRIỂN KHAI PHONG TRÀO “THI ĐUA XÂY DỰNG XÃ HỘI "
            "HỌC TẬP, ĐẨY MẠNH HỌC TẬP SUỐT ĐỜI GIAI ĐOẠN 2023 - 2030 TRÊN ĐỊA BÀN TỈNH NGHỆ AN”\nCăn cứ Quyết định số "
            "1373/QĐ-TTg ngày 30/7/2021 của Thủ tướng Chính phủ phê duyệt Đề án “Xây dựng xã hội học tập giai đoạn "
            "2021 - 2030”; Quyết định số 1315/QĐ-TTg ngày 09/11/2023 của Thủ tướng Chính phủ ban hành Kế hoạch triển "
            "khai Phong trào “Cả nước thi đua xây dựng xã hội học tập, đẩy mạnh học tập suốt đời giai đoạn 2023 - "
            "2030”.\nI. MỤC ĐÍCH\n")
    assert _relations(text) == {"1373/QĐ-TTg": "cites", "1315/QĐ-TTg": "implements"}


def test_citations_a_number_run_into_its_date_and_the_plans_own_number_written_spaced() -> None:
    text = ("Số: 06/2012/QĐ-UBND\nGia Lai, ngày 22 tháng 3 năm 2012\nQUYẾT ĐỊNH\nBAN HÀNH CHƯƠNG TRÌNH PHÁT TRIỂN THANH "
            "NIÊN\nCăn cứ Kết luận số 220-KL/TUngày 04/9/2013 của Ban Thường vụ Tỉnh ủy;\nQUYẾT ĐỊNH:\nĐiều 1. Ban "
            "hành Chương trình.\nCHƯƠNG TRÌNH\nPHÁT TRIỂN THANH NIÊN (Ban hành kèm theo Quyết định số: 06 / "
            "2012/QĐ-UBND , ngày 22/3/2012)\n")
    assert _relations(text, "QUYẾT ĐỊNH:") == {"220-KL/TU": "cites"}


def test_citations_a_number_a_page_cut_short_is_none_unless_named_whole_before() -> None:
    text = HEAD + ("Căn cứ Nghị quyết số 92/NQ-CP của Chính phủ; Quyết định số 2629/QĐ-TTg của Thủ tướng;\n"
                   "Thực hiện Quyết định số 2629/QĐ-T")
    assert _relations(text, "no part") == {"92/NQ-CP": "cites", "2629/QĐ-TTg": "implements"}
    assert _relations(HEAD + "Căn cứ Quyết định số 531/Q") == {}
    assert _relations(HEAD + "Căn cứ Kế hoạch số 2113/KH-\n") == {}
    assert _relations(HEAD + "Căn cứ Nghị quyết số 92/NQ-CP") == {"92/NQ-CP": "cites"}  # whole, though last


def test_citations_a_law_named_without_a_number_goes_on_with_the_list_before_it() -> None:
    text = HEAD + ("Thực hiện Luật Phổ biến, giáo dục pháp luật năm 2012; Luật Hòa giải ở cơ sở năm 2013; Quyết định số "
                   "25/2021/QĐ-TTg ngày 22/7/2021 của Thủ tướng Chính phủ. Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:\n"
                   "I. MỤC ĐÍCH\n")
    assert _relations(text) == {"25/2021/QĐ-TTg": "implements"}
