"""Tables: rows and columns recovered from both published forms, and the facts they carry."""
from __future__ import annotations

from plangraph.extract.find import find_facts
from plangraph.extract.normalize import normalize
from plangraph.extract.outline import outline
from plangraph.extract.table_facts import find_table_facts
from plangraph.extract.tables import find_tables, table_spans


def _cells(*lines: str) -> str:
    """A cell-per-line table: each argument is one line (`|` or a cell's line)."""
    return "\n".join(lines)


def _row(*cells: str) -> list[str]:
    lines = ["|"]
    for cell in cells:
        if cell:
            lines.extend(cell.split("\n"))
        lines.append("|")
    return lines


def _table(*rows: list[str]) -> str:
    return _cells(*[line for row in rows for line in row])


INDICATORS = "\n".join([
    "PHỤ LỤC 02",
    "CHỈ TIÊU THỬ NGHIỆM GIAI ĐOẠN 2026 - 2027",
    _table(_row("STT", "Chỉ tiêu", "ĐVT", "Năm hiện hành 2025", "Năm 2026", "Năm 2027"),
           _row("Kế hoạch", "Ước thực hiện"),
           _row("1", "2", "3", "4", "5", "6", "7"),
           _row("I", "Nhóm cây trồng", "", "", "", "", ""),
           _row("1", "Cây bơ", "", "", "", "", ""),
           _row("-", "Diện\ntích trồng mới", "Ha", "10", "11", "12", "1-1,5"),
           _row("-", "Sản lượng", "Tấn", "", "", "-", "0"),
           _row("2", "Số hợp tác xã", "Hợp tác xã", "3", "3", "4", "5")),
])


def test_tables_cell_per_line_recovers_rows_empty_cells_and_wrapped_cells() -> None:
    (table,) = find_tables(INDICATORS)
    assert table.width == 7
    assert [len(r.cells) for r in table.header] == [6, 2, 7]
    rows = [[c.text for c in r.cells] for r in table.rows]
    assert rows[0] == ["I", "Nhóm cây trồng", "", "", "", "", ""]
    assert rows[2] == ["-", "Diện tích trồng mới", "Ha", "10", "11", "12", "1-1,5"]
    assert rows[3] == ["-", "Sản lượng", "Tấn", "", "", "-", "0"]
    wrapped = table.rows[2].cells[1]
    assert INDICATORS[wrapped.start:wrapped.end] == "Diện\ntích trồng mới"
    assert [c.text for c in table.caption] == ["PHỤ LỤC 02", "CHỈ TIÊU THỬ NGHIỆM GIAI ĐOẠN 2026 - 2027"]


def test_tables_header_cell_spanning_leaves_covers_them() -> None:
    (table,) = find_tables(INDICATORS)
    assert table.columns[3] == ("Năm hiện hành 2025", "Kế hoạch")
    assert table.columns[4] == ("Năm hiện hành 2025", "Ước thực hiện")
    assert table.columns[5] == ("Năm 2026",)


def test_tables_markdown_rows_with_rule_line() -> None:
    text = "Bảng kèm theo\n| STT | Nội dung | Ghi chú |\n|---|:---:|---|\n| 1 | Việc một |  |\n| 2 | Việc hai | x |"
    (table,) = find_tables(text)
    assert table.columns == (("STT",), ("Nội dung",), ("Ghi chú",))
    assert [[c.text for c in r.cells] for r in table.rows] == [["1", "Việc một", ""], ["2", "Việc hai", "x"]]
    cell = table.rows[1].cells[1]
    assert text[cell.start:cell.end] == "Việc hai"


def test_table_facts_indicator_per_row_and_target_year() -> None:
    facts = find_table_facts(find_tables(INDICATORS), outline(INDICATORS))
    found = [(i.section, i.subject, i.value, i.value_max, i.unit, i.year) for i in facts.indicators]
    assert found == [
        ("PL.02.I.1", "Cây bơ - Diện tích trồng mới", 12.0, None, "ha", 2026),
        ("PL.02.I.1", "Cây bơ - Diện tích trồng mới", 1.0, 1.5, "ha", 2027),
        ("PL.02.I.1", "Cây bơ - Sản lượng", 0.0, None, "tấn", 2027),
        ("PL.02.I.2", "Số hợp tác xã", 4.0, None, "hợp tác xã", 2026),
        ("PL.02.I.2", "Số hợp tác xã", 5.0, None, "hợp tác xã", 2027),
    ]
    assert [i.ordinal for i in facts.indicators] == [1, 2, 3, 1, 2]
    first = facts.indicators[0]
    assert INDICATORS[first.start:first.end] == "12"


BUDGET = "\n".join([
    "Biểu số 3",
    "DỰ KIẾN CHI GIAI ĐOẠN 2026 - 2027",
    "Đơn vị tính: Triệu đồng",
    "| STT | Nội dung | Ước thực hiện 2025 | Năm 2026 | So sánh 2026 với 2025 (%) | Năm 2027 |",
    "|---|---|---|---|---|---|",
    "| A | TỔNG CHI | 100 | 120 | 120,0 | 1.300 |",
    "| 1 | Chi thường xuyên | 40 | - | | 0 |",
    "|  | Tỷ lệ chi so với tổng chi (%) | 40 | 45,5 | | 50 |",
])


def test_table_facts_budget_line_per_row_and_plan_year() -> None:
    facts = find_table_facts(find_tables(BUDGET), outline(BUDGET))
    assert [(b.section, b.amount, b.unit, b.period) for b in facts.budget] == [
        ("PL.3.A", 120.0, "triệu đồng", "2026"),
        ("PL.3.A", 1300.0, "triệu đồng", "2027"),
        ("PL.3.A.1", 0.0, "triệu đồng", "2027"),
    ]
    assert [(i.value, i.unit, i.year) for i in facts.indicators] == [(45.5, "%", 2026), (50.0, "%", 2027)]


TASKS = "\n".join([
    "KẾ HOẠCH",
    "Thử nghiệm bảng",
    "I. MỤC ĐÍCH",
    "- Làm rõ việc cần làm.",
    "II. NHIỆM VỤ, GIẢI PHÁP",
    "1. Các nhiệm vụ cụ thể",
    _table(_row("STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành",
                "Sản phẩm"),
           _row("I", "Nhóm việc về thể chế", "", "", "", ""),
           _row("1", "Rà soát quy định\nvề thư viện", "Sở Tư pháp", "Sở Y tế; Sở Tài chính", "Tháng 6/2026",
                "Báo cáo"),
           _row("2", "Tổ chức tập huấn", "Sở Nội vụ", "", "30/9/2026", ""),
           _row("3", "Tổng kết", "Sở Y tế", "các đơn vị liên quan", "Năm 2027", "Báo cáo")),
    "III. TỔ CHỨC THỰC HIỆN",
    "- Sở Tài chính bố trí kinh phí.",
])


def test_table_facts_task_table_gives_tasks_with_lead_coordinate_and_due() -> None:
    root = outline(TASKS, skip=table_spans(find_tables(TASKS)))
    facts = find_table_facts(find_tables(TASKS), root)
    found = [(t.section, t.text, [a.name for a in t.leads], [a.name for a in t.coordinators], t.due)
             for t in facts.tasks]
    assert found == [
        ("II.1.I.1", "Rà soát quy định về thư viện", ["Sở Tư pháp"], ["Sở Y tế", "Sở Tài chính"], "2026-06"),
        ("II.1.I.2", "Tổ chức tập huấn", ["Sở Nội vụ"], [], "2026-09-30"),
        ("II.1.I.3", "Tổng kết", ["Sở Y tế"], ["các đơn vị liên quan"], "2027"),
    ]


def test_find_reads_tables_apart_from_the_body() -> None:
    tables = find_tables(TASKS)
    root = outline(TASKS, skip=table_spans(tables))
    extraction = find_facts(TASKS, root, tables)
    sections = [t.section for t in extraction.tasks]
    assert sections.count("II.1.I.1") == 1
    assert not any("|" in t.text or t.text in ("STT", "Sở Tư pháp", "Báo cáo") for t in extraction.tasks)
    assert "III" in sections


def test_tables_layout_blocks_stay_with_the_body() -> None:
    header = _table(_row("ỦY BAN NHÂN DÂN\nTỈNH THỬ", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"))
    assert table_spans(find_tables(header + "\nKẾ HOẠCH")) == ()


def test_normalize_keeps_numbers_between_bar_lines_as_cells() -> None:
    text = normalize("Đoạn văn.\n|\n1\n|\nviệc một\n|\n12\n|\n\n- 3 -\nHết.").text
    assert text.split("\n") == ["Đoạn văn.", "|", "1", "|", "việc một", "|", "12", "|", "Hết."]


def test_tables_markdown_cell_wrapped_over_two_lines_is_one_cell() -> None:
    text = "| STT | Nội dung | Chủ trì |\n|---|---|---|\n| 1 | Tổ chức tập huấn cho\ncán bộ cơ sở | Sở Y tế |\n| 2 | Kiểm tra | Sở Nội vụ |"
    (table,) = find_tables(text)
    assert [[c.text for c in r.cells] for r in table.rows] == [
        ["1", "Tổ chức tập huấn cho cán bộ cơ sở", "Sở Y tế"], ["2", "Kiểm tra", "Sở Nội vụ"]]
    cell = table.rows[0].cells[1]
    assert text[cell.start:cell.end] == "Tổ chức tập huấn cho\ncán bộ cơ sở"


def test_tables_agencies_header_spanning_lead_and_coordinate_columns() -> None:
    text = _table(_row("STT", "Nội dung", "Cơ quan thực hiện", "Thời gian"), _row("Chủ trì", "Phối hợp"),
                  _row("1", "Rà soát", "Sở Y tế", "Sở Nội vụ", "Năm 2026"))
    (table,) = find_tables(text)
    assert table.columns == (("STT",), ("Nội dung",), ("Cơ quan thực hiện", "Chủ trì"),
                             ("Cơ quan thực hiện", "Phối hợp"), ("Thời gian",))
    (task,) = find_table_facts((table,), outline(text)).tasks
    assert ([a.name for a in task.leads], [a.name for a in task.coordinators], task.due) == (
        ["Sở Y tế"], ["Sở Nội vụ"], "2026")


def test_table_facts_money_column_without_years_gives_budget_lines_for_the_plan_period() -> None:
    text = "\n".join([
        "II. NHIỆM VỤ",
        "| STT | Nội dung | Cơ quan chủ trì | Kinh phí (triệu đồng) |",
        "|---|---|---|---|",
        "| 1 | Mua sách | Sở Văn hóa, Thể thao và Du lịch | 1.200 |",
        "| 2 | Tập huấn | Sở Nội vụ | - |",
    ])
    facts = find_table_facts(find_tables(text), outline(text))
    assert [(b.section, b.amount, b.unit, b.period) for b in facts.budget] == [("II.1", 1200.0, "triệu đồng", None)]
    assert [t.section for t in facts.tasks] == ["II.1", "II.2"]


def test_table_facts_comparator_and_unit_written_after_the_subject() -> None:
    text = "\n".join([
        "| TT | Chỉ tiêu | Năm 2026 | Năm 2030 |",
        "|---|---|---|---|",
        "| 1 | Tỷ lệ xã đạt chuẩn (%) | ≥ 60 | Trên 80 |",
        "| 2 | Số thư viện (thư viện) | 10 | x |",
    ])
    found = [(i.subject, i.value, i.unit, i.year, i.comparator)
             for i in find_table_facts(find_tables(text), outline(text)).indicators]
    assert found == [
        ("Tỷ lệ xã đạt chuẩn (%)", 60.0, "%", 2026, ">="),
        ("Tỷ lệ xã đạt chuẩn (%)", 80.0, "%", 2030, ">="),
        ("Số thư viện (thư viện)", 10.0, "thư viện", 2026, None),
    ]


def test_table_facts_unit_in_a_title_row_and_years_of_the_attachment_line_ignored() -> None:
    text = "\n".join([
        "Phụ lục II",
        "KINH PHÍ GIAI ĐOẠN 2026 - 2027",
        "(Kèm theo Kế hoạch số 5/KH-UBND ngày 5 tháng 3 năm 2025)",
        _table(_row("Đơn vị tính: Triệu đồng"),
               _row("STT", "Nội dung", "Năm 2025", "Năm 2026", "Năm 2027"),
               _row("1", "Mua thiết bị", "5", "6", "7")),
    ])
    facts = find_table_facts(find_tables(text), outline(text))
    assert [(b.section, b.amount, b.unit, b.period) for b in facts.budget] == [
        ("PL.II.1", 6.0, "triệu đồng", "2026"), ("PL.II.1", 7.0, "triệu đồng", "2027")]


def test_table_facts_unit_cell_kept_as_written_when_the_unit_table_says_so() -> None:
    text = "| STT | Chỉ tiêu | ĐVT | Năm 2026 |\n|---|---|---|---|\n| 1 | Sản lượng | Nghìn tấn | 2,5 |"
    (found,) = find_table_facts(find_tables(text), outline(text)).indicators
    assert (found.value, found.unit) == (2.5, "nghìn tấn")


def test_table_facts_remember_their_table_row_and_column() -> None:
    (table,) = find_tables(INDICATORS)
    first = find_table_facts((table,), outline(INDICATORS)).indicators[0]
    assert first.cell is not None
    assert (first.cell.table, first.cell.row, first.cell.column) == (table.start, 2, 5)
    assert table.rows[first.cell.row].cells[first.cell.column].text == "12"


def test_tables_without_fact_columns_stay_with_the_body() -> None:
    text = _table(_row("Một đoạn", "Hai đoạn", "Ba đoạn"), _row("Làm việc A", "Làm việc B", "Làm việc C"))
    assert len(find_tables(text)) == 1
    assert table_spans(find_tables(text)) == ()


def test_tables_markdown_two_header_rows_spanning_cell_drawn_as_empty_cells() -> None:
    text = "\n".join([
        "| STT | Chỉ tiêu | ĐVT | Năm 2025 | | Năm 2026 |",
        "| | | | Kế hoạch | Ước thực hiện | |",
        "|---|---|---|---|---|---|",
        "| 1 | Số lớp học | lớp | 4 | 5 | 6 |",
    ])
    (table,) = find_tables(text)
    assert table.columns[3:] == (("Năm 2025", "Kế hoạch"), ("Năm 2025", "Ước thực hiện"), ("Năm 2026",))
    found = [(i.value, i.year) for i in find_table_facts((table,), outline(text)).indicators]
    assert found == [(4.0, 2025), (6.0, 2026)]


def test_tables_markdown_leaves_of_spanning_cells_below_the_rule_line_are_header() -> None:
    text = "\n".join([
        "| STT | Chỉ tiêu | ĐVT | Giai đoạn 2026 - 2030 | | |",
        "|---|---|---|---|---|---|",
        "| | | | Năm 2026 | Năm 2027 | Năm 2028 |",
        "| 1 | Số lớp học | lớp | 4 | 5 | 6 |",
    ])
    (table,) = find_tables(text)
    assert len(table.header) == 2 and len(table.rows) == 1
    assert table.columns[3:] == (("Giai đoạn 2026 - 2030", "Năm 2026"), ("Giai đoạn 2026 - 2030", "Năm 2027"),
                                 ("Giai đoạn 2026 - 2030", "Năm 2028"))
    found = [(i.value, i.year) for i in find_table_facts((table,), outline(text)).indicators]
    assert found == [(4.0, 2026), (5.0, 2027), (6.0, 2028)]


def test_tables_cell_per_line_second_header_row_drawn_full_width() -> None:
    text = _table(_row("STT", "Chỉ tiêu", "ĐVT", "Năm 2025", "", "Năm 2026"),
                  _row("", "", "", "Kế hoạch", "Ước thực hiện", ""),
                  _row("1", "Số lớp học", "lớp", "4", "5", "6"))
    (table,) = find_tables(text)
    assert len(table.header) == 2 and len(table.rows) == 1
    assert table.columns[4] == ("Năm 2025", "Ước thực hiện")


def test_tables_end_where_the_text_resumes_and_header_repeated_on_a_new_page_is_no_row() -> None:
    header = _row("STT", "Nội dung", "Cơ quan chủ trì", "Thời gian")
    text = "\n".join([
        "II. NHIỆM VỤ",
        _table(header, _row("1", "Việc một", "Sở Y tế", "Năm 2026"), header,
               _row("2", "Việc hai", "Sở Nội vụ", "Năm 2027")),
        "III. TỔ CHỨC THỰC HIỆN",
        "- Các sở triển khai.",
        _table(_row("Nơi nhận:\n- Như trên;", "TM. ỦY BAN NHÂN DÂN")),
    ])
    tables = find_tables(text)
    assert [len(t.rows) for t in tables] == [2, 0]
    root = outline(text, skip=table_spans(tables))
    assert [s.path for s in root.walk() if s.path] == ["II", "III"]
    assert [t.text for t in find_table_facts(tables, root).tasks] == ["Việc một", "Việc hai"]


def test_tables_long_text_set_out_in_a_table_stays_with_the_body() -> None:
    body = ("Điều 2. Giao Sở Công Thương chủ trì, phối hợp với các sở, ngành triển khai thực hiện kế hoạch "
            "này từ năm 2026 đến hết năm 2030.")
    text = _table(_row("Số: 12/QĐ-UBND", "Hà Nội, ngày 5 tháng 3 năm 2025"), _row("QUYẾT ĐỊNH\n" + body, ""))
    tables = find_tables(text)
    assert tables and table_spans(tables) == ()


def test_table_facts_target_column_without_a_year_takes_the_caption_period_end() -> None:
    text = "\n".join([
        "PHỤ LỤC",
        "CHỈ TIÊU GIAI ĐOẠN 2026 - 2030",
        "| STT | Chỉ tiêu | Đơn vị tính | Hiện trạng | Mục tiêu |",
        "|---|---|---|---|---|",
        "| 1 | Tỷ lệ xã có nhà văn hóa | % | 60 | Đạt 95% |",
        "| 2 | Số câu lạc bộ | câu lạc bộ | 3 | ít nhất 10 |",
    ])
    found = [(i.section, i.value, i.unit, i.year, i.comparator)
             for i in find_table_facts(find_tables(text), outline(text)).indicators]
    assert found == [("PL.1", 95.0, "%", 2030, None), ("PL.2", 10.0, "câu lạc bộ", 2030, ">=")]


def test_table_facts_subject_word_with_a_year_is_a_year_column() -> None:
    text = "| STT | Chỉ tiêu | ĐVT | Chỉ tiêu năm 2026 |\n|---|---|---|---|\n| 1 | Số lớp | lớp | 8 |"
    found = [(i.subject, i.value, i.year) for i in find_table_facts(find_tables(text), outline(text)).indicators]
    assert found == [("Số lớp", 8.0, 2026)]


def test_table_facts_bare_unit_column_of_a_task_table_names_the_lead() -> None:
    text = "| TT | Nội dung | Đơn vị | Thời gian |\n|---|---|---|---|\n| 1 | Kiểm tra | Sở Y tế | Năm 2026 |"
    (task,) = find_table_facts(find_tables(text), outline(text)).tasks
    assert ([a.name for a in task.leads], task.due) == (["Sở Y tế"], "2026")


def test_tables_page_number_between_two_rows_is_no_cell() -> None:
    rows = [_row(str(k), f"Chỉ tiêu số {k}", "lớp", str(10 * k)) for k in range(1, 5)]
    text = _cells(*_row("STT", "Chỉ tiêu", "ĐVT", "Năm 2026"), *rows[0], *rows[1], "12", *rows[2], *rows[3])
    (table,) = find_tables(text)
    assert [[c.text for c in r.cells] for r in table.rows] == [
        [str(k), f"Chỉ tiêu số {k}", "lớp", str(10 * k)] for k in range(1, 5)]


def test_table_facts_money_unit_of_a_group_cell_over_year_columns() -> None:
    text = _table(_row("STT", "Nội dung", "Kinh phí (triệu đồng)"), _row("Năm 2026", "Năm 2027"),
                  _row("1", "Mua sách", "100", "150"))
    found = [(b.amount, b.unit, b.period) for b in find_table_facts(find_tables(text), outline(text)).budget]
    assert found == [(100.0, "triệu đồng", "2026"), (150.0, "triệu đồng", "2027")]


def test_tables_small_table_rows_starting_with_an_empty_cell_keep_their_columns() -> None:
    rows = [["", "Thư viện", "Ha", "830", "871", "634", "213", "600", "134"],
            ["2", "Diện tích", "%", "70", "332", "", "106", "553", ""]]
    text = _table(_row("STT", "Chỉ tiêu", "ĐVT", "Năm 2025", *(f"Năm {y}" for y in range(2026, 2030))),
                  _row("Kế hoạch", "Ước thực hiện"), *[_row(*row) for row in rows])
    (table,) = find_tables(text)
    assert [[c.text for c in r.cells] for r in table.rows] == rows


MERGED = "\n".join([
    "PHỤ LỤC",
    _table(_row("TT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành", "Nguồn kinh phí"),
           _row("I", "Hoàn thiện thể chế"),
           _row("1", "Rà soát quy định", "Sở Tư pháp", "Sở Y tế", "Quý IV/2026", "Chi thường xuyên"),
           _row("2", "Góp ý dự thảo", "Sở Tư pháp", "Sở Y tế", "Năm 2027"),
           _row("3", "Tham gia đơn giản hóa thủ tục", "Sở Nội vụ", "Sở Tư pháp", "Năm 2027"),
           _row("Sao lưu dữ liệu", "Sở Tài chính"),
           _row("II", "Tuyên truyền"),
           _row("1", "Phổ biến kế hoạch", "Sở Văn hóa", "Sở Y tế", "Hằng năm.", "", "")),
])


def test_tables_rows_a_merged_cell_made_narrower_keep_their_columns() -> None:
    (table,) = find_tables(MERGED)
    assert [[c.text for c in r.cells][:5] for r in table.rows] == [
        ["I", "Hoàn thiện thể chế", "", "", ""],
        ["1", "Rà soát quy định", "Sở Tư pháp", "Sở Y tế", "Quý IV/2026"],
        ["2", "Góp ý dự thảo", "Sở Tư pháp", "Sở Y tế", "Năm 2027"],
        ["3", "Tham gia đơn giản hóa thủ tục", "Sở Nội vụ", "Sở Tư pháp", "Năm 2027"],
        ["", "Sao lưu dữ liệu", "Sở Tài chính", "", ""],
        ["II", "Tuyên truyền", "", "", ""],
        ["1", "Phổ biến kế hoạch", "Sở Văn hóa", "Sở Y tế", "Hằng năm."],
    ]


def test_table_facts_row_without_its_number_shares_the_merged_cells_of_the_row_above() -> None:
    root = outline(MERGED, skip=table_spans(find_tables(MERGED)))
    found = [(t.section, t.text, [a.name for a in t.leads], [a.name for a in t.coordinators], t.due)
             for t in find_table_facts(find_tables(MERGED), root).tasks]
    assert found[2:4] == [
        ("PL.I.3", "Tham gia đơn giản hóa thủ tục", ["Sở Nội vụ"], ["Sở Tư pháp"], "2027"),
        ("PL.I.3", "Sao lưu dữ liệu", ["Sở Tài chính"], ["Sở Tư pháp"], "2027"),
    ]


def test_table_facts_time_cell_range_gives_its_last_year_and_quarterly_reports_recur_quarterly() -> None:
    text = ("| TT | Nhiệm vụ | Cơ quan chủ trì | Thời gian hoàn thành |\n|---|---|---|---|\n"
            "| 1 | Xây dựng quy định | Sở Tư pháp | Năm 2025 - 2026 |\n"
            "| 2 | Báo cáo tiến độ | Sở Tài chính | Thường xuyên, định kỳ hằng quý báo cáo |")
    found = [(t.due, t.recurrence) for t in find_table_facts(find_tables(text), outline(text)).tasks]
    assert found == [("2026", None), (None, "quarterly")]


def test_tables_group_rows_with_their_totals_and_unit_prices_are_no_budget() -> None:
    text = "\n".join([
        "PHỤ LỤC II", "DỰ TOÁN KINH PHÍ GIAI ĐOẠN 2026 - 2030",
        _table(_row("TT", "Chỉ tiêu", "Số mẫu", "Đơn giá (đồng)", "Thành tiền (đồng)", "Ghi chú"),
               _row("I", "Quan trắc môi trường", "1.300.000", ""),
               _row("1", "Vùng nuôi tôm", "1.300.000", ""),
               _row("1.1", "Mẫu nước cấp", "1.300.000", ""),
               _row("-", "Nhiệt độ nước", "10", "100.000", "1.000.000", "Đơn giá 2018"),
               _row("-", "Độ mặn", "10", "30.000", "300.000", "")),
    ])
    (table,) = find_tables(text)
    assert [[c.text for c in r.cells] for r in table.rows][:3] == [
        ["I", "Quan trắc môi trường", "", "", "1.300.000", ""],
        ["1", "Vùng nuôi tôm", "", "", "1.300.000", ""],
        ["1.1", "Mẫu nước cấp", "", "", "1.300.000", ""]]
    found = [b.amount for b in find_table_facts((table,), outline(text)).budget]
    assert found == [1300000.0, 1300000.0, 1300000.0, 1000000.0, 300000.0]


def test_tables_a_group_row_with_its_number_and_words_in_one_cell_stays_in_the_table() -> None:
    text = "\n".join([
        "PHỤ LỤC", "DANH MỤC CÁC NHIỆM VỤ TRỌNG TÂM",
        _table(_row("STT", "Tên nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"),
               _row("I.\nNÂNG CAO NHẬN THỨC"),
               _row("1", "Triển khai nền tảng đào tạo", "Sở Nội vụ", "Sở Y tế", "Năm 2026"),
               _row("2", "Đánh giá mức độ chuyển đổi số", "Sở Tư pháp", "Sở Y tế", "Năm 2027"),
               _row("II. HOÀN THIỆN CƠ CHẾ"),
               _row("3", "Xây dựng Bộ tiêu chí", "Sở Nội vụ", "Sở Tài chính", "Quý IV/2026")),
    ])
    root = outline(text, skip=table_spans(find_tables(text)))
    found = [(t.section, t.text, [a.name for a in t.leads]) for t in find_table_facts(find_tables(text), root).tasks]
    assert found == [("PL.I.1", "Triển khai nền tảng đào tạo", ["Sở Nội vụ"]),
                     ("PL.I.2", "Đánh giá mức độ chuyển đổi số", ["Sở Tư pháp"]),
                     ("PL.II.3", "Xây dựng Bộ tiêu chí", ["Sở Nội vụ"])]


def test_tables_a_group_row_whose_one_cell_stands_among_empty_ones_is_a_group() -> None:
    rows = [("1", "Kinh tế số chiếm 45% GRDP tỉnh.", "Sở Tài chính"),
            ("2", "Tỷ lệ doanh nghiệp ứng dụng công nghệ số đạt 60%.", "Sở Khoa học và Công nghệ"),
            ("3", "Tỷ lệ doanh nghiệp đổi mới sáng tạo đạt 40%.", "Sở Khoa học và Công nghệ"),
            ("4", "Tỷ lệ người dân được định danh số đạt 100%.", "Công an tỉnh")]
    lines = ["|", "TT", "|", "Chỉ tiêu", "|", "Chủ trì", "|", "|", "|", "I. Kinh", "tế số", "|", "|", "|"]
    for number, words, lead in rows:
        lines += [number, "|", words, "|", lead, "|", "|"]
    text = normalize("\n".join(["PHỤ LỤC", "PHÂN CÔNG THỰC HIỆN CÁC CHỈ TIÊU", _cells(*lines)])).text
    root = outline(text, skip=table_spans(find_tables(text)))
    found = [(t.section, [a.name for a in t.leads]) for t in find_table_facts(find_tables(text), root).tasks]
    assert found == [("PL.I.1", ["Sở Tài chính"]), ("PL.I.2", ["Sở Khoa học và Công nghệ"]),
                     ("PL.I.3", ["Sở Khoa học và Công nghệ"]), ("PL.I.4", ["Công an tỉnh"])]


def test_table_facts_a_finish_column_gives_deadlines_and_a_time_column_does_not() -> None:
    from plangraph.extract.deadlines import find_deadlines
    finish = ("| TT | Nhiệm vụ | Cơ quan chủ trì | Thời gian hoàn thành |\n|---|---|---|---|\n"
              "| 1 | Xây dựng bộ tiêu chí | Sở Khoa học và Công nghệ | Quí IV-2025 |\n"
              "| 2 | Báo cáo tiến độ | Sở Tài chính | Trước ngày 15/11/2025 |\n"
              "| 3 | Hỗ trợ doanh nghiệp | Sở Công Thương | Thường xuyên |\n"
              "| 4 | Đào tạo nhân lực | Sở Nội vụ | 2026 - 2030 |")
    carry_out = finish.replace("Thời gian hoàn thành", "Thời gian thực hiện").replace("Trước ngày 15/11/2025", "2026")
    dates = [[(d.what, d.date) for d in find_deadlines(find_table_facts(find_tables(t), outline(t)).tasks)]
             for t in (finish, carry_out)]
    assert dates == [[("Xây dựng bộ tiêu chí", "2025"), ("Báo cáo tiến độ … Trước ngày 15/11/2025", "2025-11-15")], []]


def test_tables_line_of_dots_where_rows_were_lost_ends_a_row() -> None:
    # the source lost a row break (and rows) and left "…......" in its place: the rows around it
    # keep the table's width instead of one row twice as wide
    rows = [_row("TT", "Nội dung", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành", "Sản phẩm"),
            _row("1", "Tổ chức lại Ban Chỉ huy", "Sở Nội vụ", "Sở Tài chính", "2025", "Quyết định"),
            _row("2", "Ban hành Quy chế phối hợp", "Sở Xây dựng", "Sở Tài chính", "2026", "Quyết định")
            + ["…..................."] + _row("2", "Thành lập Quỹ", "Sở Tài chính", "Sở Y tế", "2025", "Quy chế"),
            _row("3", "Duy trì Tổng đài 112", "Công an tỉnh", "Sở Y tế", "2025", "")]
    (table,) = find_tables(_table(*rows))
    assert table.width == 6
    assert [[c.text for c in r.cells][:3] for r in table.rows] == [
        ["1", "Tổ chức lại Ban Chỉ huy", "Sở Nội vụ"], ["2", "Ban hành Quy chế phối hợp", "Sở Xây dựng"],
        ["2", "Thành lập Quỹ", "Sở Tài chính"], ["3", "Duy trì Tổng đài 112", "Công an tỉnh"]]


def test_table_facts_a_target_column_without_values_states_its_targets_in_words() -> None:
    text = "\n".join([
        "PHỤ LỤC",
        "PHÂN CÔNG THỰC HIỆN CÁC CHỈ TIÊU ĐẾN NĂM 2030",
        "| TT | Chỉ tiêu | Chủ trì |",
        "|---|---|---|",
        "| I | Kinh tế số | |",
        "| 1 | Kinh tế số chiếm 30% GRDP tỉnh. | Sở Tài chính |",
        "| 2 | Tỷ lệ doanh nghiệp có hoạt động đổi mới sáng tạo đạt tối thiểu 40% | Sở Nội vụ |",
    ])
    facts = find_table_facts(find_tables(text), outline(text))
    assert [(i.section, i.subject, i.value, i.unit, i.year, i.comparator) for i in facts.indicators] == [
        ("PL.I.1", "Kinh tế số chiếm GRDP tỉnh", 30.0, "%", 2030, None),
        ("PL.I.2", "Tỷ lệ doanh nghiệp có hoạt động đổi mới sáng tạo", 40.0, "%", 2030, ">="),
    ]
    assert [(t.section, [a.name for a in t.leads]) for t in facts.tasks] == [
        ("PL.I.1", ["Sở Tài chính"]), ("PL.I.2", ["Sở Nội vụ"])]
    # a column of tasks holds no targets, whatever numbers its cells write
    tasks = text.replace("| Chỉ tiêu |", "| Nhiệm vụ |")
    assert find_table_facts(find_tables(tasks), outline(tasks)).indicators == ()


def test_tables_a_group_s_header_row_naming_its_subject_column_anew_is_no_row() -> None:
    text = _cells("PHỤ LỤC", *_table(
        _row("STT", "Nhiệm vụ, giải pháp", "Đơn vị thực hiện", "Đơn vị phối hợp", "Thời gian thực hiện"),
        _row("I", "Nông nghiệp", "", "", ""),
        _row("", "Nội dung", "Đơn vị thực hiện", "Đơn vị phối hợp", "Thời gian thực hiện"),
        _row("1.1", "Xây dựng nền tảng dữ liệu nông nghiệp", "Sở Nông nghiệp và Môi trường", "Sở Tài chính",
             "2026 - 2030")).split("\n"))
    (table,) = find_tables(text)
    assert [[c.text for c in row.cells][1] for row in table.rows] == [
        "Nông nghiệp", "Xây dựng nền tảng dữ liệu nông nghiệp"]
    tasks = find_table_facts((table,), outline(text)).tasks
    assert [(t.text, [a.name for a in t.leads]) for t in tasks] == [
        ("Xây dựng nền tảng dữ liệu nông nghiệp", ["Sở Nông nghiệp và Môi trường"])]
