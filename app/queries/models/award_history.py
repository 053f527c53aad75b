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
