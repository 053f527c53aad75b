"""An award dossier as papers print it: the dossier, its nominations, the report form in force on a date."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from app.domain.awards import AwardKind, Eligibility

OFFICIAL, COLLECTIVE = "official", "collective"
FORM_VERSIONS = {
    "nd91-m07": "Mẫu số 07, Nghị định 91/2017/NĐ-CP",
    "nd98-m08": "Mẫu số 08, Nghị định 98/2023/NĐ-CP",
    "nd152-m08": "Mẫu số 08, Nghị định 152/2025/NĐ-CP",
}


def form_version_for(on: date) -> str:
    """The achievement report form in force on a date (FORMS.md §0)."""
    if on < date(2024, 1, 1):
        return "nd91-m07"
    if on < date(2025, 7, 1):
        return "nd98-m08"
    return "nd152-m08"


@dataclass(frozen=True)
class DossierInfo:
    id: int
    year: int
    campaign: str
    form_version: str
    letter_number: str
    letter_date: date | None
    addressee: str
    summary: str


@dataclass(frozen=True)
class Nomination:
    id: int
    position: int
    subject_kind: str
    subject_id: int
    name: str
    title: str  # position (person) or "Tập thể"
    unit: str
    award_key: str
    award: AwardKind | None
    eligibility: Eligibility
    excellent: bool
    justification: str
    note: str
    identity: dict = field(default_factory=dict)
    duties: str = ""
    achievements: str = ""
    report_date: date | None = None
    votes_for: int | None = None

    @property
    def award_name(self) -> str:
        return self.award.name if self.award else self.award_key

    @property
    def proposed_against_rules(self) -> bool:
        return self.eligibility.eligible is not True
