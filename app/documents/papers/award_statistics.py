"""THỐNG KÊ KẾT QUẢ KHEN THƯỞNG GIAI ĐOẠN …: the award history counted by award and by department, per year.

A Decree 30/2020 paper of the commune (header without a number: a working
table, not an issued document; place and date), the title, then two tables —
"I. THEO DANH HIỆU, HÌNH THỨC KHEN THƯỞNG" (rows: awards) and "II. THEO BỘ PHẬN"
(rows: departments, collectives as "Tập thể") — each with one column per year
and "Tổng cộng", and a bold total row. NGƯỜI LẬP BIỂU left, TM. ỦY BAN NHÂN
DÂN / CHỦ TỊCH right. Pages turn landscape when the years do not fit portrait.
Counts are numbers, totals are values (never formulas), so the Excel copy
holds what the paper shows.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from app.documents.model import (
    Align,
    Closing,
    Column,
    Document,
    Header,
    Orientation,
    Row,
    Signature,
    Table,
    TitleBlock,
    heading,
)
from app.documents.papers.common import chairman_signature, commune_body, place_date_line
from app.queries.models.award_statistics import Statistics
from app.queries.models.profile import CommuneProfile

PORTRAIT_YEARS = 6  # beyond this many year columns the tables go landscape
BY_AWARD = "THEO DANH HIỆU, HÌNH THỨC KHEN THƯỞNG"
BY_DEPARTMENT = "THEO BỘ PHẬN, ĐƠN VỊ"


def span_text(statistics: Statistics) -> str:
    """ "GIAI ĐOẠN 2021 - 2025", or "NĂM 2024" for a single year."""
    if statistics.first_year == statistics.last_year:
        return f"NĂM {statistics.first_year}"
    return f"GIAI ĐOẠN {statistics.first_year} - {statistics.last_year}"


def _columns(statistics: Statistics, label: str) -> tuple[Column, ...]:
    years = tuple(Column(str(year), 0.9, Align.CENTER) for year in statistics.years)
    return (Column("STT", 0.6, Align.CENTER), Column(label, 3.2), *years, Column("Tổng cộng", 1.0, Align.CENTER))


def _table(statistics: Statistics, label: str, names: tuple[str, ...], count: Callable[[int, str], int],
           title: str) -> Table:
    rows = [Row((number, name, *(count(year, name) for year in statistics.years),
                 sum(count(year, name) for year in statistics.years)))
            for number, name in enumerate(names, start=1)]
    totals = [sum(count(year, name) for name in names) for year in statistics.years]
    rows.append(Row((None, "Tổng cộng", *totals, sum(totals)), bold=True))
    return Table(_columns(statistics, label), tuple(rows), title=title, size=12)


def award_table(statistics: Statistics, title: str = "") -> Table:
    return _table(statistics, "Danh hiệu, hình thức khen thưởng", statistics.awards, statistics.award_count, title)


def department_table(statistics: Statistics, title: str = "") -> Table:
    return _table(statistics, "Bộ phận, đơn vị", statistics.departments, statistics.department_count, title)


def _orientation(statistics: Statistics) -> Orientation:
    return Orientation.LANDSCAPE if len(statistics.years) > PORTRAIT_YEARS else Orientation.PORTRAIT


def statistics_document(statistics: Statistics, profile: CommuneProfile, day: date | None = None) -> Document:
    """The paper, for PDF (and Word); ``day`` the date line (blank day and month when None)."""
    header = Header(commune_body(profile.commune_name), "",
                    place_date_line(profile.place_name, day, day.year if day else statistics.last_year))
    commune = f"xã {profile.commune_name}" if profile.commune_name else "xã"
    signatures = (Signature("NGƯỜI LẬP BIỂU", profile.clerk_name, note="(Ký, ghi rõ họ và tên)"),
                  chairman_signature(profile))
    blocks = (
        header,
        TitleBlock("THỐNG KÊ KẾT QUẢ KHEN THƯỞNG", (span_text(statistics).capitalize(),)),
        heading(f"I. {BY_AWARD}"),
        award_table(statistics),
        heading(f"II. {BY_DEPARTMENT}"),
        department_table(statistics),
        Closing(signatures),
    )
    return Document(title=f"Thống kê kết quả khen thưởng {span_text(statistics).lower()}", blocks=blocks,
                    orientation=_orientation(statistics), author=f"UBND {commune}")


def statistics_workbook(statistics: Statistics) -> Document:
    """The two tables as Excel sheets: counts and totals as numbers."""
    span = f"{statistics.first_year}-{statistics.last_year}"
    return Document(title=f"Thống kê kết quả khen thưởng {span}",
                    blocks=(award_table(statistics, f"Theo danh hiệu {span}"),
                            department_table(statistics, f"Theo bộ phận {span}")))
