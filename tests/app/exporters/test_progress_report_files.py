"""The progress report as files: the counts printed in the PDF, the Word copy and the Excel workbook."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from docx import Document as WordDocument
from openpyxl import load_workbook
from pypdf import PdfReader

from app.errors import UserError
from app.exporters.progress_report_files import export_progress_report
from app.services.profile import set_profile_field
from tests.app.services.test_progress_report import TODAY, half_year_commune

STEM = "BC-CCHC-2024-6thang"


def _pdf_text(path: Path) -> str:
    """All pages' text, white space folded."""
    return " ".join(" ".join((page.extract_text() or "").split()) for page in PdfReader(path).pages)


def _word_text(path: Path) -> str:
    """Paragraphs and table cells of the .docx, white space folded."""
    word = WordDocument(str(path))
    parts = [p.text for p in word.paragraphs]
    parts += [cell.text for table in word.tables for row in table.rows for cell in row.cells]
    return " ".join(" ".join(parts).split())


def _numbers(*values) -> str:
    return r"\s*".join(str(v) for v in values)


@pytest.fixture
def written(store, tmp_path):
    half_year_commune(store)
    return export_progress_report(store, 2024, "h1", tmp_path / "out", today=TODAY)


def test_three_files_with_ascii_names(written):
    """A PDF, a Word copy and a workbook, named in ASCII after the year and period."""
    assert [w.path.name for w in written] == [f"{STEM}.pdf", f"{STEM}.docx", f"{STEM}_chi-tiet.xlsx"]
    assert all(w.path.stat().st_size > 1000 for w in written)


def test_pdf_prints_header_addressee_counts_and_signer(written):
    """The six-month numbers (11 due, 6 done, 1 late, 1 doing, 3 todo, 2 overdue, 1 skipped) are printed in the PDF."""
    text = _pdf_text(written[0].path)
    for expected in (
        "ỦY BAN NHÂN DÂN XÃ HÒA BÌNH XUÂN", "/BC-UBND", "Hòa Bình Xuân, ngày 20 tháng 6 năm 2024", "BÁO CÁO",
        "Kết quả thực hiện công tác cải cách hành chính 6 tháng đầu năm 2024",
        "Kính gửi: Ủy ban nhân dân huyện Sơn Hà.", "I. TÌNH HÌNH TRIỂN KHAI", "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI",
        "đã hoàn thành 6/11 lượt nhiệm vụ đến hạn (đạt 54,5%)", "TM. ỦY BAN NHÂN DÂN", "Trần Văn Hùng", "Nơi nhận:",
        "Như trên;", "Phòng Nội vụ huyện Sơn Hà;", "Lưu: VT.", "Chưa có hướng dẫn của cấp trên",
    ):
        assert expected in text, expected
    assert re.search("Tổng cộng" + r"\s*" + _numbers(11, 6, 1, 1, 3, 2, 1), text)
    assert re.search("Cải cách thủ tục hành chính" + r"\s*" + _numbers(2, 1, 0, 0, 1, 0, 0), text)


def test_pdf_appendix_lists_every_checkpoint_of_the_period(written):
    """The landscape appendix numbers the 12 checkpoints; the undated one shows "Không xác định"."""
    reader = PdfReader(written[0].path)
    landscape = [page for page in reader.pages if page.mediabox.width > page.mediabox.height]
    text = " ".join(" ".join((page.extract_text() or "").split()) for page in landscape)
    assert landscape and "CHI TIẾT KẾT QUẢ THỰC HIỆN NHIỆM VỤ" in text
    assert "III.2. Triển khai dịch vụ công trực tuyến" in text and "Không xác định" in text


def test_word_copy_holds_the_same_text_and_table(written):
    """The .docx opens with python-docx and carries the addressee, the counts and the narrative."""
    text = _word_text(written[1].path)
    assert "Kính gửi: Ủy ban nhân dân huyện Sơn Hà." in text
    assert "đã hoàn thành 6/11 lượt nhiệm vụ đến hạn (đạt 54,5%)" in text
    assert re.search("Tổng cộng" + r"\s*" + _numbers(11, 6, 1, 1, 3, 2, 1), text)


def test_workbook_holds_summary_detail_late_list_and_evidence_sheets(written):
    """The summary sheet's total row reads 11, 6, 1, 1, 3, 2, 1 as numbers; the detail sheet has 12 rows."""
    book = load_workbook(written[2].path)
    summary, detail, late, evidence = book.worksheets
    assert summary.title == "Tổng hợp 6 tháng đầu năm 2024"
    rows = [tuple(cell.value for cell in row) for row in summary.iter_rows()]
    assert rows[-1][1:] == ("Tổng cộng", 11, 6, 1, 1, 3, 2, 1)
    titles = [row[1] for row in detail.iter_rows(min_row=3, values_only=True)]
    assert len(titles) == 12 and titles[-1] == "III.2. Triển khai dịch vụ công trực tuyến"
    assert late.max_row - 2 == 4 and evidence.title == "Tài liệu kiểm chứng"


def test_edited_text_is_what_gets_printed(store, tmp_path):
    """The clerk's own results paragraph replaces the suggestion in the PDF and the Word copy."""
    half_year_commune(store)
    mine = "Hoàn thành tốt các nhiệm vụ trọng tâm về cải cách thủ tục hành chính."
    files = export_progress_report(store, 2024, "h1", tmp_path, narrative={"results": mine}, today=TODAY)
    for path in (files[0].path, files[1].path):
        text = _pdf_text(path) if path.suffix == ".pdf" else _word_text(path)
        assert mine in text and "đã hoàn thành 6/11" not in text


def test_addressee_falls_back_when_the_profile_has_none(store, tmp_path):
    """No superior of the paper's date in the profile (the 2024 district): "Kính gửi: Ủy ban nhân dân cấp trên."."""
    half_year_commune(store)
    set_profile_field(store, "district_authority", "")
    files = export_progress_report(store, 2024, "q1", tmp_path, today=date(2024, 4, 10))
    assert files[0].path.name == "BC-CCHC-2024-quy1.pdf"
    assert "Kính gửi: Ủy ban nhân dân cấp trên." in _pdf_text(files[0].path)


def test_unwritable_folder_gives_a_vietnamese_error(store, tmp_path):
    """A file standing where the folder should be: a UserError saying what to check, not an OSError."""
    half_year_commune(store)
    blocker = tmp_path / "khong-phai-thu-muc"
    blocker.write_text("x")
    with pytest.raises(UserError) as caught:
        export_progress_report(store, 2024, "h1", blocker / "sub", today=TODAY)
    assert caught.value.message == "Không ghi được báo cáo ra thư mục đã chọn."
