"""Who the council carried, and how the papers count them: one rule for the letter, the list, the minutes,
the decision and the package's achievement reports.

A nomination is carried when its votes are entered, the meeting had its quorum and the award's threshold
was reached. Papers count PEOPLE and COLLECTIVES, not nominations: one person proposed for two titles is
one "cá nhân" and two "lượt đề nghị" (the 2024 decision listed 08 cá nhân while the minutes said 09).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from app.queries.models.council import Outcome
from app.queries.models.dossier import OFFICIAL, Nomination


def count_text(count: int) -> str:
    """ "02": official papers write small counts with two digits."""
    return f"{count:02d}"


@dataclass(frozen=True)
class Tally:
    """Distinct people and distinct collectives, and the proposals (lượt) each kind stands for."""

    persons: int
    collectives: int
    person_turns: int = 0
    collective_turns: int = 0

    @property
    def subjects(self) -> int:
        return self.persons + self.collectives

    @property
    def proposals(self) -> int:
        return self.person_turns + self.collective_turns

    def text(self, turns: str = "lượt đề nghị") -> str:
        """ "01 tập thể, 08 cá nhân (09 lượt đề nghị)": a kind's turns only when one of them has two titles."""
        parts = [_part(self.collectives, self.collective_turns, "tập thể", turns),
                 _part(self.persons, self.person_turns, "cá nhân", turns)]
        return ", ".join(part for part in parts if part)


def _part(count: int, proposals: int, kind: str, turns: str) -> str:
    if not count:
        return ""
    text = f"{count_text(count)} {kind}"
    return f"{text} ({count_text(proposals)} {turns})" if proposals > count else text


def tally(items: Iterable[Nomination]) -> Tally:
    """Count the subjects of ``items`` once each, whatever number of titles they are proposed for."""
    items = list(items)
    people = [item for item in items if item.subject_kind == OFFICIAL]
    groups = [item for item in items if item.subject_kind != OFFICIAL]
    return Tally(len({item.subject_id for item in people}), len({item.subject_id for item in groups}),
                 len(people), len(groups))


def is_carried(nomination: Nomination, results: Mapping[int, Outcome]) -> bool:
    """Votes entered, quorum met, threshold reached."""
    outcome = results.get(nomination.id)
    return outcome is not None and outcome.passed is True


@dataclass(frozen=True)
class Carried:
    """A dossier's nominations split by the council's vote, each part in list order."""

    carried: tuple[Nomination, ...]
    not_carried: tuple[Nomination, ...]

    @property
    def tally(self) -> Tally:
        return tally(self.carried)


def carried_of(listed: Iterable[Nomination], results: Mapping[int, Outcome]) -> Carried:
    """The one place that decides who the council carried (``results`` from ``council.outcomes``)."""
    listed = list(listed)
    return Carried(tuple(item for item in listed if is_carried(item, results)),
                   tuple(item for item in listed if not is_carried(item, results)))
