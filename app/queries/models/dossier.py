"""An award dossier as papers print it: the dossier and its nominations (the report form: ``report_forms``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from app.domain.awards import AwardKind, Eligibility
from app.queries.models.report_forms import FORM_VERSIONS, form_version_for  # noqa: F401  (re-exported)

OFFICIAL, COLLECTIVE = "official", "collective"


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
