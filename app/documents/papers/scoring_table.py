"""The BIỂU TỰ CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH of a year (A4 landscape) and its Excel workbook.

Builds from read models only: the year's ``ScoreSheet`` and the commune profile.
One table: each field (lĩnh vực) a bold row with its subtotal, its criteria and
sub-criteria indented below it, then the TỔNG CỘNG row and the rating. The
paper prints points as Vietnamese write them ("0,25") and leaves a criterion
not yet scored blank, never 0; the workbook holds the same rows with numbers
(totals as values, never formulas) so the superior level can add them up.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from app.documents.model import (
    Align,
    Closing,
    Column,
    Document,
    GroupRow,
    Header,
    Orientation,
    Paragraph,
    Row,
    Run,
    Style,
    Table,
    TitleBlock,
    para,
)
from app.documents.papers.common import NBSP, chairman_signature, commune_body, place_date_line
from app.domain.points import format_points
from app.queries.models.profile import CommuneProfile
from app.queries.models.scoring import ScoreLine, ScoreSheet

INDENT = NBSP * 4  # per level below a field; renderers fold ordinary spaces
TOTAL_LABEL = "TỔNG CỘNG"
SIZE = 12.0  # table text: the 7 columns fit A4 landscape at 12 pt with the long names wrapping in two lines


def doc_title(year: int) -> str:
    return f"BIỂU TỰ CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM {year}"


def columns(year: int) -> tuple[Column, ...]:
    """Widths: "Điểm tự chấm" and "10,25" stay on one or two lines; names and notes take what is left."""
    return (
        Column("STT", 0.75, Align.CENTER),
        Column("Lĩnh vực, tiêu chí, tiêu chí thành phần", 6.0),
        Column("Điểm tối đa", 0.95, Align.CENTER),
        Column("Điểm tự chấm", 0.95, Align.CENTER),
        Column(f"Điểm năm {year - 1}", 0.95, Align.CENTER),
        Column("Tăng (+), giảm (-)", 0.95, Align.CENTER),
        Column("Tài liệu kiểm chứng, ghi chú", 3.3),
    )


# ----------------------------------------------------------------------------- cells


def _signed(value: Decimal | None) -> str:
    """ "+1,5", "-0,5", "0"; blank when either year is not scored."""
    if value is None:
        return ""
    text = format_points(value)
    return f"+{text}" if value > 0 and text != "0" else text


def _number(value: Decimal | None) -> float | None:
    """A point value for Excel: a number (two decimals at most, as scored), None stays blank."""
    return None if value is None else float(value)


def _name(line: ScoreLine) -> str:
    return f"{INDENT * line.depth}{line.name}"


def note(line: ScoreLine) -> str:
    """The clerk's comment, the evidence files attached, and "(đề xuất X)" when the clerk overrode the app."""
    parts = [line.comment.strip()] if line.comment.strip() else []
    if line.evidence:
        parts.append("Tệp: " + "; ".join(item.original_name for item in line.evidence))
    if line.overridden and line.proposal is not None:
        parts.append(f"(đề xuất {format_points(line.proposal.points)})")
    return "\n".join(parts)


def _row(line: ScoreLine, numeric: bool) -> Row:
    if numeric:
        values = (_number(line.max_points), _number(line.points), _number(line.previous), _number(line.difference))
    else:
        values = (format_points(line.max_points), format_points(line.points), format_points(line.previous),
                  _signed(line.difference))
    return Row((line.code, _name(line), *values, note(line)), bold=line.depth == 0)


def _difference(sheet: ScoreSheet) -> Decimal | None:
    return None if sheet.previous_total is None else sheet.total - sheet.previous_total


def _total_row(sheet: ScoreSheet, numeric: bool) -> Row:
    if numeric:
        values = (_number(sheet.max_total), _number(sheet.total), _number(sheet.previous_total),
                  _number(_difference(sheet)))
    else:
        values = (format_points(sheet.max_total), format_points(sheet.total), format_points(sheet.previous_total),
                  _signed(_difference(sheet)))
    return Row(("", TOTAL_LABEL, *values, ""), bold=True)


def score_rows(sheet: ScoreSheet, numeric: bool = False) -> tuple[Row, ...]:
    """Every line in the set's order, then the total; ``numeric``: numbers for Excel instead of printed text."""
    return (*(_row(line, numeric) for line in sheet.lines), _total_row(sheet, numeric))


def rating_line(sheet: ScoreSheet) -> str:
    """ "Xếp loại: Tốt"; a provisional rating says so while criteria are left to score."""
    rating = sheet.rating or "chưa xác định (bộ tiêu chí không có mức xếp loại)"
    if sheet.scored < sheet.leaves:
        return f"Xếp loại (tạm tính, mới chấm {sheet.scored}/{sheet.leaves} tiêu chí): {rating}"
    return f"Xếp loại: {rating}"


def set_line(sheet: ScoreSheet) -> str:
    """ "(Bộ tiêu chí: name; issuer; decision)" — which set the points are counted against."""
    parts = [part.strip() for part in (sheet.set_name, sheet.set_issuer, sheet.set_decision) if part.strip()]
    return f"(Bộ tiêu chí: {'; '.join(parts)})" if parts else ""


# ----------------------------------------------------------------------------- the paper


def table_header(profile: CommuneProfile, today: date | None, year: int) -> Header:
    """Decree 30 ô 1, 2, 4 from the profile; no "Số:" line: a biểu goes with a report, it has no number of its own."""
    return Header(commune_body(profile.commune_name), "", place_date_line(profile.place_name, today, year))


def chairman_closing(profile: CommuneProfile) -> Closing:
    """TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH and the name, as on every paper the Chairman signs; no recipients."""
    return Closing((chairman_signature(profile),))


def scoring_table(sheet: ScoreSheet, profile: CommuneProfile, today: date | None = None) -> Document:
    """The biểu, A4 landscape, for PDF and Word; ``today`` None leaves the day and month blank to write in."""
    blocks: list = [table_header(profile, today, sheet.year), TitleBlock(doc_title(sheet.year))]
    if set_line(sheet):
        blocks.append(para(set_line(sheet), Style.CENTERED, italic=True))
    blocks.append(Table(columns(sheet.year), score_rows(sheet), size=SIZE))
    blocks.append(Paragraph((Run(rating_line(sheet), bold=True),), Style.PLAIN))
    blocks.append(chairman_closing(profile))
    return Document(
        title=f"Biểu tự chấm điểm Chỉ số CCHC năm {sheet.year}",
        blocks=tuple(blocks),
        orientation=Orientation.LANDSCAPE,
        author=f"UBND xã {profile.commune_name}".strip(),
        subject=set_line(sheet).strip("()"),
    )


def scoring_workbook(sheet: ScoreSheet, profile: CommuneProfile) -> Document:
    """The same table for Excel: points as numbers, the total as a value, the set and rating as full-width rows."""
    rows: list[Row | GroupRow] = []
    if sheet.set_name.strip():
        # Name and issuer only: Excel does not grow a merged row, and the decision text can run to three lines.
        issuer = f" ({sheet.set_issuer.strip()})" if sheet.set_issuer.strip() else ""
        rows.append(GroupRow(f"Bộ tiêu chí: {sheet.set_name.strip()}{issuer}"))
    rows += score_rows(sheet, numeric=True)
    rows.append(GroupRow(rating_line(sheet)))
    table = Table(columns(sheet.year), tuple(rows), title=f"Tự chấm điểm CCHC năm {sheet.year}", size=SIZE)
    return Document(
        title=f"Biểu tự chấm điểm Chỉ số CCHC năm {sheet.year}",
        blocks=(table,),
        orientation=Orientation.LANDSCAPE,
        author=f"UBND xã {profile.commune_name}".strip(),
    )
