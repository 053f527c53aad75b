"""Which vote an award needs on a given day, and where that rule comes from; the tally with written votes.

The law sets a threshold for some titles only (NĐ 98/2023 Điều 30 khoản 7: Chiến sĩ thi
đua cơ sở, 80 % of all members, the absent voting in writing). Everything else — the
quorum, the threshold of Lao động tiên tiến, Giấy khen… — is the council's own rule
(quy chế), set per year. The law is dated data (``resources/law/votes.json``): a dossier
chooses the version in force on its day; a new decree is a new entry, not new code.

Standard library only.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from app.domain.awards import AwardKind, Quorum, VoteRule, vote_result

ALL, PRESENT = "all", "present"


def rule_from_dict(raw: Mapping) -> VoteRule:
    """A vote rule as the JSON files write it: percent, base, strictly_more, secret_ballot."""
    return VoteRule(Decimal(str(raw.get("percent", "50"))), raw.get("base", PRESENT),
                    bool(raw.get("strictly_more", True)), bool(raw.get("secret_ballot", False)))


@dataclass(frozen=True)
class SourcedRule:
    """A vote rule and what sets it: a decree's article (``by_law``) or the council's rules of a year."""

    rule: VoteRule
    source: str  # "Nghị định 98/2023/NĐ-CP, Điều 30 khoản 7" | "Quy chế của Hội đồng năm 2024"
    by_law: bool
    verified: bool = True

    def source_phrase(self) -> str:
        """ "theo Nghị định 98/2023/NĐ-CP, Điều 30 khoản 7" or "theo quy chế của Hội đồng"."""
        if not self.by_law:
            return "theo quy chế của Hội đồng"
        return f"theo {self.source}" + ("" if self.verified else "; điều khoản chưa được đối chiếu")

    def describe(self) -> str:
        """ "từ 80% trở lên tổng số thành viên Hội đồng (theo Nghị định 98/2023/NĐ-CP, Điều 30 khoản 7)"."""
        return f"{self.rule.describe()} ({self.source_phrase()})"


@dataclass(frozen=True)
class CouncilRules:
    """The council's own rules for a year: the quorum and the thresholds the law leaves to it."""

    year: int
    quorum: Quorum
    thresholds: Mapping[str, VoteRule] = field(default_factory=dict)  # award key -> rule
    saved: bool = False  # False: the shipped defaults, never saved for this year

    @property
    def source(self) -> str:
        return f"Quy chế của Hội đồng năm {self.year}"


def law_entry(law: Mapping, key: str, day: date) -> Mapping | None:
    """The version of the law's rule for ``key`` in force on ``day`` (None: no entry for that kind)."""
    versions = [item for item in law.get("kinds", {}).get(key, ())
                if item.get("from") is None or date.fromisoformat(item["from"]) <= day]
    if not versions:
        return None
    return max(versions, key=lambda item: item.get("from") or "")


def resolve(kind: AwardKind, day: date, council: CouncilRules, law: Mapping) -> SourcedRule:
    """The vote ``kind`` needs for a dossier of ``day``: the law's where it sets one, else the council's.

    The council's rule of the year for that kind, else the kind's own default vote.
    """
    entry = law_entry(law, kind.key, day)
    if entry is not None and entry.get("vote"):
        return SourcedRule(rule_from_dict(entry["vote"]), entry["source"], True, bool(entry.get("verified")))
    rule = council.thresholds.get(kind.key, kind.vote)
    return SourcedRule(rule, council.source, False)


@dataclass(frozen=True)
class Tally:
    """The votes for one nominee under its rule: those cast at the meeting and, where the base is all
    members, the written votes of the absent."""

    votes_for: int  # counted: at the meeting + written where they count
    base: int  # the members the percentage is of
    percent: Decimal
    passed: bool
    text: str
    sourced: SourcedRule
    written_for: int = 0  # written votes "đồng ý" counted
    written_counted: int = 0  # written votes counted (for or against)

    def base_text(self) -> str:
        """ "6/7 tổng số thành viên (có 1 phiếu bằng văn bản)" or "5/6 thành viên dự họp"."""
        if self.sourced.rule.base != ALL:
            return f"{self.votes_for}/{self.base} thành viên dự họp"
        written = f" (có {self.written_counted} phiếu bằng văn bản)" if self.written_counted else ""
        return f"{self.votes_for}/{self.base} tổng số thành viên{written}"


def tally(sourced: SourcedRule, at_meeting: int, present: int, members: int,
          written: tuple[bool, ...] = ()) -> Tally:
    """Count ``at_meeting`` votes for (of ``present``) and the absent members' ``written`` opinions
    (True: agrees). Written opinions count only where the base is all members (NĐ 98/2023 Điều 30.7)."""
    counted = written if sourced.rule.base == ALL else ()
    written_for = sum(1 for agrees in counted if agrees)
    if at_meeting > present:
        raise ValueError("more votes than members present")
    result = vote_result(sourced.rule, at_meeting + written_for, present, members, len(counted))
    text = f"{result.text}; {sourced.source_phrase()}"
    return Tally(result.votes_for, result.base, result.percent, result.passed, text, sourced, written_for,
                 len(counted))

