"""What the award papers read: a dossier with its nominees, council and history; the Chairman's decision;
the year's registration; the award statistics."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from app.domain.awards import AwardKind
from app.errors import UserError
from app.queries.models.award_decision import Decision
from app.queries.models.award_history import Record
from app.queries.models.award_statistics import Statistics
from app.queries.models.carried import Carried, carried_of
from app.queries.models.council import Meeting, Outcome
from app.queries.models.dossier import DossierInfo, Nomination
from app.queries.models.profile import CommuneProfile
from app.services import council
from app.services.award_decision import decision_for, routing
from app.services.award_history import list_records
from app.services.award_kinds import award_kinds
from app.services.award_statistics import award_statistics
from app.services.dossier import list_dossiers, nominations
from app.services.dossier_readiness import Missing, readiness
from app.services.officials import list_officials
from app.services.dossier_day import dossier_day
from app.services.profile import get_profile
from app.services.registers import list_collectives
from app.services.registration import Registration, registrations
from app.store import Store


def dossier_info(store: Store, dossier_id: int) -> DossierInfo:
    """The dossier, or a Vietnamese UserError when it is gone."""
    found = next((item for item in list_dossiers(store) if item.id == dossier_id), None)
    if found is None:
        raise UserError("Không tìm thấy hồ sơ khen thưởng này; có thể đã bị xóa.")
    return found


def year_dossiers(store: Store, year: int) -> tuple[DossierInfo, ...]:
    return tuple(list_dossiers(store, year))


def dossier_gaps(store: Store, dossier_id: int, today: date) -> tuple[Missing, ...]:
    """What stops the dossier from being printed whole; empty when it is ready."""
    return tuple(readiness(store, dossier_id, today))


@dataclass(frozen=True)
class DossierPaperFacts:
    """Everything the tờ trình, the nominee list, the minutes and the achievement reports print."""

    profile: CommuneProfile
    nominations: tuple[Nomination, ...]
    outcomes: Mapping[int, Outcome]
    meeting: Meeting
    kinds: Mapping[str, AwardKind]
    records: Mapping[int, tuple[Record, ...]]  # each nomination's past awards, by nomination id
    carried: Carried  # who the council carried: what the letter, list, minutes and reports print


def carried_nominees(store: Store, dossier_id: int, today: date | None = None) -> Carried:
    """The dossier's carried-nominee set: the one source for who is proposed (``carried_of``)."""
    return carried_of(nominations(store, dossier_id, today), council.outcomes(store, dossier_id))


def dossier_paper_facts(store: Store, dossier_id: int, today: date) -> DossierPaperFacts:
    """… with the profile addressed to the superior in force on the dossier's own date (``dossier_day``)."""
    listed = tuple(nominations(store, dossier_id, today))
    records = {item.id: tuple(list_records(store, item.subject_kind, item.subject_id)) for item in listed}
    meeting, dossier = council.meeting(store, dossier_id), dossier_info(store, dossier_id)
    profile = get_profile(store).addressed_on(dossier_day(dossier.letter_date, meeting.held_on, today, dossier.year))
    results = council.outcomes(store, dossier_id)
    return DossierPaperFacts(profile, listed, results, meeting, award_kinds(store, active_only=False), records,
                             carried_of(listed, results))


@dataclass(frozen=True)
class DecisionPaperFacts:
    """Everything the Chairman's QUYẾT ĐỊNH and its list print."""

    decision: Decision
    granted: tuple[Nomination, ...]  # carried by the council, granted by the commune
    profile: CommuneProfile
    held_on: date | None  # the council meeting's date, cited in the Căn cứ lines


def decision_paper_facts(store: Store, dossier_id: int, today: date) -> DecisionPaperFacts:
    return DecisionPaperFacts(decision_for(store, dossier_id), routing(store, dossier_id, today).commune,
                              get_profile(store), council.meeting(store, dossier_id).held_on)


@dataclass(frozen=True)
class RegistrationFacts:
    """The year's registrations and who can register: (id, name, position) of officials and collectives."""

    registered: frozenset[Registration]
    kinds: Mapping[str, AwardKind]
    people: tuple[tuple[int, str, str], ...]
    groups: tuple[tuple[int, str, str], ...]
    profile: CommuneProfile


def registration_facts(store: Store, year: int) -> RegistrationFacts:
    return RegistrationFacts(
        frozenset(registrations(store, year)), award_kinds(store, active_only=False),
        tuple((item.id, item.full_name, item.position) for item in list_officials(store)),
        tuple((item.id, item.name, "") for item in list_collectives(store)), get_profile(store))


def statistics_facts(store: Store, first_year: int, last_year: int) -> tuple[Statistics, CommuneProfile]:
    """The counts over the span (a UserError for a span that is not one) and the profile the paper prints."""
    return award_statistics(store, first_year, last_year), get_profile(store)

