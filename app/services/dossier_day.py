"""The dossier's day: the one date that chooses which version of the law applies to a dossier.

The letter's date (the dossier goes up, or is received, on it); before the letter is dated, the
council meeting's; before that, today. Every reader of dated rules (who grants what, the letter's
names, the decision, the readiness checks, the dossier page's line) asks here.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.store import Store
from db.models import CouncilMeetingRow, DossierRow


def dossier_day(letter_date: date | None, held_on: date | None, today: date | None = None) -> date:
    """The letter's date, else the council meeting's, else ``today`` (the real today when not given)."""
    return letter_date or held_on or today or date.today()


def read_dossier_day(session: Session, dossier_id: int, today: date | None = None) -> date:
    """``dossier_day`` of a saved dossier, inside a transaction already open."""
    letter = session.scalar(select(DossierRow.letter_date).where(DossierRow.id == dossier_id))
    held = session.scalar(select(CouncilMeetingRow.held_on).where(CouncilMeetingRow.dossier_id == dossier_id))
    return dossier_day(letter, held, today)


def day_of(store: Store, dossier_id: int, today: date | None = None) -> date:
    with store.transaction() as session:
        return read_dossier_day(session, dossier_id, today)
