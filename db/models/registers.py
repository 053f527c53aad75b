"""Registers the evaluation reads: collectives, initiatives, discipline, procedures settled per quarter.

- ``collective``: the commune's collectives (the People's Committee itself, the
  one-stop desk …); ``department`` names which officials belong (blank: all). A collective
  with a ``kind`` is an office of the UBND (NĐ 150/2025 Điều 11–16: Văn phòng HĐND và UBND,
  Phòng Văn hóa - Xã hội …), with a head and the days it exists; its officials are those whose
  ``official.office_id`` names it.
- ``initiative`` (+ ``initiative_author``): sáng kiến with the body that
  recognised them and its decision; authors are officials.
- ``discipline``: a disciplinary measure taken against an official in a year.
- ``procedure_stat``: administrative procedures received and settled on time in
  a quarter, as the clerk reads them from the one-stop system.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base


class CollectiveRow(Base):
    __tablename__ = "collective"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    department: Mapped[str] = mapped_column(String(100), default="")
    position: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # An office of the UBND (resources/defaults/offices.json: van_phong, van_hoa_xa_hoi …); None: a plain collective.
    kind: Mapped[str | None] = mapped_column(String(30), nullable=True)
    head_official_id: Mapped[int | None] = mapped_column(
        # use_alter: official.office_id points back here; the cycle is broken for metadata sorting only.
        ForeignKey("official.id", ondelete="SET NULL", use_alter=True), nullable=True
    )
    active_from: Mapped[date | None] = mapped_column(Date, nullable=True)  # None: since ever
    active_to: Mapped[date | None] = mapped_column(Date, nullable=True)  # None: still in force


class InitiativeRow(Base):
    __tablename__ = "initiative"

    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int] = mapped_column(Integer, index=True)
    title: Mapped[str] = mapped_column(Text)
    recognised_by: Mapped[str] = mapped_column(String(300), default="")
    decision_number: Mapped[str] = mapped_column(String(100), default="")
    decision_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    note: Mapped[str] = mapped_column(Text, default="")


class InitiativeAuthorRow(Base):
    __tablename__ = "initiative_author"
    __table_args__ = (UniqueConstraint("initiative_id", "official_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    initiative_id: Mapped[int] = mapped_column(ForeignKey("initiative.id", ondelete="CASCADE"), index=True)
    official_id: Mapped[int] = mapped_column(ForeignKey("official.id", ondelete="RESTRICT"), index=True)


class DisciplineRow(Base):
    __tablename__ = "discipline"

    id: Mapped[int] = mapped_column(primary_key=True)
    official_id: Mapped[int] = mapped_column(ForeignKey("official.id", ondelete="RESTRICT"), index=True)
    year: Mapped[int] = mapped_column(Integer, index=True)
    form: Mapped[str] = mapped_column(String(100))  # khiển trách, cảnh cáo …
    decision_number: Mapped[str] = mapped_column(String(100), default="")
    decision_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    reason: Mapped[str] = mapped_column(Text, default="")


class ProcedureStatRow(Base):
    __tablename__ = "procedure_stat"
    __table_args__ = (UniqueConstraint("year", "quarter"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int] = mapped_column(Integer)
    quarter: Mapped[int] = mapped_column(Integer)
    received: Mapped[int] = mapped_column(Integer, default=0)
    on_time: Mapped[int] = mapped_column(Integer, default=0)
