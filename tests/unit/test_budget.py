"""Budget amounts: totals, parts, periods and whether the parts add up."""
from __future__ import annotations

from plangraph.extract.budget import find_budget, period_of
from plangraph.extract.metadata import PlanInfo
from plangraph.extract.outline import outline

PLAN = ("I. MỤC TIÊU\n- Đạt 70% thư viện cấp xã có dịch vụ.\n"
        "II. KINH PHÍ THỰC HIỆN\n1. Nguồn ngân sách nhà nước.\n"
        "2. Dự kiến kinh phí thực hiện: 1.000 triệu đồng, trong đó:\n"
        "- Năm 2026: 400 triệu đồng.\n- Giai đoạn 2027-2030: 600 triệu đồng.\n(Chi tiết tại phụ lục)")


def test_budget_total_spans_its_parts() -> None:
    items = find_budget(outline(PLAN))
    assert [(b.amount, b.unit, b.period, b.is_total) for b in items] == [
        (1000.0, "triệu đồng", "2026-2030", True),
        (400.0, "triệu đồng", "2026", False),
        (600.0, "triệu đồng", "2027-2030", False),
    ]
    assert items[0].parts_add_up is True
    assert items[0].label == "Dự kiến kinh phí thực hiện"
    assert all(b.section == "II.2" for b in items)


def test_budget_parts_that_do_not_add_up_are_recorded() -> None:
    text = PLAN.replace("600 triệu đồng", "500 triệu đồng")
    assert find_budget(outline(text))[0].parts_add_up is False


def test_budget_mixed_money_units_are_converted_before_adding() -> None:
    text = ("I. KINH PHÍ\n1. Tổng kinh phí: 1,5 tỷ đồng, gồm:\n- Năm 2026: 500 triệu đồng.\n"
            "- Năm 2027: 1.000 triệu đồng.")
    total = find_budget(outline(text))[0]
    assert (total.amount, total.unit, total.is_total, total.parts_add_up) == (1.5, "tỷ đồng", True, True)


def test_budget_ignores_amounts_outside_funding_sections() -> None:
    text = "I. MỤC TIÊU\n- Huy động 500 triệu đồng xã hội hóa.\nII. TỔ CHỨC THỰC HIỆN\n- Chi 20 triệu đồng."
    assert find_budget(outline(text)) == ()


def test_budget_evidence_span_points_at_the_amount() -> None:
    items = find_budget(outline(PLAN))
    assert [PLAN[b.start:b.end] for b in items] == ["1.000 triệu đồng", "400 triệu đồng", "600 triệu đồng"]


def test_budget_period_of_labels() -> None:
    assert period_of("Năm 2026") == "2026"
    assert period_of("Giai đoạn 2027 - 2030") == "2027-2030"
    assert period_of("Từ năm 2026 đến năm 2030") == "2026-2030"
    assert period_of("Ngân sách tỉnh") is None


def test_budget_parts_in_the_same_sentence() -> None:
    text = ("I. KINH PHÍ THỰC HIỆN\nTổng kinh phí dự kiến là 1,2 tỷ đồng, bao gồm: ngân sách tỉnh "
            "800 triệu đồng, ngân sách huyện 400 triệu đồng.")
    items = find_budget(outline(text))
    assert [(b.label, b.amount, b.is_total) for b in items] == [
        ("Tổng kinh phí dự kiến", 1.2, True), ("ngân sách tỉnh", 800.0, False), ("ngân sách huyện", 400.0, False)]
    assert items[0].parts_add_up is True


def test_budget_assessment_of_an_estimate_is_not_a_funding_section() -> None:
    text = ("I. TÌNH HÌNH THỰC HIỆN DỰ TOÁN NĂM 2025\n- Tổng chi được giao là 26.800 tỷ đồng.\n"
            "II. KINH PHÍ THỰC HIỆN\n- Năm 2025 đã bố trí 300 triệu đồng.\n- Năm 2026: 400 triệu đồng.")
    assert [(b.section, b.amount, b.period) for b in find_budget(outline(text))] == [("II", 400.0, "2026")]


def test_budget_total_stated_in_a_heading_and_its_sources_share_its_period() -> None:
    text = ("IV. KINH PHÍ THỰC HIỆN\n1. Tổng kinh phí giai đoạn 2026-2030 dự kiến là 1.500 triệu đồng "
            "(Một tỷ năm trăm triệu đồng). Trong đó:\n- Ngân sách tỉnh: 1.000 triệu đồng;\n"
            "- Nguồn xã hội hóa: 500 triệu đồng.")
    items = find_budget(outline(text))
    assert [(b.section, b.amount, b.period, b.is_total) for b in items] == [
        ("IV.1", 1500.0, "2026-2030", True), ("IV.1", 1000.0, "2026-2030", False), ("IV.1", 500.0, "2026-2030", False)]
    assert items[0].parts_add_up is True


def test_budget_investment_capital_of_a_one_year_plan_is_for_its_year() -> None:
    plan = PlanInfo("Kế hoạch", "kh", None, None, 2026, "Lào Cai", None, None, None, None, None, 2026, 2026, None, (), ())
    text = ("III. GIẢI PHÁP\n- Thu hút đầu tư.\nIV. VỐN ĐẦU TƯ\nKhái toán tổng số vốn đầu tư thực hiện: 7.080 tỷ đồng, "
            "trong đó:\n1. Vốn ngân sách nhà nước: 1.280 tỷ đồng.\n2. Vốn doanh nghiệp: 5.800 tỷ đồng.")
    items = find_budget(outline(text), plan)
    assert [(b.amount, b.period, b.is_total) for b in items] == [
        (7080.0, "2026", True), (1280.0, "2026", False), (5800.0, "2026", False)]
