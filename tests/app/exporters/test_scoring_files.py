"""The biểu tự chấm điểm and the emulation evaluation as real files, read back; and in the export package."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from app.errors import UserError
from app.exporters.package import PackageRequest, build_package
from app.exporters.scoring_files import write_emulation_files, write_scoring_files
from app.exporters.verify import verify_package
from app.queries.profile import commune_profile
from tests.app.documents.papers.test_scoring_table import (
    FORMULA_COMMENT,
    TODAY,
    scored_commune,
)

STEM = "TuChamDiem-CCHC-2024"


def _pdf_text(path: Path) -> str:
    """All pages' text, white space folded."""
    return " ".join(" ".join((page.extract_text() or "").split()) for page in PdfReader(path).pages)


def _cells(path: Path):
    """Every non-empty cell of every sheet."""
    workbook = load_workbook(path)
    return [cell for sheet in workbook for row in sheet.iter_rows() for cell in row if cell.value is not None]


@pytest.fixture
def written(store, tmp_path):
    scored_commune(store)
    return write_scoring_files(store, 2024, tmp_path / "out", today=TODAY)


@pytest.fixture
def sheet(written):
    return load_workbook(written[1]).active


def _row_of(sheet, first: str) -> int:
    return next(cell.row for cell in sheet["A"] if cell.value == first)


def test_a_pdf_and_a_workbook_with_ascii_names(written, tmp_path):
    """Two files, named in ASCII after the year, nothing else left in the folder."""
    assert [path.name for path in written] == [f"{STEM}.pdf", f"{STEM}.xlsx"]
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [f"{STEM}.pdf", f"{STEM}.xlsx"]


def test_workbook_total_is_a_number_equal_to_the_sum(sheet):
    """TỔNG CỘNG holds 6,55 as a number (no formula), the sum of the fields' subtotals, themselves numbers."""
    total_row = next(cell.row for cell in sheet["B"] if cell.value == "TỔNG CỘNG")
    total = sheet.cell(total_row, 4)
    assert total.data_type == "n" and total.value == pytest.approx(6.55)
    fields = [sheet.cell(_row_of(sheet, code), 4) for code in "1234567"]
    assert all(cell.data_type == "n" for cell in fields if cell.value is not None)
    assert sum(cell.value or 0 for cell in fields) == pytest.approx(total.value)
    assert sheet.cell(total_row, 3).value == 100 and sheet.cell(total_row, 5).value == 8


def test_workbook_has_no_formula_and_user_text_stays_text(written):
    """No cell is a formula; the comment "=HYPERLINK(…)" is the only text starting with "=", stored as text."""
    cells = _cells(written[1])
    assert not [cell.coordinate for cell in cells if cell.data_type == "f"]
    risky = [cell for cell in cells if isinstance(cell.value, str) and cell.value.startswith("=")]
    assert [(cell.value, cell.data_type) for cell in risky] == [(FORMULA_COMMENT, "s")]


def test_workbook_prints_on_a4_landscape_with_the_header_repeated(sheet):
    """A4 landscape, the column header row repeated on each printed page, unscored points left empty."""
    assert sheet.page_setup.orientation == "landscape" and int(sheet.page_setup.paperSize) == 9  # A4
    assert sheet.print_title_rows == "$2:$2" and sheet["D2"].value == "Điểm tự chấm"
    assert sheet.cell(_row_of(sheet, "1.3.2"), 4).value == 0.25
    assert sheet.cell(_row_of(sheet, "1.5"), 4).value is None
    assert any("Xếp loại" in str(cell.value) for cell in sheet["A"])


def test_pdf_reads_back_landscape_with_commas_and_the_rating(written):
    """Every page is landscape; the title, a criterion with diacritics, 0,25, the total 6,55, the rating."""
    reader = PdfReader(written[0])
    assert all(page.mediabox.width > page.mediabox.height for page in reader.pages)
    text = _pdf_text(written[0])
    for expected in ("BIỂU TỰ CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2024", "Mức độ đa dạng trong tuyên truyền CCHC",
                     "0,25", "TỔNG CỘNG 100 6,55 8 -1,45", "Xếp loại", "(đề xuất 4)", "TM. ỦY BAN NHÂN DÂN",
                     "Trần Văn Hùng", FORMULA_COMMENT):
        assert expected in text, expected


def test_a_year_without_scoring_is_refused_in_vietnamese(store, tmp_path):
    """No scoring started for 2025: a UserError saying what to do, and no file written."""
    scored_commune(store)
    with pytest.raises(UserError, match="chưa tự chấm điểm") as raised:
        write_scoring_files(store, 2025, tmp_path / "out", today=TODAY)
    assert raised.value.hint
    assert not (tmp_path / "out").exists()


def test_emulation_workbook_names_subjects_and_reasons(store, tmp_path):
    """One sheet per kind and a legend; an official without an initiative is "Không đạt" on CN.4, with the why."""
    scored_commune(store)
    _pdf, _docx, xlsx = write_emulation_files(store, 2024, tmp_path, today=TODAY)
    workbook = load_workbook(xlsx)
    assert workbook.sheetnames == ["Đánh giá tập thể năm 2024", "Đánh giá cá nhân năm 2024", "Tiêu chuẩn thi đua năm 2024"]
    people = workbook["Đánh giá cá nhân năm 2024"]
    values = [[cell.value for cell in row] for row in people.iter_rows()]
    header, mai = next(row for row in values if row[0] == "STT"), next(row for row in values if row[1] == "Lê Thị Mai")
    assert header[:5] == ["STT", "Tên", "Chức vụ", "CN.1", "CN.2"] and header[-2:] == ["Kết quả", "Lý do"]
    assert mai[header.index("CN.4")] == "Không đạt" and mai[header.index("Kết quả")] == "Chưa đủ tiêu chuẩn"
    assert "CN.4 không đạt: Sổ sáng kiến năm 2024 không có sáng kiến nào của người này" in mai[-1]
    assert not [cell for cell in _cells(xlsx) if cell.data_type == "f"]
    assert any(str(cell.value).startswith("Có sáng kiến") for cell in workbook["Tiêu chuẩn thi đua năm 2024"]["B"])


def test_emulation_pdf_is_landscape_with_both_parts(store, tmp_path):
    """The PDF is landscape, with "I. TẬP THỂ", "II. CÁ NHÂN" and the legend."""
    scored_commune(store)
    pdf, _docx, _xlsx = write_emulation_files(store, 2024, tmp_path, today=TODAY)
    assert all(page.mediabox.width > page.mediabox.height for page in PdfReader(pdf).pages)
    text = _pdf_text(pdf)
    for expected in ("KẾT QUẢ ĐÁNH GIÁ TIÊU CHUẨN THI ĐUA NĂM 2024", "I. TẬP THỂ", "II. CÁ NHÂN", "Nguyễn Thị Thu Hà",
                     "Không đạt", "Ghi chú: nội dung các tiêu chuẩn"):
        assert expected in text, expected


def test_emulation_not_started_is_refused(store, tmp_path):
    """Without an emulation set chosen for the year, a UserError and nothing written."""
    scored_commune(store, emulation=False)
    with pytest.raises(UserError, match="chưa đánh giá tiêu chuẩn thi đua"):
        write_emulation_files(store, 2024, tmp_path / "out", today=TODAY)
    assert not (tmp_path / "out").exists()


@pytest.fixture
def usb(tmp_path) -> Path:
    target = tmp_path / "usb"
    target.mkdir()
    return target


def test_package_carries_the_scores_of_a_scored_year(store, usb):
    """The "scores" content puts the biểu (PDF, Excel) and the evaluation (Excel) in the package, listed and hashed."""
    scored_commune(store)
    result = build_package(store, PackageRequest(2024, ("scores",), today=TODAY), usb)
    assert result.name == "CCHC_HoaBinhXuan_2024_CD"
    manifest = json.loads((result.folder / "manifest.json").read_text("utf-8"))
    scores = {item["path"]: item for item in manifest["files"] if item["kind"] == "scores"}
    assert sorted(scores) == ["DanhGia-ThiDua-2024.pdf", "DanhGia-ThiDua-2024.xlsx", f"{STEM}.pdf", f"{STEM}.xlsx"]
    assert scores[f"{STEM}.pdf"]["title"] == "Biểu tự chấm điểm Chỉ số CCHC năm 2024 (PDF, khổ ngang)"
    with zipfile.ZipFile(result.zip_path) as archive:
        assert f"{result.name}/{STEM}.xlsx" in archive.namelist()
    assert verify_package(result.zip_path).ok
    assert "Tự chấm điểm Chỉ số CCHC và đánh giá thi đua (4 tệp)" in (result.folder / "DANH_MUC.txt").read_text("utf-8-sig")


def test_package_of_a_year_without_scoring_holds_no_scores_file(store, usb):
    """For 2025 (nothing scored, no evaluation) the content adds no file (only the data file every package carries)
    and the summary says so."""
    scored_commune(store)
    result = build_package(store, PackageRequest(2025, ("scores",), today=TODAY), usb)
    assert [item.kind for item in result.manifest.files] == ["data", "index"]
    assert any("năm 2025 chưa có tệp nào" in note for note in result.notes)


def test_demo_package_with_plan_report_and_scores(demo_store, usb):
    """The demo year: plan, report and scores side by side; the scores content is not chosen by default."""
    from app.exporters.package import CONTENTS

    assert CONTENTS["scores"].optional
    result = build_package(demo_store, PackageRequest(2024, ("plan", "report", "scores"), today=TODAY), usb)
    assert result.name == "CCHC_HoaBinhXuan_2024_KH-BC-CD"
    paths = {item.path for item in result.manifest.files if item.kind == "scores"}
    assert paths == {f"{STEM}.pdf", f"{STEM}.xlsx", "DanhGia-ThiDua-2024.pdf", "DanhGia-ThiDua-2024.xlsx"}


def test_emulation_evaluation_is_a_paper_with_header_and_both_signers(store, tmp_path):
    """PDF and Word: the Decree 30 header, the title, the drafter and the Chairman with their names."""
    from docx import Document as open_docx

    scored_commune(store)
    pdf, docx, _xlsx = write_emulation_files(store, 2024, tmp_path, today=TODAY)
    word = open_docx(docx)
    word_text = " ".join(cell.text for table in word.tables for row in table.rows for cell in row.cells)
    word_text += " ".join(paragraph.text for paragraph in word.paragraphs)
    for text in (_pdf_text(pdf), " ".join(word_text.split())):
        for expected in ("ỦY BAN NHÂN DÂN", "Độc lập - Tự do - Hạnh phúc", "KẾT QUẢ ĐÁNH GIÁ TIÊU CHUẨN THI ĐUA",
                         "NGƯỜI LẬP BIỂU", "TM. ỦY BAN NHÂN DÂN"):
            assert expected in text, expected
    assert commune_profile(store).chairman_name in _pdf_text(pdf)


def test_package_with_word_copies_offers_the_emulation_paper_beside_the_workbook(store, tmp_path):
    """With Word copies ticked, the package's scores carry the evaluation as PDF, Word and Excel."""
    scored_commune(store)
    (tmp_path / "usb").mkdir()
    result = build_package(store, PackageRequest(2024, ("scores",), today=TODAY, word_copies=True), tmp_path / "usb")
    names = {item.path for item in result.manifest.files if item.kind == "scores"}
    assert {"DanhGia-ThiDua-2024.pdf", "DanhGia-ThiDua-2024.docx", "DanhGia-ThiDua-2024.xlsx"} <= names


def test_emulation_signatures_never_stand_alone_on_the_pdf_page(demo_store, tmp_path):
    """The demo's evaluation: the page with the signers also carries the result line before them."""
    pdf = write_emulation_files(demo_store, 2024, tmp_path, ("pdf",), today=TODAY)[0]
    pages = [" ".join((page.extract_text() or "").split()) for page in PdfReader(pdf).pages]
    signed = next(page for page in pages if "NGƯỜI LẬP BIỂU" in page)
    assert "Tổng hợp:" in signed and "đủ tiêu chuẩn" in signed and "Trần Văn Hùng" in signed
