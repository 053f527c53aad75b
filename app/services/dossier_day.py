"""The dossier's day: the one date that chooses which version of the law applies to a dossier.

The letter's date (the dossier goes up, or is received, on it); before the letter is dated, the
council meeting's; before that, the dossier deadline of a past year (today for the current one).
Every reader of dated rules (who grants what, the vote thresholds, the forms, the addressees, the
decision, the readiness checks, the dossier page's line) asks here.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.store import Store
from db.models import CouncilMeetingRow, DossierRow


def dossier_day(letter_date: date | None, held_on: date | None, today: date | None = None,
                year: int | None = None) -> date:
    """The letter's date, else the council meeting's, else (with ``year``) the year's dossier deadline once
    the year is over, else ``today`` (the real today when not given)."""
    if letter_date or held_on:
        return letter_date or held_on
    today = today or date.today()
    if year is None:
        return today
    from app.services.paper_dates import DOSSIER, default_day  # paper dates read deadlines; no cycle at import

    return default_day(DOSSIER, year, "year", today)[0]


def read_dossier_day(session: Session, dossier_id: int, today: date | None = None) -> date:
    """``dossier_day`` of a saved dossier, inside a transaction already open."""
    found = session.execute(select(DossierRow.letter_date, DossierRow.year).where(DossierRow.id == dossier_id)).first()
    letter, year = found if found is not None else (None, None)
    held = session.scalar(select(CouncilMeetingRow.held_on).where(CouncilMeetingRow.dossier_id == dossier_id))
    return dossier_day(letter, held, today, year)


def day_of(store: Store, dossier_id: int, today: date | None = None) -> date:
    with store.transaction() as session:
        return read_dossier_day(session, dossier_id, today)
