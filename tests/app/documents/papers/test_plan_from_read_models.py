"""A paper is built from plain read models: no store, no service, no session."""

from __future__ import annotations

from datetime import date

from openpyxl import load_workbook
from pypdf import PdfReader

from app.documents.papers.plan import plan_appendix, plan_document
from app.documents.render_pdf import render_pdf
from app.documents.render_xlsx import render_xlsx
from app.domain.timeframe import parse_timeframe
from app.queries.models.plans import Area, Plan, Task
from app.queries.models.profile import CommuneProfile

PROFILE = CommuneProfile(commune_name="Tân Phú", province="Đồng Nai", place_name="Tân Phú",
                         chairman_name="Phạm Văn Bình", chairman_title="Chủ tịch")
PLAN = Plan(year=2025, number="12/KH-UBND", issue_date=date(2025, 1, 10),
            title="Kế hoạch cải cách hành chính năm 2025", id=7)
TASK = Task(title="Rà soát thủ tục hành chính thuộc thẩm quyền của xã", lead_text="Văn phòng - Thống kê",
            timeframe="Quý II", id=1, area_id=3, position=1, lead="Văn phòng - Thống kê",
            schedule=parse_timeframe("Quý II", 2025))
AREAS = (Area(id=3, plan_id=7, position=1, title="Cải cách thủ tục hành chính", tasks=(TASK,)),)


def _folded(text: str) -> str:
    return " ".join(text.split())


def test_the_plan_paper_renders_from_hand_made_read_models(tmp_path):
    """The KẾ HOẠCH and its appendix print what plain values say, written to real files and read back."""
    render_pdf(plan_document(PLAN, AREAS, PROFILE), tmp_path / "plan.pdf")
    render_xlsx(plan_appendix(PLAN, AREAS, PROFILE), tmp_path / "appendix.xlsx")
    text = _folded(" ".join(page.extract_text() or "" for page in PdfReader(tmp_path / "plan.pdf").pages))
    assert "ỦY BAN NHÂN DÂN XÃ TÂN PHÚ" in text.upper() and "12/KH-UBND" in text
    assert "Rà soát thủ tục hành chính thuộc thẩm quyền của xã" in text
    cells = [cell for row in load_workbook(tmp_path / "appendix.xlsx").active.iter_rows(values_only=True)
             for cell in row if cell]
    assert "Rà soát thủ tục hành chính thuộc thẩm quyền của xã" in cells
