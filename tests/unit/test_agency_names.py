"""Bodies that no list names, read from their head noun (invented names, one of each kind of head)."""
from __future__ import annotations

import pytest

from plangraph.extract.agencies import list_at, mentions
from plangraph.extract.normalize import normalize
from plangraph.extract.outline import outline
from plangraph.extract.tasks import find_tasks


def _found(text: str) -> list[tuple[str, str | None]]:
    return [(m.agency.name, m.agency.kind) for m in mentions(normalize(text).text)]


@pytest.mark.parametrize(("text", "name", "kind"), [
    ("Sở Hải đảo - Thủy sản chủ trì thực hiện", "Sở Hải đảo - Thủy sản", "so"),
    ("giao Ban quản lý Khu bảo tồn Núi Mây tham mưu", "Ban quản lý Khu bảo tồn Núi Mây", "ban-quan-ly"),
    ("Trung tâm Điều phối cứu hộ tỉnh hướng dẫn", "Trung tâm Điều phối cứu hộ tỉnh", "trung-tam"),
    ("Chi cục Chăn nuôi và Thú y tổ chức", "Chi cục Chăn nuôi và Thú y", "chi-cuc"),
    ("Văn phòng Điều phối vùng cao tỉnh theo dõi", "Văn phòng Điều phối vùng cao tỉnh", "van-phong"),
    ("Hội Sinh vật cảnh tỉnh vận động", "Hội Sinh vật cảnh tỉnh", "hoi"),
    ("Liên đoàn Cầu lông tỉnh phối hợp", "Liên đoàn Cầu lông tỉnh", "lien-doan"),
    ("Đài Truyền thanh huyện Núi Mây đưa tin", "Đài Truyền thanh huyện Núi Mây", "dai"),
    ("Báo Tuổi trẻ Núi Mây đăng tải", "Báo Tuổi trẻ Núi Mây", "bao"),
    ("Bệnh viện Y học cổ truyền tỉnh tiếp nhận", "Bệnh viện Y học cổ truyền tỉnh", "benh-vien"),
    ("Trường Trung cấp Du lịch Núi Mây đào tạo", "Trường Trung cấp Du lịch Núi Mây", "truong"),
    ("Quỹ Hỗ trợ nông dân tỉnh cho vay", "Quỹ Hỗ trợ nông dân tỉnh", "quy"),
    ("Công ty Môi trường đô thị Núi Mây thu gom", "Công ty Môi trường đô thị Núi Mây", "cong-ty"),
    ("Kho bạc Dự trữ khu vực XV kiểm soát chi", "Kho bạc Dự trữ khu vực XV", "kho-bac"),
    ("Cục Hải quan Núi Mây kiểm tra", "Cục Hải quan Núi Mây", "cuc"),
    ("Bộ Chỉ huy Phòng thủ dân sự tỉnh chỉ đạo", "Bộ Chỉ huy Phòng thủ dân sự tỉnh", "bo-chi-huy"),
    ("Ban Điều phối vùng cao tỉnh tổng hợp", "Ban Điều phối vùng cao tỉnh", "ban"),
    ("Hội đồng Giáo dục quốc phòng tỉnh chỉ đạo", "Hội đồng Giáo dục quốc phòng tỉnh", "hoi-dong"),
    ("Ủy ban Bảo vệ trẻ em tỉnh giám sát", "Ủy ban Bảo vệ trẻ em tỉnh", "uy-ban"),
    ("báo cáo Bộ Năng lượng và Khoáng sản", "Bộ Năng lượng và Khoáng sản", "bo"),
    ("Viện Nghiên cứu Cây chè thực hiện", "Viện Nghiên cứu Cây chè", "vien"),
    ("Ngân hàng Thương mại Núi Mây cho vay", "Ngân hàng Thương mại Núi Mây", "ngan-hang"),
    ("Thanh tra Xây dựng tỉnh kiểm tra", "Thanh tra Xây dựng tỉnh", "thanh-tra"),
    ("Phòng Kinh tế - Hạ tầng huyện Núi Mây thẩm định", "Phòng Kinh tế - Hạ tầng huyện Núi Mây", "phong"),
    ("Hạt Kiểm lâm huyện Núi Mây tuần tra", "Hạt Kiểm lâm huyện Núi Mây", "hat"),
])
def test_agency_names_an_unlisted_body_gets_the_kind_of_its_head(text: str, name: str, kind: str) -> None:
    assert _found(text) == [(name, kind)]


@pytest.mark.parametrize("text", [
    "Trung tâm văn hóa xã được đầu tư", "Ban hành quy chế phối hợp", "Hội nghị sơ kết giữa kỳ",
    "Báo cáo kết quả thực hiện", "Cục bộ ở một số nơi", "Sở hữu trí tuệ của doanh nghiệp",
    "HỘI NGHỊ TỔNG KẾT", "Bộ tiêu chí về nông thôn mới", "Phòng, chống dịch bệnh", "trường học, trung tâm",
    "Hội Nghị Tổng Kết Năm", "vùng biển Trường Sa",
])
def test_agency_names_ordinary_words_opened_by_a_head_are_no_body(text: str) -> None:
    assert _found(text) == []


def test_agency_names_end_at_lists_roles_and_places() -> None:
    text = ("Phối hợp với Sở Hải đảo - Thủy sản, Trung tâm Điều phối cứu hộ tỉnh Núi Mây và "
            "Hội Sinh vật cảnh tỉnh thực hiện. Quỹ Hỗ trợ nông dân cùng các đơn vị liên quan hỗ trợ")
    listed = list_at(normalize(text).text, len("Phối hợp với "))
    assert [m.agency.name for m in listed] == [
        "Sở Hải đảo - Thủy sản", "Trung tâm Điều phối cứu hộ tỉnh Núi Mây", "Hội Sinh vật cảnh tỉnh"]
    assert [n for n, _ in _found(text)][-2:] == ["Quỹ Hỗ trợ nông dân", "các đơn vị liên quan"]


def test_agency_names_a_name_goes_on_over_a_line_break_and_a_comma_with_a_va_part() -> None:
    assert _found("Trung tâm Điều phối cứu\nhộ tỉnh chủ trì") == [("Trung tâm Điều phối cứu hộ tỉnh", "trung-tam")]
    assert _found("Bộ Biển, Hải đảo và Thủy sản hướng dẫn") == [("Bộ Biển, Hải đảo và Thủy sản", "bo")]


def test_agency_names_unlisted_bodies_lead_and_coordinate_tasks() -> None:
    text = ("V. TỔ CHỨC THỰC HIỆN\n1. Trung tâm Điều phối cứu hộ tỉnh\n"
            "- Chủ trì, phối hợp với Sở Hải đảo - Thủy sản xây dựng phương án cứu hộ.\n"
            "- Phối hợp với Hội Sinh vật cảnh tỉnh tổ chức triển lãm.\n"
            "2. Sở Hải đảo - Thủy sản\nPhối hợp với Trung tâm Điều phối cứu hộ tỉnh kiểm tra tàu cá.\n"
            "3. Quỹ Hỗ trợ nông dân tỉnh chủ trì cho vay vốn sản xuất.")
    tasks = find_tasks(outline(normalize(text).text))
    roles = [(t.section, [a.name for a in t.leads], [a.name for a in t.coordinators]) for t in tasks]
    assert roles == [
        ("V.1", ["Trung tâm Điều phối cứu hộ tỉnh"], ["Sở Hải đảo - Thủy sản"]),
        ("V.1", ["Hội Sinh vật cảnh tỉnh"], ["Trung tâm Điều phối cứu hộ tỉnh"]),
        ("V.2", ["Trung tâm Điều phối cứu hộ tỉnh"], ["Sở Hải đảo - Thủy sản"]),
        ("V.3", ["Quỹ Hỗ trợ nông dân tỉnh"], []),
    ]


def test_agency_names_an_unlisted_department_in_a_distributive_list() -> None:
    assert [n for n, _ in _found("phối hợp với các Sở: Nội vụ, Hải đảo - Thủy sản và Y tế triển khai")] == [
        "Sở Nội vụ", "Sở Hải đảo - Thủy sản", "Sở Y tế"]
    assert _found("các Sở: Năng lượng, Tư pháp để") == [("Sở Năng lượng", "so"), ("Sở Tư pháp", "so-tu-phap")]


def test_agency_names_ordinary_words_and_abbreviations_inside_a_name() -> None:
    assert _found("Chi cục Thủy lợi và Phòng, chống thiên tai tổ chức") == [
        ("Chi cục Thủy lợi và Phòng, chống thiên tai", "chi-cuc")]
    assert _found("Công ty TNHH MTV Cấp nước Núi Mây bảo đảm") == [("Công ty TNHH MTV Cấp nước Núi Mây", "cong-ty")]


def test_agency_names_an_unlisted_department_is_named_without_its_province() -> None:
    assert _found("Sở Hải đảo - Thủy sản tỉnh Núi Mây chủ trì") == [("Sở Hải đảo - Thủy sản", "so")]
    assert _found("Sở Ngoại vụ tỉnh chủ trì") == [("Sở Ngoại vụ", "so-ngoai-vu")]


def test_agency_names_a_group_whose_capitalised_noun_a_name_follows_is_named_by_it() -> None:
    text = normalize("Đề nghị các Ban Xây dựng Đảng và Ủy ban Kiểm tra Tỉnh ủy phối hợp.").text
    assert [m.agency.name for m in list_at(text, 0)] == ["các Ban Xây dựng Đảng", "Ủy ban Kiểm tra Tỉnh ủy"]
    assert [name for name, _ in _found("các Sở Tài chính, Nội vụ thực hiện")] == ["Sở Tài chính"]  # a listed body wins


def test_agency_names_forces_are_a_group() -> None:
    assert [name for name, _ in _found("Phối hợp các lực lượng và Ủy ban nhân dân các xã, phường bảo vệ hàng hóa")] == [
        "các lực lượng", "Ủy ban nhân dân các xã, phường"]


def test_agency_names_a_group_without_cac_opening_a_cell_or_after_a_semicolon() -> None:
    # a table's cell "Cơ quan, địa phương liên quan": bodies named by no kind, then "liên quan"
    assert [name for name, _ in _found("Cơ quan, địa phương liên quan")] == ["cơ quan, địa phương liên quan"]
    assert [name for name, _ in _found("Sở Tài chính; cơ quan có liên quan")] == ["Sở Tài chính", "cơ quan có liên quan"]
    # a kind of body opening the cell stays apart from the group after it
    assert [name for name, _ in _found("Doanh nghiệp, sở, ban, ngành có liên quan")] == ["sở, ban, ngành có liên quan"]


def test_agency_names_the_office_of_a_body_keeps_the_body_s_whole_name() -> None:
    # "Chỉ huy" after the nested head "Ban" is part of the name, not the sentence going on
    assert _found("Văn phòng Ban Chỉ huy; các sở, ban, ngành")[0] == ("Văn phòng Ban Chỉ huy", "van-phong")
    assert _found("Văn phòng Ban Chỉ huy Phòng thủ dân sự tỉnh tổng hợp") == [
        ("Văn phòng Ban Chỉ huy Phòng thủ dân sự tỉnh", "van-phong")]


def test_agency_names_a_group_given_the_lead_is_named_so() -> None:
    assert [name for name, _ in _found("Các cơ quan, đơn vị được giao chủ trì có trách nhiệm báo cáo")] == [
        "các cơ quan, đơn vị được giao chủ trì"]


def test_agency_names_a_level_after_a_body_s_name_is_the_body_s() -> None:
    assert _found("Hội đồng Thi đua - Khen thưởng các cấp phân công") == [
        ("Hội đồng Thi đua - Khen thưởng các cấp", "hoi-dong")]
    assert [name for name, _ in _found("chỉ đạo các ngành, các cấp triển khai")] == ["các ngành, các cấp"]


def test_agency_names_a_body_submitting_to_another_ends_before_the_verb() -> None:
    assert [name for name, _ in _found("Sở Hải đảo - Thủy sản trình cấp có thẩm quyền phê duyệt")] == ["Sở Hải đảo - Thủy sản"]
    assert [name for name, _ in _found("Trung tâm Công trình đô thị thực hiện")] == ["Trung tâm Công trình đô thị"]
    assert [name for name, _ in _found("Trung tâm Quản lý công trình cấp nước tỉnh thực hiện")] == [
        "Trung tâm Quản lý công trình cấp nước tỉnh"]


def test_agency_names_associations_and_news_agencies_in_a_group() -> None:
    assert [name for name, _ in _found("Thủ trưởng các tổ chức, hội, đoàn thể có liên quan chịu trách nhiệm")] == [
        "các tổ chức, hội, đoàn thể có liên quan"]
    assert [name for name, _ in _found("Đề nghị các cơ quan thông tấn, báo chí đưa tin")] == [
        "các cơ quan thông tấn, báo chí"]
    assert [name for name, _ in _found("vận động các tổ chức, hội viên nông dân")] == ["các tổ chức"]
    assert [name for name, _ in _found("các sở, ngành, Hội Nông dân tỉnh phối hợp")] == ["các sở, ngành", "Hội Nông dân tỉnh"]
    assert [name for name, _ in _found("thúc đẩy các cá nhân, hội nhập kinh tế")] == ["các cá nhân"]


def test_agency_names_the_police_of_every_level_is_one_body() -> None:
    assert _found("Phối hợp với Công an các cấp bảo đảm an toàn") == [("Công an các cấp", "cong-an")]


def test_agency_names_the_people_s_committees_of_every_level() -> None:
    assert _found("Ủy ban nhân dân các cấp triển khai") == [("Ủy ban nhân dân các cấp", "uy-ban-nhan-dan-cap-duoi")]
    assert _found("UBND các cấp chỉ đạo") == [("Ủy ban nhân dân các cấp", "uy-ban-nhan-dan-cap-duoi")]
    assert _found("UBND các xã/phường hướng dẫn") == [("Ủy ban nhân dân các xã, phường", "uy-ban-nhan-dan-cap-duoi")]


def test_agency_names_kinds_of_body_alone_between_semicolons_are_groups() -> None:
    assert [name for name, _ in _found("Viện, Trường; Doanh nghiệp; Sở, ban, ngành có liên quan")] == [
        "viện, trường", "doanh nghiệp", "sở, ban, ngành có liên quan"]
    assert _found("Doanh nghiệp chủ động đầu tư") == []


def test_agency_names_a_group_described_by_its_field_its_reach_or_its_ministry() -> None:
    assert [name for name, _ in _found("phối hợp với các cơ quan, tổ chức khoa học trong và ngoài nước để")] == [
        "các cơ quan, tổ chức khoa học trong và ngoài nước"]
    assert [name for name, _ in _found("phối hợp với các cơ quan chuyên môn thuộc các bộ, ngành Trung ương")] == [
        "các cơ quan chuyên môn thuộc các bộ, ngành trung ương"]
    assert [name for name, _ in _found("Các cơ quan báo chí đóng trên địa bàn tỉnh đưa tin")] == [
        "các cơ quan báo chí đóng trên địa bàn tỉnh"]


def test_agency_names_the_press_among_other_bodies() -> None:
    assert [name for name, _ in _found("phối hợp với Sở Y tế, Ủy ban nhân dân các xã, báo, đài và các đơn vị có liên quan.")] == [
        "Sở Y tế", "Ủy ban nhân dân các xã", "báo, đài", "các đơn vị có liên quan"]
    assert _found("đưa tin trên báo, đài và hệ thống truyền thanh") == []


def test_agency_names_a_capitalised_group_opener_starts_the_next_mention() -> None:
    # a table cell whose lines were joined: "Sở Tài chính" / "Các sở, ngành, …"
    assert [n for n, _ in _found("Sở Tài chính Các sở, ngành, Ủy ban nhân dân xã")] == [
        "Sở Tài chính", "các sở, ngành", "Ủy ban nhân dân xã"]
    assert _found("Sở Hải đảo - Thủy sản Các đơn vị liên quan") == [
        ("Sở Hải đảo - Thủy sản", "so"), ("các đơn vị liên quan", "nhom-khong-ro")]


def test_agency_names_a_branch_after_a_dash_and_a_tax_office_named_by_its_province() -> None:
    assert _found("Ngân hàng Nhà nước Việt Nam - Chi nhánh Khu vực II chủ trì") == [
        ("Ngân hàng Nhà nước Việt Nam - Chi nhánh Khu vực II", "ngan-hang-nha-nuoc-tinh")]
    assert _found("Thuế Hồ Xanh hướng dẫn người nộp thuế") == [("Thuế Hồ Xanh", "cuc-thue-tinh")]
    assert _found("Thuế Giá trị gia tăng được hoàn") == []


def test_agency_names_a_listed_sos_name_does_not_run_into_its_duty() -> None:
    assert [m.agency.name for m in mentions("- Phối hợp với Sở Du lịch truyền thông quảng bá về du lịch biển.")] == \
        ["Sở Du lịch"]


def test_agency_names_one_wards_committee_keeps_the_wards_name() -> None:
    text = normalize("UBND phường Yên Bái chủ trì phối hợp với UBND phường Văn Phú, UBND huyện, thị xã Sơn Tây")
    assert [m.agency.name for m in mentions(text.text)] == [
        "Ủy ban nhân dân phường Yên Bái", "Ủy ban nhân dân phường Văn Phú", "Ủy ban nhân dân huyện, thị xã"]


def test_agency_names_a_group_listed_without_commas_is_one_group() -> None:
    names = [m.agency.name for m in mentions("Ban Quản lý Khu kinh tế chủ trì, phối hợp với các sở ban ngành và địa "
                                             "phương thực hiện; báo cáo các cơ quan đơn vị liên quan")]
    assert names == ["Ban Quản lý Khu kinh tế", "các sở ban ngành và địa phương", "các cơ quan đơn vị liên quan"]
    assert [m.agency.name for m in mentions("các cơ quan ban hành văn bản")] == ["các cơ quan"]


def test_agency_names_the_localities_committees_are_committees() -> None:
    assert [m.agency.name for m in mentions(normalize("Phối hợp với Sở Du lịch và UBND các địa phương").text)] == \
        ["Sở Du lịch", "Ủy ban nhân dân các địa phương"]


def test_agency_names_communes_named_with_a_number_keep_it() -> None:
    assert [m.agency.name for m in mentions("Ủy ban nhân dân các xã: A Lưới 3 và Khe Tre")] == [
        "Ủy ban nhân dân xã A Lưới 3", "Ủy ban nhân dân xã Khe Tre"]
    assert [m.agency.name for m in mentions("Ủy ban nhân dân các phường: Phường 1, Phường 3")] == [
        "Ủy ban nhân dân Phường 1", "Ủy ban nhân dân Phường 3"]


def test_agency_names_the_committees_of_a_kind_of_locality_keep_it() -> None:
    text = normalize("Yêu cầu các sở, ngành, UBND các xã khu vực ven biển và các đơn vị liên quan xây dựng kế hoạch; "
                     "UBND các huyện biên giới báo cáo UBND tỉnh.").text
    assert [m.agency.name for m in mentions(text)] == [
        "các sở, ngành", "Ủy ban nhân dân các xã khu vực ven biển", "các đơn vị liên quan",
        "Ủy ban nhân dân các huyện biên giới", "Ủy ban nhân dân tỉnh"]
    text = normalize("12. UBND các xã, phường liên quan: Tăng cường kiểm tra; UBND các huyện, thành phố có liên quan "
                     "phối hợp.").text
    assert [m.agency.name for m in mentions(text)] == [
        "Ủy ban nhân dân các xã, phường liên quan", "Ủy ban nhân dân các huyện, thành phố có liên quan"]


def test_agency_names_end_where_a_body_is_asked_to_attract_investment() -> None:
    assert _found("Phối hợp với Trung tâm Xúc tiến Đầu tư, Thương mại và Hỗ trợ Doanh nghiệp kêu gọi đầu tư") == [
        ("Trung tâm Xúc tiến Đầu tư, Thương mại và Hỗ trợ Doanh nghiệp", "trung-tam")]
    assert _found("Ban Quản lý Khu kinh tế thu hút các dự án") == [("Ban Quản lý Khu kinh tế", "ban")]
