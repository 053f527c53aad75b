"""Award kinds, award history, the year's dossier with its nominations, the council and its votes.

- ``award_kind``: titles and award forms with their granting authority, vote rule and
  eligibility rules (JSON text interpreted by ``app/domain/awards.py``); defaults from
  ``resources/awards``, editable.
- ``award_record``: the award history (sổ theo dõi khen thưởng) of officials and
  collectives; ``subject_id`` is null for a name not (or no longer) in the lists.
- ``dossier``: a year's award dossier for a campaign: the achievement report's form
  version, the submission letter's number and date, the addressee.
- ``nomination``: a nominee proposed for an award in a dossier, with the clerk's
  justification when proposed against the rules and the achievement report's texts.
- ``council_member``: the council's membership for a year, with roles.
- ``council_meeting`` (+ ``meeting_attendance``): when and where it met, who chaired and
  kept the minutes, who attended or was absent (with reason, and a written vote).
- ``nomination_vote``: the votes for each nominee.
"""

from __future__ import annotations

from datetime import date, time

from sqlalchemy import Boolean, Date, ForeignKey, Integer, String, Text, Time, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base


class AwardKindRow(Base):
    __tablename__ = "award_kind"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(60), unique=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    definition: Mapped[str] = mapped_column(Text)  # the kind as JSON (see resources/awards/award-kinds.json)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class AwardRecordRow(Base):
    __tablename__ = "award_record"

    id: Mapped[int] = mapped_column(primary_key=True)
    subject_kind: Mapped[str] = mapped_column(String(20))  # official | collective
    subject_id: Mapped[int | None] = mapped_column(Integer, nullable=True, index=True)
    subject_name: Mapped[str] = mapped_column(String(300))
    year: Mapped[int] = mapped_column(Integer, index=True)
    award_key: Mapped[str] = mapped_column(String(60), default="")  # "" when the award is not a known kind
    award_name: Mapped[str] = mapped_column(String(300))
    authority: Mapped[str] = mapped_column(String(300), default="")
    decision_number: Mapped[str] = mapped_column(String(100), default="")
    decision_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    source: Mapped[str] = mapped_column(String(20), default="manual")  # manual | import | decision
    decision_id: Mapped[int | None] = mapped_column(
        ForeignKey("award_decision.id", ondelete="RESTRICT"), nullable=True, index=True)


class DossierRow(Base):
    __tablename__ = "dossier"

    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int] = mapped_column(Integer, index=True)
    campaign: Mapped[str] = mapped_column(Text)
    form_version: Mapped[str] = mapped_column(String(30))
    letter_number: Mapped[str] = mapped_column(String(100), default="")
    letter_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    addressee: Mapped[str] = mapped_column(String(300), default="")
    summary: Mapped[str] = mapped_column(Text, default="")  # the letter's paragraph of achievements


class NominationRow(Base):
    __tablename__ = "nomination"
    __table_args__ = (UniqueConstraint("dossier_id", "subject_kind", "subject_id", "award_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    dossier_id: Mapped[int] = mapped_column(ForeignKey("dossier.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    subject_kind: Mapped[str] = mapped_column(String(20))
    subject_id: Mapped[int] = mapped_column(Integer)
    award_key: Mapped[str] = mapped_column(String(60))
    excellent: Mapped[bool] = mapped_column(Boolean, default=False)  # hoàn thành xuất sắc nhiệm vụ
    justification: Mapped[str] = mapped_column(Text, default="")  # why proposed although a rule fails
    note: Mapped[str] = mapped_column(Text, default="")
    report_identity: Mapped[str] = mapped_column(Text, default="")  # JSON: the report's part I fields
    report_duties: Mapped[str] = mapped_column(Text, default="")
    report_achievements: Mapped[str] = mapped_column(Text, default="")
    report_date: Mapped[date | None] = mapped_column(Date, nullable=True)


class CouncilMemberRow(Base):
    __tablename__ = "council_member"

    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int] = mapped_column(Integer, index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    official_id: Mapped[int | None] = mapped_column(ForeignKey("official.id", ondelete="SET NULL"), nullable=True)
    full_name: Mapped[str] = mapped_column(String(200))
    title: Mapped[str] = mapped_column(String(200), default="")  # their office: "Chủ tịch UBND xã"
    role: Mapped[str] = mapped_column(String(60))  # Chủ tịch Hội đồng, Phó Chủ tịch, Ủy viên thường trực, Ủy viên, Thư ký


class CouncilMeetingRow(Base):
    __tablename__ = "council_meeting"

    id: Mapped[int] = mapped_column(primary_key=True)
    dossier_id: Mapped[int] = mapped_column(ForeignKey("dossier.id", ondelete="CASCADE"), unique=True)
    number: Mapped[str] = mapped_column(String(100), default="")
    held_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    starts_at: Mapped[time | None] = mapped_column(Time, nullable=True)
    ends_at: Mapped[time | None] = mapped_column(Time, nullable=True)
    place: Mapped[str] = mapped_column(String(300), default="")
    chair_id: Mapped[int | None] = mapped_column(ForeignKey("council_member.id", ondelete="SET NULL"), nullable=True)
    secretary_id: Mapped[int | None] = mapped_column(
        ForeignKey("council_member.id", ondelete="SET NULL"), nullable=True)
    method: Mapped[str] = mapped_column(String(20), default="show_of_hands")  # show_of_hands | secret_ballot
    discussion: Mapped[str] = mapped_column(Text, default="")


class MeetingAttendanceRow(Base):
    __tablename__ = "meeting_attendance"
    __table_args__ = (UniqueConstraint("meeting_id", "member_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("council_meeting.id", ondelete="CASCADE"), index=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("council_member.id", ondelete="CASCADE"), index=True)
    present: Mapped[bool] = mapped_column(Boolean, default=True)
    absence_reason: Mapped[str] = mapped_column(Text, default="")
    written_vote: Mapped[bool] = mapped_column(Boolean, default=False)  # absent, voted in writing


class NominationVoteRow(Base):
    __tablename__ = "nomination_vote"

    id: Mapped[int] = mapped_column(primary_key=True)
    nomination_id: Mapped[int] = mapped_column(ForeignKey("nomination.id", ondelete="CASCADE"), unique=True)
    votes_for: Mapped[int] = mapped_column(Integer)
