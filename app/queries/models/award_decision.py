"""The Chairman's award decision as papers print it, and the money each granted nominee receives."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime
from decimal import ROUND_CEILING, Decimal

from app.domain.law import kind_on
from app.resources import load_json


def award_money(coefficient: Decimal | None, base_salary: int) -> int:
    """Coefficient × base salary, rounded up to the unit in ``money.json``; 0 without a coefficient."""
    if coefficient is None or base_salary <= 0:
        return 0
    unit = int(load_json("law", "money.json").get("round_to", 1000))
    amount = coefficient * base_salary
    return int((amount / unit).to_integral_value(rounding=ROUND_CEILING)) * unit


def nominee_money(item, base_salary: int) -> int:
    """The money a granted nominee receives: the kind's coefficient for a person or a collective."""
    return award_money(item.award.coefficient_for(item.subject_kind) if item.award else None, base_salary)


def decision_money(item, base_salary: int, day: date | None) -> int:
    """``nominee_money`` with the award's coefficient as in force on ``day`` (the decision's signing date)."""
    dated = replace(item, award=kind_on(item.award, day)) if item.award and day else item
    return nominee_money(dated, base_salary)


@dataclass(frozen=True)
class Decision:
    id: int
    dossier_id: int
    year: int
    number: str
    signed_on: date | None
    base_salary: int
    executors: str
    recipients: str
    issued_at: datetime | None

    @property
    def issued(self) -> bool:
        return self.issued_at is not None
