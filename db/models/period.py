"""The commune's reporting periods (reporting_period): each report's cut-off window and deadline.

Year-independent rows, one per period (``q1`` | ``h1`` | ``q3`` | ``year``) and version: a version is
in force for the years from its ``valid_from`` until a later one (``app.domain.reporting_periods``).
A row is the commune's own version of a shipped default (``resources/defaults/reporting-periods.json``)
of the same ``valid_from`` and key, and wins over it; a period without a row follows the default, so a new
data folder (built from ``db/schema.sql``, not the migrations) needs no seeding and a corrected default
reaches every commune that never changed that period. "Khôi phục mặc định" deletes the rows. Why not a
row per year: the rule changes with a document, not with the calendar, and a new year must not need a
copy before its dashboard is right.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base


class ReportingPeriodRow(Base):
    __tablename__ = "reporting_period"
    __table_args__ = (UniqueConstraint("valid_from", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    valid_from: Mapped[date] = mapped_column(Date)
    key: Mapped[str] = mapped_column(String(10))  # q1 | h1 | q3 | year
    label: Mapped[str] = mapped_column(String(40))  # "quý I", "6 tháng", "9 tháng", "năm"
    start_month: Mapped[int] = mapped_column(Integer)
    start_day: Mapped[int] = mapped_column(Integer)
    start_previous_year: Mapped[bool] = mapped_column(Boolean, default=False)  # 15/12 of the year before
    end_month: Mapped[int] = mapped_column(Integer)
    end_day: Mapped[int] = mapped_column(Integer)
    deadline_month: Mapped[int] = mapped_column(Integer)
    deadline_day: Mapped[int] = mapped_column(Integer)
    source: Mapped[str] = mapped_column(Text, default="")  # the version's name and basis, as shipped
