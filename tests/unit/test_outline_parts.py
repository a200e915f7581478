"""Part and chapter headings, "1/" numbering, and decision articles that list the bodies responsible."""
from __future__ import annotations

from plangraph.extract.normalize import normalize
from plangraph.extract.outline import outline
from plangraph.extract.tasks import find_tasks


def test_outline_part_headings_are_roman_parts() -> None:
    text = ("PHẦN THỨ NHẤT\nĐÁNH GIÁ CHUNG\n- Đã làm A.\nPhần II. NHIỆM VỤ\n1/ Làm việc B.\n"
            "Chương III. TỔ CHỨC THỰC HIỆN\nPHẦN THỨ TƯ: KINH PHÍ")
    paths = [(s.path, s.kind, s.title) for s in outline(text).walk()][1:]
    assert paths == [("I", "roman", "ĐÁNH GIÁ CHUNG"), ("II", "roman", "NHIỆM VỤ"),
                     ("II.1", "number", "Làm việc B."), ("III", "roman", "TỔ CHỨC THỰC HIỆN"),
                     ("IV", "roman", "KINH PHÍ")]


def test_outline_slash_numbering_is_arabic_but_dates_and_fractions_are_not() -> None:
    text = "I. NHIỆM VỤ\n1/ Làm việc A.\n1/2025 là năm đầu.\n1/3 số xã đạt.\n2/ Làm việc B.\nPhần mềm được nâng cấp."
    root = outline(text)
    assert [s.path for s in root.walk()][1:] == ["I", "I.1", "I.2"]
    assert [i.text for i in root.children[0].children[0].items] == ["1/2025 là năm đầu.", "1/3 số xã đạt."]
    assert [i.text for i in root.children[0].children[1].items] == ["Phần mềm được nâng cấp."]


def test_outline_part_word_that_is_not_an_ordinal_is_no_heading() -> None:
    root = outline("I. NỘI DUNG\nPhần thứ yếu được bỏ qua.")
    assert [s.path for s in root.walk()][1:] == ["I"]


def test_tasks_article_listing_bodies_gives_one_task_per_body() -> None:
    text = ("Điều 1. Ban hành kèm theo Quyết định này Kế hoạch làm việc X.\n"
            "Điều 2. Các cơ quan, đơn vị sau đây chịu trách nhiệm tổ chức thực hiện Kế hoạch:\n"
            "1. Sở Nội vụ – chủ trì, theo dõi việc thực hiện.\n"
            "2. Sở Tài chính bố trí kinh phí.\n"
            "Điều 3. Quyết định này có hiệu lực kể từ ngày ký.")
    tasks = find_tasks(outline(text))
    assert [(t.section, [a.name for a in t.leads]) for t in tasks] == [
        ("Điều 2.1", ["Sở Nội vụ"]), ("Điều 2.2", ["Sở Tài chính"])]


def test_tasks_article_listing_bodies_with_bullets_under_each() -> None:
    text = ("Điều 2. Các đơn vị dưới đây có trách nhiệm thực hiện:\n"
            "1. Sở Y tế:\n- Hướng dẫn việc A.\n- Kiểm tra việc B.\n2. Sở Công Thương theo dõi việc C.")
    tasks = find_tasks(outline(text))
    assert [(t.section, [a.name for a in t.leads]) for t in tasks] == [
        ("Điều 2.1", ["Sở Y tế"]), ("Điều 2.1", ["Sở Y tế"]), ("Điều 2.2", ["Sở Công Thương"])]


def test_agencies_group_pointing_to_a_list_below_is_no_agency() -> None:
    from plangraph.extract.agencies import mentions
    assert not [m for m in mentions("Các cơ quan, đơn vị sau đây phối hợp thực hiện:") if m.agency.vague]
    assert [m.agency.name for m in mentions("Các cơ quan, đơn vị liên quan phối hợp thực hiện.")] == [
        "các cơ quan, đơn vị liên quan"]


def test_outline_parts_of_a_text_with_roman_parts_leave_the_roman_paths() -> None:
    text = ("PHẦN I. KẾT QUẢ\nI. VỀ CÔNG TÁC CHỈ ĐẠO\n1. Chỉ đạo chung\n- Đã làm A.\n"
            "PHẦN II. NHIỆM VỤ\nII. NHIỆM VỤ TRỌNG TÂM\n1. Làm việc B\n- Làm C.")
    paths = [(s.path, s.title) for s in outline(text).walk()][1:]
    assert paths == [("I", "VỀ CÔNG TÁC CHỈ ĐẠO"), ("I.1", "Chỉ đạo chung"),
                     ("II", "NHIỆM VỤ TRỌNG TÂM"), ("II.1", "Làm việc B")]


def test_outline_signature_and_recipients_set_out_as_markdown_rows_are_no_items() -> None:
    text = ("I. NHIỆM VỤ\n- Sở Y tế chủ trì kiểm tra.\n| Nơi nhận: - Bộ Y tế; - Lưu: VT. | TM. ỦY BAN NHÂN DÂN "
            "KT. CHỦ TỊCH PHÓ CHỦ TỊCH Lê Văn A |\n|---|---|\n")
    (part,) = [s for s in outline(text).walk() if s.path == "I"]
    assert [item.text for item in part.items] == ["Sở Y tế chủ trì kiểm tra."]


def test_outline_dotted_numbers_without_a_roman_part_write_their_own_path() -> None:
    text = "1. Mục tiêu chung\nDuy trì.\n2. Mục tiêu cụ thể\n2.1. Về chăm sóc\n- Làm A.\n2.1.1. Về y tế\n- Làm B."
    assert [s.path for s in outline(text).walk()] == ["", "1", "2", "2.1", "2.1.1"]
    text = "I. MỤC TIÊU\n2. Mục tiêu cụ thể\n2.1. Về chăm sóc\n- Làm A.\n2.1.1. Về y tế\n- Làm B."
    assert [s.path for s in outline(text).walk()] == ["", "I", "I.2", "I.2.1", "I.2.1.1"]


def test_outline_letter_items_written_with_their_numbered_path() -> None:
    text = ("II. NỘI DUNG THỰC HIỆN\n2. Trình tự thực hiện\n2.1. Bước 1:\n2.1.a. Thành lập Ban Chỉ đạo:\n"
            "Ủy ban nhân dân các xã thành lập Ban Chỉ đạo.\n2.1.b. Hướng dẫn hồ sơ:\nCác thôn hướng dẫn làm đơn.")
    assert [(s.path, s.kind) for s in outline(text).walk()][1:] == [
        ("II", "roman"), ("II.2", "number"), ("II.2.1", "number"), ("II.2.1.a", "letter"), ("II.2.1.b", "letter")]


def test_outline_the_next_part_titled_short_with_a_full_stop() -> None:
    text = ("I. MỤC TIÊU\n- Quan trắc môi trường.\nII. NỘI DUNG\n- Lấy mẫu nước.\n"
            "III. Tổ chức thực hiện.\n1. Sở Nông nghiệp và Môi trường:\n- Chủ trì thực hiện.\n"
            "IV. Kinh phí thực hiện được bố trí từ ngân sách tỉnh theo quy định hiện hành.")
    assert [s.path for s in outline(text).walk() if s.kind == "roman"] == ["I", "II", "III"]


def test_outline_a_long_heading_whose_colon_opens_a_lower_case_list_is_one_sentence() -> None:
    root = outline("III. NHIỆM VỤ\n1. Kỹ năng số\na) Ứng dụng khung kỹ năng số quốc gia theo từng nhóm đối tượng: "
                   "người dân; công chức, viên chức; người lao động.\nb) Sở Tài chính: chủ trì bố trí kinh phí.")
    (part,) = root.children
    (number,) = part.children
    assert [(s.title, [i.text for i in s.items]) for s in number.children] == [
        ("Ứng dụng khung kỹ năng số quốc gia theo từng nhóm đối tượng: người dân; công chức, viên chức; "
         "người lao động.", []),
        ("Sở Tài chính", ["chủ trì bố trí kinh phí."])]


def test_outline_a_short_label_whose_colon_goes_on_in_lower_case_is_one_sentence() -> None:
    root = outline(normalize("III. NHIỆM VỤ\n1. Giải pháp\na) Đẩy mạnh hợp tác công - tư:\nđặt hàng doanh nghiệp "
                             "phát triển nền tảng số.\nb) Tuyên truyền: tổ chức hội nghị.\nc) Giao Sở Tư pháp: a. Chủ trì "
                             "rà soát.").text)
    (part,) = root.children
    (number,) = part.children
    assert [(s.title, [i.text for i in s.items]) for s in number.children] == [
        ("Đẩy mạnh hợp tác công - tư: đặt hàng doanh nghiệp phát triển nền tảng số.", []),
        ("Tuyên truyền", ["tổ chức hội nghị."]),
        ("Giao Sở Tư pháp", ["a. Chủ trì rà soát."])]


def test_outline_the_next_part_titled_long_in_sentence_case_keeps_the_parts_after_it() -> None:
    text = ("I. Mục tiêu\n- Tăng xuất khẩu.\nII. Chỉ tiêu\n- Đạt 400 triệu USD.\n"
            "III. Giải pháp thực hiện kế hoạch xuất khẩu sản phẩm hàng hóa của tỉnh trong giai đoạn từ năm 2021 đến "
            "năm 2025\n1. Xây dựng vùng nguyên liệu.\nIV. Kinh phí\n- Ngân sách tỉnh.\nV. Tổ chức thực hiện\n"
            "1. Sở Công Thương chủ trì.\n2. Một câu dài không phải là phần nào của kế hoạch vì nó là một mục được đánh số "
            "bằng chữ số Ả Rập mà thôi")
    assert [s.path for s in outline(text).walk() if s.kind == "roman"] == ["I", "II", "III", "IV", "V"]


def test_outline_a_roman_numeral_an_ocr_misread_is_still_the_part() -> None:
    for misread in ("Ill", "II1", "lII"):
        text = (f"I. MỤC TIÊU\n- Tăng xuất khẩu.\nII. CHỈ TIÊU\n- Đạt 400 triệu USD.\n{misread}. NHIỆM VỤ\n"
                "1. Xây dựng vùng nguyên liệu.\nIV. TỔ CHỨC THỰC HIỆN\n1. Sở Công Thương chủ trì.")
        assert [s.path for s in outline(text).walk() if s.kind == "roman"] == ["I", "II", "III", "IV"], misread


def test_outline_a_part_in_capitals_after_one_that_could_not_be_read_is_a_part() -> None:
    text = ("I. MỤC TIÊU\n- Tăng xuất khẩu.\nII. CHỈ TIÊU\n- Đạt 400 triệu USD.\nI I I. NHIỆM VỤ\n"
            "1. Xây dựng vùng nguyên liệu.\nIV. TỔ CHỨC THỰC HIỆN\n1. Sở Công Thương chủ trì.\nVI. Một dòng khác")
    assert [s.path for s in outline(text).walk() if s.kind == "roman"] == ["I", "II", "IV"]


def test_outline_an_item_numbered_i_inside_a_part_is_an_ocr_s_one_not_a_new_part() -> None:
    text = ("I. MỤC TIÊU\n- Tăng xuất khẩu.\nII. NHIỆM VỤ\nI. Tuyên truyền, phổ biến kế hoạch.\n2. Kiểm tra, đánh giá.\n"
            "III. TỔ CHỨC THỰC HIỆN\n1. Sở Công Thương chủ trì.")
    sections = [(s.path, s.kind) for s in outline(text).walk()][1:]
    assert sections == [("I", "roman"), ("II", "roman"), ("II.1", "number"), ("II.2", "number"), ("III", "roman"),
                        ("III.1", "number")]


def test_outline_an_item_l_with_no_item_k_before_it_is_an_ocr_s_one() -> None:
    text = ("I. NHIỆM VỤ\nl. Tuyên truyền, phổ biến kế hoạch.\n2. Kiểm tra, đánh giá.\n"
            "II. GIẢI PHÁP\n1. Các nhóm giải pháp:\nk) Đào tạo cán bộ.\nl. Bồi dưỡng nghiệp vụ.")
    sections = [(s.path, s.kind) for s in outline(text).walk()][1:]
    assert sections == [("I", "roman"), ("I.1", "number"), ("I.2", "number"), ("II", "roman"), ("II.1", "number"),
                        ("II.1.k", "letter"), ("II.1.l", "letter")]


def test_outline_the_paragraphs_after_a_closing_formula_close_the_part_too() -> None:
    text = ("IV. TỔ CHỨC THỰC HIỆN\n16. Các tổ chức đoàn thể: Tuyên truyền, vận động người dân.\n"
            "Trên đây là Kế hoạch triển khai thực hiện Đề án. Ủy ban nhân dân thành phố yêu cầu các sở, ngành thực hiện.\n"
            "Báo cáo tình hình thực hiện gửi Sở Du lịch trước ngày 10/12 hằng năm.\nV. KINH PHÍ\n- Ngân sách thành phố.")
    items = {s.path: [i.text[:12] for i in s.items] for s in outline(text).walk() if s.path}
    assert items["IV"] == ["Trên đây là ", "Báo cáo tình"]
    assert items["IV.16"] == ["Tuyên truyền"] and items["V"] == ["Ngân sách th"]


def test_outline_an_appendix_whose_heading_captions_its_table_begins_there() -> None:
    from plangraph.extract.tables import find_tables, table_spans
    text = normalize("IV. TỔ CHỨC THỰC HIỆN\n1. Sở Du lịch\n- Chủ trì tổ chức thực hiện Kế hoạch.\n"
                     "Nơi nhận:\n- Lưu: VT.\nNguyễn Văn An\nPHỤ LỤC\nDanh mục các nhiệm vụ ưu tiên\n"
                     "| STT | Nội dung | Cơ quan chủ trì |\n| --- | --- | --- |\n| 1 | Xây dựng cơ chế | Sở Tài chính |\n"
                     "2 Kêu gọi đầu tư khách sạn Sở Du lịch 2025-2030\n").text
    root = outline(text, skip=table_spans(find_tables(text)))
    assert [s.path for s in root.walk() if s.path] == ["IV", "IV.1", "PL"]
    assert [len(s.items) for s in root.walk() if s.path][:2] == [0, 1]
