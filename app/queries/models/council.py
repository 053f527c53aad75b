"""The award council as papers print it: its members, the meeting and attendance, each nomination's vote."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time

from app.domain.awards import Quorum
from app.domain.vote_rules import ALL, SourcedRule, Tally

METHODS = {"show_of_hands": "biểu quyết giơ tay", "secret_ballot": "bỏ phiếu kín"}


@dataclass(frozen=True)
class Member:
    id: int
    year: int
    full_name: str
    title: str
    role: str
    official_id: int | None


@dataclass(frozen=True)
class Attendance:
    member: Member
    present: bool
    absence_reason: str
    written_vote: bool


@dataclass(frozen=True)
class Meeting:
    dossier_id: int
    year: int
    number: str
    held_on: date | None
    starts_at: time | None
    ends_at: time | None
    place: str
    chair: Member | None
    secretary: Member | None
    method: str
    discussion: str
    attendance: tuple[Attendance, ...]
    quorum: Quorum

    @property
    def total(self) -> int:
        return len(self.attendance)

    @property
    def present(self) -> int:
        return sum(1 for item in self.attendance if item.present)

    @property
    def written(self) -> int:
        return sum(1 for item in self.attendance if not item.present and item.written_vote)

    @property
    def absent(self) -> tuple[Attendance, ...]:
        return tuple(item for item in self.attendance if not item.present)

    @property
    def quorum_met(self) -> bool:
        return self.quorum.met(self.present, self.total)

    def quorum_text(self) -> str:
        state = "đủ" if self.quorum_met else "không đủ"
        return (f"{self.present}/{self.total} thành viên dự họp: {state} số lượng để họp "
                f"(cần {self.quorum.describe()}, theo quy chế của Hội đồng)")


@dataclass(frozen=True)
class WrittenVote:
    """An absent member's written vote on one nominee; ``agrees`` None: not entered yet."""

    member_id: int
    full_name: str
    agrees: bool | None


@dataclass(frozen=True)
class Outcome:
    nomination_id: int
    result: Tally | None  # None: no votes entered yet
    quorum_met: bool
    rule: SourcedRule | None = None  # the vote the award needs and its source (None: unknown award)
    written: tuple[WrittenVote, ...] = ()  # the written votes of the absent who wrote in

    @property
    def missing_written(self) -> tuple[str, ...]:
        """Who wrote in but has no vote on this nominee, where the base is all members (they count)."""
        if self.rule is None or self.rule.rule.base != ALL:
            return ()
        return tuple(vote.full_name for vote in self.written if vote.agrees is None)

    @property
    def passed(self) -> bool | None:
        if self.result is None:
            return None
        return self.quorum_met and self.result.passed

    def text(self) -> str:
        if self.result is None:
            return "Chưa nhập số phiếu"
        if not self.quorum_met:
            return self.result.text + "; cuộc họp không đủ số lượng thành viên"
        return self.result.text
