"""Tasks, roles and deadlines in the layouts of real plans (invented sentences in each layout)."""
from __future__ import annotations

from plangraph.extract.deadlines import find_deadlines
from plangraph.extract.facts import Task
from plangraph.extract.find import find_facts
from plangraph.extract.normalize import normalize
from plangraph.extract.outline import outline
from plangraph.extract.tables import find_tables, table_spans
from plangraph.extract.tasks import find_tasks


def _tasks(text: str) -> tuple[Task, ...]:
    return find_tasks(outline(normalize(text).text))


def _names(agencies: tuple) -> list[str]:  # type: ignore[type-arg]
    return [a.name for a in agencies]


def test_tasks_field_block_assigns_every_task_since_the_previous_block() -> None:
    tasks = _tasks("III. NHIỆM VỤ\n1. Tuyên truyền\n- Tổ chức hội nghị phổ biến.\n- Biên soạn tài liệu.\n"
                   "- Đơn vị chủ trì: Sở Tư pháp.\n- Đơn vị phối hợp: Sở Nội vụ, các đơn vị liên quan.\n"
                   "- Thời gian thực hiện: Tháng 12/2026.\n2. Kiểm tra\nRà soát văn bản.\n"
                   "- Cơ quan thực hiện: Sở Y tế chủ trì, phối hợp với Công an tỉnh. -Thời gian thực hiện: hoàn thành trong quý II/2026.")
    assert [t.text for t in tasks] == ["Tổ chức hội nghị phổ biến.", "Biên soạn tài liệu.", "Rà soát văn bản."]
    assert all(_names(t.leads) == ["Sở Tư pháp"] for t in tasks[:2])
    assert _names(tasks[0].coordinators) == ["Sở Nội vụ", "các đơn vị liên quan"] and tasks[0].due == "2026-12"
    assert _names(tasks[2].leads) == ["Sở Y tế"] and _names(tasks[2].coordinators) == ["Công an tỉnh"]
    assert [(d.date, d.recurrence) for d in find_deadlines(tasks)] == [("2026", None)]


def test_tasks_role_label_heading_sets_the_roles_of_the_bullets_below() -> None:
    tasks = _tasks("V. TỔ CHỨC THỰC HIỆN\n1. Sở Công Thương\na) Chủ trì, phối hợp với Sở Tài chính\n- Xây dựng kế hoạch.\n"
                   "b) Phối hợp với Sở Y tế\n- Kiểm tra thực phẩm.\n- Chủ động phối hợp với Công an tỉnh xử lý vi phạm.\n"
                   "2. Sở Nội vụ\n- Chủ trì, phối hợp với các sở, ngành tham mưu:\n+ Rà soát biên chế.\n- Tổng hợp kết quả.")
    roles = [(t.section, " ".join(t.text.split()[:3]), _names(t.leads), _names(t.coordinators)) for t in tasks]
    assert roles == [("V.1.a", "Xây dựng kế", ["Sở Công Thương"], ["Sở Tài chính"]),
                     ("V.1.b", "Kiểm tra thực", ["Sở Y tế"], ["Sở Công Thương"]),
                     ("V.1.b", "Chủ động phối", ["Công an tỉnh"], ["Sở Công Thương"]),
                     ("V.2", "Rà soát biên", ["Sở Nội vụ"], ["các sở, ngành"]),
                     ("V.2", "Tổng hợp kết", ["Sở Nội vụ"], [])]


def test_tasks_review_parts_give_none_but_their_solutions_heading_does() -> None:
    tasks = _tasks("I. TÌNH HÌNH THỰC HIỆN NHIỆM VỤ NĂM TRƯỚC\n1. Kết quả\n- Đã tổ chức 5 hội nghị.\n"
                   "II. NỘI DUNG HOẠT ĐỘNG\n1. Sở Y tế\n- Giám sát dịch bệnh.\n"
                   "III. DỰ BÁO VÀ GIẢI PHÁP\n1. Dự báo\n- Thu ngân sách giảm.\n2. Các giải pháp chủ yếu\n- Tăng cường quản lý thu.")
    assert [(t.section, t.text, _names(t.leads)) for t in tasks] == [
        ("II.1", "Giám sát dịch bệnh.", ["Sở Y tế"]), ("III.2", "Tăng cường quản lý thu.", [])]


def test_tasks_article_assigning_execution_in_a_paragraph_below_it() -> None:
    tasks = _tasks("Điều 1. Ban hành kèm theo Quyết định này Kế hoạch.\nĐiều 2. Quyết định này có hiệu lực kể từ ngày ký.\n"
                   "Giám đốc Sở Tài chính; Chủ tịch Ủy ban nhân dân các xã, phường chịu trách nhiệm thi hành Quyết định này./.")
    assert [(t.section, _names(t.leads)) for t in tasks] == [
        ("Điều 2", ["Sở Tài chính", "Ủy ban nhân dân các xã, phường"])]


def test_deadlines_monthly_six_monthly_and_due_months() -> None:
    tasks = _tasks("VI. CHẾ ĐỘ BÁO CÁO\n1. Các sở, ngành báo cáo định kỳ hàng tháng (trước ngày 10 hàng tháng), "
                   "6 tháng (trước ngày 10/6), năm (trước ngày 15/11) gửi Sở Nội vụ.\n"
                   "2. Sở Nội vụ hoàn thành dự thảo trong tháng 6/2027.")
    found = [(d.date, d.recurrence) for d in find_deadlines(tasks)]
    assert found == [("---10", "monthly"), ("--06-10", "annual"), ("--11-15", "annual"), ("2027-06", None)]
    assert tasks[0].due == "--11-15" and tasks[1].due == "2027-06"


def test_tasks_closing_asks_listed_bodies_and_footnotes_and_lead_ins_are_no_tasks() -> None:
    tasks = _tasks("V. TỔ CHỨC THỰC HIỆN\n1. Sở Y tế\n- Giám sát dịch bệnh.\n2. Các giải pháp\nĐể hoàn thành kế hoạch, cần các giải pháp sau:\n"
                   "- Tăng cường kiểm tra.\nỦy ban nhân dân tỉnh giao Giám đốc các sở, Chủ tịch Ủy ban nhân dân các xã, phường thực hiện.\n"
                   "[1] Nghị quyết số 5/NQ-CP ngày 2/1/2024.")
    assert [(t.section, t.text[:14]) for t in tasks] == [("V.1", "Giám sát dịch "), ("V.2", "Tăng cường kiể"),
                                                          ("V", "Ủy ban nhân dâ")]
    assert _names(tasks[-1].leads) == ["các sở", "Ủy ban nhân dân các xã, phường"]


def test_tasks_phoi_hop_without_voi_a_level_after_a_body_and_a_described_group() -> None:
    tasks = _tasks("V. TỔ CHỨC THỰC HIỆN\n1. Sở Nội vụ\n- Phối hợp Công an tỉnh rà soát hồ sơ.\n"
                   "- Chủ trì, phối hợp các đơn vị liên quan và Liên đoàn Lao động cùng cấp tập huấn.\n"
                   "2. Đề nghị các hợp tác xã chế biến và tiêu thụ nông sản\n- Nắm bắt thông tin thị trường.")
    assert [(_names(t.leads), _names(t.coordinators)) for t in tasks] == [
        (["Công an tỉnh"], ["Sở Nội vụ"]),
        (["Sở Nội vụ"], ["các đơn vị liên quan", "Liên đoàn Lao động cùng cấp"]),
        (["các hợp tác xã chế biến và tiêu thụ nông sản"], [])]


def test_deadlines_quarterly_and_no_later_than() -> None:
    tasks = _tasks("VI. CHẾ ĐỘ BÁO CÁO\n1. Các sở báo cáo hằng quý trước ngày 20 tháng cuối quý và "
                   "báo cáo năm chậm nhất ngày 10/12 gửi Sở Nội vụ.\n2. Ban Tổ chức Tỉnh ủy hướng dẫn việc bầu cử.")
    assert [(d.date, d.recurrence) for d in find_deadlines(tasks)] == [("---20", "quarterly"), ("--12-10", "annual")]
    assert _names(tasks[1].leads) == ["Ban Tổ chức Tỉnh ủy"]


def test_tasks_headings_naming_the_duties_of_a_body() -> None:
    tasks = _tasks("IV. TRÁCH NHIỆM THỰC HIỆN\n1. Trách nhiệm của Sở Y tế\n- Hướng dẫn chuyên môn.\n"
                   "2. Nhiệm vụ của các sở, ngành\n- Rà soát kế hoạch.")
    assert [_names(t.leads) for t in tasks] == [["Sở Y tế"], ["các sở, ngành"]]


def test_tasks_fields_written_after_the_task_in_the_same_item() -> None:
    tasks = _tasks("III. NHIỆM VỤ\n1. Tuyên truyền\n- Tổ chức tập huấn cho cán bộ. Đơn vị chủ trì: Sở Y tế; đơn vị phối hợp: "
                   "Sở Nội vụ; thời gian thực hiện: hoàn thành trong quý II/2026.\n- Biên soạn tài liệu (Cơ quan chủ trì: Sở Tư pháp).")
    assert [(t.text, _names(t.leads), _names(t.coordinators)) for t in tasks] == [
        ("Tổ chức tập huấn cho cán bộ.", ["Sở Y tế"], ["Sở Nội vụ"]), ("Biên soạn tài liệu", ["Sở Tư pháp"], [])]
    assert [d.date for d in find_deadlines(tasks)] == ["2026"]


def test_tasks_a_bullet_that_introduces_sub_bullets_is_not_a_task() -> None:
    tasks = _tasks("V. TỔ CHỨC THỰC HIỆN\n1. Sở Tài chính\n- Tham mưu Ủy ban nhân dân tỉnh:\n+ Bố trí kinh phí.\n"
                   "+ Hướng dẫn thanh quyết toán.\n- Kiểm tra việc sử dụng kinh phí.")
    assert [(t.text, _names(t.leads)) for t in tasks] == [
        ("Bố trí kinh phí.", ["Sở Tài chính"]), ("Hướng dẫn thanh quyết toán.", ["Sở Tài chính"]),
        ("Kiểm tra việc sử dụng kinh phí.", ["Sở Tài chính"])]


def test_tasks_a_city_names_its_bodies_and_an_article_gives_them_execution() -> None:
    tasks = _tasks("Điều 1. Ban hành kèm theo Quyết định này Kế hoạch.\nĐiều 2. Quyết định này có hiệu lực kể từ ngày ký.\n"
                   "Điều 3. Chánh Văn phòng Ủy ban nhân dân Thành phố, Giám đốc Công an thành phố, Bí thư Thành Đoàn "
                   "có trách nhiệm thi hành Quyết định này./.")
    assert [(t.section, _names(t.leads)) for t in tasks] == [
        ("Điều 3", ["Văn phòng Ủy ban nhân dân thành phố", "Công an thành phố", "Thành Đoàn"])]


def test_tasks_a_completion_time_line_dates_the_step_above_it() -> None:
    tasks = _tasks("II. NỘI DUNG THỰC HIỆN\n1. Bước 1: Tiếp nhận hồ sơ\n"
                   "Ủy ban nhân dân các xã tiếp nhận hồ sơ của các hộ gia đình.\n"
                   "Thời gian hoàn tất: trước ngày 27 tháng 6 năm 2014.")
    assert [(t.text, t.due) for t in tasks][-1] == ("Ủy ban nhân dân các xã tiếp nhận hồ sơ của các hộ gia đình.",
                                                    "2014-06-27")


def test_tasks_a_lead_in_over_numbered_parts_and_a_name_in_capitals_are_no_tasks() -> None:
    tasks = _tasks("III. NHIỆM VỤ TRỌNG TÂM\nLộ trình chung cho việc chuyển đổi dữ liệu:\n"
                   "1. Hoàn thiện hạ tầng\n- Sở Tài chính nâng cấp phần mềm.\n"
                   "2. Đào tạo\n- Sở Nội vụ tổ chức tập huấn./.\nỦY\nBAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH")
    assert [(t.section, t.text) for t in tasks] == [("III.1", "Sở Tài chính nâng cấp phần mềm."),
                                                    ("III.2", "Sở Nội vụ tổ chức tập huấn./.")]


def test_tasks_a_body_named_before_its_partner_after_an_opening_phrase_leads() -> None:
    tasks = _tasks("IV. TỔ CHỨC THỰC HIỆN\n1. Sở Tài chính\n- Trên cơ sở đề xuất của các Sở, ban, ngành chuyên môn, "
                   "Sở Tài chính phối hợp với các đơn vị liên quan thẩm định kinh phí.\n"
                   "- Trên cơ sở đề xuất của các sở, phối hợp với Sở Nội vụ thẩm định biên chế.")
    assert [(_names(t.leads), _names(t.coordinators)) for t in tasks] == [
        (["Sở Tài chính"], ["các đơn vị liên quan"]), (["Sở Nội vụ"], ["Sở Tài chính"])]


def test_tasks_a_funding_heading_among_the_duties_gives_tasks_only_where_a_body_is_named() -> None:
    tasks = _tasks("II. NỘI DUNG THỰC HIỆN\n1. Xây dựng hạ tầng\n- Nâng cấp máy chủ.\n2. Kinh phí thực hiện\n"
                   "- Ngân sách địa phương: chi cho vận hành hệ thống.\n"
                   "- Sở Tài chính tham mưu bố trí kinh phí.")
    assert [(t.section, t.text) for t in tasks] == [("II.1", "Nâng cấp máy chủ."),
                                                    ("II.2", "Sở Tài chính tham mưu bố trí kinh phí.")]


def test_tasks_bodies_under_the_provincial_committee_are_one_group_in_a_list_of_leads() -> None:
    tasks = _tasks("II. NHIỆM VỤ\n1. Tuyên truyền\nCác sở, ban, ngành trực thuộc Ủy ban nhân dân tỉnh; Ủy ban nhân dân "
                   "các huyện, thành phố tổ chức tuyên truyền pháp luật.")
    assert [_names(t.leads) for t in tasks] == [
        ["các sở, ban, ngành trực thuộc Ủy ban nhân dân tỉnh", "Ủy ban nhân dân các huyện, thành phố"]]


def test_tasks_a_closing_assignment_in_brackets_and_a_second_partner_sentence() -> None:
    tasks = _tasks("II. NỘI DUNG\n1. Xây dựng Quy chế bảo vệ bí mật nhà nước (Giao Công an tỉnh chủ trì, phối hợp "
                   "với Sở Tư pháp).\nIII. TỔ CHỨC THỰC HIỆN\n1. Sở Tư pháp: Phối hợp với Công an tỉnh kiểm tra việc "
                   "thực hiện Luật. Phối hợp với Văn phòng Ủy ban nhân dân tỉnh rà soát văn bản.")
    assert [(t.section, _names(t.leads), _names(t.coordinators)) for t in tasks] == [
        ("II.1", ["Công an tỉnh"], ["Sở Tư pháp"]),
        ("III.1", ["Công an tỉnh", "Văn phòng Ủy ban nhân dân tỉnh"], ["Sở Tư pháp"])]


def test_tasks_an_activitys_particulars_are_no_tasks_and_a_bare_time_label_dates_it() -> None:
    tasks = _tasks("II. NỘI DUNG THỰC HIỆN\n1. Hội nghị tuyên truyền\n- Tổ chức hội nghị phổ biến các biện pháp "
                   "xử lý môi trường.\n- Địa điểm tổ chức: Hội trường tỉnh.\n- Số lượng: 02 hội nghị/năm.\n"
                   "- Thành phần: đại diện các sở, ngành.\n- Thời gian: tháng 6/2026.")
    assert [(t.text, t.due) for t in tasks] == [("Tổ chức hội nghị phổ biến các biện pháp xử lý môi trường.", "2026-06")]


def test_tasks_a_heading_body_described_after_a_dash_and_a_group_listing_its_members() -> None:
    tasks = _tasks("IV. NHIỆM VỤ CỤ THỂ\n1. Sở Tài chính - Cơ quan thường trực Ban Chỉ đạo\n- Tổng hợp kết quả kiểm kê.\n"
                   "2. Các cơ quan tham mưu quản lý ngành, lĩnh vực (gồm các Sở: Xây dựng, Công Thương)\n"
                   "- Cử công chức tham gia tổ công tác.")
    assert [(t.section, _names(t.leads)) for t in tasks] == [
        ("IV.1", ["Sở Tài chính"]), ("IV.2", ["Sở Xây dựng", "Sở Công Thương"])]


def test_tasks_phoi_hop_chat_che_without_voi_names_the_partner() -> None:
    tasks = _tasks("IV. TỔ CHỨC THỰC HIỆN\n1. Ban Quản lý Khu kinh tế\n- Phối hợp chặt chẽ Sở Khoa học và Công nghệ "
                   "hỗ trợ doanh nghiệp viễn thông.")
    assert [(_names(t.leads), _names(t.coordinators)) for t in tasks] == [
        (["Sở Khoa học và Công nghệ"], ["Ban Quản lý Khu kinh tế"])]


def test_tasks_a_duty_followed_by_trong_do_is_a_task_and_a_plain_lead_in_is_not() -> None:
    tasks = _tasks("IV. NHIỆM VỤ\n1. Sở Xây dựng\n- Hướng dẫn các địa phương rà soát số liệu kiểm kê. Trong đó:\n"
                   "+ Kiểm kê tài sản giao thông.\n- Các nhiệm vụ sau:\n+ Kiểm kê tài sản cấp nước.")
    assert [t.text for t in tasks] == ["Hướng dẫn các địa phương rà soát số liệu kiểm kê. Trong đó:",
                                       "Kiểm kê tài sản giao thông.", "Kiểm kê tài sản cấp nước."]


def test_tasks_a_heading_asking_bodies_gives_them_the_items_below() -> None:
    tasks = _tasks("IV. TỔ CHỨC THỰC HIỆN\n6. Đề nghị: Hiệp hội Doanh nghiệp tỉnh, Hội Nông dân tỉnh\n"
                   "a) Tuyên truyền, vận động hội viên tham gia chuyển đổi số.")
    assert [(t.section, _names(t.leads)) for t in tasks] == [
        ("IV.6.a", ["Hiệp hội doanh nghiệp tỉnh", "Hội Nông dân tỉnh"])]


def test_tasks_a_roadmap_part_lists_tasks() -> None:
    tasks = _tasks("III. LỘ TRÌNH THỰC HIỆN\n1. Giai đoạn 2025 - 2030\n- Rà soát, hoàn thiện chính sách hỗ trợ.\n"
                   "2. Giai đoạn 2031 - 2035\n- Mở rộng hạ tầng số.")
    assert [(t.section, t.text) for t in tasks] == [("III.1", "Rà soát, hoàn thiện chính sách hỗ trợ."),
                                                    ("III.2", "Mở rộng hạ tầng số.")]


def test_tasks_lettered_item_blocks_task_bodies_and_time() -> None:
    tasks = _tasks("II. NHIỆM VỤ\n1. Về dữ liệu\n1.1. Xây dựng Chiến lược dữ liệu:\na) Nhiệm vụ: Rà soát, hoàn thiện "
                   "Chiến lược dữ liệu thành phố.\nb) Cơ quan thực hiện:\n- Đơn vị chủ trì: Sở Khoa học và Công nghệ.\n"
                   "- Đơn vị phối hợp: Các Sở, ban, ngành.\nc) Thời gian thực hiện: Hoàn thành trong năm 2025.")
    assert [(t.section, t.text, _names(t.leads), t.due) for t in tasks] == [
        ("II.1.1.a", "Rà soát, hoàn thiện Chiến lược dữ liệu thành phố.", ["Sở Khoa học và Công nghệ"], "2025")]


def test_tasks_a_citys_departments_named_with_cua_thanh_pho_are_one_group() -> None:
    tasks = _tasks("V. TỔ CHỨC THỰC HIỆN\n1. Sở Xây dựng\n- Phối hợp với Sở Tài chính, các Sở, ban, ngành của Thành phố "
                   "rà soát quy hoạch.")
    assert [_names(t.leads) for t in tasks] == [["Sở Tài chính", "các sở, ban, ngành của thành phố"]]


def test_tasks_groups_named_by_their_trade_keep_it() -> None:
    tasks = _tasks("V. TỔ CHỨC THỰC HIỆN\n1. Sở Khoa học và Công nghệ\n- Phối hợp với các doanh nghiệp viễn thông, "
                   "các cơ quan báo chí tuyên truyền về hạ tầng số.")
    assert [_names(t.leads) for t in tasks] == [["các doanh nghiệp viễn thông", "các cơ quan báo chí"]]


def test_tasks_the_closing_paragraph_after_the_last_heading_belongs_to_the_part() -> None:
    tasks = _tasks("IV. TỔ CHỨC THỰC HIỆN\n1. Sở Tài chính\n- Bố trí kinh phí.\n2. Chế độ báo cáo\n"
                   "- Các sở báo cáo trước ngày 15/11 hằng năm.\nTrong quá trình thực hiện nếu có khó khăn, vướng mắc "
                   "đề nghị các cơ quan, đơn vị, địa phương phản ánh về Sở Khoa học và Công nghệ.")
    assert [(t.section, _names(t.leads)) for t in tasks][-1] == ("IV", ["các cơ quan, đơn vị, địa phương"])
    # a request to the bodies that ends the text ("./."), after the bullets of the last heading
    tasks = _tasks("III. TỔ CHỨC THỰC HIỆN\n9. Đề nghị Hiệp hội Du lịch tỉnh\n- Phối hợp quảng bá du lịch biển.\n"
                   "Yêu cầu các sở, ngành và các đơn vị liên quan căn cứ chức năng, nhiệm vụ xây dựng kế hoạch triển khai. "
                   "Trong quá trình thực hiện, nếu có khó khăn, báo cáo Ủy ban nhân dân tỉnh./.")
    assert [(t.section, _names(t.leads)) for t in tasks][-1] == ("III", ["các sở, ngành", "các đơn vị liên quan"])


def test_tasks_a_lettered_title_over_its_field_block_is_the_task() -> None:
    tasks = _tasks("II. NỘI DUNG\n3.1. Góp ý dự thảo văn bản\na) Nghị định quy định về điều kiện kinh doanh dịch vụ.\n"
                   "- Cơ quan chủ trì: Sở Khoa học và Công nghệ tiến hành góp ý.\n- Cơ quan phối hợp: Các sở, ngành có liên quan.")
    assert [(t.section, t.text, _names(t.leads)) for t in tasks] == [
        ("II.3.1.a", "Nghị định quy định về điều kiện kinh doanh dịch vụ.", ["Sở Khoa học và Công nghệ"])]


def test_tasks_a_targets_heading_among_the_duties_gives_no_tasks() -> None:
    tasks = _tasks("II. NỘI DUNG\n5. Tuyên truyền\n- Tổ chức tuyên truyền phòng, chống ma túy.\n"
                   "6. Chỉ tiêu chủ yếu đến năm 2030\n6.1. Hằng năm, giảm số người nghiện ma túy; phấn đấu đến năm 2030 "
                   "giảm 30% số người nghiện so với năm 2025.")
    assert [(t.section, t.text) for t in tasks] == [("II.5", "Tổ chức tuyên truyền phòng, chống ma túy.")]


def test_tasks_a_numbered_sentence_handing_its_items_to_a_body_gives_them_their_lead() -> None:
    tasks = _tasks("V. TỔ CHỨC THỰC HIỆN\n1. Giao Sở Nông nghiệp và Môi trường là cơ quan đầu mối, chủ trì, hướng dẫn "
                   "thực hiện Đề án nâng cao nhận thức cộng đồng về quản lý rủi ro thiên tai trên địa bàn Thành phố; "
                   "tổ chức thực hiện các nhiệm vụ sau:\n- Điều phối chung việc triển khai Kế hoạch.\n"
                   "- Tổ chức đánh giá kết quả thực hiện.")
    assert [(t.text, _names(t.leads)) for t in tasks][-2:] == [
        ("Điều phối chung việc triển khai Kế hoạch.", ["Sở Nông nghiệp và Môi trường"]),
        ("Tổ chức đánh giá kết quả thực hiện.", ["Sở Nông nghiệp và Môi trường"])]


def test_tasks_a_heading_naming_who_over_its_bullets_is_no_task() -> None:
    tasks = _tasks("V. TỔ CHỨC THỰC HIỆN\n1. Sở Nội vụ (Cơ quan thường trực Ban Vì sự tiến bộ phụ nữ và Bình đẳng giới "
                   "Thành phố, cơ quan tham mưu về công tác bình đẳng giới):\n- Chủ trì tổ chức Tháng hành động.")
    assert [(t.text, _names(t.leads)) for t in tasks] == [("Chủ trì tổ chức Tháng hành động.", ["Sở Nội vụ"])]


def test_tasks_a_lettered_heading_on_activities_inside_a_targets_part_gives_tasks() -> None:
    tasks = _tasks("II. MỤC TIÊU CỦA KẾ HOẠCH\n1. Phấn đấu 100% xã tổ chức Tháng hành động.\n2. Tháng hành động\n"
                   "d) Các hoạt động chính\n- Tổ chức Lễ phát động Tháng hành động.\n"
                   "e) Các hoạt động đã triển khai năm trước\n- Đã tổ chức 5 hội nghị.")
    assert [(t.section, t.text) for t in tasks] == [("II.2.d", "Tổ chức Lễ phát động Tháng hành động.")]


def test_tasks_a_time_field_gives_a_quarters_a_ranges_or_a_months_windows_end_but_not_a_start_or_an_open_end() -> None:
    tasks = _tasks("II. NHIỆM VỤ\n- Rà soát văn bản.\n- Thời gian thực hiện: Quý IV/2025.\n"
                   "- Kiểm kê tài sản.\n- Thời hạn hoàn thành: Từ ngày 01/01/2026 đến ngày 31/3/2026.\n"
                   "- Tập huấn.\n- Thời gian thực hiện: Từ 01/7/2025.\n"
                   "- Tuyên truyền.\n- Thời gian thực hiện: Năm 2026 và các năm tiếp theo.\n"
                   "- Tổng hợp.\n- Thời gian thực hiện: Tháng 11 - 12/2025.")
    assert [t.due for t in tasks] == ["2025", "2026-03-31", None, None, "2025-12"]


def test_tasks_a_heading_naming_a_body_by_what_it_is_makes_the_whole_heading_lead() -> None:
    tasks = _tasks("IV. TỔ CHỨC THỰC HIỆN\n1. Các chủ đầu tư xây dựng và kinh doanh hạ tầng Khu công nghiệp\n"
                   "- Tạo điều kiện về mặt bằng cho việc lắp đặt thiết bị.\n"
                   "2. Các doanh nghiệp viễn thông (Viettel, VNPT)\n- Bảo đảm chất lượng mạng.\n"
                   "3. Các cơ sở nuôi trồng thủy sản: Theo dõi môi trường tại cơ sở nuôi.")
    assert [(t.section, _names(t.leads)) for t in tasks] == [
        ("IV.1", ["các chủ đầu tư xây dựng và kinh doanh hạ tầng Khu công nghiệp"]),
        ("IV.2", ["các doanh nghiệp viễn thông"]),
        ("IV.3", ["các cơ sở nuôi trồng thủy sản"])]


def test_tasks_regional_branches_numbered_in_figures_and_the_provinces_tax_office() -> None:
    tasks = _tasks("IV. TỔ CHỨC THỰC HIỆN\n1. Đề nghị Ngân hàng Nhà nước chi nhánh khu vực 14, Thuế tỉnh phối hợp "
                   "tuyên truyền chính sách.")
    assert [_names(t.leads) for t in tasks] == [["Ngân hàng Nhà nước chi nhánh khu vực 14", "Thuế tỉnh"]]


def test_tasks_a_lead_in_naming_its_doers_makes_them_lead_the_items_it_introduces() -> None:
    tasks = _tasks("III. NHIỆM VỤ\n1. Tuyên truyền\nSở Y tế chủ trì, phối hợp với Sở Nội vụ thực hiện các nội dung sau:\n"
                   "- Tổ chức hội nghị.\n- Biên soạn tài liệu.\n"
                   "IV. NỘI DUNG THI ĐUA\nĐể hoàn thành nhiệm vụ năm 2026; các sở, ban, ngành, Ủy ban Mặt trận Tổ quốc "
                   "tỉnh tập trung thi đua thực hiện các nội dung chủ yếu sau:\n"
                   "1. Thi đua thực hiện thắng lợi nhiệm vụ phát triển kinh tế - xã hội năm 2026.\n"
                   "2. Thi đua đẩy mạnh cải cách hành chính, nâng cao chất lượng phục vụ người dân.")
    assert [(t.section, _names(t.leads), _names(t.coordinators)) for t in tasks] == [
        ("III.1", ["Sở Y tế"], ["Sở Nội vụ"]), ("III.1", ["Sở Y tế"], ["Sở Nội vụ"]),
        ("IV.1", ["các sở, ban, ngành", "Ủy ban Mặt trận Tổ quốc tỉnh"], []),
        ("IV.2", ["các sở, ban, ngành", "Ủy ban Mặt trận Tổ quốc tỉnh"], [])]


def test_tasks_a_committee_heading_listing_its_communes_and_a_body_advised_before_the_partner_cue() -> None:
    tasks = _tasks("IV. TỔ CHỨC THỰC HIỆN\n1. Sở Xây dựng\n- Tham mưu Ủy ban nhân dân tỉnh phối hợp các sở, ngành "
                   "liên quan xây dựng cơ chế.\n2. Ủy ban nhân dân các xã: Gia Thuận, Tân Điền\n"
                   "- Xây dựng kế hoạch triển khai tại địa phương.")
    assert [(t.section, _names(t.leads), _names(t.coordinators)) for t in tasks] == [
        ("IV.1", ["Sở Xây dựng"], ["các sở, ngành liên quan"]),
        ("IV.2", ["Ủy ban nhân dân xã Gia Thuận", "Ủy ban nhân dân xã Tân Điền"], [])]


def test_tasks_a_short_content_heading_lists_tasks_in_a_part_of_another_kind() -> None:
    tasks = _tasks("II. ĐỐI TƯỢNG, NỘI DUNG THI ĐUA\n1. Yêu cầu\na) Nội dung thực hiện phong trào thi đua phải bám sát "
                   "nội dung Kế hoạch tổ chức thi đua năm 2025.\n2. Nội dung thi đua\n"
                   "a) Thi đua thực hiện thành công cuộc bầu cử; kịp thời chỉ đạo, tổ chức triển khai nhiệm vụ bầu cử.")
    assert [t.section for t in tasks] == ["II.2.a"]
    tasks = _tasks("III. PHẠM VI, ĐỐI TƯỢNG HỖ TRỢ\n4. Phương án tổ chức cấp phát\n- Giai đoạn khẩn cấp (0-48 giờ): Tổ chức lực "
                   "lượng tiếp cận ngay các vùng ngập sâu.")
    assert [t.section for t in tasks] == ["III.4"]


def test_tasks_a_partner_whose_name_opens_with_a_marked_capital_and_the_merged_provincial_media() -> None:
    tasks = _tasks("IV. TỔ CHỨC THỰC HIỆN\n1. Sở Nông nghiệp và Môi trường\n"
                   "- Phối hợp Ủy ban nhân dân các xã, phường cập nhật thiệt hại nông nghiệp.\n"
                   "2. Báo và Phát thanh - Truyền hình Đắk Lắk, Sở Văn hóa, Thể thao và Du lịch\n"
                   "- Tăng cường thông tin, tuyên truyền về kế hoạch.")
    assert [(t.section, _names(t.leads), _names(t.coordinators)) for t in tasks] == [
        ("IV.1", ["Ủy ban nhân dân các xã, phường"], ["Sở Nông nghiệp và Môi trường"]),
        ("IV.2", ["Báo và Phát thanh - Truyền hình Đắk Lắk", "Sở Văn hóa, Thể thao và Du lịch"], [])]


def test_tasks_the_parts_a_task_lists_are_no_tasks_of_their_own() -> None:
    tasks = _tasks("III. NHIỆM VỤ\n1. Công an tỉnh\na) Tổ chức triển khai các dự án do Bộ Công an chủ trì:\n"
                   "- Dự án 1: “Phòng ngừa, đấu tranh tội phạm về ma túy”.\n- Dự án 2: “Ứng dụng khoa học và công nghệ”.\n"
                   "b) Hỗ trợ hộ gia đình\n- Lập hồ sơ hoàn công cho từng hộ gia đình, bao gồm:\n"
                   "+ Đơn đề nghị hỗ trợ về nhà ở của hộ gia đình;\n+ Biên bản xác nhận hoàn thành xây dựng nhà ở.\n"
                   "- Tổng hợp kết quả hỗ trợ.")
    assert [(t.section, t.text.split(",")[0], _names(t.leads)) for t in tasks] == [
        ("III.1.a", "Tổ chức triển khai các dự án do Bộ Công an chủ trì:", ["Công an tỉnh"]),
        ("III.1.b", "Lập hồ sơ hoàn công cho từng hộ gia đình", ["Công an tỉnh"]),
        ("III.1.b", "Tổng hợp kết quả hỗ trợ.", ["Công an tỉnh"])]
    platforms = _tasks("III. NHIỆM VỤ\n1. Nông nghiệp số\nc) Triển khai các nền tảng\n- Nền tảng số quản trị trang "
                       "trại.\n- Nền tảng truy xuất nguồn gốc nông sản.\nd) Tập huấn kỹ năng số cho nông dân.")
    assert [(t.section, t.text) for t in platforms] == [
        ("III.1.c", "Triển khai các nền tảng"), ("III.1.d", "Tập huấn kỹ năng số cho nông dân.")]


def test_tasks_targets_after_a_lead_in_to_targets_and_a_situation_heading_give_no_tasks() -> None:
    tasks = _tasks("II. NỘI DUNG THỰC HIỆN\n1. Hiện trạng\nHiện có 120 trạm BTS tại các khu công nghiệp.\n"
                   "2. Nhiệm vụ\nNâng cao nhận thức của người dân, được cụ thể hóa bằng các chỉ tiêu như sau:\n"
                   "(1) 100% người hưởng trợ cấp được tuyên truyền;\n(2) Ít nhất 85% người hưởng trợ cấp mở tài khoản.")
    assert [(t.section, t.text.split(",")[0]) for t in tasks] == [("II.2", "Nâng cao nhận thức của người dân")]


def test_tasks_a_heading_sentence_naming_lead_and_partners_sets_both_for_its_items() -> None:
    tasks = _tasks("V. TỔ CHỨC THỰC HIỆN\n2. Sở Giáo dục và Đào tạo chủ trì, phối hợp với Sở Nông nghiệp và Môi "
                   "trường, Ủy ban nhân dân các phường, xã:\n- Xây dựng chương trình đào tạo.\n- Tổ chức tập huấn.")
    assert [(_names(t.leads), _names(t.coordinators)) for t in tasks] == [
        (["Sở Giáo dục và Đào tạo"], ["Sở Nông nghiệp và Môi trường", "Ủy ban nhân dân các phường, xã"])] * 2


def test_tasks_a_heading_sentence_directing_another_body_gives_that_body_the_items() -> None:
    tasks = _tasks("IV. TỔ CHỨC THỰC HIỆN\n1. Sở Nông nghiệp và Môi trường chỉ đạo Chi cục Thủy sản thực hiện các nội "
                   "dung sau:\n- Lập dự toán kinh phí.\n- Tổ chức quan trắc.\n2. Sở Tài chính thực hiện các nội dung "
                   "sau:\n- Thẩm định dự toán.\n3. Sở Y tế chỉ đạo các đơn vị trực thuộc thực hiện các nội dung sau:\n"
                   "- Giám sát dịch bệnh.")
    assert [(t.section, _names(t.leads)) for t in tasks] == [
        ("IV.1", ["Chi cục Thủy sản"]), ("IV.1", ["Chi cục Thủy sản"]), ("IV.2", ["Sở Tài chính"]),
        ("IV.3", ["Sở Y tế"])]  # a vague group it directs leaves the heading's body the doer


def test_tasks_a_role_heading_listing_parts_is_the_task() -> None:
    tasks = _tasks("IV. TỔ CHỨC THỰC HIỆN\n1. Công an thành phố\nh) Chủ trì triển khai các nhiệm vụ được giao tại các "
                   "dự án trong Chương trình, bao gồm:\n- Dự án 1: Phòng ngừa tội phạm về ma túy.\n"
                   "- Dự án 2: Ứng dụng khoa học và công nghệ.")
    assert [(t.section, _names(t.leads)) for t in tasks] == [("IV.1.h", ["Công an thành phố"])]
    assert _tasks("II. NỘI DUNG\n1. Chủ đề thi đua\n“Lập thành tích chào mừng Đại hội”.") == ()  # a label over a slogan


def test_tasks_a_topical_part_between_the_objectives_and_the_organisation_states_duties() -> None:
    tasks = _tasks("II. MỤC TIÊU\nĐến năm 2030, kinh tế số chiếm 45% GRDP.\nIII. THỜI GIAN VÀ PHẠM VI\n"
                   "Thực hiện trên toàn tỉnh từ năm 2026.\nIV. PHÁT TRIỂN KINH TẾ SỐ\n1. Thể chế\n"
                   "a) Hoàn thiện chính sách chuyển các hoạt động kinh tế lên môi trường số.\n"
                   "V. TỔ CHỨC THỰC HIỆN\n1. Sở Tài chính\n- Bố trí kinh phí.")
    assert [(t.section, _names(t.leads)) for t in tasks] == [("IV.1.a", []), ("V.1", ["Sở Tài chính"])]


def test_tasks_a_heading_on_an_activitys_particulars_gives_no_tasks() -> None:
    tasks = _tasks("II. NỘI DUNG KẾ HOẠCH\n1. Quan trắc môi trường vùng nuôi tôm\na. Tổ chức lấy mẫu tại các vùng nuôi.\n"
                   "c. Thông số (chỉ tiêu), tần suất quan trắc\n- Mẫu nước nguồn cấp:\n"
                   "+ Thủy lý, thủy hóa: Nhiệt độ, độ mặn, pH; tần suất quan trắc: 2 đợt/tháng.")
    assert [t.section for t in tasks] == ["II.1.a"]


def test_tasks_the_places_a_lead_in_counts_are_parts_of_its_task() -> None:
    tasks = _tasks("II. NỘI DUNG KẾ HOẠCH\n1. Quan trắc nguồn nước cấp\nĐiểm quan trắc: Thực hiện quan trắc tại 07 cửa "
                   "sông cấp nước cho các vùng nuôi tôm, lấy mẫu tại 15 vị trí như sau:\n"
                   "- Cửa sông lạch Càn: Lấy mẫu 01 vị trí tại khu vực cấp nước chung.\n"
                   "- Cửa sông lạch Sung: Lấy mẫu 01 vị trí tại khu vực nước cấp chung.")
    assert [t.text.split(",")[0] for t in tasks] == [
        "Điểm quan trắc: Thực hiện quan trắc tại 07 cửa sông cấp nước cho các vùng nuôi tôm"]


def test_deadlines_a_time_labelled_as_the_finish_is_a_deadline_and_a_time_to_carry_out_is_not() -> None:
    tasks = _tasks("III. NHIỆM VỤ\n1. Kiểm kê\n- Tham mưu triển khai kiểm kê tài sản.\nThời gian hoàn thành: Tháng "
                   "11 - 12/2025.\n- Tổ chức tập huấn kiểm kê.\nThời hạn hoàn thành: Từ ngày 01/01/2026 đến ngày "
                   "31/3/2026.\n- Hướng dẫn biểu mẫu kiểm kê.\nThời gian thực hiện: Tháng 12/2025.\n")
    assert [t.due for t in tasks] == ["2025-12", "2026-03-31", "2025-12"]
    assert [(d.what, d.date) for d in find_deadlines(tasks)] == [
        ("Tham mưu triển khai kiểm kê tài sản", "2025-12"), ("Tổ chức tập huấn kiểm kê", "2026-03-31")]


def test_tasks_a_heading_naming_a_body_by_what_it_is_and_other_parties_names_each() -> None:
    tasks = _tasks("V. TỔ CHỨC THỰC HIỆN\n1. Sở Tài chính\n- Bố trí kinh phí.\n"
                   "2. Các doanh nghiệp viễn thông, tổ chức, cá nhân có liên quan\n- Chia sẻ hạ tầng.\n"
                   "Ủy ban nhân dân Thành phố yêu cầu các sở, ban, ngành triển khai thực hiện Kế hoạch này.\n")
    assert [(t.section, _names(t.leads)) for t in tasks] == [
        ("V.1", ["Sở Tài chính"]),
        ("V.2", ["các doanh nghiệp viễn thông", "tổ chức, cá nhân có liên quan"]),
        ("V", ["các sở, ban, ngành"])]


def test_tasks_a_lead_label_with_its_bodies_in_the_items_below_and_a_block_of_another_item() -> None:
    tasks = _tasks("III. NỘI DUNG HOẠT ĐỘNG\n1. Tuyên truyền\na) Hoạt động 1\n- Nội dung: Tuyên truyền trên báo chí.\n"
                   "- Cơ quan thực hiện:\n+ Sở Văn hóa và Thể thao chủ trì, phối hợp với Sở Nội vụ, báo, đài.\n"
                   "+ Sở Xây dựng đăng tải thông điệp trên bảng quang báo.\n2. Mô hình\na) Hoạt động 1\n"
                   "- Nội dung: Duy trì mô hình.\n- Cơ quan thực hiện: Sở Y tế.\n")
    assert [(t.section, _names(t.leads), _names(t.coordinators)) for t in tasks] == [
        ("III.1.a", ["Sở Văn hóa và Thể thao"], ["Sở Nội vụ", "báo, đài"]),
        ("III.1.a", ["Sở Xây dựng"], []),
        ("III.2.a", ["Sở Y tế"], [])]


def test_tasks_a_lead_field_whose_later_clause_names_bodies_doing_work_of_their_own() -> None:
    tasks = _tasks("II. NỘI DUNG\n1. Phổ biến Luật\n- Nội dung thực hiện: Tổ chức phổ biến Luật Việc làm.\n"
                   "- Cơ quan thực hiện: Sở Nội vụ chủ trì tham mưu; Sở Tư pháp, cơ quan thông tấn báo chí và Ủy ban "
                   "nhân dân xã, phường chủ động tổ chức triển khai Luật.\n2. Tập huấn\n- Nội dung thực hiện: Tổ chức "
                   "tập huấn.\n- Cơ quan thực hiện: Sở Y tế chủ trì, phối hợp với Sở Tài chính; các sở, ngành liên quan.\n")
    assert [(_names(t.leads), _names(t.coordinators)) for t in tasks] == [
        (["Sở Nội vụ", "Sở Tư pháp", "Ủy ban nhân dân xã, phường"], []),
        (["Sở Y tế"], ["Sở Tài chính", "các sở, ngành liên quan"])]


def test_tasks_a_later_clause_whose_bodies_do_work_of_their_own_names_more_leads() -> None:
    tasks = _tasks("IV. TỔ CHỨC THỰC HIỆN\n1. Các sở, ban, ngành tỉnh, Ủy ban nhân dân các xã, phường\n- Các sở, ban, "
                   "ngành tỉnh tổ chức thực hiện nhiệm vụ được giao; Ủy ban nhân dân các xã, phường căn cứ nhiệm vụ "
                   "được giao xây dựng kế hoạch cụ thể.\n2. Sở Công Thương\n- Sở Công Thương chủ trì, phối hợp với các "
                   "sở, ngành; Ủy ban nhân dân các xã, phường; các doanh nghiệp triển khai thực hiện Kế hoạch này.\n")
    assert [(_names(t.leads), _names(t.coordinators)) for t in tasks] == [
        (["các sở, ban, ngành tỉnh", "Ủy ban nhân dân các xã, phường"], []),
        (["Sở Công Thương"], ["các sở, ngành", "Ủy ban nhân dân các xã, phường", "các doanh nghiệp"])]


def test_tasks_later_clauses_of_bodies_taking_part_or_deciding_and_role_items_read_together() -> None:
    tasks = _tasks("III. NỘI DUNG\n1. Tuyên truyền\n- Nội dung: Tuyên truyền trên báo chí.\n- Cơ quan thực hiện:\n"
                   "+ Sở Văn hóa và Thể thao chủ trì.\n+ Sở Tài chính, Sở Nội vụ phối hợp.\n+ Sở Xây dựng thẩm định.\n"
                   "IV. TỔ CHỨC THỰC HIỆN\n1. Sở Y tế\n- Sở Y tế chủ trì triển khai; các sở, ngành tích cực phối hợp "
                   "với Sở Y tế thực hiện.\n- Sở Tài chính chủ trì tham mưu dự toán; Ủy ban nhân dân tỉnh xem xét, "
                   "quyết định.\n")
    assert [(_names(t.leads), _names(t.coordinators)) for t in tasks] == [
        (["Sở Văn hóa và Thể thao"], ["Sở Tài chính", "Sở Nội vụ"]),
        (["Sở Xây dựng"], []),
        (["Sở Y tế"], ["các sở, ngành"]),
        (["Sở Tài chính"], [])]
    closing = _tasks("V. TỔ CHỨC THỰC HIỆN\n1. Sở Công Thương\n- Theo dõi, tổng hợp.\nTrên đây là Kế hoạch phát triển "
                     "công nghiệp. Yêu cầu các sở, ban, ngành triển khai thực hiện; đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam "
                     "tỉnh và các tổ chức chính trị - xã hội tỉnh phối hợp thực hiện./.")
    assert [(_names(t.leads), _names(t.coordinators)) for t in closing][-1] == (
        ["các sở, ban, ngành"], ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "các tổ chức chính trị - xã hội tỉnh"])


def test_deadlines_a_finish_window_across_years_ends_in_the_later_one_and_qui_is_a_quarter() -> None:
    tasks = _tasks("III. NHIỆM VỤ\n- Rà soát quy chế.\nThời gian hoàn thành: Tháng 11/2025 - tháng 02/2026.\n"
                   "- Lắp đặt trạm, hoàn thành trong quí II/2026.\n")
    assert [(d.date, d.recurrence) for d in find_deadlines(tasks)] == [("2026-02", None), ("2026", None)]


def test_tasks_short_sentences_are_tasks_and_a_bracketed_note_is_none() -> None:
    tasks = _tasks("II. NỘI DUNG\n1. Rà soát, điều chỉnh kế hoạch phòng thủ dân sự các cấp.\n"
                   "2. Diễn tập phòng thủ dân sự.\n3. Duy trì hoạt động thường xuyên.\n"
                   "(Chi tiết Danh mục nhiệm vụ tại Phụ lục kèm theo)\n4. Công tác tuyên truyền\n"
                   "III. TỔ CHỨC THỰC HIỆN\n1. Sở Tài chính bố trí kinh phí.")
    assert [(t.section, t.text) for t in tasks] == [
        ("II.1", "Rà soát, điều chỉnh kế hoạch phòng thủ dân sự các cấp."),
        ("II.2", "Diễn tập phòng thủ dân sự."), ("II.3", "Duy trì hoạt động thường xuyên."),
        ("III.1", "Sở Tài chính bố trí kinh phí.")]


def test_tasks_a_closing_request_without_its_issuer_belongs_to_its_part() -> None:
    tasks = _tasks("IV. TỔ CHỨC THỰC HIỆN\n1. Sở Tài chính bố trí kinh phí.\n2. Sở Nội vụ tổng hợp kết quả.\n"
                   "Yêu cầu các sở, ban, ngành và các đơn vị có liên quan thực hiện nghiêm túc./.")
    assert [(t.section, _names(t.leads)) for t in tasks][-1] == ("IV", ["các sở, ban, ngành", "các đơn vị có liên quan"])
    plan = _tasks("VI. TỔ CHỨC THỰC HIỆN\n21. Sở Tài chính\nPhối hợp với các viện nghiên cứu.\nYêu cầu các sở, ban, ngành; "
                  "Ủy ban nhân dân các phường, xã căn cứ nhiệm vụ được phân công triển khai thực hiện tốt Kế hoạch này.")
    assert [(t.section, _names(t.leads)) for t in plan][-1] == (
        "VI", ["các sở, ban, ngành", "Ủy ban nhân dân các phường, xã"])


def test_tasks_a_heading_naming_several_bodies_before_its_colon_gives_them_its_body() -> None:
    tasks = _tasks("VI. TỔ CHỨC THỰC HIỆN\n2. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức chính trị - xã hội "
                   "tỉnh: Vận động hội viên tham gia phong trào; biểu dương các điển hình.")
    assert [(t.section, t.text[:22], _names(t.leads)) for t in tasks] == [
        ("VI.2", "Vận động hội viên tham", ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "các tổ chức chính trị - xã hội tỉnh"])]


def test_deadlines_two_days_after_one_cue_are_two_deadlines() -> None:
    tasks = _tasks("V. TỔ CHỨC THỰC HIỆN\n1. Sở Nội vụ tổng hợp, định kỳ trước ngày 01/6 và 15/11 hằng năm báo cáo "
                   "Ủy ban nhân dân tỉnh.")
    assert [(d.date, d.recurrence) for d in find_deadlines(tasks)] == [("--06-01", "annual"), ("--11-15", "annual")]


def test_deadlines_a_date_s_recurrence_is_read_in_its_own_sentence() -> None:
    tasks = _tasks("IV. TỔ CHỨC THỰC HIỆN\n1. Các sở, ban, ngành xây dựng kế hoạch triển khai (hoàn thành trong tháng "
                   "11/2025) gửi về Sở Nội vụ. Thực hiện chế độ báo cáo định kỳ theo quy định.")
    assert [(d.date, d.recurrence) for d in find_deadlines(tasks)] == [("2025-11", None)]


def test_deadlines_a_mid_term_and_a_final_report_with_their_years_in_brackets() -> None:
    tasks = _tasks("V. TỔ CHỨC THỰC HIỆN\n1. Sở Y tế báo cáo giữa kỳ thực hiện Kế hoạch (năm 2028) và báo cáo tổng kết "
                   "thực hiện Kế hoạch (năm 2032), gửi Ủy ban nhân dân tỉnh.")
    assert [(d.date, d.recurrence) for d in find_deadlines(tasks)] == [("2028", None), ("2032", None)]


def test_tasks_a_heading_s_own_block_leaves_an_earlier_heading_s_named_doer() -> None:
    tasks = _tasks("II. NHIỆM VỤ\n1. Tuyên truyền pháp luật\n- Nội dung thực hiện: Tổ chức hội nghị phổ biến.\n"
                   "- Cơ quan chủ trì: Sở Tư pháp.\n2. Xây dựng văn bản hướng dẫn\n"
                   "Các sở, ban, ngành có trách nhiệm rà soát, tham mưu ban hành văn bản hướng dẫn.\n"
                   "3. Tổ chức kiểm tra việc thi hành Luật Việc làm\n- Cơ quan thực hiện: Sở Nội vụ.\n"
                   "- Thời gian thực hiện: Năm 2026.")
    assert [(t.section, _names(t.leads)) for t in tasks] == [
        ("II.1", ["Sở Tư pháp"]), ("II.2", ["các sở, ban, ngành"]), ("II.3", ["Sở Nội vụ"])]


def test_tasks_a_block_under_its_own_letter_assigns_the_task_before_it_even_one_naming_a_doer() -> None:
    tasks = _tasks("II. NHIỆM VỤ\n4.1. Kinh phí thực hiện\na) Nhiệm vụ: Các đơn vị lập dự toán kinh phí thực hiện.\n"
                   "b) Cơ quan thực hiện:\n- Đơn vị chủ trì: Các sở, ban, ngành.\n- Đơn vị phối hợp: Sở Tài chính.")
    assert [(t.section, _names(t.leads), _names(t.coordinators)) for t in tasks] == [
        ("II.4.1.a", ["các sở, ban, ngành"], ["Sở Tài chính"])]


def test_tasks_a_closing_that_names_one_difficulty_before_its_doers_names_them() -> None:
    tasks = _tasks("VI. TỔ CHỨC THỰC HIỆN\n1. Sở Tài chính tổng hợp kết quả.\n"
                   "Trong quá trình thực hiện, nếu có vướng mắc, các cơ quan, đơn vị, doanh nghiệp phản ánh về Sở Tài chính.")
    assert [(t.section, _names(t.leads)) for t in tasks][-1] == ("VI", ["các cơ quan, đơn vị, doanh nghiệp"])


def test_tasks_a_role_label_naming_no_partner_makes_the_bodies_of_its_items_partners() -> None:
    tasks = _tasks("III. NHIỆM VỤ\n2. Công an tỉnh\na) Chủ trì, phối hợp với Sở Y tế xây dựng kế hoạch.\n"
                   "b) Chủ trì, phối hợp\n- Sở Tài chính và các đơn vị có liên quan tham mưu bố trí ngân sách.\n"
                   "- Sở Xây dựng tổ chức rà soát cơ sở cai nghiện.")
    assert [(t.section, _names(t.leads), _names(t.coordinators)) for t in tasks] == [
        ("III.2.a", ["Công an tỉnh"], ["Sở Y tế"]),
        ("III.2.b", ["Công an tỉnh"], ["Sở Tài chính", "các đơn vị có liên quan"]),
        ("III.2.b", ["Công an tỉnh"], ["Sở Xây dựng"])]


def test_tasks_a_sentence_on_what_the_plan_replaces_is_no_task() -> None:
    tasks = _tasks("VI. TỔ CHỨC THỰC HIỆN\n1. Sở Nội vụ tổng hợp kết quả.\n"
                   "2. Kế hoạch này thay thế Kế hoạch số 12/KH-UBND ngày 3/2/2020 của Ủy ban nhân dân tỉnh.")
    assert [t.section for t in tasks] == ["VI.1"]


def test_tasks_a_long_heading_that_opens_with_its_doer_is_a_task_over_its_bullets() -> None:
    duty = ("Sở Nội vụ theo dõi, đôn đốc các sở, ban, ngành, Ủy ban nhân dân các xã, phường và các cơ quan, tổ chức có "
            "liên quan triển khai thực hiện nhiệm vụ được nêu trong Kế hoạch theo đúng tiến độ; tham mưu Ủy ban nhân dân "
            "tỉnh báo cáo kết quả triển khai thực hiện về Bộ Nội vụ theo quy định")
    tasks = _tasks(f"III. TỔ CHỨC THỰC HIỆN\n1. {duty}\n- Cập nhật kết quả lên phần mềm theo dõi trước ngày 20 hằng tháng.\n"
                   "III. NHIỆM VỤ\n2. Củng cố cơ sở hạ tầng, mạng lưới thư viện, bảo tàng, trung tâm văn hóa; tăng cường "
                   "ứng dụng công nghệ thông tin và chuyển đổi số, hiện đại hóa phương thức tổ chức các hoạt động, dịch vụ "
                   "phục vụ học tập suốt đời phù hợp với đối tượng ở từng vùng, miền\n- Xây dựng thư viện số.")
    assert [(t.section, t.text[:20]) for t in tasks] == [
        ("III.1", "Sở Nội vụ theo dõi, "), ("III.1", "Cập nhật kết quả lên"), ("III.2", "Xây dựng thư viện số")]
    assert _names(tasks[0].leads) == ["Sở Nội vụ"]


def test_tasks_rules_keep_their_limits() -> None:
    # a sentence on when the plan takes effect that goes on with a duty stays a task
    tasks = _tasks("VI. TỔ CHỨC THỰC HIỆN\n1. Sở Nội vụ tổng hợp.\n- Kế hoạch này có hiệu lực kể từ ngày ký; các sở, "
                   "ban, ngành có trách nhiệm tổ chức thực hiện.")
    assert [t.text[:22] for t in tasks] == ["Kế hoạch này có hiệu l"]
    # a long heading that opens with its doer but leads into the bullets below is their title
    lead_in = ("Sở Y tế là cơ quan thường trực, chủ trì, phối hợp với các sở, ban, ngành, Ủy ban nhân dân các xã, phường "
               "và các cơ quan, tổ chức có liên quan tổ chức triển khai, theo dõi, đôn đốc, kiểm tra việc thực hiện các "
               "nhiệm vụ, giải pháp trọng tâm sau đây")
    assert [t.text[:14] for t in _tasks(f"III. NHIỆM VỤ\n1. {lead_in}\n- Tổ chức điều trị.")] == ["Tổ chức điều t"]
    # a block naming no lead gives its partner and time to an earlier heading's task that names its doer
    tasks = _tasks("II. NHIỆM VỤ\n1. Tuyên truyền\na) Sở Tư pháp biên soạn tài liệu phổ biến.\nb) Tổ chức hội nghị "
                   "phổ biến pháp luật\n- Cơ quan phối hợp: Sở Nội vụ.\n- Thời gian thực hiện: Năm 2026.")
    assert [(_names(t.leads), _names(t.coordinators), t.due) for t in tasks][0] == (["Sở Tư pháp"], ["Sở Nội vụ"], "2026")
    # an item that leads itself under "Chủ trì, phối hợp:" keeps its lead
    tasks = _tasks("III. NHIỆM VỤ\n2. Công an tỉnh\nc) Chủ trì, phối hợp:\n- Sở Tài chính chủ trì thẩm định dự toán.")
    assert [_names(t.leads) for t in tasks] == [["Sở Tài chính"]]
    # a requirement under the purposes is no closing formula
    tasks = _tasks("I. MỤC ĐÍCH, YÊU CẦU\n2. Yêu cầu\nYêu cầu các cơ quan, đơn vị bám sát nội dung Kế hoạch.\n"
                   "II. NHIỆM VỤ\n1. Tuyên truyền\nYêu cầu Thủ trưởng các đơn vị tự kiểm tra việc thực hiện.")
    assert [t.section for t in tasks] == ["II.1"]


def test_deadlines_near_variants_of_two_days_and_a_sentence_ending_in_a_year() -> None:
    tasks = _tasks("V. TỔ CHỨC THỰC HIỆN\n1. Sở Y tế báo cáo trước ngày 15 tháng 6 và 15 tháng 12 hằng năm.\n"
                   "2. Sở Nội vụ hoàn thành trong năm 2025. Định kỳ hằng năm báo cáo kết quả.")
    assert [(d.date, d.recurrence) for d in find_deadlines(tasks)] == [
        ("--06-15", "annual"), ("--12-15", "annual"), ("2025", None)]


def test_tasks_the_paragraphs_above_a_focus_label_orient_the_heading_and_are_no_tasks() -> None:
    tasks = _tasks("III. NHIỆM VỤ\n1. An toàn thông tin mạng\nBảo đảm an toàn thông tin mạng là điều kiện tiên quyết.\n"
                   "Chủ động xây dựng năng lực phòng thủ mạng.\n*Trọng tâm*:\na) Rà soát hệ thống thông tin.\n"
                   "b) Diễn tập ứng cứu sự cố.\n2. Thi đua\nThi đua là động lực, khen thưởng là ghi nhận.\n"
                   "3. Dữ liệu\nTrọng tâm:\n- Xây dựng kho dữ liệu.")
    assert [(t.section, t.text) for t in tasks] == [
        ("III.1.a", "Rà soát hệ thống thông tin."), ("III.1.b", "Diễn tập ứng cứu sự cố."),
        ("III.2", "Thi đua là động lực, khen thưởng là ghi nhận."), ("III.3", "Xây dựng kho dữ liệu.")]
    listed = _tasks("III. NHIỆM VỤ\n1. Thương mại\nPhát triển thương mại điện tử, mở rộng thị trường.\nCác nhiệm vụ "
                    "trọng tâm bao gồm:\na) Xây dựng sàn thương mại điện tử.")
    assert [(t.section, t.text) for t in listed] == [("III.1.a", "Xây dựng sàn thương mại điện tử.")]


def test_tasks_a_parts_heading_on_the_forms_of_its_activities_lists_tasks() -> None:
    tasks = _tasks("III. NỘI DUNG, HÌNH THỨC\n1. Nội dung\n- Tuyên truyền về giảm nghèo.\n2. Hình thức\n"
                   "- In ấn, phát hành tờ rơi.\n- Lắp đặt pa - nô, băng rôn.\n3. Thời gian thực hiện\nTừ tháng 10/2025.\n"
                   "4. Tập huấn\na) Tổ chức lớp tập huấn.\nb) Hình thức: trực tuyến.")
    assert [(t.section, t.text) for t in tasks] == [
        ("III.1", "Tuyên truyền về giảm nghèo."), ("III.2", "In ấn, phát hành tờ rơi."),
        ("III.2", "Lắp đặt pa - nô, băng rôn."), ("III.4.a", "Tổ chức lớp tập huấn.")]


def test_tasks_bodies_a_paragraph_encourages_by_name_lead_it() -> None:
    tasks = _tasks("VI. TỔ CHỨC THỰC HIỆN\n17. Khuyến khích Liên đoàn Lao động tỉnh, Hội Nông dân tỉnh tham gia "
                   "phổ cập kỹ năng số.\n18. Khuyến khích các doanh nghiệp ứng dụng nền tảng số.")
    assert [(t.section, _names(t.leads)) for t in tasks] == [
        ("VI.17", ["Liên đoàn Lao động tỉnh", "Hội Nông dân tỉnh"]), ("VI.18", [])]


def test_tasks_a_heading_listing_communes_after_the_committee_makes_each_the_lead_below() -> None:
    communes = ["Hải Tiến", "Giao Minh", "Giao Hòa", "Giao Phúc", "Giao Hưng", "Giao Bình", "Giao Ninh", "Hải Hưng",
                "Hải Quang", "Hải Xuân", "Hải Thịnh", "Rạng Đông", "Kim Đông"]  # the heading runs past 30 words
    tasks = _tasks(f"III. TỔ CHỨC THỰC HIỆN\n7. UBND các xã: {', '.join(communes)}\n- Xây dựng kế hoạch phát triển du lịch.\n"
                   "- Quản lý chặt chẽ hoạt động du lịch biển.")
    assert [_names(t.leads) for t in tasks] == [[f"Ủy ban nhân dân xã {name}" for name in communes]] * 2


def test_tasks_a_part_on_orientation_states_directions_not_tasks() -> None:
    tasks = _tasks("II. MỤC TIÊU\n- Thu hút 1 triệu lượt khách.\nIII. ĐỊNH HƯỚNG PHÁT TRIỂN DU LỊCH SINH THÁI\n"
                   "- Phát triển mô hình du lịch cộng đồng gắn sinh kế ngư nghiệp.\nIV. NHIỆM VỤ VÀ GIẢI PHÁP\n"
                   "- Xây dựng sản phẩm du lịch đặc trưng.")
    assert [(t.section, t.text) for t in tasks] == [("IV", "Xây dựng sản phẩm du lịch đặc trưng.")]


def test_tasks_a_piece_broken_off_a_tables_row_is_no_task() -> None:
    clean = normalize("III. NHIỆM VỤ VÀ GIẢI PHÁP\n1. Phát triển sản phẩm\n- Xây dựng phương án thu gom rác.\n"
                      "| Nội dung | Chủ trì | Thời gian |\n|---|---|---|\n| Xây dựng phương án, hướng dẫn khai | UBND "
                      "các xã | Thường xuyên |\nthác, nước thải đúng quy định.\n- Tổ chức tập huấn.").text
    tables = find_tables(clean)
    tasks = find_facts(clean, outline(clean, skip=table_spans(tables)), tables).tasks
    assert "thác, nước thải đúng quy định." not in [t.text for t in tasks]
    assert "Tổ chức tập huấn." in [t.text for t in tasks]


def test_tasks_a_heading_asking_a_group_and_a_named_body_makes_each_the_lead() -> None:
    tasks = _tasks("V. TỔ CHỨC THỰC HIỆN\n11. Đề nghị các tổ chức, doanh nghiệp, Hiệp hội Du lịch thành phố\n"
                   "- Tham gia tư vấn, liên kết và phát triển các sản phẩm du lịch đặc trưng.")
    assert [_names(t.leads) for t in tasks] == [["các tổ chức, doanh nghiệp", "Hiệp hội Du lịch thành phố"]]


def test_tasks_a_sentence_heading_stating_an_aim_over_the_paragraph_of_its_doer_is_its_title() -> None:
    aim = ("II. NỘI DUNG\n4. Hoàn thành di dời 01 khu công nghiệp (Đông Phố Mới) và 02 cụm công nghiệp "
           "(Đông Phố Mới và Sơn Mãn) trong năm nay.\n")
    tasks = _tasks(aim + "Ủy ban nhân dân phường Lào Cai chủ trì, phối hợp với Sở Xây dựng thực hiện công tác GPMB.")
    assert [(t.section, _names(t.leads)) for t in tasks] == [("II.4", ["Ủy ban nhân dân phường Lào Cai"])]
    # a paragraph that goes on with the work keeps the heading a task of its own
    tasks = _tasks(aim + "Phát huy vai trò của các cơ sở trong việc di dời.")
    assert [t.text for t in tasks] == [aim.split("\n")[1][3:], "Phát huy vai trò của các cơ sở trong việc di dời."]


def test_tasks_bodies_a_colon_lists_with_no_verb_after_them_are_what_the_task_names() -> None:
    tasks = _tasks("II. NHIỆM VỤ\n1. Nhiệm vụ trọng tâm\n"
                   "- Xây dựng và nâng cấp hệ thống Bảo tàng hỗ trợ phát triển du lịch: Bảo tàng Ẩm thực, Bảo tàng "
                   "Áo dài...\n- Về đào tạo: Trung tâm Xúc tiến Du lịch chủ trì tổ chức các lớp bồi dưỡng.\n")
    assert [_names(t.leads) for t in tasks] == [[], ["Trung tâm Xúc tiến Du lịch"]]


def test_tasks_a_tables_rule_or_lone_figure_a_broken_table_left_is_no_task() -> None:
    tasks = _tasks("III. NHIỆM VỤ VÀ GIẢI PHÁP\n1. Phát triển sản phẩm\n- Xây dựng phương án thu gom rác.\n"
                   "- --------\n- 2026–2027\n- Tổ chức tập huấn.")
    assert [t.text for t in tasks] == ["Xây dựng phương án thu gom rác.", "Tổ chức tập huấn."]
