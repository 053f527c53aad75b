"""The BÁO CÁO paper on reform progress (Decree 30/2020, Phụ lục III mẫu 1.4, sent upward: "Kính gửi:").

Portrait: header, title, addressee, the four narrative parts (as the clerk edited
them) with the summary table by area and the list of late or undone tasks,
closing sentence, signature and recipients; then a landscape appendix with
every checkpoint of the period and the evidence list. The Excel workbook holds
the same tables, one sheet each.
"""

from __future__ import annotations

from datetime import date

from app.documents.model import (
    Align,
    Closing,
    Column,
    Document,
    GroupRow,
    Orientation,
    PageBreak,
    Paragraph,
    Row,
    Style,
    Table,
    TitleBlock,
    heading,
    para,
)
from app.documents.papers.common import chairman_signature, commune_header, recipients, roman, text_paragraphs
from app.domain.plan_kinds import plan_kind
from app.queries.models.profile import CommuneProfile
from app.queries.models.progress_report import AreaCounts, ProgressReport, ReportItem

FALLBACK_ADDRESSEE = "Ủy ban nhân dân cấp trên"
SUBJECT = "Kết quả thực hiện công tác cải cách hành chính"
NO_DUE = "Không xác định"

# Widths let "31/01/2024" stand on one line: about 18 mm at 10-11 pt with the cell padding.
SUMMARY_COLUMNS = (
    Column("STT", 0.7, Align.CENTER),
    Column("Lĩnh vực", 3.4),
    Column("Tổng số", 0.85, Align.CENTER),
    Column("Hoàn thành", 1.0, Align.CENTER),
    Column("Trong đó trễ hạn", 0.95, Align.CENTER),
    Column("Đang thực hiện", 1.0, Align.CENTER),
    Column("Chưa thực hiện", 1.0, Align.CENTER),
    Column("Quá hạn", 0.85, Align.CENTER),
    Column("Không thực hiện", 1.05, Align.CENTER),
)
ISSUE_COLUMNS = (
    Column("STT", 0.7, Align.CENTER),
    Column("Nhiệm vụ", 3.7),
    Column("Chủ trì", 1.5),
    Column("Hạn", 1.35, Align.CENTER),
    Column("Tình trạng", 1.4, Align.CENTER),
    Column("Lý do", 1.9),
)
DETAIL_COLUMNS = (
    Column("STT", 0.55, Align.CENTER),
    Column("Nhiệm vụ", 3.7),
    Column("Lĩnh vực", 1.8),
    Column("Chủ trì", 1.4),
    Column("Kỳ", 1.0, Align.CENTER),
    Column("Hạn", 1.2, Align.CENTER),
    Column("Trạng thái", 1.3, Align.CENTER),
    Column("Ngày hoàn thành", 1.2, Align.CENTER),
    Column("Số tài liệu kiểm chứng", 0.85, Align.CENTER),
    Column("Lý do", 1.7),
)
EVIDENCE_COLUMNS = (
    Column("STT", 0.5, Align.CENTER),
    Column("Nhiệm vụ", 4.0),
    Column("Tên tệp", 3.0),
    Column("Ghi chú", 3.0),
)


def _day(day: date | None) -> str:
    return f"{day:%d/%m/%Y}" if day else ""


def _task(item: ReportItem, with_period: bool = False) -> str:
    period = f" ({item.period})" if with_period and item.period else ""
    return f"{item.number}. {item.title}{period}"


# ----------------------------------------------------------------------------- tables


def _area_row(number: int, area: AreaCounts) -> Row:
    return Row((number, area.title, *area.counts.table_values()))


def summary_table(report: ProgressReport, title: str = "", every_area: bool = True) -> Table:
    """One row per area (with ``every_area`` off, only those with something due), grouped by plan when the
    year has several, and a bold total row."""
    rows: list[Row | GroupRow] = []
    areas = [area for area in report.areas if every_area or area.counts.total]
    several = len({area.plan_id for area in areas}) > 1
    kinds = {plan.id: plan.kind for plan in report.plans}
    plan_id = None
    for number, area in enumerate(areas, start=1):
        if several and area.plan_id != plan_id:
            plan_id = area.plan_id
            rows.append(GroupRow(plan_kind(kinds.get(plan_id, "reform")).label))
        rows.append(_area_row(number, area))
    rows.append(Row(("", "Tổng cộng", *report.totals.table_values()), bold=True))
    return Table(SUMMARY_COLUMNS, tuple(rows), title=title, size=11)


def issues_table(report: ProgressReport, title: str = "") -> Table:
    rows = tuple(
        Row((n, _task(i, with_period=True), i.lead, _day(i.due), i.state, i.reason))
        for n, i in enumerate(report.issues, start=1)
    )
    return Table(ISSUE_COLUMNS, rows, title=title, size=11)


def detail_table(report: ProgressReport, title: str = "") -> Table:
    """Every checkpoint of the period: the undated ones last, their due written "Không xác định"."""
    rows = tuple(
        Row((
            n, _task(i), i.area_title, i.lead, i.period, _day(i.due) or NO_DUE, i.state, _day(i.completed_on),
            i.evidence_count, i.reason,
        ))
        for n, i in enumerate(report.items, start=1)
    )
    return Table(DETAIL_COLUMNS, rows, title=title, size=10)


def evidence_table(report: ProgressReport, title: str = "") -> Table:
    rows = tuple(
        Row((n, f"{e.number}. {e.task_title}", e.original_name, e.note)) for n, e in enumerate(report.evidence, start=1)
    )
    return Table(EVIDENCE_COLUMNS, rows, title=title, size=11)


# ----------------------------------------------------------------------------- the paper


def _section(report: ProgressReport, index: int) -> list[Paragraph]:
    section = report.narrative[index]
    return [heading(f"{roman(index + 1)}. {section.heading.upper()}", 1), *text_paragraphs(section.text)]


def _caption(text: str) -> Paragraph:
    return para(text, Style.CENTERED, italic=True)


def _lead_in(text: str) -> Paragraph:
    """The line that introduces a table: a level-3 heading, so no renderer leaves it alone at a page foot."""
    return heading(text, 3)


def report_body(report: ProgressReport, commune_name: str) -> list:
    """The four parts; the summary table (areas with something due) under the results, the late list under
    the shortcomings."""
    blocks: list = _section(report, 0) + _section(report, 1)
    blocks += [_lead_in("Kết quả thực hiện theo từng lĩnh vực:"), summary_table(report, every_area=False)]
    blocks += _section(report, 2)
    if report.issues:
        blocks += [_lead_in("Các nhiệm vụ quá hạn, hoàn thành trễ hạn, không thực hiện:"), issues_table(report)]
    blocks += _section(report, 3)
    who = f"UBND xã {commune_name}" if commune_name else "UBND xã"
    blocks.append(para(f"Trên đây là báo cáo {SUBJECT.lower()} {report.span} của {who}./."))
    return blocks


def report_closing(profile: CommuneProfile) -> Closing:
    signer = chairman_signature(profile)
    names = ("Như trên", profile.receiving_office, "Chủ tịch, các Phó Chủ tịch UBND xã")
    return Closing((signer,), recipients(tuple(name for name in names if name.strip())))


def report_number(profile: CommuneProfile) -> str:
    """ "/BC-UBND": the number is given when the paper is registered, so the draft leaves room for it."""
    return f"/BC-{profile.doc_suffix or 'UBND'}"


def appendix_blocks(report: ProgressReport, profile: CommuneProfile) -> list:
    """The landscape appendix: every checkpoint of the period, then the evidence list."""
    caption = f"(Kèm theo Báo cáo số …{report_number(profile)} ngày {_day(report.today)} của UBND xã {profile.commune_name})"
    blocks: list = [
        PageBreak(Orientation.LANDSCAPE),
        para("Phụ lục", Style.CENTERED, bold=True),
        para(f"CHI TIẾT KẾT QUẢ THỰC HIỆN NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH {report.span.upper()}", Style.CENTERED, bold=True),
        _caption(caption),
        detail_table(report),
    ]
    if report.evidence:
        blocks += [para("DANH MỤC TÀI LIỆU KIỂM CHỨNG", Style.CENTERED, bold=True), evidence_table(report)]
    return blocks


def report_document(report: ProgressReport, profile: CommuneProfile, appendix: bool = True) -> Document:
    """The whole BÁO CÁO, portrait, ready for ``render_pdf`` and ``render_docx``; the appendix optional."""
    header = commune_header(profile.commune_name, profile.place_name, report_number(profile), report.today, report.year)
    title = TitleBlock("BÁO CÁO", (SUBJECT, report.span), (profile.superior_authority or FALLBACK_ADDRESSEE,))
    window = _caption(f"({report.data_window})")  # the cut-off window the numbers cover (Văn bản 581/BNV-CCHC)
    blocks = [header, title, window, *report_body(report, profile.commune_name), report_closing(profile)]
    if appendix and report.items:
        blocks += appendix_blocks(report, profile)
    return Document(
        title=f"Báo cáo {SUBJECT.lower()} {report.span}",
        blocks=tuple(blocks),
        author=f"UBND xã {profile.commune_name}".strip(),
    )


def detail_workbook(report: ProgressReport, profile: CommuneProfile) -> Document:
    """The tables alone for Excel, one sheet each: summary, every checkpoint, late list, evidence."""
    span = report.span
    tables = [
        summary_table(report, f"Tổng hợp {span}"),
        detail_table(report, f"Chi tiết {span}"),
        issues_table(report, "Trễ hạn, không thực hiện"),
        evidence_table(report, "Tài liệu kiểm chứng"),
    ]
    return Document(
        title=f"Chi tiết kết quả thực hiện nhiệm vụ CCHC {span}",
        blocks=tuple(tables),
        orientation=Orientation.LANDSCAPE,
        author=f"UBND xã {profile.commune_name}".strip(),
    )
