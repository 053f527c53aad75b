"""The date the clerk set for a paper of a past period (paper_date).

A paper is keyed like the report it is: its kind (``report``, ``scoring``, ``emulation``), year
and period (``q1`` | ``h1`` | ``q3`` | ``year``; the year's papers use ``year``). No row: the
paper carries its default date (``app.services.paper_dates``), never silently the export day.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base


class PaperDateRow(Base):
    __tablename__ = "paper_date"
    __table_args__ = (UniqueConstraint("kind", "year", "period"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))  # report | scoring | emulation
    year: Mapped[int] = mapped_column(Integer, index=True)
    period: Mapped[str] = mapped_column(String(10))  # q1 | h1 | q3 | year
    day: Mapped[date] = mapped_column(Date)
