"""What the export package reads about awards: the year's dossiers to choose from, the decisions the commune issued."""

from __future__ import annotations

from datetime import date

from app.queries.models.award_decision import Decision
from app.queries.models.package import DossierChoice
from app.services.award_decision import decision_for, routing
from app.services.dossier import list_dossiers
from app.store import Store


def _distinct(nominations) -> int:
    """People and collectives, each once however many titles it is proposed for."""
    return len({(item.subject_kind, item.subject_id) for item in nominations})


def dossier_choices(store: Store, year: int, today: date | None) -> tuple[DossierChoice, ...]:
    """Every award dossier of ``year`` in the order made, with who the council carried upward and kept at home."""
    found = []
    for dossier in list_dossiers(store, year):
        split, decision = routing(store, dossier.id, today), decision_for(store, dossier.id)
        found.append(DossierChoice(dossier.id, dossier.campaign, dossier.letter_number, dossier.letter_date,
                                   _distinct(split.superior), _distinct(split.commune),
                                   decision.number if decision.issued else ""))
    return tuple(found)


def issued_decisions(store: Store, year: int) -> tuple[Decision, ...]:
    """The commune Chairman's award decisions of ``year`` that were issued (numbered, signed, in the history)."""
    decisions = (decision_for(store, dossier.id) for dossier in list_dossiers(store, year))
    return tuple(decision for decision in decisions if decision.issued)
