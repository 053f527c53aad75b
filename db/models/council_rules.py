"""The council's own rules per year and the written votes of absent members.

- ``council_rule``: one row per year the clerk saved the council's rules (quy chế): the
  quorum as a fraction of all members. No row: the defaults of
  ``resources/awards/council-rules.json``.
- ``council_threshold``: for that year, the share of votes an award kind needs where the law
  sets none (percent as text, e.g. "50"; base ``present`` or ``all``; "trên" or "từ … trở
  lên"; secret ballot). No row for a kind: the kind's own default vote.
- ``written_vote``: an absent member's written opinion on one nomination (agrees or not);
  counted where the rule's base is all members, recorded in the minutes always.
"""

from __future__ import annotations

from sqlalchemy import Boolean, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base


class CouncilRuleRow(Base):
    __tablename__ = "council_rule"

    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int] = mapped_column(Integer, unique=True)
    quorum_numerator: Mapped[int] = mapped_column(Integer)
    quorum_denominator: Mapped[int] = mapped_column(Integer)


class CouncilThresholdRow(Base):
    __tablename__ = "council_threshold"
    __table_args__ = (UniqueConstraint("year", "award_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int] = mapped_column(Integer, index=True)
    award_key: Mapped[str] = mapped_column(String(60))
    percent: Mapped[str] = mapped_column(String(10))  # a decimal as text: "50", "66.67"
    base: Mapped[str] = mapped_column(String(10))  # present | all
    strictly_more: Mapped[bool] = mapped_column(Boolean)
    secret_ballot: Mapped[bool] = mapped_column(Boolean, default=False)


class WrittenVoteRow(Base):
    __tablename__ = "written_vote"
    __table_args__ = (UniqueConstraint("nomination_id", "member_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    nomination_id: Mapped[int] = mapped_column(ForeignKey("nomination.id", ondelete="CASCADE"), index=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("council_member.id", ondelete="CASCADE"), index=True)
    agrees: Mapped[bool] = mapped_column(Boolean)
