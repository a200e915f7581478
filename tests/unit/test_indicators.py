"""Indicators: values, ranges, units, years, comparators, subjects and their evidence spans."""
from __future__ import annotations

import pytest

import re

from plangraph.extract.indicators import clean_subject, find_indicators, find_measures, fold_pattern, item_targets
from plangraph.extract.normalize import fold
from plangraph.extract.outline import outline
from plangraph.extract.rules import Row, read_table


def targets(text: str, year: int | None = 2025) -> list[tuple[float, float | None, str, int | None, str]]:
    return [(t.measure.value, t.measure.value_max, t.unit, t.year, t.subject) for t in item_targets(text, year)]


@pytest.mark.parametrize("text, value, value_max, unit", [
    ("đạt 25-30% hộ gia đình", 25.0, 30.0, "%"),
    ("đạt 20-25 % hộ gia đình", 20.0, 25.0, "%"),
    ("phục vụ 12.000 - 15.000 lượt khách", 12000.0, 15000.0, "lượt"),
    ("có từ 3.000 – 4.000 bản sách", 3000.0, 4000.0, "bản"),
    ("đạt 2,5 bản/người dân", 2.5, None, "bản/người dân"),
    ("đạt 0,3 bản sách/người dân", 0.3, None, "bản/người dân"),
    ("tổ chức 12 cuộc/năm", 12.0, None, "cuộc/năm"),
    ("mở 02 lớp/ năm", 2.0, None, "lớp/năm"),
    ("đọc 3 xuất bản phẩm in trở lên/ năm", 3.0, None, "xuất bản phẩm/năm"),
    ("phòng đọc 40 m2 cho thiếu nhi", 40.0, None, "m²"),
    ("đạt 200 000 lượt", 200000.0, None, "lượt"),
    ("hình thành 02- 03 khu du lịch biển", 2.0, 3.0, "khu"),
    ("hình thành 4 cụm du lịch sinh thái", 4.0, None, "cụm"),
    ("bồi dưỡng 1 - 2 hướng dẫn viên tại điểm", 1.0, 2.0, "hướng dẫn viên"),
])
def test_indicators_measures_ranges_and_units(text: str, value: float, value_max: float | None,
                                              unit: str) -> None:
    (found,) = find_measures(text)
    assert (found.value, found.value_max, found.unit) == (value, value_max, unit)


@pytest.mark.parametrize("text", [
    "Giai đoạn 2021 - 2025 thực hiện theo Quyết định số 12/QĐ-UBND ngày 01/7/2020.",
    "Chi tiết tại phụ lục 01 kèm theo.",
    "Thông tư 15/2021/TT-BVHTTDL",
])
def test_indicators_years_dates_and_numbers_without_units_are_not_targets(text: str) -> None:
    assert find_measures(text) == []


def test_indicators_a_year_right_after_a_value_is_its_target_year_but_a_months_year_is_not() -> None:
    found = targets("Tỷ lệ cặp nam, nữ thanh niên được tư vấn trước khi kết hôn đạt 70% năm 2025; 90% năm 2030.")
    assert [(v, y) for v, _, _, y, _ in found] == [(70.0, 2025), (90.0, 2030)]
    found = targets("Đến năm 2025, 100% thư viện thành lập trước tháng 8 năm 2020 đạt chuẩn.")
    assert [(v, y) for v, _, _, y, _ in found] == [(100.0, 2025)]


def test_indicators_shared_prefix_belongs_to_every_value() -> None:
    found = targets("Phấn đấu đến năm 2027, bảo tàng tỉnh sưu tầm đạt 2.000 bản ảnh và 300 đầu sách cổ.")
    assert [(v, u, y) for v, _, u, y, _ in found] == [(2000.0, "bản", 2027), (300.0, "đầu", 2027)]
    assert found[0][4] == "bảo tàng tỉnh sưu tầm ảnh"
    assert found[1][4] == "bảo tàng tỉnh sưu tầm sách cổ"


def test_indicators_enumeration_shares_its_tail() -> None:
    found = targets("Đến năm 2025, đạt 60% trường tiểu học, 50% trường trung học có phòng đọc đạt chuẩn.")
    assert [(v, y) for v, _, _, y, _ in found] == [(60.0, 2025), (50.0, 2025)]
    assert found[0][4] == "trường tiểu học có phòng đọc đạt chuẩn"
    assert found[1][4] == "trường trung học có phòng đọc đạt chuẩn"


def test_indicators_respective_list_maps_onto_previous_subjects() -> None:
    text = ("Đến năm 2025, đạt 60% trường tiểu học, 50% trường trung học có phòng đọc đạt chuẩn. "
            "Đến năm 2030, đạt 80% và 70% các chỉ tiêu tương ứng.")
    found = targets(text)
    assert [(v, y) for v, _, _, y, _ in found] == [(60.0, 2025), (50.0, 2025), (80.0, 2030), (70.0, 2030)]
    assert found[2][4] == found[0][4] and found[3][4] == found[1][4]


def test_indicators_weak_value_continues_previous_subject_and_per_year_unit() -> None:
    text = ("Đến năm 2026, số người đến bảo tàng tham quan tăng bình quân 5% mỗi năm; "
            "đến năm 2030 đạt 8% chỉ tiêu tương ứng và đạt 12% vào năm 2045.")
    found = targets(text)
    assert [(v, u, y) for v, _, u, y, _ in found] == [(5.0, "%/năm", 2026), (8.0, "%/năm", 2030),
                                                     (12.0, "%/năm", 2045)]
    assert all("người đến bảo tàng tham quan" in s for *_, s in found)


def test_indicators_value_in_brackets_is_its_own_target() -> None:
    found = targets("Phấn đấu 80% hội viên (cán bộ trẻ là 90%) có thẻ thư viện.")
    assert [(v, u) for v, _, u, _, _ in found] == [(80.0, "%"), (90.0, "%")]
    assert found[0][4] == "hội viên có thẻ thư viện"
    assert found[1][4].startswith("cán bộ trẻ") and "có thẻ thư viện" in found[1][4]


def test_indicators_per_year_and_at_least() -> None:
    (target,) = item_targets("Hằng năm phục vụ ít nhất 5.000 lượt bạn đọc nhỏ tuổi.", 2025)
    assert (target.unit, target.comparator) == ("lượt/năm", ">=")


def test_indicators_year_from_heading_and_sections() -> None:
    text = ("I. MỤC ĐÍCH\n- Đạt 100% nội dung.\nII. MỤC TIÊU\n1. Giai đoạn 2021 - 2025\n"
            "- Phấn đấu 40% nhà văn hóa thôn có tủ sách.\n2. Định hướng đến năm 2030\n"
            "- Phấn đấu 60% nhà văn hóa thôn có tủ sách.\nIII. NHIỆM VỤ\n- Tặng 500 bản sách.")
    found = find_indicators(outline(text))
    assert [(i.section, i.value, i.year) for i in found] == [("II.1", 40.0, 2025), ("II.2", 60.0, 2030)]
    assert [text[i.start:i.end] for i in found] == ["Phấn đấu 40% nhà văn hóa thôn có tủ sách",
                                                    "Phấn đấu 60% nhà văn hóa thôn có tủ sách"]


def test_indicators_subject_cleaning() -> None:
    assert clean_subject("Phấn đấu đến năm 2025, đạt") == ""
    assert clean_subject(", trong đó ít nhất") == ""
    assert clean_subject("trường học có thư viện (chi tiết tại phụ lục 02).") == "trường học có thư viện"


# ------------------------------------------------------------------ pattern tables

def _rows(table: str) -> list[object]:
    return [pytest.param(row, id=row.where) for row in read_table(table, ("id", "kind", "cue", "example"))]


@pytest.mark.parametrize("row", _rows("units.tsv"))
def test_indicators_units_table_examples(row: Row) -> None:
    units = [m.unit for m in find_measures(row["example"])]
    unit = row["unit"] if row["unit"] != "=" else re.search(row["cue"], row["example"], re.IGNORECASE)[0]
    if row["kind"] == "denominator":
        assert any("/" in u and u.endswith(unit) for u in units), (row.where, units)
    else:
        assert any(u.split("/")[0] == unit for u in units), (row.where, units)


@pytest.mark.parametrize("row", _rows("indicator_cues.tsv"))
def test_indicators_cue_table_examples(row: Row) -> None:
    pattern = re.compile(fold_pattern(row["cue"]), re.IGNORECASE)
    assert pattern.search(fold(row["example"])), row.where


def test_indicators_lead_in_paragraph_sets_the_year_of_following_bullets() -> None:
    text = ("I. MỤC TIÊU\n1. Mục tiêu cụ thể\nĐến năm 2025:\n- 90% trường học có tủ sách lớp học.\n"
            "Đến năm 2030:\n- Tỷ lệ người dân đọc sách thường xuyên đạt 55%.")
    found = find_indicators(outline(text))
    assert [(i.value, i.year) for i in found] == [(90.0, 2025), (55.0, 2030)]
    assert found[1].subject == "Tỷ lệ người dân đọc sách thường xuyên"


@pytest.mark.parametrize("text, value, value_max, unit", [
    ("kim ngạch đạt 8,95 tỷ USD", 8.95, None, "tỷ USD"),
    ("giá trị đạt 400 triệu USD", 400.0, None, "triệu USD"),
    ("sản lượng đạt 1.200 tấn", 1200.0, None, "tấn"),
    ("có 11.400 doanh nghiệp", 11400.0, None, "doanh nghiệp"),
    ("mức sinh 2,1 con/phụ nữ", 2.1, None, "con/phụ nữ"),
    ("dưới 110 bé trai/100 bé gái sinh ra", 110.0, None, "bé trai/100 bé gái"),
    ("ít nhất 01 buổi nói chuyện, giao lưu/01 cơ sở giáo dục", 1.0, None, "buổi/cơ sở"),
    ("tăng 10 - 10,5%/năm", 10.0, 10.5, "%/năm"),
])
def test_indicators_measures_trade_population_and_per_unit(text: str, value: float, value_max: float | None,
                                                           unit: str) -> None:
    (found,) = find_measures(text)
    assert (found.value, found.value_max, found.unit) == (value, value_max, unit)


def test_indicators_outside_objectives_only_values_a_sentence_sets_out() -> None:
    text = ("I. TÌNH HÌNH THỰC HIỆN NĂM 2025\n- Doanh thu năm nay ước đạt 8% so cùng kỳ.\n"
            "- Chi đầu tư từ nguồn vốn tập trung phấn đấu đạt 100% kế hoạch.\n"
            "II. NHIỆM VỤ\n- Rà soát nhân lực, bảo đảm 100% trạm y tế có bác sĩ.\n- Tập huấn cho 200 người.")
    found = find_indicators(outline(text))
    assert [(i.section, i.value, i.year) for i in found] == [("I", 100.0, 2025), ("II", 100.0, None)]
    assert found[1].subject == "trạm y tế có bác sĩ"
    goal = item_targets("Đôn đốc các địa phương xây dựng lộ trình đạt mục tiêu ít nhất 50% xã, phường không có "
                        "ma túy vào năm 2030.", None, gated=True)
    assert [(t.subject, t.measure.value, t.year) for t in goal] == [("xã, phường không có ma túy", 50.0, 2030)]


def test_indicators_reported_values_are_not_targets() -> None:
    found = targets("Tỷ lệ xã đạt chuẩn đã đạt 60%, phấn đấu đạt 80% xã đạt chuẩn.")
    assert [v for v, *_ in found] == [80.0]


def test_indicators_objective_and_funding_headings_start_the_title() -> None:
    text = ("I. TÌNH HÌNH\n1. Chi các chương trình mục tiêu\n- Giải ngân 100% vốn.\n"
            "2. Tình hình thực hiện dự toán năm 2025\n- Phấn đấu 90% xã hoàn thành.\n"
            "II. MỤC ĐÍCH, YÊU CẦU VÀ MỤC TIÊU\n- 70% hộ dân có nước sạch.")
    found = find_indicators(outline(text))
    assert [(i.section, i.value, i.year) for i in found] == [("I.2", 90.0, 2025), ("II", 70.0, None)]


def test_indicators_comparators() -> None:
    found = item_targets("Phấn đấu sản lượng đạt trên 500 tấn; tỷ số dưới 110 bé trai/100 bé gái; "
                         "ít nhất 10% cán bộ có bằng thạc sĩ; khoảng 20% hộ có máy lọc nước.", 2030)
    assert [t.comparator for t in found] == [">", "<", ">=", None]


def test_indicators_percentage_is_per_year_only_for_a_rate() -> None:
    assert targets("100% giáo viên được bồi dưỡng chuyên môn hằng năm.")[0][2] == "%"
    assert targets("Tỷ lệ hộ nghèo giảm hằng năm 1%-1,5%.")[0][:3] == (1.0, 1.5, "%/năm")
    found = targets("Giá trị xuất khẩu đạt 400 triệu USD, tăng bình quân hằng năm 10 - 13%.")
    assert [(v, u) for v, _, u, *_ in found] == [(400.0, "triệu USD"), (10.0, "%/năm")]


def test_indicators_heading_that_states_a_value_is_read() -> None:
    text = "II. MỤC TIÊU\n1. 100% xã có nhà văn hóa đạt chuẩn.\n2. Ít nhất 10% cán bộ có bằng thạc sĩ."
    found = find_indicators(outline(text))
    assert [(i.section, i.value, i.comparator) for i in found] == [("II.1", 100.0, None), ("II.2", 10.0, ">=")]
    assert found[0].subject == "xã có nhà văn hóa đạt chuẩn"
    assert [text[i.start:i.end] for i in found][0] == "100% xã có nhà văn hóa đạt chuẩn"


def test_indicators_heading_outside_objectives_that_states_a_value_sets_it() -> None:
    text = ("II. NỘI DUNG\n1. Hoàn thành di dời 02 cụm công nghiệp.\n- Tập huấn cho 200 người.\n"
            "2. Tỷ lệ khu công nghiệp có công trình xử lý nước thải đạt chuẩn 100%.")
    found = find_indicators(outline(text))
    assert [(i.section, i.value, i.unit) for i in found] == [("II.1", 2.0, "cụm công nghiệp"), ("II.2", 100.0, "%")]
    # a heading run together with its paragraph is no statement of its own
    run_in = ("II. NỘI DUNG\n1. Tình hình thu ngân sách năm 2025 " + "trên địa bàn tỉnh " * 8
              + "có 120 doanh nghiệp hoạt động.")
    assert find_indicators(outline(run_in)) == ()


def test_indicators_short_label_opens_each_clause_and_long_lead_in_is_dropped() -> None:
    found = targets("Tại vùng ven biển: 90% hộ có nước sạch; 100% trường có nhà vệ sinh.")
    assert [s for *_, s in found] == ["Tại vùng ven biển hộ có nước sạch", "Tại vùng ven biển trường có nhà vệ sinh"]
    found = targets("Tập trung các giải pháp nâng cao chất lượng dân số và chăm sóc người cao tuổi, cụ thể: "
                    "tỷ lệ sàng lọc sơ sinh đạt 90%.")
    assert found[0][4] == "tỷ lệ sàng lọc sơ sinh"


def test_indicators_respective_list_maps_onto_targets_of_earlier_items() -> None:
    text = ("I. MỤC TIÊU\na) Đến năm 2025:\n- 95% trẻ em được tiêm chủng đầy đủ.\n"
            "- Tỷ lệ trẻ suy dinh dưỡng giảm xuống dưới 20%.\n"
            "b) Đến năm 2030: các chỉ tiêu trên lần lượt đạt 98% và 15%.")
    found = find_indicators(outline(text))
    assert [(i.section, i.value, i.year, i.comparator) for i in found] == [
        ("I.a", 95.0, 2025, None), ("I.a", 20.0, 2025, "<"), ("I.b", 98.0, 2030, None), ("I.b", 15.0, 2030, None)]
    assert found[2].subject == found[0].subject == "trẻ em được tiêm chủng đầy đủ"
    assert found[3].subject == found[1].subject == "Tỷ lệ trẻ suy dinh dưỡng giảm"


def test_indicators_year_opening_each_clause_and_two_denominators() -> None:
    found = targets("Số người tham gia bảo hiểm: năm 2026 đạt 50.000 người; năm 2027 đạt 55.000 người.", None)
    assert [(v, y, s) for v, _, _, y, s in found] == [(50000.0, 2026, "Số người tham gia bảo hiểm"),
                                                     (55000.0, 2027, "Số người tham gia bảo hiểm")]
    (income,) = targets("Thu nhập bình quân đầu người đạt 120 triệu đồng/người/năm.")
    assert (income[2], income[4]) == ("triệu đồng/người/năm", "Thu nhập bình quân đầu người")


def test_indicators_words_after_a_comma_name_the_next_value() -> None:
    found = targets("Tổng giá trị cà phê xuất khẩu đạt 10 triệu USD, tốc độ tăng bình quân 8 - 9%/năm.", 2030)
    assert [(v, w, u) for v, w, u, *_ in found] == [(10.0, None, "triệu USD"), (8.0, 9.0, "%/năm")]
    assert found[0][4] == "Tổng giá trị cà phê xuất khẩu"
    assert found[1][4] == "Tổng giá trị cà phê xuất khẩu tốc độ tăng bình quân"
    found = targets("Dự báo kinh tế cả nước tăng trưởng ổn định, dự báo tốc độ tăng trưởng của tỉnh khoảng 9%/năm.")
    assert found[0][4] == "tốc độ tăng trưởng của tỉnh"


def test_indicators_baseline_of_a_change_is_not_a_target() -> None:
    assert [v for v, *_ in targets("Tỷ lệ hộ có nước sạch tăng từ 45% lên 60%.")] == [60.0]
    assert [v for v, *_ in targets("Giảm tỷ lệ hộ nghèo từ 12% xuống còn 8%.")] == [8.0]
    assert [v for v, *_ in targets("Mỗi điểm đọc có từ 300 bản sách.")] == [300.0]


def test_indicators_a_passive_assurance_is_a_report_not_a_target() -> None:
    assert item_targets("Công tác tiêm chủng được bảo đảm, đạt 98% kế hoạch.", 2025, gated=True) == []
    assert len(item_targets("Rà soát hồ sơ, bảo đảm 100% trạm y tế có bác sĩ.", 2025, gated=True)) == 1


def test_indicators_a_goal_named_in_a_purpose_sentence_is_a_target() -> None:
    root = outline("I. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\n- Phát triển hạ tầng số tại các khu công nghiệp, góp phần "
                   "tăng trưởng kinh tế số, mục tiêu tỷ lệ phủ sóng mạng 5G tại các KCN đến năm 2030 đạt 100%.\n"
                   "- Bố trí nguồn vốn các chương trình mục tiêu 500 tỷ đồng.")
    assert [(i.value, i.unit, i.year, i.subject) for i in find_indicators(root)] == [
        (100.0, "%", 2030, "tỷ lệ phủ sóng mạng 5G tại các KCN")]


def test_indicators_a_sentence_opening_with_every_year_makes_each_of_its_rates_yearly() -> None:
    targets = item_targets("Hàng năm, số vụ phạm tội được phát hiện tăng trên 03%; số vụ phạm tội lợi dụng không gian "
                           "mạng được phát hiện, triệt phá tăng trên 05%.", 2030)
    assert [(t.measure.value, t.unit) for t in targets] == [(3.0, "%/năm"), (5.0, "%/năm")]


def test_indicators_a_horizon_year_and_reach_set_a_target_outside_objectives() -> None:
    found = item_targets("Đến năm 2030, tỷ lệ thu gom, xử lý rác thải nhựa tại các bãi biển đạt 100%.", 2030, gated=True)
    assert [(t.measure.value, t.unit, t.year) for t in found] == [(100.0, "%", 2030)]
    assert item_targets("Đến năm 2020, tỷ lệ thu gom rác thải đã đạt 90%.", 2030, gated=True) == []


def test_measures_rates_of_births_per_a_number_of_others() -> None:
    from plangraph.extract.measures import find_measures
    found = [(m.value, m.unit) for text in ("Tỷ số giới tính khi sinh ở mức 107 trẻ sơ sinh trai/100 trẻ sơ sinh gái",
                                            "Tỷ suất sinh ở trẻ vị thành niên xuống 18 ca sinh/1.000 phụ nữ")
             for m in find_measures(text)]
    assert found == [(107.0, "trẻ sơ sinh trai/100 trẻ sơ sinh gái"), (18.0, "ca sinh/1.000 phụ nữ")]
    rate = targets("Tỷ lệ tử vong bà mẹ liên quan đến thai sản dưới 4/100.000 trẻ sinh ra còn sống vào năm 2025.")
    assert [(v, unit) for v, _, unit, *_ in rate] == [(4.0, "/100.000 trẻ sinh ra còn sống")]
    assert find_measures("Quyết định ngày 4/10/2025") == []  # a date is no rate


def test_indicators_a_year_closing_a_value_s_phrase_is_its_year_not_the_next_value_s() -> None:
    found = targets("phấn đấu đạt 20% xã, phường “an toàn” năm 2025, bảo đảm đến hết năm 2030 đạt 50% số xã", None)
    assert [(value, year) for value, _, _, year, _ in found] == [(20.0, 2025), (50.0, 2030)]
    found = targets("xây dựng thôn an toàn giai đoạn 2025 - 2030, phấn đấu đạt 30% số thôn ngay trong năm 2026; "
                    "đến năm 2030 đạt 100% số thôn", None)
    assert [(value, year) for value, _, _, year, _ in found] == [(30.0, 2026), (100.0, 2030)]


def test_indicators_the_year_a_value_is_compared_with_is_not_its_target_year() -> None:
    found = targets("phấn đấu đến năm 2030 đạt 90% người dân có thẻ bảo hiểm y tế so với năm 2020.", None)
    assert [(value, year) for value, _, _, year, _ in found] == [(90.0, 2030)]
    found = targets("phấn đấu 100% văn bản được rà soát theo Nghị định ban hành năm 2024.", 2026)
    assert [(value, year) for value, _, _, year, _ in found] == [(100.0, 2026)]


def test_indicators_a_clause_lead_and_what_a_count_counts_name_each_value_once() -> None:
    found = targets("Đến năm 2030: Thu hút 10 - 12 triệu lượt khách, tăng 18 - 20%/năm; mức chi tiêu bình quân "
                    "khoảng 2,5 - 3 triệu đồng/khách; thời gian lưu trú bình quân đạt 2,5 ngày/khách.", None)
    assert [(value, unit, subject) for value, _, unit, _, subject in found] == [
        (10.0, "triệu lượt khách", "Thu hút lượt khách"), (18.0, "%/năm", "Thu hút lượt khách tăng"),
        (2.5, "triệu đồng/khách", "mức chi tiêu bình quân"), (2.5, "ngày/khách", "thời gian lưu trú bình quân")]
    assert targets("Chăm sóc dinh dưỡng 1.000 ngày đầu đời cho 90% trẻ em.") == [
        (90.0, None, "%", 2025, "Chăm sóc dinh dưỡng 1.000 ngày đầu đời cho trẻ em")]  # days per nothing: no unit
