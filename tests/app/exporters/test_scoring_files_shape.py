"""The self-scoring paper of today's shape, read back from PDF, Word and Excel: with and without an appraisal."""

from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path

from docx import Document as open_docx
from openpyxl import load_workbook
from pypdf import PdfReader

from app.exporters.scoring_files import write_scoring_files
from app.services import appraisal, scoring
from tests.app.services.test_criteria_shape import TODAY, scored

FORMATS = ("pdf", "docx", "xlsx")


def _pdf_text(path: Path) -> str:
    return " ".join(" ".join((page.extract_text() or "").split()) for page in PdfReader(path).pages)


def _docx_rows(path: Path) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for table in open_docx(path).tables for row in table.rows]


def _xlsx_rows(path: Path) -> list[list]:
    return [[cell.value for cell in row] for row in load_workbook(path).active.iter_rows()]


def _written(store, tmp_path, appraised: bool) -> dict[str, Path]:
    ids = scored(store)
    scoring.set_declared(store, 2025, ids["3.2"], "45/48 hồ sơ đúng hạn")
    if appraised:
        assessment_id = scoring.score_sheet(store, 2025, TODAY).assessment_id
        appraisal.set_appraisal(store, assessment_id, "3.2", D(4), "Hệ thống ghi 40/48")
    paths = write_scoring_files(store, 2025, tmp_path / "out", FORMATS, today=TODAY)
    return {path.suffix.lstrip("."): path for path in paths}


def _row(rows: list[list], code: str) -> list:
    return next(row for row in rows if row and row[0] == code)


def test_without_appraisal_the_paper_has_the_declared_column_and_no_appraisal_columns(store, tmp_path):
    """Word and Excel headers: … Điểm tự chấm, Số liệu kê khai, Điểm năm 2024 …; no "Điểm thẩm định"."""
    files = _written(store, tmp_path, appraised=False)
    word, excel = _docx_rows(files["docx"]), _xlsx_rows(files["xlsx"])
    for rows in (word, excel):
        header = next(row for row in rows if row and row[0] == "STT")
        assert header[2:5] == ["Điểm tối đa", "Điểm tự chấm", "Số liệu kê khai"]
        assert "Điểm thẩm định" not in header and "Ý kiến thẩm định" not in header
    assert _row(word, "3.2")[2:5] == ["10", "7", "45/48 hồ sơ đúng hạn"]
    assert _row(excel, "3.2")[2:5] == [10, 7, "45/48 hồ sơ đúng hạn"]
    assert "Điểm thẩm định" not in _pdf_text(files["pdf"])


def test_with_appraisal_both_scores_and_the_note_are_printed(store, tmp_path):
    """Headers add "Điểm thẩm định" and "Ý kiến thẩm định"; row 3.2 reads 10, 7, 45/48…, 4, the note; totals 95 and 92."""
    files = _written(store, tmp_path, appraised=True)
    word, excel = _docx_rows(files["docx"]), _xlsx_rows(files["xlsx"])
    for rows in (word, excel):
        header = next(row for row in rows if row and row[0] == "STT")
        assert header[2:7] == ["Điểm tối đa", "Điểm tự chấm", "Số liệu kê khai", "Điểm thẩm định", "Ý kiến thẩm định"]
    assert _row(word, "3.2")[2:7] == ["10", "7", "45/48 hồ sơ đúng hạn", "4", "Hệ thống ghi 40/48"]
    assert _row(excel, "3.2")[2:7] == [10, 7, "45/48 hồ sơ đúng hạn", 4, "Hệ thống ghi 40/48"]
    total = next(row for row in excel if len(row) > 1 and row[1] == "TỔNG CỘNG")
    assert total[2:6] == [96, 95, None, 92]
    text = _pdf_text(files["pdf"])
    for expected in ("Điểm thẩm định", "Ý kiến thẩm định", "Hệ thống ghi 40/48", "Không áp dụng",
                     "Theo điểm thẩm định: 92 điểm"):
        assert expected in text, expected


def test_bonus_and_penalty_carry_their_signs(store, tmp_path):
    """On paper the bonus reads "+3" and the penalty "−1"; in Excel the penalty is the number −1."""
    files = _written(store, tmp_path, appraised=False)
    assert _row(_docx_rows(files["docx"]), "9a.1")[3] == "+3"
    assert _row(_docx_rows(files["docx"]), "9b.2")[3] == "\u22121"
    assert _row(_xlsx_rows(files["xlsx"]), "9b.2")[3] == -1
    assert _row(_xlsx_rows(files["xlsx"]), "7.3")[3] == "Không áp dụng"
