"""A past award of an official or a collective, as the achievement report lists it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class RecordData:
    subject_kind: str
    subject_name: str
    year: int
    award_name: str
    authority: str = ""
    decision_number: str = ""
    decision_date: date | None = None
    subject_id: int | None = None
    award_key: str = ""


@dataclass(frozen=True)
class Record(RecordData):
    id: int = 0
    source: str = "manual"


def known_on(record: RecordData, day: date | None, year: int) -> bool:
    """Did ``record`` exist on a paper dated ``day`` (a paper of ``year``)?

    A report dated 25/11/2024 cannot cite a decision of 20/12/2024: a record with a decision date counts
    when that date is on or before the paper's; one without, when its year is before the paper's. An
    undated paper (the clerk writes the date by hand) lists only what is surely older: earlier years.
    """
    if day is None:
        return record.year < year and (record.decision_date is None or record.decision_date.year < year)
    if record.decision_date is not None:
        return record.decision_date <= day
    return record.year < day.year


def records_as_of(records, day: date | None, year: int) -> list:
    """The records a paper dated ``day`` may list (every paper that lists awards filters through here)."""
    return [record for record in records if known_on(record, day, year)]
