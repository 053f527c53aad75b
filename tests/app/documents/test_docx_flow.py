"""Word copies that stay whole in an office suite: rows kept, signatures kept, the rule under the motto, honest
core properties — each read back from the written .docx."""

from __future__ import annotations

import zipfile
from datetime import datetime, timedelta, timezone

import pytest
from docx import Document as open_docx
from docx.oxml.ns import qn

from app.documents.model import Document, Header, Signature, Signatures, para
from app.documents.render_docx import render_docx

from .conftest import sample_plan  # noqa: TID252


@pytest.fixture(scope="module")
def plan_docx(tmp_path_factory):
    """The sample plan (a task table, one signature) written as .docx."""
    path = tmp_path_factory.mktemp("flow") / "ke-hoach.docx"
    render_docx(sample_plan(), path)
    return path


def _flag(row, name: str) -> bool:
    properties = row._tr.trPr
    return properties is not None and properties.find(qn(name)) is not None


def _signature_table(word):
    return next(table for table in word.tables if "TM. ỦY BAN NHÂN DÂN" in table._tbl.xml)


def test_core_properties_name_the_commune_and_today(plan_docx):
    """Author and last editor are the commune, created/modified are now, and python-docx is nowhere."""
    before = datetime.now(timezone.utc) - timedelta(minutes=5)
    properties = open_docx(plan_docx).core_properties
    assert properties.author == properties.last_modified_by == "UBND xã Hòa Bình Xuân"
    assert properties.title == sample_plan().title
    assert properties.created >= before and properties.modified >= before
    assert properties.created.year != 2013 and properties.comments == ""
    core = zipfile.ZipFile(plan_docx).read("docProps/core.xml").decode()
    assert "python-docx" not in core and "2013-12-23" not in core


def test_signature_row_never_splits_and_the_text_before_keeps_with_it(plan_docx):
    """The closing's row has cantSplit; the paragraphs leading into it are kept with the next."""
    word = open_docx(plan_docx)
    table = _signature_table(word)
    assert all(_flag(row, "w:cantSplit") for row in table.rows)
    before = table._tbl.getprevious()
    leading = [before, before.getprevious()]  # the spacer and the last body paragraph
    for element in leading:
        assert element.tag == qn("w:p") and element.pPr.find(qn("w:keepNext")) is not None


def test_table_header_row_repeats_and_never_splits(plan_docx):
    """The task table's header row repeats on each page and is kept whole."""
    word = open_docx(plan_docx)
    table = next(table for table in word.tables if table.rows[0].cells[0].text == "STT")
    assert _flag(table.rows[0], "w:tblHeader") and _flag(table.rows[0], "w:cantSplit")


def test_signatures_rows_are_kept_with_the_names(tmp_path):
    """A row of confirmations: every row whole, the positions and notes kept with the names' row."""
    document = Document("Báo cáo", (para("Người báo cáo."), Signatures((
        Signature("XÁC NHẬN CỦA CẤP TRÌNH KHEN", note="(Ký, đóng dấu)"),
        Signature("NGƯỜI BÁO CÁO THÀNH TÍCH", "Lê Thị Mai", note="(Ký, ghi rõ họ và tên)"),
    ))), author="UBND xã Hòa Bình Xuân")
    render_docx(document, tmp_path / "bc.docx")
    table = open_docx(tmp_path / "bc.docx").tables[-1]
    assert all(_flag(row, "w:cantSplit") for row in table.rows)
    for row in table.rows[:2]:
        paragraphs = [p for cell in row.cells for p in cell.paragraphs]
        assert all(p.paragraph_format.keep_with_next for p in paragraphs)


def test_the_motto_rule_is_a_bottom_border_under_the_text(tmp_path):
    """The rule under the motto is the bottom border of its own paragraph, never a top border that LibreOffice
    draws up across the descenders of "lập", "phúc"."""
    header = Header("ỦY BAN NHÂN DÂN\nXÃ HÒA BÌNH XUÂN", "Số: 1/QĐ-UBND", "Hòa Bình Xuân, ngày 20 tháng 12 năm 2024")
    render_docx(Document("QĐ", (header, para("Thân bài."))), tmp_path / "qd.docx")
    right = open_docx(tmp_path / "qd.docx").tables[0].rows[0].cells[1]
    motto = next(index for index, p in enumerate(right.paragraphs) if p.text.startswith("Độc lập"))
    rule = right.paragraphs[motto + 1]._p.pPr.find(qn("w:pBdr"))
    assert rule.find(qn("w:bottom")) is not None and rule.find(qn("w:top")) is None


def test_a_page_break_is_on_the_next_paragraph_never_a_paragraph_of_its_own(tmp_path):
    """A letter that fills its page exactly then its list: the list's first paragraph carries pageBreakBefore,
    and no empty paragraph holding a break is left to spill onto a blank page (found in LibreOffice)."""
    from app.documents.model import PageBreak

    path = tmp_path / "to-trinh.docx"
    render_docx(Document("Tờ trình", (para("Kính đề nghị."), PageBreak(), para("DANH SÁCH ĐỀ NGHỊ"))), path)
    body = open_docx(path).paragraphs
    listed = next(item for item in body if item.text == "DANH SÁCH ĐỀ NGHỊ")
    assert listed.paragraph_format.page_break_before is True
    assert not any(qn("w:br") in item._p.xml and item.text == "" for item in body)
    assert "w:br" not in "".join(item._p.xml for item in body)


def test_a_second_row_of_signers_stays_with_the_first(tmp_path):
    """Two rows of signatures (the report forms): the first row's names keep with the next, so the second row
    never stands alone on a page (found in LibreOffice: "XÁC NHẬN CỦA CẤP TRÌNH KHEN THƯỞNG" alone on page 2)."""
    path = tmp_path / "bao-cao.docx"
    rows = (Signatures((Signature("", "NGƯỜI BÁO CÁO THÀNH TÍCH", "Lê Thị Mai"),)),
            Signatures((Signature("", "XÁC NHẬN CỦA CẤP TRÌNH KHEN THƯỞNG", "Trần Văn Hùng"),)))
    render_docx(Document("Báo cáo", (para("Thành tích."),) + rows), path)
    first = open_docx(path).tables[0]
    assert all(paragraph.paragraph_format.keep_with_next for cell in first.rows[-1].cells
               for paragraph in cell.paragraphs)
