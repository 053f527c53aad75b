"""Task tables in Word and pasted as text: two-row headers, numbered area rows, other header words."""

from __future__ import annotations

from pathlib import Path

import docx

from app.importers import parse_plan_text, read_plan_file

TASK = ("Rà soát văn bản quy phạm pháp luật", "Công chức Tư pháp", "Trưởng các thôn", "Báo cáo", "Quý II/2027")


def _two_row_header_docx(path: Path) -> Path:
    """A Word table: "Đơn vị thực hiện" merged over "Chủ trì | Phối hợp", area row "1" merged across, task "1.1"."""
    document = docx.Document()
    document.add_paragraph("KẾ HOẠCH")
    table = document.add_table(rows=4, cols=6)
    first, second, area, task = (row.cells for row in table.rows)
    for cell, text in zip(first, ("STT", "Nội dung công việc", "Đơn vị thực hiện", "", "Kết quả", "Hạn hoàn thành")):
        cell.text = text
    first[2].merge(first[3]).text = "Đơn vị thực hiện"
    second[2].text, second[3].text = "Chủ trì", "Phối hợp"
    for index in (0, 1, 4, 5):
        first[index].merge(second[index])
    area[0].text = "1"
    area[1].merge(area[5]).text = "Cải cách thể chế"
    for cell, text in zip(task, ("1.1", *TASK)):
        cell.text = text
    document.save(path)
    return path


def test_two_row_header_reads_lead_and_coordinators(tmp_path):
    """The second header row names the columns under the group cell and is not read as a task."""
    plan = read_plan_file(_two_row_header_docx(tmp_path / "hai-hang.docx"))
    assert [(t.area, t.title, t.lead, t.coordinators, t.product, t.timeframe) for t in plan.tasks] == [
        ("Cải cách thể chế", TASK[0], TASK[1], [TASK[2]], TASK[3], TASK[4])]


def test_numbered_area_rows_are_areas(tmp_path):
    """A row "1" over rows "1.1", "1.2" opens an area, not a task."""
    plan = read_plan_file(_two_row_header_docx(tmp_path / "vung.docx"))
    assert plan.areas == ["Cải cách thể chế"]


def test_table_pasted_with_tabs():
    """A table copied from Word and pasted as text (tab-separated cells) gives its areas and tasks."""
    text = "\n".join(["KẾ HOẠCH", "STT\tNhiệm vụ\tCơ quan chủ trì\tPhối hợp\tDự kiến sản phẩm\tThời hạn",
                      "I\tCải cách thể chế\t\t\t\t", "1\t" + "\t".join(TASK)])
    plan = parse_plan_text(text)
    assert [(t.area, t.title, t.lead, t.timeframe) for t in plan.tasks] == [
        ("Cải cách thể chế", TASK[0], TASK[1], TASK[4])]


def test_table_pasted_with_bars_and_a_rule_line():
    """A "|" table with its "|---|" rule and numbered area rows gives the task, the rule read as nothing."""
    text = "\n".join(["| STT | Nội dung | Chủ trì | Phối hợp | Sản phẩm | Thời gian |",
                      "|---|---|---|---|---|---|", "| 1 | Cải cách thể chế | | | | |",
                      "| 1.1 | " + " | ".join(TASK) + " |"])
    plan = parse_plan_text(text)
    assert plan.areas == ["Cải cách thể chế"]
    assert [(t.title, t.coordinators, t.product) for t in plan.tasks] == [(TASK[0], [TASK[2]], TASK[3])]


def test_pasted_table_warning_names_the_line():
    """A pasted row without a lead is warned about by its line number in the pasted text."""
    text = "\n".join(["STT\tNội dung\tChủ trì\tThời gian", "1\tRà soát văn bản\t\tQuý I"])
    plan = parse_plan_text(text)
    assert any(w.startswith("Dòng 2:") and "chủ trì" in w for w in plan.warnings)


def test_a_column_naming_no_field_goes_to_the_detail_and_is_warned():
    """A "Kinh phí" column is kept in each task's detail, and the warning names the line and the column."""
    plan = parse_plan_text("STT\tNội dung\tChủ trì\tKinh phí\tThời gian\n1\tRà soát\tCông an xã\t5 triệu\tQuý I\n")
    assert plan.tasks[0].detail == "Kinh phí: 5 triệu"
    assert plan.warnings[0].startswith("Dòng 1: cột “Kinh phí”")


def test_an_unnumbered_content_cell_alone_opens_an_area():
    """In a table whose tasks are numbered, a row with only its content cell filled is an area."""
    text = "\n".join(["STT\tNội dung\tChủ trì\tThời gian", "\tCải cách thể chế\t\t",
                      "1\tRà soát văn bản\tCông chức Tư pháp\tQuý I", "2\tTự kiểm tra\tCông chức Tư pháp\tQuý II"])
    plan = parse_plan_text(text)
    assert plan.areas == ["Cải cách thể chế"] and [t.title for t in plan.tasks] == ["Rà soát văn bản", "Tự kiểm tra"]
