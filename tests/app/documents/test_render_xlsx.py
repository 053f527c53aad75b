"""The Excel renderer: values kept, text never a formula, printable on A4 landscape."""

from __future__ import annotations

import zipfile

import pytest
from openpyxl import load_workbook

from app.documents.model import Column, Document, Row, Table, para
from app.documents.render_xlsx import render_xlsx

from .conftest import FORMULA_TEXT, TASK_TITLE  # noqa: TID252


@pytest.fixture(scope="module")
def xlsx_path(plan, tmp_path_factory):
    """The sample plan's task table written as .xlsx."""
    path = tmp_path_factory.mktemp("xlsx") / "nhiem-vu.xlsx"
    render_xlsx(plan, path)
    return path


@pytest.fixture(scope="module")
def sheet(xlsx_path):
    return load_workbook(xlsx_path)["Nhiệm vụ CCHC 2024"]


def test_values_come_back_and_numbers_stay_numbers(sheet):
    """Title row, header row, then rows; the STT column holds integers."""
    assert sheet["A1"].value == "Nhiệm vụ CCHC 2024"
    assert [c.value for c in sheet[2]][:3] == ["STT", "Nội dung nhiệm vụ", "Chủ trì"]
    assert sheet["A3"].value == "I. Công tác chỉ đạo, điều hành"
    assert sheet["A4"].value == 1 and sheet["A4"].data_type == "n"
    assert TASK_TITLE in [c.value for c in sheet["B"]]


def test_formula_looking_text_stays_a_string(sheet, xlsx_path):
    """User text starting with "=" is a string cell, and no formula element is written."""
    cell = next(c for c in sheet["E"] if c.value == FORMULA_TEXT)
    assert cell.data_type == "s"
    with zipfile.ZipFile(xlsx_path) as archive:
        sheets = [archive.read(n).decode() for n in archive.namelist() if n.startswith("xl/worksheets/sheet")]
    assert not any("<f>" in xml or "<f " in xml for xml in sheets)


def test_every_risky_prefix_is_written_as_text(tmp_path):
    """Text starting with = + - @ tab or CR is stored as a string, never evaluated."""
    risky = ["=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1"]
    path = tmp_path / "t.xlsx"
    render_xlsx(Table((Column("Văn bản"),), tuple(Row((text,)) for text in risky)), path)
    cells = list(load_workbook(path).active["A"])[1:]
    assert [c.value for c in cells] == risky
    assert {c.data_type for c in cells} == {"s"}


def test_header_is_bold_frozen_and_repeated_when_printed(sheet):
    """The header row is bold, frozen below, and printed on every page of an A4 landscape sheet."""
    assert all(c.font.b for c in sheet[2])
    assert sheet.freeze_panes == "A3"
    assert sheet.print_title_rows == "$2:$2"
    assert sheet.page_setup.orientation == "landscape"
    assert str(sheet.page_setup.paperSize) == "9"


def test_column_widths_follow_the_relative_widths(sheet):
    """The task column is wider than the STT column in the same proportion as the model says."""
    ratio = sheet.column_dimensions["B"].width / sheet.column_dimensions["A"].width
    assert ratio == pytest.approx(4.0 / 0.6, rel=0.05)
    assert sheet["B4"].alignment.wrap_text


def test_a_document_without_tables_is_refused_and_writes_nothing(tmp_path):
    """Nothing to put in a workbook is an error, and no file appears."""
    with pytest.raises(ValueError):
        render_xlsx(Document("x", (para("Mở đầu"),)), tmp_path / "x.xlsx")
    assert list(tmp_path.iterdir()) == []


def test_a_failed_save_keeps_the_old_workbook(tmp_path, monkeypatch):
    """A save that dies midway leaves the previous file intact and no temporary file behind."""
    from openpyxl import Workbook

    target = tmp_path / "x.xlsx"
    target.write_bytes(b"old")

    def explode(self, filename):
        with open(filename, "wb") as handle:
            handle.write(b"PK half")
        raise OSError("USB stick pulled")

    monkeypatch.setattr(Workbook, "save", explode)
    with pytest.raises(OSError):
        render_xlsx(Table((Column("a"),), (Row(("b",)),)), target)
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["x.xlsx"]


def test_cells_of_one_look_share_one_style_and_keep_it(tmp_path):
    """Styles are registered once per look and copied: each cell still reads back its own font and grid."""
    from app.documents.model import Align

    table = Table(columns=(Column("A"), Column("B", align=Align.CENTER)),
                  rows=tuple(Row((f"dòng {i}", str(i)), bold=i % 2 == 0) for i in range(40)))
    render_xlsx(table, tmp_path / "b.xlsx")
    sheet = load_workbook(tmp_path / "b.xlsx").active
    assert sheet["A2"].value == "dòng 0" and sheet["A2"].font.b and not sheet["A3"].font.b
    assert sheet["B3"].alignment.horizontal == "center" and sheet["A3"].alignment.horizontal == "left"
    assert all(sheet.cell(row, 2).border.left.style == "thin" for row in range(2, 42))
    assert len({sheet.cell(row, 1).style_id for row in range(2, 42)}) == 2  # bold and plain: two looks, not forty
