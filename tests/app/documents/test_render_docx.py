"""The Word renderer: same text as the PDF, A4 with Decree 30 margins, Times New Roman, repeating table header."""

from __future__ import annotations

import zipfile

import pytest
from docx import Document as open_docx
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn

from app.documents.model import Document, para
from app.documents.render_docx import render_docx

from .conftest import TASK_TITLE  # noqa: TID252


@pytest.fixture(scope="module")
def docx_path(plan, tmp_path_factory):
    """The sample plan written as .docx."""
    path = tmp_path_factory.mktemp("docx") / "ke-hoach.docx"
    render_docx(plan, path)
    return path


@pytest.fixture(scope="module")
def word(docx_path):
    return open_docx(docx_path)


def _mm(*lengths) -> tuple[float, ...]:
    """Lengths in whole-ish millimetres: Word stores twips, so 210 mm comes back as 210.0003."""
    return tuple(round(length.mm, 1) for length in lengths)


def _all_text(word) -> str:
    parts = [p.text for p in word.paragraphs]
    for table in word.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


def test_header_title_task_and_signer_are_in_the_text(word):
    """The Word file holds the same Vietnamese strings as the paper."""
    text = _all_text(word)
    for expected in (
        "ỦY BAN NHÂN DÂN\nXÃ HÒA BÌNH XUÂN",
        "Số: 15/KH-UBND",
        "Hòa Bình Xuân, ngày 05 tháng 02 năm 2024",
        "KẾ HOẠCH",
        "Cải cách hành chính năm 2024",
        TASK_TITLE,
        "TM. ỦY BAN NHÂN DÂN",
        "Trần Văn Hùng",
        "- Lưu: VT.",
    ):
        assert expected in text


def test_pages_are_a4_with_decree_30_margins(word):
    """A4 portrait first, then the landscape appendix section; margins 20/20/30/15 mm."""
    first, appendix = word.sections[0], word.sections[-1]
    assert _mm(first.page_width, first.page_height) == (210, 297)
    assert appendix.orientation == WD_ORIENT.LANDSCAPE
    assert _mm(appendix.page_width, appendix.page_height) == (297, 210)
    for section in word.sections:
        assert _mm(section.top_margin, section.bottom_margin, section.left_margin, section.right_margin) == (20, 20, 30, 15)


def test_font_is_times_new_roman_for_every_script(word):
    """Word names Times New Roman, also for the slots Vietnamese text may fall into."""
    normal = word.styles["Normal"]
    fonts = normal.element.rPr.rFonts
    assert normal.font.name == "Times New Roman"
    assert {fonts.get(qn(slot)) for slot in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia")} == {"Times New Roman"}
    assert normal.font.size.pt == 14


def test_body_is_justified_with_first_line_indent(word):
    """Decree 30 body: justified, 1 cm first-line indent, 6 pt after."""
    body = next(p for p in word.paragraphs if p.text.startswith("Ủy ban nhân dân xã Hòa Bình Xuân ban hành"))
    assert body.alignment == 3  # WD_ALIGN_PARAGRAPH.JUSTIFY
    assert _mm(body.paragraph_format.first_line_indent) == (10,)
    assert body.paragraph_format.space_after.pt == 6


def test_page_number_field_is_hidden_on_page_one(docx_path, word):
    """A PAGE field in the header, and a distinct empty first-page header."""
    assert word.sections[0].different_first_page_header_footer
    with zipfile.ZipFile(docx_path) as archive:
        headers = [archive.read(n).decode() for n in archive.namelist() if n.startswith("word/header")]
    assert any("PAGE" in h for h in headers)


def test_task_table_repeats_its_header_row_and_merges_group_rows(word):
    """The header row is marked to repeat; an area title spans every column."""
    table = next(t for t in word.tables if t.rows[0].cells[0].text == "STT")
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    group = table.rows[1]
    assert {cell.text for cell in group.cells} == {"I. Công tác chỉ đạo, điều hành"}
    assert len(table.rows) == 1 + 40 + 4


def test_core_properties_title(word):
    """The Word title property is the paper's title."""
    assert word.core_properties.title == "Kế hoạch cải cách hành chính năm 2024"


def test_a_failed_render_leaves_no_file(tmp_path):
    """A render that fails leaves nothing under the target name."""
    with pytest.raises(TypeError):
        render_docx(Document("x", (para("Mở đầu"), 42)), tmp_path / "x.docx")  # type: ignore[arg-type]
    assert list(tmp_path.iterdir()) == []
