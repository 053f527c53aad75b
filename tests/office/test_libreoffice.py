"""The editable copies converted by a real LibreOffice (skipped where it is not installed): no signer alone on a
page, no wrapped row printed over the next. The same checks as ``python -m tests.office.convert``."""

from __future__ import annotations

import pytest

from app.documents.model import Closing, Document, Header, Recipients, Signature, TitleBlock, para
from app.documents.render_docx import render_docx
from app.documents.render_xlsx import render_xlsx
from tests.app.documents.conftest import sample_plan
from tests.office.convert import check_files, soffice

pytestmark = pytest.mark.skipif(soffice() is None, reason="LibreOffice (soffice) is not installed")

HEADER = Header("ỦY BAN NHÂN DÂN\nXÃ HÒA BÌNH XUÂN", "Số: 218/TTr-UBND", "Hòa Bình Xuân, ngày 05 tháng 12 năm 2024")
CLOSING = Closing((Signature("CHỦ TỊCH", "Trần Văn Hùng", "TM. ỦY BAN NHÂN DÂN"),),
                  Recipients.of("Như trên", "Sở Nội vụ tỉnh Quảng Ngãi"))


def letter(lines: int) -> Document:
    """A letter of ``lines`` body lines: across the range, its closing meets the foot of page 1 somewhere."""
    body = [para(f"Dòng nội dung thứ {number} của tờ trình đề nghị khen thưởng.") for number in range(1, lines + 1)]
    return Document("Tờ trình", (HEADER, TitleBlock("TỜ TRÌNH"), *body, CLOSING), author="UBND xã Hòa Bình Xuân")


@pytest.fixture(scope="module")
def findings(tmp_path_factory):
    """Letters of 20–34 lines and the sample plan (Word and Excel), converted by LibreOffice and checked."""
    folder = tmp_path_factory.mktemp("office")
    files = []
    for lines in range(20, 35, 2):
        files.append(folder / f"TTr-{lines}.docx")
        render_docx(letter(lines), files[-1])
    render_docx(sample_plan(), folder / "KH.docx")
    render_xlsx(sample_plan(), folder / "KH_phu-luc.xlsx")
    files += [folder / "KH.docx", folder / "KH_phu-luc.xlsx"]
    return {finding.name.split("/")[-1]: finding for finding in check_files(files, folder / "lo")}


def test_no_signer_stands_alone_on_a_page(findings):
    """Wherever the closing meets the page's foot, the signature block moves whole: no near-empty last page."""
    lonely = {name: finding.lonely for name, finding in findings.items() if finding.lonely}
    assert lonely == {}


def test_no_wrapped_row_prints_over_the_next(findings):
    """The plan's task table in Excel, long cells wrapping, prints without two lines drawn over each other."""
    assert findings["KH_phu-luc.xlsx"].overprints == []
    assert findings["KH.docx"].overprints == []


def test_page_counts_are_sane(findings):
    """Every converted file has pages, a letter at most two."""
    assert all(finding.page_count_ok for finding in findings.values())
    assert all(findings[f"TTr-{lines}.docx"].pages <= 2 for lines in range(20, 35, 2))
