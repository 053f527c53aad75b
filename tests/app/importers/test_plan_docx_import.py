"""Reading .docx plans: inline paragraphs, appendix task tables, Word's automatic numbering."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from app.importers import read_plan_file

SEED_002 = Path(__file__).resolve().parents[2] / "fixtures" / "seeds" / "002_ddfdc451bd3e8b7f.txt"
HEADER = ["STT", "Nội dung nhiệm vụ", "Chủ trì", "Phối hợp", "Sản phẩm", "Thời gian hoàn thành"]


def _inline_docx(path: Path) -> Path:
    """Seed 002's text as Word paragraphs, headings in bold runs instead of markdown."""
    document = docx.Document()
    for raw in SEED_002.read_text(encoding="utf-8").split("\n"):
        text = raw.replace("**", "").lstrip("#").strip()
        run = document.add_paragraph().add_run(text)
        run.bold = "**" in raw
    document.save(path)
    return path


def _table_docx(path: Path) -> Path:
    """A plan whose tasks are in an appendix table with roman-numeral area rows and a spanning area row."""
    document = docx.Document()
    document.add_paragraph("Số: 15/KH-UBND")
    document.add_paragraph("KẾ HOẠCH")
    document.add_paragraph("Cải cách hành chính năm 2025 xã Hành Minh")
    document.add_paragraph("II. NHIỆM VỤ: chi tiết tại Phụ lục kèm theo.")
    rows = [
        HEADER,
        ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)"],
        ["I", "CẢI CÁCH THỂ CHẾ", "", "", "", ""],
        ["1", "Rà soát văn bản quy phạm pháp luật", "Công chức Tư pháp - Hộ tịch",
         "Công chức Văn phòng - Thống kê; Các công chức có liên quan", "Báo cáo kết quả rà soát", "Quý II/2025"],
        ["2", "Theo dõi thi hành pháp luật\nTrọng tâm: đất đai", "Công chức Tư pháp - Hộ tịch", "", "Kế hoạch", "Thường xuyên."],
        ["II", "Cải cách thủ tục hành chính", "", "", "", ""],
        ["1", "Niêm yết công khai TTHC", "Công chức Văn phòng - Thống kê", "", "TTHC được niêm yết", "Thường xuyên"],
        ["SPAN", "", "", "", "", ""],
        ["1", "Triển khai dịch vụ công trực tuyến", "", "", "Hồ sơ trực tuyến", "Trong năm 2025"],
    ]
    table = document.add_table(rows=len(rows), cols=len(HEADER))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            table.cell(r, c).text = value
    span = table.cell(7, 0).merge(table.cell(7, 5))
    span.text = "III. Xây dựng chính quyền số"
    document.add_paragraph("III. TỔ CHỨC THỰC HIỆN")
    document.save(path)
    return path


@pytest.fixture
def table_plan(tmp_path):
    return read_plan_file(_table_docx(tmp_path / "phu_luc.docx"))


def test_inline_docx_gives_the_same_plan_as_the_text(tmp_path):
    """Seed 002 typed into Word paragraphs gives the same areas and tasks as its text."""
    from_word = read_plan_file(_inline_docx(tmp_path / "ke_hoach.docx"))
    from_text = read_plan_file(SEED_002)
    assert from_word.areas == from_text.areas
    assert [(t.title, t.lead, t.product, t.timeframe) for t in from_word.tasks] == [
        (t.title, t.lead, t.product, t.timeframe) for t in from_text.tasks
    ]
    assert (from_word.number, from_word.year) == ("479/QĐ-UBND", 2024)


def test_table_areas_from_roman_rows_and_spanning_rows(table_plan):
    """Roman-numeral rows and a row spanning the table open areas; the column-number row is skipped."""
    assert table_plan.areas == ["CẢI CÁCH THỂ CHẾ", "Cải cách thủ tục hành chính", "Xây dựng chính quyền số"]
    assert [t.area for t in table_plan.tasks] == [
        "CẢI CÁCH THỂ CHẾ", "CẢI CÁCH THỂ CHẾ", "Cải cách thủ tục hành chính", "Xây dựng chính quyền số"
    ]


def test_table_task_fields(table_plan):
    """Each task row gives title, lead, coordinators, product and timeframe from the named columns."""
    first, second = table_plan.tasks[:2]
    assert (first.title, first.lead, first.product, first.timeframe) == (
        "Rà soát văn bản quy phạm pháp luật", "Công chức Tư pháp - Hộ tịch", "Báo cáo kết quả rà soát", "Quý II/2025"
    )
    assert first.coordinators == ["Công chức Văn phòng - Thống kê", "Các công chức có liên quan"]
    assert (second.title, second.detail, second.timeframe) == ("Theo dõi thi hành pháp luật", "Trọng tâm: đất đai", "Thường xuyên")


def test_table_header_facts_from_paragraphs(table_plan):
    """The number, title and year come from the paragraphs around the table."""
    assert (table_plan.number, table_plan.title, table_plan.year) == (
        "15/KH-UBND", "Kế hoạch cải cách hành chính năm 2025 xã Hành Minh", 2025
    )


def test_table_row_without_lead_is_warned_by_table_and_row(table_plan):
    """A task row with an empty "Chủ trì" cell is named by table and row in the warning."""
    assert table_plan.warnings == ["Bảng 1, hàng 9: nhiệm vụ “Triển khai dịch vụ công trực tuyến” chưa có người chủ trì."]


def test_header_recognised_without_accents_and_in_capitals(tmp_path):
    """A header "TT | NOI DUNG CONG VIEC | DON VI CHU TRI | THOI HAN" is still a task table."""
    document = docx.Document()
    table = document.add_table(rows=3, cols=4)
    for r, values in enumerate([["TT", "NOI DUNG CONG VIEC", "DON VI CHU TRI", "THOI HAN"],
                                ["I.", "Chỉ đạo điều hành", "", ""],
                                ["1", "Ban hành kế hoạch", "Văn phòng", "Quý I"]]):
        for c, value in enumerate(values):
            table.cell(r, c).text = value
    document.save(tmp_path / "bang.docx")
    plan = read_plan_file(tmp_path / "bang.docx")
    assert [(t.area, t.title, t.lead, t.timeframe) for t in plan.tasks] == [
        ("Chỉ đạo điều hành", "Ban hành kế hoạch", "Văn phòng", "Quý I")
    ]


def _numbered(document, text: str, level: int) -> None:
    """A paragraph in list 90 at ``level`` (0: "1.", 1: "a)"), the marker drawn by Word, not typed."""
    num_pr = document.add_paragraph(text)._p.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = level
    num_pr.get_or_add_numId().val = 90


def _add_area_task_list(document) -> None:
    levels = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/></w:lvl>'
        for i, fmt, text in ((0, "decimal", "%1."), (1, "lowerLetter", "%2)"))
    )
    numbering = document.part.numbering_part.element
    numbering.insert(0, parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90">{levels}</w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))


def test_word_list_numbering_is_put_back(tmp_path):
    """Areas "1." and tasks "a)" numbered by a Word list (nothing typed) are told apart; List Bullet labels are read."""
    document = docx.Document()
    _add_area_task_list(document)
    document.add_paragraph("II. NỘI DUNG, NHIỆM VỤ")
    _numbered(document, "Cải cách thể chế", 0)
    _numbered(document, "Rà soát văn bản", 1)
    document.add_paragraph("Chủ trì: Công chức Tư pháp", style="List Bullet")
    _numbered(document, "Theo dõi thi hành pháp luật", 1)
    document.add_paragraph("Chủ trì: Công chức Tư pháp", style="List Bullet")
    _numbered(document, "Cải cách thủ tục hành chính", 0)
    _numbered(document, "Niêm yết TTHC", 1)
    document.add_paragraph("Chủ trì: Công chức Văn phòng", style="List Bullet")
    document.save(tmp_path / "danh_so.docx")
    plan = read_plan_file(tmp_path / "danh_so.docx")
    assert plan.areas == ["Cải cách thể chế", "Cải cách thủ tục hành chính"]
    assert [(t.title, t.lead) for t in plan.tasks] == [
        ("Rà soát văn bản", "Công chức Tư pháp"),
        ("Theo dõi thi hành pháp luật", "Công chức Tư pháp"),
        ("Niêm yết TTHC", "Công chức Văn phòng"),
    ]
