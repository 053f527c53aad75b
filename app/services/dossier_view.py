"""What the award-dossier page shows, read in one go: the year's dossiers and the chosen one with all it holds.

One refresh of the page is two transactions — the year's emulation evaluation (which eligibility
reads) and everything else — and judges each nominee's eligibility once; the nominees, the
outcomes, what is missing and who goes where are all drawn from that one reading.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from app.domain.awards import AwardKind
from app.domain.vietnamese import name_key
from app.services import award_decision, council
from app.services.award_decision import Decision, Routing
from app.services.award_kinds import read_kinds
from app.services.council import Meeting, Member, Outcome
from app.services.dossier import DossierInfo, Nomination, dossier_infos, judged, verdicts
from app.queries.models.carried import carried_of
from app.services.award_history import read_record
from app.services.dossier_checks import CheckFacts, warnings_of
from app.services.dossier_day import dossier_day
from app.services.dossier_readiness import (
    Missing,
    abolished_missing,
    authority_missing,
    granted_records,
    missing_of,
)
from app.store import Store
from db.models import AwardRecordRow, CommuneProfileRow, OfficialRow


@dataclass(frozen=True)
class Person:
    """An official who may sit on the council: id, name, position."""

    id: int
    full_name: str
    position: str


@dataclass(frozen=True)
class DossierView:
    """One dossier as every tab shows it, read after each change."""

    dossier: DossierInfo
    nominations: tuple[Nomination, ...]
    outcomes: dict[int, Outcome]
    meeting: Meeting
    members: tuple[Member, ...]
    kinds: dict[str, AwardKind]
    missing: tuple[Missing, ...]
    decision: Decision
    people: tuple[Person, ...] = ()  # the active officials, by name
    day: date | None = None  # the dossier's day (``dossier_day``): the law in force on it applies
    warnings: tuple[Missing, ...] = ()  # the papers disagree (``dossier_checks``): printed all the same

    def warnings_for(self, nomination_id: int | None) -> tuple[Missing, ...]:
        """The warnings about one nominee (the report tab shows them under the nominee's name)."""
        return tuple(item for item in self.warnings if item.target is not None and item.target == nomination_id)

    def nomination(self, nomination_id: int | None) -> Nomination | None:
        return next((item for item in self.nominations if item.id == nomination_id), None)

    def passed(self) -> tuple[Nomination, ...]:
        """The nominees the council carried: the ones the letter names."""
        return tuple(item for item in self.nominations if self.outcome_state(item.id) is True)

    def outcome_state(self, nomination_id: int) -> bool | None:
        outcome = self.outcomes.get(nomination_id)
        return outcome.passed if outcome is not None else None

    def outcome_text(self, nomination_id: int) -> str:
        outcome = self.outcomes.get(nomination_id)
        return outcome.text() if outcome is not None else "Chưa nhập số phiếu"

    def named(self) -> tuple[Nomination, ...]:
        """Those the letter and its list propose (as ``submission_letter.letter_nominees``)."""
        return letter_named(self.nominations, self.outcomes)

    @property
    def routing(self) -> Routing:
        """The carried nominees by who grants their award, and those not carried."""
        return award_decision.route(self.nominations, self.outcomes)

    @property
    def authority_text(self) -> str:
        """Who grants what on the dossier's day and why: the line the dossier page shows over its tabs."""
        return award_decision.routing_line(self.routing, self.nominations, self.day) if self.day else ""


@dataclass(frozen=True)
class DossierPage:
    """The year's dossiers (for the chooser) and the one shown; ``view`` is None when the year has none."""

    dossiers: tuple[DossierInfo, ...]
    view: DossierView | None


def read_page(store: Store, year: int, dossier_id: int | None, today: date | None = None) -> DossierPage:
    """The year's dossiers and ``dossier_id`` (the year's last when it is not one of them), read once."""
    found = verdicts(store, year, today)
    with store.transaction() as session:
        listed = tuple(dossier_infos(session, year))
        ids = [item.id for item in listed]
        chosen = dossier_id if dossier_id in ids else (ids[-1] if ids else None)
        view = _view(session, next(item for item in listed if item.id == chosen), found, today) if chosen else None
    return DossierPage(listed, view)


def read_view(store: Store, dossier_id: int, today: date | None = None) -> DossierView | None:
    """One dossier and all it holds; None when it is gone (a restore, another window)."""
    with store.transaction() as session:
        dossier = next((item for item in dossier_infos(session) if item.id == dossier_id), None)
    if dossier is None:
        return None
    found = verdicts(store, dossier.year, today)
    with store.transaction() as session:
        return _view(session, dossier, found, today)


def _view(session, dossier: DossierInfo, found: dict, today: date | None) -> DossierView:
    listed = tuple(judged(session, dossier.id, dossier.year, found, today))
    held = council.read_meeting(session, dossier.id)
    day = dossier_day(dossier.letter_date, held.held_on, today)
    decision = award_decision.read_decision(session, dossier.id)
    results = council.read_outcomes(session, dossier.id)
    checks = _check_facts(session, listed, results, decision)
    people = tuple(Person(row.id, row.full_name, row.position) for row in session.scalars(
        select(OfficialRow).where(OfficialRow.active.is_(True))))
    return DossierView(
        dossier=dossier, nominations=listed, outcomes=results, meeting=held,
        members=tuple(item.member for item in held.attendance), kinds=read_kinds(session, active_only=False),
        missing=tuple(missing_of(dossier, held, listed, results))
        + tuple(authority_missing(day, decision, granted_records(session, decision)))
        + tuple(abolished_missing(day, listed)),
        decision=decision, day=day,
        people=tuple(sorted(people, key=lambda person: (name_key(person.full_name), person.id))),
        warnings=tuple(warnings_of(dossier, held, listed, results, checks)))


def _check_facts(session, listed, results, decision: Decision) -> CheckFacts:
    """What the cross-checks read besides the view: the Chairman, each nominee's history, the issued awards."""
    profile = session.get(CommuneProfileRow, 1)
    records = {item.id: tuple(read_record(row) for row in session.scalars(select(AwardRecordRow).where(
        AwardRecordRow.subject_kind == item.subject_kind, AwardRecordRow.subject_id == item.subject_id)))
        for item in listed}
    issued = None
    if decision.issued and decision.id:
        rows = session.scalars(select(AwardRecordRow).where(AwardRecordRow.decision_id == decision.id))
        issued = frozenset((row.subject_kind, row.subject_id, row.award_key) for row in rows)
    return CheckFacts(profile.chairman_name if profile else "", records, letter_named(listed, results),
                      award_decision.route(listed, results).commune, decision.number, issued)


def letter_named(listed, results) -> tuple[Nomination, ...]:
    """Who the letter proposes: the carried going upward, or every carried when none does (the rule of
    ``submission_letter.letter_nominees``, which the services cannot import)."""
    split = award_decision.route(listed, results)
    return split.superior or carried_of(listed, results).carried
