"""The PDF renderer: real Vietnamese text, Decree 30 page numbering, tables that never overflow."""

from __future__ import annotations

import pytest
from pypdf import PdfReader

from app.documents import layout
from app.documents.fonts import bundled_font_set
from app.documents.model import Column, Document, Orientation, Row, Table, para
from app.documents.render_pdf import render_pdf

from .conftest import TASK_TITLE  # noqa: TID252


@pytest.fixture(scope="module")
def pdf(plan, tmp_path_factory) -> PdfReader:
    """The sample plan rendered with the bundled font, read back."""
    path = tmp_path_factory.mktemp("pdf") / "ke-hoach.pdf"
    render_pdf(plan, path, font_set=bundled_font_set())
    return PdfReader(path)


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_header_title_and_signer_are_extracted_exactly(pdf):
    """The Vietnamese header, title and signer come back from page 1 character for character."""
    text = _flat(pdf.pages[0].extract_text())
    for expected in (
        "ỦY BAN NHÂN DÂN XÃ HÒA BÌNH XUÂN",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Số: 15/KH-UBND",
        "Hòa Bình Xuân, ngày 05 tháng 02 năm 2024",
        "KẾ HOẠCH",
        "Cải cách hành chính năm 2024",
        "TM. ỦY BAN NHÂN DÂN",
        "CHỦ TỊCH",
        "Trần Văn Hùng",
        "Nơi nhận:",
        "- Lưu: VT.",
    ):
        assert expected in text


def test_a_task_title_in_the_table_is_extracted(pdf):
    """Cell text wraps inside its cell but reads back whole."""
    text = _flat(" ".join(page.extract_text() for page in pdf.pages[1:]))
    assert TASK_TITLE in text
    assert "Nhiệm vụ số 40: tổ chức thực hiện nội dung cải cách ở thôn" in text


def test_page_count_and_orientation(pdf):
    """One portrait page of plan, then the 40-task appendix on five A4 landscape pages."""
    assert len(pdf.pages) == 6
    first, second = pdf.pages[0].mediabox, pdf.pages[1].mediabox
    mm = 72 / 25.4
    assert (round(first.width / mm), round(first.height / mm)) == (210, 297)
    assert (round(second.width / mm), round(second.height / mm)) == (297, 210)


def test_page_numbers_start_on_page_two(pdf):
    """Decree 30/2020: no number on page 1; page 2 shows "2" first, at the top."""
    assert "1" not in [line.strip() for line in pdf.pages[0].extract_text().split("\n")]
    for number in (2, 6):
        assert pdf.pages[number - 1].extract_text().strip().split("\n")[0].strip() == str(number)


def test_the_header_row_repeats_on_every_appendix_page(pdf):
    """Every landscape page starts its table with the column titles."""
    for page in pdf.pages[1:]:
        assert "Nội dung nhiệm vụ" in page.extract_text()


def test_metadata_title_is_the_document_title(pdf):
    """The PDF's title property is the paper's title."""
    assert pdf.metadata.title == "Kế hoạch cải cách hành chính năm 2024"


def test_font_is_embedded(pdf):
    """The serif font travels inside the file, so any reader shows the same glyphs."""
    fonts = pdf.pages[0]["/Resources"]["/Font"]
    for font in (ref.get_object() for ref in fonts.values()):
        if "/DescendantFonts" in font:
            font = font["/DescendantFonts"][0].get_object()
        assert "/FontFile2" in font["/FontDescriptor"], font["/BaseFont"]


def test_no_cell_text_is_wider_than_its_column():
    """A long unbroken word is split inside its cell rather than drawn over the grid."""
    from app.documents.fonts import register_pdf_fonts
    from app.documents.render_pdf import _table

    register_pdf_fonts(bundled_font_set())
    table = Table((Column("STT", 1), Column("Đường dẫn", 2)), (Row((1, "https://dichvucong.gov.vn/" + "x" * 200)),))
    width = layout.text_width_mm(Orientation.PORTRAIT) * 72 / 25.4
    flowable = _table(table, width)
    flowable.wrap(width, 10_000)
    pad = 2 * layout.TABLE_CELL_PADDING_PT
    for row in flowable._cellvalues:
        for cell, column_width in zip(row, flowable._colWidths):
            if hasattr(cell, "getActualLineWidths0"):
                assert max(cell.getActualLineWidths0()) <= column_width - pad + 0.01


def test_a_failed_render_keeps_the_old_file_and_leaves_no_temp(tmp_path):
    """A render that fails midway never leaves a half file under the target name."""
    target = tmp_path / "ke-hoach.pdf"
    target.write_bytes(b"old")
    broken = Document("x", (para("Mở đầu"), "not a block"))  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        render_pdf(broken, target)
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["ke-hoach.pdf"]


def test_a_failure_while_writing_leaves_no_file(tmp_path, monkeypatch):
    """An error inside reportlab's build, after the temporary file exists, leaves nothing at the target."""
    from reportlab.platypus import BaseDocTemplate

    def explode(self, story, **kwargs):
        with open(self.filename, "wb") as handle:
            handle.write(b"%PDF-1.4 half")
        raise OSError("disk full")

    monkeypatch.setattr(BaseDocTemplate, "build", explode)
    target = tmp_path / "ke-hoach.pdf"
    with pytest.raises(OSError):
        render_pdf(Document("x", (para("Mở đầu"),)), target)
    assert list(tmp_path.iterdir()) == []


def test_reportlab_runs_on_its_c_accelerators():
    """rl_accel is a declared dependency: without it reportlab measures every string in pure Python."""
    from reportlab.lib import rl_accel

    assert type(rl_accel.fp_str).__name__ == "builtin_function_or_method"
    assert type(rl_accel.instanceStringWidthTTF).__name__ == "builtin_function_or_method"
