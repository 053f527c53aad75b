"""Criteria workbooks of today's shape (Loại mục, Cho phép Không áp dụng) and of the older ten-column layout."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.exporters.criteria_workbook import write_criteria_workbook
from app.importers.criteria_workbook import CriteriaWorkbookError, read_criteria_workbook
from app.services.criteria_sets import cleaned, default_sets

SHAPED_FILE = "par-commune-2025-example.json"


def _shaped():
    return cleaned(default_sets((SHAPED_FILE,))[0])


def _old_layout(path: Path) -> None:
    """Make a written workbook look like one from before 0012: ten criteria columns, no N/A rule row."""
    workbook = load_workbook(path)
    workbook["Tiêu chí"].delete_cols(11, 2)
    info = workbook["Thông tin"]
    info.delete_rows(next(cell.row for cell in info["A"] if cell.value == "Khi có tiêu chí không áp dụng"))
    workbook.save(path)


def test_the_shaped_example_round_trips(tmp_path):
    """Bonus and penalty contents, criteria every commune scores, the N/A rule: written and read back equal."""
    data = _shaped()
    assert {item.node_kind for item in data.criteria} == {"", "bonus", "penalty"}
    assert not all(item.na_allowed for item in data.criteria)
    write_criteria_workbook(data, tmp_path / "bo-2025.xlsx")
    assert read_criteria_workbook(tmp_path / "bo-2025.xlsx") == data


def test_a_workbook_of_the_old_layout_still_imports(tmp_path):
    """Without the two new columns and the N/A row: every node ordinary and N/A-able, the rule "scale"."""
    old = cleaned(default_sets(("par-commune-example.json",))[0])
    path = tmp_path / "bo-cu.xlsx"
    write_criteria_workbook(old, path)
    _old_layout(path)
    assert load_workbook(path)["Tiêu chí"].max_column == 10
    read = read_criteria_workbook(path)
    assert read == old and read.na_rule == "scale"
    assert all(item.node_kind == "" and item.na_allowed for item in read.criteria)


def test_a_wrong_node_kind_is_named_by_row_and_column(tmp_path):
    """“Thưởng thêm” in Loại mục: one line naming the sheet, the row and the column, nothing imported."""
    path = tmp_path / "bo-loi.xlsx"
    write_criteria_workbook(_shaped(), path)
    workbook = load_workbook(path)
    sheet = workbook["Tiêu chí"]
    row = next(cell.row for cell in sheet["A"] if cell.value == "9a")
    sheet.cell(row, 11).value = "Thưởng thêm"
    workbook.save(path)
    with pytest.raises(CriteriaWorkbookError) as refused:
        read_criteria_workbook(path)
    assert refused.value.problems == (
        f"Trang “Tiêu chí”, dòng {row}, cột “Loại mục”: “Thưởng thêm” không phải loại mục hợp lệ; "
        "ghi “Nội dung”, “Điểm thưởng” hoặc “Điểm trừ”.",
    )
