"""``TongHop-CCHC-<năm>.xlsx``: the year's consolidation as four sheets the province's specialist works in.

Sheets: "Gói đã nhận" (every package seen and its status), "Xếp hạng" (rank, each field's points, self,
appraised and ranked totals; ties share a rank; one group per criteria set), "Kết quả kế hoạch" (tasks done
and overdue per commune), "Đề nghị khen thưởng" (every nominee, then the count per title and authority).
Points and counts are numbers, text is never a formula; print setup as every workbook of the app
(``app/documents/render_xlsx.py``: A4 landscape, one page wide, header row repeated, page numbers).
"""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from pathlib import Path

from app.domain.vietnamese import collation_key
from app.documents.model import Align, Column, Document, GroupRow, Row, Table
from app.documents.render_xlsx import render_xlsx
from app.errors import UserError
from app.receiving.models import PERIOD_LABELS, RankingRow, YearSummary

SHEETS = ("Gói đã nhận", "Xếp hạng", "Kết quả kế hoạch", "Đề nghị khen thưởng")


def file_name(year: int) -> str:
    return f"TongHop-CCHC-{year}.xlsx"


def number(value: Decimal | None) -> float | int | None:
    """Points as Excel numbers: whole points as integers, others as they were scored (two decimals at most)."""
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def packages_table(summary: YearSummary) -> Table:
    columns = (Column("STT", 0.5, Align.CENTER), Column("Xã, phường", 1.6), Column("Tỉnh", 1.0),
               Column("Năm", 0.6, Align.CENTER), Column("Kỳ", 0.7, Align.CENTER), Column("Xuất lúc", 1.3),
               Column("Tệp gói", 2.0), Column("Tình trạng", 1.1), Column("Lý do", 3.2))
    rows = tuple(Row((number_, row.commune or "(không đọc được)", row.province, row.year or None, row.period_label,
                      row.exported_label, Path(row.path).name, row.status_label, row.reason))
                 for number_, row in enumerate(summary.packages, start=1))
    return Table(columns, rows, title=SHEETS[0], size=11)


def field_columns(ranking: tuple[RankingRow, ...]) -> tuple[tuple[str, str], ...]:
    """(code, name) of every field (top-level criterion) the ranked communes scored, in the sets' order."""
    seen: dict[str, str] = {}
    for row in ranking:
        for field in row.fields:
            seen.setdefault(field.code, field.name)
    return tuple(seen.items())


def ranking_table(summary: YearSummary) -> Table:
    fields = field_columns(summary.ranking)
    columns = (Column("Hạng", 0.5, Align.CENTER), Column("Xã, phường", 1.6),
               *(Column(f"{code}. {name}", 1.0, Align.RIGHT) for code, name in fields),
               Column("Tự chấm", 0.8, Align.RIGHT), Column("Thẩm định", 0.8, Align.RIGHT),
               Column("Điểm xếp hạng", 0.9, Align.RIGHT), Column("Xếp loại", 0.9, Align.CENTER))
    rows: list[Row | GroupRow] = []
    groups = list(dict.fromkeys((row.set_name, row.set_version) for row in summary.ranking))
    for group in groups:
        members = [row for row in summary.ranking if (row.set_name, row.set_version) == group]
        if len(groups) > 1:
            rows.append(GroupRow(_group_title(members[0])))
        rows += [_ranking_row(row, fields) for row in members]
    return Table(columns, tuple(rows), title=SHEETS[1], size=11)


def _group_title(row: RankingRow) -> str:
    if not row.set_name:
        return "Chưa xếp hạng: gói không có bảng tự chấm điểm"
    return f"Bộ tiêu chí: {row.set_name} (phiên bản {row.set_version})"


def _ranking_row(row: RankingRow, fields: tuple[tuple[str, str], ...]) -> Row:
    points = {field.code: field.points for field in row.fields}
    return Row((row.rank, row.commune, *(number(points.get(code)) for code, _name in fields), number(row.self_total),
                number(row.appraised_total), number(row.score), row.rating))


def plan_table(summary: YearSummary) -> Table:
    columns = (Column("STT", 0.5, Align.CENTER), Column("Xã, phường", 1.8), Column("Kỳ", 0.8, Align.CENTER),
               Column("Số nhiệm vụ", 0.9, Align.RIGHT), Column("Đã hoàn thành", 0.9, Align.RIGHT),
               Column("Quá hạn", 0.9, Align.RIGHT), Column("Tỷ lệ hoàn thành (%)", 1.0, Align.RIGHT))
    communes = sorted(summary.ranking, key=lambda row: collation_key(row.commune))
    rows = tuple(Row((number_, row.commune, PERIOD_LABELS.get(row.period, row.period), row.tasks_total,
                      row.tasks_done, row.tasks_overdue,
                      round(100 * row.tasks_done / row.tasks_total, 1) if row.tasks_total else None))
                 for number_, row in enumerate(communes, start=1))
    return Table(columns, rows, title=SHEETS[2], size=11)


def proposals_table(summary: YearSummary) -> Table:
    """Every nominee, then a group "Số lượng theo danh hiệu và thẩm quyền" with one counted row per pair."""
    columns = (Column("STT", 0.5, Align.CENTER), Column("Xã, phường", 1.4), Column("Người, tập thể được đề nghị", 1.6),
               Column("Danh hiệu, hình thức khen thưởng", 1.8), Column("Thẩm quyền khen thưởng", 1.4),
               Column("Kết quả biểu quyết", 1.4), Column("Số lượng", 0.7, Align.RIGHT))
    rows: list[Row | GroupRow] = [
        Row((n, item.commune, item.nominee, item.title, item.authority, item.vote_text or item.dossier, None))
        for n, item in enumerate(summary.proposals, start=1)]
    counts = Counter((item.title, item.authority) for item in summary.proposals)
    if counts:
        rows.append(GroupRow("SỐ LƯỢNG THEO DANH HIỆU, HÌNH THỨC VÀ THẨM QUYỀN KHEN THƯỞNG"))
        rows += [Row((n, "", "", title, authority, "", count))
                 for n, ((title, authority), count) in enumerate(sorted(counts.items(), key=lambda i: (-i[1], i[0])), 1)]
        rows.append(Row((None, "Tổng cộng", "", "", "", "", sum(counts.values())), bold=True))
    return Table(columns, tuple(rows), title=SHEETS[3], size=11)


def summary_workbook(summary: YearSummary) -> Document:
    return Document(title=f"Tổng hợp kết quả CCHC năm {summary.year}", author=summary.office,
                    blocks=(packages_table(summary), ranking_table(summary), plan_table(summary),
                            proposals_table(summary)))


def write_workbook(summary: YearSummary, out: Path) -> Path:
    """Write ``TongHop-CCHC-<year>.xlsx`` into ``out`` (replacing the last run's: it is a report, not a record)."""
    target = Path(out) / file_name(summary.year)
    written(lambda: render_xlsx(summary_workbook(summary), target), target)
    return target


def written(write, target: Path) -> None:
    """Run ``write``; a refusal of the disk (full, read-only, the file open in Excel) in Vietnamese."""
    try:
        write()
    except OSError as error:
        raise UserError(f"Không ghi được tệp “{target.name}” vào “{target.parent}”.",
                        "Đóng tệp nếu đang mở trong Excel hoặc trình đọc PDF, kiểm tra ổ đĩa còn chỗ trống và "
                        "cho phép ghi, rồi chạy lại.", str(error)) from error
