"""Criteria sets, a year's assessments against them, scores and emulation marks.

- ``criteria_set`` (+ ``criterion``, ``rating_band``): a province's PAR INDEX set or an
  emulation plan's criteria, as imported; several coexist, one per name/year/issuer.
  The tree is kept by code (``parent_code``); rules are the same text the Excel
  layout uses ("100%: 1 | từ 90% đến dưới 100%: 0,5"), parsed by ``app/domain/criteria.py``.
- ``assessment``: a year's self-scoring (kind ``par``) or emulation evaluation (kind
  ``emulation``), tied to one set version; a set in use cannot be deleted.
- ``score_entry`` (+ ``score_evidence``): the clerk's score per criterion, whether it was
  the app's proposal accepted (``basis`` = proposal) or typed (manual), and a comment; "Không áp
  dụng", the declared figures (số liệu kê khai) and the province's appraised score with its note.
- A top-level node may be a ``bonus`` or ``penalty`` content (``criterion.node_kind``) with its own maximum.
- ``emulation_mark``: met / not met / unknown for a criterion and an official or a
  collective, set by the clerk (what the app works out is computed, not stored).
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import Boolean, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base
from db.models.types import DecimalText


class CriteriaSetRow(Base):
    __tablename__ = "criteria_set"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))  # par | emulation
    name: Mapped[str] = mapped_column(String(300))
    year: Mapped[int] = mapped_column(Integer)
    issuer: Mapped[str] = mapped_column(String(300), default="")
    decision: Mapped[str] = mapped_column(String(300), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    na_rule: Mapped[str] = mapped_column(String(20), default="scale")  # see app/domain/score_totals.py
    added_at: Mapped[datetime] = mapped_column(DateTime)


class CriterionRow(Base):
    __tablename__ = "criterion"
    __table_args__ = (UniqueConstraint("set_id", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    set_id: Mapped[int] = mapped_column(ForeignKey("criteria_set.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    code: Mapped[str] = mapped_column(String(40))
    parent_code: Mapped[str] = mapped_column(String(40), default="")
    level: Mapped[str] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(Text)
    max_points: Mapped[Decimal | None] = mapped_column(DecimalText, nullable=True)
    rule_kind: Mapped[str] = mapped_column(String(20))
    rule_levels: Mapped[str] = mapped_column(Text, default="")
    evidence: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str] = mapped_column(String(60), default="")
    subject: Mapped[str] = mapped_column(String(20), default="")
    node_kind: Mapped[str] = mapped_column(String(20), default="")  # "" ordinary | bonus | penalty
    na_allowed: Mapped[bool] = mapped_column(Boolean, default=True)  # the clerk may mark it "Không áp dụng"


class RatingBandRow(Base):
    __tablename__ = "rating_band"

    id: Mapped[int] = mapped_column(primary_key=True)
    set_id: Mapped[int] = mapped_column(ForeignKey("criteria_set.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    label: Mapped[str] = mapped_column(String(100))
    min_points: Mapped[Decimal] = mapped_column(DecimalText)


class AssessmentRow(Base):
    __tablename__ = "assessment"
    __table_args__ = (UniqueConstraint("year", "kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(20))
    set_id: Mapped[int] = mapped_column(ForeignKey("criteria_set.id", ondelete="RESTRICT"), index=True)


class ScoreEntryRow(Base):
    __tablename__ = "score_entry"
    __table_args__ = (UniqueConstraint("assessment_id", "criterion_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    assessment_id: Mapped[int] = mapped_column(ForeignKey("assessment.id", ondelete="CASCADE"), index=True)
    criterion_id: Mapped[int] = mapped_column(ForeignKey("criterion.id", ondelete="CASCADE"), index=True)
    points: Mapped[Decimal | None] = mapped_column(DecimalText, nullable=True)
    basis: Mapped[str] = mapped_column(String(20), default="manual")  # manual | proposal
    comment: Mapped[str] = mapped_column(Text, default="")
    not_applicable: Mapped[bool] = mapped_column(Boolean, default=False)  # "Không áp dụng": points ignored
    declared: Mapped[str] = mapped_column(Text, default="")  # số liệu kê khai, e.g. "45/48 hồ sơ đúng hạn"
    appraised_points: Mapped[Decimal | None] = mapped_column(DecimalText, nullable=True)  # điểm thẩm định
    appraisal_note: Mapped[str] = mapped_column(Text, default="")  # ý kiến thẩm định


class ScoreEvidenceRow(Base):
    __tablename__ = "score_evidence"

    id: Mapped[int] = mapped_column(primary_key=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("score_entry.id", ondelete="CASCADE"), index=True)
    file_id: Mapped[int] = mapped_column(ForeignKey("evidence_file.id", ondelete="RESTRICT"), index=True)
    original_name: Mapped[str] = mapped_column(String(260))
    attached_at: Mapped[datetime] = mapped_column(DateTime)


class EmulationMarkRow(Base):
    __tablename__ = "emulation_mark"
    __table_args__ = (UniqueConstraint("assessment_id", "criterion_id", "subject_kind", "subject_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    assessment_id: Mapped[int] = mapped_column(ForeignKey("assessment.id", ondelete="CASCADE"), index=True)
    criterion_id: Mapped[int] = mapped_column(ForeignKey("criterion.id", ondelete="CASCADE"), index=True)
    subject_kind: Mapped[str] = mapped_column(String(20))  # official | collective
    subject_id: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(20))  # met | not_met | unknown
    reason: Mapped[str] = mapped_column(Text, default="")
