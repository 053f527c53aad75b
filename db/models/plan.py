"""Plans (kế hoạch) of a year, their reform areas and tasks.

A plan has ordered areas; an area has ordered tasks. Texts are stored as the
clerk wrote them (the timeframe phrase included); derived due dates are kept
beside them for queries and recomputed whenever the phrase changes.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Date, Float, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base


class PlanRow(Base):
    __tablename__ = "plan"

    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int] = mapped_column(Integer, index=True)
    kind: Mapped[str] = mapped_column(String(20))  # "reform" | "emulation"
    number: Mapped[str] = mapped_column(String(50), default="")  # "15/KH-UBND"
    issue_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    title: Mapped[str] = mapped_column(Text, default="")  # the summary line under "KẾ HOẠCH"
    intro: Mapped[str] = mapped_column(Text, default="")
    legal_bases: Mapped[str] = mapped_column(Text, default="")  # one "Căn cứ …" per line
    recipients: Mapped[str] = mapped_column(Text, default="")  # one recipient per line
    signer_authority: Mapped[str] = mapped_column(String(100), default="")  # "TM. ỦY BAN NHÂN DÂN"
    signer_title: Mapped[str] = mapped_column(String(100), default="")  # "CHỦ TỊCH"
    signer_name: Mapped[str] = mapped_column(String(200), default="")
    copied_from_id: Mapped[int | None] = mapped_column(ForeignKey("plan.id", ondelete="SET NULL"), nullable=True)
    # JSON of the imported document's parts as read ("plan" of ``import-plan --json``); None if not imported.
    parts_json: Mapped[str | None] = mapped_column(Text, nullable=True)


class PlanSectionRow(Base):
    """A narrative section of a plan (Mục đích, Yêu cầu, Tổ chức thực hiện …), keyed by its role."""

    __tablename__ = "plan_section"

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plan.id", ondelete="CASCADE"), index=True)
    key: Mapped[str] = mapped_column(String(40))
    body: Mapped[str] = mapped_column(Text, default="")


class AreaRow(Base):
    __tablename__ = "plan_area"

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plan.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(Text)


class TaskRow(Base):
    __tablename__ = "plan_task"

    id: Mapped[int] = mapped_column(primary_key=True)
    area_id: Mapped[int] = mapped_column(ForeignKey("plan_area.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(Text)
    detail: Mapped[str] = mapped_column(Text, default="")
    lead_official_id: Mapped[int | None] = mapped_column(
        ForeignKey("official.id", ondelete="SET NULL"), nullable=True, index=True
    )
    # An office leads instead of a person (printed by the office's name).
    lead_office_id: Mapped[int | None] = mapped_column(
        ForeignKey("collective.id", ondelete="SET NULL"), nullable=True, index=True
    )
    lead_text: Mapped[str] = mapped_column(Text, default="")  # a role or free text ("Lãnh đạo UBND xã")
    coordinators: Mapped[str] = mapped_column(Text, default="")  # one per line
    product: Mapped[str] = mapped_column(Text, default="")
    timeframe: Mapped[str] = mapped_column(Text, default="")  # exactly as written
    target_value: Mapped[float | None] = mapped_column(Float, nullable=True)
    target_unit: Mapped[str] = mapped_column(String(40), default="")
    due_override: Mapped[date | None] = mapped_column(Date, nullable=True)  # set by hand
    # Derived from the timeframe (or the override) on every save, for queries.
    first_due: Mapped[date | None] = mapped_column(Date, nullable=True, index=True)
    last_due: Mapped[date | None] = mapped_column(Date, nullable=True)
