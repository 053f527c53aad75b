"""Following the plan through the year: occurrences of each task, their history, evidence files.

An occurrence is one thing to check off: the single deadline of a task, each
milestone, each period of a recurring task (a month, a quarter …), or each
quarter's assessment of an ongoing task. Occurrences are derived from the
timeframe; their status is the clerk's. Evidence files are stored once by
content hash (``evidence_file``) and linked to tasks or occurrences.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base


class OccurrenceRow(Base):
    __tablename__ = "task_occurrence"

    id: Mapped[int] = mapped_column(primary_key=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("plan_task.id", ondelete="CASCADE"), index=True)
    key: Mapped[str] = mapped_column(String(40))  # stable within the task: the due date, or "undated"
    label: Mapped[str] = mapped_column(String(200), default="")  # "Quý I", "Tháng 3", "ban hành kế hoạch"
    due: Mapped[date | None] = mapped_column(Date, nullable=True, index=True)
    status: Mapped[str] = mapped_column(String(20), default="todo")  # todo | doing | done | skipped
    completed_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    reason: Mapped[str] = mapped_column(Text, default="")  # required when skipped


class TaskHistoryRow(Base):
    __tablename__ = "task_history"

    id: Mapped[int] = mapped_column(primary_key=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("plan_task.id", ondelete="CASCADE"), index=True)
    occurrence_id: Mapped[int | None] = mapped_column(
        ForeignKey("task_occurrence.id", ondelete="SET NULL"), nullable=True
    )
    at: Mapped[datetime] = mapped_column(DateTime)
    what: Mapped[str] = mapped_column(Text)


class EvidenceFileRow(Base):
    __tablename__ = "evidence_file"

    id: Mapped[int] = mapped_column(primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    size: Mapped[int] = mapped_column(Integer)
    stored_as: Mapped[str] = mapped_column(String(200))  # relative to the data folder's evidence/
    added_at: Mapped[datetime] = mapped_column(DateTime)


class EvidenceLinkRow(Base):
    __tablename__ = "evidence_link"

    id: Mapped[int] = mapped_column(primary_key=True)
    file_id: Mapped[int] = mapped_column(ForeignKey("evidence_file.id", ondelete="RESTRICT"), index=True)
    task_id: Mapped[int] = mapped_column(ForeignKey("plan_task.id", ondelete="CASCADE"), index=True)
    occurrence_id: Mapped[int | None] = mapped_column(
        ForeignKey("task_occurrence.id", ondelete="CASCADE"), nullable=True, index=True
    )
    original_name: Mapped[str] = mapped_column(String(260))
    note: Mapped[str] = mapped_column(Text, default="")
    attached_at: Mapped[datetime] = mapped_column(DateTime)
