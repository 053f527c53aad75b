"""The province's appraisal (thẩm định): appraised points and a note per criterion of a commune's year.

Each entry is one undoable action, checked against the criteria of the package the ranking reads for that
commune and year (``queries.ranked_package``): only a leaf criterion, points from 0 to its maximum. The
appraisal is kept by commune key, year and code, apart from the packages, so taking in a newer package
keeps it. ``result_for`` turns it into the ``AppraisalResult`` the commune's app imports.
"""

from __future__ import annotations

import unicodedata
from datetime import date, datetime
from decimal import Decimal

from app.errors import UserError
from app.exchange.appraisal_result import AppraisalLine, AppraisalResult
from app.exchange.package_data import ScoreLineData, ScoringData
from app.receiving import queries
from app.services.changes import Changes, short


def _scoring(store, commune_key: str, year: int) -> tuple[str, ScoringData]:
    """(commune title, scoring) of the package the ranking reads; refused when there is none to appraise."""
    found = queries.ranked_package(store, commune_key, year)
    if found is None or found.data is None:
        raise UserError(f"Chưa có gói hồ sơ năm {year} đã tổng hợp được của đơn vị này nên chưa thẩm định được.",
                        "Hãy tổng hợp gói của xã (có tệp dữ liệu du-lieu-cchc.json) trước.")
    if found.data.scoring is None:
        raise UserError(f"Gói năm {year} của {found.row.commune} không có bảng tự chấm điểm nên chưa thẩm định được.",
                        "Hãy xin xã gửi gói có bảng tự chấm điểm.")
    return found.row.commune, found.data.scoring


def _checked_line(scoring: ScoringData, commune: str, code: str, points: Decimal | None) -> ScoreLineData:
    line = next((line for line in scoring.lines if line.code == code), None)
    if line is None:
        raise UserError(f"Bộ tiêu chí của {commune} không có tiêu chí mã “{code}”.",
                        "Chọn một tiêu chí trong bảng điểm của xã.")
    if not line.is_leaf:
        raise UserError(f"Tiêu chí {code} “{short(line.name)}” là tiêu chí lớn: điểm của nó là tổng các tiêu chí con.",
                        "Hãy nhập điểm thẩm định ở từng tiêu chí con.")
    if points is not None and (points < 0 or (line.max_points is not None and points > line.max_points)):
        ceiling = format(line.max_points.normalize(), "f").replace(".", ",") if line.max_points is not None else "…"
        raise UserError(f"Điểm thẩm định của tiêu chí {code} phải từ 0 đến {ceiling} điểm "
                        f"(đã gõ {format(points, 'f').replace('.', ',')}).",
                        "Hãy sửa lại điểm thẩm định cho đúng khung điểm của tiêu chí.")
    return line


def set_province_appraisal(store, commune_key: str, year: int, code: str, points: Decimal | None,
                           note: str = "") -> Changes:
    """Set (or, with no points and no note, clear) the appraised points and note of one criterion."""
    from sqlalchemy import select

    from db.models.receiving import ProvinceAppraisalRow

    commune, scoring = _scoring(store, commune_key, year)
    _checked_line(scoring, commune, code, points)
    note = unicodedata.normalize("NFC", note.strip())
    with store.action(f"Thẩm định tiêu chí {code} của {short(commune, 30)}") as action:
        row = action.session.scalars(select(ProvinceAppraisalRow).where(
            ProvinceAppraisalRow.commune_key == commune_key, ProvinceAppraisalRow.year == year,
            ProvinceAppraisalRow.code == code)).one_or_none()
        if points is None and not note:
            if row is not None:
                action.session.delete(row)
        elif row is None:
            action.session.add(ProvinceAppraisalRow(commune_key=commune_key, year=year, code=code, points=points,
                                                    note=note, updated_at=datetime.now().replace(microsecond=0)))
        elif (row.points, row.note) != (points, note):
            row.points, row.note, row.updated_at = points, note, datetime.now().replace(microsecond=0)
    return action.changes


def set_receiving_office(store, name: str, province: str, signer: str = "") -> Changes:
    """The receiving office as its papers print it ("Sở Nội vụ tỉnh Quảng Ngãi") and who signs its summary
    paper (the director's full name; "" leaves the line to write in), one undoable action."""
    from sqlalchemy import select

    from db.models.receiving import ReceivingOfficeRow

    name, province, signer = (unicodedata.normalize("NFC", " ".join(text.split())) for text in (name, province, signer))
    if not name:
        raise UserError("Tên cơ quan tổng hợp đang để trống.", "Hãy gõ tên cơ quan, ví dụ “Sở Nội vụ tỉnh Quảng Ngãi”.")
    with store.action("Sửa tên cơ quan tổng hợp") as action:
        row = action.session.scalars(select(ReceivingOfficeRow).order_by(ReceivingOfficeRow.id)).first()
        if row is None:
            action.session.add(ReceivingOfficeRow(name=name, province=province, signer=signer))
        elif (row.name, row.province, row.signer) != (name, province, signer):
            row.name, row.province, row.signer = name, province, signer
    return action.changes


def result_for(store, commune_key: str, year: int, today: date | None = None) -> AppraisalResult:
    """The appraisal result file's content for one commune's year (every leaf the province appraised)."""
    found = queries.ranked_package(store, commune_key, year)
    commune, scoring = _scoring(store, commune_key, year)
    entries = queries.appraisal(store, commune_key, year)
    if not entries:
        raise UserError(f"{commune} chưa được thẩm định tiêu chí nào năm {year}.",
                        "Hãy nhập điểm thẩm định trước khi xuất kết quả.")
    leaves = {line.code for line in scoring.lines if line.is_leaf}
    lines = tuple(AppraisalLine(entry.code, entry.points, entry.note) for entry in entries if entry.code in leaves)
    merged = queries.merged_points(scoring, entries)
    totals = scoring.totals(merged) if merged is not None else None
    office, _province = queries.receiving_office(store)
    return AppraisalResult(found.data.commune, year, scoring.set_name, scoring.version, office,
                           (today or date.today()).isoformat(), tuple(sorted(lines, key=_code_order(scoring))),
                           totals.scaled if totals else None, scoring.rating(totals) if totals else "")


def _code_order(scoring: ScoringData):
    order = {line.code: number for number, line in enumerate(scoring.lines)}
    return lambda line: order.get(line.code, len(order))
