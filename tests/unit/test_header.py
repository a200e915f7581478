"""Plan metadata from headers in every layout: lines, `|` tables, a header flattened onto one line."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from plangraph.extract.metadata import PlanInfo, extract_plan, has_plan_header
from plangraph.extract.normalize import normalize


def _plan(text: str) -> PlanInfo:
    return extract_plan(normalize(text).text, [])


FLAT = ("ỦY BAN NHÂN DÂN TỈNH LÀO CAI ------- CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - "
        "Hạnh phúc --------------- Số: 77/KH-UBND Lào Cai, ngày\n 12 tháng 4 năm 2022 KẾ HOẠCH PHÒNG CHỐNG "
        "THIÊN TAI VÀ\nTÌM KIẾM CỨU NẠN NĂM 2022 TRÊN ĐỊA BÀN TỈNH Căn cứ Luật Phòng chống thiên tai; "
        "UBND tỉnh ban hành Kế hoạch như sau: I. MỤC ĐÍCH 1. Chủ động phòng chống.")
TABLE = ("|\nỦY BAN NHÂN DÂN\nTHÀNH PHỐ HẢI PHÒNG\n-------\n|\nCỘNG HÒA XÃ HỘI\nCHỦ NGHĨA VIỆT NAM\n|\n"
         "Số: 9/KH-UBND\n|\nHải Phòng, ngày 3\ntháng 2 năm 2024\n|\nKẾ HOẠCH\n"
         "NÂNG CAO CHẤT LƯỢNG DỊCH VỤ CÔNG TRỰC TUYẾN\nGIAI ĐOẠN 2024 - 2026\n"
         "Thực hiện chỉ đạo của Chính phủ, Ủy ban nhân dân thành phố ban hành Kế hoạch như sau:\n"
         "I. MỤC ĐÍCH\n- Nâng cao chất lượng.\n")


def test_header_flattened_onto_one_line_gives_number_date_title_and_period() -> None:
    plan = _plan(FLAT)
    assert (plan.number, plan.issued, plan.province) == ("77/KH-UBND", "2022-04-12", "Lào Cai")
    assert plan.title == "PHÒNG CHỐNG THIÊN TAI VÀ TÌM KIẾM CỨU NẠN NĂM 2022 TRÊN ĐỊA BÀN TỈNH"
    assert (plan.period_start, plan.period_end, plan.horizon) == (2022, 2022, None)
    assert plan.issuer == "Ủy ban nhân dân tỉnh Lào Cai"


def test_header_in_table_cells_reads_a_date_split_over_lines_and_a_title_on_two_lines() -> None:
    plan = _plan(TABLE)
    assert (plan.number, plan.issued) == ("9/KH-UBND", "2024-02-03")
    assert plan.title == "NÂNG CAO CHẤT LƯỢNG DỊCH VỤ CÔNG TRỰC TUYẾN GIAI ĐOẠN 2024 - 2026"
    assert (plan.period_start, plan.period_end) == (2024, 2026)
    assert plan.issuer == "Ủy ban nhân dân thành phố Hải Phòng"


def test_header_decision_carrying_a_plan_keeps_the_plans_title_without_the_authority_line() -> None:
    text = ("ỦY BAN NHÂN DÂN TỈNH YÊN BÁI ------- Số: 5/QĐ-UBND Yên Bái, ngày 02 tháng 01 năm 2023 "
            "QUYẾT ĐỊNH PHÊ DUYỆT KẾ HOẠCH TRỒNG RỪNG NĂM 2023 CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH Căn cứ Luật "
            "Lâm nghiệp; QUYẾT ĐỊNH: Điều 1. Phê duyệt Kế hoạch.")
    plan = _plan(text)
    assert (plan.doc_type, plan.number) == ("Quyết định", "5/QĐ-UBND")
    assert plan.title == "TRỒNG RỪNG NĂM 2023"
    assert plan.issuer == "Ủy ban nhân dân tỉnh Yên Bái"


def test_header_without_instrument_line_takes_the_capitals_after_the_date_line() -> None:
    text = ("ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\nSố: 31/KH-UBND | Phú Thọ, ngày 8 tháng 6 "
            "năm 2019 |\nTIÊM CHỦNG MỞ RỘNG NĂM 2020\nA. CĂN CỨ XÂY DỰNG KẾ HOẠCH\nViệc tiêm chủng là cần thiết.")
    plan = _plan(text)
    assert plan.title == "TIÊM CHỦNG MỞ RỘNG NĂM 2020"
    assert (plan.year, plan.period_start, plan.period_end) == (2019, 2020, 2020)


def test_header_title_naming_a_date_is_not_a_period() -> None:
    text = ("Số: 4/KH-UBND\nNam Định, ngày 2 tháng 3 năm 2024\nKẾ HOẠCH\nTHỰC HIỆN CHỈ THỊ SỐ 9/CT-TTG NGÀY 5 "
            "THÁNG 1 NĂM 2024 CỦA THỦ TƯỚNG CHÍNH PHỦ\nI. MỤC ĐÍCH\n")
    plan = _plan(text)
    assert plan.title and plan.title.endswith("CHÍNH PHỦ")
    assert (plan.period_start, plan.period_end) == (None, None)


def test_header_signature_block_on_one_line_gives_name_and_position() -> None:
    text = FLAT + ("\nNơi nhận:\n- Như trên;\nTM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH Trần Văn An "
                   "PHỤ LỤC KÈM THEO")
    plan = _plan(text)
    assert (plan.signer_name, plan.signer_position) == ("Trần Văn An", "Phó Chủ tịch")


def test_header_signature_beside_the_recipients_as_a_pdf_export_keeps_its_columns() -> None:
    side_by_side = ("\n Nơi nhận:                                        TM. ỦY BAN NHÂN DÂN\n"
                    "- Như Điều 3;                                         KT. CHỦ TỊCH\n"
                    "- TT. Tỉnh uỷ, HĐND tỉnh;                             PHÓ CHỦ TỊCH\n"
                    + "".join(f"- Sở số {n};\n" for n in range(1, 9)) +
                    "- Lãnh đạo VPUBND tỉnh;                               Nguyễn Thế Phước\n- Lưu: VT, TH.")
    interleaved = ("\nNơi nhận: TM. ỦY BAN NHÂN DÂN\n- TT. Thành ủy (để b/c);\nKT. CHỦ TỊCH\n- CT, các PCT UBND TP;\n"
                   "PHÓ CHỦ TỊCH\n- Các đơn vị nêu tại mục V;\n- Lưu: VT, DL.\nTrần Hữu Thùy Giang")
    for closing, name in ((side_by_side, "Nguyễn Thế Phước"), (interleaved, "Trần Hữu Thùy Giang")):
        plan = _plan(FLAT + closing)
        assert (plan.signer_name, plan.signer_position) == (name, "Phó Chủ tịch")
    assert "\nKT. CHỦ TỊCH\n- TT. Tỉnh ủy" in normalize(side_by_side).text


def test_header_signature_run_into_the_recipients_when_line_breaks_were_lost() -> None:
    recipients = "".join(f"- Sở số {n}; " for n in range(1, 9))
    closings = {
        "Nguyễn Thế Phước": ("Nơi nhận: TM. ỦY BAN NHÂN DÂN - Như Điều 3; KT. CHỦ TỊCH - TT. Tỉnh uỷ, HĐND tỉnh; "
                             f"PHÓ CHỦ TỊCH - Chủ tịch và các PCT UBND tỉnh; {recipients}- Lãnh đạo VPUBND tỉnh; "
                             "Nguyễn Thế Phước - Lưu: VT, TH."),
        "Trần Hữu Thùy Giang": ("Nơi nhận: TM. ỦY BAN NHÂN DÂN - TT. Thành ủy (để b/c); KT. CHỦ TỊCH - CT, các PCT "
                                "UBND TP; PHÓ CHỦ TỊCH - Các đơn vị nêu tại mục V; - Lưu: VT, DL. Trần Hữu Thùy Giang "
                                "DANH MỤC NỘI DUNG"),
        "Giàng A Tủa": f"Nơi nhận: {recipients}- Lưu: VT, VP5. TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH Giàng A Tủa",
    }
    for name, closing in closings.items():
        plan = _plan(" ".join(f"{FLAT} thực hiện./. {closing}".split()))
        assert (plan.signer_name, plan.signer_position) == (name, "Phó Chủ tịch")
    # a place or a body among the recipients is no signer
    plan = _plan(" ".join(f"{FLAT} thực hiện./. Nơi nhận: TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH - Như trên; PHÓ CHỦ TỊCH "
                          "- Đài PT-TH Cao Bằng; - Các Sở, ban, ngành; - Báo Hà Giang; (Đã ký)".split()))
    assert plan.signer_name is None


def test_header_signer_from_a_pages_attribute_table() -> None:
    text = "| Số hiệu | 3/KH-UBND |\n| Người ký | Lê Thị Hoa |\n" + TABLE
    assert _plan(text).signer_name == "Lê Thị Hoa"


def test_header_signer_from_attributes_flattened_onto_lines() -> None:
    text = ("Số hiệu: 3/KH-UBND Loại văn bản: Kế hoạch\nNơi ban hành: Tỉnh Điện Biên Người ký: Lê Thị Hoa\n"
            "Ngày ban hành: 02/08/2021 Ngày hiệu lực: Đã biết\n" + TABLE)
    assert _plan(text).signer_name == "Lê Thị Hoa"
    text = "Nơi ban hành: Tỉnh Điện Biên Người ký: Lê Thị Hoa Ngày ban hành: 02/08/2021\n" + TABLE
    assert _plan(text).signer_name == "Lê Thị Hoa"


def test_header_title_from_the_issuing_sentence_when_the_header_has_none() -> None:
    text = ("ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\nSố: 8/KH-UBND | Sơn La, ngày 1 tháng 2 "
            "năm 2021 |\nThực hiện chỉ đạo của Chính phủ, UBND tỉnh xây dựng Kế hoạch hành động thực hiện\\r\\n"
            "Chương trình “Nước sạch nông thôn” đến năm 2025 như sau:\n1. Mục tiêu\n")
    plan = _plan(text)
    assert plan.title == "thực hiện Chương trình “Nước sạch nông thôn” đến năm 2025"
    assert (plan.period_start, plan.period_end) == (None, 2025)


@pytest.mark.parametrize(("text", "expected"), [
    (FLAT, True), (TABLE, True),
    ("Số: 5/KH-UBND\nHà Giang, ngày 3 tháng 4 năm 2020\nNội dung chưa có mục.", True),
    ("Xin chào, đây là một lá thư ngắn.\nKhông có mục nào cả.\n", False),
    ("KẾ HOẠCH học tập của tôi\nđọc sách mỗi ngày", False),
])
def test_header_has_plan_header(text: str, expected: bool) -> None:
    assert has_plan_header(normalize(text).text) is expected


def test_header_sentence_case_title_run_onto_the_opening_ends_where_the_opening_begins() -> None:
    text = ("ỦY BAN NHÂN DÂN TỈNH LÀO CAI Số: 7/KH-UBND Lào Cai, ngày 2 tháng 3 năm 2024 KẾ HOẠCH Phòng chống "
            "thiên tai năm 2024 Căn cứ Luật Phòng chống thiên tai; UBND tỉnh ban hành Kế hoạch như sau:")
    assert _plan(text).title == "Phòng chống thiên tai năm 2024"


def test_header_decision_title_in_sentence_case_drops_its_lead() -> None:
    text = ("Số: 9/QĐ-UBND\nLào Cai, ngày 2 tháng 3 năm 2024\nQUYẾT ĐỊNH\nVề việc ban hành Kế hoạch phòng chống "
            "thiên tai năm 2024\nỦY BAN NHÂN DÂN TỈNH LÀO CAI\nCăn cứ Luật Phòng chống thiên tai;\nQUYẾT ĐỊNH:\n"
            "Điều 1. Ban hành Kế hoạch.\n")
    plan = _plan(text)
    assert (plan.doc_type, plan.title) == ("Quyết định", "phòng chống thiên tai năm 2024")


def test_header_in_markdown_rows_reads_a_date_split_over_rows_and_a_spread_authority() -> None:
    text = ("| ỦY\n BAN NHÂN DÂN TỈNH LÀO CAI | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n| Số: 7/KH-UBND | "
            "Lào Cai, ngày 2 |\n| | tháng 3 năm 2024 |\n| KẾ HOẠCH | |\n| PHÒNG CHỐNG THIÊN TAI NĂM 2024 | |\n"
            "Căn cứ Luật Phòng chống thiên tai.\nI. MỤC ĐÍCH\n")
    plan = _plan(text)
    assert (plan.issued, plan.issuer, plan.title) == ("2024-03-02", "Ủy ban nhân dân tỉnh Lào Cai",
                                                       "PHÒNG CHỐNG THIÊN TAI NĂM 2024")


def test_header_title_run_into_the_first_part_on_one_line_stops_at_its_number() -> None:
    text = ("Số: 7/KH-UBND Lào Cai, ngày 2 tháng 3 năm 2024 KẾ HOẠCH PHÒNG CHỐNG THIÊN TAI NĂM 2024 I. CĂN CỨ "
            "XÂY DỰNG KẾ HOẠCH 1. Các văn bản")
    assert _plan(text).title == "PHÒNG CHỐNG THIÊN TAI NĂM 2024"


def test_header_period_from_the_general_objective_when_the_title_names_none() -> None:
    from plangraph.extract.find import find_facts
    from plangraph.extract.outline import outline
    head = "Số: 3/KH-UBND\nLào Cai, ngày 2 tháng 3 năm 2026\nKẾ HOẠCH\nPHÒNG CHỐNG MA TÚY TRÊN ĐỊA BÀN TỈNH\n"
    objective = "I. MỤC TIÊU\n1. Mục tiêu chung\nGiảm tệ nạn trong giai đoạn 2026-2030.\nII. NHIỆM VỤ\n- Tuyên truyền.\n"
    task = "I. MỤC TIÊU\n1. Mục tiêu chung\nGiảm tệ nạn.\nII. NHIỆM VỤ\n- Rà soát kế hoạch giai đoạn 2026-2030.\n"
    for body, period in ((objective, (2026, 2030)), (task, (None, None))):
        clean = normalize(head + body).text
        plan = find_facts(clean, outline(clean)).plan
        assert (plan.period_start, plan.period_end) == period


def test_header_period_from_the_issuing_sentence_when_the_title_and_objective_name_none() -> None:
    head = "Số: 66/KH-UBND\nCần Thơ, ngày 26 tháng 5 năm 2016\nKẾ HOẠCH\nHÀNH ĐỘNG NĂM CAO ĐIỂM AN TOÀN THỰC PHẨM\n"
    for sentence, period in (("ban hành Kế hoạch hành động an toàn thực phẩm năm 2016 trên địa bàn thành phố, cụ thể "
                              "như sau:", (2016, 2016)),
                             ("ban hành Kế hoạch hành động an toàn thực phẩm như sau:", (None, None))):
        plan = _plan(head + "Ủy ban nhân dân thành phố " + sentence + "\nI. MỤC TIÊU\n- Ngăn chặn chất cấm.\n")
        assert (plan.period_start, plan.period_end) == period


def test_header_action_plan_date_with_slashes_and_attribute_rows() -> None:
    text = ("Số: 4/KH-UBND\nLào Cai, ngày 05/02/2024\nKẾ HOẠCH HÀNH ĐỘNG\nPHÁT TRIỂN DU LỊCH NĂM 2024\n"
            "Căn cứ Luật Du lịch.\nI. MỤC ĐÍCH\n")
    plan = _plan(text)
    assert (plan.doc_type, plan.issued, plan.title) == ("Kế hoạch", "2024-02-05", "PHÁT TRIỂN DU LỊCH NĂM 2024")
    rows = "| Số hiệu | 4/KH-UBND |\n| Ngày ban hành | 05/02/2024 |\nKẾ HOẠCH\nPHÁT TRIỂN DU LỊCH NĂM 2024\n"
    assert _plan(rows).issued == "2024-02-05"


def test_header_party_numbered_plan_and_signature_beside_the_recipients_in_one_row() -> None:
    text = ("TỈNH ỦY LÀO CAI Số: 15-KH/TU Lào Cai, ngày 2 tháng 3 năm 2024 KẾ HOẠCH PHÁT TRIỂN DU LỊCH NĂM 2024\n"
            "I. MỤC ĐÍCH\n- Phát triển du lịch.\n"
            "| Nơi nhận: - Như trên; - Lưu VT. | TM. BAN THƯỜNG VỤ PHÓ BÍ THƯ Trần Văn An |\n")
    plan = _plan(text)
    assert plan.number == "15-KH/TU"
    assert (plan.signer_name, plan.signer_position) == ("Trần Văn An", "Phó Bí thư")


_DATE_PIECES = ["Hà Nội", ", ngày 3 tháng 4 năm 2020", ",\nngày 12/5/2024", " NGÀY ", "ngày", ",", ", ",
                "\n", " ", "a", "Số: 5/KH", "tháng 6 năm 2021", "2024", "/"]


@given(st.lists(st.sampled_from(_DATE_PIECES), max_size=30))
@settings(max_examples=300, deadline=None)
def test_metadata_date_lines_found_near_commas_are_the_cue_s_own_matches(pieces: list[str]) -> None:
    from plangraph.extract.metadata import _datelines, _header
    text = "".join(pieces)
    expected = [(m.span(), m.groupdict()) for m in _header()["dateline"].finditer(text)]
    assert [(m.span(), m.groupdict()) for m in _datelines(text)] == expected


@pytest.mark.parametrize(("tail", "period", "horizon"), [
    ("THỜI KỲ 2024-2026", (2024, 2026), None),
    ("(2024-2026)", (2024, 2026), None),
    ("GIAI ĐOẠN 2024 ĐẾN 2026", (2024, 2026), None),
    ("TỪ NĂM 2024 ĐẾN NĂM 2026", (2024, 2026), None),
    ("GIAI ĐOẠN 2024 - 2026 TẦM NHÌN 2035", (2024, 2026), 2035),
    ("ĐẾN NĂM 2026, TẦM NHÌN ĐẾN NĂM 2035", (None, 2026), 2035),
    ("GIAI ĐOẠN 2024-2026, ĐỊNH HƯỚNG ĐẾN NĂM 2035", (2024, 2026), 2035),
    ("NĂM 2025 VÀ GIAI ĐOẠN 2025-2027", (2025, 2027), None),
    ("NĂM 2024 VÀ ĐỊNH HƯỚNG ĐẾN NĂM 2026", (2024, 2024), 2026),
    ("ĐẾN NĂM 2026, ĐỊNH HƯỚNG NĂM 2030, TẦM NHÌN ĐẾN NĂM 2050", (None, 2026), 2050),
    ("GIAI ĐOẠN 2024 - 2026, ĐỊNH HƯỚNG PHÁT TRIỂN GIAI ĐOẠN 2027 - 2030", (2024, 2026), 2030),
    ("TRÊN ĐỊA BÀN TỈNH ĐẾN HẾT NĂM 2026", (None, 2026), None),
    ("TỪ NAY ĐẾN NĂM 2026", (2024, 2026), None),
])
def test_header_period_and_horizon_in_the_ways_titles_write_them(tail: str, period: tuple[int | None, int | None],
                                                                  horizon: int | None) -> None:
    plan = _plan(f"Số: 8/KH-UBND\nCà Mau, ngày 2 tháng 1 năm 2024\nKẾ HOẠCH\nTRỒNG CÂY XANH {tail}\nI. MỤC ĐÍCH\n")
    assert ((plan.period_start, plan.period_end), plan.horizon) == (period, horizon)


def test_header_bracketed_period_under_a_title_in_capitals_belongs_to_the_title() -> None:
    text = ("ỦY BAN NHÂN DÂN\nTỈNH CÀ MAU\n|\nSố: 8/KH-UBND\n|\nCà Mau, ngày 2 tháng 1 năm 2024\n|\nKẾ HOẠCH\n"
            "TRỒNG CÂY XANH TRÊN ĐỊA BÀN TỈNH\n(Giai đoạn: 2024- 2026)\nThực hiện chỉ đạo của tỉnh, Ủy ban nhân dân "
            "tỉnh ban hành Kế hoạch như sau:\nI. MỤC ĐÍCH\n")
    plan = _plan(text)
    assert plan.title == "TRỒNG CÂY XANH TRÊN ĐỊA BÀN TỈNH (Giai đoạn: 2024- 2026)"
    assert (plan.period_start, plan.period_end) == (2024, 2026)


def test_header_glued_decision_lead_is_cut_from_the_plans_title() -> None:
    text = ("ỦY BAN NHÂN DÂN TỈNH BẮC KẠN\nSố: 3/QĐ-UBND\nBắc Kạn, ngày 2 tháng 1 năm 2020\nQUYẾT ĐỊNH\n"
            "BANHÀNH KẾ HOẠCH HÀNH ĐỘNG NUÔI TRỒNG THỦY SẢN GIAI ĐOẠN 2020 - 2022\nCăn cứ Luật Thủy sản;\n")
    assert _plan(text).title == "NUÔI TRỒNG THỦY SẢN GIAI ĐOẠN 2020 - 2022"


@pytest.mark.parametrize(("body", "issuer"), [("UBND", "Ủy ban nhân dân"), ("HĐND", "Hội đồng nhân dân")])
def test_header_abbreviated_authority_gives_the_issuer(body: str, issuer: str) -> None:
    text = (f"{body} TỈNH BẮC KẠN\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 3/KH-{body}\n"
            "Bắc Kạn, ngày 2 tháng 1 năm 2020\nKẾ HOẠCH\nNUÔI TRỒNG THỦY SẢN NĂM 2020\nI. MỤC ĐÍCH\n")
    assert _plan(text).issuer == f"{issuer} tỉnh Bắc Kạn"


@pytest.mark.parametrize(("year", "province", "issuer"), [
    (2020, "Thừa Thiên Huế", "Ủy ban nhân dân tỉnh Thừa Thiên Huế"),
    (2025, "Huế", "Ủy ban nhân dân thành phố Huế"),
])
def test_header_province_keeps_the_name_the_plan_gives(year: int, province: str, issuer: str) -> None:
    kind = "TỈNH" if province != "Huế" else "THÀNH PHỐ"
    text = (f"ỦY BAN NHÂN DÂN\n{kind} {province.upper()}\nSố: 3/KH-UBND\n{province}, ngày 2 tháng 1 năm {year}\n"
            f"KẾ HOẠCH\nNUÔI TRỒNG THỦY SẢN NĂM {year}\nI. MỤC ĐÍCH\n")
    plan = _plan(text)
    assert (plan.province, plan.issuer) == (province, issuer)


def test_header_whose_page_lost_the_first_letter_still_names_its_issuer() -> None:
    plan = _plan("Y BAN NHÂN DÂN\nTỈNH KON TUM\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 2516/KH-UBND\n"
                 "Kon Tum, ngày 03 tháng 10 năm 2014\nKẾ HOẠCH\nTRIỂN KHAI TIÊU CHUẨN XÃ PHÙ HỢP VỚI TRẺ EM\n"
                 "Ủy ban nhân dân tỉnh xây dựng kế hoạch như sau:\nI. MỤC ĐÍCH\n")
    assert (plan.issuer, plan.province) == ("Ủy ban nhân dân tỉnh Kon Tum", "Kon Tum")


def test_title_reads_through_a_body_abbreviated_in_its_capitals_and_takes_a_term_as_its_period() -> None:
    plan = _plan("ỦY BAN NHÂN DÂN\nTỈNH NGHỆ AN\nSố: 22/KH-UBND\nNghệ An, ngày 13 tháng 01 năm 2026\nKẾ HOẠCH\n"
                 "THỰC HIỆN NGHỊ QUYẾT ĐẠI HỘI ĐẢNG BỘ UBND TỈNH LẦN THỨ I, NHIỆM KỲ 2025-2030\n"
                 "Căn cứ Luật Tổ chức chính quyền địa phương, UBND tỉnh ban hành Kế hoạch như sau:\nI. MỤC ĐÍCH\n")
    assert plan.title == "THỰC HIỆN NGHỊ QUYẾT ĐẠI HỘI ĐẢNG BỘ Ủy ban nhân dân TỈNH LẦN THỨ I, NHIỆM KỲ 2025-2030"
    assert (plan.period_start, plan.period_end) == (2025, 2030)


def test_plan_without_a_title_takes_its_period_from_its_time_frame_and_no_title_from_its_opening() -> None:
    from plangraph.extract.find import find_facts
    from plangraph.extract.outline import outline
    text = normalize("ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\nSố: 334/KH-UBND | Đồng Tháp, ngày 17 "
                     "tháng 11 năm 2021 |\nThực hiện Quyết định số 1660/QĐ-TTg của Thủ tướng Chính phủ, Ủy ban nhân "
                     "dân Tỉnh ban hành Kế hoạch triển khai thực hiện như sau:\nI. MỤC ĐÍCH\n1. Bảo đảm sức khỏe "
                     "học sinh.\nII. ĐỐI TƯỢNG, THỜI GIAN\n1. Đối tượng: Học sinh các trường.\n2. Thời gian: Từ năm "
                     "2021 đến năm 2025.\n").text
    plan = find_facts(text, outline(text)).plan
    assert (plan.title, plan.period_start, plan.period_end) == (None, 2021, 2025)


def test_header_whose_text_layer_moved_spaces_gives_number_date_and_province() -> None:
    plan = _plan("| ỦY B AN NHÂN D Â N T HÀNH P HỐ HỒ C H Í M I NH ------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n"
                 "|---|\n| Số: 3210/QĐ - UBND | T hành phố Hồ Chí M inh, ngày 28 tháng 6 năm 2014 |\nQUYẾT ĐỊNH\n"
                 "VỀ BAN HÀNH KẾ HOẠCH HỖ TRỢ NGƯỜI CÓ CÔNG VỀ NHÀ Ở\nCăn cứ Luật Tổ chức chính quyền địa phương;\n"
                 "QUYẾT ĐỊNH:\nĐiều 1. Ban hành kèm theo Quyết định này Kế hoạch hỗ trợ người có công về nhà ở.\n")
    assert (plan.number, plan.issued, plan.province) == ("3210/QĐ-UBND", "2014-06-28", "Hồ Chí Minh")


def test_header_signer_from_an_attribute_row_with_both_separators() -> None:
    text = "Số hiệu:\n|\n3/KH-UBND\n|\nNgười ký:\n|\nLê Thị Hoa\n|\nNgày ban hành:\n|\n02/08/2021\n" + TABLE
    assert _plan(text).signer_name == "Lê Thị Hoa"


def test_header_decision_title_run_onto_one_line_drops_its_lead_and_the_authority_after_it() -> None:
    text = ("ỦY BAN NHÂN DÂN TỈNH AN GIANG\nSố: 91/QĐ-UBND\nAn Giang, ngày 18 tháng 01 năm 2016\nQUYẾT ĐỊNH Ban hành "
            "Kế hoạch phát triển kinh tế - xã hội năm 2016 của tỉnh An Giang ỦY BAN NHÂN DÂN TỈNH AN GIANG Căn cứ "
            "Luật Tổ chức chính quyền địa phương; QUYẾT ĐỊNH: Điều 1. Ban hành Kế hoạch.\n")
    plan = _plan(text)
    assert (plan.doc_type, plan.title) == ("Quyết định", "phát triển kinh tế - xã hội năm 2016 của tỉnh An Giang")


def test_header_date_line_place_split_over_lines_takes_the_headers_province() -> None:
    text = ("ỦY\nBAN NHÂN DÂN\nTỈNH THỪA THIÊN HUẾ\n-------\n|\nSố:\n24/KH-UBND\n|\nThừa\nThiên Huế, ngày 23 tháng 01 "
            "năm 2021\n|\nKẾ HOẠCH\nPHÁT TRIỂN DU LỊCH NĂM 2021\nCăn cứ Luật Du lịch;\n")
    plan = _plan(text)
    assert (plan.province, plan.issuer, plan.issued) == (
        "Thừa Thiên Huế", "Ủy ban nhân dân tỉnh Thừa Thiên Huế", "2021-01-23")


def test_header_title_in_capitals_reads_through_a_term_in_brackets() -> None:
    text = ("Số: 1031/QĐ-UBND\nVĩnh Long, ngày 20 tháng 6 năm 2014\nQUYẾT ĐỊNH\nVỀ VIỆC PHÊ DUYỆT KẾ HOẠCH THỰC HIỆN "
            "NGHỊ QUYẾT SỐ 24-NQ/TW CỦA BAN CHẤP HÀNH TRUNG ƯƠNG ĐẢNG (KHÓA XI) VỀ CHỦ ĐỘNG ỨNG PHÓ VỚI BIẾN ĐỔI KHÍ "
            "HẬU\nỦY BAN NHÂN DÂN TỈNH VĨNH LONG\nCăn cứ Luật Tổ chức Hội đồng nhân dân và Ủy ban nhân dân;\n")
    assert _plan(text).title == ("THỰC HIỆN NGHỊ QUYẾT SỐ 24-NQ/TW CỦA BAN CHẤP HÀNH TRUNG ƯƠNG ĐẢNG (KHÓA XI) VỀ CHỦ "
                                 "ĐỘNG ỨNG PHÓ VỚI BIẾN ĐỔI KHÍ HẬU")


def test_header_signer_from_attributes_without_separators() -> None:
    text = ("Số hiệu 22/KH-UBND\nNgày ban hành 13/01/2026\nCơ quan ban hành Tỉnh Nghệ An Người ký Võ Trọng Hải Lĩnh "
            "vực Bộ máy hành chính\n" + TABLE)
    assert _plan(text).signer_name == "Võ Trọng Hải"
    text = "Số hiệu 22/KH-UBND\nNgười ký Trần Hoàng Tuấn\nLĩnh vực Giáo dục\n" + TABLE
    assert _plan(text).signer_name == "Trần Hoàng Tuấn"


def test_header_decision_without_a_title_takes_the_attached_plans_title_above_its_attachment_line() -> None:
    text = ("ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\nSố: 848/QĐ-UBND | Bà Rịa - Vũng Tàu, ngày 12 "
            "tháng 04 năm 2016 |\nCHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH BÀ RỊA-VŨNG TÀU\nCăn cứ Luật Phòng, chống thiên tai;"
            "\nQUYẾT ĐỊNH:\nĐiều 1. Nay ban hành kèm theo Quyết định này Kế hoạch phòng, chống thiên tai năm 2016.\n"
            "| CHỦ TỊCH |\nPHÒNG, CHỐNG THIÊN TAI VÀ TÌM KIẾM CỨU NẠN\nNĂM 2016\n(Ban hành kèm theo Quyết định số "
            "848/QĐ-UBND ngày 11 tháng 4 năm 2016)\nNhằm chủ động phòng, chống thiên tai.\n")
    plan = _plan(text)
    assert (plan.doc_type, plan.title, plan.period_start, plan.period_end) == (
        "Quyết định", "PHÒNG, CHỐNG THIÊN TAI VÀ TÌM KIẾM CỨU NẠN NĂM 2016", 2016, 2016)


def test_header_signature_whose_cells_put_kt_alone_on_a_line() -> None:
    text = (TABLE + "Nơi nhận:\n- Như Điều 2;\n- Lưu: VT.\n|\nKT.\nCHỦ TỊCH\nPHÓ CHỦ TỊCH\nPhạm Anh Tuấn\n|\n")
    plan = _plan(text)
    assert (plan.signer_name, plan.signer_position) == ("Phạm Anh Tuấn", "Phó Chủ tịch")


def test_header_decision_whose_page_ends_inside_the_attached_plans_title_keeps_its_own() -> None:
    text = ("Số: 2952/QĐ-UBND\nTiền Giang, ngày 10 tháng 10 năm 2018\nQUYẾT ĐỊNH\nBAN HÀNH KẾ HOẠCH HỖ TRỢ HỆ SINH "
            "THÁI KHỞI NGHIỆP GIAI ĐOẠN 2018 - 2020, ĐỊNH HƯỚNG ĐẾN NĂM 2025\nCHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH TIỀN "
            "GIANG\nCăn cứ Luật Tổ chức chính quyền địa phương;\nQUYẾT ĐỊNH:\nĐiều 1. Ban hành Kế hoạch.\n"
            "KẾ HOẠCH\nHỖ TRỢ HỆ SINH THÁI KHỞI NGHI")
    plan = _plan(text)
    assert (plan.title, plan.period_start, plan.period_end, plan.horizon) == (
        "HỖ TRỢ HỆ SINH THÁI KHỞI NGHIỆP GIAI ĐOẠN 2018 - 2020, ĐỊNH HƯỚNG ĐẾN NĂM 2025", 2018, 2020, 2025)


def test_header_title_naming_its_issuer_after_cua_keeps_it_and_a_year_glued_to_nam_is_read() -> None:
    text = ("Số: 73/KH-UBND\nHà Nội, ngày 03 tháng 5 năm 2013\nKẾ HOẠCH\nGIÁM SÁT VÀ ĐÁNH GIÁ ĐẦU TƯ NĂM2013 CỦA "
            "UBND THÀNH PHỐ HÀ NỘI\nThực hiện Nghị định số 113/2009/NĐ-CP, UBND Thành phố ban hành kế hoạch như sau:\n")
    plan = _plan(text)
    assert (plan.title, plan.period_start, plan.period_end) == (
        "GIÁM SÁT VÀ ĐÁNH GIÁ ĐẦU TƯ NĂM2013 CỦA Ủy ban nhân dân THÀNH PHỐ HÀ NỘI", 2013, 2013)  # (UBND spelled out)


@pytest.mark.parametrize("written", ["2891/QĐ -UBND", "2891/QĐ- UBND", "2891 /QĐ-UBND"])
def test_header_own_number_with_a_stray_space_is_the_plans_and_no_citation(written: str) -> None:
    text = (f"ỦY BAN NHÂN DÂN TỈNH BÌNH THUẬN\nSố: {written}\nBình Thuận, ngày 5 tháng 12 năm 2022\nQUYẾT ĐỊNH\nBAN "
            "HÀNH KẾ HOẠCH PHÒNG CHỐNG THIÊN TAI\nCăn cứ Luật Phòng chống thiên tai;\nQUYẾT ĐỊNH:\nĐiều 1. Ban hành "
            "kèm theo Quyết định này Kế hoạch.\nKẾ HOẠCH\nPHÒNG CHỐNG THIÊN TAI\n(Ban hành kèm theo Quyết định số "
            "2891/QĐ-UBND ngày 5/12/2022 của UBND tỉnh)\n")
    plan = _plan(text)
    assert (plan.number, plan.citations) == ("2891/QĐ-UBND", ())


def test_header_decision_title_opening_v_v_drops_its_lead() -> None:
    text = ("ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NAM\nSố: 12/QĐ-UBND\nQuảng Nam, ngày 07 tháng 3 năm 2023\nQUYẾT ĐỊNH\nV/v ban "
            "hành Kế hoạch phát triển du lịch năm 2023\nCHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH\nCăn cứ Luật Du lịch;\n")
    assert _plan(text).title == "phát triển du lịch năm 2023"


def test_header_title_in_capitals_reads_through_a_document_number() -> None:
    text = ("ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\nSố: 149/KH-UBND | Hà Nội, ngày 17 tháng 07 năm "
            "2018 |\nKẾ HOẠCH\nTRIỂN KHAI “QUYẾT ĐỊNH SỐ 05/2017/QĐ-TTg NGÀY 16/3/2017 CỦA THỦ TƯỚNG CHÍNH PHỦ” CỦA "
            "THÀNH PHỐ HÀ NỘI\nThực hiện Quyết định số 05/2017/QĐ-TTg ngày 16/3/2017 của Thủ tướng Chính phủ.\n")
    assert _plan(text).title == ("TRIỂN KHAI “QUYẾT ĐỊNH SỐ 05/2017/QĐ-TTg NGÀY 16/3/2017 CỦA THỦ TƯỚNG CHÍNH PHỦ” CỦA "
                                 "THÀNH PHỐ HÀ NỘI")


def test_header_decision_title_run_cut_before_the_authority_of_a_hyphenated_province() -> None:
    text = ("ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\nSố: 373/QĐ-UBND | Bà Rịa-Vũng Tàu, ngày 21 "
            "tháng 02 năm 2017 |\nPHÊ DUYỆT KẾ HOẠCH BẢO ĐẢM AN TOÀN THÔNG TIN MẠNG GIAI ĐOẠN 2017 - 2020\nCHỦ TỊCH "
            "ỦY BAN NHÂN DÂN TỈNH BÀ RỊA - VŨNG TÀU\nCăn cứ Luật An toàn thông tin mạng;\nQUYẾT ĐỊNH:\nĐiều 1. Phê "
            "duyệt Kế hoạch.\nNơi nhận: | KT. CHỦ TỊCH |\nBẢO Đ")
    plan = _plan(text)
    assert (plan.title, plan.signer_name, plan.signer_position) == (
        "BẢO ĐẢM AN TOÀN THÔNG TIN MẠNG GIAI ĐOẠN 2017 - 2020", None, None)


def test_header_title_from_the_issuing_sentence_does_not_start_in_the_sentence_before() -> None:
    text = ("ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\nSố: 27/KH-UBND | Tây Ninh, ngày 5 tháng 1 năm "
            "2024 |\nCăn cứ Quyết định số 566/QĐ-BTTTT của Bộ Thông tin và Truyền thông về việc ban hành kế hoạch hành "
            "động triển khai thực hiện Chiến lược An ninh mạng quốc gia.\nỦy ban nhân dân tỉnh xây dựng kế hoạch triển "
            "khai thực hiện Chiến lược An ninh mạng quốc gia đến năm 2025 với các nội dung như sau:\n1. Mục đích\n")
    assert _plan(text).title == "triển khai thực hiện Chiến lược An ninh mạng quốc gia đến năm 2025"


def test_header_decision_that_lost_its_titles_takes_the_plans_name_from_its_first_article() -> None:
    text = ("ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\nSố: 468/QĐ-UBND | Đắk Nông, ngày 01 tháng 03 năm "
            "2022 |\nCHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH ĐẮK NÔNG\nCăn cứ Luật Tổ chức chính quyền địa phương;\nQUYẾT ĐỊNH:\n"
            "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch thực hiện Đề án dữ liệu dân cư giai đoạn 2022 - 2025, "
            "tầm nhìn đến 2030 trên địa bàn tỉnh Đắk Nông.\nĐiều 2. Quyết định này có hiệu lực.\n| CHỦ TỊCH |\n"
            "THỰC HIỆN ĐỀ ÁN DỮ LIỆU DÂN CƯ GIAI ĐOẠN 2022 - 2025, TẦM NHÌ")
    plan = _plan(text)
    assert (plan.doc_type, plan.title, plan.period_start, plan.period_end, plan.horizon) == (
        "Quyết định", "thực hiện Đề án dữ liệu dân cư giai đoạn 2022 - 2025, tầm nhìn đến 2030 trên địa bàn tỉnh Đắk "
        "Nông", 2022, 2025, 2030)


def test_header_title_from_the_issuing_sentence_drops_the_short_names_it_gives() -> None:
    text = ("ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\nSố: 4851/KH-UBND | Bình Dương, ngày 11 tháng 10 "
            "năm 2018 |\nCăn cứ Quyết định số 2071/QĐ-UBND của Ủy ban nhân dân tỉnh.\nỦy ban nhân dân tỉnh ban hành kế "
            "hoạch triển khai xác định Chỉ số CCHC của các sở, ban, ngành (sau đây gọi tắt là cấp sở); Ủy ban nhân dân "
            "các huyện (sau đây gọi tắt là cấp huyện), cụ thể như sau:\n1. Mục tiêu\n")
    assert _plan(text).title == ("triển khai xác định Chỉ số CCHC của các sở, ban, ngành; Ủy ban nhân dân các "
                                 "huyện")


def test_header_a_year_named_after_the_spans_of_what_the_plan_carries_out_is_its_own() -> None:
    yearly = ("Số: 228/KH-UBND\nLào Cai, ngày 5 tháng 5 năm 2023\nKẾ HOẠCH\nTHỰC HIỆN KHUNG CHIẾN LƯỢC PHÁT TRIỂN "
              "DU LỊCH ĐẾN NĂM 2030, TẦM NHÌN ĐẾN NĂM 2050 - NĂM 2023\nI. MỤC ĐÍCH\n")
    spanning = yearly.replace(" - NĂM 2023", "")
    assert [(p.period_start, p.period_end, p.horizon) for p in map(_plan, (yearly, spanning))] == \
        [(2023, 2023, None), (None, 2030, 2050)]


def test_header_signer_and_position_from_a_page_attribute_naming_body_position_and_signer() -> None:
    attribute = "Cơ quan ban hành/ Chức danh/ Nguời ký: UBND Tỉnh Thanh Hóa Phó chủ tịch Nguyễn Đức Quyền\n"
    plan = _plan(attribute + TABLE)
    assert (plan.signer_name, plan.signer_position) == ("Nguyễn Đức Quyền", "Phó Chủ tịch")


def test_header_a_year_after_the_plans_own_span_and_a_signers_position_without_a_name() -> None:
    both = ("Số: 9/KH-UBND\nHà Nam, ngày 5 tháng 1 năm 2021\nKẾ HOẠCH\nPHÁT TRIỂN NGUỒN NHÂN LỰC GIAI ĐOẠN 2021 - "
            "2025 VÀ NĂM 2021\nI. MỤC ĐÍCH\n")
    assert (_plan(both).period_start, _plan(both).period_end) == (2021, 2025)
    unnamed = ("Người ký: Trần Văn An\n" + both + "- Làm rõ việc cần làm.\nNơi nhận:\n- Như trên;\n"
               "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n")
    plan = _plan(unnamed)
    assert (plan.signer_name, plan.signer_position) == ("Trần Văn An", "Phó Chủ tịch")


def test_header_a_review_part_s_title_standing_alone_ends_the_plan_s_title() -> None:
    plan = _plan("ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\nSố: 15/KH-UBND | Núi Mây, ngày 3 tháng 6 năm "
                 "2016 |\nPHÁT TRIỂN THỂ THAO QUẦN CHÚNG GIAI ĐOẠN 2016 - 2020\nTÌNH HÌNH THỰC HIỆN KẾ HOẠCH GIAI ĐOẠN "
                 "2011-2015\n1. Kết quả đạt được\nTrong 5 năm qua, phong trào phát triển.")
    assert plan.title == "PHÁT TRIỂN THỂ THAO QUẦN CHÚNG GIAI ĐOẠN 2016 - 2020"
    assert (plan.period_start, plan.period_end) == (2016, 2020)


def test_header_a_title_line_ending_in_va_goes_on_whatever_opens_the_next() -> None:
    plan = _plan("ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\nSố: 15/KH-UBND | Núi Mây, ngày 3 tháng 6 năm "
                 "2024 |\nKẾ HOẠCH\nTHEO DÕI VÀ\nMỤC ĐÍCH, YÊU CẦU THỰC HIỆN NGHỊ QUYẾT NĂM 2024\nI. MỤC ĐÍCH\n1. Kết quả")
    assert plan.title == "THEO DÕI VÀ MỤC ĐÍCH, YÊU CẦU THỰC HIỆN NGHỊ QUYẾT NĂM 2024"


def test_header_a_span_the_title_names_that_ended_before_the_plan_is_no_period_of_it() -> None:
    plan = _plan("Số: 99/KH-UBND\nThanh Hóa, ngày 19 tháng 5 năm 2025\nKẾ HOẠCH\nTRIỂN KHAI NGHỊ QUYẾT SỐ 76/NQ-CP VỀ GIÁM "
                 "SÁT VIỆC BẢO ĐẢM AN TOÀN GIAO THÔNG TỪ NĂM 2009 ĐẾN HẾT NĂM 2023\nI. MỤC ĐÍCH\n")
    assert (plan.period_start, plan.period_end, plan.horizon) == (None, None, None)


def test_header_a_number_line_whose_page_dropped_the_o_of_so_is_the_plans_number() -> None:
    plan = _plan("ỦY BAN NHÂN DÂN\nTỈNH ĐỒNG NAI\nS: 4271/KH-UBND\nĐồng Nai, ngày 26 tháng 05 năm 2016\nKẾ HOẠCH\n"
                 "THU THẬP THÔNG TIN CUNG CẦU LAO ĐỘNG NĂM 2016\nCăn cứ Thông tư s27/2015/TT-BLĐTBXH ngày 24/7/2015 của Bộ "
                 "Lao động - Thương binh và Xã hội, Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:\nI. MỤC ĐÍCH\n")
    assert plan.number == "4271/KH-UBND"
    assert [(c.number, c.relation) for c in plan.citations] == [("27/2015/TT-BLĐTBXH", "cites")]


def test_header_run_together_whose_page_dropped_the_o_of_so_still_gives_the_number() -> None:
    plan = _plan("ỦY BAN NHÂN DÂN TỈNH ĐỒNG NAI CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM S: 4271/KH-UBND Đồng Nai, ngày 26 "
                 "tháng 05 năm 2016 KẾ HOẠCH THU THẬP THÔNG TIN CUNG CẦU LAO ĐỘNG NĂM 2016 Căn cứ Thông tư số "
                 "27/2015/TT-BLĐTBXH, Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau: I. MỤC ĐÍCH 1. Mục đích\n")
    assert plan.number == "4271/KH-UBND"


def test_header_a_decision_its_chairman_signs_himself_gives_his_position() -> None:
    text = ("Số: 3470/QĐ-UBND\nHải Phòng, ngày 27 tháng 8 năm 2025\nQUYẾT ĐỊNH\nBAN HÀNH KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH\n"
            "CHỦ TỊCH ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG\nCăn cứ Luật Tổ chức chính quyền địa phương;\nQUYẾT ĐỊNH:\n"
            "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch cải cách hành chính.\nNơi nhận: |\n- Như Điều 3; |\n"
            "CHỦ TỊCH |\nLê Ngọc Châu |\n")
    plan = _plan(text)
    assert (plan.signer_name, plan.signer_position) == ("Lê Ngọc Châu", "Chủ tịch")
    cut = text[:text.index("Nơi nhận")] + "Điều 3. Các sở thi hành Quyết định này./.\n| CHỦ TỊCH |\n"  # a page cut before
    assert (_plan(cut).signer_name, _plan(cut).signer_position) == (None, "Chủ tịch")  # the recipients and the name


def test_header_the_issuers_province_outweighs_a_date_line_naming_another_place() -> None:
    text = ("ỦY BAN NHÂN DÂN\nTỈNH TÂY NINH\n--------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 36/2013/QĐ-UBND\n"
            "Hà Nội, ngày 15 tháng 08 năm 2013\nQUYẾT ĐỊNH\nBAN HÀNH CHƯƠNG TRÌNH GIẢI QUYẾT VIỆC LÀM TỈNH TÂY NINH\n"
            "ỦY BAN NHÂN DÂN TỈNH\nCăn cứ Bộ Luật Lao động năm 2012;\n")
    plan = _plan(text)
    assert (plan.province, plan.issuer, plan.issued) == ("Tây Ninh", "Ủy ban nhân dân tỉnh Tây Ninh", "2013-08-15")


def test_header_no_span_that_ended_before_the_plan_was_issued_is_its_period_wherever_it_is_read() -> None:
    text = ("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HẢI PHÒNG\nSố: 113/KH-UBND\nHải Phòng, ngày 04 tháng 5 năm 2022\nKẾ HOẠCH\n"
            "THỰC HIỆN QUYẾT ĐỊNH SỐ 1983/QĐ-TTG VỀ MỘT SỐ VẤN ĐỀ CHÍNH SÁCH XÃ HỘI GIAI ĐOẠN 2012 - 2020\n"
            "Thực hiện Quyết định số 1983/QĐ-TTg ngày 24/11/2021 của Thủ tướng Chính phủ ban hành Kế hoạch triển "
            "khai thực hiện Kết luận số 92-KL/TW về chính sách xã hội giai đoạn 2012 - 2020;\n"
            "Ủy ban nhân dân thành phố ban hành Kế hoạch thực hiện như sau:\nI. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\n"
            "Quán triệt Nghị quyết số 15-NQ/TW về chính sách xã hội giai đoạn 2012 - 2020.\n")
    plan = _plan(text)
    assert (plan.year, plan.period_start, plan.period_end, plan.horizon) == (2022, None, None, None)


def test_header_a_decision_title_quoting_the_programme_it_issues_gives_the_programmes_title() -> None:
    text = ("ỦY BAN NHÂN DÂN\nTỈNH QUẢNG BÌNH\nSố: 2384/QĐ-UBND\nQuảng Bình, ngày 30 tháng 9 năm 2013\nQUYẾT ĐỊNH\n"
            "BAN HÀNH “CHƯƠNGTRÌNH HÀNH ĐỘNG ÁP DỤNG SẢN XUẤT SẠCH HƠN TRONG CÔNG NGHIỆP, GIAI ĐOẠN 2013 - 2020”\n"
            "ỦY BAN NHÂN DÂN TỈNH QUẢNG BÌNH\nCăn cứ Luật Bảo vệ môi trường ngày 29/11/2005;\n")
    plan = _plan(text)
    assert plan.title == "ÁP DỤNG SẢN XUẤT SẠCH HƠN TRONG CÔNG NGHIỆP, GIAI ĐOẠN 2013 - 2020"


def test_header_a_date_line_without_its_comma_and_an_empty_issuer_cell_still_give_date_and_issuer() -> None:
    text = ("ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\nSố: 719/QĐ-UBND | Hưng Yên ngày 27 tháng 8 năm 2025 |\n"
            "QUYẾT ĐỊNH\nBAN HÀNH CHƯƠNG TRÌNH PHÁT TRIỂN KHOA HỌC, CÔNG NGHỆ GIAI ĐOẠN 2025-2030\n"
            "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16/6/2025;\n")
    plan = _plan(text)
    assert (plan.issued, plan.province, plan.issuer) == ("2025-08-27", "Hưng Yên", "Ủy ban nhân dân tỉnh Hưng Yên")
    text = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM | |\nSố: 665/KH-UBND | Nghệ An, ngày 29 tháng 9 năm 2022 |\nKẾ HOẠCH\n"
            "KHẢO SÁT, ĐÁNH GIÁ NĂNG LỰC CẠNH TRANH CẤP SỞ, NGÀNH NĂM 2022\nThực hiện Nghị quyết số 02/NQ-CP ngày "
            "10/01/2022 của Chính phủ, Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:\n")
    assert _plan(text).issuer == "Ủy ban nhân dân tỉnh Nghệ An"


def test_header_a_title_whose_page_ran_den_and_nam_together_still_gives_the_period_end() -> None:
    text = ("ỦY BAN NHÂN DÂN\nTỈNH HÀ GIANG\nSố: 140/KH-UBND\nHà Giang, ngày 10 tháng 5 năm 2013\nKẾ HOẠCH\n"
            "TRIỂN KHAI ỨNG DỤNGCHỮ KÝ SỐ CHUYÊN DÙNG TRONG CÁC CƠ QUAN HÀNH CHÍNH NHÀ NƯỚC ĐẾNNĂM 2015\n"
            "Căn cứ Luật Giao dịch điện tử;\n")
    plan = _plan(text)
    assert (plan.period_start, plan.period_end, plan.horizon) == (None, 2015, None)


def test_header_a_period_with_a_later_stage_after_va_ends_with_it() -> None:
    text = ("ỦY BAN NHÂN DÂN\nTỈNH PHÚ YÊN\nSố: 122/KH-UBND\nPhú Yên, ngày 10 tháng 7 năm 2013\nKẾ HOẠCH\nTRIỂN KHAI "
            "LỘ TRÌNH TIẾN TỚI BẢO HIỂM Y TẾ TOÀN DÂN GIAI ĐOẠN 2012-2015 VÀ 2020\nCăn cứ Luật Bảo hiểm y tế;\n")
    assert (_plan(text).period_start, _plan(text).period_end) == (2012, 2020)
    text = text.replace("VÀ 2020", "VÀ NĂM 2013")  # one year of the span named again: not a later stage
    assert (_plan(text).period_start, _plan(text).period_end) == (2012, 2015)


def test_header_a_title_quoting_the_programme_after_its_type_and_an_opening_with_nhung_noi_dung_sau() -> None:
    text = ("Số: 1168/QĐ-UBND\nKiên Giang, ngày 21 tháng 5 năm 2018\nQUYẾT ĐỊNH\nPHÊ DUYỆT ĐỀ ÁN \"ĐẢM BẢO AN NINH, "
            "TRẬT TỰ TRÊN BIỂN, ĐẢO TỈNH KIÊN GIANG GIAI ĐOẠN 2018-2021”\nCăn cứ Luật Biển Việt Nam;\n")
    assert _plan(text).title == "ĐẢM BẢO AN NINH, TRẬT TỰ TRÊN BIỂN, ĐẢO TỈNH KIÊN GIANG GIAI ĐOẠN 2018-2021"
    text = ("ỦY BAN NHÂN DÂN |\nSố: 341/KH-UBND |\nGia Lai, ngày 01 tháng 02 năm 2016 |\nThực hiện Quyết định số "
            "3642/QĐ-BNN-CB ngày 08/9/2015 của Bộ Nông nghiệp và PTNT, UBND tỉnh ban hành Kế hoạch thực hiện đề án "
            "đẩy mạnh cơ giới hóa sản xuất nông nghiệp tỉnh Gia Lai giai đoạn 2016-2020 với những nội dung sau:\n"
            "- Cơ giới hóa nông nghiệp là nhiệm vụ quan trọng.\n")
    plan = _plan(text)
    assert (plan.title, plan.period_start, plan.period_end) == (
        "thực hiện đề án đẩy mạnh cơ giới hóa sản xuất nông nghiệp tỉnh Gia Lai giai đoạn 2016-2020", 2016, 2020)


def test_header_an_opening_ending_with_mot_so_noi_dung_after_a_short_name_gives_the_title() -> None:
    text = ("ỦY BAN NHÂN DÂN |\nSố: 3887/KH-UBND |\nĐắk Nông, ngày 16 tháng 4 năm 2025 |\nThực hiện Quyết định số "
            "208/QĐ-TTg ngày 29/02/2024 của Thủ tướng Chính phủ.\nỦy ban nhân dân tỉnh xây dựng kế hoạch thực hiện Đề "
            "án phát triển rừng đến năm 2030, tầm nhìn đến năm 2050 (Đề án) trên địa bàn tỉnh; với một số nội dung "
            "như sau:\n1. Mục đích\n")
    plan = _plan(text)
    assert (plan.title, plan.period_end, plan.horizon) == (
        "thực hiện Đề án phát triển rừng đến năm 2030, tầm nhìn đến năm 2050 trên địa bàn tỉnh", 2030, 2050)


def test_header_a_carried_title_naming_whose_programme_it_is_keeps_what_it_is_about() -> None:
    text = ("ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NAM\nSố: 1610/QĐ-UBND\nQuảng Nam, ngày 07 tháng 5 năm 2015\nQUYẾT ĐỊNH\nBAN "
            "HÀNH CHƯƠNG TRÌNH HÀNH ĐỘNG CỦA TỈNH QUẢNG NAM VỀ THỰC\nHÀNH TIẾT KIỆM, CHỐNG LÃNG PHÍ NĂM 2015\nỦY BAN NHÂN "
            "DÂN TỈNH QUẢNG NAM\nCăn cứ Luật Tổ chức chính quyền địa phương;\n")
    assert _plan(text).title == "VỀ THỰC HÀNH TIẾT KIỆM, CHỐNG LÃNG PHÍ NĂM 2015"


def test_header_a_page_ending_inside_a_deputys_position_gives_the_position() -> None:
    closing = "\nĐiều 3. Các sở thi hành Quyết định này./.\nNơi nhận:\n- Như Điều 3;\n- Lưu VT.\nKT. CHỦ TỊCH\n"
    assert (_plan(FLAT + closing + "PHÓ CH").signer_position, _plan(FLAT + closing).signer_position) == (
        "Phó Chủ tịch", None)


def test_header_a_title_from_the_issuing_sentence_spells_out_the_short_name_it_uses() -> None:
    text = ("ỦY BAN NHÂN DÂN |\nSố: 223/KH-UBND |\nHà Tĩnh, ngày 10 tháng 6 năm 2021 |\nThực hiện Quyết định số "
            "468/QĐ-TTg ngày 27/3/2021 của Thủ tướng Chính phủ phê duyệt Đề án đổi mới việc thực hiện cơ chế một cửa "
            "trong giải quyết thủ tục hành chính (sau đây gọi là Đề án), Ủy ban nhân dân tỉnh ban hành Kế hoạch triển "
            "khai thực hiện Đề án trên địa bàn tỉnh, cụ thể như sau:\n1. Mục đích\n")
    assert _plan(text).title == ("triển khai thực hiện Đề án đổi mới việc thực hiện cơ chế một cửa trong giải quyết "
                                 "thủ tục hành chính trên địa bàn tỉnh")


def test_header_a_signers_position_run_into_the_name_gives_both() -> None:
    text = ("ỦY BAN NHÂN DÂN\nTỈNH TRÀ VINH\nSố: 1168/QĐ-UBND\nTrà Vinh, ngày 17 tháng 6 năm 2013\nQUYẾT ĐỊNH\nBAN HÀNH "
            "KẾ HOẠCH PHÁT TRIỂN GIA ĐÌNH\nĐiều 1. Ban hành Kế hoạch.\nTM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\n"
            "PHÓ CHỦ TỊCHSơn Thị Ánh Hồng\n")
    plan = _plan(text)
    assert (plan.signer_name, plan.signer_position) == ("Sơn Thị Ánh Hồng", "Phó Chủ tịch")
