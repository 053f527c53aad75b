"""The clerk's own wording of a periodic progress report, one row per section.

A report is keyed by year and period (as ``app.services.progress_report`` reads
it: every plan of the year in one paper), so its text is too. A section without
a row prints the suggestion written from the numbers; a row is the clerk's text
and wins over the suggestion until the clerk resets it (the row is deleted).
"""

from __future__ import annotations

from sqlalchemy import Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base


class ReportTextRow(Base):
    __tablename__ = "report_text"
    __table_args__ = (UniqueConstraint("year", "period", "section"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int] = mapped_column(Integer, index=True)
    period: Mapped[str] = mapped_column(String(10))  # q1 | h1 | q3 | year
    section: Mapped[str] = mapped_column(String(30))  # deployment | results | shortcomings | direction
    text: Mapped[str] = mapped_column(Text)
