"""The commune's own awards: the start-of-year registration, the Chairman's decision, certificate layouts.

- ``registration``: the titles each official or collective registered for at the start
  of a year (đăng ký thi đua).
- ``award_decision``: the commune Chairman's decision granting the awards within the
  commune's authority that a dossier's council carried; its number is unique per year.
  Once issued (``issued_at``), every award it grants is in ``award_record`` (source
  "decision", ``decision_id``) and the decision can no longer be edited.
- ``certificate_layout``: where each field of a pre-printed certificate blank goes, in
  millimetres (JSON), with an optional scanned image of the blank to place them over.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base


class RegistrationRow(Base):
    __tablename__ = "registration"
    __table_args__ = (UniqueConstraint("year", "subject_kind", "subject_id", "award_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int] = mapped_column(Integer, index=True)
    subject_kind: Mapped[str] = mapped_column(String(20))  # official | collective
    subject_id: Mapped[int] = mapped_column(Integer)
    award_key: Mapped[str] = mapped_column(String(60))


class AwardDecisionRow(Base):
    __tablename__ = "award_decision"

    id: Mapped[int] = mapped_column(primary_key=True)
    dossier_id: Mapped[int] = mapped_column(ForeignKey("dossier.id", ondelete="RESTRICT"), unique=True)
    year: Mapped[int] = mapped_column(Integer, index=True)
    number: Mapped[str] = mapped_column(String(100), default="")
    signed_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    base_salary: Mapped[int] = mapped_column(Integer, default=0)  # đồng per month, the base of the money
    executors: Mapped[str] = mapped_column(Text, default="")  # Điều 3: who carries the decision out
    recipients: Mapped[str] = mapped_column(Text, default="")
    issued_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)


class CertificateLayoutRow(Base):
    __tablename__ = "certificate_layout"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    award_key: Mapped[str] = mapped_column(String(60), default="")  # the kind it prints by default
    definition: Mapped[str] = mapped_column(Text)  # JSON: page size and fields in mm
    background: Mapped[str] = mapped_column(String(200), default="")  # relative to evidence/, the scanned blank
