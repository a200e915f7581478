"""normalize: NFC, one space kind, undone hard wraps, dropped furniture, and a map back to the original."""
from __future__ import annotations

import textwrap
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from plangraph.extract.decode import decode
from plangraph.extract.layout import continues
from plangraph.extract.normalize import fold, normalize, strip_marks
from plangraph.extract.tables import find_tables
from tests.conftest import PDF_SEED, SEEDS

VIETNAMESE = st.text(alphabet=st.sampled_from(list("aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệ"
                                                  "ìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
                                                  "ÀÁĐÊÔƠƯ .,;:-+()/0123456789\n\t\u00a0\u2009\u202f\r")),
                     max_size=300)


@given(VIETNAMESE)
@settings(max_examples=200, deadline=None)
def test_normalize_is_idempotent_and_nfc(text: str) -> None:
    once = normalize(text).text
    assert unicodedata.is_normalized("NFC", once)
    assert normalize(once).text == once


@given(VIETNAMESE)
@settings(max_examples=200, deadline=None)
def test_normalize_maps_every_character_into_the_original(text: str) -> None:
    clean = normalize(unicodedata.normalize("NFD", text))
    assert len(clean.starts) == len(clean.ends) == len(clean.text)
    for start, end in zip(clean.starts, clean.ends):
        assert 0 <= start <= end <= len(unicodedata.normalize("NFD", text))


def test_normalize_span_of_a_decomposed_word_quotes_the_original() -> None:
    original = unicodedata.normalize("NFD", "Giao Sở Nội vụ chủ trì.")
    clean = normalize(original)
    at = clean.text.index("Sở Nội vụ")
    start, end = clean.original_span(at, at + len("Sở Nội vụ"))
    assert unicodedata.normalize("NFC", original[start:end]) == "Sở Nội vụ"


def test_normalize_expands_abbreviations_but_not_inside_document_numbers() -> None:
    text = normalize("Sở VH,TT&DL và UBND tỉnh theo Thông tư số 13/2020/TT-BGDĐT").text
    assert text == "Sở Văn hóa, Thể thao và Du lịch và Ủy ban nhân dân tỉnh theo Thông tư số 13/2020/TT-BGDĐT"


def test_normalize_drops_page_numbers_and_web_furniture() -> None:
    page = ("Trang chủ » Văn bản » Kế hoạch\nKẾ HOẠCH\nThử nghiệm\nI. MỤC TIÊU\n- 2 -\n"
            "1. Chung\nLượt xem: 1.234\nTải về\nVăn bản liên quan\n1. Quyết định 12/QĐ-UBND\n2. Thông báo")
    assert normalize(page).text == "KẾ HOẠCH\nThử nghiệm\nI. MỤC TIÊU\n1. Chung"


def test_normalize_reads_pages_between_a_converter_s_page_markers_as_wrapped_lines_not_paragraphs() -> None:
    bullet = ("- Tổ chức các hoạt động khảo sát, hướng dẫn, hỗ trợ các doanh nghiệp xây dựng, kết nối sản phẩm du "
              "lịch biển, bảo đảm an toàn cho khách du lịch và giữ gìn vệ sinh môi trường tại các xã ven biển.")
    lines = textwrap.wrap(" ".join([bullet] * 60), 78) + ["- Kiểm tra kết quả.",
                                                          "Yêu cầu các sở, ngành triển khai thực hiện./."]
    pages = [lines[k:k + 36] for k in range(0, len(lines), 36)]  # blank-separated pages of 36 lines
    text = "\n\n".join(f"## Trang {n}\n\n" + "\n".join(page) for n, page in enumerate(pages, 1))
    clean = normalize(text).text
    assert "Trang" not in clean
    assert clean.split("\n")[-2:] == ["- Kiểm tra kết quả.", "Yêu cầu các sở, ngành triển khai thực hiện./."]


def test_normalize_joins_a_document_number_a_line_break_split_after_its_hyphen() -> None:
    text = "Thực hiện Kế hoạch số 275/KH-UBND; Kế hoạch số 157/KH-\nUBND ngày 14/3/2025 của UBND thành phố.\nI. MỤC ĐÍCH"
    assert normalize(text).text.split("\n") == [
        "Thực hiện Kế hoạch số 275/KH-UBND; Kế hoạch số 157/KH-UBND ngày 14/3/2025 của Ủy ban nhân dân thành phố.",
        "I. MỤC ĐÍCH"]


def test_normalize_undoes_pdf_hard_wraps() -> None:
    clean = normalize(decode(PDF_SEED.read_bytes(), PDF_SEED.name)).text
    assert "Phát triển mạng lưới thư viện giai đoạn 2021 - 2025, định hướng đến năm 2030 trên địa bàn tỉnh " \
           "Lai Châu\n" in clean
    assert "\n2.1.4. Chỉ tiêu về ứng dụng công nghệ thông tin và chuyển đổi số trong hoạt động thư viện.\n" in clean


def test_fold_unifies_tone_placement_and_strip_marks_removes_diacritics() -> None:
    assert fold("Uỷ ban, hoá") == fold("ủy ban, hóa")
    assert strip_marks("Đoàn Thể") == "doan the"


def test_normalize_punctuation_before_a_lower_case_word_does_not_continue_a_line() -> None:
    # a line counts as a continuation only when it starts with a lower-case letter
    once = normalize(":\r:\ra").text
    assert once == ":\n: a"
    assert normalize(once).text == once


def _blocks(*paragraphs: str) -> str:
    """A text laid out as blocks of hard-wrapped lines separated by blank lines (enough blocks to tell)."""
    return "\n\n".join(list(paragraphs) + ["- Mục một\ncó hai dòng."] * 10)


def test_normalize_joins_the_lines_of_a_blank_separated_block() -> None:
    text = normalize(_blocks("a) Phối hợp với Sở Giáo dục và\nĐào tạo kiểm tra.", "- Huy động các\nChương trình.")).text
    assert "a) Phối hợp với Sở Giáo dục và Đào tạo kiểm tra." in text.split("\n")
    assert "- Huy động các Chương trình." in text.split("\n")


def test_normalize_a_blank_line_ends_a_block_whose_last_line_is_full_width() -> None:
    filler = textwrap.fill("- Rà soát, cập nhật cơ sở dữ liệu về thư viện trên địa bàn tỉnh và báo cáo kết quả "
                           "thực hiện định kỳ theo quy định của Ủy ban nhân dân tỉnh.", 60)
    heading = ("12. Đài Phát thanh - Truyền hình tỉnh; Báo Lai Châu và các cơ\n"
               "quan có ấn phẩm báo chí, Cổng/Trang thông tin điện tử tổng hợp")
    body = "Xây dựng tin, bài, ảnh tuyên truyền về vị trí, vai trò của thư\nviện trên địa bàn tỉnh."
    lines = normalize("\n\n".join([heading, body] + [filler] * 12)).text.split("\n")
    assert lines[:2] == [heading.replace("\n", " "), body.replace("\n", " ")]


def test_normalize_an_agency_heading_over_its_first_duty_in_one_block_stays_a_heading() -> None:
    filler = "- Rà soát, cập nhật cơ sở dữ liệu\nvề thư viện trên địa bàn tỉnh."
    text = "\n\n".join(["3. Sở Tài chính\nChủ trì, phối hợp với Sở Kế hoạch và Đầu\ntư bố trí kinh phí.",
                        "6. Sở Ngoại\nVụ hướng dẫn các đơn vị."] + [filler] * 12)
    lines = normalize(text).text.split("\n")
    assert lines[:3] == ["3. Sở Tài chính", "Chủ trì, phối hợp với Sở Kế hoạch và Đầu tư bố trí kinh phí.",
                         "6. Sở Ngoại Vụ hướng dẫn các đơn vị."]


def test_normalize_keeps_lines_apart_when_every_paragraph_is_one_line() -> None:
    text = normalize("- Làm A;\n\n- Làm B.\n\nSở Y tế\n\nPhối hợp thực hiện.").text
    assert text.split("\n") == ["- Làm A;", "- Làm B.", "Sở Y tế", "Phối hợp thực hiện."]


def test_normalize_joins_a_heading_split_over_two_lines() -> None:
    lines = normalize(_blocks("V. TỔ CHỨC\nTHỰC HIỆN", "III.\nĐÁNH GIÁ CHUNG", "1.\nSở Y tế:")).text.split("\n")
    assert {"V. TỔ CHỨC THỰC HIỆN", "III. ĐÁNH GIÁ CHUNG", "1. Sở Y tế:"} <= set(lines)
    assert normalize("I. MỤC ĐÍCH,\nYÊU CẦU\n1. Mục đích").text.split("\n") == ["I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích"]


def test_normalize_splits_a_heading_glued_to_its_first_item() -> None:
    lines = normalize("III. TỔ CHỨC THỰC HIỆN 1.\nSở Tài chính:\n2. Nâng cao năng lực 2.1.\nRà soát.\n"
                      "3. Giải quyết tranh chấp 3.1. Rà soát cơ chế.\nTheo khoản 2.").text.split("\n")
    assert lines == ["III. TỔ CHỨC THỰC HIỆN", "1. Sở Tài chính:", "2. Nâng cao năng lực", "2.1. Rà soát.",
                     "3. Giải quyết tranh chấp", "3.1. Rà soát cơ chế.", "Theo khoản 2."]


def test_normalize_splits_a_part_s_title_in_capitals_from_its_first_dash_item_not_a_name_s_dash() -> None:
    lines = normalize("VI. KINH PHÍ THỰC HIỆN - Từ ngân sách tỉnh.\nVII. SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI\n"
                      "- Chủ trì.").text.split("\n")
    assert lines == ["VI. KINH PHÍ THỰC HIỆN", "- Từ ngân sách tỉnh.", "VII. SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI",
                     "- Chủ trì."]


def test_normalize_a_roman_numeral_an_ocr_misread_takes_its_title_from_the_next_line() -> None:
    lines = normalize("Vl.\nKINH PHÍ THỰC HIỆN\n- Ngân sách tỉnh.\nIIl. TỔ CHỨC\nTHỰC HIỆN\n11.\n"
                      "Tổ chức sơ kết.").text.split("\n")
    assert lines == ["Vl. KINH PHÍ THỰC HIỆN", "- Ngân sách tỉnh.", "IIl. TỔ CHỨC THỰC HIỆN", "11. Tổ chức sơ kết."]


def test_normalize_a_wrapped_heading_glued_to_its_first_item_gives_the_item_its_text() -> None:
    text = ("2. Nâng cao năng lực, hiệu quả quản lý nhà nước về quan hệ lao\n"
            "động trên địa bàn tỉnh 2.1.\nRà soát, kiến nghị sửa đổi cơ chế.\n2.2. Kiện toàn tổ chức.")
    assert normalize(text).text.split("\n") == [
        "2. Nâng cao năng lực, hiệu quả quản lý nhà nước về quan hệ lao động trên địa bàn tỉnh",
        "2.1. Rà soát, kiến nghị sửa đổi cơ chế.", "2.2. Kiện toàn tổ chức."]


def test_normalize_joins_after_a_semicolon_or_a_dangling_word_inside_a_block() -> None:
    lines = normalize("1. Tuyên truyền Chỉ thị;\nQuyết định số 5/QĐ-UBND.\n2. Phối hợp với Sở Y tế và\nSở Nội vụ.").text
    assert lines.split("\n") == ["1. Tuyên truyền Chỉ thị; Quyết định số 5/QĐ-UBND.", "2. Phối hợp với Sở Y tế và Sở Nội vụ."]
    lines = normalize("- Tỷ lệ trẻ có cân nặng sơ sinh thấp dưới\n5%; tỷ lệ tiêm chủng đạt\n95%.\n- Làm B.").text
    assert lines.split("\n") == ["- Tỷ lệ trẻ có cân nặng sơ sinh thấp dưới 5%; tỷ lệ tiêm chủng đạt 95%.", "- Làm B."]


def test_normalize_never_joins_table_cell_separators() -> None:
    lines = normalize(_blocks("|\nSTT\n|\nNội dung\n|")).text.split("\n")
    assert lines[:5] == ["|", "STT", "|", "Nội dung", "|"]


def test_normalize_joins_the_other_end_of_a_range_that_looks_like_a_bullet() -> None:
    text = "- Tốc độ tăng bình quân 05\n- 06%/năm.\n- Giai đoạn 2026\n- 2030 đạt 10%.\n\n- 2030 là mốc cuối."
    assert normalize(text).text == "- Tốc độ tăng bình quân 05 - 06%/năm.\n- Giai đoạn 2026 - 2030 đạt 10%.\n- 2030 là mốc cuối."


def test_normalize_a_hyphen_inside_a_name_and_a_dangling_word_do_not_break_a_paragraph() -> None:
    lines = normalize(_blocks("Trên đây là Kế hoạch tài chính\n- ngân sách năm 2026.")).text.split("\n")
    assert "Trên đây là Kế hoạch tài chính - ngân sách năm 2026." in lines
    assert normalize("- Quán triệt Kết luận ngày\n\nBan Thường vụ ban hành.\n\n- Làm B.").text.split("\n") == [
        "- Quán triệt Kết luận ngày Ban Thường vụ ban hành.", "- Làm B."]


def test_normalize_reads_a_symbol_fonts_bullet_glyph_as_a_bullet() -> None:
    text = "I. NHIỆM VỤ\n\uf0b7 Sở Y tế chủ trì kiểm tra.\n\uf0a7 Sở Tài chính bố trí kinh phí."
    clean = normalize(text)
    assert clean.text.split("\n") == ["I. NHIỆM VỤ", "• Sở Y tế chủ trì kiểm tra.", "• Sở Tài chính bố trí kinh phí."]
    assert clean.original_span(12, 13) == (12, 13)


def test_normalize_places_tone_marks_one_way_and_quotes_the_original() -> None:
    text = "Uỷ ban nhân dân tỉnh giao Sở Văn hoá; CỘNG HOÀ; sức khoẻ; Quỹ bảo trì quý I"
    clean = normalize(text)
    assert clean.text == "Ủy ban nhân dân tỉnh giao Sở Văn hóa; CỘNG HÒA; sức khỏe; Quỹ bảo trì quý I"
    assert text[slice(*clean.original_span(0, 9))] == "Uỷ ban nh"


def test_normalize_drops_markdown_heading_marks() -> None:
    assert normalize("## III. TỔ CHỨC THỰC HIỆN\n### 1. Sở Y tế").text.split("\n") == ["III. TỔ CHỨC THỰC HIỆN", "1. Sở Y tế"]


def test_normalize_abbreviation_screens_match_wherever_their_patterns_do() -> None:
    from plangraph.extract.normalize import _abbreviations, _screened
    from plangraph.extract.rules import read_table
    examples = [row["example"] for row in read_table("abbreviations.tsv", ("id", "abbreviation", "example"))]
    texts = [path.read_text(encoding="utf-8") for path in SEEDS] + examples + [f"-{e}, Sở {e}" for e in examples]
    for screen, pattern, _ in _abbreviations():
        for text in texts:
            for match in pattern.finditer(text):
                assert screen.match(text, match.start()), (pattern.pattern, text[match.start():match.end()])
            assert [m.span() for m in _screened(screen, pattern, text)] == [m.span() for m in pattern.finditer(text)]
    assert any(len(screen.pattern) < len(pattern.pattern) for screen, pattern, _ in _abbreviations())


MERGED = ("UBND tỉnh ban hành Kế hoạch như sau: I. MỤC\nĐÍCH, YÊU CẦU 1. Nâng cao nhận thức của người dân về an toàn. 2. Tăng "
          "cường\ntrách nhiệm của các cơ quan. 3. Giảm tai nạn. II.\nNHIỆM VỤ TRỌNG TÂM Để thực hiện mục tiêu, các sở cần "
          "làm tốt các việc sau: 1. Rà soát quy hoạch. 2. Kiểm tra xử lý vi phạm. III. TỔ CHỨC THỰC HIỆN 1. Sở Xây dựng "
          "chủ trì, phối hợp với Công an tỉnh.")


def test_normalize_recovers_units_of_a_text_whose_line_breaks_were_lost() -> None:
    lines = normalize(MERGED).text.split("\n")
    assert lines == ["UBND tỉnh ban hành Kế hoạch như sau:".replace("UBND", "Ủy ban nhân dân"),
                     "I. MỤC ĐÍCH, YÊU CẦU", "1. Nâng cao nhận thức của người dân về an toàn.",
                     "2. Tăng cường trách nhiệm của các cơ quan.", "3. Giảm tai nạn.", "II. NHIỆM VỤ TRỌNG TÂM",
                     "Để thực hiện mục tiêu, các sở cần làm tốt các việc sau:", "1. Rà soát quy hoạch.",
                     "2. Kiểm tra xử lý vi phạm.", "III. TỔ CHỨC THỰC HIỆN",
                     "1. Sở Xây dựng chủ trì, phối hợp với Công an tỉnh."]


RUN_IN = ("Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau: I. MỤC ĐÍCH, YÊU CẦU 1. Mục đích - Nâng cao nhận thức. "
          "- Bảo đảm an toàn. II. MỤC TIÊU 1. 100% cán bộ được bồi dưỡng. 2. 95% xã có kế hoạch. 3. Giảm tai nạn. "
          "III. TỔ CHỨC THỰC HIỆN 1. Sở Lao động - Thương binh và Xã hội chủ trì tuyên truyền. 2. Sở Y tế Phối hợp "
          "với Sở Giáo dục và Đào tạo chỉ đạo các cơ sở. 3. Sở Tài chính Trên cơ sở đề nghị của các sở, bố trí kinh phí. "
          "a) Khám sức khỏe - Tổ chức khám định kỳ. Ủy ban nhân dân tỉnh "
          "yêu cầu các sở thực hiện./. | Nơi nhận: - Bộ Y tế; | TM. ỦY BAN NHÂN DÂN CHỦ TỊCH")


def test_normalize_splits_the_items_a_text_whose_line_breaks_were_lost_runs_into_its_headings() -> None:
    assert normalize(RUN_IN).text.split("\n") == [
        "Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:", "I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích",
        "- Nâng cao nhận thức.", "- Bảo đảm an toàn.", "II. MỤC TIÊU", "1. 100% cán bộ được bồi dưỡng.",
        "2. 95% xã có kế hoạch.", "3. Giảm tai nạn.", "III. TỔ CHỨC THỰC HIỆN",
        "1. Sở Lao động - Thương binh và Xã hội chủ trì tuyên truyền.", "2. Sở Y tế",
        "Phối hợp với Sở Giáo dục và Đào tạo chỉ đạo các cơ sở.", "3. Sở Tài chính", "Trên cơ sở đề nghị của các sở, bố trí kinh phí.", "a) Khám sức khỏe", "- Tổ chức khám định kỳ.",
        "Ủy ban nhân dân tỉnh yêu cầu các sở thực hiện./.", "|", "Nơi nhận:", "- Bộ Y tế;", "|",
        "TM. ỦY BAN NHÂN DÂN CHỦ TỊCH"]


def test_normalize_a_converters_page_heading_run_into_the_text_is_dropped() -> None:
    text = ("Kế hoạch như sau: I. MỤC ĐÍCH, YÊU CẦU 1. Mục đích - Phát triển du lịch làng ## Trang 2 2 nghề ven biển. "
            "- Bảo đảm an toàn. - Nâng cao nhận thức. 2. Yêu cầu - Triển khai đồng bộ. ## Trang 3 3 II. NỘI DUNG "
            "1. Mục tiêu - Đón khách.")
    assert normalize(text).text.split("\n") == [
        "Kế hoạch như sau:", "I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích", "- Phát triển du lịch làng nghề ven biển.",
        "- Bảo đảm an toàn.", "- Nâng cao nhận thức.", "2. Yêu cầu", "- Triển khai đồng bộ.", "II. NỘI DUNG",
        "1. Mục tiêu", "- Đón khách."]


def test_normalize_a_run_in_heading_listing_after_a_colon_lets_its_first_dash_item_go() -> None:
    text = ("Kế hoạch như sau: I. MỤC ĐÍCH 1. Mục đích - Phát triển du lịch. - Bảo đảm an toàn. II. TỔ CHỨC THỰC HIỆN "
            "1. Sở Du lịch - Chủ trì theo dõi. 2. Ủy ban nhân dân các xã: Hải Tiến, Giao Minh, Rạng Đông - Xây dựng "
            "kế hoạch phát triển du lịch. - Quản lý hoạt động du lịch.")
    assert normalize(text).text.split("\n")[-4:] == [
        "- Chủ trì theo dõi.", "2. Ủy ban nhân dân các xã: Hải Tiến, Giao Minh, Rạng Đông",
        "- Xây dựng kế hoạch phát triển du lịch.", "- Quản lý hoạt động du lịch."]


def test_normalize_a_run_in_heading_stating_an_aim_lets_the_sentence_of_its_lead_go() -> None:
    text = ("Kế hoạch như sau: I. MỤC ĐÍCH 1. Mục đích - Phát triển công nghiệp. - Bảo đảm an toàn. II. NỘI DUNG "
            "1. Hoàn thành di dời 01 khu công nghiệp (Đông Phố Mới). UBND phường Lào Cai chủ trì, phối hợp với Sở Xây "
            "dựng thực hiện. 2. Kinh phí từ ngân sách nhà nước. Các cơ quan được phân công chủ trì bố trí kinh phí.")
    assert normalize(text).text.split("\n")[-3:] == [
        "1. Hoàn thành di dời 01 khu công nghiệp (Đông Phố Mới).",
        "Ủy ban nhân dân phường Lào Cai chủ trì, phối hợp với Sở Xây dựng thực hiện.",
        "2. Kinh phí từ ngân sách nhà nước. Các cơ quan được phân công chủ trì bố trí kinh phí."]


def test_normalize_a_run_in_unit_may_start_after_an_ellipsis() -> None:
    text = ("Kế hoạch như sau: I. NHIỆM VỤ 1. Sở Y tế - Tập huấn cho homestay, khu nghỉ dưỡng… - Chỉ đạo các đơn vị "
            "kiểm tra. 2. Sở Xây dựng - Đầu tư bãi xe, nhà vệ sinh… 3. Đề nghị Báo Ninh Bình - Tuyên truyền.")
    assert normalize(text).text.split("\n") == [
        "Kế hoạch như sau:", "I. NHIỆM VỤ", "1. Sở Y tế", "- Tập huấn cho homestay, khu nghỉ dưỡng…",
        "- Chỉ đạo các đơn vị kiểm tra.", "2. Sở Xây dựng", "- Đầu tư bãi xe, nhà vệ sinh…", "3. Đề nghị Báo Ninh Bình",
        "- Tuyên truyền."]


def test_normalize_a_wrapped_run_in_text_gives_a_number_left_at_a_line_end_its_text_and_opens_its_appendix() -> None:
    text = ("Kế hoạch như sau: I. NHIỆM VỤ 1. Tuyên truyền. 2. Kiểm tra. 3. Đánh giá kết quả thực hiện hằng năm. 4.\n"
            "Căn cứ vào điều kiện thực tế, hình thành các cơ chế. II. TỔ CHỨC THỰC HIỆN Các sở thực hiện./. PHỤ LỤC 01\n"
            "| STT | Chỉ tiêu |")
    assert normalize(text).text.split("\n") == [
        "Kế hoạch như sau:", "I. NHIỆM VỤ", "1. Tuyên truyền.", "2. Kiểm tra.", "3. Đánh giá kết quả thực hiện hằng năm.",
        "4. Căn cứ vào điều kiện thực tế, hình thành các cơ chế.", "II. TỔ CHỨC THỰC HIỆN", "Các sở thực hiện./.",
        "PHỤ LỤC 01", "|", "STT", "|", "Chỉ tiêu", "|"]


def test_normalize_a_run_in_plan_attached_to_a_decision_names_the_decision_on_a_line_of_its_own() -> None:
    text = ("KẾ HOẠCH PHÁT TRIỂN VĂN HÓA ĐỌC TỈNH BẮC KẠN (Kèm theo Quyết định số 1472/QĐ-UBND ngày 09/8/2021 của "
            "Ủy ban nhân dân tỉnh) I. MỤC ĐÍCH 1. Tuyên truyền. 2. Kiểm tra. 3. Đánh giá. 4. Báo cáo.")
    assert normalize(text).text.split("\n")[:3] == [
        "KẾ HOẠCH PHÁT TRIỂN VĂN HÓA ĐỌC TỈNH BẮC KẠN",
        "(Kèm theo Quyết định số 1472/QĐ-UBND ngày 09/8/2021 của Ủy ban nhân dân tỉnh)", "I. MỤC ĐÍCH"]


def test_normalize_a_run_in_text_puts_footnotes_and_an_appendix_number_and_title_on_lines_of_their_own() -> None:
    text = ("Kế hoạch như sau: I. NHIỆM VỤ 1. Tuyên truyền. 2. Kiểm tra. 3. Đánh giá. 4. Báo cáo. II. TỔ CHỨC THỰC HIỆN "
            "Các sở thực hiện./. | TM. ỦY BAN NHÂN DÂN Nguyễn Văn A | [1] Chương trình số 30-CTr/TU. [2] Quyết định "
            "số 5/QĐ-TTg. PHỤ LỤC 01 ĐỊNH HƯỚNG PHÁT TRIỂN VÙNG NGUYÊN LIỆU\n| STT | Chỉ tiêu |")
    assert normalize(text).text.split("\n")[-11:] == [
        "TM. ỦY BAN NHÂN DÂN Nguyễn Văn A", "|", "[1] Chương trình số 30-CTr/TU.", "[2] Quyết định số 5/QĐ-TTg.",
        "PHỤ LỤC 01", "ĐỊNH HƯỚNG PHÁT TRIỂN VÙNG NGUYÊN LIỆU", "|", "STT", "|", "Chỉ tiêu", "|"]


def test_normalize_a_run_in_text_gives_a_table_that_lost_its_line_breaks_a_cell_per_line() -> None:
    text = ("Kế hoạch như sau: I. MỤC TIÊU 1. Tuyên truyền. 2. Kiểm tra. 3. Đánh giá. 4. Báo cáo. PHỤ LỤC 01 CHỈ TIÊU "
            "| STT | Chỉ tiêu | Năm 2026 | Năm 2027 | | 1 | Tỷ lệ hộ nghèo (%) | 2,5 | 2 | | 2 | Số xã đạt chuẩn | 10 | "
            "12 | II. TỔ CHỨC THỰC HIỆN Các sở thực hiện.")
    clean = normalize(text).text
    assert clean.split("\n")[6:10] == ["PHỤ LỤC 01", "CHỈ TIÊU", "|", "STT"]
    assert clean.split("\n")[-2:] == ["II. TỔ CHỨC THỰC HIỆN", "Các sở thực hiện."]
    table, = find_tables(clean)
    assert [c.text for c in table.caption] == ["PHỤ LỤC 01", "CHỈ TIÊU"]
    assert [[c.text for c in row.cells] for row in table.rows] == [["1", "Tỷ lệ hộ nghèo (%)", "2,5", "2"],
                                                                   ["2", "Số xã đạt chuẩn", "10", "12"]]


def test_normalize_a_run_in_text_keeps_a_markdown_table_with_its_rule() -> None:
    rows = "| STT | Chỉ tiêu |\n|---|---|\n| 1 | Tỷ lệ hộ nghèo |"
    text = f"Kế hoạch như sau: I. MỤC TIÊU 1. Tuyên truyền. 2. Kiểm tra. 3. Đánh giá. 4. Báo cáo.\n{rows}"
    assert normalize(text).text.endswith("\n" + rows)


def test_normalize_a_wrapped_run_in_heading_in_capitals_keeps_its_lines_and_lets_its_first_item_go() -> None:
    body = " ".join(f"{n}. Tổ chức tuyên truyền, phổ biến nội dung số {n} đến cán bộ và nhân dân trên địa bàn." for n in
                    range(1, 9))  # enough lines to tell the wrap's width
    text = textwrap.fill(f"Kế hoạch như sau: I. MỤC ĐÍCH {body} II. DỰ BÁO CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI 03 NĂM 2026 - "
                         f"2028, CƠ CẤU THU, CHI VÀ KHUNG CÂN ĐỐI NGÂN SÁCH TỔNG THỂ CỦA ĐỊA PHƯƠNG 1. Dự báo các chỉ "
                         f"tiêu kinh tế đến năm 2026. {body}", 60)
    lines = normalize(text).text.split("\n")
    heading = lines.index("II. DỰ BÁO CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI 03 NĂM 2026 - 2028, CƠ CẤU THU, CHI VÀ KHUNG CÂN ĐỐI "
                          "NGÂN SÁCH TỔNG THỂ CỦA ĐỊA PHƯƠNG")
    assert lines[heading + 1] == "1. Dự báo các chỉ tiêu kinh tế đến năm 2026."


def test_normalize_leaves_an_enumeration_inside_a_paragraph_of_a_normal_text() -> None:
    text = "I. NHIỆM VỤ\n1. Tuyên truyền các nội dung: a) Luật Giao thông. b) Nghị định.\n2. Kiểm tra.\n3. Báo cáo.\n4. Tổng kết."
    assert normalize(text).text == text


def test_normalize_a_name_broken_after_its_head_word_goes_on() -> None:
    assert normalize("- Quán triệt Kết luận của Ban\n\nThường vụ Tỉnh ủy đến cán bộ.").text == \
        "- Quán triệt Kết luận của Ban Thường vụ Tỉnh ủy đến cán bộ."


def test_normalize_a_task_field_label_takes_the_next_line_as_its_value() -> None:
    text = ("- Cơ quan thực hiện: Sở Xây dựng chủ trì, phối hợp với các địa phương.\n- Thời gian thực hiện:\n"
            "Thực hiện thường xuyên hằng năm.\n2.10.\nRà soát quy hoạch các thiết chế văn hóa.")
    assert normalize(text).text.split("\n")[1:3] == ["- Thời gian thực hiện: Thực hiện thường xuyên hằng năm.",
                                                      "2.10. Rà soát quy hoạch các thiết chế văn hóa."]
    # a label's value given as a list stays a list
    listed = "- Cơ quan phối hợp:\n- Sở Tư pháp;\n- Sở Nội vụ."
    assert normalize(listed).text == listed


def test_normalize_a_name_broken_before_its_dash_goes_on() -> None:
    text = ("- Cơ quan thực hiện: Sở Nội vụ chủ trì, phối hợp với Sở Lao động\n"
            "– Thương binh và Xã hội và Ủy ban nhân dân các huyện.")
    assert normalize(text).text == text.replace("\n", " ")
    bullets = "- Phát triển thị trường lao động\n- Thương mại điện tử."
    assert normalize(bullets).text == bullets


def test_normalize_an_abbreviation_a_wrap_left_alone_on_its_line_continues_the_paragraph() -> None:
    words = ("Sở Giáo dục và Đào tạo chủ trì, phối hợp với các sở, ngành và địa phương tổ chức triển khai "
             "thực hiện các nội dung của Chương trình trên địa bàn tỉnh. ") * 12
    lines = textwrap.wrap(words, 72)
    text = "\n".join(lines + ["e) Hằng năm, tổ chức kiểm tra, đánh giá và tổng hợp, báo cáo", "UBND",
                              "tỉnh và Bộ Giáo dục và Đào tạo.", "g) Thực hiện chế độ báo cáo."])
    clean = normalize(text).text
    assert "\ne) Hằng năm, tổ chức kiểm tra, đánh giá và tổng hợp, báo cáo Ủy ban nhân dân tỉnh và Bộ Giáo dục và Đào tạo.\n" in clean


def test_normalize_a_month_and_year_broken_from_their_month_word_go_on_its_paragraph() -> None:
    text = ("IV. TỔ CHỨC THỰC HIỆN\n1. Các cơ quan, đơn vị xây dựng Kế hoạch triển khai xong trong tháng\n\n"
            "12/2025. Định kỳ báo cáo kết quả hằng năm.\n2. Sở Tư pháp theo dõi.")
    assert normalize(text).text.split("\n")[1] == ("1. Các cơ quan, đơn vị xây dựng Kế hoạch triển khai xong trong "
                                                   "tháng 12/2025. Định kỳ báo cáo kết quả hằng năm.")


def test_normalize_a_date_broken_after_its_month_word_is_one_line() -> None:
    text = ("Căn cứ Quyết định số 31/2009/QĐ-TTg ngày 24 tháng\n02 năm 2009 của Thủ tướng Chính phủ;\n"
            "Căn cứ Luật Ban hành văn bản quy phạm pháp luật;\n")
    assert "ngày 24 tháng 02 năm 2009 của Thủ tướng Chính phủ;\n" in normalize(text).text


def test_normalize_a_dash_inside_a_quoted_name_broken_onto_a_new_line_is_no_bullet() -> None:
    text = ("- Hằng năm, tham mưu tổ chức thực hiện tốt cao điểm tấn công trấn áp tội phạm ma túy hưởng ứng “Tháng "
            "hành động phòng, chống ma túy\n- Tháng 6” và các đợt cao điểm khác.\n- Tổ chức phong trào “Toàn dân”.\n")
    assert normalize(text).text.split("\n")[:2] == [
        "- Hằng năm, tham mưu tổ chức thực hiện tốt cao điểm tấn công trấn áp tội phạm ma túy hưởng ứng “Tháng "
        "hành động phòng, chống ma túy - Tháng 6” và các đợt cao điểm khác.", "- Tổ chức phong trào “Toàn dân”."]


def test_normalize_a_paragraph_broken_after_a_comma_goes_on_after_the_blank_line() -> None:
    text = "- Các xã vận động Hội Phụ nữ, Hội Cựu chiến binh,\n\nĐoàn Thanh niên giúp đỡ các hộ.\n\n- Làm việc khác."
    assert normalize(text).text.split("\n") == [
        "- Các xã vận động Hội Phụ nữ, Hội Cựu chiến binh, Đoàn Thanh niên giúp đỡ các hộ.", "- Làm việc khác."]


def test_normalize_a_number_a_wrap_left_at_a_blocks_line_start_goes_on_the_paragraph() -> None:
    filler = textwrap.fill("- Rà soát, cập nhật cơ sở dữ liệu về thư viện trên địa bàn tỉnh và báo cáo kết quả "
                           "thực hiện định kỳ theo quy định của Ủy ban nhân dân tỉnh.", 60)
    wrapped = ("- Giai đoạn khẩn cấp: Tổ chức lực lượng tiếp cận các vùng ngập,\n"
               "ưu tiên các địa bàn chia cắt nhiều ngày liền theo cấp độ\n"
               "1. Cấp ngay mì tôm, lương khô, nước uống cho các hộ dân.")
    lines = normalize("\n\n".join([wrapped, "2. Nhu cầu hỗ trợ"] + [filler] * 12)).text.split("\n")
    assert lines[:2] == [wrapped.replace("\n", " "), "2. Nhu cầu hỗ trợ"]


def test_normalize_expands_the_zones_a_plan_abbreviates() -> None:
    text = normalize("Chủ đầu tư hạ tầng KCN, các CCN và KCNC phối hợp với Ban Quản lý KKT; Công văn số 5/KCN-QL").text
    assert text == ("Chủ đầu tư hạ tầng Khu công nghiệp, các cụm công nghiệp và Khu công nghệ cao phối hợp với Ban Quản "
                    "lý Khu kinh tế; Công văn số 5/KCN-QL")


def test_normalize_a_part_whose_numeral_an_ocr_misread_opens_a_paragraph_after_a_full_line() -> None:
    full = "vụ của các sở, ngành và các xã ven biển, đảm bảo thiết thực, hiệu quả, bền vững."
    assert continues(full, "Phát triển du lịch biển theo quy hoạch.", len(full))  # justified text breaks anywhere
    assert not continues(full, "Il. NỘI DUNG", len(full))
    assert not continues(full, "IIl. TỔ CHỨC THỰC HIỆN", len(full))


def test_normalize_a_line_never_ends_on_a_dash() -> None:
    assert continues("Số: 55/KH-UBND | Bà Rịa -", "Vũng Tàu, ngày 17 tháng 4 năm 2023", 80, True)
    assert continues("Kế hoạch phát triển du lịch giai đoạn 2026 -", "2030 trên địa bàn tỉnh.", 80, True)
    assert not continues("Kế hoạch phát triển du lịch -", "- Tổ chức hội nghị.", 80, True)


def test_normalize_a_tables_rows_do_not_widen_the_width_its_prose_was_wrapped_at() -> None:
    item = "- Tổ chức khảo sát, đánh giá hiện trạng tài nguyên du lịch và hạ tầng kỹ thuật tại các xã, phường."
    prose = "\n".join(textwrap.wrap(item, 60) * 12)
    wrapped = "- Khuyến khích thành lập hợp tác xã du lịch tại các địa bàn như Kim\nLong, Thủy Xuân, Đan Điền."
    row = "| " + " | ".join(["Sở Du lịch chủ trì thực hiện"] * 4) + " |"
    table = "\n".join([row, "| --- | --- | --- | --- |", *[row] * 40])
    clean = normalize(f"{prose}\n{wrapped}\n\n{table}\n").text
    assert "như Kim Long, Thủy Xuân" in clean  # as long as the prose's lines: full, however wide the rows


def test_normalize_a_run_in_page_number_before_a_unit_is_dropped() -> None:
    text = ("Kế hoạch như sau: I. NHIỆM VỤ 1. Tuyên truyền. 2. Đào tạo nhân lực du lịch. 8 3. Giải pháp ứng dụng công "
            "nghệ số - Xây dựng hệ thống quản trị. 4. Kiểm tra đạt 100%. 5. Đánh giá.")
    assert normalize(text).text.split("\n") == [
        "Kế hoạch như sau:", "I. NHIỆM VỤ", "1. Tuyên truyền.", "2. Đào tạo nhân lực du lịch.",
        "3. Giải pháp ứng dụng công nghệ số", "- Xây dựng hệ thống quản trị.", "4. Kiểm tra đạt 100%.", "5. Đánh giá."]


def test_normalize_a_run_in_page_number_before_a_bullet_is_dropped() -> None:
    text = ("Kế hoạch như sau: IV. TỔ CHỨC THỰC HIỆN 1. Sở Du lịch - Chủ trì tổ chức thực hiện Kế hoạch. 2. Sở Khoa "
            "học và Công nghệ - Phối hợp xây dựng hệ thống Wifi tại các khu du lịch. 14 - Phối hợp với Sở Du lịch xây "
            "dựng cơ sở dữ liệu du lịch số. 3. Sở Tài chính - Bố trí kinh phí. 10 - 12 xã được hỗ trợ.")
    assert normalize(text).text.split("\n") == [
        "Kế hoạch như sau:", "IV. TỔ CHỨC THỰC HIỆN", "1. Sở Du lịch", "- Chủ trì tổ chức thực hiện Kế hoạch.",
        "2. Sở Khoa học và Công nghệ", "- Phối hợp xây dựng hệ thống Wifi tại các khu du lịch.",
        "- Phối hợp với Sở Du lịch xây dựng cơ sở dữ liệu du lịch số.", "3. Sở Tài chính",
        "- Bố trí kinh phí. 10 - 12 xã được hỗ trợ."]


def test_normalize_a_dash_alone_before_a_line_in_lower_case_reads_the_same_twice() -> None:
    for text in ("a\r-\ra", "Nội dung\n-\nthực hiện kế hoạch"):
        once = normalize(text).text
        assert normalize(once).text == once


def test_normalize_a_run_in_heading_naming_bodies_lets_the_duty_opening_with_a_verb_go() -> None:
    text = ("Kế hoạch như sau: I. MỤC ĐÍCH 1. Mục đích - Phát triển du lịch. - Bảo đảm an toàn. II. TỔ CHỨC THỰC "
            "HIỆN 1. Đài Phát thanh - Truyền hình tỉnh; Báo Điện Biên Phủ và "
            "Cổng thông tin điện tử tổng hợp Xây dựng tin, bài tuyên truyền. 2. Trung tâm Kiểm soát bệnh tật tỉnh "
            "chủ trì giám sát dịch bệnh. 3. Ban Chỉ đạo tỉnh theo dõi, đôn đốc.")
    assert normalize(text).text.split("\n")[-4:] == [
        "1. Đài Phát thanh - Truyền hình tỉnh; Báo Điện Biên Phủ và Cổng thông tin điện tử tổng hợp",
        "Xây dựng tin, bài tuyên truyền.",
        "2. Trung tâm Kiểm soát bệnh tật tỉnh chủ trì giám sát dịch bệnh.",  # a name's own capitals stay
        "3. Ban Chỉ đạo tỉnh theo dõi, đôn đốc."]


def test_normalize_reference_province_names_place_tone_marks_as_clean_texts_do() -> None:
    from plangraph.extract.reference import provinces
    names = {p.name for p in provinces()}
    assert "Hòa Bình" in names
    assert [name for name in sorted(names) if normalize(name).text != name] == []


def test_normalize_a_line_opening_with_a_dash_the_bullets_are_not_drawn_with_goes_on() -> None:
    item = textwrap.fill("- Xây dựng mô hình du lịch cộng đồng tại các xã ven biển, gắn với bảo tồn cảnh quan, "
                         "văn hóa làng chài và sinh kế của người dân địa phương.", 80)
    wrapped = ("- Xây dựng cơ sở dữ liệu và bản đồ số các điểm du lịch theo bốn cụm không gian\n"
               "phát triển du lịch gồm: (1) Vùng Di sản; (4) Vùng Nông nghiệp sinh thái – Làng quê\n"
               "– Trải nghiệm OCOP; nhằm phục vụ công tác quản lý, quy hoạch và kết nối tour\n"
               "tuyến du lịch của thành phố.\n")
    text = "1. Nhiệm vụ\n" + "\n".join([item] * 12) + "\n" + wrapped
    assert "Làng quê – Trải nghiệm OCOP; nhằm phục vụ" in normalize(text).text
    dashed = text.replace("\n- ", "\n– ")  # where the bullets are drawn with en dashes, each is one
    assert "\n– Trải nghiệm OCOP" in normalize(dashed).text
