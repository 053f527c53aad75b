"""The plan's papers as files: PDF and Word read back, the appendix in Excel, in the Decree 30 layout."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from docx import Document as WordDocument
from openpyxl import load_workbook
from pypdf import PdfReader

from app.errors import UserError
from app.exporters.plan_papers import export_plan_papers
from app.importers.plan_file import read_plan_file
from app.services.plan_import import save_imported_plan
from app.services.plan_tree import plan_tree
from app.services.plans import new_plan_data
from app.services.profile import CommuneProfile, save_profile

SEEDS = Path(__file__).resolve().parents[2] / "fixtures" / "seeds"


@pytest.fixture
def seed_plan(store):
    """Seed 002 imported into a commune with a profile: 8 areas, 37 tasks."""
    save_profile(store, CommuneProfile(
        commune_name="Hòa Bình Xuân", province="Quảng Ngãi", place_name="Hòa Bình Xuân",
        chairman_name="Trần Văn Hùng", chairman_title="Chủ tịch", doc_suffix="UBND",
        superior_authority="Ủy ban nhân dân tỉnh Quảng Ngãi",
    ))
    data = replace(
        new_plan_data(store, 2024), number="12/KH-UBND", issue_date=date(2024, 1, 5),
        legal_bases=("Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ",),
        sections=(("purpose", "Nâng cao chất lượng phục vụ người dân."), ("organisation", "Công chức VP-TK theo dõi.")),
    )
    plan = save_imported_plan(store, read_plan_file(SEEDS / "002_ddfdc451bd3e8b7f.txt"), data).value
    return plan


def _pdf_text(path: Path) -> str:
    """All pages' text with white space folded and the page-number line (pages 2+) left out."""
    pages = []
    for page in PdfReader(path).pages:
        lines = (page.extract_text() or "").split("\n")
        if lines and lines[0].strip().isdigit():
            lines = lines[1:]
        pages.append(" ".join(" ".join(lines).split()))
    return " ".join(pages)


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_four_files_with_ascii_names(store, seed_plan, tmp_path):
    written = export_plan_papers(store, seed_plan.id, tmp_path / "out")
    assert [w.path.name for w in written] == [
        "KH-CCHC-2024.pdf", "KH-CCHC-2024.docx", "KH-CCHC-2024_phu-luc.pdf", "KH-CCHC-2024_phu-luc.xlsx",
    ]
    assert all(w.path.stat().st_size > 1000 and w.path.name.isascii() for w in written)


def test_pdf_holds_header_title_every_task_and_signer(store, seed_plan, tmp_path):
    """Read back with pypdf: the exact Vietnamese strings of the paper are there."""
    export_plan_papers(store, seed_plan.id, tmp_path)
    text = _pdf_text(tmp_path / "KH-CCHC-2024.pdf")
    for expected in (
        "ỦY BAN NHÂN DÂN", "XÃ HÒA BÌNH XUÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
        "Số: 12/KH-UBND", "Hòa Bình Xuân, ngày 05 tháng 01 năm 2024", "KẾ HOẠCH",
        "Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ.", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH",
        "Trần Văn Hùng", "Nơi nhận:", "Lưu: VT.",
    ):
        assert expected in text, expected
    for area in plan_tree(store, seed_plan.id):
        assert _flat(area.title) in text
        for task in area.tasks:
            assert _flat(task.title) in text, task.title


def test_pdf_pages_are_numbered_from_the_second(store, seed_plan, tmp_path):
    export_plan_papers(store, seed_plan.id, tmp_path)
    pages = PdfReader(tmp_path / "KH-CCHC-2024.pdf").pages
    assert len(pages) > 2
    first_lines = [(page.extract_text() or "").split("\n")[0].strip() for page in pages]
    assert first_lines[0] != "1" and first_lines[1] == "2" and first_lines[2] == "3"


def test_word_file_has_the_same_text_on_a4(store, seed_plan, tmp_path):
    export_plan_papers(store, seed_plan.id, tmp_path)
    word = WordDocument(tmp_path / "KH-CCHC-2024.docx")
    text = _flat(" ".join(p.text for p in word.paragraphs) + " " + " ".join(
        cell.text for table in word.tables for row in table.rows for cell in row.cells))
    for expected in ("Số: 12/KH-UBND", "KẾ HOẠCH", "Trần Văn Hùng", "Chủ trì thực hiện:"):
        assert expected in text
    for task in plan_tree(store, seed_plan.id)[1].tasks:
        assert _flat(task.title) in text
    section = word.sections[0]
    assert round(section.page_width.mm) == 210 and round(section.page_height.mm) == 297
    assert 30 <= round(section.left_margin.mm) <= 35


def test_appendix_is_landscape_in_pdf_and_a_table_in_excel(store, seed_plan, tmp_path):
    export_plan_papers(store, seed_plan.id, tmp_path)
    page = PdfReader(tmp_path / "KH-CCHC-2024_phu-luc.pdf").pages[0]
    assert float(page.mediabox.width) > float(page.mediabox.height)
    sheet = load_workbook(tmp_path / "KH-CCHC-2024_phu-luc.xlsx").active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    header = next(row for row in values if row and row[0] == "STT")
    assert header[:6] == ["STT", "Nội dung nhiệm vụ", "Chủ trì", "Phối hợp", "Sản phẩm", "Thời gian hoàn thành"]
    tasks = [row for row in values if isinstance(row[0], int)]
    assert len(tasks) == 37
    assert any(row[5] == "Quý I/2024 ban hành kế hoạch, quyết định; định kỳ hàng tháng, quý, năm, báo cáo kết quả thực hiện và các văn bản xử lý hoặc kiến nghị xử lý cho UBND xã" for row in tasks)
    assert sheet.page_setup.orientation == "landscape"


def test_a_draft_without_number_or_date_leaves_blanks(store, tmp_path):
    from app.services.plans import create_plan

    plan = create_plan(store, new_plan_data(store, 2025)).value
    export_plan_papers(store, plan.id, tmp_path)
    text = PdfReader(tmp_path / "KH-CCHC-2025.pdf").pages[0].extract_text()
    assert re.search(r"Số:\s{4,}/KH-UBND", text) and re.search(r"(?i)ngày\s{3,}tháng\s{3,}năm 2025", text)


def test_an_unwritable_folder_is_refused_in_vietnamese(store, seed_plan, tmp_path):
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x")
    with pytest.raises(UserError) as caught:
        export_plan_papers(store, seed_plan.id, blocker / "out")
    assert "Không ghi được" in caught.value.message
