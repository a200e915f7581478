"""Outline, plan metadata, agencies, roles and deadlines on small made-up plans."""
from __future__ import annotations

import spacy
from rdflib import RDFS, URIRef

from plangraph.extract.agencies import list_at, mentions, tokenizer
from plangraph.extract.deadlines import find_deadlines
from plangraph.extract.facts import Task
from plangraph.extract.metadata import extract_plan
from plangraph.extract.normalize import normalize
from plangraph.extract.outline import outline
from plangraph.extract.pipeline import process_text
from plangraph.extract.tasks import find_tasks

PLAN = """Số: 45/KH-UBND
Nghệ An, ngày 3 tháng 4 năm 2024
KẾ HOẠCH
Triển khai Chương trình “Phát triển văn hóa đọc đến năm 2030” trên địa bàn tỉnh Nghệ An
Căn cứ Quyết định số 329/QĐ-TTg ngày 15/3/2017 của Thủ tướng Chính phủ phê duyệt Chương trình “Phát triển văn hóa đọc đến năm 2030”;
Căn cứ Nghị định số 93/2020/NĐ-CP ngày 18/8/2020 của Chính phủ.
I. MỤC TIÊU
1. Giai đoạn 2024 - 2025
II. NHIỆM VỤ
1. Tuyên truyền
- Đẩy mạnh tuyên truyền về văn hóa đọc.
III. TỔ CHỨC THỰC HIỆN
1. Sở Nội vụ
- Chủ trì, phối hợp với Sở Tài chính và các đơn vị liên quan rà soát biên chế.
- Phối hợp với Sở Y tế tổ chức tập huấn.
- Chỉ đạo các trường phối hợp với Sở Giáo dục và Đào tạo tổ chức hội thi.
2. Sở Văn hóa và Thể thao: Định kỳ hằng năm báo cáo UBND tỉnh trước ngày 15/12; tổ chức sơ kết vào năm 2027.
3. Các sở, ban, ngành
- Căn cứ Kế hoạch này, Ủy ban nhân dân các huyện, thị xã xây dựng kế hoạch cụ thể.
Trên đây là Kế hoạch. Yêu cầu Thủ trưởng các cơ quan, đơn vị có liên quan thực hiện./.
TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Nguyễn Văn An
"""


def _tasks() -> list[Task]:
    return list(find_tasks(outline(normalize(PLAN).text)))


def test_outline_paths_items_and_closing_paragraph() -> None:
    root = outline(normalize(PLAN).text)
    paths = {s.path: len(s.items) for s in root.walk() if s.path}
    assert paths == {"I": 0, "I.1": 0, "II": 0, "II.1": 1, "III": 1, "III.1": 3, "III.2": 1, "III.3": 1}
    assert root.walk()[-2].title == "Sở Văn hóa và Thể thao"  # "Label: body" heading split


def test_metadata_of_a_numbered_plan() -> None:
    text = normalize(PLAN).text
    info = extract_plan(text, [s.title for s in outline(text).walk() if s.path])
    assert (info.number, info.issued, info.year, info.province) == ("45/KH-UBND", "2024-04-03", 2024, "Nghệ An")
    assert info.issuer == "Ủy ban nhân dân tỉnh Nghệ An"
    assert (info.signer_name, info.signer_position) == ("Nguyễn Văn An", "Phó Chủ tịch")
    # the title's "đến năm 2030" is the end; the objective heading gives the start
    assert (info.period_start, info.period_end, info.horizon) == (2024, 2030, None)
    relations = {c.number: c.relation for c in info.citations}
    assert relations == {"329/QĐ-TTg": "implements", "93/2020/NĐ-CP": "cites"}
    cited = {c.number: (c.doc_type, c.date, c.issuer) for c in info.citations}
    assert cited["93/2020/NĐ-CP"] == ("Nghị định", "2020-08-18", "Chính phủ")


def test_agencies_keep_different_departments_apart() -> None:
    names = [m.agency.name for m in mentions("Sở Văn hóa và Thể thao, Sở Văn hóa, Thể thao và Du lịch")]
    assert names == ["Sở Văn hóa và Thể thao", "Sở Văn hóa, Thể thao và Du lịch"]


def test_agencies_commas_inside_a_name_do_not_split_it() -> None:
    listed = list_at(normalize("UBND các huyện, thành phố, thị xã và các sở, ban, ngành liên quan").text, 0)
    assert [m.agency.name for m in listed] == ["Ủy ban nhân dân các huyện, thành phố, thị xã",
                                               "các sở, ban, ngành liên quan"]
    assert listed[1].agency.vague and not listed[0].agency.vague


def test_agencies_distributive_list_names_each_department() -> None:
    text = "phối hợp với các Sở: Nội vụ, Tư pháp, Giáo dục và Đào tạo triển khai"
    names = [m.agency.name for m in mentions(text)]
    assert names == ["Sở Nội vụ", "Sở Tư pháp", "Sở Giáo dục và Đào tạo"]


def test_agencies_tokenizer_is_pinned() -> None:
    assert spacy.__version__.startswith("3.")
    assert [t.text for t in tokenizer()("chủ trì, phối hợp")] == ["chủ", "trì", ",", "phối", "hợp"]


def test_roles_heading_lead_coordinators_and_the_opening_phoi_hop_voi() -> None:
    by_text = {t.text[:12]: t for t in _tasks()}
    first = by_text["Chủ trì, phố"]
    assert [a.name for a in first.leads] == ["Sở Nội vụ"]
    assert [a.name for a in first.coordinators] == ["Sở Tài chính", "các đơn vị liên quan"]
    swapped = by_text["Phối hợp với"]
    assert [a.name for a in swapped.leads] == ["Sở Y tế"]
    assert [a.name for a in swapped.coordinators] == ["Sở Nội vụ"]
    directed = by_text["Chỉ đạo các "]
    assert [a.name for a in directed.leads] == ["Sở Nội vụ"] and directed.coordinators == ()


def test_roles_a_named_doer_overrides_the_heading_and_closings_ask_agencies() -> None:
    by_section = {}
    for task in _tasks():
        by_section.setdefault(task.section, []).append(task)
    assert [a.name for a in by_section["III.3"][0].leads] == ["Ủy ban nhân dân các huyện, thị xã"]
    closing = by_section["III"][0]
    assert closing.text.startswith("Trên đây là") and [a.name for a in closing.leads] == [
        "các cơ quan, đơn vị có liên quan"]
    assert [a.name for a in by_section["III.2"][0].leads] == ["Sở Văn hóa và Thể thao"]
    assert "II.1" in by_section and by_section["II.1"][0].leads == ()


def test_deadlines_annual_day_and_review_year() -> None:
    found = {(d.date, d.recurrence) for d in find_deadlines(tuple(_tasks()))}
    assert found == {("--12-15", "annual"), ("2027", None)}
    report = next(d for d in find_deadlines(tuple(_tasks())) if d.date == "--12-15")
    assert report.to is not None and report.to.name == "Ủy ban nhân dân tỉnh"
    assert [a.name for a in report.who] == ["Sở Văn hóa và Thể thao"]


def test_outline_accepts_sentence_case_parts_and_arabic_top_level_parts() -> None:
    sentence_case = outline("I. Mục đích, yêu cầu\n1. Mục đích\n- Làm rõ.\nII. Tổ chức thực hiện\n1. Sở Y tế\n- Rà soát.")
    assert [s.path for s in sentence_case.walk() if s.path] == ["I", "I.1", "II", "II.1"]
    arabic = outline("1. Mục đích\n- Làm rõ.\n2. Nhiệm vụ\n- Rà soát.\n3. Tổ chức thực hiện\n- Sở Y tế chủ trì.")
    from plangraph.extract.outline import has_plan_structure
    assert has_plan_structure(arabic) and [s.path for s in arabic.children] == ["1", "2", "3"]
    tasks = find_tasks(arabic)
    assert [(t.section, t.text) for t in tasks] == [("2", "Rà soát."), ("3", "Sở Y tế chủ trì.")]
    assert [a.name for a in tasks[1].leads] == ["Sở Y tế"]
    assert not has_plan_structure(outline("Xin chào.\n1. Một ý.\nHết."))


OTHER_LAYOUT = """ỦY BAN NHÂN DÂN TỈNH ĐỒNG NAI
Số: 77/KH-UBND Đồng Nai, ngày 05 tháng 01 năm 2024
KẾ HOẠCH
Thực hiện Đề án phát triển văn hóa đọc
Giai đoạn 2024 - 2026 trên địa bàn tỉnh
Nhằm cụ thể hóa Đề án, Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:
I- MỤC TIÊU
1.1 Mục tiêu chung
II- TỔ CHỨC THỰC HIỆN
1. Sở Văn hóa, Thể thao và Du lịch:
- Chủ trì, phối hợp với Sở Tài chính triển khai Kế hoạch.
TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
(Đã ký)
Trần Thị Bình
"""


def test_other_layouts_number_and_date_on_one_line_title_on_two_lines_signed_note() -> None:
    text = normalize(OTHER_LAYOUT).text
    root = outline(text)
    assert [s.path for s in root.walk() if s.path] == ["I", "I.1.1", "II", "II.1"]
    info = extract_plan(text, [s.title for s in root.walk() if s.path])
    assert (info.number, info.issued, info.province) == ("77/KH-UBND", "2024-01-05", "Đồng Nai")
    assert info.title == "Thực hiện Đề án phát triển văn hóa đọc Giai đoạn 2024 - 2026 trên địa bàn tỉnh"
    assert (info.period_start, info.period_end) == (2024, 2026)
    assert (info.signer_name, info.signer_position) == ("Trần Thị Bình", "Phó Chủ tịch")
    task = find_tasks(root)[0]
    assert task.section == "II.1" and [a.name for a in task.leads] == ["Sở Văn hóa, Thể thao và Du lịch"]
    assert [a.name for a in task.coordinators] == ["Sở Tài chính"]


def test_a_citation_date_far_from_the_top_is_not_the_plan_date() -> None:
    body = "KẾ HOẠCH\nThử nghiệm\n" + "Căn cứ nội dung dài.\n" * 100 + \
           "Căn cứ Luật Thư viện, ngày 21 tháng 11 năm 2019;\nI. MỤC TIÊU\n"
    info = extract_plan(body, [])
    assert info.year is None and info.issued is None


def test_outline_appendix_is_its_own_part_and_thousands_are_not_headings() -> None:
    root = outline("V. TỔ CHỨC THỰC HIỆN\n1. Sở Tài chính\n- Bố trí kinh phí.\nPHỤ LỤC 02\nBẢNG CHỈ TIÊU\n72.000\nMẫu biểu số 03")
    assert [s.path for s in root.walk()] == ["", "V", "V.1", "PL.02", "PL.03"]
    assert [item.text for item in root.children[1].items] == ["BẢNG CHỈ TIÊU", "72.000"]


def test_outline_an_attachment_note_after_the_signature_opens_an_appendix() -> None:
    body = ("V. TỔ CHỨC THỰC HIỆN\n1. Sở Du lịch\n- Theo dõi thực hiện.\nNơi nhận:\n- Lưu: VT.\n"
            "DANH MỤC NHIỆM VỤ PHÁT TRIỂN DU LỊCH\n(Kèm theo Kế hoạch số 188/KH-UBND ngày 02/4/2026)\n"
            "Nâng cấp hạ tầng du lịch Sở Xây dựng 2026\n")
    root = outline(body)
    assert [s.path for s in root.walk()] == ["", "V", "V.1", "PL"]
    assert [item.text for item in root.children[0].children[0].items] == ["Theo dõi thực hiện."]
    # a decision's plan after the decision's signature is no appendix
    assert "PL" not in [s.path for s in outline(body.replace("Kế hoạch số 188/KH", "Quyết định số 18/QĐ")).walk()]


def test_agencies_groups_without_cac_places_after_names_and_dashes() -> None:
    names = [m.agency.name for m in mentions(normalize(
        "Chủ trì, phối hợp với sở, ban, ngành và cơ quan, đơn vị có liên quan; Báo và Phát thanh, Truyền hình "
        "Quảng Trị; Sở Lao động – Thương binh và Xã hội; các sở, ban, ngành và địa phương").text)]
    assert names == ["sở, ban, ngành", "cơ quan, đơn vị có liên quan", "Báo và Phát thanh, Truyền hình Quảng Trị",
                     "Sở Lao động - Thương binh và Xã hội", "các sở, ban, ngành và địa phương"]


def test_agencies_sectors_and_forces_named_by_what_they_do() -> None:
    names = [m.agency.name for m in mentions("Phối hợp với lực lượng Công an và ngành Thuế, các ngành chức năng")]
    assert names == ["lực lượng Công an", "ngành Thuế", "các ngành chức năng"]


def test_graph_one_agency_spelled_two_ways_has_one_label() -> None:
    text = PLAN.replace("3. Các sở, ban, ngành\n", "3. Sở Lao động - Thương binh và Xã hội\n- Tham mưu chính sách.\n"
                        "4. Các sở, ban, ngành\n- Phối hợp với Sở Lao động, Thương binh và Xã hội kiểm tra.\n")
    graph = process_text(text, "plan.txt", "0" * 64).graph
    labour = [node for node in set(graph.subjects()) if isinstance(node, URIRef)
              and str(node).endswith("/so-lao-dong-thuong-binh-va-xa-hoi")]
    assert len(labour) == 1
    assert [str(label) for label in graph.objects(labour[0], RDFS.label)] == ["Sở Lao động - Thương binh và Xã hội"]


def test_graph_committees_of_several_levels_listed_in_another_order_are_one_agency() -> None:
    text = PLAN.replace("3. Các sở, ban, ngành\n", "3. Ủy ban nhân dân phường, xã, đặc khu\n- Rà soát hồ sơ.\n"
                        "4. Các sở, ban, ngành\n- Phối hợp với Ủy ban nhân dân xã, phường, đặc khu kiểm tra.\n")
    graph = process_text(text, "plan.txt", "0" * 64).graph
    committees = {node for node in set(graph.subjects()) if isinstance(node, URIRef) and "/org/" in str(node)
                  and any("phường" in str(label) for label in graph.objects(node, RDFS.label))}
    assert len(committees) == 1
    assert [str(label) for label in graph.objects(committees.pop(), RDFS.label)] == [
        "Ủy ban nhân dân phường, xã, đặc khu"]


def test_graph_an_agency_spelled_two_ways_is_labelled_as_its_tasks_name_it_most() -> None:
    text = PLAN.replace("3. Các sở, ban, ngành\n", "3. Ủy ban nhân dân phường, xã, đặc khu\n- Rà soát hồ sơ.\n"
                        "4. Các sở, ban, ngành\n- Phối hợp với Ủy ban nhân dân xã, phường, đặc khu kiểm tra.\n"
                        "- Phối hợp với Ủy ban nhân dân xã, phường, đặc khu báo cáo.\n")
    graph = process_text(text, "plan.txt", "0" * 64).graph
    labels = {str(label) for node in set(graph.subjects()) if isinstance(node, URIRef) and "/org/" in str(node)
              for label in graph.objects(node, RDFS.label) if "phường" in str(label)}
    assert labels == {"Ủy ban nhân dân xã, phường, đặc khu"}


def test_agencies_groups_keep_what_kind_of_body_they_are() -> None:
    names = [m.agency.name for m in mentions(
        "Phối hợp với các cơ quan chuyên môn có liên quan; các cơ quan quản lý cấp trên; các cơ quan Trung ương")]
    assert names == ["các cơ quan chuyên môn có liên quan", "các cơ quan quản lý cấp trên", "các cơ quan trung ương"]


def test_agencies_a_citys_border_guard_command_and_the_fronts_member_organisations() -> None:
    names = [m.agency.name for m in mentions("Ban Chỉ huy Bộ đội Biên phòng thành phố phối hợp với Ủy ban Mặt trận Tổ "
                                             "quốc Việt Nam thành phố và các tổ chức thành viên")]
    assert names == ["Ban Chỉ huy Bộ đội Biên phòng thành phố", "Ủy ban Mặt trận Tổ quốc Việt Nam thành phố",
                     "các tổ chức thành viên"]
