"""The BIỂU TỰ CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH of a year (A4 landscape) and its Excel workbook.

Builds from read models only: the year's ``ScoreSheet`` and the commune profile.
One table: each field (lĩnh vực) a bold row with its subtotal, its criteria and
sub-criteria indented below it, then the TỔNG CỘNG row and the rating. The
paper prints points as Vietnamese write them ("0,25") and leaves a criterion
not yet scored blank, never 0; the workbook holds the same rows with numbers
(totals as values, never formulas) so the superior level can add them up.

Today's shape adds, only when the year has them (an older year prints as before): the column "Số liệu
kê khai" when a criterion has declared figures; "Điểm thẩm định" and "Ý kiến thẩm định" when the
province's appraisal is in. Bonus points print with "+", penalty points with "−" (negative numbers in
Excel, so a column adds up to the total); a criterion "Không áp dụng" says so instead of its points.
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
from app.domain.criteria import BONUS, PENALTY
from app.domain.points import format_points
from app.queries.models.profile import CommuneProfile
from app.queries.models.scoring import ScoreLine, ScoreSheet

INDENT = NBSP * 4  # per level below a field; renderers fold ordinary spaces
TOTAL_LABEL = "TỔNG CỘNG"
SIZE = 12.0  # table text: the 7 columns fit A4 landscape at 12 pt with the long names wrapping in two lines
WIDE_SIZE = 10.5  # 8 to 10 columns (declared figures, appraisal): smaller, so names still wrap in two or three lines
NOT_APPLICABLE = "Không áp dụng"
MINUS = "\u2212"  # the minus sign of a penalty, wider than a hyphen: read at a glance on paper
DECLARED_TITLE, APPRAISED_TITLE, APPRAISAL_NOTE_TITLE = "Số liệu kê khai", "Điểm thẩm định", "Ý kiến thẩm định"


def doc_title(year: int) -> str:
    return f"BIỂU TỰ CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM {year}"


def has_declared(sheet: ScoreSheet) -> bool:
    return any(line.declared.strip() for line in sheet.lines)


def _size(sheet: ScoreSheet) -> float:
    return WIDE_SIZE if has_declared(sheet) or sheet.has_appraisal else SIZE


def columns(year: int, declared: bool = False, appraised: bool = False) -> tuple[Column, ...]:
    """Widths: "Điểm tự chấm" and "10,25" stay on one or two lines; names and notes take what is left.

    ``declared`` adds "Số liệu kê khai" after the self-score; ``appraised`` adds the appraised points and
    the appraisers' note after it.
    """
    middle = (Column(DECLARED_TITLE, 1.6),) if declared else ()
    if appraised:
        middle += (Column(APPRAISED_TITLE, 0.95, Align.CENTER), Column(APPRAISAL_NOTE_TITLE, 2.2))
    return (
        Column("STT", 0.75, Align.CENTER),
        Column("Lĩnh vực, tiêu chí, tiêu chí thành phần", 6.0 if not middle else 4.6),
        Column("Điểm tối đa", 0.95, Align.CENTER),
        Column("Điểm tự chấm", 0.95, Align.CENTER),
        *middle,
        Column(f"Điểm năm {year - 1}", 0.95, Align.CENTER),
        Column("Tăng (+), giảm (-)", 0.95, Align.CENTER),
        Column("Tài liệu kiểm chứng, ghi chú", 3.3 if not middle else 2.6),
    )


def sheet_columns(sheet: ScoreSheet) -> tuple[Column, ...]:
    return columns(sheet.year, has_declared(sheet), sheet.has_appraisal)


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


def kind_points(line: ScoreLine, value: Decimal | None, numeric: bool):
    """A bonus line's points with "+", a penalty line's with "−" (Excel: a negative number); others as they are."""
    if value is None:
        return None if numeric else ""
    if numeric:
        return _number(-value if line.node_kind == PENALTY else value)
    text = format_points(value)
    if line.node_kind == BONUS and value:
        return f"+{text}"
    if line.node_kind == PENALTY and value:
        return f"{MINUS}{text}"
    return text


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


def _row(line: ScoreLine, numeric: bool, declared: bool, appraised: bool) -> Row:
    points = NOT_APPLICABLE if line.not_applicable else kind_points(line, line.points, numeric)
    middle: tuple = (line.declared,) if declared else ()
    if appraised:
        checked = NOT_APPLICABLE if line.not_applicable else kind_points(line, line.appraised, numeric)
        middle += (checked, line.appraisal_note)
    if numeric:
        values = (kind_points(line, line.max_points, True), points, *middle, _number(line.previous),
                  _number(line.difference))
    else:
        values = (kind_points(line, line.max_points, False), points, *middle, format_points(line.previous),
                  _signed(line.difference))
    return Row((line.code, _name(line), *values, note(line)), bold=line.depth == 0)


def _difference(sheet: ScoreSheet) -> Decimal | None:
    return None if sheet.previous_total is None else sheet.total - sheet.previous_total


def _total_row(sheet: ScoreSheet, numeric: bool) -> Row:
    declared, appraised = has_declared(sheet), sheet.has_appraisal
    middle: tuple = ("",) if declared else ()
    if appraised:
        middle += (_number(sheet.appraised.total) if numeric else format_points(sheet.appraised.total), "")
    if numeric:
        values = (_number(sheet.max_total), _number(sheet.total), *middle, _number(sheet.previous_total),
                  _number(_difference(sheet)))
    else:
        values = (format_points(sheet.max_total), format_points(sheet.total), *middle,
                  format_points(sheet.previous_total), _signed(_difference(sheet)))
    return Row(("", TOTAL_LABEL, *values, ""), bold=True)


def score_rows(sheet: ScoreSheet, numeric: bool = False) -> tuple[Row, ...]:
    """Every line in the set's order, then the total; ``numeric``: numbers for Excel instead of printed text."""
    declared, appraised = has_declared(sheet), sheet.has_appraisal
    return (*(_row(line, numeric, declared, appraised) for line in sheet.lines), _total_row(sheet, numeric))


def _scaled_note(totals) -> str:
    """ "; điểm tối đa áp dụng 98, tổng quy đổi 81,63" when criteria are "Không áp dụng"; else ""."""
    if totals is None or totals.applicable_max == totals.full_max:
        return ""
    return (f" (điểm tối đa áp dụng {format_points(totals.applicable_max)}/{format_points(totals.full_max)}, "
            f"tổng quy đổi {format_points(totals.scaled)})")


def rating_line(sheet: ScoreSheet) -> str:
    """ "Xếp loại: Tốt"; a provisional rating says so while criteria are left to score; the appraised rating
    follows when the appraisal is in."""
    rating = (sheet.rating or "chưa xác định (bộ tiêu chí không có mức xếp loại)") + _scaled_note(sheet.totals)
    if sheet.scored < sheet.leaves:
        text = f"Xếp loại (tạm tính, mới chấm {sheet.scored}/{sheet.leaves} tiêu chí): {rating}"
    else:
        text = f"Xếp loại: {rating}"
    if sheet.has_appraisal:
        text += (f". Theo điểm thẩm định: {format_points(sheet.appraised.total)} điểm, xếp loại "
                 f"{sheet.appraised_rating or 'chưa xác định'}{_scaled_note(sheet.appraised)}")
    return text


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
    blocks.append(Table(sheet_columns(sheet), score_rows(sheet), size=_size(sheet)))
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
    table = Table(sheet_columns(sheet), tuple(rows), title=f"Tự chấm điểm CCHC năm {sheet.year}", size=_size(sheet))
    return Document(
        title=f"Biểu tự chấm điểm Chỉ số CCHC năm {sheet.year}",
        blocks=(table,),
        orientation=Orientation.LANDSCAPE,
        author=f"UBND xã {profile.commune_name}".strip(),
    )
